#include "cli/TxCommands.h"

#include "cli/CliText.h"
#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "cli/KeysCommands.h"
#include "cli/TxFlow.h"
#include "core/chain/ChainClient.h"
#include "core/chain/GrantPlan.h"
#include "core/common/KeyName.h"
#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"
#include "core/tx/AccountAddress.h"
#include "core/tx/Coin.h"
#include "core/tx/TxBodyBuilder.h"
#include "core/tx/TxSigner.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace baokeys::cli {

namespace {

// An unknown key is a mistake on the command line here (exit 2), as the
// issue's rules for grants say; other store troubles keep their code.
CliResult<keyring::KeyRecord> knownKey(CommandContext &context, const QString &name, bool forServer)
{
    if (auto valid = KeysCommands::checkName(name); !valid)
        return cliError(valid.error());
    auto record = context.storedKey(name, forServer);
    if (!record && record.error().code == ExitCode::Failure &&
        record.error().message.contains(QLatin1String("not found"), Qt::CaseInsensitive))
        return cliError(CliError::failure(tr("unknown key \"%1\": %2").arg(name, record.error().message)));
    return record;
}

// The granter's key and address for `tx grant` / `tx revoke`.
struct Granter {
    QString key;
    QString address;
};

CliResult<Granter> granterOf(CommandContext &context, const Invocation &invocation, const TxFlags &flags,
                             const QString &command)
{
    if (!invocation.isSet(QStringLiteral("from")))
        return cliError(CliError::usage(tr("%1 needs --from (the granter's key)").arg(command)));
    const QString name = invocation.value(QStringLiteral("from"));
    auto record = knownKey(context, name, true);
    if (!record)
        return cliError(record.error());
    const QString address = record->bech32(flags.prefix);
    if (address.isEmpty())
        return cliError(CliError::usage(tr("--prefix: \"%1\" is not an address prefix").arg(flags.prefix)));
    return Granter{name, address};
}

// One grantee: its address and, for the --grantee-prefix form, its key.
struct Grantee {
    QString address;
    QString key;
};

// The grantees of `tx grant` / `tx revoke`: repeatable --grantee ADDR, or
// --grantee-prefix PREFIX --count N for keys PREFIX-1..N of the store. Every
// address is checked for the chain's prefix; the granter itself and a
// grantee named twice are refused.
enum class GranteesFor {
    Grant,  // keys the server no longer holds are refused: nothing could use the allowance or coins
    Revoke, // any stored key: taking a grant back from a key that is gone is a clean-up
};
CliResult<QList<Grantee>> granteesOf(CommandContext &context, const Invocation &invocation,
                                     const TxFlags &flags, const Granter &granter, const QString &command,
                                     GranteesFor use)
{
    const auto form = invocation.exactlyOne({QStringLiteral("grantee"), QStringLiteral("grantee-prefix")});
    if (!form)
        return cliError(form.error());
    QList<Grantee> grantees;
    if (*form == QLatin1String("grantee")) {
        if (invocation.isSet(QStringLiteral("count")))
            return cliError(CliError::usage(tr("%1: --count goes with --grantee-prefix").arg(command)));
        for (const QString &address : invocation.values(QStringLiteral("grantee"))) {
            auto checked = tx::AccountAddress::check(address, flags.prefix, QStringLiteral("grantee"));
            if (!checked)
                return cliError(TxFlow::fromTx(checked.error()));
            grantees.append({*checked, QString()});
        }
    } else {
        if (!invocation.isSet(QStringLiteral("count")))
            return cliError(CliError::usage(tr("%1: --grantee-prefix needs --count N").arg(command)));
        bool ok = false;
        const QString countText = invocation.value(QStringLiteral("count"));
        const int count = countText.toInt(&ok);
        if (!ok || count < 1 || count > 10000 || countText.startsWith(QLatin1Char('+')))
            return cliError(CliError::usage(
                tr("--count: \"%1\" is not a number of keys from 1 to 10000").arg(countText)));
        const QString prefix = invocation.value(QStringLiteral("grantee-prefix"));
        for (int i = 1; i <= count; ++i) {
            const QString name = KeyName::numbered(prefix, i);
            auto record = knownKey(context, name, false);
            if (!record)
                return cliError(record.error());
            if (use == GranteesFor::Grant && !record->heldByServer())
                return cliError(CliError::failure(
                    tr("%1: grantee key \"%2\" %3 (found by 'keys sync'), so nothing can use an allowance or "
                       "coins sent to its address; leave it out (name the others with --grantee ADDR)")
                        .arg(command, name,
                             record->missingOnServer ? tr("is no longer on the server")
                                                     : tr("is no longer the server's key under that name"))));
            grantees.append({record->bech32(flags.prefix), name});
        }
    }
    QSet<QString> seen;
    for (const Grantee &grantee : grantees) {
        if (grantee.address == granter.address)
            return cliError(CliError::usage(tr("%1: grantee %2 is the granter (key \"%3\") itself")
                                                .arg(command, grantee.address, granter.key)));
        if (seen.contains(grantee.address))
            return cliError(
                CliError::usage(tr("%1: grantee %2 is named twice").arg(command, grantee.address)));
        seen.insert(grantee.address);
    }
    return grantees;
}

QList<QCommandLineOption> granteeOptions()
{
    return {
        QCommandLineOption(QStringLiteral("from"), tr("The granter's key name."), QStringLiteral("KEY")),
        QCommandLineOption(QStringLiteral("grantee"), tr("A grantee's bech32 address (repeatable)."),
                           QStringLiteral("ADDR")),
        QCommandLineOption(QStringLiteral("grantee-prefix"),
                           tr("Grantees are the keys PREFIX-1..N of the store (with --count)."),
                           QStringLiteral("PREFIX")),
        QCommandLineOption(QStringLiteral("count"), tr("How many PREFIX-i keys (with --grantee-prefix)."),
                           QStringLiteral("N")),
    };
}

QJsonArray addressesOf(const QList<Grantee> &grantees)
{
    QJsonArray addresses;
    for (const Grantee &grantee : grantees)
        addresses.append(grantee.address);
    return addresses;
}

// An RFC 3339 instant with its offset ("2027-01-01T00:00:00Z",
// "...+02:00"), in the future.
CliResult<QDateTime> readExpiration(const QString &text)
{
    static const QRegularExpression rfc3339(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!rfc3339.match(text).hasMatch())
        return cliError(CliError::usage(
            tr("--expiration: \"%1\" is not an RFC 3339 time such as 2027-01-01T00:00:00Z").arg(text)));
    QString iso = text.toUpper();
    iso[10] = QLatin1Char('T');
    // Qt reads at most milliseconds: drop finer digits (an allowance expires
    // on the second anyway).
    iso.replace(QRegularExpression(QStringLiteral("(\\.\\d{3})\\d+")), QStringLiteral("\\1"));
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!when.isValid())
        return cliError(CliError::usage(tr("--expiration: \"%1\" is not a valid time").arg(text)));
    if (when <= QDateTime::currentDateTimeUtc())
        return cliError(CliError::usage(
            tr("--expiration: %1 is in the past; an allowance must expire in the future").arg(text)));
    return when.toUTC();
}

} // namespace

