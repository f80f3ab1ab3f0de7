#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace baokeys::ui {

// Asks the name of a new key (generated on the server) and whether it may
// ever be exported. Thread-safety: GUI thread only.
class NewKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewKeyDialog(QWidget *parent = nullptr);
    QString name() const;
    bool exportable() const;

private:
    QLineEdit *m_name = nullptr;
    QCheckBox *m_exportable = nullptr;
};

} // namespace baokeys::ui
