#pragma once

#include "core/keyring/KeyRecord.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace baokeys::cli::KeyView {

// How a key's public metadata is shown, in the shape of `celestia-appd keys
// show` (name, type, address, pubkey as a Cosmos Any JSON string) plus the
// fields this keyring adds. Thread-safe: pure functions.
QJsonObject toJson(const keyring::KeyRecord &record, const QString &hrp);
// "field: value" lines, as `keys show` prints them.
QString toText(const keyring::KeyRecord &record, const QString &hrp);
// An aligned table with a header, as `keys list` prints it.
QString toTable(const QList<keyring::KeyRecord> &records, const QString &hrp);
// {"@type":"/cosmos.crypto.secp256k1.PubKey","key":"<base64>"}
QString cosmosPubKey(const keyring::KeyRecord &record);

} // namespace baokeys::cli::KeyView
