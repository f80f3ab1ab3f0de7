#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace baokeys::keyring {
class BaoKeyring;
}

namespace baokeys::ui {

// Exports an exportable key's private key after a warning and an explicit
// confirmation. The key is shown masked (reveal on demand), can be copied
// to the clipboard (cleared again after a timeout) and is wiped when the
// dialog closes. Thread-safety: GUI thread only.
class ExportKeyDialog : public QDialog {
    Q_OBJECT
public:
    ExportKeyDialog(keyring::BaoKeyring &keyring, const QString &uid, QWidget *parent = nullptr);
    ~ExportKeyDialog() override;

private:
    void exportKey();

    keyring::BaoKeyring &m_keyring;
    QString m_uid;
    QCheckBox *m_understand = nullptr;
    QPushButton *m_export = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_reveal = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace baokeys::ui
