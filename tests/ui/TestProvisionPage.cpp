// The provisioning tab of the real main window against the embedded signer
// in-process: 8 keys end as 8 done rows with the addresses the keyring
// stored; collisions are refused before anything is created; Cancel and
// "Retry failed"; a failing server shows its error.
#include "UiTestSupport.h"
#include "ui/batch/BatchItemModel.h"
#include "ui/batch/ProvisionPage.h"
#include "ui/connection/ConnectionMonitor.h"
#include "ui/keys/KeyFilterProxy.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/keys/KeysPage.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>

using namespace baokeys;
using keyring::BatchItemState;

class TestProvisionPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void provisionsEightKeys();
    void refusesLocalCollisionBeforeStart();
    void refusesServerCollisionBeforeAnyCreate();
    void cancelStopsTheBatch();
    void retryFailedCompletesTheBatch();
    void cancelUnderLatencyKeepsWhatTheServerHas();
    void failingServerShowsItsError();
    void ctrlCCopiesTheProvisioningSelection();
    void wordingSaysThingsOnce();
    void tableSortsNamesNaturally();
    void restartedSignerResyncsAndFreesItsNames();
    void parallelWorkerPresetNamesTheKeys();

private:
    void setForm(const QString &prefix, int count, int parallelism = 0, int firstIndex = 1);
    bool runToEnd(int timeoutMs = 20000);
    int keysOnServer() const;

    std::shared_ptr<signer::SignerServer> m_server;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::ProvisionPage *m_page = nullptr;
};

void TestProvisionPage::initTestCase()
{
    uitest::isolateSettings();
}

void TestProvisionPage::init()
{
    m_server = uitest::startSigner(uitest::latency(20));
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setSession(uitest::sessionOver(m_server));
    m_window->show();
    m_window->tabs()->setCurrentWidget(m_window->provisionPage());
    m_page = m_window->provisionPage();
}

void TestProvisionPage::cleanup()
{
    uitest::closeErrorBoxes(m_window.get());
    m_window.reset();
    m_server.reset();
}

void TestProvisionPage::setForm(const QString &prefix, int count, int parallelism, int firstIndex)
{
    m_page->findChild<QLineEdit *>(QStringLiteral("provisionPrefix"))->setText(prefix);
    m_page->findChild<QSpinBox *>(QStringLiteral("provisionCount"))->setValue(count);
    m_page->findChild<QSpinBox *>(QStringLiteral("provisionParallelism"))->setValue(parallelism);
    m_page->findChild<QSpinBox *>(QStringLiteral("provisionFirstIndex"))->setValue(firstIndex);
}

bool TestProvisionPage::runToEnd(int timeoutMs)
{
    QSignalSpy finished(m_page, &ui::ProvisionPage::batchFinished);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("provisionStart")), Qt::LeftButton);
    return finished.wait(timeoutMs);
}

