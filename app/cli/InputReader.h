#pragma once

#include "cli/CliError.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace baokeys::cli {

// Reads what a command is given: secrets and data from files or stdin ("-"),
// and data typed on the command line as hex or base64. Every failure is a
// usage error (exit 2) naming the option and the file.
//
// Thread-safety: stateless functions; reading stdin is, of course, once only.
namespace InputReader {

inline constexpr qsizetype MaxSecretSize = 64 * 1024;
inline constexpr qsizetype MaxDataSize = 32 * 1024 * 1024; // OpenBao's default max_request_size

// How much of a secret's surroundings is taken away.
enum class Trim {
    Whitespace,   // keys, mnemonics, tokens: leading and trailing whitespace; empty is an error
    FinalNewline, // passphrases: only one final "\n" / "\r\n" (spaces may be part of it); may be empty
};

// Reads a secret (private key hex, mnemonic, passphrase) with read(2) into a
// wiping buffer, so no unwiped copy is left in stdio or QFile buffers. From a
// terminal ('-' with stdin a TTY) it prints `prompt` on stderr and reads one
// line with echo off.
CliResult<crypto::SecureBytes> readSecret(const QString &option, const QString &path,
                                          Trim trim = Trim::Whitespace, const QString &prompt = {});

// Reads message bytes from a file or stdin, as they are.
CliResult<QByteArray> readData(const QString &option, const QString &path);

// Strict decoders: a typo is an error, never silently skipped.
CliResult<QByteArray> decodeHex(const QString &option, const QString &text);
CliResult<QByteArray> decodeBase64(const QString &option, const QString &text);

} // namespace InputReader

} // namespace baokeys::cli
