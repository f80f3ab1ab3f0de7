#include "cli/SignCommands.h"

#include "cli/CliText.h"
#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "cli/InputReader.h"
#include "cli/KeysCommands.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Secp256k1.h"
#include "core/keyring/BaoKeyring.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace baokeys::cli {

namespace {

QList<QCommandLineOption> dataOptions()
{
    return {
        QCommandLineOption(QStringLiteral("data-hex"), tr("The message, in hex."), QStringLiteral("HEX")),
        QCommandLineOption(QStringLiteral("data-base64"), tr("The message, in base64."),
                           QStringLiteral("B64")),
        QCommandLineOption(QStringLiteral("data-file"), tr("Read the message from FILE ('-': stdin)."),
                           QStringLiteral("FILE")),
        QCommandLineOption(
            QStringLiteral("prehashed"),
            tr("The data is already the 32-byte SHA-256 digest (else it is hashed, as Cosmos does).")),
    };
}

} // namespace

void SignCommands::registerAll(CommandLine &commandLine)
{
    commandLine.addCommand(
        {{QStringLiteral("sign")},
         tr("Sign SHA-256(data) with a key on the server.\n"
            "RFC 6979, low-S, 64-byte r||s, printed in base64 (text output). The signature is\n"
            "verified here against the stored public key before it is printed."),
         {QStringLiteral("NAME")},
         dataOptions(),
         &SignCommands::sign});
    QList<QCommandLineOption> verifyOptions = dataOptions();
    verifyOptions.prepend(QCommandLineOption(QStringLiteral("signature"),
                                             tr("The signature: base64, or 128 hex digits (64-byte r||s)."),
                                             QStringLiteral("SIG")));
    commandLine.addCommand({{QStringLiteral("verify")},
                            tr("Verify a signature locally against the stored public key.\n"
                               "No server is needed. Exit code 1 when it does not verify."),
                            {QStringLiteral("NAME")},
                            verifyOptions,
                            &SignCommands::verify});
}

CliResult<QByteArray> SignCommands::readData(const Invocation &invocation)
{
    auto which = invocation.exactlyOne(
        {QStringLiteral("data-hex"), QStringLiteral("data-base64"), QStringLiteral("data-file")});
    if (!which)
        return cliError(which.error());
    const QString option = QStringLiteral("--") + *which;
    const QString value = invocation.value(*which);
    CliResult<QByteArray> data = *which == QLatin1String("data-hex") ? InputReader::decodeHex(option, value)
                                 : *which == QLatin1String("data-base64")
                                     ? InputReader::decodeBase64(option, value)
                                     : InputReader::readData(option, value);
    if (!data)
        return data;
    if (invocation.isSet(QStringLiteral("prehashed")) && data->size() != crypto::Secp256k1::DigestSize)
        return cliError(
            CliError::usage(tr("--prehashed data is the 32-byte digest, not %1 bytes").arg(data->size())));
    return data;
}

CliResult<QByteArray> SignCommands::decodeSignature(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == 2 * crypto::Secp256k1::CompactSignatureSize) {
        if (auto hex = crypto::Hex::decode(trimmed))
            return *hex;
    }
    auto decoded =
        QByteArray::fromBase64Encoding(trimmed.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != crypto::Secp256k1::CompactSignatureSize)
        return cliError(CliError::usage(tr("--signature: not a 64-byte r||s signature in base64 or hex")));
    return decoded.decoded;
}

CliResult<ExitCode> SignCommands::sign(CommandContext &context, const Invocation &invocation)
{
    auto named = KeysCommands::nameArgument(invocation);
    if (!named)
        return cliError(named.error());
    const QString name = *named;
    auto data = readData(invocation);
    if (!data)
        return cliError(data.error());
    auto keyring = context.serverKeyring();
    if (!keyring)
        return cliError(keyring.error());
    const bool prehashed = invocation.isSet(QStringLiteral("prehashed"));
    auto signature = (*keyring)->sign(name, *data, prehashed);
    if (!signature)
        return cliError(CliError::fromBao(signature.error()));
    const QString base64 = QString::fromLatin1(signature->signature.toBase64());
    if (context.json()) {
        Console::outJson(QJsonObject{
            {QStringLiteral("key"), name},
            {QStringLiteral("signature"), base64},
            {QStringLiteral("signature_hex"), crypto::Hex::encode(signature->signature)},
            {QStringLiteral("public_key_hex"), crypto::Hex::encode(signature->publicKey)},
            {QStringLiteral("digest_hex"), crypto::Hex::encode(signature->digest)},
            {QStringLiteral("prehashed"), prehashed},
        });
    } else {
        Console::outLine(base64);
    }
    return ExitCode::Success;
}

CliResult<ExitCode> SignCommands::verify(CommandContext &context, const Invocation &invocation)
{
    auto named = KeysCommands::nameArgument(invocation);
    if (!named)
        return cliError(named.error());
    const QString name = *named;
    if (!invocation.isSet(QStringLiteral("signature")))
        return cliError(CliError::usage(tr("verify needs --signature")));
    auto signature = decodeSignature(invocation.value(QStringLiteral("signature")));
    if (!signature)
        return cliError(signature.error());
    auto data = readData(invocation);
    if (!data)
        return cliError(data.error());
    auto record = context.storedKey(name, false);
    if (!record)
        return cliError(record.error());
    const bool prehashed = invocation.isSet(QStringLiteral("prehashed"));
    const QByteArray digest = prehashed ? *data : crypto::Hash::sha256(*data);
    const bool valid = crypto::Secp256k1::verifyDigest(record->publicKey, digest, *signature);
    if (context.json())
        Console::outJson(QJsonObject{{QStringLiteral("key"), name}, {QStringLiteral("valid"), valid}});
    else
        Console::outLine(valid ? tr("valid")
                               : tr("invalid: the signature does not verify against '%1'").arg(name));
    return valid ? ExitCode::Success : ExitCode::Failure;
}

} // namespace baokeys::cli
