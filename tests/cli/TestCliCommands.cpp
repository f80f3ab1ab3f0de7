// baokeys-cli end to end: the real binary against the embedded signer over
// loopback. Every command, its JSON output, the known-answer vectors, and the
// exit code of each bad-input case.
#include "CliExpect.h"
#include "CliHarness.h"
#include "EmbeddedSigner.h"
#include "FakeBaoServer.h"
#include "MiniEngine.h"
#include "core/bao/BaoClient.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Secp256k1.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// The command list of a help text ("  keys add NAME   Create a key ..."),
// each command's summary with its continuation lines joined.
QStringList commandSummaries(const QString &help)
{
    QStringList summaries;
    bool inList = false;
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        if (line == QLatin1String("Commands:")) {
            inList = true;
        } else if (inList && line.isEmpty()) {
            break;
        } else if (inList && line.startsWith(QString(32, QLatin1Char(' '))) && !summaries.isEmpty()) {
            summaries.last() += QLatin1Char(' ') + line.trimmed();
        } else if (inList) {
            summaries << line.trimmed();
        }
    }
    return summaries;
}

} // namespace

class TestCliCommands : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void helpAndUsage();
    void helpSummariesAreWholeSentencesWithinTheWidth();
    void addShowListDelete();
    void deletingSeveralKeysAccountsForEachName();
    void badNamesAndUnknownKeys();
    void knownAnswerKeys();
    void knownAnswerSignatures();
    void knownAnswerMnemonics();
    void importFromStdinAndBadSecrets();
    void verifyLocally();
    void signBadInput();
    void exportRules();
    void renameAndSync();
    void aNameReusedOnTheServerIsFlaggedAndItsKeyNeverDeleted();
    void status();
    void clusterStatusListsEveryNode();
    void unreachableSealedAndBadToken();
    void securityFaultExitsSix();
    void usageMistakesExitTwo();
    void connectionOptions();
    void defaultStoreIsPrivate();
    void headerAndPolicyInjectionIsRefused();
    void anAddressWithAWrongPathFlagsNothingMissing();
    void settingsAreCheckedBeforeAnyRequest();
    void aKeyWithoutAKnownOutcomeIsNamedUntilSettled();
    void aCorruptJournalKeepsTheStore();
    void aStorePathThatIsNoRegularFileIsRefusedAndLeftInPlace();
    void foldersMadeForTheStoreAreOwnerOnly();

private:
    QJsonObject m_vectors;
};

void TestCliCommands::initTestCase()
{
    QVERIFY2(QFileInfo::exists(CliHarness::binary()), "baokeys-cli is not built");
    QFile file(QStringLiteral(BAOKEYS_SHARED_DIR "/vectors/cosmos-vectors.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), "cannot read the shared vectors");
    m_vectors = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!m_vectors.value(QStringLiteral("keys")).toArray().isEmpty());
    QVERIFY(!m_vectors.value(QStringLiteral("signatures")).toArray().isEmpty());
}

void TestCliCommands::helpAndUsage()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));

    CliRun help = cli.run({QStringLiteral("--help")});
    EXPECT_EXIT(help, 0);
    for (const char *word :
         {"keys add", "keys import", "keys export", "batch sign", "batch create", "status", "verify",
          "Exit codes:", "3  partial batch failure", "6  security fault", "--token-file"})
        QVERIFY2(help.out.contains(word), word);

    CliRun commandHelp = cli.run({QStringLiteral("batch"), QStringLiteral("sign"), QStringLiteral("--help")});
    EXPECT_EXIT(commandHelp, 0);
    QVERIFY(commandHelp.out.contains("--messages-file"));
    QVERIFY(commandHelp.out.contains("Exit codes:"));

    // A group's help lists its commands (it was "unknown command 'keys --help'", exit 2).
    for (const QStringList &asked : {QStringList{QStringLiteral("keys"), QStringLiteral("--help")},
                                     QStringList{QStringLiteral("--help"), QStringLiteral("keys")},
                                     QStringList{QStringLiteral("tx"), QStringLiteral("-h")},
                                     QStringList{QStringLiteral("batch"), QStringLiteral("help")}}) {
        const CliRun groupHelp = cli.run(asked);
        EXPECT_EXIT(groupHelp, 0);
        const QByteArray group = asked.contains(QStringLiteral("keys")) ? "keys"
                                 : asked.contains(QStringLiteral("tx")) ? "tx"
                                                                        : "batch";
        QVERIFY2(groupHelp.out.contains("  " + group + " "), qPrintable(groupHelp.describe()));
        QVERIFY2(groupHelp.out.contains("SUBCOMMAND --help"), qPrintable(groupHelp.describe()));
    }

    EXPECT_CLEAN_FAILURE(cli.run({}), 2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("frobnicate")}), 2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys")}), 2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("nope")}), 2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--bogus")}),
                         2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("show")}), 2);
    EXPECT_CLEAN_FAILURE(
        cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b")}),
        2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("--output"), QStringLiteral("yaml"), QStringLiteral("keys"),
                                  QStringLiteral("list")}),
                         2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--hrp"),
                                  QStringLiteral("Bad HRP")}),
                         2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--timeout"),
                                  QStringLiteral("soon")}),
                         2);
}

// A summary was the first line of a description wrapped for the command's
// own help, so the list showed "Print the sign-only OpenBao policy for the
// keys: update on" and ran past 100 columns for the tx commands.
void TestCliCommands::helpSummariesAreWholeSentencesWithinTheWidth()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    QStringList listed;
    for (const QStringList &asked : {QStringList{QStringLiteral("--help")},
                                     QStringList{QStringLiteral("keys"), QStringLiteral("--help")},
                                     QStringList{QStringLiteral("tx"), QStringLiteral("--help")},
                                     QStringList{QStringLiteral("policy"), QStringLiteral("--help")},
                                     QStringList{QStringLiteral("batch"), QStringLiteral("--help")}}) {
        const CliRun help = cli.run(asked);
        EXPECT_EXIT(help, 0);
        const QString text = QString::fromUtf8(help.out);
        for (const QString &line : text.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 100,
                     qPrintable(asked.join(QLatin1Char(' ')) + QStringLiteral(": ") + line));
        const QStringList summaries = commandSummaries(text);
        QVERIFY2(!summaries.isEmpty(), qPrintable(text));
        for (const QString &summary : summaries)
            QVERIFY2(summary.endsWith(QLatin1Char('.')), qPrintable(summary));
        if (asked.size() == 1)
            listed = summaries;
    }
    QCOMPARE(listed.size(), 19);
    QVERIFY(listed.contains(QStringLiteral("policy sign                   Print the sign-only OpenBao policy "
                                           "for the keys: update on <mount>/sign/<key>, nothing else.")));
    QVERIFY(listed.contains(
        QStringLiteral("keys delete NAME...           Delete keys on the server, then locally. This cannot "
                       "be undone.")));
    QVERIFY(listed.contains(
        QStringLiteral("batch create                  Create keys PREFIX-1 .. PREFIX-COUNT in parallel.")));
}