void TestProvisionPage::provisionsEightKeys()
{
    setForm(QStringLiteral("blob-worker"), 8);
    const QString preview = m_page->findChild<QLabel *>(QStringLiteral("provisionPreview"))->text();
    QVERIFY2(preview.contains(QLatin1String("blob-worker-1")) &&
                 preview.contains(QLatin1String("blob-worker-8")),
             qPrintable(preview));

    QVERIFY(runToEnd());
    const ui::BatchItemModel *model = m_page->model();
    QCOMPARE(model->rowCount(), 8);
    auto &keyring = m_window->session()->keyring();
    for (int row = 0; row < 8; ++row) {
        const QString uid = QStringLiteral("blob-worker-%1").arg(row + 1);
        QCOMPARE(model->index(row, ui::BatchItemModel::NameColumn).data().toString(), uid);
        QCOMPARE(model->index(row, ui::BatchItemModel::StateColumn).data().toString(),
                 QStringLiteral("done"));
        QVERIFY(model->row(row).hasLatency());
        QVERIFY(model->row(row).latencyMs() >= 15.0); // the injected 20 ms is in it
        const auto stored = keyring.key(uid);
        QVERIFY(stored);
        QCOMPARE(model->index(row, ui::BatchItemModel::ResultColumn).data().toString(),
                 stored->bech32(QStringLiteral("celestia")));
        QCOMPARE(model->row(row).extra, stored->publicKeyHex());
    }
    QVERIFY(m_page->summaryText().startsWith(QLatin1String("8 of 8 keys created")));
    QVERIFY(uitest::errorBoxes(m_window.get()).isEmpty());

    // The key table picked them up (keysChanged → reload).
    QTRY_COMPARE(m_window->keysPage()->model()->rowCount(), 8);

    // Export what an operator needs to fund them.
    QTemporaryDir dir;
    QVERIFY(m_page->exportTo(dir.filePath(QStringLiteral("w.csv")), false));
    QVERIFY(m_page->exportTo(dir.filePath(QStringLiteral("w.json")), true));
    QFile csv(dir.filePath(QStringLiteral("w.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 9);
    QCOMPARE(lines.at(0), QByteArray("name,address,public_key"));
    const auto first = keyring.key(QStringLiteral("blob-worker-1"));
    QCOMPARE(lines.at(1), (QStringLiteral("blob-worker-1,%1,%2")
                               .arg(first->bech32(QStringLiteral("celestia")), first->publicKeyHex()))
                              .toUtf8());
    QFile json(dir.filePath(QStringLiteral("w.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const auto keys =
        QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 8);
    QCOMPARE(keys.at(7).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("blob-worker-8"));
}

void TestProvisionPage::refusesLocalCollisionBeforeStart()
{
    setForm(QStringLiteral("dup"), 3);
    QVERIFY(runToEnd());
    const quint64 requests = m_server->engineRequestCount();
    setForm(QStringLiteral("dup"), 5); // dup-1..3 already exist
    auto *start = m_page->findChild<QPushButton *>(QStringLiteral("provisionStart"));
    QVERIFY(!start->isEnabled());
    const QString preview = m_page->findChild<QLabel *>(QStringLiteral("provisionPreview"))->text();
    QVERIFY2(preview.contains(QLatin1String("dup-1")), qPrintable(preview));
    m_page->start(); // a shortcut or a stale button: refused with a message
    QTRY_COMPARE(uitest::errorBoxes(m_window.get()).size(), 1);
    QVERIFY(!m_page->isRunning());
    QCOMPARE(m_server->engineRequestCount(), requests);
}

void TestProvisionPage::refusesServerCollisionBeforeAnyCreate()
{
    // A key the local list does not know, made on the server by someone else.
    keyring::BaoKeyring other(m_window->session()->keyring().settings(), QString());
    QVERIFY(other.newAccount(QStringLiteral("srv-3")));
    QSignalSpy finished(m_page, &ui::ProvisionPage::batchFinished);
    setForm(QStringLiteral("srv"), 5);
    QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("provisionStart"))->isEnabled());
    QVERIFY(runToEnd());
    const auto counts = m_page->model()->counts();
    QCOMPARE(counts.succeeded, 0);
    QCOMPARE(counts.failed, 5);
    QCOMPARE(m_window->session()->keyring().list().size(), 0);
    const auto boxes = uitest::errorBoxes(m_window.get());
    QCOMPARE(boxes.size(), 1);
    QVERIFY2(boxes.first()->informativeText().contains(QLatin1String("srv-3")),
             qPrintable(boxes.first()->informativeText()));
    QVERIFY(boxes.first()->detailedText().contains(QLatin1String("already_exists")));
}

void TestProvisionPage::cancelStopsTheBatch()
{
    m_server->setFaults(uitest::latency(150));
    setForm(QStringLiteral("slow"), 40, 2);
    QSignalSpy finished(m_page, &ui::ProvisionPage::batchFinished);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("provisionStart")), Qt::LeftButton);
    QVERIFY(m_page->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->counts().succeeded >= 2, 10000);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("provisionCancel")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const auto counts = m_page->model()->counts();
    QCOMPARE(counts.done(), 40);
    QVERIFY2(counts.cancelled >= 30, qPrintable(QString::number(counts.cancelled)));
    QCOMPARE(counts.failed, 0);
    QCOMPARE(m_page->model()->index(39, ui::BatchItemModel::StateColumn).data().toString(),
             QStringLiteral("cancelled"));
    // What succeeded is stored; what was cancelled is not.
    QCOMPARE(m_window->session()->keyring().list().size(), qsizetype(counts.succeeded));
    QVERIFY(uitest::errorBoxes(m_window.get()).isEmpty()); // a cancel is not an error
    QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("provisionRetry"))->isEnabled());
}

