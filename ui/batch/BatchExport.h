#pragma once

#include "core/common/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

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

    // A worker's fee-grant state, as the node reported it ("" where unknown).
    struct GrantEntry {
        QString name;
        QString address;
        QString account; // "exists", "missing", or "" when not asked
        QString balance; // "1utia,2uother"
        bool granted = false;
        QString spendLimit;      // what is left; "" without a limit
        QString expiration;      // RFC 3339; "" without one
        QString allowedMessages; // space-separated type URLs; "" for any
    };

    static QByteArray toCsv(const QList<Entry> &entries);
    static QByteArray grantsToCsv(const QList<GrantEntry> &entries);
    static QByteArray grantsToJson(const QList<GrantEntry> &entries, const QString &granter);
    // One address a line, as trusted-signer lists take them (op-alt-da's trusted_signers).
    static QByteArray addressList(const QStringList &addresses);
    static QByteArray signaturesToCsv(const QList<SignatureEntry> &entries);
    static QByteArray signaturesToJson(const QList<SignatureEntry> &entries);
    static QByteArray toJson(const QList<Entry> &entries, const QString &hrp);
    // Writes atomically with mode 0600 (public metadata, still kept private).
    static Expected<void, QString> writeFile(const QString &path, const QByteArray &bytes);
};

} // namespace baokeys::ui
