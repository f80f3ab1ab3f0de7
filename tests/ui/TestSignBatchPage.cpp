// The batch-signing tab of the real main window against the embedded
// signer: rows update to done with verified signatures, the chart draws one
// bar per request with the wall-time and sequential markers, the summary
// shows the speed-up; Cancel; a failing or sealed server shows its error.
#include "UiTestSupport.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"
#include "ui/batch/BatchItemModel.h"
#include "ui/keys/KeyFilterProxy.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/keys/KeysPage.h"
#include "ui/signing/LatencyChart.h"
#include "ui/signing/RequestBarsItem.h"
#include "ui/signing/SignBatchPage.h"
#include "ui/signing/SpeedComparison.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QValueAxis>

using namespace baokeys;

class TestSignBatchPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void signsInParallelAndDrawsTheChart();
    void signsTheSelectedKeysWithHexMessage();
    void signsAFileMessage();
    void selectionElsewhereNeverChangesTheTarget();
    void prefixedKeysSignInNaturalOrder();
    void exportsTheSignatures();
    void cancelStopsSigning();
    void failingServerShowsItsError();
    void sealedServerShowsItsError();
    void ctrlCCopiesTheSigningSelection();
    void timelineFillsThePlotAt150Ms();
    void barsSayTheirOutcomeAndTiming();
    void largeBatchDrawsOneRowPerLane();
    void fullyFailedBatchSaysWhatFailedAndWhy();

private:
    void makeKeys(const QString &prefix, int count);
    void setForm(const QString &prefix, int repeat, int parallelism = 0);
    bool runToEnd(int timeoutMs = 20000);

    std::shared_ptr<signer::SignerServer> m_server;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::SignBatchPage *m_page = nullptr;
};

void TestSignBatchPage::initTestCase()
{
    uitest::isolateSettings();
}

void TestSignBatchPage::init()
{
    m_server = uitest::startSigner();
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setSession(uitest::sessionOver(m_server));
    m_window->show();
    m_window->tabs()->setCurrentWidget(m_window->signPage());
    m_page = m_window->signPage();
}

void TestSignBatchPage::cleanup()
{
    uitest::closeErrorBoxes(m_window.get());
    m_window.reset();
    m_server.reset();
}

void TestSignBatchPage::makeKeys(const QString &prefix, int count)
{
    keyring::CreateBatchRequest request;
    request.prefix = prefix;
    request.count = count;
    auto job = m_window->session()->keyring().createBatch(request);
    QVERIFY(job);
    job->future.waitForFinished();
    for (const auto &result : job->future.results())
        QVERIFY(result.ok());
    QTRY_COMPARE(m_window->keysPage()->model()->rowCount(), count);
}

void TestSignBatchPage::setForm(const QString &prefix, int repeat, int parallelism)
{
    m_page->findChild<QRadioButton *>(QStringLiteral("signUsePrefix"))->setChecked(true);
    m_page->findChild<QLineEdit *>(QStringLiteral("signPrefix"))->setText(prefix);
    m_page->findChild<QSpinBox *>(QStringLiteral("signRepeat"))->setValue(repeat);
    m_page->findChild<QSpinBox *>(QStringLiteral("signParallelism"))->setValue(parallelism);
}

bool TestSignBatchPage::runToEnd(int timeoutMs)
{
    QSignalSpy finished(m_page, &ui::SignBatchPage::batchFinished);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("signRun")), Qt::LeftButton);
    return finished.wait(timeoutMs);
}

