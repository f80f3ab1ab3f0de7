#include "ui/common/QrCode.h"

#include <QPainter>
#include <memory>
#include <qrencode.h>

namespace baokeys::ui {

QList<QList<bool>> QrCode::modules(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    QList<QList<bool>> rows;
    if (!code)
        return rows;
    const int width = code->width;
    rows.reserve(width);
    for (int y = 0; y < width; ++y) {
        QList<bool> row(width);
        for (int x = 0; x < width; ++x)
            row[x] = (code->data[y * width + x] & 1) != 0;
        rows << row;
    }
    return rows;
}

QImage QrCode::encode(const QString &text, int scale)
{
    const auto rows = modules(text);
    if (rows.isEmpty() || scale <= 0)
        return {};
    constexpr int QuietZone = 4;
    const int width = int(rows.size());
    const int side = (width + 2 * QuietZone) * scale;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if (rows[y][x])
                painter.fillRect((x + QuietZone) * scale, (y + QuietZone) * scale, scale, scale, Qt::black);
        }
    }
    return image;
}

} // namespace baokeys::ui
