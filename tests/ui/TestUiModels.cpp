// The GUI's item models and value helpers: the key table and its filter
// (over keys created on a real embedded signer), the batch row model's
// coalescing, latency statistics, CSV / JSON export, QR codes, clipboard
// clearing, and the embedded resources and translations.
#include "FileSizeLimit.h"
#include "UiTestSupport.h"
#include "ui/batch/BatchExport.h"
#include "ui/batch/BatchFailures.h"
#include "ui/batch/BatchItemModel.h"
#include "ui/common/Clipboard.h"
#include "ui/common/ErrorReporter.h"
#include "ui/common/QrCode.h"
#include "ui/common/Translations.h"
#include "ui/keys/KeyFilterProxy.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/signing/LatencyChart.h"
#include "ui/signing/LatencyStats.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QValueAxis>
#include <cerrno>
#include <cmath>
#include <cstring>

using namespace baokeys;
using keyring::BatchItemEvent;
using keyring::BatchItemState;

class TestUiModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keyTableShowsRecords();
    void keyTableSortsNamesNaturally();
    void filterMatchesNameAddressAndKey();
    void batchModelCoalescesUpdates();
    void batchModelMapsRowsAndCounts();
    void batchModelEndsARequestWithItsAnswer();
    void anAnsweredStateChangeIsNotSaidLost();
    void failuresGroupByKindTheUncertainFirst();
    void latencyStats();
    void latencyStatsCountOnlySignedRequests();
    void lanesPackRequestsSideBySide();
    void latencyHistogram();
    void latencyHistogramWholeMilliseconds();
    void histogramAxesReadInWholeNumbers();
    void exportCsvAndJson();
    void qrCodeEncodesAddress();
    void clipboardClearsSecretOnly();
    void resourcesAndTranslations();
    void translationsCoverEveryString();

private:
    std::shared_ptr<signer::SignerServer> m_server;
    std::unique_ptr<ui::Session> m_session;
    QList<keyring::KeyRecord> m_records;
};

void TestUiModels::initTestCase()
{
    uitest::isolateSettings();
    m_server = uitest::startSigner();
    m_session = uitest::sessionOver(m_server);
    for (const QString &name : {QStringLiteral("blob-worker-10"), QStringLiteral("blob-worker-2"),
                                QStringLiteral("blob-worker-1"), QStringLiteral("validator")}) {
        auto created = m_session->keyring().newAccount(name, name == QLatin1String("validator"));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().describe()));
    }
    m_records = m_session->keyring().list();
    QCOMPARE(m_records.size(), 4);
}

void TestUiModels::keyTableShowsRecords()
{
    ui::KeyTableModel model;
    model.setRecords(m_records, QStringLiteral("celestia"));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(ui::KeyTableModel::ColumnCount));
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto &record = model.record(row);
        const QString address = model.index(row, ui::KeyTableModel::AddressColumn).data().toString();
        QCOMPARE(address, record.bech32(QStringLiteral("celestia")));
        QVERIFY(address.startsWith(QLatin1String("celestia1")));
        const QString shortKey = model.index(row, ui::KeyTableModel::PublicKeyColumn).data().toString();
        QVERIFY(record.publicKeyHex().startsWith(shortKey.left(8)));
        QVERIFY(record.publicKeyHex().endsWith(shortKey.right(6)));
        QCOMPARE(model.index(row, ui::KeyTableModel::ExportableColumn).data().toString(),
                 record.exportable ? QStringLiteral("yes") : QStringLiteral("no"));
        QCOMPARE(model.index(row, ui::KeyTableModel::SourceColumn).data().toString(),
                 QStringLiteral("generated"));
        QVERIFY(!model.index(row, ui::KeyTableModel::CreatedColumn).data().toString().isEmpty());
        QCOMPARE(model.index(row, 0).data(ui::KeyTableModel::UidRole).toString(), record.uid);
    }
    // Another HRP re-renders every address.
    model.setHrp(QStringLiteral("cosmos"));
    QVERIFY(model.index(0, ui::KeyTableModel::AddressColumn)
                .data()
                .toString()
                .startsWith(QLatin1String("cosmos1")));
    QCOMPARE(model.rowOf(QStringLiteral("validator")) >= 0, true);
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
}

