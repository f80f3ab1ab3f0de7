// The GUI thread never stalls: while a 1000-signature batch runs against the
// in-process signer (and its rows, progress and chart update), a 5 ms timer
// on the GUI thread records the longest gap between its ticks.
#include "UiTestSupport.h"

#include "batch/BatchItemModel.h"
#include "keys/KeyTableModel.h"
#include "keys/KeysPage.h"
#include "signing/LatencyChart.h"
#include "signing/SignBatchPage.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimer>

using namespace baokeys;

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

    qint64 maxGapMs = 0;
    int ticks = 0;
    QElapsedTimer sinceLast;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    connect(&probe, &QTimer::timeout, this, [&] {
        maxGapMs = qMax(maxGapMs, sinceLast.restart());
        ++ticks;
    });

    QSignalSpy finished(page, &ui::SignBatchPage::batchFinished);
    QElapsedTimer wall;
    wall.start();
    sinceLast.start();
    probe.start();
    // Click through the real button: building the 1000 requests is part of it.
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("signRun")), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    // Let the window paint the finished table and chart while still probing.
    QTest::qWait(100);
    probe.stop();
    maxGapMs = qMax(maxGapMs, sinceLast.elapsed());

    QCOMPARE(page->model()->rowCount(), 1000);
    QCOMPARE(page->model()->counts().succeeded, 1000);
    QCOMPARE(page->chart()->barCount(), 1000);
    qInfo("1000 signatures in %lld ms; GUI timer ticks: %d; longest GUI stall: %lld ms", wall.elapsed(), ticks,
          maxGapMs);
    QVERIFY2(maxGapMs < 50, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(maxGapMs)));
}

QTEST_MAIN(TestGuiStall)
#include "TestGuiStall.moc"
