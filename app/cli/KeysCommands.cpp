#include "cli/KeysCommands.h"

#include "cli/CliText.h"

#include "cli/CommandContext.h"
#include "cli/Console.h"
#include "cli/InputReader.h"
#include "cli/KeyView.h"
#include "cli/PrivateFile.h"
#include "core/common/KeyName.h"
#include "core/crypto/Hex.h"
#include "core/keyring/BaoKeyring.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace baokeys::cli {

namespace {

QCommandLineOption flag(const QString &name, const char *description)
{
    return QCommandLineOption(name, tr(description));
}

QCommandLineOption fileOption(const QString &name, const char *description)
{
    return QCommandLineOption(name, tr(description), QStringLiteral("FILE"));
}

void printKey(CommandContext &context, const keyring::KeyRecord &record)
{
    if (context.json())
        Console::outJson(KeyView::toJson(record, context.config().hrp));
    else
        Console::out(KeyView::toText(record, context.config().hrp).toUtf8());
}

crypto::SecureBytes concat(std::initializer_list<QByteArrayView> parts)
{
    size_t size = 0;
    for (QByteArrayView part : parts)
        size += size_t(part.size());
    crypto::SecureBytes joined(size);
    size_t at = 0;
    for (QByteArrayView part : parts) {
        std::copy(part.begin(), part.end(), joined.data() + at);
        at += size_t(part.size());
    }
    return joined;
}

// A secret's bytes as a QString for the keyring calls that take one; the
// caller wipes it (crypto::wipe) as soon as the call returns.
QString secretString(const crypto::SecureBytes &secret)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(secret.data()), qsizetype(secret.size()));
}

} // namespace

void KeysCommands::registerAll(CommandLine &commandLine)
{
    const QStringList keys{QStringLiteral("keys")};
    commandLine.addCommand(
        {keys + QStringList{QStringLiteral("add")},
         tr("Create a key on the server and keep its public metadata.\n"
            "The private key never leaves the signer unless the key is --exportable."),
         {QStringLiteral("NAME")},
         {flag(QStringLiteral("exportable"), "Allow the private key to be exported later.")},
         &KeysCommands::add});
    commandLine.addCommand({keys + QStringList{QStringLiteral("list")},
                            tr("List the keys of the local store (no server needed)."),
                            {},
                            {},
                            &KeysCommands::list});
    commandLine.addCommand({keys + QStringList{QStringLiteral("show")},
                            tr("Show a key's address and public key (local store)."),
                            {QStringLiteral("NAME")},
                            {},
                            &KeysCommands::show});
    commandLine.addCommand(
        {keys + QStringList{QStringLiteral("delete")},
         tr("Delete keys on the server, then locally. This cannot be undone.\n"
            "Every name must be in the store, or nothing is deleted; one confirmation for all.\n"
            "After a failure of the whole server (sealed, unreachable) the rest are not tried."),
         {QStringLiteral("NAME...")},
         {QCommandLineOption(QStringList{QStringLiteral("y"), QStringLiteral("yes")},
                             tr("Do not ask for confirmation."))},
         &KeysCommands::remove});
    commandLine.addCommand(
        {keys + QStringList{QStringLiteral("rename")},
         tr("Rename an exportable key.\n"
            "The engine has no rename: the key is copied under the new name, checked to have the\n"
            "same public key, then the old name is deleted. A non-exportable key cannot be renamed."),
         {QStringLiteral("OLD"), QStringLiteral("NEW")},
         {},
         &KeysCommands::rename});
    commandLine.addCommand(
        {keys + QStringList{QStringLiteral("sync")},
         tr("Reconcile the local store with the server's key list.\n"
            "Adopts keys the store does not know, flags keys the server no longer has, and\n"
            "rebuilds a corrupt store file (kept aside, never deleted)."),
         {},
         {},
         &KeysCommands::sync});
    commandLine.addCommand(
        {keys + QStringList{QStringLiteral("import")},
         tr("Import a private key (64 hex digits) or a BIP-39 mnemonic.\n"
            "A mnemonic is derived here (BIP-32 path --hd-path), then the key is imported.\n"
            "Secrets are read from files or stdin ('-'), never from the command line, and wiped after use."),
         {QStringLiteral("NAME")},
         {fileOption(QStringLiteral("hex-file"), "Read the private key in hex from FILE ('-': stdin)."),
          fileOption(QStringLiteral("mnemonic-file"), "Read the BIP-39 mnemonic from FILE ('-': stdin)."),
          QCommandLineOption(QStringLiteral("hd-path"), tr("BIP-32 path for --mnemonic-file."),
                             QStringLiteral("PATH"), QStringLiteral("m/44'/118'/0'/0/0")),
          fileOption(QStringLiteral("bip39-passphrase-file"),
                     "Read the BIP-39 passphrase from FILE ('-': stdin)."),
          flag(QStringLiteral("exportable"), "Allow the key to be exported later.")},
         &KeysCommands::importKey});
    commandLine.addCommand(
        {keys + QStringList{QStringLiteral("export")},
         tr("Export the private key of an exportable key, in hex.\n"
            "Printed on stdout after a confirmation (--yes skips it; without a terminal --yes is\n"
            "required), or written to a new file created with mode 0600 (--out)."),
         {QStringLiteral("NAME")},
         {QCommandLineOption(QStringList{QStringLiteral("y"), QStringLiteral("yes")},
                             tr("Do not ask before printing the private key.")),
          fileOption(QStringLiteral("out"), "Write the key to FILE (new, mode 0600) instead of stdout.")},
         &KeysCommands::exportKey});
}

