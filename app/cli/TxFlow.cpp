#include "cli/TxFlow.h"

#include "cli/CliText.h"
#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "core/bao/BaoSettings.h"
#include "core/chain/ChainClient.h"
#include "core/chain/TxSubmitter.h"
#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"
#include "core/tx/TxBodyBuilder.h"

#include <QJsonArray>
#include <cmath>

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

QJsonObject responseJson(const chain::TxResponse &response)
{
    return QJsonObject{
        {QStringLiteral("height"), QString::number(response.height)},
        {QStringLiteral("code"), qint64(response.code)},
        {QStringLiteral("codespace"), response.codespace},
        {QStringLiteral("raw_log"), response.rawLog},
        {QStringLiteral("gas_wanted"), QString::number(response.gasWanted)},
        {QStringLiteral("gas_used"), QString::number(response.gasUsed)},
    };
}

} // namespace

QList<QCommandLineOption> TxFlow::options()
{
    return {
        QCommandLineOption(QStringLiteral("fee"), tr("The fee, e.g. 2000utia."), QStringLiteral("COINS")),
        QCommandLineOption(QStringLiteral("gas"),
                           tr("The gas limit (more than 0), or \"auto\" to simulate on --node."),
                           QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("gas-adjustment"),
                           tr("With --gas auto: multiplies the simulated gas (default: 1.3)."),
                           QStringLiteral("X"), QStringLiteral("1.3")),
        QCommandLineOption(QStringLiteral("chain-id"), tr("The chain id, e.g. mocha-4."),
                           QStringLiteral("ID")),
        QCommandLineOption(QStringLiteral("account-number"),
                           tr("The signer's account number on the chain (default with --node: asked)."),
                           QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("sequence"),
                           tr("The signer's sequence on the chain (default with --node: asked)."),
                           QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("memo"), tr("A memo (default: none)."), QStringLiteral("TEXT")),
        QCommandLineOption(QStringLiteral("fee-granter"), tr("The account whose fee grant pays the fee."),
                           QStringLiteral("ADDR")),
        QCommandLineOption(QStringLiteral("prefix"), tr("The chain's address prefix (default: celestia)."),
                           QStringLiteral("HRP"), QStringLiteral("celestia")),
        QCommandLineOption(QStringLiteral("node"),
                           tr("A Cosmos SDK REST endpoint, e.g. http://127.0.0.1:1317 "
                              "(default: BAOKEYS_NODE; none: offline)."),
                           QStringLiteral("URL")),
        QCommandLineOption(QStringLiteral("broadcast"),
                           tr("Broadcast on --node (sync) and wait until the transaction is in a block.")),
        QCommandLineOption(QStringLiteral("broadcast-timeout"),
                           tr("How long to wait for inclusion after --broadcast (default: 60s)."),
                           QStringLiteral("DURATION"), QStringLiteral("60s")),
    };
}

