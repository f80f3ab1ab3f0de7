#include "ui/batch/BatchExport.h"

#include "core/common/WholeWrite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace baokeys::ui {

namespace {
// Key names and addresses never hold commas or quotes, but a CSV writer
// quotes what needs it rather than trusting that.
QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n'))
        bytes = '"' + bytes.replace("\"", "\"\"") + '"';
    return bytes;
}
} // namespace

QByteArray BatchExport::toCsv(const QList<Entry> &entries)
{
    QByteArray out = "name,address,public_key\n";
    for (const Entry &entry : entries)
        out += csvField(entry.name) + ',' + csvField(entry.address) + ',' + csvField(entry.publicKey) + '\n';
    return out;
}

QByteArray BatchExport::toJson(const QList<Entry> &entries, const QString &hrp)
{
    QJsonArray keys;
    for (const Entry &entry : entries) {
        keys.append(QJsonObject{{QStringLiteral("name"), entry.name},
                                {QStringLiteral("address"), entry.address},
                                {QStringLiteral("public_key"), entry.publicKey}});
    }
    const QJsonObject root{{QStringLiteral("hrp"), hrp}, {QStringLiteral("keys"), keys}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray BatchExport::grantsToCsv(const QList<GrantEntry> &entries)
{
    QByteArray out = "name,address,account,balance,granted,spend_limit,expiration,allowed_messages\n";
    for (const GrantEntry &entry : entries)
        out += csvField(entry.name) + ',' + csvField(entry.address) + ',' + csvField(entry.account) + ',' +
               csvField(entry.balance) + ',' + (entry.granted ? "yes" : "no") + ',' +
               csvField(entry.spendLimit) + ',' + csvField(entry.expiration) + ',' +
               csvField(entry.allowedMessages) + '\n';
    return out;
}

QByteArray BatchExport::grantsToJson(const QList<GrantEntry> &entries, const QString &granter)
{
    QJsonArray workers;
    for (const GrantEntry &entry : entries) {
        QJsonObject worker{{QStringLiteral("name"), entry.name},
                           {QStringLiteral("address"), entry.address},
                           {QStringLiteral("account"), entry.account},
                           {QStringLiteral("balance"), entry.balance},
                           {QStringLiteral("granted"), entry.granted}};
        if (entry.granted) {
            worker.insert(QStringLiteral("spend_limit"), entry.spendLimit);
            worker.insert(QStringLiteral("expiration"), entry.expiration);
            worker.insert(QStringLiteral("allowed_messages"),
                          QJsonArray::fromStringList(
                              entry.allowedMessages.split(QLatin1Char(' '), Qt::SkipEmptyParts)));
        }
        workers.append(worker);
    }
    const QJsonObject root{{QStringLiteral("granter"), granter}, {QStringLiteral("workers"), workers}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray BatchExport::addressList(const QStringList &addresses)
{
    QByteArray out;
    for (const QString &address : addresses)
        out += address.toUtf8() + '\n';
    return out;
}

QByteArray BatchExport::signaturesToCsv(const QList<SignatureEntry> &entries)
{
    QByteArray out = "name,signature,public_key,digest\n";
    for (const SignatureEntry &entry : entries)
        out += csvField(entry.name) + ',' + csvField(entry.signature) + ',' + csvField(entry.publicKey) +
               ',' + csvField(entry.digest) + '\n';
    return out;
}

QByteArray BatchExport::signaturesToJson(const QList<SignatureEntry> &entries)
{
    QJsonArray signatures;
    for (const SignatureEntry &entry : entries) {
        signatures.append(QJsonObject{{QStringLiteral("name"), entry.name},
                                      {QStringLiteral("signature"), entry.signature},
                                      {QStringLiteral("public_key"), entry.publicKey},
                                      {QStringLiteral("digest"), entry.digest}});
    }
    const QJsonObject root{{QStringLiteral("signatures"), signatures}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Expected<void, QString> BatchExport::writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return baokeys::unexpected(file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!baokeys::writeWhole(file, bytes))
        return baokeys::unexpected(file.errorString()); // QSaveFile's destructor removes the partial file
    if (!file.commit())
        return baokeys::unexpected(file.errorString());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace baokeys::ui
