#include "ui/common/ErrorReporter.h"

#include "core/keyring/KeyringErrors.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace baokeys::ui {

QString ErrorReporter::explain(const bao::BaoError &error)
{
    using bao::BaoErrorKind;
    switch (error.kind) {
    case BaoErrorKind::NotFound:
        // The keyring answers NotFound itself for a name its local store does
        // not hold (deleted or renamed meanwhile): the server was never asked,
        // so "not found on the server" would send the operator looking there.
        if (keyring::errors::isLocalNotFound(error))
            return tr("The key is no longer in this profile's key list (it was deleted or renamed "
                      "meanwhile); nothing was sent to the server.");
        return tr("The key was not found on the server.");
    case BaoErrorKind::AlreadyExists:
        return tr("A key with that name already exists.");
    case BaoErrorKind::PermissionDenied:
        return tr("The server refused the token: it is wrong, expired, or its policy does not allow this.");
    case BaoErrorKind::Sealed:
        return tr("The server is sealed: unseal it before using its keys.");
    case BaoErrorKind::Standby:
        return tr("This node is a standby: connect to the active node.");
    case BaoErrorKind::RateLimited:
        return tr("The server is rate limiting requests: try again shortly.");
    case BaoErrorKind::BadRequest:
        return tr("The server refused the request.");
    case BaoErrorKind::NotExportable:
        return tr("This key is not exportable: its private key never leaves the server.");
    case BaoErrorKind::ServerError:
        return tr("The server failed while handling the request.");
    case BaoErrorKind::Transport:
        return tr("The server could not be reached.");
    case BaoErrorKind::Timeout:
        return tr("The server did not answer in time.");
    case BaoErrorKind::Cancelled:
        return tr("The operation was cancelled.");
    case BaoErrorKind::OutcomeUnknown:
        // A 500 (or a gateway's 502, 504) to a create: answered, not lost,
        // but without saying whether it was done.
        if (error.httpStatus != 0)
            return tr("The server answered with an error (HTTP %1) that does not say whether it was done. It "
                      "is not sent again; sync with the server, or do the same again, to settle it.")
                .arg(error.httpStatus);
        return tr("The request was sent but its answer was lost: the server may or may not have done it. "
                  "It is not sent again; sync with the server, or do the same again, to settle it.");
    case BaoErrorKind::MalformedAnswer:
        return tr("The server's answer could not be understood.");
    case BaoErrorKind::SecurityFault:
        return tr("The server's answer failed a security check (a signature or public key did not match). "
                  "Nothing was accepted.");
    case BaoErrorKind::InvalidName:
        return tr("That key name is not allowed.");
    case BaoErrorKind::InvalidInput:
        return tr("The input is not valid.");
    case BaoErrorKind::StoreCorrupt:
        return tr("The local key list is damaged; sync with the server to rebuild it.");
    case BaoErrorKind::StoreTooNew:
        return tr(
            "The local key list was written by a newer BaoKeys, and is left as it is: open it with that "
            "version, or use another data folder for this one.");
    case BaoErrorKind::StoreIo:
        return tr("The local key list could not be read or written.");
    case BaoErrorKind::Unsupported:
        return tr("The server cannot do this safely.");
    }
    return tr("Something went wrong.");
}

QString ErrorReporter::detailOf(const bao::BaoError &error)
{
    QStringList lines;
    lines << tr("Kind: %1").arg(bao::BaoError::kindName(error.kind));
    if (error.httpStatus != 0)
        lines << tr("HTTP status: %1").arg(error.httpStatus);
    if (!error.message.isEmpty())
        lines << tr("Message: %1").arg(error.message);
    if (!error.redirectTo.isEmpty())
        lines << tr("Active node: %1").arg(error.redirectTo);
    return lines.join(QLatin1Char('\n'));
}

QMessageBox *ErrorReporter::show(QWidget *parent, const QString &summary, const bao::BaoError &error)
{
    QString text = explain(error);
    if (!error.message.isEmpty())
        text += QStringLiteral("\n\n") + error.message;
    QMessageBox *box = show(parent, summary, detailOf(error));
    box->setInformativeText(text);
    return box;
}

QMessageBox *ErrorReporter::show(QWidget *parent, const QString &summary, const QString &detail)
{
    auto *box = new QMessageBox(QMessageBox::Warning, QCoreApplication::applicationName(), summary,
                                QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!detail.isEmpty())
        box->setDetailedText(detail);
    box->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    box->open();
    return box;
}

} // namespace baokeys::ui
