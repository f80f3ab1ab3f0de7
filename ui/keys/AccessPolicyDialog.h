#pragma once

#include "core/bao/AccessPolicy.h"

#include <QDialog>
#include <QStringList>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace baokeys::ui {

class FieldErrors;

// "Access policies": the least-privilege OpenBao policy (HCL) for a role -
// sign only, provision, admin - over a worker set ("blob-worker-*") or the
// keys selected in the table, under the profile's mount and namespace. The
// operator copies it (or saves it as a .hcl file) and writes it with
// `bao policy write`; BaoKeys itself never writes policies. The text is
// bao::AccessPolicy's, the same as `baokeys-cli policy sign|provision|admin`.
//
// Thread-safety: GUI thread only.
class AccessPolicyDialog : public QDialog {
    Q_OBJECT
public:
    using Role = bao::AccessPolicy::Role;

    // `selectedKeys`: the table's selection (may be empty). When the names
    // share one "<prefix>-<n>" form, that prefix is the starting scope.
    AccessPolicyDialog(QString mount, QString ns, QStringList selectedKeys, QWidget *parent = nullptr);

    void setRole(Role role);
    void setPrefix(const QString &prefix); // and scope "keys named PREFIX-*"
    void useSelectedKeys();                // scope: the selected keys by name

    // The policy shown, or empty while the prefix is not a valid key-name start.
    QString hcl() const;
    QString policyName() const;

public slots:
    void copyToClipboard();
    bool saveTo(const QString &path);

private:
    void saveAs();
    void regenerate();
    std::optional<bao::AccessPolicy> currentPolicy(QString *why) const;
    // "blob-worker" for blob-worker-1..N; empty when the names differ.
    static QString commonPrefix(const QStringList &names);

    const QString m_mount;
    const QString m_namespace;
    const QStringList m_selected;

    QComboBox *m_role = nullptr;
    QRadioButton *m_byPrefix = nullptr;
    QLineEdit *m_prefix = nullptr;
    QRadioButton *m_bySelection = nullptr;
    QLabel *m_name = nullptr;
    QWidget *m_prefixRow = nullptr; // the prefix radio, field and "-*"
    FieldErrors *m_errors = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace baokeys::ui
