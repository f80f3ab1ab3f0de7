#pragma once

#include "core/keyring/KeyRecord.h"

#include <QDialog>

class QLabel;

namespace baokeys::ui {

// The public facts of one key and a QR code of its bech32 address (to fund
// it from a phone wallet). Thread-safety: GUI thread only.
class KeyDetailsDialog : public QDialog {
    Q_OBJECT
public:
    KeyDetailsDialog(const keyring::KeyRecord &record, const QString &hrp, QWidget *parent = nullptr);
    const QLabel *qrLabel() const { return m_qr; }

private:
    QLabel *m_qr = nullptr;
};

} // namespace baokeys::ui
