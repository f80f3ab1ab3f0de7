#pragma once

#include <QStringList>

namespace baokeys::ui {

// A list of key names shown in a sentence: the first `shown` names, then
// "and N more" (translated) for the rest, joined by ", ", so a batch of
// thousands stays one readable line.
// Thread-safety: a pure function; any thread (translation is read-only).
class NameList {
public:
    static QString shortened(const QStringList &names, int shown);
};

} // namespace baokeys::ui
