// Connections: the first start opens on the in-memory embedded signer with
// its banner; profiles keep no token in the settings file; "Test
// connection" shows health, version, sealed / standby, policies and TTL;
// the status bar follows the server (active, sealed, unreachable) in the
// background; the key actions' dialogs work against the real signer.
#include "UiTestSupport.h"

#include "ui/connection/ConnectionMonitor.h"
#include "ui/connection/PassphraseDialog.h"
#include "ui/connection/ProfileDialog.h"
#include "ui/connection/ProfileStore.h"
#include "ui/connection/TokenPrompt.h"
#include "ui/connection/TokenVault.h"
#include "ui/keys/DeleteKeyDialog.h"
#include "ui/keys/ImportKeyDialog.h"
#include "ui/keys/KeyDetailsDialog.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/keys/KeysPage.h"
#include <QStatusBar>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>

using namespace baokeys;

class TestConnection : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void firstStartOpensTheEmbeddedSigner();
    void profilesKeepNoToken();
    void testConnectionShowsHealthAndToken();
    void chainNodeIsSavedWithTheProfile();
    void profileFieldsThatWouldRewritePoliciesAreRefused();
    void statusBarFollowsTheServer();
    void statusBarFollowsAFailover();
    void aRemoteRootTokenIsWarnedAbout();
    void importDetailsAndDeleteThroughTheDialogs();
    void remoteProfileAsksForTheTokenAndSaysWhy();
    void tokenPromptTakesNoEmptyToken();
    void encryptedFolderProfileNeedsItsPassphrase();
    void openingAProfileSyncsKeysMadeElsewhere();
    void syncOnOpenRunsInTheBackground();
    void syncFailureOnOpenShowsInTheStatusBar();
    void longStatusTextKeepsDetailsInView();
    void messageStaysClearOfLabelsThatGrowAfterIt();
    void openingANewProfileWithATokenKeepsTheWindow();
    void closingConnectionsBeforeTheKeychainAnswers();
    void connectionsSayWhenNoKeychainKeepsTheToken();
    void aTestedTokenIsNotAskedForAgainOnOpen();
    void tokenPromptFitsItsTitle();
};

namespace {

// QtKeychain runs its jobs one at a time, in order: once a read asked now
// has answered, every job asked before it has answered too.
bool keychainAnswersDelivered()
{
    ui::TokenVault vault;
    bool answered = false;
    vault.read(QStringLiteral("no-such-profile"), &vault,
               [&answered](ui::KeychainAnswer) { answered = true; });
    return QTest::qWaitFor([&answered] { return answered; }, 15000);
}

QPushButton *button(QWidget *root, const char *name)
{
    return root->findChild<QPushButton *>(QLatin1String(name));
}

} // namespace

void TestConnection::initTestCase()
{
    uitest::isolateSettings();
    QSettings().clear();
}

void TestConnection::firstStartOpensTheEmbeddedSigner()
{
    QSettings().clear();
    ui::MainWindow window;
    window.show();
    QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
    window.openInitialProfile();
    QVERIFY(opened.wait(10000));
    QVERIFY(window.session());
    QVERIFY(window.session()->signer());
    QCOMPARE(window.session()->profile().kind, ui::Profile::Kind::EmbeddedMemory);
    QVERIFY(window.devBanner()->isVisible()); // keys vanish on exit: said plainly
    QTRY_VERIFY_WITH_TIMEOUT(window.stateLabel()->text().startsWith(QLatin1String("Active")), 5000);
    // It works at once: a key made through the keyring shows in the table.
    QVERIFY(window.session()->keyring().newAccount(QStringLiteral("first")));
    QTRY_COMPARE(window.keysPage()->model()->rowCount(), 1);
    QCOMPARE(ui::ProfileStore().activeId(), ui::Profile::embeddedDev().id);
}

void TestConnection::profilesKeepNoToken()
{
    QSettings settings;
    ui::ProfileStore store(&settings);
    ui::Profile profile;
    profile.name = QStringLiteral("prod");
    profile.address = QStringLiteral("https://bao.example:8200");
    profile.ns = QStringLiteral("team-a");
    profile.mount = QStringLiteral("secp");
    profile.caFile = QStringLiteral("/etc/ssl/bao-ca.pem");
    profile.hrp = QStringLiteral("cosmos");
    store.save(&profile);
    QVERIFY(!profile.id.isEmpty());
    const auto back = store.find(profile.id);
    QVERIFY(back);
    QCOMPARE(back->ns, QStringLiteral("team-a"));
    QCOMPARE(back->mount, QStringLiteral("secp"));
    QCOMPARE(back->caFile, QStringLiteral("/etc/ssl/bao-ca.pem"));
    QCOMPARE(back->hrp, QStringLiteral("cosmos"));
    const auto effective = back->settings(QStringLiteral("s.secret-token"));
    QCOMPARE(effective.ns, QStringLiteral("team-a"));
    QCOMPARE(effective.token, QStringLiteral("s.secret-token"));
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("bao.example"));
    QVERIFY(!stored.toLower().contains("token"));              // not even a key named so
    QVERIFY(ui::Profile::embeddedDev().storePath().isEmpty()); // in-memory signer: in-memory list
    QVERIFY(back->storePath().endsWith(profile.id + QStringLiteral(".json")));
    store.remove(profile.id);
    QVERIFY(!store.find(profile.id));
}