void TestProvisionPage::retryFailedCompletesTheBatch()
{
    // Half of the engine's requests fail; retrying the failed rows finishes the set.
    signer::FaultSettings faults;
    faults.failRate = 0.5;
    m_server->setFaults(faults);
    setForm(QStringLiteral("flaky"), 12, 4);
    QVERIFY(runToEnd());
    uitest::closeErrorBoxes(m_window.get());
    m_server->setFaults({});
    for (int attempt = 0; attempt < 10 && m_page->model()->counts().succeeded < 12; ++attempt) {
        if (m_page->model()->counts().failed + m_page->model()->counts().cancelled == 0)
            break;
        QSignalSpy finished(m_page, &ui::ProvisionPage::batchFinished);
        QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("provisionRetry")), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        uitest::closeErrorBoxes(m_window.get());
    }
    QCOMPARE(m_page->model()->counts().succeeded, 12);
    auto &keyring = m_window->session()->keyring();
    for (int row = 0; row < 12; ++row) {
        const auto stored = keyring.key(QStringLiteral("flaky-%1").arg(row + 1));
        QVERIFY(stored);
        QCOMPARE(m_page->model()->row(row).result, stored->bech32(QStringLiteral("celestia")));
    }
}

int TestProvisionPage::keysOnServer() const
{
    keyring::BaoKeyring other(m_window->session()->keyring().settings(), QString());
    const auto synced = other.sync();
    return synced ? int(other.list().size()) : -1;
}

void TestProvisionPage::cancelUnderLatencyKeepsWhatTheServerHas()
{
    // #14 item 3: signer at 150 ms, 40 keys 4 at a time, Esc after about 1 s.
    m_server->setFaults(uitest::latency(150));
    setForm(QStringLiteral("lat"), 40, 4);
    QSignalSpy finished(m_page, &ui::ProvisionPage::batchFinished);
    auto *start = m_page->findChild<QPushButton *>(QStringLiteral("provisionStart"));
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->counts().succeeded >= 8, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->counts().running > 0, 5000);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("provisionCancel")), Qt::LeftButton);

    // Requests in flight are shown as such until their answer.
    const ui::BatchItemModel *model = m_page->model();
    const QList<int> inFlight = model->rowsInState(BatchItemState::Started);
    QVERIFY(!inFlight.isEmpty());
    for (int row : inFlight)
        QCOMPARE(model->index(row, ui::BatchItemModel::StateColumn).data().toString(),
                 QStringLiteral("cancelling…"));
    QVERIFY(finished.wait(10000));

    // Counts and the bar match what the server has.
    const auto counts = model->counts();
    QCOMPARE(counts.running + counts.queued, 0);
    QVERIFY2(counts.cancelled > 0 && counts.succeeded < 40, qPrintable(m_page->summaryText()));
    QCOMPARE(counts.failed, 0);
    QCOMPARE(keysOnServer(), counts.succeeded);
    QCOMPARE(int(m_window->session()->keyring().list().size()), counts.succeeded);
    auto *bar = m_page->findChild<QProgressBar *>(QStringLiteral("provisionProgress"));
    QCOMPARE(bar->value(), counts.succeeded);
    QCOMPARE(bar->maximum(), 40);
    QVERIFY2(m_page->summaryText().startsWith(QStringLiteral("%1 of 40 keys created").arg(counts.succeeded)),
             qPrintable(m_page->summaryText()));
    QVERIFY(uitest::errorBoxes(m_window.get()).isEmpty());

    // One of the cancelled names is created elsewhere and adopted (F5):
    // Retry skips it and creates only the rest, never refusing the batch.
    const QList<int> cancelled = model->rowsInState(BatchItemState::Cancelled);
    const QString adopted = model->row(cancelled.first()).uid;
    QVERIFY(uitest::createBehindTheAppsBack(m_server, adopted));
    QVERIFY(m_window->session()->keyring().sync());
    m_server->setFaults(uitest::latency(5));
    auto *retry = m_page->findChild<QPushButton *>(QStringLiteral("provisionRetry"));
    QVERIFY(retry->isEnabled());
    const quint64 before = m_server->engineRequestCount();
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY2(uitest::errorBoxes(m_window.get()).isEmpty(),
             qPrintable(uitest::errorBoxes(m_window.get()).value(0)
                            ? uitest::errorBoxes(m_window.get()).first()->informativeText()
                            : QString()));
    QCOMPARE(model->counts().succeeded, 40);
    QCOMPARE(keysOnServer(), 40);
    QCOMPARE(bar->value(), 40);
    // Only the missing names were asked for (a create each, the adopted one not).
    QVERIFY(m_server->engineRequestCount() - before <= quint64(cancelled.size() - 1) + 2);
    const auto stored = m_window->session()->keyring().key(adopted);
    QVERIFY(stored);
    QCOMPARE(model->row(cancelled.first()).result, stored->bech32(QStringLiteral("celestia")));
    QVERIFY(!retry->isEnabled());
}

