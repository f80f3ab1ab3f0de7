#pragma once

#include "core/bao/BaoError.h"
#include "core/keyring/KeyRecord.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>

namespace baokeys::keyring {

// Where resetCorrupt() moved the files it could not read; empty for a file
// it kept (or that was not there).
struct CorruptBackups {
    QString store;
    QString journal;
};

// The local public metadata of the keys: a versioned JSON file
// ({"format":"baokeys-store","version":1,"keys":[...]}) written atomically
// (QSaveFile, then 0600), plus a small batch journal beside it
// ("<file>.journal") that names keys a running create may make, so a crash
// never leaves a key on the server that the store does not know about
// (BaoKeyring adopts journal entries on the next open / sync()).
//
// One file, many processes: the CLI and the desktop app share the default
// store. Every write locks "<file>.lock" (flock, released by the kernel if
// the process dies), re-reads the file, applies its change to what is on disk
// and renames a whole new file in; readers never see a half-written file.
// What another process wrote since this one loaded is kept, and shows here
// after this process's next write or load().
//
// A file (store or journal) that cannot be read, is over its size bound, or
// breaks the schema in any field (types, names, keys, duplicates) is never
// overwritten: load() reports StoreCorrupt / StoreIo naming the file and the
// field, the store stays empty and read-only (writes fail with the same
// error) until resetCorrupt() moves that file aside ("<file>.corrupt-<UTC
// time>", its bytes intact) and keeps the other. A file at a format version
// newer than FormatVersion is refused as StoreTooNew the same way, but it is
// not damaged: resetCorrupt() leaves it where it is. A path that is not a
// regular file (a FIFO, a device, a folder) is refused as StoreIo, unread,
// and never moved (RegularFile); symlinks are followed. Folders the store
// creates for its files are owner-only (PrivateFolder).
//
// An empty path gives an in-memory store (nothing written).
//
// Thread-safety: all members are thread-safe. Readers share a std::shared_mutex
// (reads never block reads). Writers serialise on a mutex, write the file
// from a copy, and swap the copy in under a short write lock, so the memory
// state changes only once the file holds it and readers never wait for I/O.
class BaoStore {
public:
    static constexpr int FormatVersion = 1;

    explicit BaoStore(QString path);
    BaoStore(const BaoStore &) = delete;
    BaoStore &operator=(const BaoStore &) = delete;

    QString path() const { return m_path; }
    QString journalPath() const;

    // Reads the file; a missing file is an empty store (not an error).
    bao::BaoResult<void> load();
    // The error of the last load(), if the file is unusable.
    std::optional<bao::BaoError> loadError() const;
    // Moves the unusable file(s) aside (never deletes them) so the store can
    // be rebuilt, and loads what is left: a good store keeps its records
    // beside a bad journal. Refuses a path that is not a regular file, and
    // moves nothing when either file is a newer BaoKeys's (StoreTooNew).
    bao::BaoResult<CorruptBackups> resetCorrupt();

    // --- reads (shared lock) ---
    std::optional<KeyRecord> find(const QString &uid) const;
    std::optional<KeyRecord> findByAddress(const QByteArray &address) const;
    QList<KeyRecord> all() const; // sorted by uid
    bool contains(const QString &uid) const;
    // The name is taken: stored, and not flagged missingOnServer by the last
    // sync. A key the server lost (a dev signer restarted empty, a store
    // reset) frees its name, so the same name can be created again.
    bool holds(const QString &uid) const;
    int size() const;
    // Files written (store + journal) since construction: lets tests and
    // diagnostics prove that a batch costs a constant number of writes.
    quint64 fileWrites() const { return m_fileWrites.load(); }

    // --- writes (one atomic file replace each) ---
    bao::BaoResult<void> put(const KeyRecord &record);
    // Many records, one file write (a batch of N creations is not N fsyncs).
    bao::BaoResult<void> putMany(const QList<KeyRecord> &records);
    bao::BaoResult<void> remove(const QString &uid);
    // Replaces `oldUid` by `record` in one write (rename).
    bao::BaoResult<void> replace(const QString &oldUid, const KeyRecord &record);
    // What the last sync found: sets missingOnServer and replacedOnServer for
    // the given uids and clears both for all others, in one write.
    bao::BaoResult<void> markServerState(const QStringList &missingUids, const QStringList &replacedUids);

    // --- batch journal ---
    // Records the names a batch is about to create (one write, fsync'd).
    bao::BaoResult<void> writeJournal(const QString &batchId, const QStringList &uids);
    // Removes a batch's entries; the journal file goes when it is empty.
    bao::BaoResult<void> clearJournal(const QString &batchId);
    // clearJournal() once the work it covered is settled: every key it names
    // is stored, or was refused by the server. A failed clear is no loss, so
    // it is not an error: the entries left behind name keys that are stored
    // or absent, and the next recoverJournal() or sync() adopts nothing new
    // from them and clears them.
    void forgetJournal(const QString &batchId);
    // After a create: the `stored` names leave every entry (an earlier run's
    // included: they are settled now), and `batchId`'s entry keeps only the
    // `unsettled` names (outcome unknown), or goes. One write; a failed one
    // leaves more names, never fewer, so it loses nothing either.
    void settleJournal(const QString &batchId, const QStringList &stored, const QStringList &unsettled);
    // All names still in the journal (from batches that did not finish).
    QStringList journalUids() const;
    bao::BaoResult<void> clearAllJournals();

private:
    template <typename Value>
    bao::BaoResult<void> commit(Value &current, const std::function<bao::BaoResult<Value>()> &readDisk,
                                const std::function<void(Value &)> &change,
                                const std::function<bao::BaoResult<void>(const Value &)> &persist);
    // The files as they are on disk now (empty when absent), checked whole.
    bao::BaoResult<QHash<QString, KeyRecord>> readRecords() const;
    bao::BaoResult<QHash<QString, QStringList>> readJournal() const;
    bao::BaoResult<void> update(const std::function<void(QHash<QString, KeyRecord> &)> &change);
    bao::BaoResult<void> updateJournal(const std::function<void(QHash<QString, QStringList> &)> &change);
    bao::BaoResult<void> checkWritable() const;

    const QString m_path;
    std::mutex m_writeMutex;                  // serialises writers (and load / resetCorrupt)
    mutable std::shared_mutex m_lock;         // guards the maps; held only to copy or swap
    QHash<QString, KeyRecord> m_records;      // guarded by m_lock
    QHash<QString, QStringList> m_journal;    // batch id -> uids, guarded by m_lock
    std::optional<bao::BaoError> m_loadError; // guarded by m_lock
    std::atomic<quint64> m_fileWrites{0};
};

} // namespace baokeys::keyring