void TestConnection::testConnectionShowsHealthAndToken()
{
    auto server = uitest::startSigner();
    QSettings settings;
    ui::ProfileStore store(&settings);
    ui::Profile profile;
    profile.name = QStringLiteral("local signer");
    profile.address = server->address();
    store.save(&profile);
    ui::TokenVault vault;
    ui::ProfileDialog dialog(store, vault, nullptr);
    dialog.show();
    auto *list = dialog.findChild<QWidget *>(QStringLiteral("profileList"));
    QVERIFY(list);
    // Select the profile, type its token (never saved here), test.
    for (int i = 0; i < 50 && dialog.selectedId() != profile.id; ++i) {
        QTest::keyClick(list, Qt::Key_Down);
    }
    QCOMPARE(dialog.selectedId(), profile.id);
    auto *token = dialog.findChild<QLineEdit *>(QStringLiteral("profileToken"));
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    token->setText(server->rootToken());
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnection")), Qt::LeftButton);
    auto *result = dialog.findChild<QTextBrowser *>(QStringLiteral("testResult"));
    QTRY_VERIFY_WITH_TIMEOUT(result->toPlainText().contains(QLatin1String("Connection works")), 10000);
    const QString text = result->toPlainText();
    QVERIFY2(text.contains(QLatin1String("Sealed")) && text.contains(QLatin1String("Policies")) &&
                 text.contains(QLatin1String("root")) && text.contains(QLatin1String("Token TTL")) &&
                 text.contains(QLatin1String("Version")),
             qPrintable(text));
    // #16 item 5: a root token is named as the risk it is.
    QVERIFY2(text.contains(QLatin1String("Warning")) &&
                 text.contains(QLatin1String("This is a root token")) &&
                 text.contains(QLatin1String("Access policies")),
             qPrintable(text));

    // A wrong token: the problem in plain words.
    token->setText(QStringLiteral("wrong-token"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnection")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->toPlainText().contains(QLatin1String("Problem")), 10000);
    QVERIFY2(result->toPlainText().contains(QLatin1String("permission denied")),
             qPrintable(result->toPlainText()));
    // Said once: not "permission denied (HTTP 403): permission denied".
    QCOMPARE(result->toPlainText().count(QLatin1String("permission denied"), Qt::CaseInsensitive), 1);
}

void TestConnection::chainNodeIsSavedWithTheProfile()
{
    QSettings settings;
    ui::ProfileStore store(&settings);
    ui::Profile profile;
    profile.name = QStringLiteral("with a node");
    store.save(&profile);
    QVERIFY(store.find(profile.id)->chainNode.isEmpty()); // optional: offline by default
    ui::TokenVault vault;
    {
        ui::ProfileDialog dialog(store, vault, nullptr);
        dialog.show();
        auto *list = dialog.findChild<QWidget *>(QStringLiteral("profileList"));
        for (int i = 0; i < 50 && dialog.selectedId() != profile.id; ++i)
            QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(dialog.selectedId(), profile.id);
        auto *node = dialog.findChild<QLineEdit *>(QStringLiteral("profileChainNode"));
        QVERIFY(node);
        QVERIFY(node->text().isEmpty());
        node->setText(QStringLiteral(" http://127.0.0.1:1317 "));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveProfile")), Qt::LeftButton);
    }
    QCOMPARE(store.find(profile.id)->chainNode, QStringLiteral("http://127.0.0.1:1317"));
    // Read back by a fresh store, as the next start does.
    QCOMPARE(ui::ProfileStore(&settings).find(profile.id)->chainNode,
             QStringLiteral("http://127.0.0.1:1317"));
    store.remove(profile.id);
}

// The mount and the namespace reach the access policies the app shows and
// the command it prints to apply them; the address, the status bar. A quote
// or a line break there, or a password in the address, is refused at Save
// with the reason, and nothing is saved (the CLI refuses the same).
void TestConnection::profileFieldsThatWouldRewritePoliciesAreRefused()
{
    QSettings settings;
    ui::ProfileStore store(&settings);
    ui::Profile profile;
    profile.name = QStringLiteral("checked");
    profile.address = QStringLiteral("http://127.0.0.1:8200");
    store.save(&profile);
    ui::TokenVault vault;
    ui::ProfileDialog dialog(store, vault, nullptr);
    dialog.show();
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("profileList"));
    QVERIFY(list);
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == profile.id)
            list->setCurrentRow(row);
    }
    QCOMPARE(dialog.selectedId(), profile.id);
    auto *address = dialog.findChild<QLineEdit *>(QStringLiteral("profileAddress"));
    auto *ns = dialog.findChild<QLineEdit *>(QStringLiteral("profileNamespace"));
    auto *mount = dialog.findChild<QLineEdit *>(QStringLiteral("profileMount"));
    QVERIFY(address && ns && mount);
    auto *result = dialog.findChild<QTextBrowser *>(QStringLiteral("testResult"));
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveProfile"));
    const struct {
        QLineEdit *field;
        QString text;
    } cases[] = {
        {ns, QStringLiteral("a\" ; rm -rf / #")},
        {mount, QStringLiteral("secp256k1/sign/x\" { capabilities = [\"update\"] }")},
        {address, QStringLiteral("http://user:SECRETPW@127.0.0.1:8200")},
        // A default address typed after instead of over: no usable server.
        {address, QStringLiteral("https://127.0.0.1:8200http://127.0.0.1:18200")},
        {address, QStringLiteral("127.0.0.1:8200")},
        {address, QStringLiteral("http://127.0.0.1:8200, ftp://127.0.0.1:21")},
    };
    for (const auto &bad : cases) {
        const QString before = bad.field->text();
        bad.field->setText(bad.text);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY2(result->toPlainText().startsWith(QLatin1String("Not saved")),
                 qPrintable(result->toPlainText()));
        const ui::Profile kept = *store.find(profile.id);
        QVERIFY2(kept.ns.isEmpty() && kept.mount == QLatin1String("secp256k1") &&
                     kept.address == QLatin1String("http://127.0.0.1:8200"),
                 qPrintable(bad.text));
        bad.field->setText(before);
    }
    ns->setText(QStringLiteral("team-a/ops/"));
    mount->setText(QStringLiteral("signers/secp_1"));
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(store.find(profile.id)->ns, QStringLiteral("team-a/ops/"));
    QCOMPARE(store.find(profile.id)->mount, QStringLiteral("signers/secp_1"));
    store.remove(profile.id);
}