CliResult<void> KeysCommands::checkName(const QString &name)
{
    if (!KeyName::isValid(name))
        return cliError(
            CliError::usage(tr("invalid key name '%1': %2 (use letters, digits, '_', and '-' or '.' inside)")
                                .arg(name, KeyName::whyInvalid(name))));
    return {};
}

CliResult<QString> KeysCommands::nameArgument(const Invocation &invocation, int position)
{
    const QString name = invocation.positionals().at(position);
    if (auto valid = checkName(name); !valid)
        return cliError(valid.error());
    return name;
}

CliResult<void> KeysCommands::confirm(const Invocation &invocation, const QString &question)
{
    if (invocation.isSet(QStringLiteral("yes")))
        return {};
    if (!Console::stdinIsTerminal())
        return cliError(CliError::usage(tr("%1 needs confirmation, and stdin is not a terminal: pass --yes")
                                            .arg(invocation.spec().path.join(QLatin1Char(' ')))));
    if (!Console::confirm(question))
        return cliError(CliError::failure(tr("cancelled; nothing was changed")));
    return {};
}

CliResult<ExitCode> KeysCommands::add(CommandContext &context, const Invocation &invocation)
{
    auto named = nameArgument(invocation);
    if (!named)
        return cliError(named.error());
    const QString name = *named;
    auto keyring = context.serverKeyring();
    if (!keyring)
        return cliError(keyring.error());
    auto record = (*keyring)->newAccount(name, invocation.isSet(QStringLiteral("exportable")));
    if (!record)
        return cliError(CliError::fromBao(record.error()));
    printKey(context, *record);
    return ExitCode::Success;
}

CliResult<ExitCode> KeysCommands::list(CommandContext &context, const Invocation &)
{
    auto keyring = context.keyring();
    if (!keyring)
        return cliError(keyring.error());
    const QList<keyring::KeyRecord> records = (*keyring)->list();
    // Names whose create or import has no known outcome are in no list but
    // this note: the server may hold them.
    if (const QStringList unsettled = (*keyring)->store().journalUids(); !unsettled.isEmpty())
        Console::errLine(
            tr("note: creating or importing %1 was interrupted or its answer lost, so the server "
               "may hold it; run 'keys sync', or the same command again")
                .arg(listed(unsettled)));
    if (context.json()) {
        QJsonArray array;
        for (const keyring::KeyRecord &record : records)
            array << KeyView::toJson(record, context.config().hrp);
        Console::outJson(array);
    } else if (records.isEmpty()) {
        Console::errLine(tr("no keys in %1 (see 'keys add', 'batch create' or 'keys sync')")
                             .arg(context.config().storePath));
    } else {
        Console::out(KeyView::toTable(records, context.config().hrp).toUtf8());
    }
    return ExitCode::Success;
}

CliResult<ExitCode> KeysCommands::show(CommandContext &context, const Invocation &invocation)
{
    auto named = nameArgument(invocation);
    if (!named)
        return cliError(named.error());
    const QString name = *named;
    auto record = context.storedKey(name, false);
    if (!record)
        return cliError(record.error());
    printKey(context, *record);
    return ExitCode::Success;
}

