#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace baokeys::testsupport {

// A self-signed certificate and its key for 127.0.0.1 (subjectAltName
// IP:127.0.0.1 only, so another host name fails verification), made with the
// openssl command line in a temporary folder that lives as long as this.
//
// Header-only. Thread-safety: a plain object; use it on one thread.
class LoopbackCertificate {
public:
    // False (with the reason in error()) if openssl is missing or failed.
    bool create()
    {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), keyFile(), QStringLiteral("-out"), certificateFile(),
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
            openssl.exitCode() != 0) {
            m_error = QStringLiteral("openssl req failed: %1 %2")
                          .arg(openssl.errorString(), QString::fromUtf8(openssl.readAllStandardError()));
            return false;
        }
        return true;
    }

    QString certificateFile() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString keyFile() const { return m_dir.filePath(QStringLiteral("key.pem")); }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace baokeys::testsupport