void TestConnection::statusBarFollowsTheServer()
{
    auto server = uitest::startSigner();
    ui::MainWindow window;
    window.setSession(uitest::sessionOver(server));
    window.show();
    ui::ConnectionMonitor *monitor = window.monitor();
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(), ui::ConnectionState::Active, 5000);
    server->seal();
    monitor->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(), ui::ConnectionState::Sealed, 5000);
    QVERIFY(window.stateLabel()->text().startsWith(QLatin1String("Sealed")));
    QVERIFY(server->unseal(server->unsealKey()));
    monitor->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(), ui::ConnectionState::Active, 5000);
    server->stop();
    monitor->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(), ui::ConnectionState::Unreachable, 15000);
    QVERIFY(window.stateLabel()->text().startsWith(QLatin1String("Unreachable")));
    QVERIFY(!window.stateLabel()->toolTip().isEmpty()); // the detail is one hover away
}

// A profile with the two nodes of a cluster: B a standby of A, until A goes
// away and B takes over. The status bar names the node in use and how many
// answer; its tooltip lists every node with its role.
void TestConnection::statusBarFollowsAFailover()
{
    signer::SignerOptions options;
    options.rootToken = QStringLiteral("s.failover-token");
    options.shutdownGrace = std::chrono::milliseconds(0);
    auto a = std::make_shared<signer::SignerServer>(options);
    QVERIFY(a->start().hasValue());
    options.standbyOf = a->address();
    auto b = std::make_shared<signer::SignerServer>(options);
    QVERIFY(b->start().hasValue());
    ui::Profile profile;
    profile.name = QStringLiteral("cluster");
    profile.address = a->address() + QStringLiteral(", ") + b->address();
    ui::MainWindow window;
    window.setSession(std::make_unique<ui::Session>(profile, options.rootToken));
    window.show();
    ui::ConnectionMonitor *monitor = window.monitor();
    QLabel *label = window.stateLabel();
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(), ui::ConnectionState::Active, 5000);
    QVERIFY2(label->text().contains(QStringLiteral("node %1").arg(a->address())), qPrintable(label->text()));
    QVERIFY2(label->text().contains(QLatin1String("2 of 2 reachable")), qPrintable(label->text()));
    QVERIFY2(label->toolTip().contains(b->address() + QStringLiteral(" — standby")),
             qPrintable(label->toolTip()));

    a->stop();
    b->setStandbyOf({});
    monitor->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("node %1").arg(b->address())), 10000);
    QCOMPARE(monitor->state(), ui::ConnectionState::Active);
    QVERIFY2(label->text().contains(QLatin1String("1 of 2 reachable")), qPrintable(label->text()));
    QVERIFY2(label->toolTip().contains(a->address() + QStringLiteral(" — unreachable")),
             qPrintable(label->toolTip()));
    QVERIFY2(label->toolTip().contains(b->address() + QStringLiteral(" — active")),
             qPrintable(label->toolTip()));
}

