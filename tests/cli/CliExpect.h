#pragma once

// QtTest checks on a CliRun (see CliHarness.h). Each macro runs its command
// expression once.
#include "CliHarness.h"

#include <QTest>

// The process ran to its end with the expected exit code.
#define EXPECT_EXIT(command, code)                                                                           \
    do {                                                                                                     \
        const CliRun checked_ = (command);                                                                   \
        QVERIFY2(!checked_.crashed && checked_.exitCode == (code),                                           \
                 qPrintable(QStringLiteral("expected exit %1, got %2").arg(code).arg(checked_.describe()))); \
    } while (false)

// A failure: the documented code, nothing on stdout, one line on stderr.
#define EXPECT_CLEAN_FAILURE(command, code)                                                                  \
    do {                                                                                                     \
        const CliRun failed_ = (command);                                                                    \
        EXPECT_EXIT(failed_, code);                                                                          \
        QVERIFY2(failed_.out.isEmpty(), qPrintable(failed_.describe()));                                     \
        QVERIFY2(failed_.err.count('\n') == 1, qPrintable(failed_.describe()));                              \
        QVERIFY2(failed_.err.startsWith("baokeys-cli: error: "), qPrintable(failed_.describe()));            \
    } while (false)
