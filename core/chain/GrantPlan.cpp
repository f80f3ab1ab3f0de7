#include "core/chain/GrantPlan.h"

#include <QJsonArray>

namespace baokeys::chain {

AllowanceSummary AllowanceSummary::of(const QJsonObject &allowance)
{
    AllowanceSummary summary;
    QJsonObject basic = allowance;
    if (allowance.contains(QLatin1String("allowed_messages"))) {
        for (const QJsonValue &message : allowance.value(QLatin1String("allowed_messages")).toArray())
            summary.allowedMessages << message.toString();
        basic = allowance.value(QLatin1String("allowance")).toObject();
    }
    for (const QJsonValue &coin : basic.value(QLatin1String("spend_limit")).toArray())
        summary.spendLimit << tx::Coin{coin.toObject().value(QLatin1String("denom")).toString(),
                                       coin.toObject().value(QLatin1String("amount")).toString()};
    const QString expiration = basic.value(QLatin1String("expiration")).toString();
    if (!expiration.isEmpty()) {
        const QDateTime when = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (when.isValid())
            summary.expiration = when.toUTC();
    }
    return summary;
}

ChainResult<GranteeState> GrantPlan::query(ChainClient &node, const QString &granter, const QString &grantee,
                                           const GranteeQuery &what)
{
    GranteeState state;
    state.address = grantee;
    auto grant = node.allowance(granter, grantee);
    if (!grant)
        return unexpected(grant.error());
    state.grant = *grant;
    if (what.account) {
        auto account = node.account(grantee);
        if (!account)
            return unexpected(account.error());
        state.accountKnown = true;
        state.accountExists = account->has_value();
    }
    if (what.balances) {
        auto balances = node.balances(grantee);
        if (!balances)
            return unexpected(balances.error());
        state.balances = *balances;
    }
    return state;
}

GrantPlan GrantPlan::make(const QStringList &grantees, const QHash<QString, GranteeState> &states, bool fund,
                          bool regrant)
{
    GrantPlan plan;
    for (const QString &grantee : grantees) {
        const auto state = states.constFind(grantee);
        if (state == states.cend()) {
            plan.grant << grantee;
            if (fund)
                plan.fund << grantee;
            continue;
        }
        if (state->grant && !regrant) {
            plan.skipped << grantee;
            continue;
        }
        if (state->grant)
            plan.revokeFirst << grantee;
        plan.grant << grantee;
        if (fund && !(state->accountKnown && state->accountExists))
            plan.fund << grantee;
    }
    return plan;
}

tx::TxResult<tx::TxBodyBuilder> GrantPlan::body(const QString &hrp, const QString &granter,
                                                const tx::FeeAllowance &allowance,
                                                const QList<tx::Coin> &funding, const QString &memo) const
{
    tx::TxBodyBuilder body(hrp);
    for (const QString &grantee : grant) {
        if (revokeFirst.contains(grantee)) {
            if (auto added = body.addRevokeAllowance(granter, grantee); !added)
                return unexpected(added.error());
        }
        if (auto added = body.addGrantAllowance(granter, grantee, allowance); !added)
            return unexpected(added.error());
    }
    for (const QString &grantee : fund) {
        if (auto added = body.addSend(granter, grantee, funding); !added)
            return unexpected(added.error());
    }
    body.setMemo(memo);
    return body;
}

} // namespace baokeys::chain
