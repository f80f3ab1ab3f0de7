#include "core/keyring/BatchRunner.h"

#include "core/bao/BaoClient.h"
#include "core/keyring/BaoStore.h"
#include "core/keyring/BatchState.h"
#include "core/keyring/CheckedSigner.h"
#include "core/keyring/ClientCache.h"
#include "core/keyring/KeyringErrors.h"
#include "core/keyring/LaneEngine.h"
#include "core/keyring/WorkerPriority.h"

#include <QDeadlineTimer>
#include <QPromise>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent>

#include <mutex>
#include <numeric>

namespace baokeys::keyring {

using bao::BaoError;
using bao::BaoErrorKind;

namespace {

// Threads that have no batch left expire after this long; until then they
// (and their clients with open connections) are reused.
constexpr int PoolExpiryMs = 120'000;
constexpr int MaxParallelism = 4096;

// Applies a batch's cancel token to this thread's client for one call.
class ScopedCancel {
public:
    ScopedCancel(bao::BaoClient &client, const bao::CancelToken &token) : m_client(client)
    {
        m_client.setCancelToken(token);
    }
    ~ScopedCancel() { m_client.clearCancelToken(); }
    ScopedCancel(const ScopedCancel &) = delete;
    ScopedCancel &operator=(const ScopedCancel &) = delete;

private:
    bao::BaoClient &m_client;
};

// A name an earlier create left in the journal (its answer was lost): the
// server's key is adopted when it has one, else the key is created now.
bao::BaoResult<bao::KeyInfo> adoptOrCreate(bao::BaoClient &server, const QString &uid, bool exportable)
{
    auto existing = server.readKey(uid);
    if (existing || existing.error().kind != BaoErrorKind::NotFound)
        return existing;
    return server.createKey(uid, exportable);
}

// What was asked (or the default), within what the open-file limit leaves
// for the lanes' connections.
int parallelismFor(int requested, qsizetype items, int defaultMax = DefaultMaxParallelism)
{
    const int wanted = requested > 0 ? requested : int(qMin(items, qsizetype(defaultMax)));
    return qMin(wanted, laneBudget());
}

} // namespace

// The batch pools: each running batch has a QThreadPool of its own, sized to
// its parallelism, so concurrent batches never change each other's lanes.
// A finished batch's pool goes back to the idle list (its threads, and their
// clients with open connections, stay alive until the expiry timeout) and the
// next batch reuses it.
//
// Thread-safety: acquire() and release() may be called from any thread.
class BatchPools {
public:
    QThreadPool *acquire(int parallelism)
    {
        QThreadPool *pool = nullptr;
        {
            std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                pool = m_idle.back();
                m_idle.pop_back();
            } else {
                m_all.push_back(std::make_unique<QThreadPool>());
                pool = m_all.back().get();
                pool->setExpiryTimeout(PoolExpiryMs);
                pool->setObjectName(QStringLiteral("baokeys-batch"));
            }
        }
        // Given back by the previous batch's last item, whose workers may still
        // be unwinding QtConcurrent: let them go idle (microseconds).
        // QtConcurrent starts its threads only at the beginning, and a lane it
        // cannot start is lost for the whole batch. Not waitForDone(): in Qt 6
        // it also ends the pool's threads, and with them their clients and
        // open connections, which the next batch would then make anew.
        const QDeadlineTimer deadline(200);
        while (pool->activeThreadCount() > 0 && !deadline.hasExpired())
            QThread::usleep(50);
        pool->setMaxThreadCount(qBound(1, parallelism, MaxParallelism));
        return pool;
    }

    void release(QThreadPool *pool)
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(pool);
    }

    // Waits for every batch, then joins the threads (each destroys its own clients).
    void shutdown()
    {
        std::vector<QThreadPool *> pools;
        {
            std::lock_guard lock(m_mutex);
            for (const auto &pool : m_all)
                pools.push_back(pool.get());
        }
        for (QThreadPool *pool : pools)
            pool->waitForDone(); // the batches release their leases meanwhile
        std::vector<std::unique_ptr<QThreadPool>> all;
        {
            std::lock_guard lock(m_mutex);
            all = std::move(m_all);
            m_idle.clear();
        }
        all.clear();
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<QThreadPool>> m_all; // guarded by m_mutex
    std::vector<QThreadPool *> m_idle;               // guarded by m_mutex
};

