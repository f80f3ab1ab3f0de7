#include "ui/keys/KeyDetailsDialog.h"

#include "ui/common/Clipboard.h"
#include "ui/common/QrCode.h"
#include "ui/keys/KeyTableModel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace baokeys::ui {

KeyDetailsDialog::KeyDetailsDialog(const keyring::KeyRecord &record, const QString &hrp, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Key %1").arg(record.uid));
    setObjectName(QStringLiteral("keyDetails"));
    auto *layout = new QHBoxLayout(this);
    const QString address = record.bech32(hrp);
    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("qrCode"));
    m_qr->setPixmap(QPixmap::fromImage(QrCode::encode(address, 5)));
    m_qr->setToolTip(address);
    layout->addWidget(m_qr, 0, Qt::AlignTop);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    auto selectable = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    form->addRow(tr("Name:"), selectable(record.uid));
    form->addRow(tr("Address:"), selectable(address));
    form->addRow(tr("Hex address:"), selectable(QStringLiteral("0x") + record.addressHex()));
    form->addRow(tr("Public key:"), selectable(record.publicKeyHex()));
    form->addRow(tr("Exportable:"), selectable(record.exportable ? tr("yes") : tr("no")));
    form->addRow(tr("Source:"), selectable(KeyTableModel::sourceLabel(record.source)));
    form->addRow(tr("Created:"),
                 selectable(QLocale().toString(record.createdAt.toLocalTime(), QLocale::LongFormat)));
    form->addRow(tr("Path on server:"), selectable(record.keyPath));
    if (record.missingOnServer)
        form->addRow(tr("Warning:"), selectable(tr("the server no longer has this key")));
    if (record.replacedOnServer)
        form->addRow(tr("Warning:"), selectable(tr("the server holds another key under this name: nothing "
                                                   "can sign for this address")));
    right->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyAddress = buttons->addButton(tr("Copy &address"), QDialogButtonBox::ActionRole);
    QPushButton *copyKey = buttons->addButton(tr("Copy &public key"), QDialogButtonBox::ActionRole);
    // Every copy says so: the dialog covers the status bar.
    auto *copied = new QLabel(this);
    copied->setObjectName(QStringLiteral("copyFeedback"));
    connect(copyAddress, &QPushButton::clicked, this, [address, copied] {
        Clipboard::instance()->setText(address);
        copied->setText(tr("Address copied."));
    });
    const QString publicKey = record.publicKeyHex();
    connect(copyKey, &QPushButton::clicked, this, [publicKey, copied] {
        Clipboard::instance()->setText(publicKey);
        copied->setText(tr("Public key copied."));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    right->addStretch();
    right->addWidget(copied);
    right->addWidget(buttons);
    layout->addLayout(right, 1);
}

} // namespace baokeys::ui
