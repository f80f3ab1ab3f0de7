#include "ui/batch/BatchFailures.h"

#include "ui/common/ErrorReporter.h"
#include "ui/common/NameList.h"

#include <QMap>
#include <algorithm>

namespace baokeys::ui {

QString BatchFailures::reasonOf(const BatchItemModel::Row &row)
{
    if (!row.errorDetail)
        return row.error.isEmpty() ? QCoreApplication::translate("BatchFailures", "no reason given")
                                   : row.error;
    if (!row.errorDetail->message.isEmpty())
        return row.errorDetail->message;
    return ErrorReporter::explain(*row.errorDetail);
}

QList<BatchFailures::Group> BatchFailures::byKind(const QList<BatchItemModel::Row> &rows)
{
    QList<Group> groups;
    for (const BatchItemModel::Row &row : rows) {
        if (row.state != keyring::BatchItemState::Failed || !row.errorDetail)
            continue;
        const auto same = std::find_if(groups.begin(), groups.end(), [&row](const Group &group) {
            return group.error.kind == row.errorDetail->kind;
        });
        if (same != groups.end()) {
            same->names << row.uid;
            continue;
        }
        const bool uncertain = row.errorDetail->kind == bao::BaoErrorKind::OutcomeUnknown;
        groups.insert(uncertain ? 0 : groups.size(), Group{*row.errorDetail, {row.uid}});
    }
    return groups;
}

QString BatchFailures::describe(const QList<BatchItemModel::Row> &rows)
{
    QMap<QString, QStringList> keysByReason;
    QStringList reasonsInOrder; // first seen first, for a stable pick among equals
    int failed = 0;
    for (const BatchItemModel::Row &row : rows) {
        if (row.state != keyring::BatchItemState::Failed)
            continue;
        ++failed;
        const QString reason = reasonOf(row);
        if (!keysByReason.contains(reason))
            reasonsInOrder << reason;
        QStringList &keys = keysByReason[reason];
        if (!keys.contains(row.uid))
            keys << row.uid;
    }
    if (failed == 0)
        return {};
    QString main = reasonsInOrder.first();
    for (const QString &reason : std::as_const(reasonsInOrder)) {
        if (keysByReason.value(reason).size() > keysByReason.value(main).size())
            main = reason;
    }
    const QString named = NameList::shortened(keysByReason.value(main), KeysNamed);
    QString text =
        QCoreApplication::translate("BatchFailures", "%L1 of %Ln failed: %2 (%3)", nullptr, int(rows.size()))
            .arg(failed)
            .arg(main, named);
    // A plain variable for the count: lupdate (Qt 6.4) hangs on an argument
    // written "int(list.size() - 1)" in a translate() call.
    const int otherReasons = int(reasonsInOrder.size()) - 1;
    if (otherReasons > 0)
        text += QCoreApplication::translate("BatchFailures", "; %n other reason(s), in the Error column",
                                            nullptr, otherReasons);
    return text;
}

} // namespace baokeys::ui
