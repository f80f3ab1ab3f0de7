#include "core/tx/ProtoBytes.h"

#include <google/protobuf/any.pb.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message_lite.h>
#include <limits>

namespace baokeys::tx::ProtoBytes {

TxResult<QByteArray> serialize(const google::protobuf::MessageLite &message)
{
    const std::size_t size = message.ByteSizeLong();
    if (size > std::size_t(std::numeric_limits<int>::max()))
        return txError(TxErrorKind::EncodingFailed,
                       QStringLiteral("message of %1 bytes is too large").arg(size));
    std::string out;
    {
        google::protobuf::io::StringOutputStream stream(&out);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        if (!message.SerializeToCodedStream(&coded) || coded.HadError())
            return txError(
                TxErrorKind::EncodingFailed,
                QStringLiteral("could not serialize %1").arg(QString::fromStdString(message.GetTypeName())));
    } // the coded stream flushes into `out` when it goes
    return QByteArray(out.data(), qsizetype(out.size()));
}

Expected<void, TxError> pack(const google::protobuf::MessageLite &message, google::protobuf::Any &any)
{
    auto bytes = serialize(message);
    if (!bytes)
        return unexpected(bytes.error());
    any.set_type_url("/" + message.GetTypeName());
    any.set_value(toStd(*bytes));
    return {};
}

} // namespace baokeys::tx::ProtoBytes
