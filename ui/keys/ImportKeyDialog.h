#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace baokeys::ui {

// Asks what to import: a private key in hex or a BIP-39 mnemonic (with an
// optional passphrase and HD path), in masked fields. The secret is taken
// out once (takeSecret / takeBip39Passphrase) and the fields are wiped then
// and on close.
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

    QLineEdit *m_name = nullptr;
    QComboBox *m_mode = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_hdPath = nullptr;
    QCheckBox *m_exportable = nullptr;
    QCheckBox *m_show = nullptr;
};

} // namespace baokeys::ui