// #16 item 5: a remote server reached with a root token says so in the
// status bar, with the way out (least-privilege policies) in its tooltip.
// The embedded signer's own root token is not the operator's risk: no warning.
void TestConnection::aRemoteRootTokenIsWarnedAbout()
{
    auto server = uitest::startSigner();
    ui::Profile profile;
    profile.name = QStringLiteral("remote");
    profile.address = server->address();
    ui::MainWindow window;
    window.setSession(std::make_unique<ui::Session>(profile, server->rootToken()));
    window.show();
    QLabel *label = window.stateLabel();
    QTRY_COMPARE_WITH_TIMEOUT(window.monitor()->state(), ui::ConnectionState::Active, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QLatin1String("root token")), 5000);
    QVERIFY2(label->toolTip().contains(QLatin1String("Access policies")), qPrintable(label->toolTip()));

    window.setSession(uitest::sessionOver(server));
    QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QLatin1String("Active")) &&
                                 !label->text().contains(QLatin1String("root token")),
                             5000);
    QVERIFY2(!label->toolTip().contains(QLatin1String("root token")), qPrintable(label->toolTip()));
}

void TestConnection::importDetailsAndDeleteThroughTheDialogs()
{
    auto server = uitest::startSigner();
    ui::MainWindow window;
    window.setSession(uitest::sessionOver(server));
    window.show();
    ui::KeysPage *page = window.keysPage();

    // Import a private key (hex) through the dialog; its field is masked and wiped.
    const QString hex = QStringLiteral("0101010101010101010101010101010101010101010101010101010101010101");
    QPointer<QLineEdit> secretField;
    auto importWatch = uitest::whenDialogShows<ui::ImportKeyDialog>([&](ui::ImportKeyDialog *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("importName"))->setText(QStringLiteral("imported"));
        secretField = dialog->findChild<QLineEdit *>(QStringLiteral("importSecret"));
        QCOMPARE(secretField->echoMode(), QLineEdit::Password);
        secretField->setText(hex);
        dialog->accept();
    });
    page->importKey();
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
    const auto record = window.session()->keyring().key(QStringLiteral("imported"));
    QVERIFY(record);
    QCOMPARE(record->source, keyring::KeySource::Imported);
    // The known public key of private key 0x01…01.
    QCOMPARE(record->publicKeyHex(),
             QStringLiteral("031b84c5567b126440995d3ed5aaba0565d71e1834604819ff9c17f5e9d5dd078f"));

    // Details: a QR code of the address.
    page->view()->selectRow(0);
    page->showDetails();
    auto *details = page->findChild<ui::KeyDetailsDialog *>(QStringLiteral("keyDetails"));
    QVERIFY(details);
    QVERIFY(!details->qrLabel()->pixmap().isNull());
    QCOMPARE(details->qrLabel()->toolTip(), record->bech32(QStringLiteral("celestia")));
    details->close();

    // Delete: the button stays off until the name is typed.
    bool okWasDisabled = false;
    auto deleteWatch = uitest::whenDialogShows<ui::DeleteKeyDialog>([&](ui::DeleteKeyDialog *dialog) {
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("deleteConfirm"));
        confirm->setText(QStringLiteral("importe"));
        okWasDisabled = !ok->isEnabled();
        confirm->setText(QStringLiteral("imported"));
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    page->deleteKey();
    QVERIFY(okWasDisabled);
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 0, 10000);
    QVERIFY(!window.session()->keyring().key(QStringLiteral("imported")));
}

void TestConnection::remoteProfileAsksForTheTokenAndSaysWhy()
{
    // No keychain at all, as on CI (no Secret Service on D-Bus - made
    // certain here by pointing D-Bus nowhere): the app asks for the token in
    // a masked field each time, and says why it asks.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/baokeys-test-bus");
    auto server = uitest::startSigner();
    ui::ProfileStore store;
    const ui::Profile profile = uitest::saveRemoteProfile(QStringLiteral("remote signer"), server->address());
    ui::MainWindow window;
    window.show();
    QString reason;
    auto tokenWatch = uitest::whenDialogShows<ui::TokenPrompt>([&](ui::TokenPrompt *prompt) {
        reason = uitest::promptTexts(prompt);
        QCOMPARE(prompt->findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->echoMode(),
                 QLineEdit::Password);
        uitest::answerTokenPrompt(prompt, server->rootToken(), uitest::RememberToken::Never);
    });
    QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
    window.openProfile(profile);
    QVERIFY(opened.wait(20000));
    QVERIFY2(reason.contains(QLatin1String("No system keychain is available")) &&
                 reason.contains(QLatin1String("asks for it each time")),
             qPrintable(reason));
    QVERIFY(!window.session()->signer()); // remote: over HTTP only
    QTRY_VERIFY_WITH_TIMEOUT(window.stateLabel()->text().startsWith(QLatin1String("Active")), 10000);
    QVERIFY(!window.devBanner()->isVisible());
    store.remove(profile.id);
}