namespace {

// The one confirmation for the keys to delete.
QString deletionQuestion(const QList<keyring::KeyRecord> &records)
{
    if (records.size() == 1) {
        const QString name = records.first().uid;
        return records.first().replacedOnServer
                   ? tr("The server's '%1' is another key than the stored one (found by 'keys sync'). Remove "
                        "the stored entry? The server's key is left untouched.")
                         .arg(name)
                   : tr("Delete key '%1' on the server? This cannot be undone.").arg(name);
    }
    QStringList names;
    QStringList replaced;
    for (const keyring::KeyRecord &record : records) {
        names << record.uid;
        if (record.replacedOnServer)
            replaced << record.uid;
    }
    QString question = tr("Delete %1 keys on the server (%2)? This cannot be undone.")
                           .arg(records.size())
                           .arg(listed(names, 5));
    if (!replaced.isEmpty())
        question +=
            QLatin1Char(' ') + tr("The server's %1 is another key than the stored one (found by 'keys "
                                  "sync'): only the stored entry is removed, the server's key is left "
                                  "untouched.")
                                   .arg(listed(replaced, 5));
    return question;
}

// A deleted key's line, or its JSON object.
QString removalLine(const QString &name, keyring::BaoKeyring::Removal removal)
{
    using Removal = keyring::BaoKeyring::Removal;
    if (removal == Removal::AnotherKeyOnServer)
        return tr("removed '%1' from the store only: the server's '%1' is another key, left untouched ('keys "
                  "sync' adopts it)")
            .arg(name);
    if (removal == Removal::NotOnServer)
        return tr("removed '%1' from the store: the server no longer had it").arg(name);
    return tr("deleted key '%1'").arg(name);
}

QJsonObject removalJson(const QString &name, keyring::BaoKeyring::Removal removal)
{
    using Removal = keyring::BaoKeyring::Removal;
    const QString onServer = removal == Removal::DeletedOnServer ? QStringLiteral("deleted")
                             : removal == Removal::NotOnServer   ? QStringLiteral("not there")
                                                                 : QStringLiteral("another key, left");
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("deleted"), true},
                       {QStringLiteral("on_server"), onServer}};
}

// A key of several that is still there, with its reason: the output
// accounts for every name given. `kind`: BaoError::kindName, empty for a
// key that was not tried.
QJsonObject notRemovedJson(const QString &name, const QString &reason, const QString &kind)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("deleted"), false},
                       {QStringLiteral("error"), reason},
                       {QStringLiteral("error_kind"), kind.isEmpty() ? QJsonValue() : QJsonValue(kind)}};
}

} // namespace

CliResult<ExitCode> KeysCommands::remove(CommandContext &context, const Invocation &invocation)
{
    // Every name is checked against the store before anything is deleted: a
    // mistyped name stops the command, not the deletion half-way.
    QStringList names;
    QList<keyring::KeyRecord> records;
    for (const QString &name : invocation.positionals()) {
        if (auto valid = checkName(name); !valid)
            return cliError(valid.error());
        if (names.contains(name))
            continue;
        auto record = context.storedKey(name, true);
        if (!record) {
            CliError error = record.error();
            if (invocation.positionals().size() > 1)
                error.message += tr("; nothing was deleted");
            return cliError(error);
        }
        names << name;
        records << *record;
    }
    auto keyring = context.serverKeyring(); // opened by storedKey()
    if (!keyring)
        return cliError(keyring.error());
    if (auto confirmed = confirm(invocation, deletionQuestion(records)); !confirmed)
        return cliError(confirmed.error());

    const keyring::BaoKeyring::RemovalReport report = (*keyring)->removeEach(names);
    if (names.size() == 1 && !report.failures.isEmpty())
        return cliError(CliError::fromBao(report.failures.first().second));
    // One name: its object or line, as always. Several: a line, or an
    // array entry, for each name.
    QJsonArray entries;
    QStringList lines;
    for (const auto &[name, removal] : report.removed) {
        entries << removalJson(name, removal);
        lines << removalLine(name, removal);
    }
    for (const auto &[name, error] : report.failures) {
        const QString reason = error.describe().simplified();
        entries << notRemovedJson(name, reason, bao::BaoError::kindName(error.kind));
        lines << tr("'%1' not deleted: %2").arg(name, reason);
    }
    for (const QString &name : report.notTried) {
        entries << notRemovedJson(name, tr("not tried: the server failed on an earlier key"), {});
        lines << tr("'%1' not tried: the server failed on an earlier key").arg(name);
    }
    if (!context.json())
        Console::outLine(lines.join(QLatin1Char('\n')));
    else if (names.size() == 1)
        Console::outJson(entries.first().toObject());
    else
        Console::outJson(entries);
    if (report.failures.isEmpty())
        return ExitCode::Success;
    if (!report.removed.isEmpty())
        return ExitCode::PartialBatch;
    CliError error = CliError::fromBao(report.failures.first().second);
    error.message = tr("none of the %1 keys was deleted; '%2': %3")
                        .arg(names.size())
                        .arg(report.failures.first().first, error.message);
    return cliError(error);
}

