#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace baokeys::testsupport {

// One known-answer file (JSON object at the top), loaded whole. The shared
// Cosmos vectors come from BAOKEYS_SHARED_DIR when it is there (CI lays
// ../shared beside the checkout) and otherwise from the copy in tests/data.
// An unreadable or malformed file loads as invalid, which the tests turn
// into a failure naming path().
//
// Header-only: the folders are compile definitions of each test target.
// Thread-safety: a loaded VectorFile is immutable; const members may be
// called from any thread.
class VectorFile {
public:
    static QString dataPath(const char *name)
    {
        return QStringLiteral(BAOKEYS_TEST_DATA_DIR "/") + QLatin1String(name);
    }

    static QString cosmosPath()
    {
        const QString shared = QStringLiteral(BAOKEYS_SHARED_DIR "/vectors/cosmos-vectors.json");
        return QFile::exists(shared) ? shared : dataPath("cosmos-vectors.json");
    }

    static VectorFile load(const QString &path)
    {
        VectorFile vectors;
        vectors.m_path = path;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return vectors;
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        vectors.m_valid = error.error == QJsonParseError::NoError && document.isObject();
        vectors.m_object = document.object();
        return vectors;
    }

    static VectorFile cosmos() { return load(cosmosPath()); }

    bool isValid() const { return m_valid; }
    const QString &path() const { return m_path; }
    const QJsonObject &object() const { return m_object; }
    QJsonArray section(const char *name) const { return m_object.value(QLatin1String(name)).toArray(); }

private:
    QString m_path;
    QJsonObject m_object;
    bool m_valid = false;
};

} // namespace baokeys::testsupport
