#include "ui/connection/ProfileDialog.h"

#include "core/crypto/SecureBytes.h"
#include "core/keyring/BaoKeyring.h"
#include "ui/common/SecretInput.h"
#include "ui/connection/ProfileStore.h"
#include "ui/connection/Session.h"
#include "ui/connection/TokenVault.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace baokeys::ui {

ProfileDialog::ProfileDialog(ProfileStore &store, TokenVault &vault, Session *active, QWidget *parent)
    : QDialog(parent), m_store(store), m_vault(vault), m_active(active)
{
    setWindowTitle(tr("Connections"));
    setObjectName(QStringLiteral("profileDialog"));
    resize(820, 560);

    auto *outer = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    left->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Ne&w"), this);
    add->setObjectName(QStringLiteral("newProfile"));
    auto *remove = new QPushButton(tr("De&lete"), this);
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    left->addLayout(listButtons);
    outer->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    form->addRow(tr("&Name:"), m_name);
    m_kind = new QComboBox(this);
    for (auto kind : {Profile::Kind::Remote, Profile::Kind::EmbeddedMemory, Profile::Kind::EmbeddedFolder})
        m_kind->addItem(Profile::kindLabel(kind), Profile::kindKey(kind));
    form->addRow(tr("&Kind:"), m_kind);
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("profileAddress"));
    m_address->setPlaceholderText(QStringLiteral("https://bao-1.example:8200, https://bao-2.example:8200"));
    m_address->setToolTip(tr("One address, or the nodes of a cluster separated by commas: requests go to "
                             "the active node."));
    form->addRow(tr("&Address:"), m_address);
    m_namespace = new QLineEdit(this);
    m_namespace->setObjectName(QStringLiteral("profileNamespace"));
    form->addRow(tr("Names&pace:"), m_namespace);
    m_mount = new QLineEdit(this);
    m_mount->setObjectName(QStringLiteral("profileMount"));
    form->addRow(tr("&Mount:"), m_mount);
    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit(this);
    auto *caBrowse = new QPushButton(tr("Browse…"), this);
    caRow->addWidget(m_caFile);
    caRow->addWidget(caBrowse);
    auto *caLabel = new QLabel(tr("&CA file:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    m_skipVerify = new QCheckBox(tr("Skip TLS verification (unsafe)"), this);
    form->addRow(QString(), m_skipVerify);
    m_hrp = new QLineEdit(this);
    form->addRow(tr("Bech32 &HRP:"), m_hrp);
    m_chainNode = new QLineEdit(this);
    m_chainNode->setObjectName(QStringLiteral("profileChainNode"));
    m_chainNode->setPlaceholderText(tr("optional, e.g. http://127.0.0.1:1317"));
    m_chainNode->setToolTip(tr("A Cosmos SDK REST endpoint: fills account numbers and sequences, "
                               "estimates gas, shows fee grants and broadcasts. Empty: sign offline."));
    form->addRow(tr("Chain node (REST):"), m_chainNode);
    auto *dirRow = new QHBoxLayout;
    m_dataDir = new QLineEdit(this);
    auto *dirBrowse = new QPushButton(tr("Browse…"), this);
    dirRow->addWidget(m_dataDir);
    dirRow->addWidget(dirBrowse);
    auto *dirLabel = new QLabel(tr("Data &folder:"), this);
    dirLabel->setBuddy(m_dataDir);
    form->addRow(dirLabel, dirRow);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("profileToken"));
    SecretInput::makeMasked(m_token);
    m_token->setPlaceholderText(tr("unchanged"));
    form->addRow(tr("&Token:"), m_token);
    // What happens to a typed token depends on the keychain: asked below.
    m_tokenNote = new QLabel(tr("Checking the system keychain…"), this);
    m_tokenNote->setObjectName(QStringLiteral("tokenNote"));
    m_tokenNote->setWordWrap(true);
    form->addRow(QString(), m_tokenNote);
    right->addLayout(form);

    auto *actions = new QHBoxLayout;
    auto *save = new QPushButton(tr("&Save"), this);
    save->setObjectName(QStringLiteral("saveProfile"));
    m_test = new QPushButton(tr("Test conn&ection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    actions->addWidget(save);
    actions->addWidget(m_test);
    actions->addStretch();
    right->addLayout(actions);
    m_result = new QTextBrowser(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    right->addWidget(m_result, 1);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    open->setObjectName(QStringLiteral("openProfile"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        keepTypedToken(); // Open uses it: never asked again
        if (saveProfile())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    right->addWidget(buttons);
    outer->addLayout(right, 2);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showProfile(m_list->item(row)->data(Qt::UserRole).toString());
    });
    connect(add, &QPushButton::clicked, this, &ProfileDialog::newProfile);
    connect(remove, &QPushButton::clicked, this, &ProfileDialog::deleteProfile);
    connect(save, &QPushButton::clicked, this, &ProfileDialog::saveProfile);
    connect(m_test, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateKindFields);
    connect(caBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA certificate"), QString(), tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    connect(dirBrowse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Signer data folder"));
        if (!dir.isEmpty())
            m_dataDir->setText(dir);
    });
    connect(&m_testWatcher, &QFutureWatcher<bao::ConnectionStatus>::finished, this, [this] {
        m_test->setEnabled(true);
        if (m_testWatcher.future().resultCount() > 0)
            m_result->setHtml(describeStatus(m_testWatcher.result()));
    });

    reload(m_active ? m_active->profile().id : m_store.activeId());
    checkKeychain();
}