namespace {

// A batch's hold on its pool, given back when the batch's last item is done,
// before its future finishes: a caller that starts the next batch at once then
// gets this pool with its threads and connections warm (its workers are only
// unwinding QtConcurrent by then, and acquire() waits for that).
class PoolLease {
public:
    PoolLease(std::shared_ptr<BatchPools> pools, int parallelism)
        : m_pools(std::move(pools)), m_pool(m_pools->acquire(parallelism))
    {}
    ~PoolLease() { release(); }
    PoolLease(const PoolLease &) = delete;
    PoolLease &operator=(const PoolLease &) = delete;
    QThreadPool *pool() const { return m_pool; }

    // Once, from any thread; later calls do nothing.
    void release()
    {
        if (!m_released.exchange(true))
            m_pools->release(m_pool);
    }

private:
    std::shared_ptr<BatchPools> m_pools;
    QThreadPool *m_pool;
    std::atomic<bool> m_released{false};
};

// What the workers of one batch share. The results reach the caller through
// a QPromise (addResult at the item's index keeps request order) rather than
// through QtConcurrent's own future: waitForFinished() on that one would pull
// the queued kernel onto the waiting thread, which leaves the pool a lane
// short for the whole batch. The promise's future has no runnable to steal.
template <typename Result> struct BatchRun {
    std::shared_ptr<BatchState> state;
    QPromise<Result> promise;
    std::vector<int> indices; // iterated by QtConcurrent::map; lives as long as the kernel
    std::unique_ptr<PoolLease> lease;
    std::mutex mutex;
    int remaining = 0; // items without a result yet; guarded by mutex
    int unposted = 0;  // items whose last event is not posted yet; guarded by mutex

    // Without `pools` (a batch on asynchronous lanes), no pool is leased.
    BatchRun(std::shared_ptr<BatchState> batchState, std::shared_ptr<BatchPools> pools, int parallelism)
        : state(std::move(batchState)),
          lease(pools ? std::make_unique<PoolLease>(std::move(pools), parallelism) : nullptr)
    {
        remaining = state->total();
        unposted = remaining;
        indices.resize(std::size_t(remaining));
        std::iota(indices.begin(), indices.end(), 0);
        promise.start();
    }

    // QFuture::cancel() on the returned future cancels like BatchProgress::cancel().
    bool cancelled()
    {
        if (promise.isCanceled())
            state->cancel();
        return state->isCancelled();
    }

    // Records one item's result; true for the last one.
    bool complete(const Result &result)
    {
        promise.addResult(result, result.index);
        std::lock_guard lock(mutex);
        return --remaining == 0;
    }

    // After an item's last event: the last one finishes the future. Another
    // item may still be between its result and its event when the last
    // result comes in; a finished future must come with final counts.
    void itemPosted()
    {
        bool last = false;
        {
            std::lock_guard lock(mutex);
            last = --unposted == 0;
        }
        if (last) {
            if (lease)
                lease->release();
            promise.finish();
        }
    }

    // An item's result, its last event, and the batch's end after the last.
    void finish(const Result &result)
    {
        (void)complete(result);
        post(result, result.ok());
        itemPosted();
    }

    void post(const Result &result, bool ok)
    {
        if (ok)
            state->post(result.index, BatchItemState::Succeeded);
        else
            state->post(result.index,
                        result.error->kind == BaoErrorKind::Cancelled ? BatchItemState::Cancelled
                                                                      : BatchItemState::Failed,
                        result.error);
    }
};

// What the items of one createBatch share besides BatchRun: the preflight
// (run once, by the first worker; the others wait for it), and the created
// records, stored in one write by whoever finishes last (or, should a worker
// never finish its share, when the last one lets go of this).
struct CreateRun : BatchRun<CreateItemResult> {
    using BatchRun::BatchRun;

    BaoStore *store = nullptr;
    std::function<void()> keysStored;
    QString batchId;
    bool exportable = false;
    QSet<QString> earlierJournal; // names an earlier create left with an unknown outcome

    std::once_flag preflightOnce;
    std::optional<BaoError> preflightError; // written once inside call_once, then only read
    QFuture<bao::BaoResult<void>> journal;  // the journal write, started with the batch

    QList<KeyRecord> created; // guarded by mutex
    QStringList unknown;      // outcome unknown: stay in the journal; guarded by mutex
    bool persisted = false;   // guarded by mutex

    ~CreateRun() { persist(); }

    bool journalWritten()
    {
        journal.waitForFinished();
        return journal.result().hasValue();
    }

