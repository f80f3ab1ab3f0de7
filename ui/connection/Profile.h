#pragma once

#include "core/bao/BaoSettings.h"

#include <QCoreApplication>
#include <QString>

namespace baokeys::ui {

// One place the app can connect to. Holds no secret: the token lives in the
// OS keychain (TokenVault), the data-folder passphrase is asked each time.
// A plain value: copy freely.
struct Profile {
    Q_DECLARE_TR_FUNCTIONS(Profile)
public:
    enum class Kind {
        Remote,         // OpenBao (or baokeys-signer) over HTTP(S)
        EmbeddedMemory, // in-process signer, keys in memory: gone on exit
        EmbeddedFolder, // in-process signer, keys in an encrypted data folder
    };

    QString id;
    QString name;
    Kind kind = Kind::Remote;
    QString address = QStringLiteral("https://127.0.0.1:8200"); // or a cluster's nodes, comma-separated
    QString ns;
    QString mount = QStringLiteral("secp256k1");
    QString caFile;
    QString hrp = QStringLiteral("celestia");
    bool tlsSkipVerify = false;
    QString dataDir; // EmbeddedFolder
    // A Cosmos SDK REST endpoint ("http://host:1317"); empty: transactions
    // are signed offline and the account number and sequence are typed.
    QString chainNode;

    bool isEmbedded() const { return kind != Kind::Remote; }
    // The client settings for this profile with `token`.
    bao::BaoSettings settings(const QString &token) const;
    // The local key metadata file: under the app data folder, per profile;
    // empty (in memory) for the in-memory signer, whose keys vanish anyway.
    QString storePath() const;

    static QString kindLabel(Kind kind);
    static QString kindKey(Kind kind); // stable name for QSettings
    static Kind kindFromKey(const QString &key);
    // The profile a first start opens on: the in-memory embedded signer.
    static Profile embeddedDev();
};

} // namespace baokeys::ui