CliResult<TxFlags> TxFlow::read(const Invocation &invocation, const QString &command)
{
    TxFlags flags;
    flags.node = invocation.isSet(QStringLiteral("node")) ? invocation.value(QStringLiteral("node"))
                                                          : qEnvironmentVariable("BAOKEYS_NODE");
    flags.node = flags.node.trimmed();
    const bool online = !flags.node.isEmpty();
    QStringList required{QStringLiteral("fee"), QStringLiteral("gas"), QStringLiteral("chain-id")};
    if (!online)
        required << QStringLiteral("account-number") << QStringLiteral("sequence");
    for (const QString &name : required) {
        if (!invocation.isSet(name))
            return cliError(CliError::usage(
                online ? tr("%1 needs --%2").arg(command, name)
                       : tr("%1 needs --%2 (or --node to ask the chain)").arg(command, name)));
    }
    flags.prefix = invocation.value(QStringLiteral("prefix"));
    auto fee = tx::Coin::parseList(invocation.value(QStringLiteral("fee")));
    if (!fee)
        return cliError(fromTx(fee.error()));
    flags.fee = *fee;
    if (invocation.value(QStringLiteral("gas")) == QLatin1String("auto")) {
        if (!online)
            return cliError(CliError::usage(tr("--gas auto needs --node (or BAOKEYS_NODE) to simulate on")));
    } else {
        auto gas = readCount(invocation, QStringLiteral("gas"));
        if (!gas)
            return cliError(gas.error());
        flags.gas = *gas;
    }
    bool ok = false;
    flags.gasAdjustment = invocation.value(QStringLiteral("gas-adjustment")).toDouble(&ok);
    if (!ok || !std::isfinite(flags.gasAdjustment) || flags.gasAdjustment < 1.0 || flags.gasAdjustment > 10.0)
        return cliError(CliError::usage(tr("--gas-adjustment: \"%1\" is not a number from 1 to 10")
                                            .arg(invocation.value(QStringLiteral("gas-adjustment")))));
    flags.chainId = invocation.value(QStringLiteral("chain-id"));
    for (const QString &name : {QStringLiteral("account-number"), QStringLiteral("sequence")}) {
        if (!invocation.isSet(name))
            continue;
        auto value = readCount(invocation, name);
        if (!value)
            return cliError(value.error());
        (name == QLatin1String("sequence") ? flags.sequence : flags.accountNumber) = *value;
    }
    flags.memo = invocation.value(QStringLiteral("memo"));
    flags.feeGranter = invocation.value(QStringLiteral("fee-granter"));
    flags.broadcast = invocation.isSet(QStringLiteral("broadcast"));
    if (flags.broadcast && !online)
        return cliError(CliError::usage(tr("--broadcast needs --node (or BAOKEYS_NODE)")));
    const auto timeout =
        bao::BaoSettings::parseDuration(invocation.value(QStringLiteral("broadcast-timeout")));
    if (!timeout)
        return cliError(CliError::usage(tr("--broadcast-timeout: \"%1\" is not a duration such as 60s")
                                            .arg(invocation.value(QStringLiteral("broadcast-timeout")))));
    flags.waitTimeout = *timeout;
    if (online) {
        const QUrl url(flags.node);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return cliError(CliError::usage(
                tr("--node: \"%1\" is not an http(s) URL such as http://127.0.0.1:1317").arg(flags.node)));
    }
    return flags;
}

std::unique_ptr<chain::ChainClient> TxFlow::client(const TxFlags &flags, std::chrono::milliseconds timeout)
{
    if (flags.node.isEmpty())
        return nullptr;
    return std::make_unique<chain::ChainClient>(flags.node, timeout);
}

