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

QLocale Translations::localeFor(const QString &language)
{
    // The system's own formats when it speaks the chosen language (an
    // en_GB date stays British), else the language's usual ones.
    const QLocale system = QLocale::system();
    const QLocale chosen(language);
    return system.language() == chosen.language() ? system : chosen;
}

QString Translations::install(QCoreApplication *app, const QString &language)
{
    QString chosen = language;
    if (chosen.isEmpty())
        chosen = QSettings().value(QLatin1String(SettingKey)).toString();
    if (chosen.isEmpty() || !available().contains(chosen))
        chosen = languageFor(QLocale::system());

    // A second call replaces the first: a translator left behind would
    // answer for every string the new one lacks.
    const auto installed =
        app->findChildren<QTranslator *>(QLatin1String(TranslatorName), Qt::FindDirectChildrenOnly);
    for (QTranslator *old : installed) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    auto *own = new QTranslator(app);
    own->setObjectName(QLatin1String(TranslatorName));
    if (own->load(QStringLiteral(":/i18n/baokeys_%1.qm").arg(chosen)))
        QCoreApplication::installTranslator(own);
    // Qt's own texts (standard buttons, edit menus): Qt's translations when
    // installed (Debian: qt6-translations-l10n), else the copy embedded here
    // (Qt 6.4 has no qtbase_vi.qm).
    auto *qt = new QTranslator(app);
    qt->setObjectName(QLatin1String(TranslatorName));
    if (qt->load(QLocale(chosen), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) ||
        qt->load(QStringLiteral(":/i18n/qtbase_%1.qm").arg(chosen)))
        QCoreApplication::installTranslator(qt);
    // Dates and numbers in the same language as the words.
    QLocale::setDefault(localeFor(chosen));
    return chosen;
}

} // namespace baokeys::ui