void TestSignBatchPage::signsInParallelAndDrawsTheChart()
{
    makeKeys(QStringLiteral("blob-worker"), 6);
    m_server->setFaults(uitest::latency(100));
    setForm(QStringLiteral("blob-worker"), 4); // 24 signatures, all in flight at once
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("signChoice"))->text().contains(QLatin1String("24")));
    QVERIFY(runToEnd());

    const ui::BatchItemModel *model = m_page->model();
    QCOMPARE(model->rowCount(), 24);
    QCOMPARE(model->counts().succeeded, 24);
    auto &keyring = m_window->session()->keyring();
    const QByteArray digest = crypto::Hash::sha256(QByteArray("hello blob"));
    for (int row = 0; row < 24; ++row) {
        QCOMPARE(model->index(row, ui::BatchItemModel::StateColumn).data().toString(),
                 QStringLiteral("done"));
        QCOMPARE(model->row(row).uid, QStringLiteral("blob-worker-%1").arg(row % 6 + 1));
        QVERIFY(model->row(row).latencyMs() >= 90.0);
        // The full signature the row keeps verifies against the stored key.
        const auto signature = crypto::Hex::decode(model->row(row).extra);
        QVERIFY(signature);
        QCOMPARE(signature->size(), 64);
        const auto record = keyring.key(model->row(row).uid);
        QVERIFY(crypto::Secp256k1::verifyDigest(record->publicKey, digest, *signature));
    }

    // Parallel: 24 × 100 ms one by one is 2.4 s; side by side far less.
    const auto &stats = m_page->stats();
    QCOMPARE(stats.count, 24);
    QVERIFY2(stats.sequentialMs >= 2400.0 * 0.9, qPrintable(QString::number(stats.sequentialMs)));
    QVERIFY2(
        stats.wallMs < stats.sequentialMs / 3,
        qPrintable(QStringLiteral("wall %1 ms, sequential %2 ms").arg(stats.wallMs).arg(stats.sequentialMs)));
    const QString summary = m_page->findChild<QLabel *>(QStringLiteral("signSummary"))->text();
    QVERIFY2(summary.startsWith(QLatin1String("24 signatures in ")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("sequential would take")) &&
                 summary.contains(QStringLiteral("× faster")),
             qPrintable(summary));

    // The chart: one bar per request from its start to its end.
    ui::LatencyChart *chart = m_page->chart();
    QCOMPARE(chart->barCount(), 24);
    // One marker on the timeline, the wall time; sequential is compared apart.
    QList<QLineSeries *> markers;
    for (QAbstractSeries *series : chart->timeline()->series()) {
        auto *line = qobject_cast<QLineSeries *>(series);
        if (line && line->count() > 0)
            markers << line;
    }
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.at(0)->at(0).x(), stats.wallMs);
    QVERIFY(chart->comparison()->isVisible());
    QVERIFY2(chart->comparison()->sequentialText().startsWith(QLatin1String("sequential ")),
             qPrintable(chart->comparison()->sequentialText()));
    // Each bar spans its request's start to end on the chart's time axis.
    const ui::RequestBarsItem *bars = chart->bars();
    const QRectF plot = chart->timeline()->plotArea();
    QVERIFY(plot.width() > 100);
    // The time axis spans the batch: from 0 to just past its last end.
    auto *time = qobject_cast<QValueAxis *>(chart->timeline()->axes(Qt::Horizontal).value(0));
    QVERIFY(time);
    QCOMPARE(time->min(), 0.0);
    QVERIFY(time->max() >= stats.wallMs);
    QVERIFY(time->max() <= stats.spanMs * 1.1);
    const double pxPerMs = plot.width() / time->max();
    for (int i = 0; i < 24; ++i) {
        const QRectF bar = bars->barRect(i);
        QVERIFY(plot.adjusted(-1, -1, 1, 1).contains(bar));
        QVERIFY(qAbs(bar.left() - (plot.left() + double(model->row(i).startNs) / 1e6 * pxPerMs)) < 1.5);
        QVERIFY(qAbs(bar.width() - std::max(1.0, model->row(i).latencyMs() * pxPerMs)) < 1.5);
        if (i > 0)
            QVERIFY(bar.top() > bars->barRect(i - 1).top()); // request 1 at the top, one row each
    }
    // All 24 overlap in time: parallel, not one after another.
    const QRectF first = bars->barRect(0);
    for (int i = 1; i < 24; ++i)
        QVERIFY(bars->barRect(i).left() < first.right());
    // The histogram counts every request once.
    auto *histogram = qobject_cast<QBarSeries *>(chart->histogram()->series().value(0));
    QVERIFY(histogram);
    double total = 0;
    for (int i = 0; i < histogram->barSets().at(0)->count(); ++i)
        total += histogram->barSets().at(0)->at(i);
    QCOMPARE(total, 24.0);
    QVERIFY(uitest::errorBoxes(m_window.get()).isEmpty());
}