ProfileDialog::~ProfileDialog()
{
    SecretInput::wipe(m_token);
    crypto::wipe(m_typedToken);
    m_testWatcher.waitForFinished();
}

void ProfileDialog::checkKeychain()
{
    // A read says whether there is a keychain at all; the note says the
    // truth rather than promise a safe place that does not exist.
    m_vault.read(m_currentId.isEmpty() ? QStringLiteral("probe") : m_currentId, this,
                 [this](KeychainAnswer answer) {
                     crypto::wipe(answer.secret);
                     switch (answer.status) {
                     case KeychainAnswer::Status::Ok:
                     case KeychainAnswer::Status::NotFound:
                         m_tokenNote->setText(tr("Saved in the system keychain, never in a settings file."));
                         return;
                     case KeychainAnswer::Status::Unavailable:
                     case KeychainAnswer::Status::Failed:
                         m_tokenNote->setText(tr("Not saved: there is no usable system keychain (%1). You "
                                                 "will be asked for the token each time the profile opens; "
                                                 "it is never written to a file.")
                                                  .arg(answer.reason));
                         return;
                     }
                 });
}

void ProfileDialog::keepTypedToken()
{
    if (m_token->text().isEmpty() || m_currentId.isEmpty())
        return;
    crypto::wipe(m_typedToken);
    m_typedToken = m_token->text();
    m_typedTokenId = m_currentId;
}

QString ProfileDialog::takeTypedToken()
{
    QString token;
    if (m_typedTokenId == m_currentId)
        token.swap(m_typedToken);
    crypto::wipe(m_typedToken);
    m_typedTokenId.clear();
    return token;
}

