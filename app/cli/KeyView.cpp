#include "cli/KeyView.h"

#include "cli/CliText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <algorithm>

namespace baokeys::cli::KeyView {

QString cosmosPubKey(const keyring::KeyRecord &record)
{
    QJsonObject any{{QStringLiteral("@type"), QStringLiteral("/cosmos.crypto.secp256k1.PubKey")},
                    {QStringLiteral("key"), QString::fromLatin1(record.publicKey.toBase64())}};
    return QString::fromUtf8(QJsonDocument(any).toJson(QJsonDocument::Compact));
}

QJsonObject toJson(const keyring::KeyRecord &record, const QString &hrp)
{
    return QJsonObject{
        {QStringLiteral("name"), record.uid},
        {QStringLiteral("type"), QStringLiteral("bao")},
        {QStringLiteral("address"), record.bech32(hrp)},
        {QStringLiteral("address_hex"), record.addressHex()},
        {QStringLiteral("pubkey"), cosmosPubKey(record)},
        {QStringLiteral("public_key_hex"), record.publicKeyHex()},
        {QStringLiteral("exportable"), record.exportable},
        {QStringLiteral("source"), keyring::keySourceName(record.source)},
        {QStringLiteral("created_at"), record.createdAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("key_path"), record.keyPath},
        {QStringLiteral("missing_on_server"), record.missingOnServer},
        {QStringLiteral("replaced_on_server"), record.replacedOnServer},
    };
}

QString toText(const keyring::KeyRecord &record, const QString &hrp)
{
    const QList<std::pair<QString, QString>> rows{
        {tr("name"), record.uid},
        {tr("address"), record.bech32(hrp)},
        {tr("address_hex"), record.addressHex()},
        {tr("pubkey"), cosmosPubKey(record)},
        {tr("public_key_hex"), record.publicKeyHex()},
        {tr("exportable"), yesNo(record.exportable)},
        {tr("source"), keyring::keySourceName(record.source)},
        {tr("created_at"), record.createdAt.toUTC().toString(Qt::ISODate)},
        {tr("key_path"), record.keyPath},
    };
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    QString text;
    for (const auto &row : rows)
        text += QStringLiteral("%1  %2\n").arg(row.first + QLatin1Char(':'), -int(width + 1)).arg(row.second);
    if (record.missingOnServer)
        text += tr("warning: the server no longer has this key (see 'keys sync')\n");
    if (record.replacedOnServer)
        text += tr("warning: the server holds another key under this name: nothing can sign for this "
                   "address (see 'keys sync')\n");
    return text;
}

QString toTable(const QList<keyring::KeyRecord> &records, const QString &hrp)
{
    QList<QStringList> rows{{tr("NAME"), tr("ADDRESS"), tr("EXPORTABLE"), tr("SOURCE")}};
    for (const keyring::KeyRecord &record : records) {
        QString source = keyring::keySourceName(record.source);
        if (record.missingOnServer)
            source += tr(" (missing on server)");
        if (record.replacedOnServer)
            source += tr(" (another key on server)");
        rows << QStringList{record.uid, record.bech32(hrp), yesNo(record.exportable), source};
    }
    QList<qsizetype> widths(4, 0);
    for (const QStringList &row : rows) {
        for (int i = 0; i < 4; ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < 4; ++i)
            line += i == 3 ? row.at(i) : row.at(i).leftJustified(widths[i] + 2);
        text += line + QLatin1Char('\n');
    }
    return text;
}

} // namespace baokeys::cli::KeyView