// Names starting with "w": w-1, w-2, ... w-12 in that order (natural order,
// as the key table lists them), not w-1, w-10, w-11, w-12, w-2.
void TestSignBatchPage::prefixedKeysSignInNaturalOrder()
{
    makeKeys(QStringLiteral("w"), 12);
    setForm(QStringLiteral("w"), 1);
    QVERIFY(runToEnd());
    const ui::BatchItemModel *model = m_page->model();
    QCOMPARE(model->rowCount(), 12);
    for (int row = 0; row < 12; ++row)
        QCOMPARE(model->row(row).uid, QStringLiteral("w-%1").arg(row + 1));
}

void TestSignBatchPage::exportsTheSignatures()
{
    // #14 item 11: signatures exportable from the batch table, like provisioning's keys.
    makeKeys(QStringLiteral("ex"), 3);
    auto *csvButton = m_page->findChild<QPushButton *>(QStringLiteral("signExportCsv"));
    auto *jsonButton = m_page->findChild<QPushButton *>(QStringLiteral("signExportJson"));
    QVERIFY(csvButton && jsonButton);
    QVERIFY(!csvButton->isEnabled()); // nothing signed yet
    setForm(QStringLiteral("ex"), 2);
    QVERIFY(runToEnd());
    QCOMPARE(m_page->model()->counts().succeeded, 6);
    QVERIFY(csvButton->isEnabled() && jsonButton->isEnabled());
    QTemporaryDir dir;
    QVERIFY(m_page->exportTo(dir.filePath(QStringLiteral("s.csv")), false));
    QVERIFY(m_page->exportTo(dir.filePath(QStringLiteral("s.json")), true));
    QFile csv(dir.filePath(QStringLiteral("s.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 7);
    QCOMPARE(lines.at(0), QByteArray("name,signature,public_key,digest"));
    const QList<QByteArray> first = lines.at(1).split(',');
    const auto record = m_window->session()->keyring().key(QString::fromUtf8(first.at(0)));
    QVERIFY(record);
    QCOMPARE(QString::fromUtf8(first.at(1)), m_page->model()->row(0).extra);
    QCOMPARE(QString::fromUtf8(first.at(2)), record->publicKeyHex());
    QCOMPARE(first.at(3).size(), 64);
    QFile json(dir.filePath(QStringLiteral("s.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const auto signatures =
        QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("signatures")).toArray();
    QCOMPARE(signatures.size(), 6);
    QCOMPARE(signatures.at(5).toObject().value(QStringLiteral("signature")).toString(),
             m_page->model()->row(5).extra);
}

void TestSignBatchPage::selectionElsewhereNeverChangesTheTarget()
{
    // #14 item 8: a typed prefix was dropped for "Selected keys" as soon as
    // keys were selected on the Keys tab.
    makeKeys(QStringLiteral("fresh"), 2);
    for (int i = 1; i <= 4; ++i)
        QVERIFY(m_window->session()->keyring().newAccount(QStringLiteral("stale-%1").arg(i)));
    QTRY_COMPARE(m_window->keysPage()->model()->rowCount(), 6);
    auto *prefix = m_page->findChild<QLineEdit *>(QStringLiteral("signPrefix"));
    auto *byPrefix = m_page->findChild<QRadioButton *>(QStringLiteral("signUsePrefix"));
    auto *bySelection = m_page->findChild<QRadioButton *>(QStringLiteral("signUseSelection"));
    QTest::mouseClick(byPrefix, Qt::LeftButton);
    prefix->clear();
    QTest::keyClicks(prefix, QStringLiteral("fresh"));
    QTableView *table = m_window->keysPage()->view();
    table->selectAll();
    QVERIFY(m_window->keysPage()->selectedUids().size() == 6);
    QVERIFY(byPrefix->isChecked());
    QCOMPARE(m_page->chosenKeys(), (QStringList{QStringLiteral("fresh-1"), QStringLiteral("fresh-2")}));
    // And the other way round: the operator's "Selected keys" stays too.
    QTest::mouseClick(bySelection, Qt::LeftButton);
    table->clearSelection();
    table->selectRow(0);
    QVERIFY(bySelection->isChecked());
    QCOMPARE(m_page->chosenKeys().size(), 1);
}

void TestSignBatchPage::signsTheSelectedKeysWithHexMessage()
{
    makeKeys(QStringLiteral("sel"), 5);
    // Select two rows in the key table: the page signs with those.
    QTableView *table = m_window->keysPage()->view();
    table->selectionModel()->select(table->model()->index(1, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(table->model()->index(3, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::mouseClick(m_page->findChild<QRadioButton *>(QStringLiteral("signUseSelection")), Qt::LeftButton);
    QVERIFY(m_page->findChild<QRadioButton *>(QStringLiteral("signUseSelection"))->isChecked());
    QCOMPARE(m_page->chosenKeys(), (QStringList{QStringLiteral("sel-2"), QStringLiteral("sel-4")}));
    m_page->findChild<QComboBox *>(QStringLiteral("signFormat"))->setCurrentIndex(1);
    m_page->findChild<QLineEdit *>(QStringLiteral("signMessage"))->setText(QStringLiteral("0xzz"));
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("signRun")), Qt::LeftButton);
    QTRY_COMPARE(uitest::errorBoxes(m_window.get()).size(), 1); // bad hex: a clear refusal
    QVERIFY(!m_page->isRunning());
    uitest::closeErrorBoxes(m_window.get());
    m_page->findChild<QLineEdit *>(QStringLiteral("signMessage"))->setText(QStringLiteral("0a0b0c"));
    m_page->findChild<QSpinBox *>(QStringLiteral("signRepeat"))->setValue(3);
    QSignalSpy finished(m_page, &ui::SignBatchPage::batchFinished);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("signRun")), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_page->model()->rowCount(), 6);
    QCOMPARE(m_page->model()->counts().succeeded, 6);
    const QByteArray digest = crypto::Hash::sha256(QByteArray::fromHex("0a0b0c"));
    const auto record = m_window->session()->keyring().key(QStringLiteral("sel-4"));
    const auto signature = crypto::Hex::decode(m_page->model()->row(1).extra);
    QCOMPARE(m_page->model()->row(1).uid, QStringLiteral("sel-4"));
    QVERIFY(crypto::Secp256k1::verifyDigest(record->publicKey, digest, *signature));
}

void TestSignBatchPage::signsAFileMessage()
{
    makeKeys(QStringLiteral("file"), 2);
    setForm(QStringLiteral("file"), 1);
    m_page->findChild<QComboBox *>(QStringLiteral("signFormat"))->setCurrentIndex(2);
    // A missing file: refused in plain words, nothing starts.
    QTemporaryDir dir;
    m_page->findChild<QLineEdit *>(QStringLiteral("signMessage"))
        ->setText(dir.filePath(QStringLiteral("absent.bin")));
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("signRun")), Qt::LeftButton);
    QTRY_COMPARE(uitest::errorBoxes(m_window.get()).size(), 1);
    QVERIFY(
        uitest::errorBoxes(m_window.get()).first()->text().contains(QLatin1String("message cannot be used")));
    QVERIFY(uitest::errorBoxes(m_window.get()).first()->detailedText().contains(QLatin1String("absent.bin")));
    QVERIFY(!m_page->isRunning());
    uitest::closeErrorBoxes(m_window.get());

    // A binary file: its bytes are what gets signed.
    QByteArray bytes;
    for (int i = 0; i < 3000; ++i)
        bytes.append(char(i * 7));
    QFile file(dir.filePath(QStringLiteral("blob.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    m_page->findChild<QLineEdit *>(QStringLiteral("signMessage"))->setText(file.fileName());
    QVERIFY(runToEnd());
    QCOMPARE(m_page->model()->counts().succeeded, 2);
    const QByteArray digest = crypto::Hash::sha256(bytes);
    for (int i = 0; i < 2; ++i) {
        const auto record = m_window->session()->keyring().key(m_page->model()->row(i).uid);
        const auto signature = crypto::Hex::decode(m_page->model()->row(i).extra);
        QVERIFY(signature);
        QVERIFY(crypto::Secp256k1::verifyDigest(record->publicKey, digest, *signature));
    }
}

void TestSignBatchPage::cancelStopsSigning()
{
    makeKeys(QStringLiteral("c"), 4);
    m_server->setFaults(uitest::latency(150));
    setForm(QStringLiteral("c"), 20, 2); // 80 requests, two at a time
    QSignalSpy finished(m_page, &ui::SignBatchPage::batchFinished);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("signRun")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->counts().succeeded >= 2, 10000);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("signCancel")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const auto counts = m_page->model()->counts();
    QCOMPARE(counts.done(), 80);
    QVERIFY2(counts.cancelled >= 60, qPrintable(QString::number(counts.cancelled)));
    // Every request that ran is drawn (the cancelled in flight too, in their
    // colour); those cancelled before they started have no bar.
    int ran = 0;
    for (const auto &row : m_page->model()->rows())
        ran += row.hasLatency() ? 1 : 0;
    QCOMPARE(m_page->chart()->barCount(), ran);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("signSummary"))
                ->text()
                .contains(QLatin1String("cancelled")));
}

void TestSignBatchPage::failingServerShowsItsError()
{
    makeKeys(QStringLiteral("f"), 3);
    signer::FaultSettings faults;
    faults.failRate = 1.0;
    m_server->setFaults(faults);
    setForm(QStringLiteral("f"), 2);
    QVERIFY(runToEnd());
    QCOMPARE(m_page->model()->counts().failed, 6);
    const auto boxes = uitest::errorBoxes(m_window.get());
    QCOMPARE(boxes.size(), 1);
    QVERIFY(boxes.first()->text().contains(QLatin1String("6 signatures failed")));
    QVERIFY2(boxes.first()->detailedText().contains(QLatin1String("server_error")),
             qPrintable(boxes.first()->detailedText()));
}

void TestSignBatchPage::sealedServerShowsItsError()
{
    makeKeys(QStringLiteral("s"), 2);
    m_server->seal();
    setForm(QStringLiteral("s"), 1);
    QVERIFY(runToEnd());
    QCOMPARE(m_page->model()->counts().failed, 2);
    const auto boxes = uitest::errorBoxes(m_window.get());
    QCOMPARE(boxes.size(), 1);
    QVERIFY2(boxes.first()->informativeText().contains(QLatin1String("sealed")),
             qPrintable(boxes.first()->informativeText()));
    // The status bar says so too, on the next background check.
    m_window->monitor()->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->stateLabel()->text().startsWith(QLatin1String("Sealed")), 5000);
}

namespace {

// Deletes keys on the server behind the app's back (its key list still has
// them), as another machine or the CLI would: signing with them then fails
// on the server with "key not found".
bool deleteBehindTheAppsBack(const std::shared_ptr<signer::SignerServer> &server, const QStringList &names)
{
    ui::Profile profile = ui::Profile::embeddedDev();
    profile.address = server->address();
    profile.mount = server->mount();
    keyring::BaoKeyring other(profile.settings(server->rootToken()), QString());
    if (!other.sync())
        return false;
    for (const QString &name : names) {
        if (!other.remove(name))
            return false;
    }
    return true;
}

QList<QScatterSeries *> legendKeys(QChart *chart)
{
    QList<QScatterSeries *> keys;
    for (QAbstractSeries *series : chart->series()) {
        if (auto *key = qobject_cast<QScatterSeries *>(series))
            keys << key;
    }
    return keys;
}

} // namespace

void TestSignBatchPage::ctrlCCopiesTheSigningSelection()
{
    // validator-1 selected in Keys, Ctrl+3, a cell of the signing table,
    // Ctrl+C: the cell is copied, not validator-1's address.
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    makeKeys(QStringLiteral("blob-worker"), 3);
    auto &keyring = m_window->session()->keyring();
    QVERIFY(keyring.newAccount(QStringLiteral("validator-1")));
    setForm(QStringLiteral("blob-worker"), 1);
    QVERIFY(runToEnd());

    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    ui::KeysPage *keys = m_window->keysPage();
    QTRY_COMPARE(keys->model()->rowCount(), 4);
    const QModelIndex validatorRow = keys->proxy()->mapFromSource(
        keys->model()->index(keys->model()->rowOf(QStringLiteral("validator-1")), 0));
    QTest::mouseClick(keys->view()->viewport(), Qt::LeftButton, {},
                      keys->view()->visualRect(validatorRow).center());
    QCOMPARE(keys->selectedUids(), QStringList{QStringLiteral("validator-1")});

    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentWidget(), m_page);
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("signTable"));
    auto click = [table](const QModelIndex &row, Qt::KeyboardModifiers modifiers = {}) {
        const QModelIndex index = table->model()->index(row.row(), row.column()); // the table's own
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, table->visualRect(index).center());
    };
    const ui::BatchItemModel *model = m_page->model();
    click(model->index(2, ui::BatchItemModel::NameColumn));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("blob-worker-3"));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Copied 1 cell"));

    // The signature cell gives the whole signature, not the shortened text shown.
    click(model->index(2, ui::BatchItemModel::ResultColumn));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), model->row(2).extra);
    QCOMPARE(model->row(2).extra.size(), 128);

    // Two cells of one row: a tab between them.
    click(model->index(2, ui::BatchItemModel::NameColumn), Qt::ControlModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("blob-worker-3\t") + model->row(2).extra);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Copied 2 cells"));
}

