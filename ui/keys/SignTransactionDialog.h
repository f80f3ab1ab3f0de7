#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace baokeys::keyring {
class BaoKeyring;
}

namespace baokeys::ui {

// Signs a test transaction with one key: a Cosmos SDK bank send (MsgSend),
// optionally paid through a fee grant, in SIGN_MODE_DIRECT (tx::TxSigner,
// the same code as `baokeys-cli tx send`). Shows the signed TxRaw in base64
// and its hash, with a button to copy the TxRaw; nothing is broadcast. Bad
// input (an address of another chain, a coin, a number) is refused with the
// signer's own explanation before any request. The signing runs off the GUI
// thread.
// Thread-safety: GUI thread only.
class SignTransactionDialog : public QDialog {
    Q_OBJECT
public:
    // hrp: the profile's address prefix; the key's address on it is the sender.
    SignTransactionDialog(keyring::BaoKeyring &keyring, const QString &uid, const QString &hrp,
                          QWidget *parent = nullptr);

private:
    QLineEdit *addField(const QString &label, const QString &objectName, const QString &placeholder);
    void sign();
    void copyTxRaw();

    keyring::BaoKeyring &m_keyring;
    QString m_uid;
    QString m_hrp;
    QString m_from;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_fee = nullptr;
    QLineEdit *m_gas = nullptr;
    QLineEdit *m_feeGranter = nullptr;
    QLineEdit *m_memo = nullptr;
    QLineEdit *m_chainId = nullptr;
    QLineEdit *m_accountNumber = nullptr;
    QLineEdit *m_sequence = nullptr;
    QPlainTextEdit *m_result = nullptr;
    QPushButton *m_sign = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_copied = nullptr; // says each copy happened (the dialog covers the status bar)
    QString m_txRaw;            // base64, once signed
};

} // namespace baokeys::ui
