// Drives the real main window against an in-process embedded signer (at a
// signer latency like a remote OpenBao's, 150 ms by default, so batches take
// visible time) and saves PNGs of the main window, provisioning mid-batch,
// the batch-signing chart of 64 signatures all in flight, and, given a chain
// node and a funded granter's key (--chain-node, --granter-key-file), "Grant
// fees" after 8 workers were granted in one transaction.
// scripts/screenshots.sh runs it under Xvfb (and the test chain server).
#include "ui/MainWindow.h"
#include "ui/batch/BatchItemModel.h"
#include "ui/batch/GrantFeesDialog.h"
#include "ui/batch/ProvisionPage.h"
#include "ui/common/AppResources.h"
#include "ui/common/Translations.h"
#include "ui/connection/Session.h"
#include "ui/keys/KeysPage.h"
#include "ui/signing/SignBatchPage.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <functional>

namespace {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void settle(int ms)
{
    waitUntil([] { return false; }, ms);
}

bool save(QWidget *widget, const QString &path)
{
    widget->repaint();
    settle(150);
    const bool ok = widget->grab().save(path);
    qInfo("%s %s", ok ? "wrote" : "FAILED to write", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Never touch the user's own profiles or key lists.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("BaoKeys"));
    QApplication::setApplicationName(QStringLiteral("BaoKeys"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    baokeys::ui::initResources();
    QApplication::setWindowIcon(baokeys::ui::appIcon());

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Folder for the PNG files."));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en or vi."),
                                      QStringLiteral("code"), QStringLiteral("en"));
    parser.addOption(language);
    const QCommandLineOption latency(QStringLiteral("latency"), QStringLiteral("Signer latency in ms."),
                                     QStringLiteral("ms"), QStringLiteral("150"));
    parser.addOption(latency);
    const QCommandLineOption chainNode(QStringLiteral("chain-node"),
                                       QStringLiteral("A chain's REST endpoint, for the Grant fees picture."),
                                       QStringLiteral("url"));
    parser.addOption(chainNode);
    const QCommandLineOption granterKey(QStringLiteral("granter-key-file"),
                                        QStringLiteral("The funded granter's private key (hex), imported as "
                                                       "\"granter\"."),
                                        QStringLiteral("file"));
    parser.addOption(granterKey);
    parser.process(app);
    const QString dir = parser.positionalArguments().value(0, QStringLiteral("docs/screenshots"));
    QDir().mkpath(dir);
    baokeys::ui::Translations::install(&app, parser.value(language));
    const QString suffix =
        parser.value(language) == QLatin1String("en") ? QString() : QLatin1Char('-') + parser.value(language);

    auto signer = std::make_shared<baokeys::signer::SignerServer>(baokeys::signer::SignerOptions{});
    if (auto started = signer->start(); !started) {
        qCritical("the embedded signer did not start: %s", qPrintable(started.error().message));
        return 1;
    }
    // A steady latency with a little jitter, as a remote signer shows.
    const int latencyMs = parser.value(latency).toInt();
    baokeys::signer::FaultSettings faults;
    faults.latency = std::chrono::milliseconds(latencyMs);
    faults.latencyJitter = std::chrono::milliseconds(latencyMs / 10);
    signer->setFaults(faults);

    baokeys::ui::MainWindow window;
    window.resize(1280, 820);
    baokeys::ui::Profile profile = baokeys::ui::Profile::embeddedDev();
    profile.chainNode = parser.value(chainNode);
    window.setSession(std::make_unique<baokeys::ui::Session>(profile, signer));
    window.show();
    settle(300);

    // Provisioning, caught mid-batch.
    auto *provision = window.provisionPage();
    window.tabs()->setCurrentWidget(provision);
    provision->findChild<QLineEdit *>(QStringLiteral("provisionPrefix"))
        ->setText(QStringLiteral("blob-worker"));
    provision->findChild<QSpinBox *>(QStringLiteral("provisionCount"))->setValue(32);
    provision->findChild<QSpinBox *>(QStringLiteral("provisionParallelism"))->setValue(8);
    provision->findChild<QPushButton *>(QStringLiteral("provisionStart"))->click();
    bool ok = waitUntil([provision] { return provision->model()->counts().succeeded >= 12; }, 20000);
    ok = ok && save(&window, dir + QStringLiteral("/provisioning%1.png").arg(suffix));
    ok = ok && waitUntil([provision] { return !provision->isRunning(); }, 20000);

    // The key table, with a few rows selected.
    window.tabs()->setCurrentWidget(window.keysPage());
    QTableView *table = window.keysPage()->view();
    table->selectRow(0);
    settle(200);
    ok = ok && save(&window, dir + QStringLiteral("/main-window%1.png").arg(suffix));

    // Batch signing: 32 keys × 2 = 64 signatures, all in flight, then the chart.
    auto *sign = window.signPage();
    window.tabs()->setCurrentWidget(sign);
    sign->findChild<QRadioButton *>(QStringLiteral("signUsePrefix"))->setChecked(true);
    sign->findChild<QLineEdit *>(QStringLiteral("signPrefix"))->setText(QStringLiteral("blob-worker"));
    sign->findChild<QSpinBox *>(QStringLiteral("signRepeat"))->setValue(2);
    sign->findChild<QSpinBox *>(QStringLiteral("signParallelism"))->setValue(64);
    sign->findChild<QPushButton *>(QStringLiteral("signRun"))->click();
    ok = ok && waitUntil([sign] { return !sign->isRunning() && sign->model()->rowCount() > 0; }, 30000);
    settle(300);
    ok = ok && save(&window, dir + QStringLiteral("/batch-signing%1.png").arg(suffix));

    // Grant fees: 8 workers granted in one transaction on the chain node.
    if (ok && parser.isSet(chainNode) && parser.isSet(granterKey)) {
        QFile file(parser.value(granterKey));
        ok = file.open(QIODevice::ReadOnly) &&
             window.session()
                 ->keyring()
                 .importPrivateKey(QStringLiteral("granter"), QString::fromLatin1(file.readAll().trimmed()))
                 .hasValue();
        signer->setFaults({});
        window.tabs()->setCurrentWidget(provision);
        provision->findChild<QLineEdit *>(QStringLiteral("provisionPrefix"))
            ->setText(QStringLiteral("parallel-worker"));
        provision->findChild<QSpinBox *>(QStringLiteral("provisionCount"))->setValue(8);
        provision->findChild<QPushButton *>(QStringLiteral("provisionStart"))->click();
        ok = ok && waitUntil([provision] { return !provision->isRunning(); }, 20000);
        auto *dialog = ok ? provision->grantFees() : nullptr;
        ok = dialog != nullptr;
        if (!ok)
            qWarning("grant fees: no dialog (the granter's key or the workers are missing)");
        if (dialog) {
            dialog->resize(1100, 720);
            dialog->findChild<QLineEdit *>(QStringLiteral("grantChainId"))
                ->setText(QStringLiteral("mocha-4"));
            ok = waitUntil([dialog] { return !dialog->isBusy(); }, 20000);
            auto *granter = dialog->findChild<QComboBox *>(QStringLiteral("grantGranter"));
            granter->setCurrentIndex(granter->findData(QStringLiteral("granter")));
            ok = ok && waitUntil([dialog] { return !dialog->isBusy(); }, 20000);
            dialog->prepare();
            ok = ok && waitUntil([dialog] { return !dialog->isBusy(); }, 20000);
            dialog->signAndBroadcast();
            ok = ok && waitUntil([dialog] { return dialog->previewText().contains(QLatin1String("height")); },
                                 30000);
            ok = ok && waitUntil([dialog] { return !dialog->isBusy(); }, 20000);
            settle(300);
            if (!ok)
                qWarning("grant fees: %s (granter %s of %d keys)", qPrintable(dialog->statusText()),
                         qPrintable(granter->currentData().toString()), granter->count());
            ok = ok && save(dialog, dir + QStringLiteral("/grant-fees%1.png").arg(suffix));
            dialog->close();
        }
    }

    // The same view in a dark palette: palette roles, no fixed colours.
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 37, 38));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(50, 50, 52));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::ToolTipBase, QColor(70, 62, 30));
    dark.setColor(QPalette::ToolTipText, QColor(240, 230, 200));
    dark.setColor(QPalette::Highlight, QColor(64, 128, 220));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    QApplication::setPalette(dark);
    settle(300);
    ok = ok && save(&window, dir + QStringLiteral("/batch-signing-dark%1.png").arg(suffix));

    window.close();
    return ok ? 0 : 1;
}