    void persist()
    {
        QList<KeyRecord> records;
        QStringList unsettled;
        {
            std::lock_guard lock(mutex);
            if (persisted)
                return;
            persisted = true;
            records = created;
            unsettled = unknown;
        }
        if (!journalWritten())
            return; // then the preflight failed and nothing was created
        if (auto stored = store->putMany(records); !stored) {
            // The journal stays: recoverJournal()/sync() adopts these keys later.
            state->setPersistError(stored.error());
        } else {
            // Keys whose outcome is unknown stay journaled, so sync() or the
            // same batch again adopts them; the stored ones are settled.
            QStringList storedNames;
            for (const KeyRecord &record : std::as_const(records))
                storedNames << record.uid;
            store->settleJournal(batchId, storedNames, unsettled);
        }
        if (!records.isEmpty())
            keysStored();
    }
};

struct SignRun : BatchRun<SignItemResult> {
    using BatchRun::BatchRun;
    QList<SignRequest> requests;
    LaneConnection afterwards = LaneConnection::KeepWarm; // asynchronous lanes
    std::atomic<int> next{0};                             // the next item a lane takes (asynchronous lanes)

    // The key of item `index`, or why the item ends before any request (the
    // batch was cancelled, the key is not in the store): both kinds of lane
    // refuse the same items the same way.
    Expected<KeyRecord, BaoError> keyToSignWith(int index, const BaoStore &store)
    {
        const QString &uid = requests.at(index).uid;
        if (cancelled())
            return unexpected(errors::cancelledBeforeStart());
        if (auto record = store.find(uid))
            return *record;
        return unexpected(errors::localNotFound(uid));
    }
};

// One lane of a sign batch on the LaneEngine: a client with its connection
// that takes the batch's next item as soon as the answer to its last one
// came, until none is left, then goes back warm (or closes its connection,
// if the batch asks so). The answer's check runs on the engine's CPU pool
// meanwhile, so the lane's connection never waits for it. Items are taken in
// order from one counter: no lane is left behind.
class SignLane : public std::enable_shared_from_this<SignLane> {
public:
    SignLane(std::shared_ptr<SignRun> run, LaneEngine &engine, const BaoStore &store,
             const CheckedSigner &signer)
        : m_run(std::move(run)), m_engine(engine), m_store(store), m_signer(signer), m_busy(engine)
    {}

    // On the engine's loop: sends the next item's request, or gives the client back.
    void next()
    {
        for (;;) {
            const int index = m_run->next.fetch_add(1);
            if (index >= m_run->state->total()) {
                if (!m_client)
                    return; // every item it took ended before a request
                if (m_run->afterwards == LaneConnection::KeepWarm)
                    m_engine.giveBack(std::move(m_client));
                else
                    m_engine.close(std::move(m_client));
                return;
            }
            const SignRequest &request = m_run->requests.at(index);
            SignItemResult result;
            result.index = index;
            result.uid = request.uid;
            auto record = m_run->keyToSignWith(index, m_store);
            if (!record) {
                result.error = record.error();
            } else if (auto digest = CheckedSigner::digestOf(request.message, request.prehashed); !digest) {
                result.error = digest.error();
            } else {
                send(std::move(result), std::move(*record), std::move(*digest));
                return; // the answer calls next()
            }
            m_run->finish(result);
        }
    }

private:
    void send(SignItemResult result, KeyRecord record, QByteArray digest)
    {
        if (!m_client)
            m_client = m_engine.takeClient();
        m_run->state->post(result.index, BatchItemState::Started);
        m_client->setCancelToken(m_run->state->cancelToken());
        bao::SignOptions options;
        options.prehashed = true;
        const QString uid = result.uid;
        m_client->signAsync(uid, digest, options,
                            [self = shared_from_this(), result = std::move(result),
                             record = std::move(record),
                             digest](bao::BaoResult<bao::SignResponse> answer) mutable {
                                if (answer) {
                                    // The request's end; its signature's check follows on the pool.
                                    self->m_run->state->post(result.index, BatchItemState::Answered);
                                    self->checkLater(std::move(result), std::move(record), std::move(digest),
                                                     std::move(answer));
                                } else {
                                    result.error = answer.error(); // no signature to check
                                    self->m_run->finish(result);
                                }
                                self->next();
                            });
    }

