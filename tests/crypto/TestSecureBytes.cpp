#include "core/crypto/SecureBytes.h"

#include <QDebug>
#include <QTest>
#include <algorithm>

using baokeys::crypto::SecureBytes;

class TestSecureBytes : public QObject {
    Q_OBJECT

private slots:
    void constructsFromBytes()
    {
        const QByteArray raw("\x01\x02\x03", 3);
        const SecureBytes s(raw);
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(s.view(), QByteArrayView(raw));
        QVERIFY(SecureBytes().isEmpty());
        const SecureBytes zeros(4);
        QCOMPARE(zeros.view(), QByteArrayView(QByteArray(4, '\0')));
    }

    void moveLeavesSourceEmpty()
    {
        SecureBytes a(QByteArrayView("secret"));
        SecureBytes b(std::move(a));
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): the point of the test
        QCOMPARE(b.view(), QByteArrayView("secret"));
        SecureBytes c(QByteArrayView("other"));
        c = std::move(b);
        QVERIFY(b.isEmpty()); // NOLINT(bugprone-use-after-move)
        QCOMPARE(c.view(), QByteArrayView("secret"));
    }

    void cloneIsIndependent()
    {
        SecureBytes a(QByteArrayView("abc"));
        SecureBytes b = a.clone();
        QVERIFY(a.equals(b));
        b.data()[0] = 'x';
        QVERIFY(!a.equals(b));
        QCOMPARE(a.view(), QByteArrayView("abc"));
    }

    void equalsComparesSizeAndContent()
    {
        QVERIFY(SecureBytes(QByteArrayView("ab")).equals(SecureBytes(QByteArrayView("ab"))));
        QVERIFY(!SecureBytes(QByteArrayView("ab")).equals(SecureBytes(QByteArrayView("abc"))));
        QVERIFY(!SecureBytes(QByteArrayView("ab")).equals(SecureBytes(QByteArrayView("ac"))));
        QVERIFY(SecureBytes().equals(SecureBytes()));
    }

    void wipeEmptiesBuffer()
    {
        SecureBytes s(QByteArrayView("secret"));
        s.wipe();
        QVERIFY(s.isEmpty());
        QCOMPARE(s.size(), std::size_t(0));
    }

    void takeFromWipesSource()
    {
        QByteArray source("0123456789abcdef");
        const char *buffer = source.constData();
        const qsizetype length = source.size();
        SecureBytes s = SecureBytes::takeFrom(source);
        QCOMPARE(s.view(), QByteArrayView("0123456789abcdef"));
        QVERIFY(source.isEmpty());
        // The allocation is kept, zeroed, until `source` is released.
        QCOMPARE(source.constData(), buffer);
        QVERIFY(std::all_of(buffer, buffer + length, [](char c) { return c == 0; }));
    }

    void wipeStringOverwritesInPlace()
    {
        QString secret = QStringLiteral("correct horse battery staple");
        secret.detach();
        const QChar *buffer = secret.constData();
        const qsizetype length = secret.size();
        baokeys::crypto::wipe(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(secret.constData(), buffer);
        QVERIFY(std::all_of(buffer, buffer + length, [](QChar c) { return c.unicode() == 0; }));
    }

    void wipeSharedStringLeavesOtherCopiesAlone()
    {
        // Implicit sharing: wiping one handle must not corrupt another holder
        // (it detaches and wipes its own buffer).
        const QString original = QStringLiteral("abandon ability able");
        QString copy = original;
        baokeys::crypto::wipe(copy);
        QVERIFY(copy.isEmpty());
        QCOMPARE(original, QStringLiteral("abandon ability able"));
    }

    void wipeByteArrayOverwritesInPlace()
    {
        QByteArray secret(32, 'k');
        const char *buffer = secret.constData();
        baokeys::crypto::wipe(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(secret.constData(), buffer);
        QVERIFY(std::all_of(buffer, buffer + 32, [](char c) { return c == 0; }));
    }

    void debugOutputIsRedacted()
    {
        const SecureBytes s(QByteArrayView("\xde\xad\xbe\xef-topsecret"));
        QString printed;
        QDebug(&printed) << s;
        QVERIFY2(printed.contains(QStringLiteral("redacted")), qPrintable(printed));
        QVERIFY(printed.contains(QStringLiteral("14 bytes")));
        QVERIFY(!printed.contains(QStringLiteral("topsecret")));
        QVERIFY(!printed.contains(QStringLiteral("dead"), Qt::CaseInsensitive));
    }
};

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "TestSecureBytes.moc"