CliResult<ExitCode> TxFlow::signAndReport(CommandContext &context, const TxFlags &flags, const QString &key,
                                          const QString &from, const tx::TxBodyBuilder &body,
                                          const QJsonObject &extra)
{
    auto keyring = context.serverKeyring();
    if (!keyring)
        return cliError(keyring.error());
    const auto node = client(flags, context.config().settings.timeout);
    const chain::TxSubmitter submitter(**keyring, node.get());
    chain::SubmitOptions options;
    options.chainId = flags.chainId;
    options.fee = flags.fee;
    options.feeGranter = flags.feeGranter;
    options.gas = flags.gas;
    options.gasAdjustment = flags.gasAdjustment;
    options.accountNumber = flags.accountNumber;
    options.sequence = flags.sequence;
    options.waitTimeout = flags.waitTimeout;
    const auto failed = [&](const chain::SubmitError &error) {
        if (error.accountMissing)
            return CliError::failure(
                tr("account %1 not found on %2: it needs funds before it can sign (send it some, e.g. "
                   "with tx grant --fund)")
                    .arg(from, node->node()));
        return error.txError ? fromTx(*error.txError) : fromChain(*error.chainError);
    };

    auto prepared = submitter.prepare(key, from, body, options);
    if (!prepared)
        return cliError(failed(prepared.error()));
    const tx::SignerAccount &account = prepared->account;
    const tx::Fee &fee = prepared->fee;
    const std::optional<quint64> simulatedGas = prepared->simulatedGas;
    auto signedTx = submitter.sign(key, body, *prepared);
    if (!signedTx)
        return cliError(failed(signedTx.error()));

    std::optional<chain::TxResponse> included;
    if (flags.broadcast) {
        auto inBlock = submitter.broadcast(
            key, from, body, &*prepared, &*signedTx, options, [&](const chain::SubmitEvent &event) {
                if (event.kind == chain::SubmitEvent::Kind::SequenceRefused)
                    Console::errLine(tr("note: sequence %1 was refused (%2); asking %3 for the account "
                                        "again and signing once more")
                                         .arg(event.sequence)
                                         .arg(event.message, node->node()));
                else
                    Console::errLine(tr("broadcast %1; waiting for it to be in a block").arg(event.txHash));
            });
        // The transaction is signed; unless the chain said it refused it, it
        // may be on its way (a lost answer, no block in time): its hash lets
        // the operator look it up before anything is signed again, its TxRaw
        // send it elsewhere.
        const bool mayBeOnChain = !inBlock && inBlock.error().chainError &&
                                  inBlock.error().chainError->kind != chain::ChainErrorKind::Rejected;
        if (mayBeOnChain)
            Console::errLine(tr("note: the signed transaction is %1 (TxRaw %2); look it up on the chain "
                                "before signing again")
                                 .arg(signedTx->txHash, QString::fromLatin1(signedTx->txRaw.toBase64())));
        if (!inBlock)
            return cliError(failed(inBlock.error()));
        included = *inBlock;
    }

    const QString txRaw = QString::fromLatin1(signedTx->txRaw.toBase64());
    if (context.json()) {
        QJsonObject json{
            {QStringLiteral("key"), key},
            {QStringLiteral("from"), from},
            {QStringLiteral("chain_id"), account.chainId},
            {QStringLiteral("account_number"), QString::number(account.accountNumber)},
            {QStringLiteral("sequence"), QString::number(account.sequence)},
            {QStringLiteral("gas"), QString::number(fee.gasLimit)},
            {QStringLiteral("tx_raw"), txRaw},
            {QStringLiteral("txhash"), signedTx->txHash},
            {QStringLiteral("signature"), QString::fromLatin1(signedTx->signature.toBase64())},
            {QStringLiteral("sign_doc_hex"), crypto::Hex::encode(signedTx->signDocBytes)},
        };
        if (simulatedGas)
            json.insert(QStringLiteral("gas_simulated"), QString::number(*simulatedGas));
        if (included)
            json.insert(QStringLiteral("tx_response"), responseJson(*included));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            json.insert(it.key(), it.value());
        Console::outJson(json);
    } else {
        Console::outLine(txRaw);
        Console::outLine(signedTx->txHash);
        if (included)
            Console::errLine(tr("included at height %1").arg(included->height));
    }
    return ExitCode::Success;
}

CliError TxFlow::fromTx(const tx::TxError &error)
{
    if (error.keyringError)
        return CliError::fromBao(*error.keyringError);
    if (error.kind == tx::TxErrorKind::EncodingFailed)
        return CliError::failure(error.describe());
    return CliError::usage(error.describe());
}

CliError TxFlow::fromChain(const chain::ChainError &error)
{
    switch (error.kind) {
    case chain::ChainErrorKind::InvalidNode:
        return CliError::usage(error.describe());
    case chain::ChainErrorKind::Rejected:
        if (error.isSequenceMismatch())
            return CliError::failure(tr("account sequence mismatch (code 32): %1; run the command again, or "
                                        "leave out --sequence to ask the chain")
                                         .arg(error.message));
        return CliError::failure(error.describe());
    case chain::ChainErrorKind::Unreachable:
    case chain::ChainErrorKind::HttpStatus:
    case chain::ChainErrorKind::BadAnswer:
    case chain::ChainErrorKind::NotIncluded:
        return CliError{ExitCode::Unavailable, error.describe()};
    }
    return CliError::failure(error.describe());
}

} // namespace baokeys::cli
