#pragma once

#include "core/keyring/KeyRecord.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;

namespace baokeys::ui {

// Confirms deleting one key or several, naming each. Deleting a key the
// server still has destroys it there for good; a key the server no longer
// has (missingOnServer) only leaves this list, and the dialog says so rather
// than promise to destroy what is not there. One key: the user types its
// name; several: the number of keys. Thread-safety: GUI thread only.
class DeleteKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit DeleteKeyDialog(const QList<keyring::KeyRecord> &records, QWidget *parent = nullptr);

    QString text() const; // what the dialog says, for tests

private:
    QLabel *m_text = nullptr;
    QLineEdit *m_confirm = nullptr;
};

} // namespace baokeys::ui
