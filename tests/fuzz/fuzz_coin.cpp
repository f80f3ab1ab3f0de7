// Coin parsing in core/tx ("100utia", "1000utia,5uatom"): a parsed coin is
// exactly the text it came from; a list is sorted by denom, without repeats.
#include "FuzzSupport.h"

#include "core/tx/Coin.h"

using namespace baokeys;
using namespace baokeys::tx;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = fuzz::utf8(data, size);
    const auto coin = Coin::parse(text);
    if (coin) {
        fuzz::require(coin->toString() == text, "a parsed coin prints as the text it came from");
        fuzz::require(coin->isValid(), "a parsed coin is valid");
    } else {
        fuzz::require(coin.error().kind == TxErrorKind::InvalidCoin, "a refusal is InvalidCoin");
    }

    const auto list = Coin::parseList(text);
    if (list) {
        fuzz::require(!list->isEmpty(), "a list holds a coin");
        for (qsizetype i = 0; i < list->size(); ++i) {
            fuzz::require(list->at(i).isValid(), "each coin of a list is valid");
            fuzz::require(i == 0 || list->at(i - 1).denom < list->at(i).denom, "sorted by denom, no repeats");
        }
    } else {
        fuzz::require(list.error().kind == TxErrorKind::InvalidCoin, "a refusal is InvalidCoin");
    }
    return 0;
}
