#pragma once

#include <QByteArray>
#include <QFile>
#include <QSet>
#include <QString>

namespace baokeys::testsupport {

// The local ports of this machine's established TCP connections to
// 127.0.0.1:`port`, from /proc (the clients' side of each connection).
// Header-only; any thread.
inline QSet<QString> connectionsTo(quint16 port)
{
    QSet<QString> localPorts;
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (!table.open(QIODevice::ReadOnly))
        return localPorts;
    const QByteArray remote = "0100007F:" + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    constexpr QByteArrayView Established = "01";
    for (const QByteArray &line : table.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // sl local_address rem_address st ...
        if (fields.size() > 3 && fields.at(2) == remote && fields.at(3) == Established)
            localPorts << QString::fromLatin1(fields.at(1));
    }
    return localPorts;
}

} // namespace baokeys::testsupport
