// BaoStore's load of a store file: a file either loads into records that are
// each as valid as a server answer (name, point, address), or is refused as
// StoreCorrupt / StoreTooNew / StoreIo, leaving an empty store that refuses writes and
// never overwrites the file.
#include "FuzzSupport.h"
#include "StoreFuzzFiles.h"

#include "core/common/KeyName.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/BaoStore.h"

using namespace baokeys;
using namespace baokeys::keyring;

namespace {

// The key of private key 1 (the generator point).
KeyRecord someRecord()
{
    KeyRecord record;
    record.uid = QStringLiteral("fuzz-writer");
    record.publicKey =
        QByteArray::fromHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    record.address = crypto::CosmosAddress::fromPublicKey(record.publicKey);
    record.keyPath = QStringLiteral("secp256k1/keys/fuzz-writer");
    return record;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString &path = fuzz::storePath();
    fuzz::writeFile(path, bytes);
    BaoStore store(path);
    fuzz::writeFile(store.journalPath(), QByteArray());

    const auto loaded = store.load();
    if (!loaded) {
        const auto kind = loaded.error().kind;
        fuzz::require(kind == bao::BaoErrorKind::StoreCorrupt || kind == bao::BaoErrorKind::StoreTooNew ||
                          kind == bao::BaoErrorKind::StoreIo,
                      "a refused file is StoreCorrupt, StoreTooNew or StoreIo");
        fuzz::require(!loaded.error().message.isEmpty(), "a refusal says why");
        fuzz::require(store.loadError().has_value() && store.loadError()->kind == kind,
                      "loadError() keeps the refusal");
        fuzz::require(store.size() == 0 && store.all().isEmpty(), "a refused file leaves an empty store");
        const auto written = store.put(someRecord());
        fuzz::require(!written && written.error().kind == kind, "a refused file refuses writes");
        fuzz::require(fuzz::readFile(path) == bytes, "a refused file is never overwritten");
        return 0;
    }
    fuzz::require(!store.loadError().has_value(), "a loaded file leaves no load error");
    const QList<KeyRecord> records = store.all();
    fuzz::require(records.size() == store.size(), "all() holds every record");
    for (qsizetype i = 0; i < records.size(); ++i) {
        const KeyRecord &record = records.at(i);
        fuzz::require(i == 0 || records.at(i - 1).uid < record.uid,
                      "all() is sorted by uid, without repeats");
        fuzz::require(KeyName::isValid(record.uid), "a loaded uid is a valid key name");
        fuzz::require(record.publicKey.size() == crypto::Secp256k1::CompressedPublicKeySize &&
                          crypto::Secp256k1::parsePublicKey(record.publicKey).hasValue(),
                      "a loaded public key is a compressed point");
        fuzz::require(record.address == crypto::CosmosAddress::fromPublicKey(record.publicKey),
                      "a loaded address is its public key's");
        fuzz::require(store.find(record.uid) == record, "find() gives the record back");
        fuzz::require(store.findByAddress(record.address).has_value(), "findByAddress() finds it");
    }
    return 0;
}