void TestSignBatchPage::timelineFillsThePlotAt150Ms()
{
    // 64 signatures at 150 ms each: the batch takes about 150-200 ms, one
    // at a time would take about 9.6 s. The timeline is about the batch, so
    // its bars fill the plot; the sequential time is a comparison apart.
    makeKeys(QStringLiteral("blob-worker"), 16);
    m_server->setFaults(uitest::latency(150));
    setForm(QStringLiteral("blob-worker"), 4);
    QVERIFY(runToEnd(60000));
    const auto &stats = m_page->stats();
    QCOMPARE(stats.count, 64);
    ui::LatencyChart *chart = m_page->chart();
    QCOMPARE(chart->barCount(), 64);
    const QRectF plot = chart->timeline()->plotArea();
    QVERIFY(plot.width() > 100);
    double left = plot.right();
    double right = plot.left();
    for (int i = 0; i < 64; ++i) {
        left = std::min(left, chart->bars()->barRect(i).left());
        right = std::max(right, chart->bars()->barRect(i).right());
    }
    const double covered = (right - left) / plot.width();
    QVERIFY2(
        covered >= 0.8,
        qPrintable(
            QStringLiteral("the bars cover %1 % of the plot (wall %2 ms, axis to %3 ms)")
                .arg(covered * 100, 0, 'f', 1)
                .arg(stats.wallMs)
                .arg(qobject_cast<QValueAxis *>(chart->timeline()->axes(Qt::Horizontal).value(0))->max())));
    // Sequential: beside the timeline and in the summary, not on its axis.
    auto *time = qobject_cast<QValueAxis *>(chart->timeline()->axes(Qt::Horizontal).value(0));
    QVERIFY(time->max() < stats.sequentialMs);
    QVERIFY(chart->comparison()->isVisible());
    const QLocale locale;
    QCOMPARE(chart->comparison()->parallelText(),
             QStringLiteral("parallel %1 ms").arg(locale.toString(stats.wallMs, 'f', 0)));
    QCOMPARE(chart->comparison()->sequentialText(),
             QStringLiteral("sequential %1 ms").arg(locale.toString(stats.sequentialMs, 'f', 0)));
    const QString summary = m_page->findChild<QLabel *>(QStringLiteral("signSummary"))->text();
    QVERIFY2(
        summary.contains(
            QStringLiteral("sequential would take %1 ms").arg(locale.toString(stats.sequentialMs, 'f', 0))),
        qPrintable(summary));
}

