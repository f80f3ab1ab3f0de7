#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace baokeys::ui {

class FieldErrors;

// Asks what to import: a private key in hex or a BIP-39 mnemonic (with an
// optional passphrase and HD path), in masked fields. What can be refused
// without the server (the name, the hex or the mnemonic's words and
// checksum, the HD path) is refused next to its field and the dialog stays
// open with what was typed. The secret is taken out once (takeSecret /
// takeBip39Passphrase) and the fields are wiped then and on close.
// Thread-safety: GUI thread only.
class ImportKeyDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Hex, Mnemonic };

    explicit ImportKeyDialog(QWidget *parent = nullptr);
    ~ImportKeyDialog() override;

    QString name() const;
    Mode mode() const;
    bool exportable() const;
    QString hdPath() const;
    QString takeSecret();
    QString takeBip39Passphrase();

private:
    void updateMode();
    // Accepts only when every field passes the local checks.
    void acceptIfValid();

    QLineEdit *m_name = nullptr;
    QComboBox *m_mode = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_hdPath = nullptr;
    QCheckBox *m_exportable = nullptr;
    QCheckBox *m_show = nullptr;
    FieldErrors *m_errors = nullptr;
};

} // namespace baokeys::ui
