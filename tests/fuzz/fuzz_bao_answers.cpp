// BaoClient's reading of server answers: every public call gets the same
// fuzzed answer (first line: the HTTP status, the rest: the body) from an
// in-memory transport. A result is either a value that passed the client's
// checks (sizes, point encoding, address, key ownership) or a typed error
// that is not a transport failure. Only a call that changes state (create,
// import, delete) may read an answer as "outcome unknown", and only a 2xx it
// cannot read or a 5xx that does not say the request was refused unseen.
#include "FuzzSupport.h"

#include "core/bao/BaoClient.h"
#include "core/crypto/CosmosAddress.h"
#include "core/crypto/Secp256k1.h"

using namespace baokeys;
using namespace baokeys::bao;

namespace {

class AnswerTransport : public HttpTransport {
public:
    AnswerTransport(int status, QByteArray body) : m_status(status), m_body(std::move(body)) {}
    HttpAnswer exchange(HttpCall &, CancelToken *) override
    {
        HttpAnswer answer;
        answer.status = m_status;
        answer.body = m_body;
        answer.location = QStringLiteral("https://active.example:8200");
        answer.retryAfterSeconds = 0; // a 429 or 503 is tried again at once, not after a sleep
        return answer;
    }

private:
    int m_status;
    QByteArray m_body;
};

enum class Call { Reads, ChangesState };

bool mayLeaveOutcomeUnknown(Call call, int status)
{
    if (call != Call::ChangesState)
        return false;
    const bool success = status >= 200 && status <= 299;
    const bool serverFailure = status >= 500 && status != 501 && status != 503;
    return success || serverFailure;
}

void checkError(const BaoError &error, int status, Call call)
{
    fuzz::require(error.kind != BaoErrorKind::Transport && error.kind != BaoErrorKind::Timeout &&
                      error.kind != BaoErrorKind::Cancelled,
                  "an answer never reads as a transport failure");
    fuzz::require(error.kind != BaoErrorKind::OutcomeUnknown || mayLeaveOutcomeUnknown(call, status),
                  "only a state change whose answer is unreadable or a server failure is outcome unknown");
    fuzz::require(error.httpStatus == 0 || error.httpStatus == status, "an error names the answer's status");
    fuzz::require(!error.describe().isEmpty(), "an error can be described");
}

template <typename T> bool ok(const BaoResult<T> &result, int status, Call call = Call::Reads)
{
    if (!result)
        checkError(result.error(), status, call);
    return result.hasValue();
}

void checkKey(const KeyInfo &info, const QString &name)
{
    fuzz::require(info.name == name, "a key answer is about the key asked for");
    fuzz::require(info.publicKey.size() == crypto::Secp256k1::CompressedPublicKeySize,
                  "a public key is 33 bytes");
    fuzz::require(crypto::Secp256k1::parsePublicKey(info.publicKey).hasValue(), "a public key is a point");
    fuzz::require(info.address == crypto::CosmosAddress::fromPublicKey(info.publicKey),
                  "an address is its public key's");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    bool isNumber = false;
    const int status = input.left(newline < 0 ? input.size() : newline).trimmed().toInt(&isNumber);
    if (!isNumber || status < 100 || status > 599)
        return 0; // a transport only hands over real status codes
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);

    BaoClient client(BaoSettings{}, std::make_unique<AnswerTransport>(status, body));
    const QString name = QStringLiteral("k");

    const auto health = client.health();
    if (ok(health, status))
        fuzz::require(health->httpStatus == status, "health keeps the status code");
    (void)ok(client.lookupSelf(), status);
    const auto created = client.createKey(name, true);
    if (ok(created, status, Call::ChangesState))
        checkKey(*created, name);
    const auto read = client.readKey(name);
    if (ok(read, status))
        checkKey(*read, name);
    const auto listing = client.listKeys();
    if (ok(listing, status)) {
        for (const KeyInfo &info : listing->info) {
            fuzz::require(listing->names.contains(info.name), "listed key_info is for a listed name");
            checkKey(info, info.name);
        }
    }
    const auto names = client.listKeyNames();
    if (ok(names, status) && listing)
        fuzz::require(*names == listing->names, "listKeyNames and listKeys agree");
    (void)ok(client.deleteKey(name), status, Call::ChangesState);
    const crypto::SecureBytes one(
        QByteArrayView("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 32));
    const auto imported = client.importKey(name, one, false);
    if (ok(imported, status, Call::ChangesState))
        checkKey(*imported, name);
    const auto exported = client.exportKey(name);
    if (ok(exported, status)) {
        checkKey(exported->info, name);
        const auto derived = crypto::Secp256k1::derivePublicKey(exported->privateKey);
        fuzz::require(derived.hasValue() && *derived == exported->info.publicKey,
                      "an exported private key belongs to its public key");
    }
    const auto signature = client.sign(name, QByteArrayView("message"));
    if (ok(signature, status)) {
        fuzz::require(signature->signature.size() == crypto::Secp256k1::CompactSignatureSize,
                      "a signature is 64 bytes");
        fuzz::require(signature->publicKey.size() == crypto::Secp256k1::CompressedPublicKeySize,
                      "a signer's key is 33 bytes");
    }
    (void)client.status();
    return 0;
}
