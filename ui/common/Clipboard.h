#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace baokeys::ui {

// Copies text to the system clipboard. A secret (an exported private key) is
// cleared again after a timeout, but only if the clipboard still holds it -
// whatever the user copied since is left alone.
//
// Thread-safety: GUI thread only (QClipboard is).
class Clipboard : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultSecretTimeoutMs = 15000;

    explicit Clipboard(QObject *parent = nullptr);
    ~Clipboard() override; // clears a secret still on the clipboard
    Q_DISABLE_COPY_MOVE(Clipboard)

    static Clipboard *instance();

    void setText(const QString &text);
    void setSecret(const QString &secret, int timeoutMs = DefaultSecretTimeoutMs);
    bool holdsSecret() const { return m_secretTimer.isActive(); }

signals:
    void secretCleared();

private:
    void clearSecret();

    QTimer m_secretTimer;
    QString m_secretCopy; // to compare against; wiped when cleared
};

} // namespace baokeys::ui
