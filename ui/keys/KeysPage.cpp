#include "ui/keys/KeysPage.h"

#include "core/crypto/SecureBytes.h"
#include "ui/batch/GrantFeesDialog.h"
#include "ui/common/Clipboard.h"
#include "ui/common/ErrorReporter.h"
#include "ui/common/NameList.h"
#include "ui/connection/Session.h"
#include "ui/keys/AccessPolicyDialog.h"
#include "ui/keys/DeleteKeyDialog.h"
#include "ui/keys/ExportKeyDialog.h"
#include "ui/keys/ImportKeyDialog.h"
#include "ui/keys/KeyDetailsDialog.h"
#include "ui/keys/KeyFilterProxy.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/keys/NewKeyDialog.h"
#include "ui/keys/SignMessageDialog.h"
#include "ui/keys/SignTransactionDialog.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QTableView>
#include <QTime>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace baokeys::ui {

KeysPage::KeysPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("keysPage"));
    m_model = new KeyTableModel(this);
    m_proxy = new KeyFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_new = makeAction(tr("&New key…"), QKeySequence::New, &KeysPage::newKey);
    m_import = makeAction(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I), &KeysPage::importKey);
    m_copyAddress = makeAction(tr("Copy &address"), QKeySequence::Copy, &KeysPage::copyAddress);
    m_copyPublicKey = makeAction(tr("Copy &public key"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                 &KeysPage::copyPublicKey);
    m_details = makeAction(tr("&Details…"), QKeySequence(Qt::CTRL | Qt::Key_D), &KeysPage::showDetails);
    m_sign = makeAction(tr("&Sign message…"), QKeySequence(Qt::CTRL | Qt::Key_M), &KeysPage::signMessage);
    m_signTransaction =
        makeAction(tr("Sign &transaction…"), QKeySequence(Qt::CTRL | Qt::Key_T), &KeysPage::signTransaction);
    m_grantFees = new QAction(tr("&Grant fees…"), this);
    connect(m_grantFees, &QAction::triggered, this, [this] { grantFees(); });
    m_grantFees->setObjectName(QStringLiteral("grantFeesAction"));
    m_grantFees->setToolTip(tr("Pay the selected keys' fees from a granter key (x/feegrant)."));
    m_export =
        makeAction(tr("E&xport private key…"), QKeySequence(Qt::CTRL | Qt::Key_E), &KeysPage::exportKey);
    m_rename = makeAction(tr("&Rename…"), QKeySequence(Qt::Key_F2), &KeysPage::renameKey);
    m_delete = makeAction(tr("De&lete…"), QKeySequence::Delete, &KeysPage::deleteKey);
    m_sync = makeAction(tr("S&ync with server"), QKeySequence::Refresh, &KeysPage::syncKeys);
    m_accessPolicy = new QAction(tr("Acc&ess policies…"), this);
    m_accessPolicy->setObjectName(QStringLiteral("accessPolicyAction"));
    m_accessPolicy->setToolTip(
        tr("The least-privilege OpenBao policies for the selected keys or a worker set."));
    connect(m_accessPolicy, &QAction::triggered, this, [this] { accessPolicies(); });
    m_find = new QAction(tr("&Find"), this);
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(m_find);

    auto *layout = new QVBoxLayout(this);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *action :
         {m_new, m_import, m_details, m_sign, m_signTransaction, m_export, m_rename, m_delete, m_sync})
        toolbar->addAction(action);
    layout->addWidget(toolbar);
    auto *searchRow = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("keySearch"));
    m_search->setPlaceholderText(tr("Search by name, address or public key (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    searchRow->addWidget(m_search, 1);
    m_count = new QLabel(this);
    searchRow->addWidget(m_count);
    layout->addLayout(searchRow);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("keyTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(KeyTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // The address is what an operator reads and compares: it takes the room
    // left over, and the short columns (public key prefix, yes/no, source,
    // date) take only what their text needs, so an 800 px window still
    // shows most of an address, its two ends when elided.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(40);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KeyTableModel::NameColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(KeyTableModel::NameColumn, 130);
    header->setSectionResizeMode(KeyTableModel::AddressColumn, QHeaderView::Stretch);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(keyActions());
    // A first start shows an empty table: say what to do next (the text is set by updateActions).
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("keysEmptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setContentsMargins(12, 24, 12, 24);
    m_empty->hide();
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &KeyFilterProxy::setSearchText);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &KeysPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &KeysPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &KeysPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        emit selectionChanged(selectedUids());
    });
    connect(m_view, &QTableView::doubleClicked, this, &KeysPage::showDetails);
    updateActions();
}

