#pragma once

#include "core/bao/BaoError.h"
#include "core/keyring/BaoKeyring.h"

#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;

namespace baokeys::ui {

class AccessPolicyDialog;
class KeyFilterProxy;
class KeyTableModel;
class GrantFeesDialog;
class Session;

// The key table of the open profile with its search box and actions (new,
// import, copy, details with QR, sign, export, rename, delete, sync). Every
// network call runs off the GUI thread through the session's keyring; a
// failure is reported in plain words with the detail one click away.
//
// Thread-safety: GUI thread only.
class KeysPage : public QWidget {
    Q_OBJECT
public:
    explicit KeysPage(QWidget *parent = nullptr);

    void setSession(Session *session); // nullptr: no profile open
    QStringList selectedUids() const;
    // Selects (and shows) the key `uid`, as after creating it.
    void selectKey(const QString &uid);
    QList<QAction *> keyActions() const;

    KeyTableModel *model() const { return m_model; }
    KeyFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }

    QAction *newAction() const { return m_new; }
    QAction *importAction() const { return m_import; }
    QAction *syncAction() const { return m_sync; }
    QAction *findAction() const { return m_find; }
    QAction *accessPolicyAction() const { return m_accessPolicy; }

public slots:
    void reload();
    void newKey();
    void importKey();
    void copyAddress();
    void copyPublicKey();
    void showDetails();
    void signMessage();
    void signTransaction();
    GrantFeesDialog *grantFees(); // for the selected keys
    // The least-privilege policies for the selected keys, or a worker set.
    AccessPolicyDialog *accessPolicies();
    void exportKey();
    void renameKey();
    void deleteKey();
    void syncKeys(); // the user asked: a failure opens an error box
    // Reconciles with the server when a profile opens or its server comes
    // back (keys made elsewhere appear, keys it lost are flagged), in the
    // background; the outcome goes to syncStatus, not a box.
    void syncOnOpen();

signals:
    // Where the last sync got to, for the status bar: plain words, and the
    // technical detail (empty when it worked).
    void syncStatus(const QString &text, const QString &detail);
    void selectionChanged(const QStringList &uids);
    void message(const QString &text); // for the status bar

protected:
    bool event(QEvent *event) override;

private:
    QString currentUid() const;
    const keyring::KeyRecord *selectedRecord() const; // exactly one key selected, else nullptr
    void updateActions();
    enum class SyncMode { Asked, OnOpen };
    void startSync(SyncMode mode);
    QAction *makeAction(const QString &text, const QKeySequence &shortcut, void (KeysPage::*slot)());
    void reportFailedDeletions(const keyring::BaoKeyring::RemovalReport &report);
    // A delete or rename started here begins or ends (see m_changesRunning).
    void changeStarted();
    void changeEnded(quint64 generation);

    // Names listed in one status or error line; the rest are counted ("and 3 more").
    static constexpr int NamesInAMessage = 5;

    Session *m_session = nullptr;
    quint64 m_sessionGeneration = 0; // a late answer for a closed session is dropped
    // Deletes and renames started here and not yet answered. While one runs,
    // Delete and Rename are off: a second one could be given keys the first
    // is removing (the selection still shows them until each is gone).
    int m_changesRunning = 0;
    KeyTableModel *m_model = nullptr;
    KeyFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_empty = nullptr; // what to do first, while the list is empty

    QAction *m_new = nullptr;
    QAction *m_import = nullptr;
    QAction *m_copyAddress = nullptr;
    QAction *m_copyPublicKey = nullptr;
    QAction *m_details = nullptr;
    QAction *m_sign = nullptr;
    QAction *m_signTransaction = nullptr;
    QAction *m_grantFees = nullptr;
    QAction *m_export = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_sync = nullptr;
    QAction *m_find = nullptr;
    QAction *m_accessPolicy = nullptr;
};

} // namespace baokeys::ui
