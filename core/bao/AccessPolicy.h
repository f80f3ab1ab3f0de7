#pragma once

#include <QString>
#include <QStringList>

namespace baokeys::bao {

// The least-privilege OpenBao policies an operator writes for BaoKeys, as
// HCL: what a token needs to sign with some keys, to provision them, or to
// administer the engine. Generated from a set of keys (name prefixes such as
// "blob-worker", or exact names) under the profile's mount; paths are
// relative to the profile's namespace, where the policy is to be written.
//
// Capabilities follow OpenBao's mapping of HTTP methods: POST/PUT is
// "create" for a path that does not exist yet and "update" otherwise, GET
// "read", LIST "list", DELETE "delete".
//
// Thread-safety: a plain value; hcl() is a pure function.
class AccessPolicy {
public:
    enum class Role {
        Sign,      // sign with the keys: update on sign/<key> only
        Provision, // create, import and read the keys, list the engine's keys
        Admin,     // everything the client does with the keys, export and delete included
    };

    AccessPolicy(Role role, QString mount, QString ns = {});

    // Keys named "<prefix>-<anything>" (a worker set such as blob-worker-1..N).
    AccessPolicy &addPrefix(const QString &prefix);
    // One key by its exact name.
    AccessPolicy &addKey(const QString &name);

    // The role's name for `bao policy write` ("baokeys-sign-blob-worker", ...).
    QString suggestedName() const;
    QString hcl() const;

    static QString roleName(Role role); // "sign" / "provision" / "admin"

private:
    QStringList keyPatterns() const; // "blob-worker-*", "validator-1"

    Role m_role;
    QString m_mount;
    QString m_namespace;
    QStringList m_prefixes;
    QStringList m_keys;
};

} // namespace baokeys::bao
