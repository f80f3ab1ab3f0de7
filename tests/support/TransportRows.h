#pragma once

#include "core/bao/BaoSettings.h"

#include <QTest>

// The client's tests run every case over each HTTP transport: the wire
// contract and the fault mapping must not depend on which one carries them.
namespace baokeys::testsupport::transportRows {

// From the test class's initTestCase_data(): one global row per transport.
inline void add()
{
    QTest::addColumn<bao::HttpTransportKind>("transport");
    QTest::newRow("qtnetwork") << bao::HttpTransportKind::QtNetwork;
    QTest::newRow("beast") << bao::HttpTransportKind::Beast;
}

// `settings`, carried by the transport of the current global row.
inline bao::BaoSettings withRowTransport(bao::BaoSettings settings)
{
    QFETCH_GLOBAL(bao::HttpTransportKind, transport);
    settings.transport = transport;
    return settings;
}

} // namespace baokeys::testsupport::transportRows