    void checkLater(SignItemResult result, KeyRecord record, QByteArray digest,
                    bao::BaoResult<bao::SignResponse> answer)
    {
        m_engine.check([run = m_run, signer = &m_signer, busy = std::make_shared<LaneEngine::Busy>(m_engine),
                        result = std::move(result), record = std::move(record), digest = std::move(digest),
                        answer = std::move(answer)]() mutable {
            auto checked = signer->check(record, digest, answer);
            if (checked)
                result.signature = *checked;
            else
                result.error = checked.error();
            run->finish(result);
        });
    }

    std::shared_ptr<SignRun> m_run;
    LaneEngine &m_engine;
    const BaoStore &m_store;
    const CheckedSigner &m_signer;
    LaneEngine::Busy m_busy; // until the lane is done: shutdown() waits for it
    std::unique_ptr<bao::BaoClient> m_client;
};

// The lanes start one after another, each posting the next one's start
// behind the loop's own turn at the sockets: a lane whose connection is up
// sends its request while later lanes are still connecting. Posted all at
// once, every connect would go out before the first request, and a cold
// batch of a thousand would keep the signer idle for the length of them.
void startLanes(std::shared_ptr<SignRun> run, LaneEngine &engine, const BaoStore &store,
                const CheckedSigner &signer, int lanes)
{
    if (lanes <= 0)
        return;
    auto lane = std::make_shared<SignLane>(run, engine, store, signer); // holds a Busy mark until done
    engine.post([lane = std::move(lane), run = std::move(run), &engine, &store, &signer, lanes]() mutable {
        startLanes(std::move(run), engine, store, signer, lanes - 1);
        lane->next();
    });
}

} // namespace

BatchRunner::BatchRunner(Parts parts)
    : m_parts(std::move(parts)), m_pools(std::make_shared<BatchPools>()),
      m_lanes(std::make_unique<LaneEngine>(m_parts.clients.settings()))
{}

BatchRunner::~BatchRunner()
{
    shutdown();
}

void BatchRunner::shutdown()
{
    m_pools->shutdown();
    m_lanes->shutdown();
}

BatchJob<CreateItemResult> BatchRunner::create(const QStringList &names, const CreateBatchRequest &request)
{
    auto state = std::make_shared<BatchState>(names);
    auto run = std::make_shared<CreateRun>(state, m_pools, parallelismFor(request.parallelism, names.size()));
    run->store = &m_parts.store;
    run->keysStored = m_parts.keysStored;
    run->batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run->exportable = request.exportable;
    const QStringList journaled = m_parts.store.journalUids();
    run->earlierJournal = QSet<QString>(journaled.cbegin(), journaled.cend());

    // Crash safety: the journal names every key before any create. Its fsync
    // runs on another thread while the workers start (and, with ListFirst,
    // while the LIST is in flight); no create is sent before it is on disk.
    run->journal =
        QtConcurrent::run(m_parts.asyncPool, [store = run->store, id = run->batchId, uids = names] {
            return store->writeJournal(id, uids);
        });

    // Before any create: the journal must be on disk, and with ListFirst the
    // server's LIST must not hold any of the names.
    auto preflight = [this, run, listFirst = request.serverCheck == ServerNameCheck::ListFirst,
                      transport = request.transport] {
        if (listFirst) {
            bao::BaoClient &server = m_parts.clients.client(transport);
            ScopedCancel scoped(server, run->state->cancelToken());
            auto existingNames = server.listKeyNames();
            if (!existingNames)
                run->preflightError = existingNames.error();
            else
                run->preflightError = errors::alreadyTaken(
                    run->state->uids(),
                    [existing = QSet<QString>(existingNames->cbegin(), existingNames->cend()),
                     earlier = run->earlierJournal](const QString &name) {
                        return existing.contains(name) &&
                               !earlier.contains(name); // an earlier run's: adopted
                    },
                    QStringLiteral("on the server"));
        }
        if (!run->preflightError && !run->journalWritten())
            run->preflightError = run->journal.result().error();
        if (run->preflightError)
            run->state->setPreflightError(*run->preflightError); // persist() clears the journal
    };

    auto createOne = [this, run, preflight, transport = request.transport](int &index) {
        WorkerPriority::lowerCurrentThreadOnce(); // the GUI thread first
        BatchState &progress = *run->state;
        CreateItemResult result;
        result.index = index;
        result.uid = progress.uids().at(index);
        if (run->cancelled()) {
            result.error = errors::cancelledBeforeStart();
        } else {
            std::call_once(run->preflightOnce, preflight);
            if (run->preflightError) {
                result.error = *run->preflightError;
            } else if (run->cancelled()) {
                result.error = errors::cancelledBeforeStart();
            } else {
                progress.post(index, BatchItemState::Started);
                // No cancel token here: a create in flight is let finish, so
                // its answer (and key) is kept rather than made unknown.
                bao::BaoClient &server = m_parts.clients.client(transport);
                auto info = run->earlierJournal.contains(result.uid)
                                ? adoptOrCreate(server, result.uid, run->exportable)
                                : server.createKey(result.uid, run->exportable);
                if (info)
                    result.key = KeyRecord::fromServer(*info, KeySource::Generated, m_parts.mount);
                else
                    result.error = info.error();
            }
        }
        if (result.key) {
            std::lock_guard lock(run->mutex);
            run->created << *result.key;
        } else if (result.error && result.error->kind == BaoErrorKind::OutcomeUnknown) {
            std::lock_guard lock(run->mutex);
            run->unknown << result.uid;
        }
        if (run->complete(result))
            run->persist(); // before the last event and the future's end: "finished" means stored
        run->post(result, result.ok());
        run->itemPosted();
    };

    BatchJob<CreateItemResult> job;
    job.progress = std::make_shared<BatchProgress>(state);
    job.future = run->promise.future();
    if (names.isEmpty()) { // a resumed batch with nothing left to do
        run->persist();
        run->lease->release();
        run->promise.finish();
    } else {
        (void)QtConcurrent::map(run->lease->pool(), run->indices.begin(), run->indices.end(), createOne);
    }
    return job;
}

