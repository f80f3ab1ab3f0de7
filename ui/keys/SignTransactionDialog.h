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

class FieldErrors;

// Signs a test transaction with one key: a Cosmos SDK bank send (MsgSend),
// optionally paid through a fee grant, in SIGN_MODE_DIRECT, through the
// same path as `baokeys-cli tx send` (chain::TxSubmitter). Shows the signed
// TxRaw in base64 and its hash, with a button to copy the TxRaw. With the
// profile's chain node, an empty account number or sequence is asked of the
// node, "auto" gas is simulated there, and "Sign and broadcast" sends the
// transaction and follows it to its block. Bad input (an address of another
// chain, a coin, a number) is named next to its field before any request.
// The signing and the node's answers run off the GUI thread.
// Thread-safety: GUI thread only.
class SignTransactionDialog : public QDialog {
    Q_OBJECT
public:
    // hrp: the profile's address prefix; the key's address on it is the sender.
    // node: the profile's chain node (empty: offline).
    SignTransactionDialog(keyring::BaoKeyring &keyring, const QString &uid, const QString &hrp,
                          const QString &node = {}, QWidget *parent = nullptr);

private:
    QLineEdit *addField(const QString &label, const QString &name, const QString &objectName,
                        const QString &placeholder, const QString &text = {});
    void sign(bool broadcast);
    void copyTxRaw();
    // A field changed: a transaction signed from the old values no longer
    // matches the form, so it can no longer be copied.
    void fieldsChanged();
    static QString staleNote();

    keyring::BaoKeyring &m_keyring;
    QString m_uid;
    QString m_hrp;
    QString m_node;
    QString m_from;
    FieldErrors *m_errors = nullptr;
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
    QPushButton *m_broadcast = nullptr; // only with a chain node in the profile
    QPushButton *m_copy = nullptr;
    QLabel *m_copied = nullptr;  // says each copy happened (the dialog covers the status bar)
    QString m_txRaw;             // base64, once signed, while it matches the fields
    quint64 m_fieldsVersion = 0; // counts edits, so an answer can tell it was asked for older values
};

} // namespace baokeys::ui