void TestCliCommands::addShowListDelete()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));

    // An empty store lists as an empty JSON array.
    CliRun empty = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_EXIT(empty, 0);
    QCOMPARE(empty.jsonArray().size(), 0);

    // Global options may come after the command words too.
    CliRun added = cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("alice"),
                            QStringLiteral("--output"), QStringLiteral("json")});
    EXPECT_EXIT(added, 0);
    const QJsonObject alice = added.json();
    QCOMPARE(alice.value(QStringLiteral("name")).toString(), QStringLiteral("alice"));
    QCOMPARE(alice.value(QStringLiteral("exportable")).toBool(), false);
    QCOMPARE(alice.value(QStringLiteral("source")).toString(), QStringLiteral("generated"));
    const QByteArray publicKey =
        QByteArray::fromHex(alice.value(QStringLiteral("public_key_hex")).toString().toLatin1());
    QCOMPARE(publicKey.size(), 33);
    // address = RIPEMD160(SHA256(pubkey)), shown in hex and bech32.
    const QByteArray address = baokeys::crypto::Hash::ripemd160(baokeys::crypto::Hash::sha256(publicKey));
    QCOMPARE(alice.value(QStringLiteral("address_hex")).toString(), QString::fromLatin1(address.toHex()));
    QVERIFY(alice.value(QStringLiteral("address")).toString().startsWith(QStringLiteral("celestia1")));
    const QJsonObject any =
        QJsonDocument::fromJson(alice.value(QStringLiteral("pubkey")).toString().toUtf8()).object();
    QCOMPARE(any.value(QStringLiteral("@type")).toString(),
             QStringLiteral("/cosmos.crypto.secp256k1.PubKey"));
    QCOMPARE(QByteArray::fromBase64(any.value(QStringLiteral("key")).toString().toLatin1()), publicKey);

    CliRun shown = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("--hrp"),
                            QStringLiteral("cosmos"), QStringLiteral("keys"), QStringLiteral("show"),
                            QStringLiteral("alice")});
    EXPECT_EXIT(shown, 0);
    QCOMPARE(shown.json().value(QStringLiteral("public_key_hex")),
             alice.value(QStringLiteral("public_key_hex")));
    QVERIFY(shown.json().value(QStringLiteral("address")).toString().startsWith(QStringLiteral("cosmos1")));

    CliRun text = cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("alice")});
    EXPECT_EXIT(text, 0);
    QVERIFY(text.out.contains(alice.value(QStringLiteral("address")).toString().toLatin1()));

    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("bob"),
                         QStringLiteral("--exportable")}),
                0);
    CliRun listed = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_EXIT(listed, 0);
    const QJsonArray keys = listed.jsonArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("alice"));
    QCOMPARE(keys.at(1).toObject().value(QStringLiteral("exportable")).toBool(), true);
    CliRun table = cli.run({QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_EXIT(table, 0);
    QVERIFY(table.out.startsWith("NAME"));
    QCOMPARE(table.out.count('\n'), 3);

    // The name is taken: exit 1, nothing on stdout.
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("alice")}),
                         1);

    // Delete asks; with stdin not a terminal and no --yes it refuses (usage) and keeps the key.
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("delete"), QStringLiteral("alice")}),
                         2);
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("alice")}), 0);
    CliRun deleted = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                              QStringLiteral("delete"), QStringLiteral("alice"), QStringLiteral("--yes")});
    EXPECT_EXIT(deleted, 0);
    QCOMPARE(deleted.json().value(QStringLiteral("deleted")).toBool(), true);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("alice")}),
                         1);
    // Gone on the server too: signing with a re-created record is impossible, and sync does not adopt it.
    CliRun synced = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("sync")});
    EXPECT_EXIT(synced, 0);
    QVERIFY(!synced.json().value(QStringLiteral("adopted")).toArray().contains(QStringLiteral("alice")));
}

// `keys delete` takes several names (it took one: retiring twenty workers
// was twenty commands and twenty confirmations). Every name is checked
// before anything is deleted, and every name given is accounted for.
void TestCliCommands::deletingSeveralKeysAccountsForEachName()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const auto args = [](std::initializer_list<const char *> words) {
        QStringList list;
        for (const char *word : words)
            list << QString::fromLatin1(word);
        return list;
    };
    for (const char *name : {"w-1", "w-2", "w-3"})
        EXPECT_EXIT(cli.run(args({"keys", "add", name})), 0);
    baokeys::bao::BaoClient signer(baokeys::testsupport::EmbeddedSigner::settingsFor(cli.server()));
    const auto onServer = [&signer](const char *name) {
        return signer.readKey(QString::fromLatin1(name)).hasValue();
    };

    // A name the store does not know stops the command before any delete.
    const CliRun mistyped = cli.run(args({"keys", "delete", "--yes", "w-1", "w-2", "w-9"}));
    EXPECT_CLEAN_FAILURE(mistyped, 1);
    QVERIFY2(mistyped.err.contains("w-9") && mistyped.err.contains("nothing was deleted"),
             qPrintable(mistyped.describe()));
    EXPECT_EXIT(cli.run(args({"keys", "show", "w-1"})), 0);
    QVERIFY(onServer("w-1"));
    // So does a name OpenBao would refuse, and a missing --yes without a terminal.
    EXPECT_CLEAN_FAILURE(cli.run(args({"keys", "delete", "--yes", "w-1", "a/b"})), 2);
    EXPECT_CLEAN_FAILURE(cli.run(args({"keys", "delete", "w-1", "w-2"})), 2);
    QVERIFY(onServer("w-1") && onServer("w-2"));

    // A server that cannot be reached: the first key fails, the others are
    // not tried, all stay in the store, and the exit code is the failure's.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString closed = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    const CliRun unreachable = cli.run(QStringList{QStringLiteral("--addr"), closed} +
                                       args({"keys", "delete", "--yes", "w-1", "w-2"}));
    EXPECT_EXIT(unreachable, 5);
    QVERIFY2(unreachable.out.contains("'w-1' not deleted: ") && unreachable.out.contains("'w-2' not tried"),
             qPrintable(unreachable.describe()));
    QVERIFY2(unreachable.err.contains("none of the 2 keys was deleted"), qPrintable(unreachable.describe()));
    EXPECT_EXIT(cli.run(args({"keys", "show", "w-2"})), 0);

    // Several names, one of them twice: an array with an entry per key.
    const CliRun deleted =
        cli.run(args({"--output", "json", "keys", "delete", "--yes", "w-1", "w-2", "w-1"}));
    EXPECT_EXIT(deleted, 0);
    const QJsonArray entries = deleted.jsonArray();
    QCOMPARE(entries.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        QCOMPARE(entry.value(QStringLiteral("name")).toString(), QStringLiteral("w-%1").arg(i + 1));
        QCOMPARE(entry.value(QStringLiteral("deleted")).toBool(), true);
        QCOMPARE(entry.value(QStringLiteral("on_server")).toString(), QStringLiteral("deleted"));
    }
    QVERIFY(!onServer("w-1") && !onServer("w-2") && onServer("w-3"));
    EXPECT_CLEAN_FAILURE(cli.run(args({"keys", "show", "w-2"})), 1);
    EXPECT_EXIT(cli.run(args({"keys", "show", "w-3"})), 0);

    // One key refused by the server (a policy without delete on it): the
    // others are deleted, the refused one is named and kept, exit 3.
    baokeys::testsupport::MiniEngine engine;
    baokeys::testsupport::FakeBaoServer server([&engine](const baokeys::testsupport::FakeRequest &request) {
        if (request.method == "DELETE" && request.path.endsWith(QLatin1String("/keys/kept")))
            return baokeys::testsupport::FakeResponse::errors(403, {QStringLiteral("permission denied")});
        return engine.handle(request);
    });
    QVERIFY(server.start());
    const QStringList there{QStringLiteral("--addr"), server.address()};
    for (const char *name : {"p", "kept", "q"})
        EXPECT_EXIT(cli.run(there + args({"keys", "add", name})), 0);
    const CliRun partial = cli.run(there + args({"keys", "delete", "--yes", "p", "kept", "q"}));
    EXPECT_EXIT(partial, 3);
    QCOMPARE(partial.out.split('\n').first(), QByteArray("deleted key 'p'"));
    QVERIFY2(partial.out.contains("'kept' not deleted: ") && partial.out.contains("permission denied") &&
                 partial.out.contains("deleted key 'q'"),
             qPrintable(partial.describe()));
    QVERIFY(engine.hasKey(QStringLiteral("kept")) && !engine.hasKey(QStringLiteral("p")) &&
            !engine.hasKey(QStringLiteral("q")));
    EXPECT_EXIT(cli.run(args({"keys", "show", "kept"})), 0);
    EXPECT_CLEAN_FAILURE(cli.run(args({"keys", "show", "q"})), 1);
}