void TestProvisionPage::failingServerShowsItsError()
{
    signer::FaultSettings faults;
    faults.failRate = 1.0;
    m_server->setFaults(faults);
    setForm(QStringLiteral("doomed"), 4);
    QVERIFY(runToEnd());
    const auto counts = m_page->model()->counts();
    QCOMPARE(counts.failed, 4);
    QCOMPARE(m_page->model()->index(0, ui::BatchItemModel::StateColumn).data().toString(),
             QStringLiteral("failed"));
    QVERIFY(!m_page->model()->row(0).error.isEmpty());
    const auto boxes = uitest::errorBoxes(m_window.get());
    QCOMPARE(boxes.size(), 1);
    QVERIFY2(!boxes.first()->text().isEmpty(), "a failure is never a blank message");
    QVERIFY2(boxes.first()->detailedText().contains(QLatin1String("HTTP status")),
             qPrintable(boxes.first()->detailedText()));
}

void TestProvisionPage::ctrlCCopiesTheProvisioningSelection()
{
    // Select validator-1 in Keys, Ctrl+2, click the blob-worker-3 row,
    // Ctrl+C: the clipboard must get blob-worker-3's address - the one the
    // operator is looking at and will fund - not validator-1's.
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto &keyring = m_window->session()->keyring();
    QVERIFY(keyring.newAccount(QStringLiteral("validator-1")));
    setForm(QStringLiteral("blob-worker"), 3);
    QVERIFY(runToEnd());
    const QString validator = keyring.key(QStringLiteral("validator-1"))->bech32(QStringLiteral("celestia"));
    const QString worker3 = keyring.key(QStringLiteral("blob-worker-3"))->bech32(QStringLiteral("celestia"));

    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    ui::KeysPage *keys = m_window->keysPage();
    QCOMPARE(m_window->tabs()->currentWidget(), keys);
    QTRY_COMPARE(keys->model()->rowCount(), 4);
    const QModelIndex validatorRow = keys->proxy()->mapFromSource(
        keys->model()->index(keys->model()->rowOf(QStringLiteral("validator-1")), 0));
    QTest::mouseClick(keys->view()->viewport(), Qt::LeftButton, {},
                      keys->view()->visualRect(validatorRow).center());
    QCOMPARE(keys->selectedUids(), QStringList{QStringLiteral("validator-1")});

    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentWidget(), m_page);
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("provisionTable"));
    const QModelIndex row3 = table->model()->index(2, ui::BatchItemModel::NameColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(row3).center());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), worker3);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Copied 1 address"));

    // Two rows: both addresses, in the table's order.
    const QModelIndex row1 = table->model()->index(0, ui::BatchItemModel::StateColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      table->visualRect(row1).center());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::ControlModifier);
    const QString worker1 = keyring.key(QStringLiteral("blob-worker-1"))->bech32(QStringLiteral("celestia"));
    QCOMPARE(QGuiApplication::clipboard()->text(), worker1 + QLatin1Char('\n') + worker3);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Copied 2 addresses"));

    // Back on Keys, Ctrl+C copies the key selected there.
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    keys->view()->setFocus();
    QTest::keyClick(keys->view(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), validator);
}