void TestUiModels::keyTableSortsNamesNaturally()
{
    ui::KeyTableModel model;
    model.setRecords(m_records, QStringLiteral("celestia"));
    ui::KeyFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ui::KeyTableModel::NameColumn, Qt::AscendingOrder);
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names << proxy.index(row, 0).data().toString();
    QCOMPARE(names, (QStringList{QStringLiteral("blob-worker-1"), QStringLiteral("blob-worker-2"),
                                 QStringLiteral("blob-worker-10"), QStringLiteral("validator")}));
}

void TestUiModels::filterMatchesNameAddressAndKey()
{
    ui::KeyTableModel model;
    model.setRecords(m_records, QStringLiteral("celestia"));
    ui::KeyFilterProxy proxy;
    proxy.setSourceModel(&model);

    proxy.setSearchText(QStringLiteral("BLOB"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setSearchText(QStringLiteral("WORKER-10"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("blob-worker-10"));

    const int row = model.rowOf(QStringLiteral("validator"));
    const auto &validator = model.record(row);
    const QString address = validator.bech32(QStringLiteral("celestia"));
    proxy.setSearchText(address.mid(12, 10)); // a piece of the bech32 address
    QVERIFY(proxy.rowCount() >= 1);
    bool found = false;
    for (int i = 0; i < proxy.rowCount(); ++i)
        found = found || proxy.index(i, 0).data().toString() == QLatin1String("validator");
    QVERIFY(found);
    proxy.setSearchText(validator.publicKeyHex().mid(20, 16).toUpper()); // public key, any case
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSearchText(validator.addressHex().right(12));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSearchText(QStringLiteral("no-such-key"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setSearchText(QString());
    QCOMPARE(proxy.rowCount(), 4);
}

void TestUiModels::batchModelCoalescesUpdates()
{
    ui::BatchItemModel model;
    QStringList uids;
    for (int i = 1; i <= 100; ++i)
        uids << QStringLiteral("w-%1").arg(i);
    model.reset(uids);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<BatchItemEvent> events;
    for (int i = 10; i < 60; ++i) {
        events << BatchItemEvent{i, uids[i], BatchItemState::Started, 1000000LL * i, std::nullopt};
        events << BatchItemEvent{i, uids[i], BatchItemState::Succeeded, 1000000LL * i + 5000000,
                                 std::nullopt};
    }
    model.applyEvents(events);
    QCOMPARE(changed.count(), 0); // nothing until the flush
    model.setResult(70, QStringLiteral("addr"));
    model.flush();
    QCOMPARE(changed.count(), 1); // one signal for the whole range
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 10);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 70);
    model.flush();
    QCOMPARE(changed.count(), 1); // nothing dirty: no signal
    QCOMPARE(model.row(10).state, BatchItemState::Succeeded);
    QCOMPARE(model.row(10).latencyMs(), 5.0);
    QCOMPARE(model.index(10, ui::BatchItemModel::StateColumn).data().toString(), QStringLiteral("done"));
    QVERIFY(
        model.index(10, ui::BatchItemModel::LatencyColumn).data().toString().contains(QLatin1String("5")));
}

void TestUiModels::batchModelMapsRowsAndCounts()
{
    ui::BatchItemModel model;
    model.setLabels(QStringLiteral("creating"), QStringLiteral("Address"));
    model.reset({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")});
    // A retry batch of two items that are rows 1 and 3.
    const QList<int> rowOf{1, 3};
    bao::BaoError failure{bao::BaoErrorKind::ServerError, QStringLiteral("injected"), 500, {}};
    model.applyEvents({BatchItemEvent{0, QStringLiteral("b"), BatchItemState::Started, 0, std::nullopt},
                       BatchItemEvent{1, QStringLiteral("d"), BatchItemState::Started, 0, std::nullopt},
                       BatchItemEvent{1, QStringLiteral("d"), BatchItemState::Failed, 10, failure}},
                      rowOf);
    model.flush();
    QCOMPARE(model.row(1).state, BatchItemState::Started);
    QCOMPARE(model.index(1, ui::BatchItemModel::StateColumn).data().toString(), QStringLiteral("creating"));
    QCOMPARE(model.row(3).state, BatchItemState::Failed);
    QVERIFY(model.row(3).error.contains(QLatin1String("injected")));
    QVERIFY(model.index(3, ui::BatchItemModel::ErrorColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("500")));
    const auto counts = model.counts();
    QCOMPARE(counts.total, 4);
    QCOMPARE(counts.queued, 2);
    QCOMPARE(counts.running, 1);
    QCOMPARE(counts.failed, 1);
    QCOMPARE(model.rowsInState(BatchItemState::Failed), QList<int>{3});
    model.requeue({3});
    QCOMPARE(model.row(3).state, BatchItemState::Queued);
    QVERIFY(model.row(3).error.isEmpty());
    QCOMPARE(model.headerData(ui::BatchItemModel::ResultColumn, Qt::Horizontal).toString(),
             QStringLiteral("Address"));
}

// An answer waiting for its check is not in flight, and the row's latency
// (the chart's bar) ends with the answer: the app counted checks' waits in
// both ("7,811 in flight" with 1,000 lanes, "3,191.8x faster").
void TestUiModels::batchModelEndsARequestWithItsAnswer()
{
    ui::BatchItemModel model;
    model.setLabels(QStringLiteral("signing"), QStringLiteral("Signature"));
    model.reset({QStringLiteral("a"), QStringLiteral("b")});
    model.applyEvents(
        {BatchItemEvent{0, QStringLiteral("a"), BatchItemState::Started, 1'000'000, std::nullopt},
         BatchItemEvent{1, QStringLiteral("b"), BatchItemState::Started, 2'000'000, std::nullopt},
         BatchItemEvent{0, QStringLiteral("a"), BatchItemState::Answered, 11'000'000, std::nullopt}},
        {});
    model.flush();
    auto counts = model.counts();
    QCOMPARE(counts.running, 1);
    QCOMPARE(counts.checking, 1);
    QCOMPARE(model.index(0, ui::BatchItemModel::StateColumn).data().toString(), QStringLiteral("checking"));
    QCOMPARE(model.row(0).latencyMs(), 10.0);
    model.applyEvents(
        {BatchItemEvent{0, QStringLiteral("a"), BatchItemState::Succeeded, 90'000'000, std::nullopt}}, {});
    model.flush();
    counts = model.counts();
    QCOMPARE(counts.checking, 0);
    QCOMPARE(counts.succeeded, 1);
    QCOMPARE(model.row(0).latencyMs(), 10.0); // the answer's time, not the check's end
    QCOMPARE(
        model.index(0, ui::BatchItemModel::LatencyColumn).data(ui::BatchItemModel::LatencyMsRole).toDouble(),
        10.0);
}

// A create answered 500 is outcome unknown, but it was answered: the app
// said "its answer was lost" for it.
void TestUiModels::anAnsweredStateChangeIsNotSaidLost()
{
    const QString answered = ui::ErrorReporter::explain(
        bao::BaoError{bao::BaoErrorKind::OutcomeUnknown, QStringLiteral("injected failure"), 500, {}});
    QVERIFY2(answered.contains(QLatin1String("HTTP 500")) && !answered.contains(QLatin1String("lost")),
             qPrintable(answered));
    const QString lost = ui::ErrorReporter::explain(
        bao::BaoError{bao::BaoErrorKind::OutcomeUnknown, QStringLiteral("connection reset"), 0, {}});
    QVERIFY2(lost.contains(QLatin1String("answer was lost")), qPrintable(lost));
}

// Provisioning's failure box explained the first failure only: with the
// signer killed mid-batch, "14 keys could not be created. The request was
// sent but its answer was lost", though 13 never reached the server and one
// (kw-7) is the key a sync must settle.
void TestUiModels::failuresGroupByKindTheUncertainFirst()
{
    const auto failedRow = [](const QString &uid, bao::BaoErrorKind kind, const QString &message) {
        ui::BatchItemModel::Row row;
        row.uid = uid;
        row.state = BatchItemState::Failed;
        row.errorDetail = bao::BaoError{kind, message, 0, {}};
        return row;
    };
    QList<ui::BatchItemModel::Row> rows;
    for (int i = 1; i <= 6; ++i)
        rows << failedRow(QStringLiteral("kw-%1").arg(i), bao::BaoErrorKind::Transport,
                          QStringLiteral("refused"));
    rows << failedRow(QStringLiteral("kw-7"), bao::BaoErrorKind::OutcomeUnknown, QStringLiteral("reset"));
    rows << failedRow(QStringLiteral("kw-8"), bao::BaoErrorKind::Transport, QStringLiteral("refused"));
    ui::BatchItemModel::Row done;
    done.uid = QStringLiteral("kw-9");
    done.state = BatchItemState::Succeeded;
    rows << done;

    const auto groups = ui::BatchFailures::byKind(rows);
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(0).error.kind, bao::BaoErrorKind::OutcomeUnknown);
    QCOMPARE(groups.at(0).names, QStringList{QStringLiteral("kw-7")});
    QCOMPARE(groups.at(1).error.kind, bao::BaoErrorKind::Transport);
    QCOMPARE(groups.at(1).names.size(), 7);
    QCOMPARE(groups.at(1).names.last(), QStringLiteral("kw-8"));
}

void TestUiModels::latencyStats()
{
    // Four requests of 200 ms side by side, then one more after them.
    const QList<ui::LatencyStats::Interval> intervals{{0, 200}, {1, 201}, {2, 202}, {3, 203}, {210, 310}};
    const auto stats = ui::LatencyStats::compute(intervals);
    QCOMPARE(stats.count, 5);
    QCOMPARE(stats.wallMs, 310.0);
    QCOMPARE(stats.sequentialMs, 900.0);
    QCOMPARE(stats.minMs, 100.0);
    QCOMPARE(stats.maxMs, 200.0);
    QCOMPARE(stats.meanMs, 180.0);
    QCOMPARE(stats.p50Ms, 200.0);
    QVERIFY(qAbs(stats.speedup() - 900.0 / 310.0) < 1e-9);
    const QString summary = stats.summary();
    QVERIFY2(summary.contains(QLatin1String("5 signatures in 310 ms")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("sequential would take 900 ms")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("2.9× faster")), qPrintable(summary));
    QCOMPARE(ui::LatencyStats::compute({}).count, 0);
}

void TestUiModels::latencyStatsCountOnlySignedRequests()
{
    // A failed request is drawn (the span covers it) but is no signature:
    // the counts, wall and sequential times are the signed ones'.
    using Outcome = ui::LatencyStats::Outcome;
    const auto stats = ui::LatencyStats::compute({{0, 100, Outcome::Done, QStringLiteral("a")},
                                                  {0, 300, Outcome::Failed, QStringLiteral("b")},
                                                  {10, 60, Outcome::Cancelled, QStringLiteral("c")}});
    QCOMPARE(stats.count, 1);
    QCOMPARE(stats.wallMs, 100.0);
    QCOMPARE(stats.sequentialMs, 100.0);
    QCOMPARE(stats.spanMs, 300.0);
    QCOMPARE(stats.histogram(10).total(), 1);
    QCOMPARE(ui::LatencyStats::compute({{0, 50, Outcome::Failed, {}}}).count, 0);
}

void TestUiModels::lanesPackRequestsSideBySide()
{
    // A request takes the topmost lane free when it starts.
    const QList<ui::LatencyStats::Interval> intervals{{0, 10}, {5, 15}, {10, 20}, {12, 30}, {16, 18}};
    const auto lanes = ui::LatencyStats::compute(intervals).lanes();
    QCOMPARE(lanes.lane, (QList<int>{0, 1, 0, 2, 1}));
    QCOMPARE(lanes.laneCount, 3);
    QCOMPARE(ui::LatencyStats::compute({}).lanes().laneCount, 0);
}

void TestUiModels::latencyHistogram()
{
    QList<ui::LatencyStats::Interval> intervals;
    for (int i = 0; i < 10; ++i)
        intervals << ui::LatencyStats::Interval{0, double(10 + i * 10)}; // 10..100 ms
    const auto stats = ui::LatencyStats::compute(intervals);
    const auto histogram = stats.histogram(9);
    QCOMPARE(histogram.counts.size(), 9);
    QCOMPARE(histogram.originMs, 10);
    QCOMPARE(histogram.widthMs, 10);
    QCOMPARE(histogram.total(), 10);
    QCOMPARE(histogram.counts.last(), 2); // 90 and the maximum 100 share the last bin
}

void TestUiModels::latencyHistogramWholeMilliseconds()
{
    auto latencies = [](const QList<double> &ms) {
        QList<ui::LatencyStats::Interval> intervals;
        for (double latency : ms)
            intervals << ui::LatencyStats::Interval{5, 5 + latency};
        return ui::LatencyStats::compute(intervals);
    };
    // Two fast and two slow requests: 20 ms bins from 10 ms, the ends full.
    const auto wide = latencies({10, 12, 200, 210}).histogram(10);
    QCOMPARE(wide.originMs, 10);
    QCOMPARE(wide.widthMs, 20);
    QCOMPARE(wide.counts, (QList<int>{2, 0, 0, 0, 0, 0, 0, 0, 0, 2}));
    QCOMPARE(wide.binStartMs(9), 190);
    QCOMPARE(wide.highest(), 2);

    // A narrow spread never makes sub-millisecond bins: 1 ms bins, fewer of them.
    const auto narrow = latencies({10.4, 10.9, 13.2}).histogram(10);
    QCOMPARE(narrow.originMs, 10);
    QCOMPARE(narrow.widthMs, 1);
    QCOMPARE(narrow.counts, (QList<int>{2, 0, 0, 1}));

    // An odd span rounds the width up to whole milliseconds.
    const auto odd = latencies({100.2, 133.9, 170.0, 301.7}).histogram(7);
    QCOMPARE(odd.originMs, 100);
    QCOMPARE(odd.widthMs, 29); // ceil(201.7 / 7)
    QCOMPARE(odd.counts.size(), 7);
    QCOMPARE(odd.counts, (QList<int>{1, 1, 1, 0, 0, 0, 1}));

    // Every request the same: one bin holding them all.
    const auto same = latencies({50, 50, 50}).histogram(10);
    QCOMPARE(same.counts, QList<int>{3});
    QCOMPARE(ui::LatencyStats::compute({}).histogram(10).total(), 0);
}

void TestUiModels::histogramAxesReadInWholeNumbers()
{
    // Seven requests in one bin and one in another: the count axis must step
    // in whole requests (0, 2, 4, 6, 8), not 0, 1.75, 3.5 shown as 0, 1, 3.
    QList<ui::LatencyStats::Interval> intervals;
    for (int i = 0; i < 7; ++i)
        intervals << ui::LatencyStats::Interval{double(i), double(i) + 100.5};
    intervals << ui::LatencyStats::Interval{0, 190.3};
    ui::LatencyChart chart;
    chart.setStats(ui::LatencyStats::compute(intervals));
    auto *series = qobject_cast<QBarSeries *>(chart.histogram()->series().value(0));
    QVERIFY(series);
    int total = 0;
    for (int i = 0; i < series->barSets().at(0)->count(); ++i) {
        const double count = series->barSets().at(0)->at(i);
        QCOMPARE(count, std::round(count));
        total += int(count);
    }
    QCOMPARE(total, 8);
    auto axisNamed = [&chart](const QString &name) -> QAbstractAxis * {
        for (QAbstractAxis *axis : chart.histogram()->axes()) {
            if (axis->objectName() == name)
                return axis;
        }
        return nullptr;
    };
    auto *counts = qobject_cast<QValueAxis *>(axisNamed(QStringLiteral("countAxis")));
    QVERIFY(counts);
    QCOMPARE(counts->tickType(), QValueAxis::TicksDynamic);
    QCOMPARE(counts->tickAnchor(), 0.0);
    QVERIFY(counts->tickInterval() >= 1.0);
    QCOMPARE(counts->tickInterval(), std::round(counts->tickInterval()));
    QCOMPARE(counts->max(), std::round(counts->max()));
    QVERIFY(counts->max() >= 7.0);
    QCOMPARE(std::fmod(counts->max(), counts->tickInterval()), 0.0);
    auto *bins = qobject_cast<QBarCategoryAxis *>(axisNamed(QStringLiteral("binAxis")));
    QVERIFY(bins);
    QVERIFY2(bins->titleText().contains(QLatin1String("ms")), qPrintable(bins->titleText()));
    for (const QString &label : bins->categories()) {
        bool whole = false;
        label.toInt(&whole);
        QVERIFY2(whole, qPrintable(label)); // 100, 110, … ms: no 100.0 or 108.6
    }
}

void TestUiModels::exportCsvAndJson()
{
    const QList<ui::BatchExport::Entry> entries{
        {QStringLiteral("blob-worker-1"), QStringLiteral("celestia1aaa"), QStringLiteral("02ab")},
        {QStringLiteral("odd,name"), QStringLiteral("celestia1bbb"), QStringLiteral("03cd")}};
    const QByteArray csv = ui::BatchExport::toCsv(entries);
    QCOMPARE(
        csv,
        QByteArray(
            "name,address,public_key\nblob-worker-1,celestia1aaa,02ab\n\"odd,name\",celestia1bbb,03cd\n"));
    const auto json =
        QJsonDocument::fromJson(ui::BatchExport::toJson(entries, QStringLiteral("celestia"))).object();
    QCOMPARE(json.value(QStringLiteral("hrp")).toString(), QStringLiteral("celestia"));
    const QJsonArray keys = json.value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(1).toObject().value(QStringLiteral("address")).toString(),
             QStringLiteral("celestia1bbb"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workers.csv"));
    QVERIFY(ui::BatchExport::writeFile(path, csv));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), csv);
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QVERIFY(!ui::BatchExport::writeFile(dir.filePath(QStringLiteral("missing/dir/x.csv")), csv));

    // A write that fails half-way (the file-size limit here, a full disk for
    // an operator) says why, and leaves no file behind. It said "Unknown error".
    const QString large = dir.filePath(QStringLiteral("large.csv"));
    Expected<void, QString> failed;
    {
        testsupport::FileSizeLimit limit(4096);
        failed = ui::BatchExport::writeFile(large, QByteArray(64 * 1024, 'x'));
    }
    QVERIFY(!failed);
    QCOMPARE(failed.error(), QString::fromLocal8Bit(strerror(EFBIG)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("workers.csv")});
}

void TestUiModels::qrCodeEncodesAddress()
{
    const QString address = m_records.first().bech32(QStringLiteral("celestia"));
    const auto modules = ui::QrCode::modules(address);
    QVERIFY(modules.size() >= 21); // version 1 or larger
    QCOMPARE(modules.first().size(), modules.size());
    // The three finder patterns: dark top-left, top-right and bottom-left corners.
    const int n = int(modules.size());
    QVERIFY(modules[0][0] && modules[0][n - 1] && modules[n - 1][0]);
    QVERIFY(!modules[7][7]); // the separator around the finder is light
    const QImage image = ui::QrCode::encode(address, 4);
    QCOMPARE(image.width(), (n + 8) * 4);
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));   // quiet zone
    QCOMPARE(image.pixelColor(16, 16), QColor(Qt::black)); // first module
    QVERIFY(ui::QrCode::encode(address, 0).isNull());
}

void TestUiModels::clipboardClearsSecretOnly()
{
    ui::Clipboard clipboard;
    QClipboard *board = QGuiApplication::clipboard();
    clipboard.setSecret(QStringLiteral("deadbeef-secret"), 100);
    QCOMPARE(board->text(), QStringLiteral("deadbeef-secret"));
    QVERIFY(clipboard.holdsSecret());
    QSignalSpy cleared(&clipboard, &ui::Clipboard::secretCleared);
    QVERIFY(cleared.wait(2000));
    QVERIFY(board->text().isEmpty());

    // Something the user copied since is left alone.
    clipboard.setSecret(QStringLiteral("another-secret"), 100);
    board->setText(QStringLiteral("user text"));
    QVERIFY(cleared.wait(2000));
    QCOMPARE(board->text(), QStringLiteral("user text"));

    // Plain text (an address) is not cleared.
    clipboard.setText(QStringLiteral("celestia1xyz"));
    QVERIFY(!clipboard.holdsSecret());
    QTest::qWait(150);
    QCOMPARE(board->text(), QStringLiteral("celestia1xyz"));
}

void TestUiModels::resourcesAndTranslations()
{
    QVERIFY(QFile::exists(QStringLiteral(":/icons/baokeys.svg")));
    QVERIFY(!ui::appIcon().isNull());
    const QStringList languages = ui::Translations::available();
    QVERIFY2(languages.contains(QStringLiteral("en")) && languages.contains(QStringLiteral("vi")),
             qPrintable(languages.join(QLatin1Char(','))));
    QCOMPARE(ui::Translations::languageFor(QLocale(QStringLiteral("vi_VN"))), QStringLiteral("vi"));
    QCOMPARE(ui::Translations::languageFor(QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    // The Vietnamese file really translates what people see.
    QTranslator vietnamese;
    QVERIFY(vietnamese.load(QStringLiteral(":/i18n/baokeys_vi.qm")));
    QCOMPARE(vietnamese.translate("baokeys::ui::MainWindow", "&Keys"), QStringLiteral("&Khóa"));
    QCOMPARE(vietnamese.translate("baokeys::ui::ConnectionMonitor", "Sealed"),
             QStringLiteral("Bị niêm phong"));
    QCOMPARE(vietnamese.translate("LatencyStats",
                                  "%Ln signature(s) in %1 ms — sequential would take %2 ms (%3× faster)",
                                  nullptr, 5),
             QStringLiteral("%Ln chữ ký trong %1 ms — ký tuần tự sẽ mất %2 ms (nhanh hơn %3×)"));
}

void TestUiModels::translationsCoverEveryString()
{
    // lupdate over today's sources, into a copy of the committed Vietnamese
    // file: a string added to the code without a translation shows up as
    // unfinished (the same options as the build's lupdate step).
    const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (!QFileInfo::exists(lupdate))
        QSKIP("lupdate is not installed (Debian package qt6-l10n-tools)");
    const QDir source(QStringLiteral(BAOKEYS_TEST_DATA_DIR "/../.."));
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("baokeys_vi.ts"));
    QVERIFY(QFile::copy(source.filePath(QStringLiteral("translations/baokeys_vi.ts")), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    // English needs its plural forms too, or "%n address(es)" is shown as is.
    const QString englishCopy = dir.filePath(QStringLiteral("baokeys_en.ts"));
    QVERIFY(QFile::copy(source.filePath(QStringLiteral("translations/baokeys_en.ts")), englishCopy));
    QFile::setPermissions(englishCopy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess process;
    process.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                            QStringLiteral("none"), QStringLiteral("-I"), source.absolutePath(),
                            source.filePath(QStringLiteral("ui")), QStringLiteral("-ts"), copy, englishCopy});
    // lupdate parses every source of ui/: minutes on a loaded 2-core machine.
    QVERIFY(process.waitForFinished(240000));
    QCOMPARE(process.exitCode(), 0);
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ts = file.readAll();
    QVERIFY(ts.count("<message") > 250);
    QStringList missing;
    for (qsizetype at = ts.indexOf("type=\"unfinished\""); at >= 0;
         at = ts.indexOf("type=\"unfinished\"", at + 1)) {
        const qsizetype begin = ts.lastIndexOf("<source>", at);
        const qsizetype end = ts.indexOf("</source>", begin);
        missing << QString::fromUtf8(ts.mid(begin + 8, end - begin - 8));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in translations/baokeys_vi.ts: ") +
                                           missing.join(QStringLiteral(" | "))));
    QVERIFY(!ts.contains("<translation></translation>"));
    QVERIFY(!ts.contains("<numerusform></numerusform>"));

    QFile englishFile(englishCopy);
    QVERIFY(englishFile.open(QIODevice::ReadOnly));
    const QByteArray english = englishFile.readAll();
    QStringList withoutPlurals;
    for (qsizetype at = english.indexOf("<message numerus=\"yes\">"); at >= 0;
         at = english.indexOf("<message numerus=\"yes\">", at + 1)) {
        const QByteArray message = english.mid(at, english.indexOf("</message>", at) - at);
        if (message.contains("<numerusform></numerusform>")) {
            const qsizetype begin = message.indexOf("<source>") + 8;
            withoutPlurals << QString::fromUtf8(message.mid(begin, message.indexOf("</source>") - begin));
        }
    }
    QVERIFY2(withoutPlurals.isEmpty(),
             qPrintable(QStringLiteral("no English plural forms in translations/baokeys_en.ts: ") +
                        withoutPlurals.join(QStringLiteral(" | "))));

    // And the compiled file carries them.
    QTranslator vietnamese;
    QVERIFY(vietnamese.load(QStringLiteral(":/i18n/baokeys_vi.qm")));
    QCOMPARE(vietnamese.translate("baokeys::ui::KeysPage", "Key list synced at %1"),
             QStringLiteral("Đã đồng bộ danh sách khóa lúc %1"));
}

QTEST_MAIN(TestUiModels)
#include "TestUiModels.moc"