void TestCliCommands::badNamesAndUnknownKeys()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    for (const QString &bad : {QStringLiteral("a/b"), QStringLiteral("-lead"), QStringLiteral("trail."),
                               QStringLiteral("two words"), QStringLiteral("..")}) {
        EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("add"), bad}), 2);
        EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("show"), bad}), 2);
    }
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("nobody")}),
                         1);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("sign"), QStringLiteral("nobody"),
                                  QStringLiteral("--data-hex"), QStringLiteral("00")}),
                         1);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("delete"), QStringLiteral("nobody"),
                                  QStringLiteral("--yes")}),
                         1);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("nobody"),
                                  QStringLiteral("--yes")}),
                         1);
    // Nothing of the above reached the engine as a create.
    CliRun listed = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(listed.jsonArray().size(), 0);
}

void TestCliCommands::knownAnswerKeys()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    int n = 0;
    for (const QJsonValue &value : m_vectors.value(QStringLiteral("keys")).toArray()) {
        const QJsonObject vector = value.toObject();
        const QString name = QStringLiteral("vector-%1").arg(++n);
        const QString file =
            cli.writeFile(name + QStringLiteral(".hex"),
                          vector.value(QStringLiteral("privkey_hex")).toString().toLatin1() + "\n");
        CliRun imported = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                                   QStringLiteral("import"), name, QStringLiteral("--hex-file"), file});
        EXPECT_EXIT(imported, 0);
        QCOMPARE(imported.json().value(QStringLiteral("source")).toString(), QStringLiteral("imported"));
        for (const QString &hrp :
             {QStringLiteral("celestia"), QStringLiteral("cosmos"), QStringLiteral("celestiavaloper")}) {
            CliRun shown =
                cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("--hrp"), hrp,
                         QStringLiteral("keys"), QStringLiteral("show"), name});
            EXPECT_EXIT(shown, 0);
            const QJsonObject key = shown.json();
            QCOMPARE(key.value(QStringLiteral("public_key_hex")).toString(),
                     vector.value(QStringLiteral("pubkey_hex")).toString());
            QCOMPARE(key.value(QStringLiteral("address_hex")).toString(),
                     vector.value(QStringLiteral("address_hex")).toString());
            QCOMPARE(key.value(QStringLiteral("address")).toString(), vector.value(hrp).toString());
        }
    }
    QVERIFY(n >= 6);
}

void TestCliCommands::knownAnswerSignatures()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    int n = 0;
    for (const QJsonValue &value : m_vectors.value(QStringLiteral("signatures")).toArray()) {
        const QJsonObject vector = value.toObject();
        const QString name = QStringLiteral("sig-%1").arg(++n);
        const QString file = cli.writeFile(name + QStringLiteral(".hex"),
                                           vector.value(QStringLiteral("privkey_hex")).toString().toLatin1());
        EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("import"), name,
                             QStringLiteral("--hex-file"), file}),
                    0);
        const QString messageHex = vector.value(QStringLiteral("message_hex")).toString();
        const QString expected = vector.value(QStringLiteral("signature_b64")).toString();

        // The message in each of the three forms gives the vector's signature.
        const QByteArray message = QByteArray::fromHex(messageHex.toLatin1());
        const QString messageFile = cli.writeFile(name + QStringLiteral(".msg"), message);
        QList<QStringList> forms{{QStringLiteral("--data-file"), messageFile}};
        if (!message.isEmpty()) {
            forms << QStringList{QStringLiteral("--data-hex"), messageHex};
            forms << QStringList{QStringLiteral("--data-base64"), QString::fromLatin1(message.toBase64())};
        }
        for (const QStringList &form : forms) {
            CliRun signedText = cli.run(QStringList{QStringLiteral("sign"), name} + form);
            EXPECT_EXIT(signedText, 0);
            QCOMPARE(QString::fromLatin1(signedText.out.trimmed()), expected);
        }
        CliRun signedJson = cli.run(
            QStringList{QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("sign"), name} +
            forms.first());
        EXPECT_EXIT(signedJson, 0);
        QCOMPARE(signedJson.json().value(QStringLiteral("signature")).toString(), expected);
        QCOMPARE(signedJson.json().value(QStringLiteral("signature_hex")).toString(),
                 vector.value(QStringLiteral("signature_hex")).toString());
        QCOMPARE(signedJson.json().value(QStringLiteral("digest_hex")).toString(),
                 vector.value(QStringLiteral("sha256_hex")).toString());

        // Prehashed: the vector's digest signed as is gives the same signature.
        CliRun prehashed =
            cli.run({QStringLiteral("sign"), name, QStringLiteral("--prehashed"),
                     QStringLiteral("--data-hex"), vector.value(QStringLiteral("sha256_hex")).toString()});
        EXPECT_EXIT(prehashed, 0);
        QCOMPARE(QString::fromLatin1(prehashed.out.trimmed()), expected);
    }
    QVERIFY(n >= 6);
}

void TestCliCommands::knownAnswerMnemonics()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    int n = 0;
    for (const QJsonValue &value : m_vectors.value(QStringLiteral("mnemonics")).toArray()) {
        const QJsonObject vector = value.toObject();
        const QString mnemonicFile =
            cli.writeFile(QStringLiteral("m%1.txt").arg(n),
                          vector.value(QStringLiteral("mnemonic")).toString().toUtf8() + "\n");
        const QString passphrase = vector.value(QStringLiteral("bip39_passphrase")).toString();
        for (const QJsonValue &derivedValue : vector.value(QStringLiteral("derived")).toArray()) {
            const QJsonObject derived = derivedValue.toObject();
            const QString name = QStringLiteral("mnemonic-%1").arg(++n);
            QStringList arguments{QStringLiteral("--output"),
                                  QStringLiteral("json"),
                                  QStringLiteral("keys"),
                                  QStringLiteral("import"),
                                  name,
                                  QStringLiteral("--mnemonic-file"),
                                  mnemonicFile,
                                  QStringLiteral("--hd-path"),
                                  derived.value(QStringLiteral("hd_path")).toString()};
            if (!passphrase.isEmpty())
                arguments << QStringLiteral("--bip39-passphrase-file")
                          << cli.writeFile(QStringLiteral("p%1.txt").arg(n), passphrase.toUtf8());
            CliRun imported = cli.run(arguments);
            EXPECT_EXIT(imported, 0);
            QCOMPARE(imported.json().value(QStringLiteral("public_key_hex")).toString(),
                     derived.value(QStringLiteral("pubkey_hex")).toString());
            QCOMPARE(imported.json().value(QStringLiteral("address")).toString(),
                     derived.value(QStringLiteral("celestia")).toString());
        }
    }
    QVERIFY(n >= 3);
}