void TestSignBatchPage::barsSayTheirOutcomeAndTiming()
{
    // Three keys sign, one was deleted on the server: three green bars, a
    // red one, a legend naming both, and each bar's tooltip its key, start,
    // end and latency.
    makeKeys(QStringLiteral("t"), 4);
    QVERIFY(deleteBehindTheAppsBack(m_server, {QStringLiteral("t-4")}));
    m_server->setFaults(uitest::latency(50));
    setForm(QStringLiteral("t"), 1);
    QVERIFY(runToEnd());
    QCOMPARE(m_page->model()->counts().succeeded, 3);
    QCOMPARE(m_page->model()->counts().failed, 1);
    ui::LatencyChart *chart = m_page->chart();
    QCOMPARE(chart->barCount(), 4);
    const auto legend = legendKeys(chart->timeline());
    QCOMPARE(legend.size(), 2);
    QCOMPARE(legend.at(0)->name(), QStringLiteral("done (3)"));
    QCOMPARE(legend.at(0)->color(), ui::RequestBarsItem::colorOf(ui::LatencyStats::Outcome::Done));
    QCOMPARE(legend.at(1)->name(), QStringLiteral("failed (1)"));
    QCOMPARE(legend.at(1)->color(), ui::RequestBarsItem::colorOf(ui::LatencyStats::Outcome::Failed));
    QVERIFY(ui::RequestBarsItem::colorOf(ui::LatencyStats::Outcome::Done) !=
            ui::RequestBarsItem::colorOf(ui::LatencyStats::Outcome::Failed));
    for (QAbstractSeries *series : chart->timeline()->series()) {
        auto *line = qobject_cast<QLineSeries *>(series);
        if (line && line->count() > 0) // the wall time: not a bar's colour
            QVERIFY(line->pen().color() != ui::RequestBarsItem::colorOf(ui::LatencyStats::Outcome::Done));
    }

    const ui::RequestBarsItem *bars = chart->bars();
    const ui::BatchItemModel::Row &failed = m_page->model()->row(3);
    QCOMPARE(failed.uid, QStringLiteral("t-4"));
    const QLocale locale;
    const QString tip = bars->toolTipFor(3);
    QVERIFY2(
        tip.contains(QLatin1String("t-4")) && tip.contains(QLatin1String("failed")) &&
            tip.contains(
                QStringLiteral("start %1 ms").arg(locale.toString(double(failed.startNs) / 1e6, 'f', 1))) &&
            tip.contains(
                QStringLiteral("end %1 ms").arg(locale.toString(double(failed.endNs) / 1e6, 'f', 1))) &&
            tip.contains(QStringLiteral("latency %1 ms").arg(locale.toString(failed.latencyMs(), 'f', 1))),
        qPrintable(tip));
    // Hovering a bar shows its tooltip.
    auto *view = chart->findChild<QChartView *>(QStringLiteral("timelineView"));
    const QRectF bar = bars->barRect(1);
    QCOMPARE(bars->barAt(bar.center()), 1);
    const QPoint at = view->mapFromScene(chart->timeline()->mapToScene(bar.center()));
    for (const QPoint &point : {at - QPoint(0, 1), at}) { // enter, then move over the bar
        QMouseEvent move(QEvent::MouseMove, point, view->viewport()->mapToGlobal(point), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
    }
    QTRY_COMPARE(bars->toolTip(), bars->toolTipFor(1));
    QVERIFY(bars->toolTip().startsWith(QLatin1String("t-2 (done)")));
}

void TestSignBatchPage::largeBatchDrawsOneRowPerLane()
{
    // 400 requests, 8 at a time: one row each would be under a pixel; the
    // timeline packs them into lanes, about one per request in flight.
    makeKeys(QStringLiteral("lane"), 8);
    m_server->setFaults(uitest::latency(5));
    setForm(QStringLiteral("lane"), 50, 8);
    QVERIFY(runToEnd(60000));
    ui::LatencyChart *chart = m_page->chart();
    QCOMPARE(chart->barCount(), 400);
    QVERIFY2(chart->rowCount() >= 1 && chart->rowCount() <= 16,
             qPrintable(QString::number(chart->rowCount())));
    const QRectF plot = chart->timeline()->plotArea();
    for (int i = 0; i < 400; ++i) {
        const QRectF bar = chart->bars()->barRect(i);
        QVERIFY(plot.adjusted(-1, -1, 1, 1).contains(bar));
        QVERIFY(bar.height() >= plot.height() / chart->rowCount() * 0.5); // a lane's height, not a pixel
    }
    auto *rows = qobject_cast<QValueAxis *>(chart->timeline()->axes(Qt::Vertical).value(0));
    QVERIFY(rows->titleText().startsWith(QLatin1String("lane")));
    // The # column fits the largest index, "400", without eliding it.
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("signTable"));
    QVERIFY(table);
    QVERIFY(table->columnWidth(ui::BatchItemModel::IndexColumn) >=
            table->fontMetrics().horizontalAdvance(QStringLiteral("400")) + 4);
}

