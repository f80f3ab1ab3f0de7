#include "ui/common/Clipboard.h"

#include "core/crypto/SecureBytes.h"

#include <QClipboard>
#include <QGuiApplication>

namespace baokeys::ui {

Clipboard::Clipboard(QObject *parent) : QObject(parent)
{
    m_secretTimer.setSingleShot(true);
    connect(&m_secretTimer, &QTimer::timeout, this, &Clipboard::clearSecret);
}

Clipboard::~Clipboard()
{
    if (m_secretTimer.isActive())
        clearSecret();
}

Clipboard *Clipboard::instance()
{
    static Clipboard *clipboard = new Clipboard(qApp);
    return clipboard;
}

void Clipboard::setText(const QString &text)
{
    if (m_secretTimer.isActive())
        clearSecret();
    QGuiApplication::clipboard()->setText(text, QClipboard::Clipboard);
}

void Clipboard::setSecret(const QString &secret, int timeoutMs)
{
    if (m_secretTimer.isActive())
        clearSecret();
    m_secretCopy = secret;
    QClipboard *board = QGuiApplication::clipboard();
    board->setText(secret, QClipboard::Clipboard);
    if (board->supportsSelection())
        board->setText(secret, QClipboard::Selection);
    m_secretTimer.start(timeoutMs);
}

void Clipboard::clearSecret()
{
    m_secretTimer.stop();
    QClipboard *board = QGuiApplication::clipboard();
    if (board->text(QClipboard::Clipboard) == m_secretCopy)
        board->clear(QClipboard::Clipboard);
    if (board->supportsSelection() && board->text(QClipboard::Selection) == m_secretCopy)
        board->clear(QClipboard::Selection);
    crypto::wipe(m_secretCopy);
    m_secretCopy.clear();
    emit secretCleared();
}

} // namespace baokeys::ui
