#pragma once

#include "core/bao/BaoError.h"
#include "core/bao/BaoSettings.h"
#include "core/keyring/KeyRecord.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// Requests, results and per-item events of BaoKeyring::createBatch and
// BaoKeyring::signBatch. Plain values: copy freely, any thread.
namespace baokeys::keyring {

// Default parallelism (requests in flight) is min(N, DefaultMaxParallelism)
// for a batch whose lanes are threads: createBatch, and signBatch over
// QtNetwork (or through a proxy).
inline constexpr int DefaultMaxParallelism = 256;
// A sign batch over Beast runs on asynchronous lanes, each a socket and not a
// thread: min(N, DefaultMaxSignParallelism, what the open-file limit leaves).
// 1000: the embedded signer's default connection cap (--max-connections
// 1024) less room for the app's own other connections and other clients; at
// its cap the signer closes idle connections to make room. The open-file
// limit's share: its soft limit less ReservedFiles for the process's other
// files (see signParallelismLimit()).
inline constexpr int DefaultMaxSignParallelism = 1000;
inline constexpr int ReservedFiles = 128;
// The lanes the open-file limit leaves room for: RLIMIT_NOFILE's soft limit
// less ReservedFiles, at least 1 (no bound when unlimited). Every batch's
// parallelism, asked for or not, stays within it: a lane past it could not
// open its socket.
int laneBudget();
// min(DefaultMaxSignParallelism, laneBudget()).
int signParallelismLimit();

// What carries a batch's requests; each lane (pool thread) has a connection
// of its own either way. Beast by default: QNetworkAccessManager's own CPU
// cost per request is several times the signer's whole cost, which caps a
// batch's throughput and delays the last requests of a large batch
// (bench/keyring measures both side by side). Where Qt's proxy settings
// route the address through a proxy, QtNetwork is used whatever is asked.
inline constexpr bao::HttpTransportKind DefaultBatchTransport = bao::HttpTransportKind::Beast;

// How createBatch finds names that are already taken on the server. The local
// store is always checked first, before any request.
enum class ServerNameCheck {
    // One round trip per key: the engine itself refuses a name it already has
    // ("key already exists"), atomically, so nothing is ever overwritten. That
    // item fails with AlreadyExists; the others are created and kept.
    ByEngine,
    // A LIST before any create: if the server has any of the names, the whole
    // batch is refused and nothing is created (BatchProgress::preflightError()).
    // All or nothing, at the price of a second round trip. The engine's own
    // refusal still covers a key created between the LIST and the creates.
    ListFirst,
};

// createBatch: <prefix>-1 .. <prefix>-<count> (e.g. blob-worker-1..4).
struct CreateBatchRequest {
    QString prefix;
    int count = 0;
    bool exportable = false;
    int parallelism = 0; // 0: min(count, 256); <= laneBudget()
    int firstIndex = 1;  // names start at <prefix>-<firstIndex>
    ServerNameCheck serverCheck = ServerNameCheck::ByEngine;
    bao::HttpTransportKind transport = DefaultBatchTransport;
    // Resume an earlier run of the same batch: names the store already holds
    // are left out (done) instead of refusing the batch. Either way, a name an
    // earlier run left in the journal (its outcome unknown) is adopted when
    // the server has it, never refused as taken.
    bool skipStored = false;
    // Non-empty: create only these names of the range (a retry of the items
    // an earlier run did not finish), all in one batch with its parallelism.
    // Each must be a name of the range, named once.
    QStringList only;
};

// signBatch: each request its own key and message.
struct SignRequest {
    QString uid;
    QByteArray message;     // signed as SHA-256(message), like Cosmos SIGN_MODE_DIRECT
    bool prehashed = false; // then `message` is already the 32-byte digest
};

// What a lane of a sign batch over Beast does with its connection once the
// batch has no item left for it.
enum class LaneConnection {
    KeepWarm, // kept open for the keyring's next batch (a desktop app runs many)
    Close,    // closed at once, while other lanes still wait for their answers:
              // a process that ends after this batch then has none left to close
};

struct SignBatchOptions {
    int parallelism = 0; // 0: min(N, signParallelismLimit()) over Beast, else min(N, 256); <= laneBudget()
    bao::HttpTransportKind transport = DefaultBatchTransport;
    LaneConnection afterwards = LaneConnection::KeepWarm; // Beast lanes only
};

// A verified signature: it verified locally, low-S, against `publicKey`,
// which equals the stored public key of `uid`.
struct Signature {
    QString uid;
    QByteArray signature; // 64 bytes r||s
    QByteArray publicKey; // 33 bytes
    QByteArray digest;    // the 32 bytes that were signed
};

// The result of one item, in request order in the batch's QFuture.
// Exactly one of key / error (create) or signature / error (sign) is set.
struct CreateItemResult {
    int index = -1;
    QString uid;
    std::optional<KeyRecord> key;
    std::optional<bao::BaoError> error;
    bool ok() const { return key.has_value(); }
};

struct SignItemResult {
    int index = -1;
    QString uid;
    std::optional<Signature> signature;
    std::optional<bao::BaoError> error;
    bool ok() const { return signature.has_value(); }
};

enum class BatchItemState {
    Queued,  // accepted, waiting for a worker
    Started, // its request is in flight
    // Its answer, a signature, came and waits for (or is in) its local
    // check on the CPU pool: the request's end, not the item's. A sign
    // batch's asynchronous lanes send their next request meanwhile, so at
    // zero latency answers can wait for their checks longer than their
    // requests took. (An error answer ends the item at once.)
    Answered,
    Succeeded,
    Failed,    // see `error`
    Cancelled, // cancelled before it started, or aborted in flight
};

QString batchItemStateName(BatchItemState state); // "queued", "started", ...

// One state change of one item. Timestamps are monotonic (steady clock),
// nanoseconds since the batch started.
struct BatchItemEvent {
    int index = -1;
    QString uid;
    BatchItemState state = BatchItemState::Queued;
    qint64 nsSinceStart = 0;
    std::optional<bao::BaoError> error; // Failed / Cancelled
};

// Counts of items per state, at one moment.
struct BatchCounts {
    int total = 0;
    int queued = 0;
    int running = 0;  // requests in flight
    int checking = 0; // answered, waiting for their local check
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
    int done() const { return succeeded + failed + cancelled; }
};

} // namespace baokeys::keyring

Q_DECLARE_METATYPE(baokeys::keyring::CreateItemResult)
Q_DECLARE_METATYPE(baokeys::keyring::SignItemResult)