// An empty token cannot be right: the prompt does not take one (OK stays
// off, Enter does nothing), instead of opening the profile only for the
// server to refuse it ("Token refused").
void TestConnection::tokenPromptTakesNoEmptyToken()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/baokeys-test-bus");
    auto server = uitest::startSigner();
    ui::ProfileStore store;
    const ui::Profile profile = uitest::saveRemoteProfile(QStringLiteral("token needed"), server->address());
    ui::MainWindow window;
    window.show();
    QStringList taken; // what the prompt did with each try, in order
    auto tokenWatch = uitest::whenDialogShows<ui::TokenPrompt>([&](ui::TokenPrompt *prompt) {
        auto *field = prompt->findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
        auto *ok = prompt->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        for (const QString &typed : {QString(), QStringLiteral("   ")}) {
            field->setText(typed);
            taken << QStringLiteral("'%1': OK %2")
                         .arg(typed, ok->isEnabled() ? QLatin1String("on") : QLatin1String("off"));
            QTest::keyClick(field, Qt::Key_Return);
            if (prompt->result() == QDialog::Accepted) {
                taken << QStringLiteral("accepted '%1'").arg(typed);
                return;
            }
        }
        field->setText(server->rootToken());
        taken << QStringLiteral("token: OK %1")
                     .arg(ok->isEnabled() ? QLatin1String("on") : QLatin1String("off"));
        for (QCheckBox *box : prompt->findChildren<QCheckBox *>())
            box->setChecked(false);
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
    window.openProfile(profile);
    QVERIFY(opened.wait(20000));
    QCOMPARE(taken, (QStringList{QStringLiteral("'': OK off"), QStringLiteral("'   ': OK off"),
                                 QStringLiteral("token: OK on")}));
    QTRY_VERIFY_WITH_TIMEOUT(window.stateLabel()->text().startsWith(QLatin1String("Active")), 10000);
    QVERIFY(uitest::errorBoxes(&window).isEmpty());
    window.closeSession();
    store.remove(profile.id);
    QFile::remove(profile.storePath());
}

void TestConnection::encryptedFolderProfileNeedsItsPassphrase()
{
    QTemporaryDir folder;
    ui::Profile profile;
    profile.name = QStringLiteral("folder signer");
    profile.kind = ui::Profile::Kind::EmbeddedFolder;
    profile.dataDir = folder.filePath(QStringLiteral("keys"));
    ui::ProfileStore store;
    store.save(&profile);
    auto passphraseIs = [](const QString &text) {
        return uitest::whenDialogShows<ui::PassphraseDialog>([text](ui::PassphraseDialog *dialog) {
            const auto fields = dialog->findChildren<QLineEdit *>();
            for (QLineEdit *field : fields) {
                QCOMPARE(field->echoMode(), QLineEdit::Password);
                field->setText(text);
            }
            dialog->accept();
        });
    };
    {
        ui::MainWindow window;
        window.show();
        QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
        auto passphraseWatch = passphraseIs(QStringLiteral("correct horse"));
        window.openProfile(profile);
        QVERIFY(opened.wait(20000));
        QVERIFY(window.session()->signer());
        QVERIFY(!window.devBanner()->isVisible()); // keys are kept: no dev banner
        QVERIFY(window.session()->keyring().newAccount(QStringLiteral("kept")));
    }
    {
        // The wrong passphrase: a plain error, no session.
        ui::MainWindow window;
        window.show();
        auto passphraseWatch = passphraseIs(QStringLiteral("wrong"));
        window.openProfile(profile);
        QTRY_COMPARE_WITH_TIMEOUT(uitest::errorBoxes(&window).size(), 1, 20000);
        QVERIFY(!window.session());
        QVERIFY(!uitest::errorBoxes(&window).first()->text().isEmpty());
        uitest::closeErrorBoxes(&window);
    }
    {
        // The right one again: the key is still there (the server is the truth; sync adopts it).
        ui::MainWindow window;
        window.show();
        QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
        auto passphraseWatch = passphraseIs(QStringLiteral("correct horse"));
        window.openProfile(profile);
        QVERIFY(opened.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->keyring().key(QStringLiteral("kept")).hasValue(), 10000);
    }
    store.remove(profile.id);
}

void TestConnection::openingAProfileSyncsKeysMadeElsewhere()
{
    // A key created on the server behind the app's back (another machine,
    // the CLI) shows in the table once the profile opens, with no click.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/baokeys-test-bus");
    auto server = uitest::startSigner();
    QVERIFY(uitest::createBehindTheAppsBack(server, QStringLiteral("made-elsewhere")));
    ui::ProfileStore store;
    const ui::Profile profile =
        uitest::saveRemoteProfile(QStringLiteral("remote with a key"), server->address());
    ui::MainWindow window;
    window.show();
    auto tokenWatch = uitest::whenDialogShows<ui::TokenPrompt>([&](ui::TokenPrompt *prompt) {
        uitest::answerTokenPrompt(prompt, server->rootToken(), uitest::RememberToken::Never);
    });
    QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
    window.openProfile(profile);
    QVERIFY(opened.wait(20000));
    ui::KeyTableModel *model = window.keysPage()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(QStringLiteral("made-elsewhere")), 0, 10000);
    const auto record = model->record(0);
    QCOMPARE(record.source, keyring::KeySource::Synced);
    QVERIFY(model->data(model->index(0, ui::KeyTableModel::AddressColumn))
                .toString()
                .startsWith(QLatin1String("celestia1")));
    QTRY_VERIFY_WITH_TIMEOUT(window.syncLabel()->text().contains(QLatin1String("synced")), 5000);
    QVERIFY(uitest::errorBoxes(&window).isEmpty());
    window.closeSession();
    store.remove(profile.id);
    QFile::remove(profile.storePath());
}

