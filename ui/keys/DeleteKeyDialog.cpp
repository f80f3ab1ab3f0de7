#include "ui/keys/DeleteKeyDialog.h"

#include "ui/common/NameList.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baokeys::ui {

namespace {
constexpr int NamesShown = 12;
} // namespace

DeleteKeyDialog::DeleteKeyDialog(const QList<keyring::KeyRecord> &records, QWidget *parent) : QDialog(parent)
{
    const int count = int(records.size());
    setWindowTitle(tr("Delete %n key(s)", nullptr, count));
    auto *layout = new QVBoxLayout(this);
    QStringList onServer;
    QStringList gone;
    QStringList replaced;
    for (const auto &record : records)
        (record.missingOnServer ? gone : record.replacedOnServer ? replaced : onServer) << record.uid;
    const auto names = [](const QStringList &uids) {
        QStringList bold;
        for (const QString &uid : uids)
            bold << QStringLiteral("<b>%1</b>").arg(uid.toHtmlEscaped());
        return NameList::shortened(bold, NamesShown);
    };
    QStringList paragraphs;
    if (!onServer.isEmpty())
        paragraphs
            << tr("Deleting %1 destroys %n private key(s) on the server. Funds held by the address(es) "
                  "can no longer be moved unless the key(s) were backed up.",
                  nullptr, int(onServer.size()))
                   .arg(names(onServer));
    if (!gone.isEmpty())
        paragraphs << tr("The server no longer has %1 (%n key(s)): deleting only removes it from this list; "
                         "nothing is destroyed on the server.",
                         nullptr, int(gone.size()))
                          .arg(names(gone));
    if (!replaced.isEmpty())
        paragraphs
            << tr("The server holds other keys under the names %1 (%n key(s)), found by sync: deleting "
                  "only removes them from this list; the server's keys are left untouched.",
                  nullptr, int(replaced.size()))
                   .arg(names(replaced));
    const QString expected = count == 1 ? records.first().uid : QString::number(count);
    paragraphs << (count == 1 ? tr("Type the key's name to confirm:")
                              : tr("Type the number of keys (%1) to confirm:").arg(count));
    m_text = new QLabel(paragraphs.join(QStringLiteral("<br><br>")), this);
    m_text->setObjectName(QStringLiteral("deleteText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("deleteConfirm"));
    m_confirm->setPlaceholderText(expected);
    layout->addWidget(m_confirm);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Delete"));
    ok->setEnabled(false);
    connect(m_confirm, &QLineEdit::textChanged, this,
            [ok, expected](const QString &text) { ok->setEnabled(text.trimmed() == expected); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString DeleteKeyDialog::text() const
{
    return m_text->text();
}

} // namespace baokeys::ui
