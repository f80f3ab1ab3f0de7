#pragma once

#include "core/keyring/BatchTypes.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace baokeys::keyring {
class BaoKeyring;
}

namespace baokeys::ui {

// Signs one message (text or hex) with one key and shows the verified
// signature. The signing runs off the GUI thread (signAsync).
// Thread-safety: GUI thread only.
class SignMessageDialog : public QDialog {
    Q_OBJECT
public:
    SignMessageDialog(keyring::BaoKeyring &keyring, const QString &uid, QWidget *parent = nullptr);

signals:
    void signed_(const baokeys::keyring::Signature &signature);

private:
    enum class Format { Text, Hex }; // the format box's items, in this order

    void sign();

    keyring::BaoKeyring &m_keyring;
    QString m_uid;
    QComboBox *m_format = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QPlainTextEdit *m_result = nullptr;
    QPushButton *m_sign = nullptr;
};

} // namespace baokeys::ui
