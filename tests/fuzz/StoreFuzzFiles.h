#pragma once

// The store and journal fuzz targets load files, as BaoStore only takes a
// path: one temporary folder for the whole run, its files rewritten per input.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace baokeys::fuzz {

inline const QString &storePath()
{
    static QTemporaryDir folder;
    static const QString path = [] {
        if (!folder.isValid()) {
            std::fprintf(stderr, "fuzz: no temporary folder\n");
            std::abort();
        }
        return folder.filePath(QStringLiteral("store.json"));
    }();
    return path;
}

// `bytes` as the file at `path`, or no file when `bytes` is null.
inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile::remove(path);
    if (bytes.isNull())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", qPrintable(path));
        std::abort();
    }
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace baokeys::fuzz