void TxCommands::registerAll(CommandLine &commandLine)
{
    commandLine.addCommand(
        {{QStringLiteral("tx"), QStringLiteral("send")},
         tr("Sign a Cosmos bank send (MsgSend) in SIGN_MODE_DIRECT with a key on the server.\n"
            "Prints the signed TxRaw in base64 and its hash; with --node --broadcast, also sends it."),
         {},
         QList<QCommandLineOption>{
             QCommandLineOption(QStringLiteral("from"), tr("The signing key's name."), QStringLiteral("KEY")),
             QCommandLineOption(QStringLiteral("to"), tr("The recipient's bech32 address."),
                                QStringLiteral("ADDR")),
             QCommandLineOption(QStringLiteral("amount"),
                                tr("What to send, e.g. 1000utia (comma-separated coins)."),
                                QStringLiteral("COINS")),
         } + TxFlow::options(),
         &TxCommands::send});
    commandLine.addCommand(
        {{QStringLiteral("tx"), QStringLiteral("grant")},
         tr("Sign one transaction with a fee allowance (MsgGrantAllowance) from the granter to each\n"
            "grantee, so the grantees' fees are paid by the granter (x/feegrant). With --node, grantees\n"
            "that already have a grant are skipped (unless --regrant)."),
         {},
         granteeOptions() +
             QList<QCommandLineOption>{
                 QCommandLineOption(QStringLiteral("spend-limit"),
                                    tr("The most the allowance pays in all, e.g. 5000000utia (default: no "
                                       "limit)."),
                                    QStringLiteral("COINS")),
                 QCommandLineOption(QStringLiteral("expiration"),
                                    tr("When the allowance ends, RFC 3339, e.g. 2027-01-01T00:00:00Z "
                                       "(default: never)."),
                                    QStringLiteral("TIME")),
                 QCommandLineOption(QStringLiteral("allowed-message"),
                                    tr("Pay only for this message type (repeatable), e.g. "
                                       "/celestia.blob.v1.MsgPayForBlobs."),
                                    QStringLiteral("TYPE_URL")),
                 QCommandLineOption(QStringLiteral("fund"),
                                    tr("Also send COINS from the granter to each grantee in the same "
                                       "transaction, so its account exists (with --node: only to grantees "
                                       "without an account)."),
                                    QStringLiteral("COINS")),
                 QCommandLineOption(QStringLiteral("regrant"),
                                    tr("With --node: replace the grant of grantees that already have one "
                                       "(revoke and grant in the same transaction).")),
             } +
             TxFlow::options(),
         &TxCommands::grant,
         {QStringLiteral("grantee"), QStringLiteral("allowed-message")}});
    commandLine.addCommand({{QStringLiteral("tx"), QStringLiteral("revoke")},
                            tr("Sign one transaction revoking the granter's fee allowance "
                               "(MsgRevokeAllowance) of each\n"
                               "grantee, to retire or rotate workers. With --node, grantees without a grant "
                               "are skipped."),
                            {},
                            granteeOptions() + TxFlow::options(),
                            &TxCommands::revoke,
                            {QStringLiteral("grantee")}});
}