void TestCliCommands::importFromStdinAndBadSecrets()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const QJsonObject vector = m_vectors.value(QStringLiteral("keys")).toArray().at(0).toObject();
    const QByteArray hex = vector.value(QStringLiteral("privkey_hex")).toString().toLatin1();

    CliRun fromStdin = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                                QStringLiteral("import"), QStringLiteral("piped"),
                                QStringLiteral("--hex-file"), QStringLiteral("-")},
                               "  " + hex + "\n");
    EXPECT_EXIT(fromStdin, 0);
    QCOMPARE(fromStdin.json().value(QStringLiteral("public_key_hex")).toString(),
             vector.value(QStringLiteral("pubkey_hex")).toString());
    // The secret is never echoed.
    QVERIFY(!fromStdin.out.contains(hex) && !fromStdin.err.contains(hex));

    const QString badHex = cli.writeFile(QStringLiteral("bad.hex"), "zz" + hex.mid(2));
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("k1"),
                                  QStringLiteral("--hex-file"), badHex}),
                         2);
    const QString shortHex = cli.writeFile(QStringLiteral("short.hex"), hex.left(40));
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("k1"),
                                  QStringLiteral("--hex-file"), shortHex}),
                         2);
    const QString empty = cli.writeFile(QStringLiteral("empty.hex"), "\n");
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("k1"),
                                  QStringLiteral("--hex-file"), empty}),
                         2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("k1"),
                                  QStringLiteral("--hex-file"), cli.dir() + QStringLiteral("/no-such-file")}),
                         2);
    const QString badWords =
        cli.writeFile(QStringLiteral("bad.words"),
                      "window peanut series helmet soccer document stamp fit argue spice exchange exchange");
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("k1"),
                                  QStringLiteral("--mnemonic-file"), badWords}),
                         2);
    // Neither / both sources, and the mnemonic options without a mnemonic.
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("k1")}),
                         2);
    EXPECT_CLEAN_FAILURE(
        cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("k1"),
                 QStringLiteral("--hex-file"), badHex, QStringLiteral("--mnemonic-file"), badWords}),
        2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("k1"),
                                  QStringLiteral("--hex-file"), badHex, QStringLiteral("--hd-path"),
                                  QStringLiteral("m/44'/118'/0'/0/1")}),
                         2);
    // The same key under a taken name.
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("piped"),
                                  QStringLiteral("--hex-file"), QStringLiteral("-")},
                                 hex),
                         1);
    CliRun listed = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(listed.jsonArray().size(), 1);
}

void TestCliCommands::verifyLocally()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("v")}), 0);
    CliRun signature = cli.run(
        {QStringLiteral("sign"), QStringLiteral("v"), QStringLiteral("--data-hex"), QStringLiteral("cafe")});
    EXPECT_EXIT(signature, 0);
    const QString base64 = QString::fromLatin1(signature.out.trimmed());
    const QString hex = QString::fromLatin1(QByteArray::fromBase64(base64.toLatin1()).toHex());

    CliRun valid = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("verify"),
                            QStringLiteral("v"), QStringLiteral("--signature"), base64,
                            QStringLiteral("--data-hex"), QStringLiteral("cafe")});
    EXPECT_EXIT(valid, 0);
    QCOMPARE(valid.json().value(QStringLiteral("valid")).toBool(), true);
    EXPECT_EXIT(cli.run({QStringLiteral("verify"), QStringLiteral("v"), QStringLiteral("--signature"), hex,
                         QStringLiteral("--data-base64"), QStringLiteral("yv4=")}),
                0);
    // Another message: does not verify, exit 1, and says so.
    CliRun invalid = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("verify"),
                              QStringLiteral("v"), QStringLiteral("--signature"), base64,
                              QStringLiteral("--data-hex"), QStringLiteral("cafd")});
    EXPECT_EXIT(invalid, 1);
    QCOMPARE(invalid.json().value(QStringLiteral("valid")).toBool(), false);
    // Verification is local: it works with the server gone.
    cli.server().stop();
    EXPECT_EXIT(cli.run({QStringLiteral("verify"), QStringLiteral("v"), QStringLiteral("--signature"), base64,
                         QStringLiteral("--data-hex"), QStringLiteral("cafe")}),
                0);
    EXPECT_CLEAN_FAILURE(
        cli.run({QStringLiteral("verify"), QStringLiteral("v"), QStringLiteral("--signature"),
                 QStringLiteral("abc"), QStringLiteral("--data-hex"), QStringLiteral("cafe")}),
        2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("verify"), QStringLiteral("v"), QStringLiteral("--data-hex"),
                                  QStringLiteral("cafe")}),
                         2);
}

void TestCliCommands::signBadInput()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("s")}), 0);
    const auto sign = [&cli](const QStringList &data) {
        return cli.run(QStringList{QStringLiteral("sign"), QStringLiteral("s")} + data);
    };
    EXPECT_CLEAN_FAILURE(sign({QStringLiteral("--data-hex"), QStringLiteral("abc")}), 2);     // odd length
    EXPECT_CLEAN_FAILURE(sign({QStringLiteral("--data-hex"), QStringLiteral("zz")}), 2);      // not hex
    EXPECT_CLEAN_FAILURE(sign({QStringLiteral("--data-base64"), QStringLiteral("!!!!")}), 2); // not base64
    EXPECT_CLEAN_FAILURE(sign({QStringLiteral("--data-file"), cli.dir() + QStringLiteral("/missing")}), 2);
    EXPECT_CLEAN_FAILURE(sign({}), 2);
    EXPECT_CLEAN_FAILURE(sign({QStringLiteral("--data-hex"), QStringLiteral("00"),
                               QStringLiteral("--data-base64"), QStringLiteral("AA==")}),
                         2);
    EXPECT_CLEAN_FAILURE(sign({QStringLiteral("--prehashed"), QStringLiteral("--data-hex"),
                               QString(QStringLiteral("ab")).repeated(31)}),
                         2);
    EXPECT_CLEAN_FAILURE(sign({QStringLiteral("--data-hex"), QStringLiteral("00"),
                               QStringLiteral("--data-hex"), QStringLiteral("01")}),
                         2);
    // An unreadable file (a folder) is a usage error too.
    EXPECT_CLEAN_FAILURE(sign({QStringLiteral("--data-file"), cli.dir()}), 2);
}

void TestCliCommands::exportRules()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const QJsonObject vector = m_vectors.value(QStringLiteral("keys")).toArray().at(1).toObject();
    const QByteArray hex = vector.value(QStringLiteral("privkey_hex")).toString().toLatin1();
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("ex"),
                         QStringLiteral("--exportable"), QStringLiteral("--hex-file"), QStringLiteral("-")},
                        hex),
                0);
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("locked")}), 0);

    // stdin is not a terminal and no --yes: refused with the usage code, nothing printed.
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("ex")}),
                         2);

    CliRun printed = cli.run(
        {QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("ex"), QStringLiteral("--yes")});
    EXPECT_EXIT(printed, 0);
    QCOMPARE(printed.out.trimmed(), hex);
    CliRun printedJson = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                                  QStringLiteral("export"), QStringLiteral("ex"), QStringLiteral("--yes")});
    EXPECT_EXIT(printedJson, 0);
    QCOMPARE(printedJson.json().value(QStringLiteral("private_key_hex")).toString().toLatin1(), hex);

    // --out: a new file, mode 0600 whatever the umask, holding the key.
    const QString out = cli.dir() + QStringLiteral("/exported.hex");
    CliRun toFile = cli.run({QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("ex"),
                             QStringLiteral("--out"), out});
    EXPECT_EXIT(toFile, 0);
    QVERIFY2(toFile.out.isEmpty(), "the key went to stdout as well");
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(out).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0777), 0600);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().trimmed(), hex);
    // An existing file is never overwritten.
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("ex"),
                                  QStringLiteral("--out"), out}),
                         1);

    // A non-exportable key: the engine refuses, exit 1, no file left behind.
    const QString lockedOut = cli.dir() + QStringLiteral("/locked.hex");
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("export"), QStringLiteral("locked"),
                                  QStringLiteral("--out"), lockedOut}),
                         1);
    QVERIFY(!QFileInfo::exists(lockedOut));
}

