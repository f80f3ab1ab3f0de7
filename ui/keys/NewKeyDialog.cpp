#include "ui/keys/NewKeyDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace baokeys::ui {

NewKeyDialog::NewKeyDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New key"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newKeyName"));
    form->addRow(tr("&Name:"), m_name);
    // A refused character is typed and explained, never silently dropped.
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("newKeyHint"));
    m_hint->setWordWrap(true);
    m_hint->hide();
    form->addRow(QString(), m_hint);
    m_exportable = new QCheckBox(tr("&Exportable (the private key may be read back later)"), this);
    form->addRow(QString(), m_exportable);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, this, [this, buttons] {
        const QString problem = problemWith(name());
        m_hint->setText(problem);
        m_hint->setVisible(!problem.isEmpty() && !name().isEmpty());
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString NewKeyDialog::name() const
{
    return m_name->text().trimmed();
}

QString NewKeyDialog::problemWith(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter a name.");
    const auto word = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
    for (const QChar c : name) {
        if (!word(c) && c != QLatin1Char('-') && c != QLatin1Char('.'))
            return tr("“%1” cannot be used in a key name: use letters, digits, “_”, “-” and “.”.")
                .arg(c.isSpace() ? tr("a space") : QString(c));
    }
    if (!word(name.front()))
        return tr("A key name starts with a letter, a digit or “_”.");
    if (!word(name.back()))
        return tr("A key name ends with a letter, a digit or “_”.");
    return {};
}

bool NewKeyDialog::exportable() const
{
    return m_exportable->isChecked();
}

} // namespace baokeys::ui