void TestProvisionPage::wordingSaysThingsOnce()
{
    // #14 item 12.
    auto *preview = m_page->findChild<QLabel *>(QStringLiteral("provisionPreview"));
    auto *start = m_page->findChild<QPushButton *>(QStringLiteral("provisionStart"));
    // An empty prefix asks for one, rather than "Cannot start: '-1': …".
    setForm(QString(), 4);
    QCOMPARE(preview->text(), QStringLiteral("Enter a name prefix."));
    QVERIFY(!start->isEnabled());

    // Right after a successful run the same range is done, not an error.
    setForm(QStringLiteral("ok"), 16);
    QVERIFY(runToEnd());
    QCOMPARE(m_page->model()->counts().succeeded, 16);
    QVERIFY(!start->isEnabled());
    QVERIFY2(!preview->text().contains(QLatin1String("Cannot start")), qPrintable(preview->text()));
    QVERIFY2(!preview->text().contains(QLatin1String("(s)")), qPrintable(preview->text()));
    QVERIFY2(preview->text().startsWith(QLatin1String("These 16 keys were created")),
             qPrintable(preview->text()));
    // Another range that overlaps names stored earlier says which.
    setForm(QStringLiteral("ok"), 4, 0, 15);
    QVERIFY2(
        preview->text().startsWith(QLatin1String("2 of these names are already in the store: ok-15, ok-16")),
        qPrintable(preview->text()));

    // An error is said once: no "The key was not found on the server. key not found".
    const QString notFound = ui::BatchItemModel::errorText(
        bao::BaoError{bao::BaoErrorKind::NotFound, QStringLiteral("key not found"), 404, {}});
    QCOMPARE(notFound, QStringLiteral("The key was not found on the server."));
    const QString cancelled = ui::BatchItemModel::errorText(
        bao::BaoError{bao::BaoErrorKind::Cancelled, QStringLiteral("cancelled before it started"), 0, {}});
    QCOMPARE(cancelled, QStringLiteral("The operation was cancelled."));
    // A generic explanation keeps the server's reason.
    QCOMPARE(ui::BatchItemModel::errorText(
                 bao::BaoError{bao::BaoErrorKind::BadRequest, QStringLiteral("invalid key type"), 400, {}}),
             QStringLiteral("The server refused the request. (invalid key type)"));
    // And in the table, a cancelled row reads it once.
    m_server->setFaults(uitest::latency(100));
    setForm(QStringLiteral("cx"), 20, 2);
    QSignalSpy finished(m_page, &ui::ProvisionPage::batchFinished);
    QTest::mouseClick(start, Qt::LeftButton);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("provisionCancel")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_page->model()->index(19, ui::BatchItemModel::ErrorColumn).data().toString(),
             QStringLiteral("The operation was cancelled."));
}

void TestProvisionPage::tableSortsNamesNaturally()
{
    // #14 item 11: the batch table sorted 1, 10, 11.
    setForm(QStringLiteral("nat"), 12);
    QVERIFY(runToEnd());
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("provisionTable"));
    const auto names = [table] {
        QStringList list;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            list << table->model()->index(row, ui::BatchItemModel::NameColumn).data().toString();
        return list;
    };
    QTest::mouseClick(
        table->horizontalHeader()->viewport(), Qt::LeftButton, {},
        QPoint(table->horizontalHeader()->sectionViewportPosition(ui::BatchItemModel::NameColumn) + 20,
               table->horizontalHeader()->height() / 2));
    table->sortByColumn(ui::BatchItemModel::NameColumn, Qt::DescendingOrder);
    QStringList expected;
    for (int i = 12; i >= 1; --i)
        expected << QStringLiteral("nat-%1").arg(i);
    QCOMPARE(names(), expected);
    table->sortByColumn(ui::BatchItemModel::NameColumn, Qt::AscendingOrder);
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(names(), expected);
    // Ctrl+C on a sorted row copies that row's address (nat-12, shown last).
    table->selectRow(11);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(
        QGuiApplication::clipboard()->text(),
        m_window->session()->keyring().key(QStringLiteral("nat-12"))->bech32(QStringLiteral("celestia")));
}

