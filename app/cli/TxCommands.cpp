#include "cli/TxCommands.h"

#include "cli/CliText.h"
#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "cli/KeysCommands.h"
#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"
#include "core/tx/Coin.h"
#include "core/tx/TxBodyBuilder.h"
#include "core/tx/TxSigner.h"

#include <QJsonObject>

namespace baokeys::cli {

namespace {

// A non-negative integer option (a gas limit of 0 is refused later, typed).
CliResult<quint64> readCount(const Invocation &invocation, const QString &name)
{
    bool ok = false;
    const QString text = invocation.value(name).trimmed();
    const quint64 value = text.toULongLong(&ok);
    if (!ok || text.startsWith(QLatin1Char('+')))
        return cliError(CliError::usage(tr("--%1: \"%2\" is not a non-negative integer").arg(name, text)));
    return value;
}

} // namespace

void TxCommands::registerAll(CommandLine &commandLine)
{
    commandLine.addCommand(
        {{QStringLiteral("tx"), QStringLiteral("send")},
         tr("Sign a Cosmos bank send (MsgSend) in SIGN_MODE_DIRECT with a key on the server.\n"
            "Prints the signed TxRaw in base64 and its hash; nothing is broadcast."),
         {},
         {
             QCommandLineOption(QStringLiteral("from"), tr("The signing key's name."), QStringLiteral("KEY")),
             QCommandLineOption(QStringLiteral("to"), tr("The recipient's bech32 address."),
                                QStringLiteral("ADDR")),
             QCommandLineOption(QStringLiteral("amount"),
                                tr("What to send, e.g. 1000utia (comma-separated coins)."),
                                QStringLiteral("COINS")),
             QCommandLineOption(QStringLiteral("fee"), tr("The fee, e.g. 2000utia."),
                                QStringLiteral("COINS")),
             QCommandLineOption(QStringLiteral("gas"), tr("The gas limit (more than 0)."),
                                QStringLiteral("N")),
             QCommandLineOption(QStringLiteral("chain-id"), tr("The chain id, e.g. mocha-4."),
                                QStringLiteral("ID")),
             QCommandLineOption(QStringLiteral("account-number"),
                                tr("The signer's account number on the chain."), QStringLiteral("N")),
             QCommandLineOption(QStringLiteral("sequence"), tr("The signer's sequence on the chain."),
                                QStringLiteral("N")),
             QCommandLineOption(QStringLiteral("memo"), tr("A memo (default: none)."),
                                QStringLiteral("TEXT")),
             QCommandLineOption(QStringLiteral("fee-granter"),
                                tr("The account whose fee grant pays the fee."), QStringLiteral("ADDR")),
             QCommandLineOption(QStringLiteral("prefix"),
                                tr("The chain's address prefix (default: celestia)."), QStringLiteral("HRP"),
                                QStringLiteral("celestia")),
         },
         &TxCommands::send});
}

CliError TxCommands::fromTx(const tx::TxError &error)
{
    if (error.keyringError)
        return CliError::fromBao(*error.keyringError);
    if (error.kind == tx::TxErrorKind::EncodingFailed)
        return CliError::failure(error.describe());
    return CliError::usage(error.describe());
}

CliResult<ExitCode> TxCommands::send(CommandContext &context, const Invocation &invocation)
{
    for (const char *required :
         {"from", "to", "amount", "fee", "gas", "chain-id", "account-number", "sequence"}) {
        if (!invocation.isSet(QLatin1String(required)))
            return cliError(CliError::usage(tr("tx send needs --%1").arg(QLatin1String(required))));
    }
    const QString name = invocation.value(QStringLiteral("from"));
    if (auto valid = KeysCommands::checkName(name); !valid)
        return cliError(valid.error());
    auto amount = tx::Coin::parseList(invocation.value(QStringLiteral("amount")));
    if (!amount)
        return cliError(fromTx(amount.error()));
    auto feeAmount = tx::Coin::parseList(invocation.value(QStringLiteral("fee")));
    if (!feeAmount)
        return cliError(fromTx(feeAmount.error()));
    auto gas = readCount(invocation, QStringLiteral("gas"));
    if (!gas)
        return cliError(gas.error());
    auto accountNumber = readCount(invocation, QStringLiteral("account-number"));
    if (!accountNumber)
        return cliError(accountNumber.error());
    auto sequence = readCount(invocation, QStringLiteral("sequence"));
    if (!sequence)
        return cliError(sequence.error());

    auto record = context.storedKey(name, true);
    if (!record)
        return cliError(record.error());
    const QString prefix = invocation.value(QStringLiteral("prefix"));
    const QString from = record->bech32(prefix);
    if (from.isEmpty())
        return cliError(CliError::usage(tr("--prefix: \"%1\" is not an address prefix").arg(prefix)));

    tx::TxBodyBuilder body(prefix);
    if (auto added = body.addSend(from, invocation.value(QStringLiteral("to")), *amount); !added)
        return cliError(fromTx(added.error()));
    body.setMemo(invocation.value(QStringLiteral("memo")));
    const tx::Fee fee{*feeAmount, *gas, invocation.value(QStringLiteral("fee-granter"))};
    const tx::SignerAccount account{invocation.value(QStringLiteral("chain-id")), *accountNumber, *sequence};

    auto keyring = context.serverKeyring();
    if (!keyring)
        return cliError(keyring.error());
    auto signedTx = tx::TxSigner(**keyring).sign(name, body, fee, account);
    if (!signedTx)
        return cliError(fromTx(signedTx.error()));

    const QString txRaw = QString::fromLatin1(signedTx->txRaw.toBase64());
    if (context.json()) {
        Console::outJson(QJsonObject{
            {QStringLiteral("key"), name},
            {QStringLiteral("from"), from},
            {QStringLiteral("chain_id"), account.chainId},
            {QStringLiteral("account_number"), QString::number(account.accountNumber)},
            {QStringLiteral("sequence"), QString::number(account.sequence)},
            {QStringLiteral("tx_raw"), txRaw},
            {QStringLiteral("txhash"), signedTx->txHash},
            {QStringLiteral("signature"), QString::fromLatin1(signedTx->signature.toBase64())},
            {QStringLiteral("sign_doc_hex"), crypto::Hex::encode(signedTx->signDocBytes)},
        });
    } else {
        Console::outLine(txRaw);
        Console::outLine(signedTx->txHash);
    }
    return ExitCode::Success;
}

} // namespace baokeys::cli
