#include "core/tx/Coin.h"

#include <QRegularExpression>
#include <algorithm>

namespace baokeys::tx {

namespace {

// The SDK's denom pattern, with the amount in front as one integer. Anchored
// at both ends of the text: a "$" would also match before a final newline, and
// "100utia\n" would pass for a coin.
const QRegularExpression &coinPattern()
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral("(0|[1-9][0-9]{0,76})([a-zA-Z][a-zA-Z0-9/:._-]{2,127})")));
    return pattern;
}

} // namespace

TxResult<Coin> Coin::parse(QStringView text)
{
    const QRegularExpressionMatch match = coinPattern().match(text.toString());
    if (!match.hasMatch())
        return txError(TxErrorKind::InvalidCoin,
                       QStringLiteral("\"%1\" is not an amount like 1000000utia (an integer, then a denom)")
                           .arg(text.toString()));
    // The SDK's Coins.Validate refuses a coin that is not positive, in a
    // send, a fee or a spend limit alike: the chain would reject the transaction.
    if (match.captured(1) == QLatin1String("0"))
        return txError(TxErrorKind::InvalidCoin,
                       QStringLiteral("\"%1\": the amount must be above 0 (the chain refuses a zero coin)")
                           .arg(text.toString()));
    return Coin{match.captured(2), match.captured(1)};
}

bool Coin::isValid() const
{
    const auto reparsed = parse(toString());
    return reparsed && *reparsed == *this;
}

TxResult<QList<Coin>> Coin::parseList(QStringView text)
{
    QList<Coin> coins;
    for (const QStringView part : text.split(QLatin1Char(','))) {
        auto coin = parse(part.trimmed());
        if (!coin)
            return unexpected(coin.error());
        coins.append(std::move(coin).value());
    }
    std::sort(coins.begin(), coins.end(), [](const Coin &a, const Coin &b) { return a.denom < b.denom; });
    for (qsizetype i = 1; i < coins.size(); ++i) {
        if (coins[i].denom == coins[i - 1].denom)
            return txError(TxErrorKind::InvalidCoin,
                           QStringLiteral("denom %1 appears twice").arg(coins[i].denom));
    }
    return coins;
}

} // namespace baokeys::tx