void TestProvisionPage::restartedSignerResyncsAndFreesItsNames()
{
    // #14 item 7: a signer that restarts empty on the same address left the
    // key list stale until F5, and provisioning the same names again was
    // refused as "already in the store".
    signer::SignerOptions options;
    auto first = std::make_unique<signer::SignerServer>(options);
    QVERIFY(first->start());
    options.port = first->port();
    options.rootToken = first->rootToken();
    ui::Profile profile = ui::Profile::embeddedDev(); // an in-memory key list
    profile.address = first->address();
    profile.hrp = QStringLiteral("celestia");
    m_window->setSession(std::make_unique<ui::Session>(profile, options.rootToken));
    ui::ConnectionMonitor *monitor = m_window->monitor();
    monitor->setKeyring(&m_window->session()->keyring(), 100);
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(), ui::ConnectionState::Active, 10000);

    setForm(QStringLiteral("restarted"), 3);
    QVERIFY(runToEnd());
    ui::KeyTableModel *keys = m_window->keysPage()->model();
    QTRY_COMPARE_WITH_TIMEOUT(keys->rowCount(), 3, 5000);
    auto *start = m_page->findChild<QPushButton *>(QStringLiteral("provisionStart"));
    QVERIFY(!start->isEnabled()); // the names are taken

    first.reset(); // stops it, with its keys
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(), ui::ConnectionState::Unreachable, 15000);
    auto second = std::make_unique<signer::SignerServer>(options); // same port and token, empty
    QVERIFY(QTest::qWaitFor([&] { return second->start().hasValue(); }, 10000));
    QCOMPARE(second->address(), profile.address);

    // No F5: the list re-syncs once the server answers again, and flags the
    // keys the server no longer has.
    const auto allFlagged = [&] {
        for (int row = 0; row < keys->rowCount(); ++row) {
            if (!keys->record(row).missingOnServer)
                return false;
        }
        return keys->rowCount() == 3;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allFlagged(), 15000);
    QVERIFY(keys->index(0, ui::KeyTableModel::NameColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("no longer on the server")));

    // The same names provision again, into the new server.
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 5000);
    QVERIFY(runToEnd());
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(m_page->model()->index(row, ui::BatchItemModel::StateColumn).data().toString(),
                 QStringLiteral("done"));
    }
    QCOMPARE(keysOnServer(), 3);
    for (int i = 1; i <= 3; ++i) {
        const auto record = m_window->session()->keyring().key(QStringLiteral("restarted-%1").arg(i));
        QVERIFY(record && !record->missingOnServer);
    }
    m_window->closeSession(); // before its server goes
}

void TestProvisionPage::parallelWorkerPresetNamesTheKeys()
{
    // celestia-node's TxWorkerAccounts looks for parallel-worker-N.
    auto *preset = m_page->findChild<QComboBox *>(QStringLiteral("provisionPreset"));
    QVERIFY(preset);
    const int index = preset->findData(QStringLiteral("parallel-worker"));
    QVERIFY(index >= 0);
    preset->setCurrentIndex(index);
    emit preset->activated(index);
    QCOMPARE(m_page->findChild<QLineEdit *>(QStringLiteral("provisionPrefix"))->text(),
             QStringLiteral("parallel-worker"));
    m_page->findChild<QSpinBox *>(QStringLiteral("provisionCount"))->setValue(2);
    QVERIFY(runToEnd());
    QVERIFY(m_window->session()->keyring().key(QStringLiteral("parallel-worker-1")));
    QVERIFY(m_window->session()->keyring().key(QStringLiteral("parallel-worker-2")));
}

QTEST_MAIN(TestProvisionPage)
#include "TestProvisionPage.moc"