void ProfileDialog::reload(const QString &selectId)
{
    m_list->clear();
    int selectRow = 0;
    const auto profiles = m_store.all();
    for (const Profile &profile : profiles) {
        auto *item = new QListWidgetItem(profile.name, m_list);
        item->setData(Qt::UserRole, profile.id);
        item->setToolTip(Profile::kindLabel(profile.kind));
        if (profile.id == selectId)
            selectRow = m_list->count() - 1;
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(selectRow);
}

void ProfileDialog::showProfile(const QString &id)
{
    const auto profile = m_store.find(id);
    if (!profile)
        return;
    m_currentId = id;
    m_name->setText(profile->name);
    m_kind->setCurrentIndex(m_kind->findData(Profile::kindKey(profile->kind)));
    m_address->setText(profile->address);
    m_namespace->setText(profile->ns);
    m_mount->setText(profile->mount);
    m_caFile->setText(profile->caFile);
    m_hrp->setText(profile->hrp);
    m_chainNode->setText(profile->chainNode);
    m_skipVerify->setChecked(profile->tlsSkipVerify);
    m_dataDir->setText(profile->dataDir);
    SecretInput::wipe(m_token);
    m_result->clear();
    updateKindFields();
}

void ProfileDialog::updateKindFields()
{
    const auto kind = Profile::kindFromKey(m_kind->currentData().toString());
    const bool remote = kind == Profile::Kind::Remote;
    for (QWidget *field : {static_cast<QWidget *>(m_address), static_cast<QWidget *>(m_namespace),
                           static_cast<QWidget *>(m_caFile), static_cast<QWidget *>(m_skipVerify),
                           static_cast<QWidget *>(m_token)})
        field->setEnabled(remote);
    m_dataDir->setEnabled(kind == Profile::Kind::EmbeddedFolder);
}

Profile ProfileDialog::formProfile() const
{
    Profile profile;
    profile.id = m_currentId;
    profile.name = m_name->text().trimmed();
    profile.kind = Profile::kindFromKey(m_kind->currentData().toString());
    profile.address = m_address->text().trimmed();
    profile.ns = m_namespace->text().trimmed();
    profile.mount = m_mount->text().trimmed();
    profile.caFile = m_caFile->text().trimmed();
    profile.hrp = m_hrp->text().trimmed();
    profile.chainNode = m_chainNode->text().trimmed();
    profile.tlsSkipVerify = m_skipVerify->isChecked();
    profile.dataDir = m_dataDir->text().trimmed();
    return profile;
}

QString ProfileDialog::problemWith(const Profile &profile) const
{
    if (profile.kind == Profile::Kind::Remote) {
        for (const QString &address : profile.settings(QString()).addresses()) {
            switch (bao::BaoSettings::addressProblem(address)) {
            case bao::BaoSettings::AddressProblem::HoldsUserInfo:
                return tr("Not saved: the address holds a user name or password. OpenBao takes a token "
                          "(the Token field), and the address is shown in the status bar.");
            case bao::BaoSettings::AddressProblem::NotHttpUrl:
                return tr("Not saved: “%1” is not an http(s) address such as https://127.0.0.1:8200. "
                          "Separate the nodes of a cluster with commas.")
                    .arg(address);
            case bao::BaoSettings::AddressProblem::None:
                break;
            }
        }
        const QString ns = bao::BaoSettings::namespacePath(profile.ns);
        if (!ns.isEmpty() && !bao::BaoSettings::pathProblem(ns).isEmpty())
            return tr("Not saved: a namespace is made of letters, digits, “_”, “-” and “.”, with “/” "
                      "between the parts.");
    }
    const QString mount = bao::BaoSettings::mountPath(profile.mount);
    if (!mount.isEmpty() && !bao::BaoSettings::pathProblem(mount).isEmpty())
        return tr("Not saved: a mount path is made of letters, digits, “_”, “-” and “.”, with “/” between "
                  "the parts.");
    return {};
}

bool ProfileDialog::saveProfile()
{
    Profile profile = formProfile();
    if (const QString problem = problemWith(profile); !problem.isEmpty()) {
        m_result->setPlainText(problem);
        return false;
    }
    if (profile.name.isEmpty())
        profile.name = profile.address.isEmpty() ? Profile::kindLabel(profile.kind) : profile.address;
    m_store.save(&profile);
    m_currentId = profile.id;
    if (!m_token->text().isEmpty() && profile.kind == Profile::Kind::Remote) {
        keepTypedToken(); // with no keychain it lives here until Open
        QString token = m_token->text();
        SecretInput::wipe(m_token);
        // Open saves and closes at once: the answer may find the dialog gone,
        // and is then dropped (the token is written all the same).
        m_vault.write(profile.id, token, this, [this](KeychainAnswer answer) {
            if (answer.status != KeychainAnswer::Status::Ok)
                m_tokenNote->setText(
                    tr("No system keychain is available (%1): the token is not saved and will "
                       "be asked when the profile opens.")
                        .arg(answer.reason));
            else
                m_tokenNote->setText(tr("Token saved in the system keychain."));
        });
        crypto::wipe(token);
    }
    reload(profile.id);
    return true;
}

void ProfileDialog::newProfile()
{
    Profile profile;
    profile.name = tr("New profile");
    m_store.save(&profile);
    reload(profile.id);
}

void ProfileDialog::deleteProfile()
{
    if (m_currentId.isEmpty())
        return;
    if (m_active && m_active->profile().id == m_currentId) {
        QMessageBox::information(this, tr("Connections"), tr("The open profile cannot be deleted."));
        return;
    }
    m_vault.remove(m_currentId);
    m_store.remove(m_currentId);
    m_currentId.clear();
    reload({});
}

void ProfileDialog::testConnection()
{
    const Profile profile = formProfile();
    if (profile.isEmbedded()) {
        if (m_active && m_active->profile().id == profile.id) {
            m_test->setEnabled(false);
            m_testWatcher.setFuture(m_active->keyring().statusAsync());
        } else {
            m_result->setPlainText(
                tr("The embedded signer runs in this app: it starts when the profile is opened."));
        }
        return;
    }
    if (!m_token->text().isEmpty()) {
        keepTypedToken(); // tested: Open will not ask for it again
        QString token = m_token->text();
        runTest(profile, token);
        crypto::wipe(token);
        return;
    }
    m_test->setEnabled(false);
    m_result->setPlainText(tr("Reading the token from the system keychain…"));
    m_vault.read(profile.id, this, [this, profile](KeychainAnswer answer) {
        m_test->setEnabled(true);
        if (answer.status != KeychainAnswer::Status::Ok) {
            m_result->setPlainText(
                tr("No token to test with: enter it in the Token field (%1).").arg(answer.reason));
            return;
        }
        runTest(profile, answer.secret);
        crypto::wipe(answer.secret);
    });
}

void ProfileDialog::runTest(const Profile &profile, const QString &token)
{
    if (m_testWatcher.isRunning())
        return;
    m_testKeyring = std::make_unique<keyring::BaoKeyring>(profile.settings(token), QString());
    m_test->setEnabled(false);
    m_result->setPlainText(tr("Testing %1…").arg(profile.address));
    m_testWatcher.setFuture(m_testKeyring->statusAsync());
}

QString ProfileDialog::rootTokenWarning()
{
    return tr("This is a root token: it can do everything, export and delete keys included. Give each "
              "role its least-privilege token (Keys › Access policies…).");
}

QString ProfileDialog::describeStatus(const bao::ConnectionStatus &status)
{
    QStringList rows;
    auto row = [&rows](const QString &label, const QString &value) {
        rows << QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value.toHtmlEscaped());
    };
    row(tr("Address"), status.address);
    if (status.health) {
        const auto &health = *status.health;
        row(tr("Health"), tr("reachable (HTTP %1, %2 ms)").arg(health.httpStatus).arg(status.roundTripMs));
        row(tr("Version"), health.version.isEmpty() ? tr("not reported") : health.version);
        row(tr("Sealed"), health.sealed ? tr("yes") : tr("no"));
        row(tr("Standby"), health.standby || health.performanceStandby ? tr("yes") : tr("no"));
        if (!health.clusterName.isEmpty())
            row(tr("Cluster"), health.clusterName);
    } else {
        row(tr("Health"), tr("unreachable"));
    }
    if (status.token) {
        const auto &token = *status.token;
        row(tr("Policies"), token.policies.join(QStringLiteral(", ")));
        row(tr("Token TTL"), token.ttlSeconds == 0
                                 ? tr("never expires")
                                 : tr("%1 s (expires %2)")
                                       .arg(token.ttlSeconds)
                                       .arg(token.expireTime.toLocalTime().toString(Qt::ISODate)));
        row(tr("Renewable"), token.renewable ? tr("yes") : tr("no"));
        if (token.isRoot())
            row(tr("Warning"), rootTokenWarning());
    }
    if (status.error) {
        row(tr("Problem"), status.error->describe());
    } else {
        row(tr("Result"), tr("Connection works."));
    }
    return QStringLiteral("<table cellspacing=4>%1</table>").arg(rows.join(QString()));
}

} // namespace baokeys::ui
