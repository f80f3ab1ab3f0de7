#include "ui/connection/TokenVault.h"

#include "core/crypto/SecureBytes.h"

#include <qt6keychain/keychain.h>

namespace baokeys::ui {

namespace {

const QString ServiceName = QStringLiteral("BaoKeys");

KeychainAnswer answerOf(const QKeychain::Job &job)
{
    KeychainAnswer answer;
    switch (job.error()) {
    case QKeychain::NoError:
        answer.status = KeychainAnswer::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        answer.status = KeychainAnswer::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        answer.status = KeychainAnswer::Status::Unavailable;
        break;
    case QKeychain::OtherError:
        // A missing Secret Service on D-Bus surfaces here on Linux.
        answer.status = KeychainAnswer::Status::Unavailable;
        break;
    default:
        answer.status = KeychainAnswer::Status::Failed;
        break;
    }
    if (job.error() != QKeychain::NoError)
        answer.reason = job.errorString();
    return answer;
}

} // namespace

TokenVault::TokenVault(QObject *parent) : QObject(parent) {}

QString TokenVault::keyFor(const QString &profileId)
{
    return QStringLiteral("profile/%1/token").arg(profileId);
}

void TokenVault::read(const QString &profileId, const QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(ServiceName, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(profileId));
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
        KeychainAnswer answer = answerOf(*reader);
        if (answer.status == KeychainAnswer::Status::Ok)
            answer.secret = reader->textData();
        done(std::move(answer));
    });
    job->start();
}

void TokenVault::write(const QString &profileId, const QString &token, const QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(ServiceName, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(profileId));
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        if (done)
            done(answerOf(*finished));
    });
    job->start();
}

void TokenVault::remove(const QString &profileId)
{
    auto *job = new QKeychain::DeletePasswordJob(ServiceName, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(profileId));
    job->start();
}

} // namespace baokeys::ui