void TestCliCommands::renameAndSync()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    CliRun added = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                            QStringLiteral("add"), QStringLiteral("old"), QStringLiteral("--exportable")});
    EXPECT_EXIT(added, 0);
    CliRun renamed = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                              QStringLiteral("rename"), QStringLiteral("old"), QStringLiteral("new")});
    EXPECT_EXIT(renamed, 0);
    QCOMPARE(renamed.json().value(QStringLiteral("name")).toString(), QStringLiteral("new"));
    QCOMPARE(renamed.json().value(QStringLiteral("public_key_hex")),
             added.json().value(QStringLiteral("public_key_hex")));
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("old")}), 1);

    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("fixed")}), 0);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("rename"), QStringLiteral("fixed"),
                                  QStringLiteral("moved")}),
                         1);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("rename"), QStringLiteral("new"),
                                  QStringLiteral("bad/name")}),
                         2);

    // A fresh store adopts both keys from the server.
    QVERIFY(QFile::remove(cli.storePath()));
    CliRun synced = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("sync")});
    EXPECT_EXIT(synced, 0);
    QStringList adopted;
    for (const QJsonValue &name : synced.json().value(QStringLiteral("adopted")).toArray())
        adopted << name.toString();
    adopted.sort();
    QCOMPARE(adopted, (QStringList{QStringLiteral("fixed"), QStringLiteral("new")}));
    // A corrupt store: commands that need it say what to do; sync rebuilds it and keeps the bad file.
    QFile store(cli.storePath());
    QVERIFY(store.open(QIODevice::WriteOnly | QIODevice::Truncate));
    store.write("{not json");
    store.close();
    CliRun corrupt = cli.run({QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_CLEAN_FAILURE(corrupt, 1);
    QVERIFY(corrupt.err.contains("keys sync"));
    CliRun rebuilt = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("sync")});
    EXPECT_EXIT(rebuilt, 0);
    QVERIFY(!rebuilt.json().value(QStringLiteral("corrupt_backup")).toString().isEmpty());
    CliRun listed = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(listed.jsonArray().size(), 2);
}

// Someone deleted 'worker' on the server and made a new key under the name.
// The stored address now has no key behind it; the new key is not ours.
void TestCliCommands::aNameReusedOnTheServerIsFlaggedAndItsKeyNeverDeleted()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("worker")}), 0);
    baokeys::bao::BaoClient server(baokeys::testsupport::EmbeddedSigner::settingsFor(cli.server()));
    QVERIFY(server.deleteKey(QStringLiteral("worker")).hasValue());
    const auto theirs = server.createKey(QStringLiteral("worker"), false);
    QVERIFY(theirs.hasValue());

    CliRun synced = cli.run({QStringLiteral("keys"), QStringLiteral("sync")});
    EXPECT_EXIT(synced, 0);
    QVERIFY2(synced.out.contains("leaves the server's key"), synced.out.constData());
    // Every later reader sees it, not only the sync that found it.
    CliRun table = cli.run({QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_EXIT(table, 0);
    QVERIFY2(table.out.contains("(another key on server)"), table.out.constData());
    CliRun shown = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                            QStringLiteral("show"), QStringLiteral("worker")});
    EXPECT_EXIT(shown, 0);
    QCOMPARE(shown.json().value(QStringLiteral("replaced_on_server")).toBool(), true);
    CliRun text = cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("worker")});
    QVERIFY2(text.out.contains("nothing can sign for this address"), text.out.constData());

    CliRun deleted = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                              QStringLiteral("delete"), QStringLiteral("worker"), QStringLiteral("--yes")});
    EXPECT_EXIT(deleted, 0);
    QCOMPARE(deleted.json().value(QStringLiteral("on_server")).toString(),
             QStringLiteral("another key, left"));
    const auto left = server.readKey(QStringLiteral("worker"));
    QVERIFY2(left.hasValue(), "keys delete destroyed a key the store never held");
    QCOMPARE(left->publicKey, theirs->publicKey);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("worker")}),
                         1);
}

void TestCliCommands::status()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    CliRun ok = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("status")});
    EXPECT_EXIT(ok, 0);
    const QJsonObject status = ok.json();
    QCOMPARE(status.value(QStringLiteral("sealed")).toBool(), false);
    QCOMPARE(status.value(QStringLiteral("initialized")).toBool(), true);
    QVERIFY(!status.value(QStringLiteral("version")).toString().isEmpty());
    QVERIFY(status.value(QStringLiteral("token"))
                .toObject()
                .value(QStringLiteral("policies"))
                .toArray()
                .contains(QStringLiteral("root")));
    CliRun text = cli.run({QStringLiteral("status")});
    EXPECT_EXIT(text, 0);
    QVERIFY(text.out.contains("Sealed"));
    QVERIFY2(text.err.contains("warning: this is a root token"), text.err.constData());

    // The policies a less powerful token needs (the HCL itself is checked
    // against real requests in test_bao_policy).
    CliRun sign =
        cli.run({QStringLiteral("--mount"), QStringLiteral("signers/secp"), QStringLiteral("--namespace"),
                 QStringLiteral("team-a"), QStringLiteral("policy"), QStringLiteral("sign"),
                 QStringLiteral("--prefix"), QStringLiteral("blob-worker")});
    EXPECT_EXIT(sign, 0);
    QVERIFY2(
        sign.out.contains("path \"signers/secp/sign/blob-worker-*\" {\n  capabilities = [\"update\"]\n}"),
        sign.out.constData());
    QVERIFY(sign.out.contains("-namespace=team-a baokeys-sign-blob-worker"));
    QVERIFY(!sign.out.contains("keys/"));
    CliRun admin =
        cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("policy"),
                 QStringLiteral("admin"), QStringLiteral("--keys"), QStringLiteral("validator-1")});
    EXPECT_EXIT(admin, 0);
    QVERIFY(admin.json()
                .value(QStringLiteral("hcl"))
                .toString()
                .contains(QStringLiteral("path \"secp256k1/export/validator-1\"")));
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("policy"), QStringLiteral("sign")}), 2);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("policy"), QStringLiteral("sign"),
                                  QStringLiteral("--prefix"), QStringLiteral("bad/name")}),
                         2);

    cli.server().seal();
    CliRun sealed = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("status")});
    EXPECT_EXIT(sealed, 5);
    QCOMPARE(sealed.json().value(QStringLiteral("sealed")).toBool(), true);
}

// --addr with the nodes of a cluster: a standby listed first, the active
// node, one that is down. Requests reach the active node; status lists all.
void TestCliCommands::clusterStatusListsEveryNode()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    baokeys::signer::SignerOptions standbyOptions;
    standbyOptions.standbyOf = cli.server().address();
    baokeys::signer::SignerServer standby(standbyOptions);
    QVERIFY(standby.start().hasValue());
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString closed = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    const QString nodes =
        standby.address() + QLatin1Char(',') + cli.server().address() + QLatin1Char(',') + closed;

    EXPECT_EXIT(cli.run({QStringLiteral("--addr"), nodes, QStringLiteral("keys"), QStringLiteral("add"),
                         QStringLiteral("c1")}),
                0);
    QCOMPARE(cli.server().engineRequestCount() > 0, true);
    QCOMPARE(standby.engineRequestCount(), quint64(0));

    CliRun json = cli.run({QStringLiteral("--addr"), nodes, QStringLiteral("--output"),
                           QStringLiteral("json"), QStringLiteral("status")});
    EXPECT_EXIT(json, 0);
    QCOMPARE(json.json().value(QStringLiteral("address")).toString(), cli.server().address());
    const QJsonArray listed = json.json().value(QStringLiteral("nodes")).toArray();
    QCOMPARE(listed.size(), 3);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("standby"));
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("http_status")).toInt(), 429);
    QCOMPARE(listed.at(1).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("active"));
    QCOMPARE(listed.at(2).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("unreachable"));
    QVERIFY(listed.at(1).toObject().value(QStringLiteral("round_trip_ms")).isDouble());

    CliRun text = cli.run({QStringLiteral("--addr"), nodes, QStringLiteral("status")});
    EXPECT_EXIT(text, 0);
    QVERIFY2(text.out.contains("2 of 3 reachable"), text.out.constData());
    QVERIFY2(text.out.contains(standby.address().toUtf8() + "         standby"), text.out.constData());

    // Every listed address must be one.
    EXPECT_CLEAN_FAILURE(
        cli.run({QStringLiteral("--addr"), cli.server().address() + QStringLiteral(",bao-2:8200"),
                 QStringLiteral("status")}),
        2);
}

