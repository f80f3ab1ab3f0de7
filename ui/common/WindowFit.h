#pragma once

class QWidget;

namespace baokeys::ui {

// Keeps a window tall enough for what its layout shows. A message that
// appears in a dialog (a field's problem, an exported key) makes the layout
// want more height, but a word-wrapped label is squeezed to its middle lines
// rather than the window growing.
// Thread-safety: GUI thread only.
class WindowFit {
public:
    // Grows `widget`'s window to the height its layout needs at the current
    // width; never shrinks it, so a size the operator chose is kept.
    static void growToContents(QWidget *widget);
};

} // namespace baokeys::ui
