#pragma once

#include <QImage>
#include <QString>

namespace baokeys::ui {

// A QR code of a short text (an address) through libqrencode.
// Thread-safety: pure function, any thread.
class QrCode {
public:
    // Black modules on white with a 4-module quiet zone (scanners need the
    // contrast whatever the palette), each module `scale` pixels; a null
    // image when the text cannot be encoded.
    static QImage encode(const QString &text, int scale = 6);
    // The module matrix alone (true = dark), for tests; empty on failure.
    static QList<QList<bool>> modules(const QString &text);
};

} // namespace baokeys::ui
