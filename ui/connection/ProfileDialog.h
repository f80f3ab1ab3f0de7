#pragma once

#include "core/bao/BaoTypes.h"
#include "ui/connection/Profile.h"

#include <QDialog>
#include <QFutureWatcher>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace baokeys::keyring {
class BaoKeyring;
}

namespace baokeys::ui {

class ProfileStore;
class Session;
class TokenVault;

// Edits the saved profiles (address, namespace, mount, CA file, HRP, data
// folder) and their tokens (into the OS keychain), and tests a connection:
// health, version, sealed / standby, the token's policies and TTL.
// Accepting opens the selected profile (selectedId()).
//
// Thread-safety: GUI thread only.
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    ProfileDialog(ProfileStore &store, TokenVault &vault, Session *active, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    QString selectedId() const { return m_currentId; }
    // The token typed here for the selected profile, moved out (empty when
    // none was typed): Open uses it rather than asking again, whether or not
    // a keychain kept it.
    QString takeTypedToken();

    // "Test connection" answer as rich text (for the dialog and tests).
    static QString describeStatus(const bao::ConnectionStatus &status);
    // Said wherever a root token is seen in use (here and the status bar).
    static QString rootTokenWarning();

private:
    void reload(const QString &selectId);
    void showProfile(const QString &id);
    Profile formProfile() const;
    // Why the form cannot be saved (a password in the address; a mount or
    // namespace that is not plain path segments, which would reach the
    // policies shown and the command to apply them), or empty.
    QString problemWith(const Profile &profile) const;
    // False, with the reason shown, when the form cannot be saved.
    bool saveProfile();
    void newProfile();
    void deleteProfile();
    void testConnection();
    void runTest(const Profile &profile, const QString &token);
    void updateKindFields();
    void keepTypedToken();
    void checkKeychain();

    ProfileStore &m_store;
    TokenVault &m_vault;
    Session *m_active;
    QString m_currentId;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_namespace = nullptr;
    QLineEdit *m_mount = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_hrp = nullptr;
    QLineEdit *m_chainNode = nullptr;
    QCheckBox *m_skipVerify = nullptr;
    QLineEdit *m_dataDir = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_tokenNote = nullptr;
    QString m_typedToken; // the last token typed, for m_typedTokenId
    QString m_typedTokenId;
    QTextBrowser *m_result = nullptr;
    QPushButton *m_test = nullptr;

    std::unique_ptr<keyring::BaoKeyring> m_testKeyring; // a remote test, in-memory store
    QFutureWatcher<bao::ConnectionStatus> m_testWatcher;
};

} // namespace baokeys::ui