QAction *KeysPage::makeAction(const QString &text, const QKeySequence &shortcut, void (KeysPage::*slot)())
{
    auto *action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

QList<QAction *> KeysPage::keyActions() const
{
    return {m_details,   m_copyAddress, m_copyPublicKey, m_sign,  m_signTransaction,
            m_grantFees, m_export,      m_rename,        m_delete};
}

void KeysPage::setSession(Session *session)
{
    if (m_session)
        disconnect(&m_session->keyring(), nullptr, this, nullptr);
    m_session = session;
    ++m_sessionGeneration;
    m_changesRunning = 0; // the old session's answers are dropped by their generation
    if (m_session)
        connect(&m_session->keyring(), &keyring::BaoKeyring::keysChanged, this, &KeysPage::reload);
    reload();
}

void KeysPage::reload()
{
    const QStringList selected = selectedUids();
    if (!m_session) {
        m_model->setRecords({}, {});
    } else {
        m_model->setRecords(m_session->keyring().list(), m_session->hrp());
    }
    QItemSelection selection;
    for (const QString &uid : selected) {
        const int row = m_model->rowOf(uid);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(KeyTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    updateActions();
}

QStringList KeysPage::selectedUids() const
{
    QStringList uids;
    const auto rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        uids << index.data(KeyTableModel::UidRole).toString();
    return uids;
}

const keyring::KeyRecord *KeysPage::selectedRecord() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    return rows.size() == 1 ? &m_model->record(m_proxy->mapToSource(rows.first()).row()) : nullptr;
}

QString KeysPage::currentUid() const
{
    // One key or none: with several selected, acting on one of them would be a guess.
    const QStringList uids = selectedUids();
    return uids.size() == 1 ? uids.first() : QString();
}

bool KeysPage::event(QEvent *event)
{
    if (event->type() == QEvent::ShowToParent || event->type() == QEvent::HideToParent)
        updateActions();
    return QWidget::event(event);
}

void KeysPage::updateActions()
{
    const bool open = m_session != nullptr;
    // The key actions' shortcuts (Ctrl+C, Del, F2…) reach the whole window:
    // with another tab in front they must not act on a selection the
    // operator cannot see, so they are off until this page shows again.
    const bool inFront = isVisibleTo(window());
    const int selected = inFront ? int(selectedUids().size()) : 0;
    // A key list that could not be read (damaged, or a newer BaoKeys's)
    // takes no new key until a sync rebuilds it or the newer version has it.
    const std::optional<bao::BaoError> unreadable = open ? m_session->keyring().storeError() : std::nullopt;
    const QString whyNot = unreadable ? ErrorReporter::explain(*unreadable) : QString();
    for (QAction *action : {m_new, m_import}) {
        action->setEnabled(open && !unreadable);
        action->setToolTip(whyNot); // empty: the action's own text
    }
    m_sync->setEnabled(open);
    m_accessPolicy->setEnabled(open);
    m_details->setEnabled(open && selected == 1);
    // A struck-out key (the server no longer holds it, or holds another key
    // under its name) cannot sign, be exported or be renamed: the actions say
    // so, instead of an error box after the operator has typed a message.
    const keyring::KeyRecord *record = selected == 1 ? selectedRecord() : nullptr;
    const bool held = record && record->heldByServer();
    const QString why =
        selected == 1 && !held
            ? tr("The server no longer holds this key (struck out). Sync with the server if it "
                 "has it again.")
            : QString();
    for (QAction *action : {m_sign, m_signTransaction, m_export, m_rename}) {
        action->setEnabled(open && held);
        action->setToolTip(why); // empty: the action's own text
    }
    // Export shows the private key and a rename moves it to the new name:
    // a key created as not exportable never gives it, so both are off for
    // it and say why, instead of refusing after the click.
    if (held && !record->exportable) {
        const QString notExportable =
            tr("This key is not exportable: its private key never leaves the server, so it can be "
               "neither exported nor renamed (a rename moves the private key to the new name).");
        for (QAction *action : {m_export, m_rename}) {
            action->setEnabled(false);
            action->setToolTip(notExportable);
        }
    }
    m_delete->setEnabled(open && selected >= 1); // several at once, with one confirmation
    m_delete->setToolTip(QString());
    if (m_changesRunning > 0) {
        const QString wait = tr("A delete or rename is under way: wait until it has ended.");
        for (QAction *action : {m_delete, m_rename}) {
            if (action->isEnabled())
                action->setToolTip(wait);
            action->setEnabled(false);
        }
    }
    m_copyAddress->setEnabled(open && selected >= 1);
    m_copyPublicKey->setEnabled(open && selected >= 1);
    m_grantFees->setEnabled(open && selected >= 1);
    m_count->setText(tr("%L1 of %L2 keys").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    m_empty->setText(
        unreadable
            ? tr("The local key list could not be read, so no key is shown. %1").arg(whyNot.toHtmlEscaped())
            : tr("No keys yet. Create one with <b>New key…</b> (Ctrl+N), bring one in with "
                 "<b>Import…</b> (Ctrl+I), or create many at once on the <b>Provision "
                 "workers</b> tab (Ctrl+2)."));
    m_empty->setVisible(open && m_model->rowCount() == 0);
}

void KeysPage::newKey()
{
    if (!m_session)
        return;
    NewKeyDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    m_session->keyring()
        .newAccountAsync(name, dialog.exportable())
        .then(this, [this, name](keyring::KeyringResult<keyring::KeyRecord> result) {
            if (!result) {
                ErrorReporter::show(this, tr("Creating key %1 failed.").arg(name), result.error());
                return;
            }
            emit message(
                tr("Key %1 created: %2").arg(name, result->bech32(m_session ? m_session->hrp() : QString())));
            selectKey(name); // the new key is the one the operator looks for next
        });
}

void KeysPage::selectKey(const QString &uid)
{
    if (m_model->rowOf(uid) < 0)
        reload(); // the keyring's keysChanged may not have arrived yet
    const int row = m_model->rowOf(uid);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return; // filtered out
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void KeysPage::importKey()
{
    if (!m_session)
        return;
    ImportKeyDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    const bool mnemonic = dialog.mode() == ImportKeyDialog::Mode::Mnemonic;
    keyring::ImportOptions options;
    options.exportable = dialog.exportable();
    const QString hdPath = dialog.hdPath();
    QString secret = dialog.takeSecret();
    QString passphrase = dialog.takeBip39Passphrase();
    keyring::BaoKeyring *keyring = &m_session->keyring();
    // The worker wipes its copies once the keyring has them. On the keyring's
    // own pool: closing the profile waits for the import.
    keyring
        ->runAsync([keyring, name, mnemonic, options, hdPath, secret, passphrase]() mutable {
            auto result = mnemonic ? keyring->importMnemonic(name, secret, passphrase, hdPath, options)
                                   : keyring->importPrivateKey(name, secret, options);
            crypto::wipe(secret);
            crypto::wipe(passphrase);
            return result;
        })
        .then(this, [this, name](keyring::KeyringResult<keyring::KeyRecord> result) {
            if (!result) {
                ErrorReporter::show(this, tr("Importing %1 failed.").arg(name), result.error());
                return;
            }
            emit message(tr("Key %1 imported: %2")
                             .arg(name, result->bech32(m_session ? m_session->hrp() : QString())));
            selectKey(name);
        });
    crypto::wipe(secret);
    crypto::wipe(passphrase);
}

void KeysPage::copyAddress()
{
    QStringList addresses;
    QStringList withoutKey; // the server no longer holds the key of these addresses
    const auto rows = m_view->selectionModel()->selectedRows(KeyTableModel::AddressColumn);
    for (const QModelIndex &index : rows) {
        addresses << index.data().toString();
        const keyring::KeyRecord record = m_model->record(m_proxy->mapToSource(index).row());
        if (!record.heldByServer())
            withoutKey << record.uid;
    }
    if (addresses.isEmpty())
        return;
    Clipboard::instance()->setText(addresses.join(QLatin1Char('\n')));
    if (withoutKey.isEmpty())
        emit message(tr("Copied %n address(es)", nullptr, int(addresses.size())));
    else
        emit message(tr("Copied %n address(es). No key for %1: funds sent there are lost.", nullptr,
                        int(addresses.size()))
                         .arg(NameList::shortened(withoutKey, NamesInAMessage)));
}

void KeysPage::copyPublicKey()
{
    QStringList keys;
    const auto rows = m_view->selectionModel()->selectedRows(KeyTableModel::PublicKeyColumn);
    for (const QModelIndex &index : rows)
        keys << m_model->record(m_proxy->mapToSource(index).row()).publicKeyHex();
    if (keys.isEmpty())
        return;
    Clipboard::instance()->setText(keys.join(QLatin1Char('\n')));
    emit message(tr("Copied %n public key(s)", nullptr, int(keys.size())));
}

void KeysPage::showDetails()
{
    const QString uid = currentUid();
    if (!m_session || uid.isEmpty())
        return;
    const int row = m_model->rowOf(uid);
    if (row < 0)
        return;
    auto *dialog = new KeyDetailsDialog(m_model->record(row), m_session->hrp(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void KeysPage::signMessage()
{
    const QString uid = currentUid();
    if (!m_session || uid.isEmpty())
        return;
    auto *dialog = new SignMessageDialog(m_session->keyring(), uid, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void KeysPage::signTransaction()
{
    const QString uid = currentUid();
    if (!m_session || uid.isEmpty())
        return;
    auto *dialog = new SignTransactionDialog(m_session->keyring(), uid, m_session->hrp(),
                                             m_session->profile().chainNode, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

GrantFeesDialog *KeysPage::grantFees()
{
    const QStringList uids = selectedUids();
    if (!m_session || uids.isEmpty())
        return nullptr;
    auto *dialog = new GrantFeesDialog(*m_session, uids, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GrantFeesDialog::message, this, &KeysPage::message);
    dialog->open();
    return dialog;
}

AccessPolicyDialog *KeysPage::accessPolicies()
{
    if (!m_session)
        return nullptr;
    const Profile &profile = m_session->profile();
    auto *dialog = new AccessPolicyDialog(profile.mount, profile.ns, selectedUids(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void KeysPage::exportKey()
{
    const QString uid = currentUid();
    if (!m_session || uid.isEmpty())
        return;
    const int row = m_model->rowOf(uid);
    if (row >= 0 && !m_model->record(row).exportable) {
        ErrorReporter::show(
            this, tr("%1 cannot be exported.").arg(uid),
            bao::BaoError{
                bao::BaoErrorKind::NotExportable, tr("the key was created as not exportable"), 0, {}});
        return;
    }
    auto *dialog = new ExportKeyDialog(m_session->keyring(), uid, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void KeysPage::renameKey()
{
    const QString uid = currentUid();
    if (!m_session || uid.isEmpty())
        return;
    bool ok = false;
    const QString newUid =
        QInputDialog::getText(
            this, tr("Rename key"),
            tr("New name for %1 (only exportable keys can be renamed: the key is moved under the "
               "new name and checked before the old name is removed):")
                .arg(uid),
            QLineEdit::Normal, uid, &ok)
            .trimmed();
    if (!ok || newUid.isEmpty() || newUid == uid)
        return;
    changeStarted();
    const quint64 generation = m_sessionGeneration;
    m_session->keyring()
        .renameAsync(uid, newUid)
        .then(this, [this, uid, newUid, generation](keyring::KeyringResult<keyring::KeyRecord> result) {
            changeEnded(generation);
            if (!result)
                ErrorReporter::show(this, tr("Renaming %1 to %2 failed.").arg(uid, newUid), result.error());
            else
                emit message(tr("Renamed %1 to %2").arg(uid, newUid));
        });
}

void KeysPage::deleteKey()
{
    const QStringList uids = selectedUids();
    if (!m_session || uids.isEmpty())
        return;
    QList<keyring::KeyRecord> records;
    for (const QString &uid : uids) {
        if (const auto record = m_session->keyring().key(uid))
            records << *record;
    }
    if (records.isEmpty())
        return;
    DeleteKeyDialog dialog(records, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // One after another on the keyring's pool (BaoKeyring::removeEach); one
    // message at the end.
    keyring::BaoKeyring *keyring = &m_session->keyring();
    QStringList names;
    for (const auto &record : std::as_const(records))
        names << record.uid;
    changeStarted();
    const quint64 generation = m_sessionGeneration;
    keyring->runAsync([keyring, names] { return keyring->removeEach(names); })
        .then(this, [this, generation](const keyring::BaoKeyring::RemovalReport &report) {
            changeEnded(generation);
            if (!report.failures.isEmpty())
                reportFailedDeletions(report);
            QStringList anotherKeyLeft;
            for (const auto &[uid, removal] : report.removed) {
                if (removal == keyring::BaoKeyring::Removal::AnotherKeyOnServer)
                    anotherKeyLeft << uid;
            }
            const int deleted = int(report.removed.size() - anotherKeyLeft.size());
            const QString listOnly = NameList::shortened(anotherKeyLeft, NamesInAMessage);
            if (anotherKeyLeft.isEmpty()) {
                if (deleted > 0)
                    emit message(tr("Deleted %n key(s)", nullptr, deleted));
            } else if (deleted == 0) {
                emit message(
                    tr("Removed %1 from the list only: the server's key is another one").arg(listOnly));
            } else {
                emit message(
                    tr("Deleted %n key(s); removed %1 from the list only (another key on the server)",
                       nullptr, deleted)
                        .arg(listOnly));
            }
        });
}

void KeysPage::changeStarted()
{
    ++m_changesRunning;
    updateActions();
}

void KeysPage::changeEnded(quint64 generation)
{
    if (generation != m_sessionGeneration)
        return; // counted for a session that is closed: setSession started again from 0
    --m_changesRunning;
    updateActions();
}

// Every key that is still there is named, each with its own reason in the
// details: naming only the first would let the others pass for deleted.
void KeysPage::reportFailedDeletions(const keyring::BaoKeyring::RemovalReport &report)
{
    const auto &failures = report.failures;
    if (failures.size() == 1 && report.notTried.isEmpty()) {
        ErrorReporter::show(this, tr("Deleting %1 failed.").arg(failures.first().first),
                            failures.first().second);
        return;
    }
    QStringList names;
    QStringList details;
    for (const auto &[uid, error] : failures) {
        names << uid;
        details << uid + QStringLiteral(": ") + ErrorReporter::explain(error) + QLatin1Char('\n') +
                       ErrorReporter::detailOf(error);
    }
    for (const QString &uid : report.notTried) {
        names << uid;
        details << tr("%1: not tried.").arg(uid);
    }
    QMessageBox *box = ErrorReporter::show(
        this,
        tr("Deleting %n key(s) failed: %1. They are still in the list.", nullptr, int(names.size()))
            .arg(NameList::shortened(names, NamesInAMessage)),
        details.join(QStringLiteral("\n\n")));
    const bao::BaoError &last = failures.last().second;
    QString reason = ErrorReporter::explain(last);
    if (!report.notTried.isEmpty())
        reason += QLatin1Char(' ') +
                  tr("The other %n key(s) were not tried.", nullptr, int(report.notTried.size()));
    const bool oneReason = std::all_of(failures.begin(), failures.end(), [&last](const auto &failure) {
        return failure.second.kind == last.kind;
    });
    box->setInformativeText(oneReason ? reason
                                      : tr("Not all for the same reason: the details give each key's."));
}

void KeysPage::syncKeys()
{
    startSync(SyncMode::Asked);
}

void KeysPage::syncOnOpen()
{
    startSync(SyncMode::OnOpen);
}

void KeysPage::startSync(SyncMode mode)
{
    if (!m_session)
        return;
    m_sync->setEnabled(false);
    const QString running = tr("Syncing with the server…");
    emit message(running);
    emit syncStatus(running, {});
    const quint64 generation = m_sessionGeneration;
    m_session->keyring().syncAsync().then(this, [this, mode, generation](
                                                    keyring::KeyringResult<keyring::SyncReport> result) {
        if (generation != m_sessionGeneration)
            return; // the profile was closed or changed meanwhile
        m_sync->setEnabled(m_session != nullptr);
        if (!result) {
            const QString plain =
                tr("Syncing with the server failed: %1").arg(ErrorReporter::explain(result.error()));
            emit syncStatus(plain, ErrorReporter::detailOf(result.error()));
            if (mode == SyncMode::Asked)
                ErrorReporter::show(this, tr("Syncing with the server failed."), result.error());
            else
                emit message(plain);
            return;
        }
        reload();
        QString done = tr("Synced: %1 adopted, %2 recovered, %3 missing on the server")
                           .arg(result->adopted.size())
                           .arg(result->recovered.size())
                           .arg(result->missing.size());
        // Named, not counted: each is an address that must no longer be funded.
        if (const QStringList &reused = result->conflicts; !reused.isEmpty()) {
            const QString names = NameList::shortened(reused, NamesInAMessage);
            done += tr("; the server holds another key under %1 (struck out)").arg(names);
        }
        emit message(done);
        emit syncStatus(
            tr("Key list synced at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)),
            {});
    });
}

} // namespace baokeys::ui
