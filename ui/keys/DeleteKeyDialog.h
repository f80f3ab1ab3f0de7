#pragma once

#include <QDialog>

class QLineEdit;

namespace baokeys::ui {

// Deleting a key destroys it on the server for good: the user types its
// name to confirm. Thread-safety: GUI thread only.
class DeleteKeyDialog : public QDialog {
    Q_OBJECT
public:
    DeleteKeyDialog(const QString &uid, QWidget *parent = nullptr);

private:
    QLineEdit *m_confirm = nullptr;
};

} // namespace baokeys::ui
