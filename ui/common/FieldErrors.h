#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace baokeys::ui {

// Says what is wrong with a form's field next to the field ("Amount: not a
// coin such as 1000utia"), instead of behind an error box's Show Details.
// add() puts the field in `form` with a hidden message label under it;
// set() shows the message, clear() hides them all.
//
// Thread-safety: GUI thread only; the labels belong to the form's widget.
class FieldErrors : public QObject {
    Q_OBJECT
public:
    explicit FieldErrors(QObject *parent = nullptr) : QObject(parent) {}

    // `name` is the field's name in the message ("Amount"), `label` its
    // form label ("&Amount:").
    void add(QFormLayout *form, const QString &label, const QString &name, QWidget *field);
    void set(QWidget *field, const QString &problem);
    void clear();
    bool any() const;
    // The message shown for `field` (empty when it is fine).
    QString message(QWidget *field) const;

private:
    struct Entry {
        QString name;
        QLabel *label = nullptr;
    };
    QHash<QWidget *, Entry> m_fields;
};

} // namespace baokeys::ui
