#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace baokeys::ui {

// Chooses and installs the app's translation (compiled .qm files embedded
// under :/i18n) and Qt's own for the standard dialogs.
// Thread-safety: GUI thread, before windows are built.
class Translations {
public:
    static constexpr const char *SettingKey = "ui/language"; // "", "en", "vi"

    // `language` empty: the setting, else the system locale.
    static QString install(QCoreApplication *app, const QString &language = {});
    static QStringList available(); // "en", "vi"
    static QString languageFor(const QLocale &locale);
};

} // namespace baokeys::ui
