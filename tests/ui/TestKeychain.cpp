// The token in a real OS keychain: gnome-keyring's Secret Service on a
// private D-Bus session bus (PrivateKeychain). A profile saved with a token
// through the real Connections dialog keeps the token in the keychain and
// not in the settings file; a fresh store and vault read it back; opening
// the profile needs no prompt. Without a Secret Service on the bus the app
// asks for the token each time and says why. Skipped, saying why, when
// dbus-daemon or gnome-keyring-daemon is missing.
#include "PrivateKeychain.h"
#include "UiTestSupport.h"
#include "ui/connection/ProfileDialog.h"
#include "ui/connection/ProfileStore.h"
#include "ui/connection/TokenPrompt.h"
#include "ui/connection/TokenVault.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTimer>
#include <QUuid>
#include <functional>

using namespace baokeys;

namespace {

QByteArray settingsFileBytes()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Reads a token back through a fresh vault: the answer as the app gets it.
ui::KeychainAnswer readBack(const QString &profileId)
{
    ui::TokenVault vault;
    ui::KeychainAnswer result;
    bool done = false;
    vault.read(profileId, &vault, [&](ui::KeychainAnswer answer) {
        result = std::move(answer);
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        result.reason = QStringLiteral("the keychain did not answer in 10 s");
    return result;
}

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void connectionsDialogKeepsTheTokenInTheKeychain();
    void promptRemembersTheTokenInTheKeychain();
    void noSecretServiceAsksEachTimeAndSaysWhy();

private:
    uitest::PrivateKeychain m_keychain;
};

void TestKeychain::initTestCase()
{
    uitest::isolateSettings();
    QSettings().clear();
    const QString whyNot = m_keychain.start(QStringLiteral("baokeys-test-keyring-password"));
    if (!whyNot.isEmpty()) {
        // Never fall back to the user's own session bus or keychain.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/baokeys-test-bus");
        QSKIP(qPrintable(QStringLiteral("no private Secret Service: %1").arg(whyNot)));
    }
}

void TestKeychain::connectionsDialogKeepsTheTokenInTheKeychain()
{
    auto server = uitest::startSigner();
    const QString token = server->rootToken();
    QVERIFY(token.size() >= 16);
    QString profileId;
    {
        // Through the real Connections dialog: New, fill in, type the token, Save.
        ui::ProfileStore store;
        ui::TokenVault vault;
        ui::ProfileDialog dialog(store, vault, nullptr);
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("newProfile")), Qt::LeftButton);
        dialog.findChild<QLineEdit *>(QStringLiteral("profileName"))
            ->setText(QStringLiteral("keychain profile"));
        dialog.findChild<QLineEdit *>(QStringLiteral("profileAddress"))->setText(server->address());
        auto *tokenField = dialog.findChild<QLineEdit *>(QStringLiteral("profileToken"));
        QCOMPARE(tokenField->echoMode(), QLineEdit::Password);
        tokenField->setText(token);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveProfile")), Qt::LeftButton);
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("tokenNote"));
        QTRY_COMPARE_WITH_TIMEOUT(note->text(), QStringLiteral("Token saved in the system keychain."), 10000);
        QVERIFY(tokenField->text().isEmpty()); // the field is wiped once handed over
        profileId = dialog.selectedId();
    }
    QVERIFY(!profileId.isEmpty());

    // A fresh store and a fresh vault: the profile from the settings, the token from the keychain.
    QSettings fresh;
    const auto profile = ui::ProfileStore(&fresh).find(profileId);
    QVERIFY(profile);
    QCOMPARE(profile->address, server->address());
    const ui::KeychainAnswer answer = readBack(profileId);
    QVERIFY2(answer.status == ui::KeychainAnswer::Status::Ok, qPrintable(answer.reason));
    QCOMPARE(answer.secret, token);

    // Not in the settings file, in any form; and not in clear in the keyring's own files.
    const QByteArray settingsBytes = settingsFileBytes();
    QVERIFY(settingsBytes.contains(server->address().toUtf8()));
    QVERIFY(!settingsBytes.contains(token.toUtf8()));
    QVERIFY(!settingsBytes.contains(token.toUtf8().toBase64()));
    QVERIFY2(!settingsBytes.toLower().contains("token"),
             settingsBytes.constData()); // not even a key named so
    int keyringFiles = 0;
    for (QDirIterator it(m_keychain.dataHome(), QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(token.toUtf8()), qPrintable(file.fileName()));
        ++keyringFiles;
    }
    QVERIFY(keyringFiles >= 1); // the login keyring exists: the token went there

    // Opening the profile reads the token from the keychain: no prompt.
    ui::MainWindow window;
    window.show();
    bool asked = false;
    auto watch = uitest::whenDialogShows<ui::TokenPrompt>([&](ui::TokenPrompt *prompt) {
        asked = true;
        prompt->reject();
    });
    QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
    window.openProfile(*profile);
    QVERIFY2(opened.wait(20000) && !asked, "the token was asked for although the keychain holds it");
    QTRY_VERIFY_WITH_TIMEOUT(window.stateLabel()->text().startsWith(QLatin1String("Active")), 10000);
}

