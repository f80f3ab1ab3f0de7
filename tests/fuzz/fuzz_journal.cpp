// BaoStore's load of the batch journal beside an (absent, so empty) store: a
// journal either loads, giving its names back through journalUids(), or is
// refused as StoreCorrupt / StoreTooNew / StoreIo, leaving nothing loaded.
#include "FuzzSupport.h"
#include "StoreFuzzFiles.h"

#include "core/keyring/BaoStore.h"

using namespace baokeys;
using namespace baokeys::keyring;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString &path = fuzz::storePath();
    fuzz::writeFile(path, QByteArray());
    BaoStore store(path);
    fuzz::writeFile(store.journalPath(), bytes);

    const auto loaded = store.load();
    if (!loaded) {
        const auto kind = loaded.error().kind;
        fuzz::require(kind == bao::BaoErrorKind::StoreCorrupt || kind == bao::BaoErrorKind::StoreTooNew ||
                          kind == bao::BaoErrorKind::StoreIo,
                      "a refused journal is StoreCorrupt, StoreTooNew or StoreIo");
        fuzz::require(!loaded.error().message.isEmpty(), "a refusal says why");
        fuzz::require(store.journalUids().isEmpty() && store.size() == 0, "a refused journal loads nothing");
        fuzz::require(fuzz::readFile(store.journalPath()) == bytes, "a refused journal is never overwritten");
        return 0;
    }
    fuzz::require(!store.loadError().has_value(), "a loaded journal leaves no load error");
    fuzz::require(store.size() == 0, "a journal adds no records by itself");
    (void)store.journalUids();
    return 0;
}