void TestConnection::syncOnOpenRunsInTheBackground()
{
    // Every engine request takes 1 s: opening must not wait for the sync (a
    // generous bound, well under one request, that also holds under ASan).
    auto server = uitest::startSigner();
    QVERIFY(uitest::createBehindTheAppsBack(server, QStringLiteral("slow-to-list")));
    server->setFaults(uitest::latency(1000));
    ui::MainWindow window;
    window.show();
    QElapsedTimer clock;
    clock.start();
    window.setSession(uitest::sessionOver(server));
    const qint64 openMs = clock.elapsed();
    QVERIFY2(openMs < 700, qPrintable(QString::number(openMs)));
    QCOMPARE(window.keysPage()->model()->rowCount(), 0); // not there yet: still syncing
    QVERIFY(window.syncLabel()->text().contains(QLatin1String("Syncing")));
    QTRY_COMPARE_WITH_TIMEOUT(window.keysPage()->model()->rowCount(), 1, 15000);
}

void TestConnection::longStatusTextKeepsDetailsInView()
{
    // #14 item 6: at 800 px a long message ran under the right-hand labels
    // and the token-refused "Details…" link was pushed out of the window.
    ui::MainWindow window;
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString longText =
        QStringLiteral("Syncing with the server failed: permission denied: the token was refused by "
                       "https://bao.example.internal:8200 for the mount secp256k1 and the path keys, "
                       "check the policy attached to this token or ask for a new one");
    QMetaObject::invokeMethod(&window, "showSyncStatus", Q_ARG(QString, longText),
                              Q_ARG(QString, QStringLiteral("HTTP status 403")));
    QCoreApplication::processEvents();
    QStatusBar *bar = window.statusBar();
    QLabel *sync = window.syncLabel();
    QTRY_VERIFY(sync->isVisible());
    QVERIFY2(sync->text().contains(QStringLiteral("Details…")), qPrintable(sync->text()));
    const QRect inBar(sync->mapTo(bar, QPoint(0, 0)), sync->size());
    QVERIFY2(
        inBar.left() >= 0 && inBar.right() <= bar->width(),
        qPrintable(QStringLiteral("%1..%2 of %3").arg(inBar.left()).arg(inBar.right()).arg(bar->width())));
    // Not squeezed: the label has the room its text (with the link) needs.
    QVERIFY2(sync->width() >= sync->sizeHint().width(),
             qPrintable(QStringLiteral("%1 < %2").arg(sync->width()).arg(sync->sizeHint().width())));
    const QRect state(window.stateLabel()->mapTo(bar, QPoint(0, 0)), window.stateLabel()->size());
    QVERIFY(state.right() <= bar->width());
    QVERIFY(sync->toolTip().contains(longText));
    // The link still opens the detail.
    emit sync->linkActivated(QStringLiteral("#details"));
    QTRY_COMPARE(uitest::errorBoxes(&window).size(), 1);
    uitest::closeErrorBoxes(&window);

    // A long transient message stops short of the permanent labels.
    QMetaObject::invokeMethod(&window, "showMessage", Q_ARG(QString, longText + longText));
    const QString shown = bar->currentMessage();
    QVERIFY(shown.endsWith(QStringLiteral("…")));
    QVERIFY2(bar->fontMetrics().horizontalAdvance(shown) < inBar.left(), qPrintable(shown));
    QCOMPARE(bar->toolTip(), longText + longText);
}

// The status bar's message ends this far left of its first permanent label.
static int clearanceOfMessage(ui::MainWindow &window)
{
    QStatusBar *bar = window.statusBar();
    int left = bar->width();
    for (QLabel *label : bar->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (label->isVisible() && label->width() > 0)
            left = qMin(left, label->mapTo(bar, QPoint(0, 0)).x());
    }
    return left - bar->fontMetrics().horizontalAdvance(bar->currentMessage());
}

