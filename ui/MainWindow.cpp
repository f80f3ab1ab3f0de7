#include "ui/MainWindow.h"

#include "core/crypto/SecureBytes.h"
#include "ui/batch/ProvisionPage.h"
#include "ui/common/AppResources.h"
#include "ui/common/ErrorReporter.h"
#include "ui/common/StatusMessage.h"
#include "ui/common/Translations.h"
#include "ui/connection/PassphraseDialog.h"
#include "ui/connection/ProfileDialog.h"
#include "ui/connection/ProfileStore.h"
#include "ui/connection/Session.h"
#include "ui/connection/TokenPrompt.h"
#include "ui/connection/TokenVault.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/keys/KeysPage.h"
#include "ui/signing/SignBatchPage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTranslator>
#include <QVBoxLayout>

namespace baokeys::ui {

namespace {
constexpr const char *GeometryKey = "window/geometry";
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_profiles(std::make_unique<ProfileStore>()), m_vault(new TokenVault(this)),
      m_monitor(new ConnectionMonitor(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(appIcon());
    resize(1180, 760);
    restoreGeometry(QSettings().value(QLatin1String(GeometryKey)).toByteArray()); // as last closed

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);

    // A notice in the palette's tooltip colours: readable in light and dark.
    m_banner = new QWidget(central);
    m_banner->setObjectName(QStringLiteral("devBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    auto *bannerIcon = new QLabel(m_banner);
    bannerIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setForegroundRole(QPalette::ToolTipText);
    m_bannerText->setWordWrap(true);
    m_bannerText->setText(
        tr("<b>Dev mode:</b> the embedded signer keeps its keys in memory. They vanish when "
           "BaoKeys exits; use an encrypted data folder or an OpenBao server for keys you keep."));
    bannerLayout->addWidget(bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_keys = new KeysPage(m_tabs);
    m_provision = new ProvisionPage(m_tabs);
    m_sign = new SignBatchPage(m_tabs);
    m_tabs->addTab(m_keys, tr("Ke&ys")); // Alt+K is the Keys menu
    m_tabs->addTab(m_provision, tr("&Provision workers"));
    m_tabs->addTab(m_sign, tr("&Batch signing"));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_stateIcon = new QLabel(this);
    m_stateLabel = new QLabel(tr("Not connected"), this);
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_profileLabel = new QLabel(this);
    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(QStringLiteral("syncState"));
    m_syncLabel->setTextFormat(Qt::RichText);
    m_syncLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_syncLabel, &QLabel::linkActivated, this,
            [this] { ErrorReporter::show(this, m_syncText, m_syncDetail); });
    statusBar()->addPermanentWidget(m_syncLabel);
    statusBar()->addPermanentWidget(m_profileLabel);
    statusBar()->addPermanentWidget(m_stateIcon);
    statusBar()->addPermanentWidget(m_stateLabel);
    m_message = new StatusMessage(statusBar());
    m_message->keepClearOf({m_syncLabel, m_profileLabel, m_stateIcon, m_stateLabel});

    connect(m_keys, &KeysPage::selectionChanged, m_sign, &SignBatchPage::setSelectedKeys);
    connect(m_keys, &KeysPage::message, this, &MainWindow::showMessage);
    connect(m_keys, &KeysPage::syncStatus, this, &MainWindow::showSyncStatus);
    connect(m_provision, &ProvisionPage::message, this, &MainWindow::showMessage);
    connect(m_sign, &SignBatchPage::message, this, &MainWindow::showMessage);
    connect(m_monitor, &ConnectionMonitor::statusChanged, this, &MainWindow::onStatus);
    // A signer that went away and came back may have restarted with other
    // keys (a dev signer comes back empty): the list re-syncs by itself.
    connect(m_monitor, &ConnectionMonitor::serverReturned, m_keys, &KeysPage::syncOnOpen);
    buildMenus();
    updateTitle();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QLatin1String(GeometryKey), saveGeometry());
    m_sign->saveLayout();
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow()
{
    closeSession();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connections = file->addAction(tr("&Connections…"), this, &MainWindow::showConnections);
    connections->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction *refresh =
        file->addAction(tr("Check connection &now"), m_monitor, &ConnectionMonitor::refreshNow);
    refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    file->addSeparator();
    QMenu *language = file->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString current = QSettings().value(QLatin1String(Translations::SettingKey)).toString();
    const QList<QPair<QString, QString>> choices{{QString(), tr("System default")},
                                                 {QStringLiteral("en"), QStringLiteral("English")},
                                                 {QStringLiteral("vi"), QStringLiteral("Tiếng Việt")}};
    for (const auto &[code, label] : choices) {
        QAction *action = language->addAction(label);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, code = code, label = label] { languageChosen(code, label); });
    }
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *keys = menuBar()->addMenu(tr("&Keys"));
    keys->addAction(m_keys->newAction());
    keys->addAction(m_keys->importAction());
    keys->addSeparator();
    keys->addActions(m_keys->keyActions());
    keys->addSeparator();
    keys->addAction(m_keys->syncAction());
    keys->addAction(m_keys->findAction());
    keys->addSeparator();
    keys->addAction(m_keys->accessPolicyAction());
    addActions(keys->actions());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<QKeySequence> tabKeys{QKeySequence(Qt::CTRL | Qt::Key_1), QKeySequence(Qt::CTRL | Qt::Key_2),
                                      QKeySequence(Qt::CTRL | Qt::Key_3)};
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction *action = view->addAction(m_tabs->tabText(i).remove(QLatin1Char('&')), this,
                                          [this, i] { m_tabs->setCurrentIndex(i); });
        action->setShortcut(tabKeys.value(i));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About BaoKeys"), this, &MainWindow::showAbout);
}

void MainWindow::languageChosen(const QString &code, const QString &label)
{
    QSettings().setValue(QLatin1String(Translations::SettingKey), code);
    // Windows built now keep their words: the change waits for a restart
    // (a restart of an in-memory signer would lose its keys, so BaoKeys
    // never restarts itself). Said in the language chosen too, for an
    // operator who reads that one better.
    static const char *const Restart =
        QT_TR_NOOP("BaoKeys will use %1 when it starts again; the windows open now keep their language.");
    QString text = tr(Restart).arg(label);
    const QString target = code.isEmpty() ? Translations::languageFor(QLocale::system()) : code;
    QTranslator chosen;
    if (chosen.load(QStringLiteral(":/i18n/baokeys_%1.qm").arg(target))) {
        const QString translated = chosen.translate("baokeys::ui::MainWindow", Restart);
        if (!translated.isEmpty() && translated.arg(label) != text)
            text += QStringLiteral("\n\n") + translated.arg(label);
    }
    auto *box = new QMessageBox(QMessageBox::Information, tr("Language"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("languageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    showMessage(tr("The language changes when BaoKeys starts again."));
}

void MainWindow::openInitialProfile()
{
    if (m_profiles->isEmpty()) {
        Profile dev = Profile::embeddedDev();
        m_profiles->save(dev);
        m_profiles->setActiveId(dev.id);
        openProfile(dev);
        return;
    }
    const auto active = m_profiles->find(m_profiles->activeId());
    openProfile(active ? *active : m_profiles->all().first());
}

void MainWindow::openProfile(const Profile &profile, QString token)
{
    closeSession();
    m_profileLabel->setText(profile.name);
    if (profile.isEmbedded()) {
        crypto::wipe(token); // an embedded signer has its own
        QByteArray passphrase;
        if (profile.kind == Profile::Kind::EmbeddedFolder) {
            if (profile.dataDir.isEmpty()) {
                ErrorReporter::show(this, tr("The profile %1 has no data folder.").arg(profile.name),
                                    tr("Choose one under File › Connections."));
                return;
            }
            const QDir dir(profile.dataDir);
            const bool isNew = !dir.exists() || dir.isEmpty();
            PassphraseDialog dialog(profile.dataDir, isNew, this);
            if (dialog.exec() != QDialog::Accepted)
                return;
            passphrase = dialog.takePassphrase();
        }
        m_stateLabel->setText(tr("Starting the embedded signer…"));
        Session::startEmbedded(profile, passphrase).then(this, [this, profile](EmbeddedStart started) {
            if (!started) {
                m_stateLabel->setText(tr("Embedded signer stopped"));
                ErrorReporter::show(this, tr("The embedded signer could not start."),
                                    started.error().message);
                return;
            }
            setSession(std::make_unique<Session>(profile, *started));
        });
        crypto::wipe(passphrase);
        return;
    }
    if (!token.isEmpty()) {
        setSession(std::make_unique<Session>(profile, token));
        crypto::wipe(token);
        return;
    }
    m_stateLabel->setText(tr("Reading the token…"));
    m_vault->read(profile.id, this, [this, profile](KeychainAnswer answer) {
        switch (answer.status) {
        case KeychainAnswer::Status::Ok:
            setSession(std::make_unique<Session>(profile, answer.secret));
            crypto::wipe(answer.secret);
            return;
        case KeychainAnswer::Status::NotFound:
            askTokenAndOpen(profile, tr("No token is saved for this profile yet."), true);
            return;
        case KeychainAnswer::Status::Unavailable:
            askTokenAndOpen(
                profile,
                tr("No system keychain is available (%1), so the token cannot be stored safely: "
                   "BaoKeys asks for it each time it opens this profile and never writes it to a file.")
                    .arg(answer.reason),
                false);
            return;
        case KeychainAnswer::Status::Failed:
            askTokenAndOpen(profile, tr("The system keychain could not be read (%1).").arg(answer.reason),
                            false);
            return;
        }
    });
}

void MainWindow::askTokenAndOpen(const Profile &profile, const QString &reason, bool canRemember)
{
    TokenPrompt prompt(profile.name, reason, canRemember, this);
    if (prompt.exec() != QDialog::Accepted) {
        m_stateLabel->setText(tr("Not connected"));
        return;
    }
    const bool remember = prompt.remember();
    QString token = prompt.takeToken();
    if (remember) {
        m_vault->write(profile.id, token, this, [this](KeychainAnswer answer) {
            if (answer.status != KeychainAnswer::Status::Ok)
                showMessage(tr("The token could not be saved in the keychain: %1").arg(answer.reason));
        });
    }
    setSession(std::make_unique<Session>(profile, token));
    crypto::wipe(token);
}

void MainWindow::setSession(std::unique_ptr<Session> session)
{
    closeSession();
    m_session = std::move(session);
    if (!m_session)
        return;
    const Profile &profile = m_session->profile();
    if (!profile.id.isEmpty() && m_profiles->find(profile.id))
        m_profiles->setActiveId(profile.id);
    m_banner->setVisible(profile.kind == Profile::Kind::EmbeddedMemory);
    m_profileLabel->setText(profile.name);
    m_keys->setSession(m_session.get());
    m_provision->setSession(m_session.get());
    m_sign->setSession(m_session.get());
    m_monitor->setKeyring(&m_session->keyring());
    if (auto storeError = m_session->keyring().storeError())
        ErrorReporter::show(this, tr("The local key list of this profile could not be read."), *storeError);
    updateTitle();
    // Keys made on the server behind this app's back (another machine, the
    // CLI) appear without a manual sync; off the GUI thread, and a failure
    // lands in the status bar rather than a box over a window just opened.
    m_keys->syncOnOpen();
    emit sessionOpened();
}

void MainWindow::closeSession()
{
    if (!m_session)
        return;
    m_monitor->setKeyring(nullptr);
    m_keys->setSession(nullptr);
    m_provision->setSession(nullptr);
    m_sign->setSession(nullptr);
    m_session.reset();
    m_banner->hide();
    m_stateLabel->setText(tr("Not connected"));
    m_stateIcon->clear();
    showSyncStatus({}, {});
    updateTitle();
}

void MainWindow::onStatus(ConnectionState state, const bao::ConnectionStatus &status)
{
    m_stateLabel->setText(ConnectionMonitor::summary(state, status));
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    switch (state) {
    case ConnectionState::Active:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case ConnectionState::Standby:
    case ConnectionState::Sealed:
    case ConnectionState::Unknown:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case ConnectionState::Unreachable:
    case ConnectionState::TokenRefused:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    QStringList tip;
    // The embedded signer's own root token is the app's business; a remote
    // server's root token in daily use is the operator's risk.
    const bool remote = m_session && !m_session->profile().isEmbedded();
    if (remote && status.token && status.token->isRoot()) {
        m_stateLabel->setText(m_stateLabel->text() + QStringLiteral(" · ") + tr("root token"));
        if (icon == QStyle::SP_DialogApplyButton)
            icon = QStyle::SP_MessageBoxWarning;
        tip << ProfileDialog::rootTokenWarning();
    }
    m_stateIcon->setPixmap(style()->standardIcon(icon).pixmap(16, 16));
    // A cluster's nodes, each with its role and round trip, one hover away.
    if (!status.nodes.isEmpty())
        tip << ConnectionMonitor::nodesText(status);
    if (status.error)
        tip << ErrorReporter::explain(*status.error) + QLatin1Char('\n') +
                   ErrorReporter::detailOf(*status.error);
    m_stateLabel->setToolTip(tip.join(QStringLiteral("\n\n")));
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_session ? tr("BaoKeys — %1").arg(m_session->profile().name) : tr("BaoKeys"));
}

void MainWindow::showMessage(const QString &text)
{
    m_message->show(text);
}

void MainWindow::showSyncStatus(const QString &text, const QString &detail)
{
    m_syncText = text;
    m_syncDetail = detail;
    layoutSyncStatus();
}

void MainWindow::layoutSyncStatus()
{
    // At most a third of the window: the connection labels keep their room.
    const int room = qMax(160, width() / 3);
    const QFontMetrics metrics = m_syncLabel->fontMetrics();
    if (m_syncDetail.isEmpty()) {
        const QString shown = metrics.elidedText(m_syncText, Qt::ElideRight, room);
        m_syncLabel->setText(shown.toHtmlEscaped());
        m_syncLabel->setToolTip(shown == m_syncText ? QString() : m_syncText);
        return;
    }
    const QString link = tr("Details…");
    const QString shown =
        metrics.elidedText(m_syncText, Qt::ElideRight, qMax(40, room - metrics.horizontalAdvance(link) - 12));
    m_syncLabel->setText(
        QStringLiteral("%1 <a href=\"#details\">%2</a>").arg(shown.toHtmlEscaped(), link.toHtmlEscaped()));
    m_syncLabel->setToolTip(m_syncText + QStringLiteral("\n\n") + m_syncDetail);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (!m_syncText.isEmpty())
        layoutSyncStatus();
}

void MainWindow::showConnections()
{
    ProfileDialog dialog(*m_profiles, *m_vault, m_session.get(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto profile = m_profiles->find(dialog.selectedId());
    if (profile)
        openProfile(*profile, dialog.takeTypedToken()); // a token just typed is not asked again
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About BaoKeys"),
        tr("<h3>BaoKeys %1</h3><p>secp256k1 keys for validators and rollups, kept in OpenBao "
           "or the embedded signer. The keys never leave the signer; this app keeps only public "
           "metadata.</p>")
            .arg(QApplication::applicationVersion()));
}

} // namespace baokeys::ui
