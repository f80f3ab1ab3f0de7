#pragma once

#include "core/chain/ChainClient.h"
#include "core/tx/TxBodyBuilder.h"
#include "core/tx/TxTypes.h"

#include <QHash>
#include <QStringList>
#include <optional>

namespace baokeys::chain {

// One grantee as the chain sees it, from a granter's side.
struct GranteeState {
    QString address;
    bool accountKnown = false;               // asked (with GranteeQuery::account)
    bool accountExists = false;              // has an x/auth account
    std::optional<QList<tx::Coin>> balances; // asked (with GranteeQuery::balances)
    std::optional<FeeGrant> grant;           // the granter's grant to it, if any
};

// A grant's allowance as the node reports it (BasicAllowance, or one wrapped
// in AllowedMsgAllowance): what is left of its spend limit (empty: no
// limit), when it ends, and which messages it pays for (empty: any).
struct AllowanceSummary {
    QList<tx::Coin> spendLimit;
    std::optional<QDateTime> expiration;
    QStringList allowedMessages;

    static AllowanceSummary of(const QJsonObject &allowance);
};

// What to ask of the node about each grantee (the grant is always asked).
struct GranteeQuery {
    bool account = true;
    bool balances = true;
};

// Which grantees one fee-grant transaction grants, funds and skips, and the
// body that does it: per grantee granted, a MsgRevokeAllowance first when a
// grant is replaced (the SDK refuses a second grant), then its
// MsgGrantAllowance; after them, a MsgSend of the funding to each grantee to
// fund. Shared by `baokeys-cli tx grant` and the desktop app's "Grant fees".
//
// Thread-safety: a value type; query() blocks on the client's thread.
struct GrantPlan {
    QStringList grant;       // in the order given
    QStringList revokeFirst; // of `grant`: their grant is replaced
    QStringList fund;        // sent `funding` in the same transaction
    QStringList skipped;     // already granted, left alone

    // The on-chain state of `grantee` (its account, balances, grant from `granter`).
    static ChainResult<GranteeState> query(ChainClient &node, const QString &granter, const QString &grantee,
                                           const GranteeQuery &what = {});

    // Offline (`states` empty of a grantee): every grantee is granted, and
    // funded when `fund`. With its state: a grantee with a grant is skipped
    // (or, with `regrant`, revoked and granted again), and only grantees
    // without an account are funded.
    static GrantPlan make(const QStringList &grantees, const QHash<QString, GranteeState> &states, bool fund,
                          bool regrant);

    tx::TxResult<tx::TxBodyBuilder> body(const QString &hrp, const QString &granter,
                                         const tx::FeeAllowance &allowance, const QList<tx::Coin> &funding,
                                         const QString &memo = {}) const;
};

} // namespace baokeys::chain
