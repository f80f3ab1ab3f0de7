#include "core/chain/TxSubmitter.h"

#include "core/keyring/BaoKeyring.h"
#include "core/tx/TxSigner.h"

#include <cmath>

namespace baokeys::chain {

namespace {

Unexpected<SubmitError> fromTx(tx::TxError error)
{
    return {SubmitError{std::move(error), std::nullopt, false}};
}

Unexpected<SubmitError> fromChain(ChainError error)
{
    return {SubmitError{std::nullopt, std::move(error), false}};
}

Unexpected<SubmitError> noNode(const QString &what)
{
    return fromChain(ChainError{ChainErrorKind::InvalidNode, what, 0, 0, {}, std::nullopt});
}

} // namespace

QString SubmitError::describe() const
{
    if (txError)
        return txError->describe();
    if (chainError)
        return chainError->describe();
    if (accountMissing)
        return QStringLiteral("the account is not on the chain yet: it needs funds before it can sign");
    return QStringLiteral("unknown failure");
}

TxSubmitter::TxSubmitter(keyring::BaoKeyring &keyring, ChainClient *node) : m_keyring(keyring), m_node(node)
{}

SubmitResult<AccountInfo> TxSubmitter::askAccount(const QString &from) const
{
    auto info = m_node->account(from);
    if (!info)
        return fromChain(info.error());
    if (!*info)
        return Unexpected<SubmitError>{SubmitError{std::nullopt, std::nullopt, true}};
    return **info;
}

SubmitResult<PreparedTx> TxSubmitter::prepare(const QString &key, const QString &from,
                                              const tx::TxBodyBuilder &body,
                                              const SubmitOptions &options) const
{
    PreparedTx prepared;
    prepared.account = {options.chainId, options.accountNumber.value_or(0), options.sequence.value_or(0)};
    if (!m_node && (!options.accountNumber || !options.sequence || !options.gas))
        return noNode(QStringLiteral("no node to ask for the account number, sequence or gas"));
    if (!options.accountNumber || !options.sequence) {
        auto info = askAccount(from);
        if (!info)
            return Unexpected<SubmitError>{info.error()};
        prepared.account.accountNumber = options.accountNumber.value_or(info->accountNumber);
        prepared.account.sequence = options.sequence.value_or(info->sequence);
        prepared.sequenceAsked = !options.sequence;
    }
    prepared.fee = tx::Fee{options.fee, options.gas.value_or(0), options.feeGranter};
    if (!options.gas) {
        tx::Fee placeholder = prepared.fee;
        placeholder.gasLimit = 1; // simulation runs on an infinite gas meter
        auto simulation =
            tx::TxSigner(m_keyring).simulationTx(key, body, placeholder, prepared.account.sequence);
        if (!simulation)
            return fromTx(simulation.error());
        auto gasUsed = m_node->simulate(*simulation);
        if (!gasUsed)
            return fromChain(gasUsed.error());
        prepared.simulatedGas = *gasUsed;
        prepared.fee.gasLimit = quint64(std::ceil(double(*gasUsed) * options.gasAdjustment));
    }
    return prepared;
}

SubmitResult<tx::SignedTx> TxSubmitter::sign(const QString &key, const tx::TxBodyBuilder &body,
                                             const PreparedTx &prepared) const
{
    auto signedTx = tx::TxSigner(m_keyring).sign(key, body, prepared.fee, prepared.account);
    if (!signedTx)
        return fromTx(signedTx.error());
    return *signedTx;
}

SubmitResult<TxResponse> TxSubmitter::broadcast(const QString &key, const QString &from,
                                                const tx::TxBodyBuilder &body, PreparedTx *prepared,
                                                tx::SignedTx *signedTx, const SubmitOptions &options,
                                                const Events &events) const
{
    if (!m_node)
        return noNode(QStringLiteral("no node to broadcast to"));
    auto sent = m_node->broadcast(signedTx->txRaw);
    if (!sent && sent.error().isSequenceMismatch() && prepared->sequenceAsked) {
        // Another client used the account since we asked: ask again, once.
        if (events)
            events(
                {SubmitEvent::Kind::SequenceRefused, prepared->account.sequence, sent.error().message, {}});
        auto info = askAccount(from);
        if (!info)
            return Unexpected<SubmitError>{info.error()};
        prepared->account.sequence = info->sequence;
        auto again = sign(key, body, *prepared);
        if (!again)
            return Unexpected<SubmitError>{again.error()};
        *signedTx = *again;
        sent = m_node->broadcast(signedTx->txRaw);
    }
    if (!sent)
        return fromChain(sent.error());
    if (events)
        events({SubmitEvent::Kind::Broadcast, prepared->account.sequence, {}, signedTx->txHash});
    auto inBlock = m_node->waitForTx(signedTx->txHash, options.waitTimeout, options.pollInterval);
    if (!inBlock)
        return fromChain(inBlock.error());
    return *inBlock;
}

} // namespace baokeys::chain