CliResult<ExitCode> KeysCommands::rename(CommandContext &context, const Invocation &invocation)
{
    auto from = nameArgument(invocation, 0);
    if (!from)
        return cliError(from.error());
    auto to = nameArgument(invocation, 1);
    if (!to)
        return cliError(to.error());
    auto keyring = context.serverKeyring();
    if (!keyring)
        return cliError(keyring.error());
    auto record = (*keyring)->rename(*from, *to);
    if (!record)
        return cliError(CliError::fromBao(record.error()));
    printKey(context, *record);
    return ExitCode::Success;
}

CliResult<ExitCode> KeysCommands::sync(CommandContext &context, const Invocation &)
{
    auto keyring = context.serverKeyring(true);
    if (!keyring)
        return cliError(keyring.error());
    // Keys named in the journal of an interrupted batch are adopted first
    // (recoverJournal() reads each one from the server) and reported as
    // recovered, whatever sync() itself then finds.
    QStringList recovered;
    if (!(*keyring)->storeError()) {
        auto adopted = (*keyring)->recoverJournal();
        if (!adopted)
            return cliError(CliError::fromBao(adopted.error()));
        recovered = *adopted;
    }
    auto report = (*keyring)->sync();
    if (!report)
        return cliError(CliError::fromBao(report.error()));
    report->recovered = recovered + report->recovered;
    if (context.json()) {
        QJsonObject object{
            {QStringLiteral("adopted"), QJsonArray::fromStringList(report->adopted)},
            {QStringLiteral("recovered"), QJsonArray::fromStringList(report->recovered)},
            {QStringLiteral("missing"), QJsonArray::fromStringList(report->missing)},
            {QStringLiteral("updated"), QJsonArray::fromStringList(report->updated)},
            {QStringLiteral("conflicts"), QJsonArray::fromStringList(report->conflicts)},
            {QStringLiteral("corrupt_backup"), report->corruptBackup},
            {QStringLiteral("corrupt_journal_backup"), report->corruptJournalBackup},
            {QStringLiteral("keys"), int((*keyring)->list().size())},
        };
        Console::outJson(object);
    } else {
        const auto line = [](const QString &label, const QStringList &names) {
            return QStringLiteral("%1 %2%3\n")
                .arg(label, -10)
                .arg(names.size())
                .arg(names.isEmpty() ? QString() : QStringLiteral(": ") + names.join(QStringLiteral(", ")));
        };
        QString text = line(tr("adopted"), report->adopted) + line(tr("recovered"), report->recovered) +
                       line(tr("missing"), report->missing) + line(tr("updated"), report->updated) +
                       line(tr("conflicts"), report->conflicts);
        if (!report->corruptBackup.isEmpty())
            text += tr("the unreadable store file was kept as %1\n").arg(report->corruptBackup);
        if (!report->corruptJournalBackup.isEmpty())
            text += tr("the unreadable journal was kept as %1; the store kept its keys\n")
                        .arg(report->corruptJournalBackup);
        if (!report->conflicts.isEmpty())
            text += tr("warning: conflicting keys have another public key on the server; signing with them "
                       "fails. 'keys delete NAME' removes the stored entry and leaves the server's key.\n");
        Console::out(text.toUtf8());
    }
    return ExitCode::Success;
}

