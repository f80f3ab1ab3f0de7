#pragma once

class QLineEdit;

namespace baokeys::ui {

// Masked entry of a secret (private key hex, mnemonic, passphrase).
// Thread-safety: GUI thread only.
class SecretInput {
public:
    // Password echo, no undo/redo history, no drag out, no completion.
    static void makeMasked(QLineEdit *edit);
    // Overwrites the field's text before clearing it, so the widget's buffer
    // does not keep the secret once it has been used.
    static void wipe(QLineEdit *edit);
};

} // namespace baokeys::ui
