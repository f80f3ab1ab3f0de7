#include "ui/connection/TokenPrompt.h"

#include "ui/common/SecretInput.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace baokeys::ui {

TokenPrompt::TokenPrompt(const QString &profileName, const QString &reason, bool canRemember, QWidget *parent)
    : QDialog(parent), m_canRemember(canRemember)
{
    setWindowTitle(tr("Token for %1").arg(profileName));
    auto *layout = new QVBoxLayout(this);
    auto *why = new QLabel(reason, this);
    why->setWordWrap(true);
    layout->addWidget(why);
    auto *form = new QFormLayout;
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    SecretInput::makeMasked(m_token);
    form->addRow(tr("&Token:"), m_token);
    layout->addLayout(form);
    m_remember = new QCheckBox(tr("&Remember in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberToken"));
    m_remember->setChecked(canRemember);
    m_remember->setVisible(canRemember);
    layout->addWidget(m_remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // An empty token can only be refused by the server, once the profile has
    // opened: OK (and Enter) wait until one is typed. The check reads the
    // field in place, so no copy of the token is left behind.
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    const auto update = [this, ok] {
        const QString token = m_token->text();
        ok->setEnabled(!std::all_of(token.cbegin(), token.cend(), [](QChar c) { return c.isSpace(); }));
    };
    connect(m_token, &QLineEdit::textChanged, this, update);
    update();
    // Wrapped text makes a narrow dialog, and the window title (with the
    // profile's name) was cut off: wide enough for the title, the frame's
    // icon and buttons, within the screen.
    const int titleRoom = fontMetrics().horizontalAdvance(windowTitle()) + 160;
    setMinimumWidth(qMin(qMax(440, titleRoom), 900));
}

TokenPrompt::~TokenPrompt()
{
    SecretInput::wipe(m_token);
}

QString TokenPrompt::takeToken()
{
    QString token = m_token->text().trimmed();
    SecretInput::wipe(m_token);
    return token;
}

bool TokenPrompt::remember() const
{
    return m_canRemember && m_remember->isChecked();
}

} // namespace baokeys::ui