void TestConnection::messageStaysClearOfLabelsThatGrowAfterIt()
{
    // At 800 px a message shown first ran under the sync label that grew
    // after it ("Đã đồng b.Đã đồng bộ…"): it is elided again as the labels
    // and the window change, and the whole text stays in the tooltip.
    ui::MainWindow window;
    window.resize(1400, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString message =
        QStringLiteral("Synced: 3 adopted, 0 recovered, 2 missing on the server, 0 conflicts; "
                       "blob-worker-7 and blob-worker-9 are flagged");
    QMetaObject::invokeMethod(&window, "showMessage", Q_ARG(QString, message));
    QCOMPARE(window.statusBar()->currentMessage(), message); // room enough at first
    QMetaObject::invokeMethod(&window, "showSyncStatus",
                              Q_ARG(QString, QStringLiteral("Key list synced at 10:04:42 with 42 keys")),
                              Q_ARG(QString, QString()));
    QTRY_VERIFY2(clearanceOfMessage(window) > 0, qPrintable(window.statusBar()->currentMessage()));
    window.resize(800, 600);
    QTRY_VERIFY2(clearanceOfMessage(window) > 0, qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(window.statusBar()->currentMessage().endsWith(QStringLiteral("…")));
    QCOMPARE(window.statusBar()->toolTip(), message);
    // Room again: the message comes back whole, with no stale tooltip.
    window.resize(1600, 600);
    QTRY_COMPARE(window.statusBar()->currentMessage(), message);
    QCOMPARE(window.statusBar()->toolTip(), QString());
}

void TestConnection::syncFailureOnOpenShowsInTheStatusBar()
{
    signer::FaultSettings failing;
    failing.failRate = 1.0; // every engine request answers 500; health still answers
    auto server = uitest::startSigner(failing);
    ui::MainWindow window;
    window.show();
    window.setSession(uitest::sessionOver(server));
    QLabel *sync = window.syncLabel();
    QTRY_VERIFY_WITH_TIMEOUT(sync->text().contains(QLatin1String("Syncing with the server failed")), 30000);
    // The text may be elided in the bar; the whole of it is in the tooltip.
    QVERIFY2(sync->toolTip().contains(QLatin1String("The server failed while handling the request")),
             qPrintable(sync->toolTip()));
    QVERIFY2(sync->toolTip().contains(QLatin1String("500")), qPrintable(sync->toolTip()));
    QVERIFY(uitest::errorBoxes(&window).isEmpty()); // no box over a window just opened
    // The detail is one click away.
    emit sync->linkActivated(QStringLiteral("#details"));
    QTRY_COMPARE(uitest::errorBoxes(&window).size(), 1);
    QVERIFY(uitest::errorBoxes(&window).first()->detailedText().contains(QLatin1String("500")));
    uitest::closeErrorBoxes(&window);
}

void TestConnection::openingANewProfileWithATokenKeepsTheWindow()
{
    // Connections › New › address › token › Open, as an operator does it:
    // Open saves the token and closes the dialog at once; the keychain's
    // answer comes later and must not reach the closed dialog. With no
    // keychain here the app then asks for the token and opens the profile;
    // the window (and the session it had) survives all of it.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/baokeys-test-bus");
    auto embedded = uitest::startSigner();
    auto remote = uitest::startSigner();
    ui::MainWindow window;
    window.setSession(uitest::sessionOver(embedded));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    bool connectionsShown = false;
    auto connectionsWatch = uitest::whenDialogShows<ui::ProfileDialog>([&](ui::ProfileDialog *dialog) {
        connectionsShown = true;
        QTest::mouseClick(button(dialog, "newProfile"), Qt::LeftButton);
        dialog->findChild<QLineEdit *>(QStringLiteral("profileName"))->setText(QStringLiteral("typed in"));
        dialog->findChild<QLineEdit *>(QStringLiteral("profileAddress"))->setText(remote->address());
        dialog->findChild<QLineEdit *>(QStringLiteral("profileToken"))->setText(remote->rootToken());
        QTest::mouseClick(button(dialog, "openProfile"), Qt::LeftButton);
    });
    // The token was typed in the dialog: Open uses it, it is not asked again
    // (#14 item 10), even with no keychain to keep it.
    bool asked = false;
    auto tokenWatch = uitest::whenDialogShows<ui::TokenPrompt>([&](ui::TokenPrompt *prompt) {
        asked = true;
        uitest::answerTokenPrompt(prompt, remote->rootToken(), uitest::RememberToken::Never);
    });
    QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(connectionsShown, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 20000);
    QVERIFY(keychainAnswersDelivered());
    QVERIFY(!asked);
    QCOMPARE(window.session()->profile().name, QStringLiteral("typed in"));
    QCOMPARE(window.session()->profile().address, remote->address());
    QTRY_VERIFY_WITH_TIMEOUT(window.stateLabel()->text().startsWith(QLatin1String("Active")), 10000);
    ui::ProfileStore().remove(window.session()->profile().id);
}

void TestConnection::closingConnectionsBeforeTheKeychainAnswers()
{
    // The dialog closes while the keychain still works on its request - a
    // Save with a token, then a Test with none (it reads the saved one): the
    // answer finds no dialog and is dropped.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/baokeys-test-bus");
    auto server = uitest::startSigner();
    ui::ProfileStore store;
    ui::TokenVault vault; // outlives the dialogs, as the main window's does
    QString profileId;
    for (const char *act : {"saveProfile", "testConnection"}) {
        auto dialog = std::make_unique<ui::ProfileDialog>(store, vault, nullptr);
        dialog->show();
        if (profileId.isEmpty()) {
            QTest::mouseClick(button(dialog.get(), "newProfile"), Qt::LeftButton);
            dialog->findChild<QLineEdit *>(QStringLiteral("profileAddress"))->setText(server->address());
            dialog->findChild<QLineEdit *>(QStringLiteral("profileToken"))->setText(server->rootToken());
            profileId = dialog->selectedId();
        } else {
            auto *list = dialog->findChild<QListWidget *>(QStringLiteral("profileList"));
            for (int row = 0; row < list->count(); ++row) {
                if (list->item(row)->data(Qt::UserRole).toString() == profileId)
                    list->setCurrentRow(row);
            }
        }
        QCOMPARE(dialog->selectedId(), profileId);
        QTest::mouseClick(button(dialog.get(), act), Qt::LeftButton);
        dialog.reset();
        QVERIFY(keychainAnswersDelivered());
    }
    store.remove(profileId);
}

void TestConnection::connectionsSayWhenNoKeychainKeepsTheToken()
{
    // #14 item 10: the dialog said "Saved in the system keychain" with no
    // keychain at all.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/baokeys-test-bus");
    ui::ProfileStore store;
    const ui::Profile profile =
        uitest::saveRemoteProfile(QStringLiteral("no keychain"), QStringLiteral("http://127.0.0.1:1"));
    ui::TokenVault vault;
    ui::ProfileDialog dialog(store, vault, nullptr);
    dialog.show();
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("tokenNote"));
    QTRY_VERIFY_WITH_TIMEOUT(note->text().startsWith(QLatin1String("Not saved")), 15000);
    QVERIFY2(!note->text().contains(QLatin1String("Saved in the system keychain")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QLatin1String("asked for the token each time")), qPrintable(note->text()));
    store.remove(profile.id);
}

void TestConnection::aTestedTokenIsNotAskedForAgainOnOpen()
{
    // Type the token, test it, Open: the profile opens with that token.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/baokeys-test-bus");
    auto remote = uitest::startSigner();
    const ui::Profile profile = uitest::saveRemoteProfile(QStringLiteral("tested"), remote->address());
    ui::MainWindow window;
    window.show();
    bool tested = false;
    auto connectionsWatch = uitest::whenDialogShows<ui::ProfileDialog>([&](ui::ProfileDialog *dialog) {
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("profileList"));
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(Qt::UserRole).toString() == profile.id)
                list->setCurrentRow(row);
        }
        dialog->findChild<QLineEdit *>(QStringLiteral("profileToken"))->setText(remote->rootToken());
        QTest::mouseClick(button(dialog, "testConnection"), Qt::LeftButton);
        auto *result = dialog->findChild<QTextBrowser *>(QStringLiteral("testResult"));
        tested = QTest::qWaitFor(
            [result] { return result->toPlainText().contains(QLatin1String("Connection works")); }, 10000);
        QTest::mouseClick(button(dialog, "openProfile"), Qt::LeftButton);
    });
    bool asked = false;
    auto tokenWatch = uitest::whenDialogShows<ui::TokenPrompt>([&](ui::TokenPrompt *prompt) {
        asked = true;
        prompt->reject();
    });
    QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
    window.showConnections();
    QVERIFY(tested);
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 20000);
    QVERIFY(!asked);
    QCOMPARE(window.session()->profile().id, profile.id);
    QTRY_VERIFY_WITH_TIMEOUT(window.stateLabel()->text().startsWith(QLatin1String("Active")), 10000);
    QVERIFY(keychainAnswersDelivered());
    window.closeSession();
    ui::ProfileStore().remove(profile.id);
}

void TestConnection::tokenPromptFitsItsTitle()
{
    // #14 item 10: the prompt's title ("Token for <profile>") was cut off.
    const QString name = QStringLiteral("production signer on bao-eu-west.example.internal");
    ui::TokenPrompt prompt(name, QStringLiteral("No token is saved for this profile yet."), true);
    prompt.show();
    QVERIFY(QTest::qWaitForWindowExposed(&prompt));
    QVERIFY(prompt.windowTitle().contains(name));
    const int titleWidth = prompt.fontMetrics().horizontalAdvance(prompt.windowTitle());
    QVERIFY2(prompt.width() >= titleWidth + 100,
             qPrintable(QStringLiteral("%1 < %2 + 100").arg(prompt.width()).arg(titleWidth)));
    prompt.reject();
}

QTEST_MAIN(TestConnection)
#include "TestConnection.moc"