CliResult<ExitCode> TxCommands::send(CommandContext &context, const Invocation &invocation)
{
    for (const char *required : {"from", "to", "amount"}) {
        if (!invocation.isSet(QLatin1String(required)))
            return cliError(CliError::usage(tr("tx send needs --%1").arg(QLatin1String(required))));
    }
    auto flags = TxFlow::read(invocation, QStringLiteral("tx send"));
    if (!flags)
        return cliError(flags.error());
    const QString name = invocation.value(QStringLiteral("from"));
    if (auto valid = KeysCommands::checkName(name); !valid)
        return cliError(valid.error());
    auto amount = tx::Coin::parseList(invocation.value(QStringLiteral("amount")));
    if (!amount)
        return cliError(TxFlow::fromTx(amount.error()));

    auto record = context.storedKey(name, true);
    if (!record)
        return cliError(record.error());
    const QString from = record->bech32(flags->prefix);
    if (from.isEmpty())
        return cliError(CliError::usage(tr("--prefix: \"%1\" is not an address prefix").arg(flags->prefix)));

    tx::TxBodyBuilder body(flags->prefix);
    if (auto added = body.addSend(from, invocation.value(QStringLiteral("to")), *amount); !added)
        return cliError(TxFlow::fromTx(added.error()));
    body.setMemo(flags->memo);
    return TxFlow::signAndReport(context, *flags, name, from, body);
}