BatchJob<SignItemResult> BatchRunner::sign(const QList<SignRequest> &requests,
                                           const SignBatchOptions &options)
{
    QStringList uids;
    uids.reserve(requests.size());
    for (const SignRequest &request : requests)
        uids << request.uid;
    auto state = std::make_shared<BatchState>(uids);
    bao::BaoSettings settings = m_parts.clients.settings();
    settings.transport = options.transport;
    if (bao::HttpTransport::effectiveKind(settings) == bao::HttpTransportKind::Beast)
        return signOnLanes(requests, std::move(state), options);
    const int parallelism = parallelismFor(options.parallelism, requests.size());
    auto run = std::make_shared<SignRun>(state, m_pools, parallelism);
    run->requests = requests;

    auto signOne = [this, run, transport = options.transport](int &index) {
        WorkerPriority::lowerCurrentThreadOnce(); // the GUI thread first
        const SignRequest &request = run->requests.at(index);
        SignItemResult result;
        result.index = index;
        result.uid = request.uid;
        if (auto record = run->keyToSignWith(index, m_parts.store); !record) {
            result.error = record.error();
        } else {
            run->state->post(index, BatchItemState::Started);
            bao::BaoClient &server = m_parts.clients.client(transport);
            ScopedCancel scoped(server, run->state->cancelToken());
            auto signature = m_parts.signer.sign(server, *record, request.message, request.prehashed);
            if (signature)
                result.signature = *signature;
            else
                result.error = signature.error();
        }
        run->finish(result);
    };

    BatchJob<SignItemResult> job;
    job.progress = std::make_shared<BatchProgress>(state);
    job.future = run->promise.future();
    if (requests.isEmpty())
        run->promise.finish();
    else
        (void)QtConcurrent::map(run->lease->pool(), run->indices.begin(), run->indices.end(), signOne);
    return job;
}

// Over Beast, a sign batch runs on asynchronous lanes: `parallelism` clients
// on the LaneEngine's loop, each with one request in flight, and no thread
// of their own.
BatchJob<SignItemResult> BatchRunner::signOnLanes(const QList<SignRequest> &requests,
                                                  std::shared_ptr<BatchState> state,
                                                  const SignBatchOptions &options)
{
    const int parallelism = parallelismFor(options.parallelism, requests.size(), signParallelismLimit());
    auto run = std::make_shared<SignRun>(state, nullptr, parallelism);
    run->requests = requests;
    run->afterwards = options.afterwards;
    BatchJob<SignItemResult> job;
    job.progress = std::make_shared<BatchProgress>(state);
    job.future = run->promise.future();
    if (requests.isEmpty()) {
        run->promise.finish();
        return job;
    }
    const int lanes = qMin(qBound(1, parallelism, MaxParallelism), int(requests.size()));
    startLanes(run, *m_lanes, m_parts.store, m_parts.signer, lanes);
    return job;
}

} // namespace baokeys::keyring
