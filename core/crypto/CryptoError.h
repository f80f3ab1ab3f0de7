#pragma once

#include "core/common/Expected.h"

#include <QString>

namespace baokeys::crypto {

// Why a crypto operation refused its input. Callers branch on the kind; the
// message is for people and never contains secret material.
enum class CryptoErrorKind {
    InvalidPrivateKey,    // zero, >= curve order, or not 32 bytes
    InvalidPublicKey,     // not a valid 33/65-byte point
    InvalidSignature,     // malformed compact or DER signature
    InvalidDigest,        // not 32 bytes
    InvalidHex,           // odd length or non-hex characters
    InvalidEntropy,       // BIP-39 entropy not 16..32 bytes in steps of 4
    UnknownMnemonicWord,  // a word outside the English BIP-39 list
    BadMnemonicChecksum,  // words valid, checksum bits wrong
    BadMnemonicWordCount, // not 12, 15, 18, 21 or 24 words
    Bech32BadChecksum,
    Bech32MixedCase,
    Bech32InvalidCharacter,
    Bech32TooLong,    // over the 90-character BIP-173 limit
    Bech32InvalidHrp, // empty, too long, or characters outside 33..126
    Bech32MissingSeparator,
    Bech32InvalidData, // padding or 5->8 bit conversion failure
    Bech32WrongHrp,    // decoded fine, but not the prefix the caller expects
    MalformedHdPath,
    InvalidDerivation, // BIP-32 child key invalid (astronomically rare)
    Internal,          // a library call failed unexpectedly
};

struct CryptoError {
    CryptoErrorKind kind = CryptoErrorKind::Internal;
    QString message;
};

template <typename T> using CryptoResult = Expected<T, CryptoError>;

inline Unexpected<CryptoError> cryptoError(CryptoErrorKind kind, QString message)
{
    return {CryptoError{kind, std::move(message)}};
}

} // namespace baokeys::crypto
