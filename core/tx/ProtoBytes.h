#pragma once

// Internal to baokeys_tx (not installed as API): the bridge between the
// generated protobuf classes and the QByteArray world of the rest of core.

#include "core/tx/TxError.h"

#include <QByteArray>
#include <QString>
#include <string>

namespace google::protobuf {
class Any;
class MessageLite;
} // namespace google::protobuf

namespace baokeys::tx::ProtoBytes {

// Serialization with the deterministic flag set: the bytes are signed, so
// they must not depend on the library's whims (map order, unknown fields).
// Thread-safe: touches only its arguments.
TxResult<QByteArray> serialize(const google::protobuf::MessageLite &message);

// Packs `message` into `any` the way the Cosmos SDK does: type URL
// "/<full message name>" (no "type.googleapis.com" host), value its
// deterministic bytes.
Expected<void, TxError> pack(const google::protobuf::MessageLite &message, google::protobuf::Any &any);

inline std::string toStd(const QByteArray &bytes)
{
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

inline std::string toStd(const QString &text)
{
    return text.toStdString(); // UTF-8, as proto3 strings are
}

} // namespace baokeys::tx::ProtoBytes
