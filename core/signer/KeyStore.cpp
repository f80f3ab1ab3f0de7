#include "core/signer/KeyStore.h"

#include <mutex>

namespace baokeys::signer {

namespace {
Unexpected<KeyStoreError> storeError(KeyStoreError::Kind kind, QString message)
{
    return {KeyStoreError{kind, std::move(message)}};
}
} // namespace

KeyStore::KeyStore(std::unique_ptr<KeyFileStore> files, std::vector<StoredKey> initial)
    : m_files(std::move(files))
{
    for (StoredKey &record : initial) {
        const QString name = record.info.name;
        m_keys.emplace(name, std::move(record));
    }
}

Expected<KeyInfo, KeyStoreError> KeyStore::add(StoredKey record)
{
    std::unique_lock lock(m_mutex);
    if (m_keys.count(record.info.name) != 0)
        return storeError(KeyStoreError::Kind::Exists, QStringLiteral("key already exists"));
    if (m_files) {
        auto saved = m_files->save(record);
        if (!saved)
            return storeError(KeyStoreError::Kind::Storage, saved.error());
    }
    KeyInfo info = record.info;
    m_keys.emplace(info.name, std::move(record));
    return info;
}

Expected<KeyInfo, KeyStoreError> KeyStore::info(const QString &name) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_keys.find(name);
    if (it == m_keys.end())
        return storeError(KeyStoreError::Kind::NotFound, QStringLiteral("key not found"));
    return it->second.info;
}

QList<KeyInfo> KeyStore::list() const
{
    std::shared_lock lock(m_mutex);
    QList<KeyInfo> out;
    out.reserve(qsizetype(m_keys.size()));
    for (const auto &entry : m_keys)
        out.append(entry.second.info);
    return out;
}

Expected<void, KeyStoreError> KeyStore::remove(const QString &name)
{
    std::unique_lock lock(m_mutex);
    const auto it = m_keys.find(name);
    if (it == m_keys.end())
        return {}; // OpenBao: deleting nothing succeeds
    if (m_files) {
        auto removed = m_files->remove(name);
        if (!removed)
            return storeError(KeyStoreError::Kind::Storage, removed.error());
    }
    m_keys.erase(it); // the record's SecureBytes wipes the secret
    return {};
}

Expected<crypto::SecureBytes, KeyStoreError> KeyStore::privateKey(const QString &name) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_keys.find(name);
    if (it == m_keys.end())
        return storeError(KeyStoreError::Kind::NotFound, QStringLiteral("key not found"));
    return it->second.privateKey.clone();
}

} // namespace baokeys::signer
