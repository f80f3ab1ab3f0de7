#pragma once

#include "core/keyring/BatchProgress.h"
#include "core/keyring/BatchTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QThreadPool;

namespace baokeys::keyring {

class BaoStore;
class BatchPools;
class BatchState;
class CheckedSigner;
class ClientCache;
class LaneEngine;

// Runs createBatch and signBatch for a keyring. A sign batch over Beast (the
// default) runs on asynchronous lanes (LaneEngine): each lane a client and a
// keep-alive connection on one event loop run by as many threads as cores,
// the signatures checked on a CPU pool of the same size. Otherwise (creates,
// QtNetwork, a proxy) it is QtConcurrent::map over the items, on a
// QThreadPool of the batch's own sized to its parallelism (requests in
// flight), each pool thread (lane) with its own client and connection. Lanes
// and pools outlive their batches and are reused warm by the next (unless a
// sign batch asks its lanes to close their connections: LaneConnection). Results
// keep request order (QFuture), per-item events go through BatchProgress,
// and cancel stops items not yet sent.
//
// createBatch's crash safety: before any create the batch's names go to the
// store's journal (one fsync'd write, on `asyncPool` while the lanes start);
// the successes are stored in one write when the last item is done, and only
// then is the journal cleared.
//
// Thread-safety: create() and sign() may be called from any thread, batches
// run concurrently. shutdown() (or the destructor) waits for every batch;
// the store, clients and signer must outlive that.
class BatchRunner {
public:
    struct Parts {
        BaoStore &store;
        const ClientCache &clients;
        const CheckedSigner &signer;
        QThreadPool *asyncPool;           // the journal's write
        QString mount;                    // for the created keys' records
        std::function<void()> keysStored; // after created keys were stored
    };
    explicit BatchRunner(Parts parts);
    ~BatchRunner(); // shutdown()
    BatchRunner(const BatchRunner &) = delete;
    BatchRunner &operator=(const BatchRunner &) = delete;

    // `names` were checked by the caller (pattern, duplicates, local store).
    BatchJob<CreateItemResult> create(const QStringList &names, const CreateBatchRequest &request);
    BatchJob<SignItemResult> sign(const QList<SignRequest> &requests, const SignBatchOptions &options);
    // Waits for every batch, then ends the lanes (each destroys its own clients).
    void shutdown();

private:
    BatchJob<SignItemResult> signOnLanes(const QList<SignRequest> &requests,
                                         std::shared_ptr<BatchState> state, const SignBatchOptions &options);

    Parts m_parts;
    std::shared_ptr<BatchPools> m_pools;
    std::unique_ptr<LaneEngine> m_lanes; // sign batches over Beast
};

} // namespace baokeys::keyring
