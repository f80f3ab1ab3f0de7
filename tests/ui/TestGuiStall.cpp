// The GUI thread never stalls: while a 1000-signature batch runs against the
// in-process signer (and its rows, progress and chart update), a 5 ms timer
// on the GUI thread records the longest gap between its ticks.
//
// What it bounds is the GUI thread's own stall, the run-queue wait of a
// shared machine subtracted (GuiStallProbe); it prints both figures. The
// 10,000-signature case is a benchmark (bench/gui), not a test.
#include "GuiStallProbe.h"
#include "UiTestSupport.h"
#include "ui/batch/BatchItemModel.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/keys/KeysPage.h"
#include "ui/signing/LatencyChart.h"
#include "ui/signing/SignBatchPage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimer>

using namespace baokeys;

namespace {

// The 50 ms promise is about the product as shipped. An ASan build runs every
// instruction several times slower, so there the bound only guards against a
// GUI thread that waits for the batch (1000 signatures take seconds there).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr qint64 StallBoundMs = 500;
#else
constexpr qint64 StallBoundMs = 50;
#endif
} // namespace

class TestGuiStall : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { uitest::isolateSettings(); }
    void thousandSignaturesKeepTheGuiResponsive();
};

void TestGuiStall::thousandSignaturesKeepTheGuiResponsive()
{
    auto server = uitest::startSigner();
    ui::MainWindow window;
    window.setSession(uitest::sessionOver(server));
    window.show();
    window.tabs()->setCurrentWidget(window.signPage());
    {
        keyring::CreateBatchRequest request;
        request.prefix = QStringLiteral("blob-worker");
        request.count = 10;
        auto job = window.session()->keyring().createBatch(request);
        QVERIFY(job);
        job->future.waitForFinished();
    }
    QTRY_COMPARE(window.keysPage()->model()->rowCount(), 10);
    server->setFaults(uitest::latency(5, 5)); // a little network-like latency

    ui::SignBatchPage *page = window.signPage();
    page->findChild<QRadioButton *>(QStringLiteral("signUsePrefix"))->setChecked(true);
    page->findChild<QLineEdit *>(QStringLiteral("signPrefix"))->setText(QStringLiteral("blob-worker"));
    page->findChild<QSpinBox *>(QStringLiteral("signRepeat"))->setValue(100);
    page->findChild<QSpinBox *>(QStringLiteral("signParallelism"))->setValue(32);

    QElapsedTimer wall;
    testsupport::GuiStallProbe probe;
    QSignalSpy finished(page, &ui::SignBatchPage::batchFinished);

    wall.start();
    probe.start();
    // Click through the real button: building the 1000 requests is part of it.
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("signRun")), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    // Let the window paint the finished table and chart while still probing.
    QTest::qWait(100);
    probe.stop();

    QCOMPARE(page->model()->rowCount(), 1000);
    QCOMPARE(page->model()->counts().succeeded, 1000);
    QCOMPARE(page->chart()->barCount(), 1000);
    qInfo("1000 signatures in %lld ms; GUI timer ticks: %d; longest gap between ticks: %lld ms; "
          "longest stall of the GUI thread's own (gap minus run-queue wait): %lld ms%s",
          wall.elapsed(), probe.ticks(), probe.maxGapMs(), probe.ownStallMs(),
          probe.subtractsRunQueueWait() ? "" : " (no schedstat: raw gap)");
    QVERIFY2(probe.ownStallMs() < StallBoundMs,
             qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(probe.ownStallMs())));
    QVERIFY(probe.ticks() > 20); // the probe really ran throughout
}

QTEST_MAIN(TestGuiStall)
#include "TestGuiStall.moc"
