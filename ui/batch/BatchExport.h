#pragma once

#include "core/common/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace baokeys::ui {

// What an operator needs to fund new worker keys or set up fee grants: each
// key's name, bech32 address and public key, as CSV or JSON.
// Thread-safety: pure functions, any thread.
class BatchExport {
public:
    struct Entry {
        QString name;
        QString address;   // bech32
        QString publicKey; // 33-byte compressed, hex
    };

    // One signature of a batch: verifiable by anyone from these four.
    struct SignatureEntry {
        QString name;
        QString signature; // 64 bytes r||s, hex
        QString publicKey; // 33-byte compressed, hex
        QString digest;    // the 32 bytes signed (SHA-256 of the message), hex
    };

    static QByteArray toCsv(const QList<Entry> &entries);
    static QByteArray signaturesToCsv(const QList<SignatureEntry> &entries);
    static QByteArray signaturesToJson(const QList<SignatureEntry> &entries);
    static QByteArray toJson(const QList<Entry> &entries, const QString &hrp);
    // Writes atomically with mode 0600 (public metadata, still kept private).
    static Expected<void, QString> writeFile(const QString &path, const QByteArray &bytes);
};

} // namespace baokeys::ui
