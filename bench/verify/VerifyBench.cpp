// The cost of the local check alone, for the client-CPU target of
// bench/peers/run.sh: what baokeys-cli would spend per signature if
// verifying it were all it did. The same work as CheckedSigner's check
// (low-S, then libsecp256k1's verification with a key parsed beforehand,
// as VerifyingKeys keeps it), over N signatures of N digests by K keys,
// timed on this thread's CPU clock (not wall time, which the shared cores
// would stretch).
//
// Usage: baokeys-bench-verify [N] [K]; prints "verify_us <CPU us per signature>".
#include "core/crypto/Hash.h"
#include "core/crypto/Secp256k1.h"

#include <QByteArray>
#include <QList>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

namespace Hash = baokeys::crypto::Hash;
using baokeys::crypto::Secp256k1;
using baokeys::crypto::SecureBytes;
using baokeys::crypto::VerifyingKey;

namespace {

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

struct Signed {
    int key;
    QByteArray digest;
    QByteArray signature;
};

} // namespace

int main(int argc, char **argv)
{
    const int n = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5000;
    const int keys = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;

    QList<VerifyingKey> verifyingKeys;
    std::vector<SecureBytes> privateKeys; // not copyable
    for (int k = 0; k < keys; ++k) {
        QByteArray seed = Hash::sha256(QByteArray("bench verify key ") + QByteArray::number(k));
        SecureBytes privateKey = SecureBytes::takeFrom(seed);
        auto publicKey = Secp256k1::derivePublicKey(privateKey);
        auto parsed = Secp256k1::verifyingKey(publicKey ? *publicKey : QByteArray());
        if (!publicKey || !parsed) {
            std::fprintf(stderr, "key %d: cannot derive\n", k);
            return 1;
        }
        verifyingKeys << *parsed;
        privateKeys.push_back(std::move(privateKey));
    }
    QList<Signed> items;
    items.reserve(n);
    for (int i = 0; i < n; ++i) {
        const int key = i % keys;
        const QByteArray digest = Hash::sha256(QByteArray("message ") + QByteArray::number(i));
        auto signature = Secp256k1::signDigest(privateKeys.at(std::size_t(key)), digest);
        if (!signature) {
            std::fprintf(stderr, "cannot sign item %d\n", i);
            return 1;
        }
        items << Signed{key, digest, *signature};
    }

    int verified = 0;
    const double start = threadCpuSeconds();
    for (const Signed &item : std::as_const(items))
        verified += Secp256k1::isLowS(item.signature) &&
                    Secp256k1::verifyDigest(verifyingKeys.at(item.key), item.digest, item.signature);
    const double spent = threadCpuSeconds() - start;
    if (verified != n) {
        std::fprintf(stderr, "only %d of %d signatures verified\n", verified, n);
        return 1;
    }
    std::printf("verify_us %.2f\n", spent * 1e6 / n);
    return 0;
}
