#pragma once

#include "core/signer/SignerServer.h"
#include "ui/MainWindow.h"
#include "ui/common/AppResources.h"
#include "ui/common/Translations.h"
#include "ui/connection/Profile.h"
#include "ui/connection/ProfileStore.h"
#include "ui/connection/Session.h"
#include "ui/connection/TokenPrompt.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

namespace baokeys::uitest {

// Settings, profiles and key lists of a test never touch the user's own.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BaoKeysTest"));
    QCoreApplication::setApplicationName(QStringLiteral("baokeys-ui-test"));
    ui::initResources();
    ui::Translations::install(QCoreApplication::instance(), QStringLiteral("en"));
}

// The embedded signer on a free loopback port, in memory.
inline std::shared_ptr<signer::SignerServer> startSigner(const signer::FaultSettings &faults = {})
{
    auto server = std::make_shared<signer::SignerServer>(signer::SignerOptions{});
    auto started = server->start();
    if (!started)
        qFatal("embedded signer did not start: %s", qPrintable(started.error().message));
    server->setFaults(faults);
    return server;
}

inline std::unique_ptr<ui::Session> sessionOver(std::shared_ptr<signer::SignerServer> server)
{
    ui::Profile profile = ui::Profile::embeddedDev();
    profile.hrp = QStringLiteral("celestia");
    return std::make_unique<ui::Session>(profile, std::move(server));
}

// Creates a key on `server` through a keyring of its own (an in-memory key
// list), as another machine or the CLI would: the app's list does not know it.
inline bool createBehindTheAppsBack(const std::shared_ptr<signer::SignerServer> &server, const QString &name)
{
    ui::Profile profile = ui::Profile::embeddedDev();
    profile.address = server->address();
    profile.mount = server->mount();
    keyring::BaoKeyring other(profile.settings(server->rootToken()), QString());
    return other.newAccount(name).hasValue();
}

inline signer::FaultSettings latency(int ms, int jitterMs = 0)
{
    signer::FaultSettings faults;
    faults.latency = std::chrono::milliseconds(ms);
    faults.latencyJitter = std::chrono::milliseconds(jitterMs);
    return faults;
}

// The error boxes (ErrorReporter) currently open under `root`.
inline QList<QMessageBox *> errorBoxes(QWidget *root)
{
    QList<QMessageBox *> boxes;
    const auto found = root->findChildren<QMessageBox *>(QStringLiteral("errorBox"));
    for (QMessageBox *box : found) {
        if (box->isVisible())
            boxes << box;
    }
    return boxes;
}

// Acts on the next modal dialog of type T once it shows (a timer polls: the
// dialog's own exec() nests inside the caller's wait). Polling stops when
// the returned timer goes, so it never catches a later test's dialog.
template <typename T> std::unique_ptr<QTimer> whenDialogShows(std::function<void(T *)> act)
{
    auto timer = std::make_unique<QTimer>();
    QTimer *raw = timer.get();
    raw->setInterval(10);
    QObject::connect(raw, &QTimer::timeout, [raw, act] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            raw->stop();
            act(dialog);
        }
    });
    raw->start();
    return timer;
}

// A profile for the signer at `address`, saved in the (test-isolated) store.
inline ui::Profile saveRemoteProfile(const QString &name, const QString &address)
{
    ui::Profile profile;
    profile.name = name;
    profile.address = address;
    ui::ProfileStore().save(&profile);
    return profile;
}

// The token prompt's texts, one per line: why it asks, what it offers.
inline QString promptTexts(const ui::TokenPrompt *prompt)
{
    QString texts;
    for (const QLabel *label : prompt->findChildren<QLabel *>())
        texts += label->text() + QLatin1Char('\n');
    return texts;
}

enum class RememberToken { AsOffered, Never };

// Types `token` into the prompt and accepts it. RememberToken::Never clears
// its check boxes first, so that a test never writes to a real keychain.
inline void answerTokenPrompt(ui::TokenPrompt *prompt, const QString &token, RememberToken remember)
{
    prompt->findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(token);
    if (remember == RememberToken::Never) {
        for (QCheckBox *box : prompt->findChildren<QCheckBox *>())
            box->setChecked(false);
    }
    prompt->accept();
}

inline void closeErrorBoxes(QWidget *root)
{
    for (QMessageBox *box : errorBoxes(root))
        box->close();
    QCoreApplication::processEvents();
}

} // namespace baokeys::uitest
