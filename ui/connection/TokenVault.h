#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace baokeys::ui {

// The outcome of one keychain operation.
struct KeychainAnswer {
    enum class Status { Ok, NotFound, Unavailable, Failed };
    Status status = Status::Failed;
    QString secret; // Ok on read; the caller wipes it after use
    QString reason; // for Unavailable / Failed, in the keychain's words
};

// Keeps each profile's token in the OS keychain through QtKeychain (Secret
// Service, KWallet, macOS Keychain, Windows Credential Manager), never in a
// plain file. No plain-text fallback: when no keychain is available (e.g. no
// Secret Service on D-Bus) the answer says Unavailable and the app asks for
// the token each time instead.
//
// Thread-safety: GUI thread only; the callbacks run on it.
class TokenVault : public QObject {
    Q_OBJECT
public:
    explicit TokenVault(QObject *parent = nullptr);

    void read(const QString &profileId, std::function<void(KeychainAnswer)> done);
    void write(const QString &profileId, const QString &token, std::function<void(KeychainAnswer)> done);
    void remove(const QString &profileId, std::function<void(KeychainAnswer)> done = {});

private:
    static QString keyFor(const QString &profileId);
};

} // namespace baokeys::ui
