// Interoperability: two third-party Vault clients drive the signer over HTTP,
// Debian's python3-hvac (GET ?list=True) and npm's node-vault (LIST verb).
// node-vault lives in a throwaway folder installed by ./dev; if it is missing
// this test fails and says how to install it, it never skips silently.
#include "core/signer/SignerServer.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using baokeys::signer::SignerServer;

namespace {

const QString Vectors = QStringLiteral(BAOKEYS_SHARED_DIR "/vectors/cosmos-vectors.json");
const QString Scripts = QStringLiteral(BAOKEYS_SIGNER_INTEROP_SCRIPTS);
const QString NodeDir = QStringLiteral(BAOKEYS_INTEROP_NODE_DIR);

struct Run {
    int exitCode = -1;
    QString output;
};

Run runClient(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Run run;
    if (!process.waitForStarted(10000)) {
        run.output = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return run;
    }
    process.waitForFinished(60000);
    run.output = QString::fromUtf8(process.readAll());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

} // namespace

class TestSignerInterop : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SignerServer> m_server;

private slots:
    void init()
    {
        m_server = std::make_unique<SignerServer>();
        QVERIFY(m_server->start().hasValue());
    }

    void cleanup() { m_server.reset(); }

    void pythonHvac()
    {
        // Debian's hvac is installed for the system interpreter, not for
        // whatever python3 comes first on PATH.
        QVERIFY2(QFileInfo::exists(QStringLiteral("/usr/bin/python3")),
                 "needs /usr/bin/python3 with python3-hvac");
        const Run run = runClient(QStringLiteral("/usr/bin/python3"),
                                  {Scripts + QStringLiteral("/hvac_client.py"), m_server->address(),
                                   m_server->rootToken(), m_server->mount(), Vectors},
                                  QProcessEnvironment::systemEnvironment());
        qInfo().noquote() << run.output;
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY(run.output.contains(QLatin1String("hvac: all checks passed")));
    }

    void nodeVault()
    {
        const QString module = NodeDir + QStringLiteral("/node_modules/node-vault/package.json");
        QVERIFY2(
            QFileInfo::exists(module),
            qPrintable(QStringLiteral("node-vault is not installed in %1; run ./dev test (it installs it) or "
                                      "npm install --prefix %1 node-vault")
                           .arg(NodeDir)));
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is not on PATH");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NODE_PATH"), NodeDir + QStringLiteral("/node_modules"));
        const Run run = runClient(node,
                                  {Scripts + QStringLiteral("/node_vault_client.js"), m_server->address(),
                                   m_server->rootToken(), m_server->mount(), Vectors},
                                  environment);
        qInfo().noquote() << run.output;
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY(run.output.contains(QLatin1String("node-vault: all checks passed")));
    }
};

QTEST_GUILESS_MAIN(TestSignerInterop)
#include "TestSignerInterop.moc"
