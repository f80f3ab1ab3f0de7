#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
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
    // Why `name` cannot be a key name, or empty when it can (OpenBao's
    // pattern: \w(([\w-.]+)?\w)?).
    static QString problemWith(const QString &name);

private:
    QLineEdit *m_name = nullptr;
    QCheckBox *m_exportable = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace baokeys::ui
