#pragma once

#include <QIcon>

namespace baokeys::ui {

// The library's compiled-in resources (icons) live in a static library, so
// the linker may drop their registration: this registers them explicitly.
// Call once before any window is built (idempotent).
void initResources();

// The application icon (resources/icons/baokeys.svg).
QIcon appIcon();

} // namespace baokeys::ui
