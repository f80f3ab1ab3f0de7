// The batch-signing tab of the real main window against the embedded
// signer: rows update to done with verified signatures, the chart draws one
// bar per request with the wall-time and sequential markers, the summary
// shows the speed-up; Cancel; a failing or sealed server shows its error.
#include "UiTestSupport.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"
#include "ui/batch/BatchItemModel.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/keys/KeysPage.h"
#include "ui/signing/LatencyChart.h"
#include "ui/signing/RequestBarsItem.h"
#include "ui/signing/SignBatchPage.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
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
    void cancelStopsSigning();
    void failingServerShowsItsError();
    void sealedServerShowsItsError();

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
    QList<QLineSeries *> markers;
    for (QAbstractSeries *series : chart->timeline()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series))
            markers << line;
    }
    QCOMPARE(markers.size(), 2);
    QCOMPARE(markers.at(0)->at(0).x(), stats.wallMs);
    QCOMPARE(markers.at(1)->at(0).x(), stats.sequentialMs);
    // Each bar spans its request's start to end on the chart's time axis.
    const ui::RequestBarsItem *bars = chart->bars();
    const QRectF plot = chart->timeline()->plotArea();
    QVERIFY(plot.width() > 100);
    // The time axis runs from 0 past both markers, to a round number.
    auto *time = qobject_cast<QValueAxis *>(chart->timeline()->axes(Qt::Horizontal).value(0));
    QVERIFY(time);
    QCOMPARE(time->min(), 0.0);
    QVERIFY(time->max() >= std::max(stats.sequentialMs, stats.wallMs));
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

void TestSignBatchPage::signsTheSelectedKeysWithHexMessage()
{
    makeKeys(QStringLiteral("sel"), 5);
    // Select two rows in the key table: the page signs with those.
    QTableView *table = m_window->keysPage()->view();
    table->selectionModel()->select(table->model()->index(1, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(table->model()->index(3, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
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
    QCOMPARE(m_page->chart()->barCount(), counts.succeeded); // only finished requests are drawn
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

QTEST_MAIN(TestSignBatchPage)
#include "TestSignBatchPage.moc"