CliResult<ExitCode> KeysCommands::importKey(CommandContext &context, const Invocation &invocation)
{
    auto named = nameArgument(invocation);
    if (!named)
        return cliError(named.error());
    const QString name = *named;
    auto source = invocation.exactlyOne({QStringLiteral("hex-file"), QStringLiteral("mnemonic-file")});
    if (!source)
        return cliError(source.error());
    const bool mnemonic = *source == QLatin1String("mnemonic-file");
    if (!mnemonic && (invocation.isSet(QStringLiteral("hd-path")) ||
                      invocation.isSet(QStringLiteral("bip39-passphrase-file"))))
        return cliError(CliError::usage(
            tr("keys import: --hd-path and --bip39-passphrase-file go with --mnemonic-file")));
    const QString secretPath = invocation.value(*source);
    const QString passphrasePath = invocation.value(QStringLiteral("bip39-passphrase-file"));
    if (secretPath == QLatin1String("-") && passphrasePath == QLatin1String("-"))
        return cliError(CliError::usage(tr("keys import: only one of the secrets can come from stdin")));

    auto keyring = context.serverKeyring();
    if (!keyring)
        return cliError(keyring.error());
    auto secret =
        InputReader::readSecret(QStringLiteral("--") + *source, secretPath, InputReader::Trim::Whitespace,
                                mnemonic ? tr("BIP-39 mnemonic") : tr("Private key (64 hex digits)"));
    if (!secret)
        return cliError(secret.error());
    keyring::ImportOptions options;
    options.exportable = invocation.isSet(QStringLiteral("exportable"));

    keyring::KeyringResult<keyring::KeyRecord> record =
        bao::baoError(bao::BaoErrorKind::InvalidInput, QStringLiteral("not imported"));
    if (mnemonic) {
        crypto::SecureBytes passphrase;
        if (invocation.isSet(QStringLiteral("bip39-passphrase-file"))) {
            // A passphrase may begin or end with spaces: only the final newline goes.
            auto read = InputReader::readSecret(QStringLiteral("--bip39-passphrase-file"), passphrasePath,
                                                InputReader::Trim::FinalNewline, tr("BIP-39 passphrase"));
            if (!read)
                return cliError(read.error());
            passphrase = std::move(*read);
        }
        QString words = secretString(*secret);
        QString normalized = words.simplified(); // one space between words, as BIP-39 wants
        QString phrase = secretString(passphrase);
        record = (*keyring)->importMnemonic(name, normalized, phrase,
                                            invocation.value(QStringLiteral("hd-path")), options);
        crypto::wipe(words);
        crypto::wipe(normalized);
        crypto::wipe(phrase);
    } else {
        QString hex = secretString(*secret);
        record = (*keyring)->importPrivateKey(name, hex, options);
        crypto::wipe(hex);
    }
    secret->wipe();
    if (!record)
        return cliError(CliError::fromBao(record.error()));
    printKey(context, *record);
    return ExitCode::Success;
}

CliResult<ExitCode> KeysCommands::exportKey(CommandContext &context, const Invocation &invocation)
{
    auto named = nameArgument(invocation);
    if (!named)
        return cliError(named.error());
    const QString name = *named;
    const bool toFile = invocation.isSet(QStringLiteral("out"));
    const QString out = invocation.value(QStringLiteral("out"));
    if (toFile && (out.isEmpty() || out == QLatin1String("-")))
        return cliError(CliError::usage(tr("--out needs a file name; without --out the key goes to stdout")));
    auto record = context.storedKey(name, true);
    if (!record)
        return cliError(record.error());
    auto keyring = context.serverKeyring(); // opened by storedKey()
    if (!keyring)
        return cliError(keyring.error());
    if (!toFile) {
        // A file is created 0600; a terminal may be watched or logged: ask.
        if (auto confirmed = confirm(invocation, tr("Print the unencrypted private key of '%1'?").arg(name));
            !confirmed)
            return cliError(confirmed.error());
    }
    auto privateKey = (*keyring)->exportPrivateKey(name);
    if (!privateKey)
        return cliError(CliError::fromBao(privateKey.error()));
    const crypto::SecureBytes hex = crypto::Hex::encodeSecret(*privateKey);
    privateKey->wipe();
    if (toFile) {
        const crypto::SecureBytes content = concat({hex.view(), "\n"});
        if (auto written = PrivateFile::writeNew(out, content.view()); !written)
            return cliError(written.error());
        if (context.json())
            Console::outJson(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("file"), out}});
        else
            Console::errLine(tr("wrote the private key of '%1' to %2 (mode 0600)").arg(name, out));
        return ExitCode::Success;
    }
    // Written by hand, not through QJsonDocument, so every copy of the key is
    // a wiping buffer. The name is a checked key name: nothing to escape.
    const QByteArray nameBytes = name.toUtf8();
    const crypto::SecureBytes content =
        context.json() ? concat({"{\"name\":\"", nameBytes, "\",\"private_key_hex\":\"", hex.view(), "\"}\n"})
                       : concat({hex.view(), "\n"});
    Console::out(content.view());
    return ExitCode::Success;
}

} // namespace baokeys::cli
