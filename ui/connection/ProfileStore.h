#pragma once

#include "ui/connection/Profile.h"

#include <QList>
#include <QSettings>
#include <optional>

namespace baokeys::ui {

// The saved profiles and which one is active, in QSettings (group
// "profiles"). Never a token: those are in the OS keychain.
// Thread-safety: not thread-safe; GUI thread.
class ProfileStore {
public:
    explicit ProfileStore(QSettings *settings = nullptr); // nullptr: the app's QSettings

    QList<Profile> all() const; // sorted by name
    std::optional<Profile> find(const QString &id) const;
    void save(const Profile &profile); // assigns an id when empty (written back)
    void save(Profile *profile);
    void remove(const QString &id);
    QString activeId() const;
    void setActiveId(const QString &id);
    bool isEmpty() const;

private:
    QSettings &settings() const;

    QSettings *m_external = nullptr;
    mutable std::optional<QSettings> m_own;
};

} // namespace baokeys::ui
