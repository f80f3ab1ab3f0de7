#pragma once

#include "core/common/Expected.h"

#include <QByteArrayView>
#include <QString>

// Crash-safe file replacement for persistent mode: write a temp file beside
// the target (mode 0600), fsync it, rename it over the target, fsync the
// folder. A reader sees the old file or the new one, never half of either.
// Stateless functions: thread-safe for distinct paths.
namespace baokeys::signer::AtomicFile {

Expected<void, QString> write(const QString &path, QByteArrayView data);
// Removes the file and fsyncs its folder so the removal survives a crash.
Expected<void, QString> remove(const QString &path);
Expected<void, QString> syncDirectory(const QString &dir);

} // namespace baokeys::signer::AtomicFile
