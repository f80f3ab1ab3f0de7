#pragma once

#include <QString>
#include <QStringView>

namespace baokeys::bao::KeyName {

// OpenBao's generic path-segment pattern for key names: \w(([\w-.]+)?\w)?
// (ASCII letters, digits, '_', with '-' and '.' only inside). Checked before
// any request so a bad name never reaches the server.
bool isValid(QStringView name);
// An explanation for a person, empty when the name is valid.
QString whyInvalid(QStringView name);

} // namespace baokeys::bao::KeyName
