// baokeys-cli: a thin main around baokeys::cli::CliApplication.
#include "cli/CliApplication.h"
#include "core/common/OpenFileLimit.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    baokeys::OpenFileLimit::raiseToHard(); // a batch's lanes hold a socket each
    QCoreApplication app(argc, argv);
    // The same application name as the desktop app: both use one store
    // (<AppDataLocation>/store.json) unless --store says otherwise.
    QCoreApplication::setApplicationName(QStringLiteral("baokeys"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BAOKEYS_VERSION));
    baokeys::cli::CliApplication cli;
    return cli.run(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
}