void TestSignBatchPage::fullyFailedBatchSaysWhatFailedAndWhy()
{
    // Every key of the batch is gone from the server: no "0 signatures in
    // 0 ms (0.0× faster)" and no full bar, but what failed and why.
    makeKeys(QStringLiteral("blob-worker"), 8);
    QStringList names;
    for (int i = 1; i <= 8; ++i)
        names << QStringLiteral("blob-worker-%1").arg(i);
    QVERIFY(deleteBehindTheAppsBack(m_server, names));
    setForm(QStringLiteral("blob-worker"), 1);
    QVERIFY(runToEnd());
    QCOMPARE(m_page->model()->counts().failed, 8);
    const QString summary = m_page->findChild<QLabel *>(QStringLiteral("signSummary"))->text();
    QVERIFY2(summary.startsWith(QLatin1String("8 of 8 failed: ")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("not found")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("(blob-worker-1, blob-worker-2, blob-worker-3, and 5 more)")),
             qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1String("faster")) && !summary.contains(QLatin1String("sequential")) &&
                 !summary.contains(QLatin1String("0 signatures")),
             qPrintable(summary));
    auto *progress = m_page->findChild<QProgressBar *>(QStringLiteral("signProgress"));
    QCOMPARE(progress->value(), 0);
    QCOMPARE(progress->text(), QStringLiteral("0 of 8 signed"));
    // The chart: eight failed bars, no speed comparison.
    ui::LatencyChart *chart = m_page->chart();
    QCOMPARE(chart->barCount(), 8);
    QVERIFY(!chart->comparison()->isVisible());
    const auto legend = legendKeys(chart->timeline());
    QCOMPARE(legend.size(), 1);
    QCOMPARE(legend.at(0)->name(), QStringLiteral("failed (8)"));
}

QTEST_MAIN(TestSignBatchPage)
#include "TestSignBatchPage.moc"
