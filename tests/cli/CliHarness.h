#pragma once

#include "core/signer/SignerServer.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <memory>

// What one run of the baokeys-cli binary did.
struct CliRun {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
    qint64 wallMs = 0;

    QJsonObject json() const;             // stdout as one JSON object (fails the test if it is not)
    QJsonArray jsonArray() const;         // stdout as one JSON array
    QList<QJsonObject> jsonLines() const; // stdout as one compact JSON object per line
    QString describe() const;             // for failure messages
};

// Runs the real baokeys-cli binary (BAOKEYS_BIN_DIR) against an embedded
// signer started in this process on 127.0.0.1:0, with its own store file in
// a temporary folder and a clean environment (no BAO_* from the caller).
//
// Thread-safety: not thread-safe; one per test, on the test thread.
class CliHarness {
public:
    explicit CliHarness(baokeys::signer::SignerOptions options = {});
    ~CliHarness();

    bool started() const { return m_startError.isEmpty(); }
    QString startError() const { return m_startError; }
    baokeys::signer::SignerServer &server() { return *m_server; }
    QString storePath() const { return m_storePath; }
    QString dir() const { return m_dir.path(); }
    QString token() const;

    // Runs in the child between fork and exec (e.g. setrlimit).
    using ChildSetup = std::function<void()>;

    // BAO_ADDR and BAO_TOKEN point at the signer, --store at the temp store.
    CliRun run(const QStringList &arguments, const QByteArray &stdinData = {},
               const ChildSetup &inChild = {}) const;
    // No server settings added: only what `environment` and `arguments` give.
    static CliRun runRaw(const QStringList &arguments, const QProcessEnvironment &environment,
                         const QByteArray &stdinData = {}, const ChildSetup &inChild = {});
    QProcessEnvironment environment() const;

    // Writes a file in the temp folder and returns its path.
    QString writeFile(const QString &name, const QByteArray &content) const;

    static QString binary();

private:
    QTemporaryDir m_dir;
    QString m_storePath;
    std::unique_ptr<baokeys::signer::SignerServer> m_server;
    QString m_startError;
};
