#include "ui/common/FieldErrors.h"

#include "ui/common/WindowFit.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace baokeys::ui {

void FieldErrors::add(QFormLayout *form, const QString &label, const QString &name, QWidget *field)
{
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(field);
    auto *problem = new QLabel(field->parentWidget());
    problem->setObjectName(field->objectName() + QStringLiteral("Error"));
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    problem->hide();
    column->addWidget(problem);
    auto *caption = new QLabel(label, field->parentWidget());
    caption->setBuddy(field);
    form->addRow(caption, column);
    m_fields.insert(field, Entry{name, problem});
}

void FieldErrors::set(QWidget *field, const QString &problem)
{
    const auto entry = m_fields.constFind(field);
    if (entry == m_fields.cend())
        return;
    //: A form field's problem shown under it: "Amount: not a coin such as 1000utia"
    entry->label->setText(tr("%1: %2").arg(entry->name, problem));
    entry->label->show();
    WindowFit::growToContents(entry->label);
}

void FieldErrors::clear()
{
    for (const Entry &entry : std::as_const(m_fields)) {
        entry.label->clear();
        entry.label->hide();
    }
}

bool FieldErrors::any() const
{
    for (const Entry &entry : m_fields) {
        if (!entry.label->isHidden())
            return true;
    }
    return false;
}

QString FieldErrors::message(QWidget *field) const
{
    const auto entry = m_fields.constFind(field);
    return entry == m_fields.cend() || entry->label->isHidden() ? QString() : entry->label->text();
}

} // namespace baokeys::ui
