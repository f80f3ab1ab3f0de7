#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace baokeys::ui {

// Asks for a profile's token in a masked field. `reason` says why it is
// asked (e.g. no keychain is available, so it is asked each time).
// Thread-safety: GUI thread only.
class TokenPrompt : public QDialog {
    Q_OBJECT
public:
    TokenPrompt(const QString &profileName, const QString &reason, bool canRemember,
                QWidget *parent = nullptr);
    ~TokenPrompt() override; // wipes the field

    // Moves the token out (the field is wiped).
    QString takeToken();
    bool remember() const;

private:
    QLineEdit *m_token = nullptr;
    QCheckBox *m_remember = nullptr;
    bool m_canRemember = false; // not m_remember->isVisible(): false once exec() hid the dialog
};

} // namespace baokeys::ui