void TestCliCommands::unreachableSealedAndBadToken()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("k")}), 0);

    // A port nobody listens on.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString closed = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    for (const QStringList &command :
         {QStringList{QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("k2")},
          QStringList{QStringLiteral("sign"), QStringLiteral("k"), QStringLiteral("--data-hex"),
                      QStringLiteral("00")},
          QStringList{QStringLiteral("status")}}) {
        CliRun down = cli.run(QStringList{QStringLiteral("--output"), QStringLiteral("json"),
                                          QStringLiteral("--addr"), closed} +
                              command);
        EXPECT_CLEAN_FAILURE(down, 5);
        QVERIFY(down.err.contains("--addr"));
    }

    // Wrong token, no token.
    CliRun refused = cli.run({QStringLiteral("--token"), QStringLiteral("wrong"), QStringLiteral("sign"),
                              QStringLiteral("k"), QStringLiteral("--data-hex"), QStringLiteral("00")});
    EXPECT_CLEAN_FAILURE(refused, 4);
    const QString tokenFile = cli.writeFile(QStringLiteral("token"), "wrong-too\n");
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("--token-file"), tokenFile, QStringLiteral("keys"),
                                  QStringLiteral("add"), QStringLiteral("k3")}),
                         4);
    QProcessEnvironment noToken = cli.environment();
    noToken.remove(QStringLiteral("BAO_TOKEN"));
    EXPECT_CLEAN_FAILURE(
        CliHarness::runRaw({QStringLiteral("--store"), cli.storePath(), QStringLiteral("keys"),
                            QStringLiteral("add"), QStringLiteral("k4")},
                           noToken),
        4);
    // The right token from a file works.
    const QString goodToken = cli.writeFile(QStringLiteral("good-token"), cli.token().toUtf8() + "\n");
    EXPECT_EXIT(CliHarness::runRaw({QStringLiteral("--store"), cli.storePath(),
                                    QStringLiteral("--token-file"), goodToken, QStringLiteral("sign"),
                                    QStringLiteral("k"), QStringLiteral("--data-hex"), QStringLiteral("00")},
                                   noToken),
                0);

    // Sealed: exit 5, nothing on stdout.
    cli.server().seal();
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("sign"),
                                  QStringLiteral("k"), QStringLiteral("--data-hex"), QStringLiteral("00")}),
                         5);
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("k5")}), 5);
}

void TestCliCommands::securityFaultExitsSix()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("swapped")}), 0);
    // Behind this store's back, the server's "swapped" is replaced by another key.
    const QProcessEnvironment env = cli.environment();
    const QString other = cli.dir() + QStringLiteral("/other-store.json");
    EXPECT_EXIT(CliHarness::runRaw(
                    {QStringLiteral("--store"), other, QStringLiteral("keys"), QStringLiteral("sync")}, env),
                0);
    EXPECT_EXIT(
        CliHarness::runRaw({QStringLiteral("--store"), other, QStringLiteral("keys"),
                            QStringLiteral("delete"), QStringLiteral("swapped"), QStringLiteral("--yes")},
                           env),
        0);
    EXPECT_EXIT(CliHarness::runRaw({QStringLiteral("--store"), other, QStringLiteral("keys"),
                                    QStringLiteral("add"), QStringLiteral("swapped")},
                                   env),
                0);
    // The signer now answers with a public key the store does not hold: never printed, exit 6.
    CliRun run = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("sign"),
                          QStringLiteral("swapped"), QStringLiteral("--data-hex"), QStringLiteral("00")});
    EXPECT_CLEAN_FAILURE(run, 6);
    QVERIFY(run.err.contains("security fault"));
    CliRun batch = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("batch"),
                            QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("swapped"),
                            QStringLiteral("--message-hex"), QStringLiteral("00")});
    EXPECT_CLEAN_FAILURE(batch, 6);
    // Among successes too: the security fault outranks "partly failed" (3).
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("honest")}), 0);
    CliRun mixed =
        cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("batch"),
                 QStringLiteral("sign"), QStringLiteral("--keys"), QStringLiteral("honest,swapped,honest"),
                 QStringLiteral("--message-hex"), QStringLiteral("00")});
    QCOMPARE(mixed.exitCode, 6);
    QVERIFY2(mixed.err.contains("'swapped' with a security fault"), mixed.err.constData());
    QCOMPARE(mixed.out.count("\"signature\":\""), 2); // the honest ones are still printed
}

void TestCliCommands::usageMistakesExitTwo()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    // A malformed address is a usage error, not an unreachable server.
    for (const QString &address :
         {QStringLiteral("not a url"), QStringLiteral("ftp://127.0.0.1:8200"), QStringLiteral("http://")}) {
        CliRun run =
            cli.run({QStringLiteral("--addr"), address, QStringLiteral("keys"), QStringLiteral("list")});
        EXPECT_CLEAN_FAILURE(run, 2);
        QVERIFY2(run.err.contains("is not an http(s) address"), run.err.constData());
    }
    // A name longer than the rule the client and the signer share.
    CliRun longName =
        cli.run({QStringLiteral("keys"), QStringLiteral("add"), QString(129, QLatin1Char('k'))});
    EXPECT_CLEAN_FAILURE(longName, 2);
    QVERIFY2(longName.err.contains("longer than 128"), longName.err.constData());
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QString(128, QLatin1Char('k'))}), 0);
    // A store holding [] says what it is, not "no error occurred".
    const QString arrayStore = cli.writeFile(QStringLiteral("array.json"), "[]");
    CliRun array =
        cli.run({QStringLiteral("--store"), arrayStore, QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(array.exitCode, 1);
    QVERIFY2(array.err.contains("top level is an array"), array.err.constData());
    QVERIFY(!array.err.contains("no error occurred"));
}

void TestCliCommands::connectionOptions()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("slow")}), 0);
    // --timeout: a key the signer answers for after 3 s, a 300 ms timeout: unavailable (5), promptly.
    baokeys::signer::FaultSettings faults;
    faults.keyLatency.insert(QStringLiteral("slow"), std::chrono::milliseconds(3000));
    cli.server().setFaults(faults);
    CliRun timedOut = cli.run({QStringLiteral("--timeout"), QStringLiteral("300ms"), QStringLiteral("sign"),
                               QStringLiteral("slow"), QStringLiteral("--data-hex"), QStringLiteral("00")});
    EXPECT_CLEAN_FAILURE(timedOut, 5);
    QVERIFY2(timedOut.wallMs < 2500, qPrintable(QStringLiteral("took %1 ms").arg(timedOut.wallMs)));
    QVERIFY(timedOut.err.contains("timeout"));
    cli.server().setFaults({});

    // Another mount, or a namespace the server does not have: the engine is
    // not found there (1), and the hint points at those options (it pointed
    // at 'keys list').
    for (const QStringList &elsewhere :
         {QStringList{QStringLiteral("--mount"), QStringLiteral("elsewhere")},
          QStringList{QStringLiteral("--namespace"), QStringLiteral("team-nope")}}) {
        const CliRun run = cli.run(
            elsewhere + QStringList{QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("m1")});
        EXPECT_CLEAN_FAILURE(run, 1);
        QVERIFY2(run.err.contains("check --mount and --namespace"), qPrintable(run.describe()));
    }
    // The configured mount, given explicitly with slashes, works.
    EXPECT_EXIT(cli.run({QStringLiteral("--mount"), QStringLiteral("/secp256k1/"), QStringLiteral("keys"),
                         QStringLiteral("add"), QStringLiteral("m3")}),
                0);
    // A CA file that does not exist is a usage error before any request.
    EXPECT_CLEAN_FAILURE(cli.run({QStringLiteral("--ca-cert"), cli.dir() + QStringLiteral("/no-ca.pem"),
                                  QStringLiteral("status")}),
                         2);
    // --token and --token-file together are ambiguous.
    EXPECT_CLEAN_FAILURE(
        cli.run({QStringLiteral("--token"), QStringLiteral("a"), QStringLiteral("--token-file"),
                 cli.writeFile(QStringLiteral("t"), "b"), QStringLiteral("status")}),
        2);
    // VAULT_ADDR / VAULT_TOKEN are read when the BAO_ names are absent.
    QProcessEnvironment vault = cli.environment();
    vault.insert(QStringLiteral("VAULT_ADDR"), vault.value(QStringLiteral("BAO_ADDR")));
    vault.insert(QStringLiteral("VAULT_TOKEN"), vault.value(QStringLiteral("BAO_TOKEN")));
    vault.remove(QStringLiteral("BAO_ADDR"));
    vault.remove(QStringLiteral("BAO_TOKEN"));
    EXPECT_EXIT(CliHarness::runRaw({QStringLiteral("--store"), cli.storePath(), QStringLiteral("sign"),
                                    QStringLiteral("m3"), QStringLiteral("--data-hex"), QStringLiteral("00")},
                                   vault),
                0);
}

