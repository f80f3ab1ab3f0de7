#pragma once

#include "ui/batch/BatchItemModel.h"

#include <QCoreApplication>

namespace baokeys::ui {

// Says what failed in a batch and why, in one line for a summary:
// "8 of 8 failed: key not found (blob-worker-1, blob-worker-2, blob-worker-3, …)".
// The most common reason comes first with a few of its keys; other reasons
// are counted, their detail left to the table's Error column.
//
// Thread-safety: a pure function; any thread.
class BatchFailures {
public:
    static constexpr int KeysNamed = 3;

    static QString describe(const QList<BatchItemModel::Row> &rows);
    // A failed row's reason in a few words: the server's own message when
    // it gave one ("key not found"), else the plain explanation of its kind.
    static QString reasonOf(const BatchItemModel::Row &row);

    // The failed rows grouped by the kind of their error, each with the
    // first error of its kind and the keys' names: the ones whose outcome is
    // unknown first (they may exist on the server, a sync settles them),
    // then in the order first seen.
    struct Group {
        bao::BaoError error;
        QStringList names;
    };
    static QList<Group> byKind(const QList<BatchItemModel::Row> &rows);
};

} // namespace baokeys::ui
