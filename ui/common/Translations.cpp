#include "ui/common/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace baokeys::ui {

QStringList Translations::available()
{
    QStringList languages;
    const auto files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("baokeys_*.qm")});
    for (const QString &file : files)
        languages << file.mid(8, file.size() - 8 - 3);
    return languages;
}

QString Translations::languageFor(const QLocale &locale)
{
    const QStringList known = available();
    for (const QString &name : locale.uiLanguages()) {
        const QString language = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
        if (known.contains(language))
            return language;
    }
    return QStringLiteral("en");
}

QString Translations::install(QCoreApplication *app, const QString &language)
{
    QString chosen = language;
    if (chosen.isEmpty())
        chosen = QSettings().value(QLatin1String(SettingKey)).toString();
    if (chosen.isEmpty() || !available().contains(chosen))
        chosen = languageFor(QLocale::system());

    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/baokeys_%1.qm").arg(chosen)))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(chosen), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return chosen;
}

} // namespace baokeys::ui