// The token and the namespace go into request headers, the mount and the
// namespace into policies and the command printed to apply them: a line
// break, a quote or a space there would add headers, policy blocks or shell
// commands of the sender's choosing. Each is a usage error naming its
// option, before any request.
void TestCliCommands::headerAndPolicyInjectionIsRefused()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const quint64 requestsBefore = cli.server().engineRequestCount();
    const struct {
        QStringList arguments;
        const char *named;
    } cases[] = {
        {{QStringLiteral("--token-file"),
          cli.writeFile(QStringLiteral("two-lines"), cli.token().toUtf8() + "\nX-Vault-Namespace: other\n"),
          QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("t1")},
         "--token-file: the token holds a line break"},
        {{QStringLiteral("--token"), cli.token() + QStringLiteral("\r\nX-Evil: 1"), QStringLiteral("keys"),
          QStringLiteral("add"), QStringLiteral("t2")},
         "--token: the token holds a line break"},
        {{QStringLiteral("--namespace"), QStringLiteral("team\r\nX-Evil: 1"), QStringLiteral("keys"),
          QStringLiteral("add"), QStringLiteral("t3")},
         "--namespace: the namespace holds a line break"},
        {{QStringLiteral("--mount"),
          QStringLiteral("secp256k1/sign/x\" { capabilities = [\"update\"] }\npath \"sys/*"),
          QStringLiteral("policy"), QStringLiteral("sign"), QStringLiteral("--prefix"), QStringLiteral("w")},
         "--mount: "},
        {{QStringLiteral("--namespace"), QStringLiteral("a\" ; rm -rf / #"), QStringLiteral("policy"),
          QStringLiteral("sign"), QStringLiteral("--prefix"), QStringLiteral("w")},
         "--namespace: 'a\" ; rm -rf / #' is not a namespace"},
        {{QStringLiteral("--mount"), QStringLiteral("two words"), QStringLiteral("keys"),
          QStringLiteral("add"), QStringLiteral("t4")},
         "--mount: 'two words' is not a mount path"},
    };
    for (const auto &bad : cases) {
        const CliRun run = cli.run(bad.arguments);
        EXPECT_CLEAN_FAILURE(run, 2);
        QVERIFY2(run.err.contains(bad.named), qPrintable(run.describe()));
    }
    QCOMPARE(cli.server().engineRequestCount(), requestsBefore);
    // Nested namespaces and mounts, and OpenBao's trailing slash, still pass.
    EXPECT_EXIT(
        cli.run({QStringLiteral("--namespace"), QStringLiteral("team-a/ops/"), QStringLiteral("--mount"),
                 QStringLiteral("signers/secp_1"), QStringLiteral("policy"), QStringLiteral("sign"),
                 QStringLiteral("--prefix"), QStringLiteral("w")}),
        0);
}

// An address whose path leads nowhere (a reverse proxy's prefix mistyped)
// is an error, not a server without keys: the sync fails, and no key is
// flagged missing. (The signer answered such paths with OpenBao's empty
// list; the sync flagged every key missing and exited 0.)
void TestCliCommands::anAddressWithAWrongPathFlagsNothingMissing()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("kept")}), 0);
    const QString wrong = cli.server().address() + QStringLiteral("/some/path");
    const CliRun sync =
        cli.run({QStringLiteral("--addr"), wrong, QStringLiteral("keys"), QStringLiteral("sync")});
    QVERIFY2(sync.exitCode != 0, qPrintable(sync.describe()));
    QVERIFY2(sync.err.contains("is the address right?"), qPrintable(sync.describe()));
    const CliRun show = cli.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                                 QStringLiteral("show"), QStringLiteral("kept")});
    EXPECT_EXIT(show, 0);
    QCOMPARE(show.json().value(QStringLiteral("missing_on_server")).toBool(true), false);
}

// What the options and the environment give is checked before any request,
// as the help's exit codes say (2: usage or unreadable input file): a CA
// file with no certificate (it was exit 5, "transport"), a BAO_CLIENT_TIMEOUT
// that is not a duration (it was silently 30 s), a password in the address
// (it was printed back by status and errors).
void TestCliCommands::settingsAreCheckedBeforeAnyRequest()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const quint64 requestsBefore = cli.server().engineRequestCount();
    const QString junk = cli.writeFile(QStringLiteral("junk.pem"), "not a certificate\n");
    const QString secretAddress =
        cli.server().address().replace(QStringLiteral("http://"), QStringLiteral("http://user:SECRETPW@"));
    const struct {
        const char *variable; // set in the environment, or nullptr
        QString value;
        QStringList arguments;
        const char *said;
    } cases[] = {
        {nullptr, {}, {QStringLiteral("--ca-cert"), junk, QStringLiteral("status")}, "--ca-cert: '"},
        {"BAO_CACERT", junk, {QStringLiteral("status")}, "BAO_CACERT: '"},
        {"BAO_CLIENT_TIMEOUT",
         QStringLiteral("garbage"),
         {QStringLiteral("status")},
         "BAO_CLIENT_TIMEOUT: 'garbage' is not a duration"},
        {nullptr,
         {},
         {QStringLiteral("--addr"), secretAddress, QStringLiteral("status")},
         "--addr: the address holds a user name or password"},
        {"BAO_ADDR",
         secretAddress,
         {QStringLiteral("status")},
         "BAO_ADDR: the address holds a user name or password"},
    };
    for (const auto &bad : cases) {
        QProcessEnvironment environment = cli.environment();
        if (bad.variable)
            environment.insert(QLatin1String(bad.variable), bad.value);
        const CliRun run = CliHarness::runRaw(
            QStringList{QStringLiteral("--store"), cli.storePath()} + bad.arguments, environment);
        EXPECT_CLEAN_FAILURE(run, 2);
        QVERIFY2(run.err.contains(bad.said), qPrintable(run.describe()));
        QVERIFY2(!run.err.contains("SECRETPW"), qPrintable(run.describe()));
    }
    QCOMPARE(cli.server().engineRequestCount(), requestsBefore);
}