CliResult<ExitCode> TxCommands::grant(CommandContext &context, const Invocation &invocation)
{
    const QString command = QStringLiteral("tx grant");
    auto flags = TxFlow::read(invocation, command);
    if (!flags)
        return cliError(flags.error());
    tx::FeeAllowance allowance;
    if (invocation.isSet(QStringLiteral("spend-limit"))) {
        auto limit = tx::Coin::parseList(invocation.value(QStringLiteral("spend-limit")));
        if (!limit)
            return cliError(TxFlow::fromTx(limit.error()));
        allowance.basic.spendLimit = *limit;
    }
    if (invocation.isSet(QStringLiteral("expiration"))) {
        auto expiration = readExpiration(invocation.value(QStringLiteral("expiration")));
        if (!expiration)
            return cliError(expiration.error());
        allowance.basic.expiration = *expiration;
    }
    allowance.allowedMessages = invocation.values(QStringLiteral("allowed-message"));
    std::optional<QList<tx::Coin>> fund;
    if (invocation.isSet(QStringLiteral("fund"))) {
        auto coins = tx::Coin::parseList(invocation.value(QStringLiteral("fund")));
        if (!coins)
            return cliError(TxFlow::fromTx(coins.error()));
        fund = *coins;
    }
    if (invocation.isSet(QStringLiteral("regrant")) && flags->node.isEmpty())
        return cliError(CliError::usage(tr("--regrant needs --node: offline, every grantee is granted")));
    auto granter = granterOf(context, invocation, *flags, command);
    if (!granter)
        return cliError(granter.error());
    auto grantees = granteesOf(context, invocation, *flags, *granter, command, GranteesFor::Grant);
    if (!grantees)
        return cliError(grantees.error());

    // With a node: who already has a grant, and who has no account yet.
    const bool regrant = invocation.isSet(QStringLiteral("regrant"));
    QStringList addresses;
    QHash<QString, QString> keyOf;
    for (const Grantee &grantee : *grantees) {
        addresses << grantee.address;
        keyOf.insert(grantee.address, grantee.key);
    }
    QHash<QString, chain::GranteeState> states;
    if (const auto node = TxFlow::client(*flags, context.config().settings.timeout)) {
        for (const Grantee &grantee : *grantees) {
            // The account only matters for funding; a skipped grantee is not funded either.
            auto state = chain::GrantPlan::query(*node, granter->address, grantee.address,
                                                 chain::GranteeQuery{fund.has_value(), false});
            if (!state)
                return cliError(TxFlow::fromChain(state.error()));
            states.insert(grantee.address, *state);
        }
    }
    const chain::GrantPlan plan = chain::GrantPlan::make(addresses, states, fund.has_value(), regrant);
    QJsonArray skipped;
    for (const QString &address : plan.skipped) {
        const QString key = keyOf.value(address);
        Console::errLine(tr("skipped %1%2: it already has a grant from %3 (--regrant grants again)")
                             .arg(address, key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key),
                                  granter->address));
        skipped.append(address);
    }
    if (plan.grant.isEmpty()) {
        Console::errLine(tr("nothing to sign: every grantee already has a grant"));
        if (context.json())
            Console::outJson(
                QJsonObject{{QStringLiteral("granted"), QJsonArray()}, {QStringLiteral("skipped"), skipped}});
        return ExitCode::Success;
    }

    auto body =
        plan.body(flags->prefix, granter->address, allowance, fund.value_or(QList<tx::Coin>()), flags->memo);
    if (!body)
        return cliError(TxFlow::fromTx(body.error()));
    QJsonObject extra{{QStringLiteral("granted"), QJsonArray::fromStringList(plan.grant)}};
    if (fund)
        extra.insert(QStringLiteral("funded"), QJsonArray::fromStringList(plan.fund));
    if (!flags->node.isEmpty())
        extra.insert(QStringLiteral("skipped"), skipped);
    return TxFlow::signAndReport(context, *flags, granter->key, granter->address, *body, extra);
}

CliResult<ExitCode> TxCommands::revoke(CommandContext &context, const Invocation &invocation)
{
    const QString command = QStringLiteral("tx revoke");
    auto flags = TxFlow::read(invocation, command);
    if (!flags)
        return cliError(flags.error());
    auto granter = granterOf(context, invocation, *flags, command);
    if (!granter)
        return cliError(granter.error());
    auto grantees = granteesOf(context, invocation, *flags, *granter, command, GranteesFor::Revoke);
    if (!grantees)
        return cliError(grantees.error());

    // With a node: a revoke of a grant that does not exist fails the whole
    // transaction on chain, so leave those grantees out.
    QList<Grantee> toRevoke = *grantees;
    QJsonArray skipped;
    if (const auto node = TxFlow::client(*flags, context.config().settings.timeout)) {
        toRevoke.clear();
        for (const Grantee &grantee : *grantees) {
            auto existing = node->allowance(granter->address, grantee.address);
            if (!existing)
                return cliError(TxFlow::fromChain(existing.error()));
            if (!*existing) {
                Console::errLine(
                    tr("skipped %1: it has no grant from %2").arg(grantee.address, granter->address));
                skipped.append(grantee.address);
                continue;
            }
            toRevoke.append(grantee);
        }
        if (toRevoke.isEmpty()) {
            Console::errLine(tr("nothing to sign: no grantee has a grant"));
            if (context.json())
                Console::outJson(QJsonObject{{QStringLiteral("revoked"), QJsonArray()},
                                             {QStringLiteral("skipped"), skipped}});
            return ExitCode::Success;
        }
    }
    tx::TxBodyBuilder body(flags->prefix);
    for (const Grantee &grantee : toRevoke) {
        if (auto added = body.addRevokeAllowance(granter->address, grantee.address); !added)
            return cliError(TxFlow::fromTx(added.error()));
    }
    body.setMemo(flags->memo);
    QJsonObject extra{{QStringLiteral("revoked"), addressesOf(toRevoke)}};
    if (!flags->node.isEmpty())
        extra.insert(QStringLiteral("skipped"), skipped);
    return TxFlow::signAndReport(context, *flags, granter->key, granter->address, body, extra);
}

} // namespace baokeys::cli
