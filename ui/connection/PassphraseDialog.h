#pragma once

#include <QByteArray>
#include <QDialog>

class QLineEdit;

namespace baokeys::ui {

// Asks for the passphrase of an embedded signer's encrypted data folder
// (masked, wiped). A new folder asks twice.
// Thread-safety: GUI thread only.
class PassphraseDialog : public QDialog {
    Q_OBJECT
public:
    PassphraseDialog(const QString &folder, bool isNew, QWidget *parent = nullptr);
    ~PassphraseDialog() override;

    // UTF-8 bytes of the passphrase; the fields are wiped. The caller wipes
    // the result (SignerServer wipes its own copy after deriving the key).
    QByteArray takePassphrase();

private:
    void check();

    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
};

} // namespace baokeys::ui
