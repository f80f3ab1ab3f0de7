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
// A keychain answers later, through the event loop: by then the window that
// asked may be gone (a dialog closed before the answer). So each call takes
// a `context` - the object whose state `done` touches - and `done` is dropped,
// not run, once `context` is destroyed. The operation itself still completes.
//
// Thread-safety: GUI thread only; the callbacks run on it.
class TokenVault : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(KeychainAnswer)>;

    explicit TokenVault(QObject *parent = nullptr);

    void read(const QString &profileId, const QObject *context, Callback done);
    void write(const QString &profileId, const QString &token, const QObject *context, Callback done);
    void remove(const QString &profileId); // nobody waits for the answer

private:
    static QString keyFor(const QString &profileId);
};

} // namespace baokeys::ui
