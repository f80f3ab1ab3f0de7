#include "ui/keys/AccessPolicyDialog.h"

#include "core/common/KeyName.h"
#include "ui/batch/BatchExport.h"
#include "ui/common/Clipboard.h"
#include "ui/common/ErrorReporter.h"
#include "ui/common/FieldErrors.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace baokeys::ui {

namespace {
// The worker set an operator provisions first (the Provision tab's default).
const QString DefaultPrefix = QStringLiteral("blob-worker");
} // namespace

AccessPolicyDialog::AccessPolicyDialog(QString mount, QString ns, QStringList selectedKeys, QWidget *parent)
    : QDialog(parent), m_mount(std::move(mount)), m_namespace(std::move(ns)),
      m_selected(std::move(selectedKeys))
{
    setObjectName(QStringLiteral("accessPolicyDialog"));
    setWindowTitle(tr("Access policies"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Give each token only what its job needs: the workers a sign-only token, the machine that "
           "provisions them a provisioning token. Write the policy on the server with "
           "<code>bao policy write</code>, then create tokens with it."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("policyRole"));
    m_role->addItem(tr("Sign only: the workers' token"), int(Role::Sign));
    m_role->addItem(tr("Provision: create, import and list keys"), int(Role::Provision));
    m_role->addItem(tr("Admin: everything, export and delete included"), int(Role::Admin));
    form->addRow(tr("&Role:"), m_role);

    // The prefix row is one field of the form, so its problem shows under
    // it the way every form's does (FieldErrors).
    m_prefixRow = new QWidget(this);
    m_prefixRow->setObjectName(QStringLiteral("policyPrefixRow"));
    auto *prefixRow = new QHBoxLayout(m_prefixRow);
    prefixRow->setContentsMargins(0, 0, 0, 0);
    m_byPrefix = new QRadioButton(tr("Keys &named"), m_prefixRow);
    m_byPrefix->setObjectName(QStringLiteral("policyByPrefix"));
    m_prefix = new QLineEdit(m_prefixRow);
    m_prefix->setObjectName(QStringLiteral("policyPrefix"));
    prefixRow->addWidget(m_byPrefix);
    prefixRow->addWidget(m_prefix, 1);
    prefixRow->addWidget(new QLabel(QStringLiteral("-*"), m_prefixRow));
    m_bySelection = new QRadioButton(this);
    m_bySelection->setObjectName(QStringLiteral("policyBySelection"));
    const int count = int(m_selected.size());
    m_bySelection->setText(count > 0 ? tr("The &selected keys (%Ln)", nullptr, count)
                                     : tr("The &selected keys (none selected)"));
    m_bySelection->setEnabled(count > 0);
    auto *scope = new QButtonGroup(this);
    scope->addButton(m_byPrefix);
    scope->addButton(m_bySelection);
    m_errors = new FieldErrors(this);
    m_errors->add(form, tr("Keys:"), tr("Prefix"), m_prefixRow);
    form->addRow(QString(), m_bySelection);
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("policyName"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Policy name:"), m_name);
    layout->addLayout(form);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("policyText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMinimumSize(560, 260);
    layout->addWidget(m_text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("C&opy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("policyCopy"));
    m_save = buttons->addButton(tr("Sa&ve…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("policySave"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &AccessPolicyDialog::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &AccessPolicyDialog::saveAs);
    layout->addWidget(buttons);

    // A worker set selected (blob-worker-1..4) most likely means the whole
    // set, now and after the next provisioning: its prefix is the scope.
    const QString shared = commonPrefix(m_selected);
    m_prefix->setText(shared.isEmpty() ? DefaultPrefix : shared);
    (shared.isEmpty() && count > 0 ? m_bySelection : m_byPrefix)->setChecked(true);

    connect(m_role, &QComboBox::currentIndexChanged, this, &AccessPolicyDialog::regenerate);
    connect(m_prefix, &QLineEdit::textChanged, this, [this] {
        m_byPrefix->setChecked(true);
        regenerate();
    });
    connect(scope, &QButtonGroup::buttonToggled, this, &AccessPolicyDialog::regenerate);
    regenerate();
}

void AccessPolicyDialog::setRole(Role role)
{
    m_role->setCurrentIndex(m_role->findData(int(role)));
}

void AccessPolicyDialog::setPrefix(const QString &prefix)
{
    m_prefix->setText(prefix);
    m_byPrefix->setChecked(true);
}

void AccessPolicyDialog::useSelectedKeys()
{
    if (m_bySelection->isEnabled())
        m_bySelection->setChecked(true);
}

QString AccessPolicyDialog::hcl() const
{
    const auto policy = currentPolicy(nullptr);
    return policy ? policy->hcl() : QString();
}

QString AccessPolicyDialog::policyName() const
{
    const auto policy = currentPolicy(nullptr);
    return policy ? policy->suggestedName() : QString();
}

std::optional<bao::AccessPolicy> AccessPolicyDialog::currentPolicy(QString *why) const
{
    bao::AccessPolicy policy(Role(m_role->currentData().toInt()), m_mount, m_namespace);
    if (m_bySelection->isChecked()) {
        for (const QString &name : m_selected)
            policy.addKey(name);
        return policy;
    }
    const QString prefix = m_prefix->text().trimmed();
    const QString problem = prefix.isEmpty()
                                ? tr("Enter the keys' name prefix, such as %1.").arg(DefaultPrefix)
                                : KeyName::whyInvalidPrefix(prefix);
    if (!problem.isEmpty()) {
        if (why)
            *why = problem;
        return std::nullopt;
    }
    policy.addPrefix(prefix);
    return policy;
}

void AccessPolicyDialog::regenerate()
{
    QString problem;
    const auto policy = currentPolicy(&problem);
    m_errors->clear();
    if (!policy)
        m_errors->set(m_prefixRow, problem);
    m_text->setPlainText(policy ? policy->hcl() : QString());
    m_name->setText(policy ? policy->suggestedName() : QString());
    m_copy->setEnabled(policy.has_value());
    m_copy->setText(tr("C&opy")); // "Copied" was said of the text before
    m_save->setEnabled(policy.has_value());
}

void AccessPolicyDialog::copyToClipboard()
{
    const QString text = hcl();
    if (text.isEmpty())
        return;
    // A policy names paths, not secrets: no clearing timeout.
    Clipboard::instance()->setText(text);
    m_copy->setText(tr("C&opied"));
}

void AccessPolicyDialog::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the policy"), policyName() + QStringLiteral(".hcl"), tr("OpenBao policy (*.hcl)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool AccessPolicyDialog::saveTo(const QString &path)
{
    const QString text = hcl();
    if (text.isEmpty())
        return false;
    if (auto written = BatchExport::writeFile(path, text.toUtf8()); !written) {
        ErrorReporter::show(this, tr("The policy could not be saved to %1.").arg(path), written.error());
        return false;
    }
    return true;
}

QString AccessPolicyDialog::commonPrefix(const QStringList &names)
{
    static const QRegularExpression numbered(QStringLiteral("^(.+)-\\d+$"));
    QString shared;
    for (const QString &name : names) {
        const auto match = numbered.match(name);
        if (!match.hasMatch())
            return {};
        if (!shared.isEmpty() && match.captured(1) != shared)
            return {};
        shared = match.captured(1);
    }
    return shared;
}

} // namespace baokeys::ui
