#pragma once

#include <QString>

namespace baokeys::ui {

// How names are ordered everywhere in the app: runs of digits compare as
// numbers (blob-worker-2 before blob-worker-10), letters case-folded.
// QCollator's numeric mode is not used: it does nothing in the C locale.
// Thread-safety: a pure function; any thread.
class NaturalOrder {
public:
    static int compare(const QString &a, const QString &b); // <0, 0, >0
};

} // namespace baokeys::ui
