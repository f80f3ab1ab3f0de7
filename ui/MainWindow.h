#pragma once

#include "ui/connection/ConnectionMonitor.h"
#include "ui/connection/Profile.h"

#include <QMainWindow>
#include <memory>

class QLabel;
class QTabWidget;

namespace baokeys::ui {

class KeysPage;
class ProfileStore;
class ProvisionPage;
class Session;
class SignBatchPage;
class StatusMessage;
class TokenVault;

// The main window: the open profile's keys, batch provisioning and batch
// signing in tabs, the live connection state in the status bar, and a
// banner when keys live only in memory. It owns the Session (keyring, and
// the embedded signer when the profile has one); pages only see the session.
//
// Thread-safety: GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the active profile, or - on a first start with no profile - the
    // in-memory embedded signer, so the app works at once.
    void openInitialProfile();
    // A remote profile reads its token from the keychain, or asks for it;
    // `token` (typed in Connections) is used as is, and wiped.
    void openProfile(const Profile &profile, QString token = QString());
    // Uses an already open session (tests and the screenshot tool build one
    // over their own in-process signer).
    void setSession(std::unique_ptr<Session> session);
    void closeSession();

    Session *session() const { return m_session.get(); }
    KeysPage *keysPage() const { return m_keys; }
    ProvisionPage *provisionPage() const { return m_provision; }
    SignBatchPage *signPage() const { return m_sign; }
    QTabWidget *tabs() const { return m_tabs; }
    ConnectionMonitor *monitor() const { return m_monitor; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QLabel *syncLabel() const { return m_syncLabel; }
    QWidget *devBanner() const { return m_banner; }

public slots:
    void showConnections();
    void showAbout();
    // A transient message, elided to the room left of the permanent labels
    // (the whole text in the status bar's tooltip).
    void showMessage(const QString &text);
    // The last sync's outcome; with a detail, a "Details…" link that stays
    // in view however long the text (the text is elided, never the link).
    void showSyncStatus(const QString &text, const QString &detail);

signals:
    void sessionOpened();

protected:
    void resizeEvent(QResizeEvent *event) override;
    // Remembers the window's geometry and the pages' splitters for next time.
    void closeEvent(QCloseEvent *event) override;

private:
    void layoutSyncStatus();
    void buildMenus();
    void onStatus(ConnectionState state, const bao::ConnectionStatus &status);
    void updateTitle();
    // Saves the language for the next start and says so, in both languages.
    void languageChosen(const QString &code, const QString &label);
    void askTokenAndOpen(const Profile &profile, const QString &reason, bool canRemember);

    std::unique_ptr<ProfileStore> m_profiles;
    TokenVault *m_vault = nullptr;
    ConnectionMonitor *m_monitor = nullptr;
    std::unique_ptr<Session> m_session;

    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QTabWidget *m_tabs = nullptr;
    KeysPage *m_keys = nullptr;
    ProvisionPage *m_provision = nullptr;
    SignBatchPage *m_sign = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_syncLabel = nullptr; // the last sync's outcome; a failure links to its detail
    QString m_syncText;
    QString m_syncDetail;
    StatusMessage *m_message = nullptr; // transient messages, kept clear of the labels
};

} // namespace baokeys::ui