// A create whose answer is lost leaves its name in the journal, and the
// key perhaps on the server only. Until a sync or the same command settles
// it, keys list says so and keys show points there (they said "no keys" and
// "not found").
void TestCliCommands::aKeyWithoutAKnownOutcomeIsNamedUntilSettled()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    baokeys::testsupport::MiniEngine engine;
    baokeys::testsupport::FakeBaoServer server([&engine](const baokeys::testsupport::FakeRequest &request) {
        baokeys::testsupport::FakeResponse answer = engine.handle(request); // the key is made either way
        if (request.method == "POST" && request.path.endsWith(QLatin1String("/keys/lost")))
            return baokeys::testsupport::FakeResponse::drop();
        return answer;
    });
    QVERIFY(server.start());
    const QStringList there{QStringLiteral("--addr"), server.address()};
    EXPECT_EXIT(
        cli.run(there + QStringList{QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("lost")}),
        5);

    const CliRun list = cli.run({QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_EXIT(list, 0);
    QVERIFY2(list.err.contains("creating or importing lost was interrupted or its answer lost"),
             qPrintable(list.describe()));
    const CliRun show = cli.run({QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("lost")});
    EXPECT_CLEAN_FAILURE(show, 1);
    QVERIFY2(show.err.contains("run 'keys sync'"), qPrintable(show.describe()));

    EXPECT_EXIT(cli.run(there + QStringList{QStringLiteral("keys"), QStringLiteral("sync")}), 0);
    const CliRun settled = cli.run({QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_EXIT(settled, 0);
    QVERIFY2(!settled.err.contains("note:"), qPrintable(settled.describe()));
    QVERIFY2(settled.out.contains("lost"), qPrintable(settled.describe()));
}

void TestCliCommands::defaultStoreIsPrivate()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    // No --store: <XDG_DATA_HOME>/baokeys/store.json, its folder created 0700, the file 0600.
    EXPECT_EXIT(CliHarness::runRaw({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("home")},
                                   cli.environment()),
                0);
    const QString folder = cli.dir() + QStringLiteral("/xdg-data/baokeys");
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(folder).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0777), 0700);
    // So is the parent made for it (XDG_DATA_HOME did not exist): it followed the umask.
    QCOMPARE(::stat(QFile::encodeName(cli.dir() + QStringLiteral("/xdg-data")).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0777), 0700);
    QCOMPARE(::stat(QFile::encodeName(folder + QStringLiteral("/store.json")).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0777), 0600);
    CliRun shown = CliHarness::runRaw(
        {QStringLiteral("keys"), QStringLiteral("show"), QStringLiteral("home")}, cli.environment());
    EXPECT_EXIT(shown, 0);
}

void TestCliCommands::aCorruptJournalKeepsTheStore()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const QString hex = m_vectors.value(QStringLiteral("keys"))
                            .toArray()
                            .first()
                            .toObject()
                            .value(QStringLiteral("privkey_hex"))
                            .toString();
    EXPECT_EXIT(
        cli.run({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("jc-brought"),
                 QStringLiteral("--hex-file"), cli.writeFile(QStringLiteral("k.hex"), hex.toLatin1())}),
        0);
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("jc-gen")}), 0);
    EXPECT_EXIT(cli.run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("jc-gone")}), 0);
    // jc-gone leaves the server only, through a copy of the store.
    const QString copy = cli.dir() + QStringLiteral("/copy.json");
    QVERIFY(QFile::copy(cli.storePath(), copy));
    EXPECT_EXIT(
        CliHarness::runRaw({QStringLiteral("--store"), copy, QStringLiteral("keys"), QStringLiteral("delete"),
                            QStringLiteral("jc-gone"), QStringLiteral("--yes")},
                           cli.environment()),
        0);
    const QString journal = cli.storePath() + QStringLiteral(".journal");
    QVERIFY(QFile::exists(cli.storePath()));
    QFile torn(journal);
    QVERIFY(torn.open(QIODevice::WriteOnly));
    torn.write("{\"format\":\"baokeys-journal\",\"version\":1,\"batches\":{\n");
    torn.close();

    CliRun refused = cli.run({QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_CLEAN_FAILURE(refused, 1);
    QVERIFY2(refused.err.contains(journal.toUtf8()), qPrintable(refused.describe()));

    CliRun synced = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("sync")});
    EXPECT_EXIT(synced, 0);
    QCOMPARE(synced.json().value(QStringLiteral("corrupt_backup")).toString(), QString());
    QVERIFY2(synced.json()
                 .value(QStringLiteral("corrupt_journal_backup"))
                 .toString()
                 .startsWith(journal + QStringLiteral(".corrupt-")),
             synced.out.constData());
    const QStringList aside = QDir(cli.dir()).entryList({QStringLiteral("*.corrupt-*")});
    QCOMPARE(aside.size(), 1); // the journal alone
    QVERIFY2(aside.first().startsWith(QFileInfo(journal).fileName()), qPrintable(aside.first()));

    CliRun listed = cli.run(
        {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"), QStringLiteral("list")});
    EXPECT_EXIT(listed, 0);
    QHash<QString, QString> sources;
    QStringList missing;
    for (const QJsonValue &value : listed.jsonArray()) {
        const QJsonObject key = value.toObject();
        sources.insert(key.value(QStringLiteral("name")).toString(),
                       key.value(QStringLiteral("source")).toString());
        if (key.value(QStringLiteral("missing_on_server")).toBool())
            missing << key.value(QStringLiteral("name")).toString();
    }
    QCOMPARE(sources.value(QStringLiteral("jc-brought")), QStringLiteral("imported"));
    QCOMPARE(sources.value(QStringLiteral("jc-gen")), QStringLiteral("generated"));
    QCOMPARE(sources.value(QStringLiteral("jc-gone")), QStringLiteral("generated")); // kept, flagged missing
    QCOMPARE(missing, QStringList{QStringLiteral("jc-gone")});
}

void TestCliCommands::aStorePathThatIsNoRegularFileIsRefusedAndLeftInPlace()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    // A device (a symlink to /dev/null: anyone can make one; the store
    // follows symlinks) and a FIFO, which a reader would wait on for ever.
    const QString device = cli.dir() + QStringLiteral("/device.json");
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), device));
    const QString fifo = cli.dir() + QStringLiteral("/fifo.json");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QStringList before =
        QDir(cli.dir()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &store : {device, fifo}) {
        for (const QString &command : {QStringLiteral("list"), QStringLiteral("sync")}) {
            CliRun run = CliHarness::runRaw(
                {QStringLiteral("--store"), store, QStringLiteral("keys"), command}, cli.environment());
            EXPECT_CLEAN_FAILURE(run, 1);
            QVERIFY2(run.err.contains("not a regular file"), qPrintable(run.describe()));
            QVERIFY2(run.wallMs < 30'000, qPrintable(run.describe()));
        }
    }
    QCOMPARE(QDir(cli.dir()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot), before);
    QVERIFY(QFileInfo(device).isSymLink());
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(device).constData(), &info), 0);
    QVERIFY(S_ISCHR(info.st_mode));
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &info), 0);
    QVERIFY(S_ISFIFO(info.st_mode));
}

void TestCliCommands::foldersMadeForTheStoreAreOwnerOnly()
{
    CliHarness cli;
    QVERIFY2(cli.started(), qPrintable(cli.startError()));
    const QString store = cli.dir() + QStringLiteral("/newdir/sub/st.json");
    EXPECT_EXIT(CliHarness::runRaw({QStringLiteral("--store"), store, QStringLiteral("keys"),
                                    QStringLiteral("add"), QStringLiteral("private")},
                                   cli.environment(), {}, [] { ::umask(0); }),
                0);
    struct stat info {};
    for (const QString &folder :
         {cli.dir() + QStringLiteral("/newdir"), cli.dir() + QStringLiteral("/newdir/sub")}) {
        QCOMPARE(::stat(QFile::encodeName(folder).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0700);
    }
    QCOMPARE(::stat(QFile::encodeName(store).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0777), 0600);
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "TestCliCommands.moc"
