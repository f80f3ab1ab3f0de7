#include "core/common/OpenFileLimit.h"
#include "ui/MainWindow.h"
#include "ui/common/AppResources.h"
#include "ui/common/Translations.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    baokeys::OpenFileLimit::raiseToHard(); // a batch's lanes hold a socket each
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("BaoKeys"));
    QApplication::setApplicationName(QStringLiteral("BaoKeys"));
    QApplication::setApplicationVersion(QStringLiteral(BAOKEYS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("baokeys"));
    baokeys::ui::initResources();
    QApplication::setWindowIcon(baokeys::ui::appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("BaoKeys: secp256k1 keys in OpenBao"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("UI language (en, vi)."),
                                      QStringLiteral("code"));
    parser.addOption(language);
    parser.process(app);
    baokeys::ui::Translations::install(&app, parser.value(language));

    baokeys::ui::MainWindow window;
    window.show();
    window.openInitialProfile();
    return app.exec();
}
