#pragma once

#include <QByteArrayView>
#include <QIODevice>

// Writes all of `bytes` to `device`, continuing after a short write. A disk
// that fills up half-way gives a short write first, for which Qt records no
// reason ("Unknown error"); the next write then fails outright, and the
// device's errorString() holds the system's reason ("No space left on
// device"), which is what the operator needs to read.
// Thread-safety: as the device.
namespace baokeys {

inline bool writeWhole(QIODevice &device, QByteArrayView bytes)
{
    qint64 written = 0;
    while (written < bytes.size()) {
        const qint64 now = device.write(bytes.data() + written, bytes.size() - written);
        if (now <= 0)
            return false;
        written += now;
    }
    return true;
}

} // namespace baokeys