void TestKeychain::promptRemembersTheTokenInTheKeychain()
{
    // No token saved yet: the prompt says so and offers to remember it; the
    // next start finds it in the keychain.
    auto server = uitest::startSigner();
    const ui::Profile profile = uitest::saveRemoteProfile(QStringLiteral("remember me"), server->address());
    ui::MainWindow window;
    window.show();
    QString reason;
    bool offered = false;
    auto watch = uitest::whenDialogShows<ui::TokenPrompt>([&](ui::TokenPrompt *prompt) {
        reason = uitest::promptTexts(prompt);
        auto *remember = prompt->findChild<QCheckBox *>(QStringLiteral("rememberToken"));
        offered = remember->isVisibleTo(prompt) && remember->isChecked();
        uitest::answerTokenPrompt(prompt, server->rootToken(), uitest::RememberToken::AsOffered);
    });
    QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
    window.openProfile(profile);
    QVERIFY(opened.wait(20000));
    QVERIFY2(reason.contains(QLatin1String("No token is saved for this profile yet")), qPrintable(reason));
    QVERIFY(offered);
    ui::KeychainAnswer answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer = readBack(profile.id)).status == ui::KeychainAnswer::Status::Ok, 10000);
    QCOMPARE(answer.secret, server->rootToken());
    QVERIFY(!settingsFileBytes().contains(server->rootToken().toUtf8()));
}

void TestKeychain::noSecretServiceAsksEachTimeAndSaysWhy()
{
    // A desktop with D-Bus but no keychain: nothing is stored, the app asks
    // each time, says why, and does not offer to remember.
    m_keychain.stopKeyring();
    auto server = uitest::startSigner();
    const ui::Profile profile = uitest::saveRemoteProfile(QStringLiteral("no keychain"), server->address());
    const ui::KeychainAnswer answer = readBack(profile.id);
    QVERIFY2(answer.status == ui::KeychainAnswer::Status::Unavailable, qPrintable(answer.reason));
    QVERIFY(!answer.reason.isEmpty());

    for (int time = 0; time < 2; ++time) {
        ui::MainWindow window;
        window.show();
        QString reason;
        bool offered = true;
        auto watch = uitest::whenDialogShows<ui::TokenPrompt>([&](ui::TokenPrompt *prompt) {
            reason = uitest::promptTexts(prompt);
            offered = prompt->findChild<QCheckBox *>(QStringLiteral("rememberToken"))->isVisibleTo(prompt);
            uitest::answerTokenPrompt(prompt, server->rootToken(), uitest::RememberToken::AsOffered);
        });
        QSignalSpy opened(&window, &ui::MainWindow::sessionOpened);
        window.openProfile(profile);
        QVERIFY(opened.wait(20000));
        QVERIFY2(reason.contains(QLatin1String("No system keychain is available")) &&
                     reason.contains(QLatin1String("asks for it each time")),
                 qPrintable(reason));
        QVERIFY(!offered);
        QTRY_VERIFY_WITH_TIMEOUT(window.stateLabel()->text().startsWith(QLatin1String("Active")), 10000);
    }

    // Saving a token in the Connections dialog says it was not saved, and why.
    ui::ProfileStore store;
    ui::TokenVault vault;
    ui::ProfileDialog dialog(store, vault, nullptr);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("newProfile")), Qt::LeftButton);
    dialog.findChild<QLineEdit *>(QStringLiteral("profileAddress"))->setText(server->address());
    const QString token = QStringLiteral("s.") + QUuid::createUuid().toString(QUuid::Id128);
    dialog.findChild<QLineEdit *>(QStringLiteral("profileToken"))->setText(token);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveProfile")), Qt::LeftButton);
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("tokenNote"));
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QLatin1String("No system keychain is available")), 10000);
    QVERIFY(!settingsFileBytes().contains(token.toUtf8())); // no plain-text fallback
}

QTEST_MAIN(TestKeychain)
#include "TestKeychain.moc"
