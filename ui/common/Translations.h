#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace baokeys::ui {

// Chooses and installs the app's translation (compiled .qm files embedded
// under :/i18n) and Qt's own for the standard dialogs, and makes the
// language's locale the default one, so dates and numbers (QLocale()) match
// the words.
// Thread-safety: GUI thread, before windows are built.
class Translations {
public:
    static constexpr const char *SettingKey = "ui/language"; // "", "en", "vi"

    // `language` empty: the setting, else the system locale.
    static QString install(QCoreApplication *app, const QString &language = {});
    static QStringList available(); // "en", "vi"
    static QString languageFor(const QLocale &locale);
    // The locale dates and numbers use for `language` ("en", "vi").
    static QLocale localeFor(const QString &language);

private:
    static constexpr const char *TranslatorName = "baokeysTranslator";
};

} // namespace baokeys::ui
