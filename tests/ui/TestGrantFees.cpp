// "Grant fees" in the real main window against the embedded signer and the
// purpose-built REST chain (tests/chain/server.mjs), which verifies every
// signature with its own code: 8 provisioned workers granted in one
// broadcast transaction, the rows turning granted; a worker already granted
// is skipped; a sequence the chain refuses is said, asked again and signed
// once more; the grant state and the addresses export.
#include "ChainServer.h"
#include "TxVectors.h"
#include "UiTestSupport.h"
#include "ui/batch/GrantFeesDialog.h"
#include "ui/batch/GranteeTableModel.h"
#include "ui/batch/ProvisionPage.h"
#include "ui/keys/KeyTableModel.h"
#include "ui/keys/KeysPage.h"
#include "ui/keys/SignTransactionDialog.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>

using namespace baokeys;
using baokeys::testsupport::ChainServer;

namespace {
const QString ChainId = QStringLiteral("baokeys-test");
const QString PayForBlobs = QStringLiteral("/celestia.blob.v1.MsgPayForBlobs");
} // namespace

class TestGrantFees : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void grantEightWorkersInOneTransaction();

private:
    static void provision(ui::ProvisionPage *page, int count, int firstIndex);
    static bool idle(ui::GrantFeesDialog *dialog);
    static QStringList grantColumn(ui::GrantFeesDialog *dialog);
};

void TestGrantFees::initTestCase()
{
    uitest::isolateSettings();
    const QString missing = ChainServer::missingDependencies();
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
}

void TestGrantFees::provision(ui::ProvisionPage *page, int count, int firstIndex)
{
    page->findChild<QLineEdit *>(QStringLiteral("provisionPrefix"))->setText(QStringLiteral("blob-worker"));
    page->findChild<QSpinBox *>(QStringLiteral("provisionCount"))->setValue(count);
    page->findChild<QSpinBox *>(QStringLiteral("provisionFirstIndex"))->setValue(firstIndex);
    QSignalSpy finished(page, &ui::ProvisionPage::batchFinished);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("provisionStart")), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
}

bool TestGrantFees::idle(ui::GrantFeesDialog *dialog)
{
    return QTest::qWaitFor([dialog] { return !dialog->isBusy(); }, 30000);
}

QStringList TestGrantFees::grantColumn(ui::GrantFeesDialog *dialog)
{
    QStringList texts;
    const auto *model = dialog->model();
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, ui::GranteeTableModel::GrantColumn).data().toString();
    return texts;
}

void TestGrantFees::grantEightWorkersInOneTransaction()
{
    // The granter: the shared grant vector's key, so its address is known
    // before the chain starts with funds for it.
    QString granter;
    QString granterHex;
    for (const txtest::TxVector &vector : txtest::txVectors()) {
        if (vector.kind == QLatin1String("MsgGrantAllowance x4 (BasicAllowance)")) {
            granter = vector.signer;
            granterHex = vector.privateKeyHex;
        }
    }
    QVERIFY(!granter.isEmpty());
    ChainServer chain({QStringLiteral("--account"), granter + QStringLiteral("=100000000utia")}, ChainId);
    QVERIFY2(chain.error().isEmpty(), qPrintable(chain.error()));
    // The profile names the chain node.
    auto server = uitest::startSigner();
    ui::Profile profile = ui::Profile::embeddedDev();
    profile.hrp = QStringLiteral("celestia");
    profile.chainNode = chain.url();
    ui::MainWindow window;
    window.setSession(std::make_unique<ui::Session>(profile, server));
    window.show();
    auto imported = window.session()->keyring().importPrivateKey(QStringLiteral("granter"), granterHex);
    QVERIFY(imported);
    QCOMPARE(imported->bech32(QStringLiteral("celestia")), granter);

    // Provision 8 workers, then "Grant fees" from the provisioning tab.
    ui::ProvisionPage *page = window.provisionPage();
    window.tabs()->setCurrentWidget(page);
    provision(page, 8, 1);
    auto *grantButton = page->findChild<QPushButton *>(QStringLiteral("provisionGrant"));
    QVERIFY(grantButton->isEnabled());
    QTest::mouseClick(grantButton, Qt::LeftButton);
    auto *dialog = page->findChild<ui::GrantFeesDialog *>();
    QVERIFY(dialog);
    QVERIFY(idle(dialog));
    QCOMPARE(dialog->model()->rowCount(), 8);
    // Only a key that is not a worker can pay; its balance shows.
    auto *granterBox = dialog->findChild<QComboBox *>(QStringLiteral("grantGranter"));
    QCOMPARE(granterBox->count(), 1);
    QCOMPARE(granterBox->currentData().toString(), QStringLiteral("granter"));
    QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("grantGranterBalance"))
                 ->text()
                 .contains(QLatin1String("100000000utia")),
             qPrintable(dialog->findChild<QLabel *>(QStringLiteral("grantGranterBalance"))->text()));
    // Each row says what the chain knows: no account, no grant yet.
    for (int row = 0; row < 8; ++row) {
        QCOMPARE(dialog->model()->index(row, ui::GranteeTableModel::AccountColumn).data().toString(),
                 QStringLiteral("not on chain"));
        QCOMPARE(dialog->model()->index(row, ui::GranteeTableModel::GrantColumn).data().toString(),
                 QStringLiteral("no grant"));
    }
    // The limited allowance is the default.
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("grantAllowedMessages"))->text(), PayForBlobs);
    QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("grantSpendLimit"))->text().isEmpty());

    // A bad field is named next to it; the chain ID is asked for.
    auto *fee = dialog->findChild<QLineEdit *>(QStringLiteral("grantFee"));
    fee->setText(QStringLiteral("lots"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("grantPrepare")), Qt::LeftButton);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("grantFeeError"))->text(),
             QStringLiteral("Fee: not coins such as 20000utia"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("grantChainIdError"))
                ->text()
                .startsWith(QLatin1String("Chain ID: required")));
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("grantBroadcast"))->isEnabled());
    fee->setText(QStringLiteral("20000utia"));
    dialog->findChild<QLineEdit *>(QStringLiteral("grantChainId"))->setText(ChainId);

    // Prepare: one transaction, 8 grants + 8 sends (the workers have no
    // account), gas simulated on the node, previewed before signing.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("grantPrepare")), Qt::LeftButton);
    QVERIFY(idle(dialog));
    QString preview = dialog->previewText();
    QVERIFY2(preview.contains(QStringLiteral("from granter (%1)").arg(granter)), qPrintable(preview));
    QCOMPARE(preview.count(QLatin1String("MsgGrantAllowance")), 8);
    QCOMPARE(preview.count(QLatin1String("MsgSend 1utia")), 8);
    QVERIFY2(preview.contains(QLatin1String("only ") + PayForBlobs), qPrintable(preview));
    QVERIFY2(preview.contains(QLatin1String("Fee: 20000utia")), qPrintable(preview));
    // 60000 + 16 * 25000 simulated by the server, times 1.3.
    QVERIFY2(preview.contains(QLatin1String("Gas: 598000 (simulated 460000")), qPrintable(preview));
    QVERIFY2(preview.contains(QLatin1String("account 0, sequence 0")), qPrintable(preview));
    QCOMPARE(chain.state().value(QStringLiteral("verified")).toInt(), 0); // nothing sent yet

    // Sign and broadcast: followed to its block, the rows turn granted.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("grantBroadcast")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previewText().contains(QLatin1String("Included at height")), 30000);
    QVERIFY(idle(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(
        grantColumn(dialog).filter(QStringLiteral("granted · 5000000utia left")).size() == 8, 15000);
    QVERIFY(!dialog->txRaw().isEmpty());
    QJsonObject state = chain.state();
    QCOMPARE(state.value(QStringLiteral("verified")).toInt(), 1); // one transaction, its signature verified
    const QJsonArray grants = state.value(QStringLiteral("grants")).toArray();
    QCOMPARE(grants.size(), 8);
    for (const QJsonValue &grant : grants) {
        const QJsonObject allowance = grant.toObject().value(QStringLiteral("allowance")).toObject();
        QCOMPARE(grant.toObject().value(QStringLiteral("granter")).toString(), granter);
        QCOMPARE(allowance.value(QStringLiteral("@type")).toString(),
                 QStringLiteral("/cosmos.feegrant.v1beta1.AllowedMsgAllowance"));
        QCOMPARE(allowance.value(QStringLiteral("allowed_messages")).toArray(), QJsonArray{PayForBlobs});
    }
    for (int row = 0; row < 8; ++row)
        QCOMPARE(dialog->model()->index(row, ui::GranteeTableModel::AccountColumn).data().toString(),
                 QStringLiteral("exists"));

    // Export: the grant state as CSV and JSON, the addresses one a line.
    QTemporaryDir dir;
    QVERIFY(dialog->exportTo(dir.filePath(QStringLiteral("g.csv")), QStringLiteral("csv")));
    QVERIFY(dialog->exportTo(dir.filePath(QStringLiteral("g.json")), QStringLiteral("json")));
    QVERIFY(dialog->exportTo(dir.filePath(QStringLiteral("a.txt")), QStringLiteral("addresses")));
    QFile csv(dir.filePath(QStringLiteral("g.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 9);
    QCOMPARE(lines.at(0),
             QByteArray("name,address,account,balance,granted,spend_limit,expiration,allowed_messages"));
    const QString first = dialog->model()->rows().at(0).address;
    QVERIFY2(lines.at(1).startsWith(("blob-worker-1," + first + ",exists,1utia,yes,5000000utia,").toUtf8()),
             lines.at(1).constData());
    QVERIFY(lines.at(1).endsWith(PayForBlobs.toUtf8()));
    QFile json(dir.filePath(QStringLiteral("g.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject exported = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(exported.value(QStringLiteral("granter")).toString(), granter);
    QCOMPARE(exported.value(QStringLiteral("workers")).toArray().size(), 8);
    QVERIFY(exported.value(QStringLiteral("workers"))
                .toArray()
                .at(7)
                .toObject()
                .value(QStringLiteral("granted"))
                .toBool());
    QFile list(dir.filePath(QStringLiteral("a.txt")));
    QVERIFY(list.open(QIODevice::ReadOnly));
    const QList<QByteArray> addresses = list.readAll().split('\n');
    QCOMPARE(addresses.size(), 9); // 8 lines, each ended
    QCOMPARE(addresses.at(0), first.toUtf8());
    dialog->close();

    // A ninth worker, and "Grant fees" from a selection of all nine in Keys:
    // the eight granted are skipped. The node's view of the granter's
    // sequence is stale once: the broadcast meets a sequence mismatch, which
    // is said, asked again and signed once more (a fixed gas: a simulation
    // would meet the stale sequence first).
    provision(page, 1, 9);
    window.tabs()->setCurrentWidget(window.keysPage());
    auto *keyTable = window.keysPage()->findChild<QTableView *>(QStringLiteral("keyTable"));
    QTRY_COMPARE(keyTable->model()->rowCount(), 10);
    keyTable->selectAll();
    QItemSelectionModel *selection = keyTable->selectionModel();
    for (int row = 0; row < keyTable->model()->rowCount(); ++row) {
        const QModelIndex index = keyTable->model()->index(row, 0);
        if (index.data(ui::KeyTableModel::UidRole).toString() == QLatin1String("granter"))
            selection->select(index, QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
    }
    ui::GrantFeesDialog *fromKeys = window.keysPage()->grantFees();
    QVERIFY(fromKeys);
    QVERIFY(idle(fromKeys));
    QCOMPARE(fromKeys->model()->rowCount(), 9);
    QCOMPARE(grantColumn(fromKeys).filter(QStringLiteral("granted")).size(), 8);
    fromKeys->findChild<QLineEdit *>(QStringLiteral("grantChainId"))->setText(ChainId);
    fromKeys->findChild<QLineEdit *>(QStringLiteral("grantGas"))->setText(QStringLiteral("400000"));
    chain.request("POST", QStringLiteral("/_test/stale-sequence/") + granter);
    QTest::mouseClick(fromKeys->findChild<QPushButton *>(QStringLiteral("grantPrepare")), Qt::LeftButton);
    QVERIFY(idle(fromKeys));
    preview = fromKeys->previewText();
    QCOMPARE(preview.count(QLatin1String("MsgGrantAllowance")), 1);
    QVERIFY2(preview.contains(QStringLiteral("MsgGrantAllowance → blob-worker-9")), qPrintable(preview));
    QVERIFY2(preview.contains(QLatin1String("Skipped, already granted: blob-worker-1")), qPrintable(preview));
    QVERIFY2(preview.contains(QLatin1String("sequence 0")), qPrintable(preview)); // the stale answer
    QTest::mouseClick(fromKeys->findChild<QPushButton *>(QStringLiteral("grantBroadcast")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(fromKeys->previewText().contains(QLatin1String("Included at height")), 30000);
    const QString outcome = fromKeys->previewText();
    QVERIFY2(outcome.contains(QLatin1String("The chain refused sequence 0")) &&
                 outcome.contains(QLatin1String("account sequence mismatch, expected 1, got 0")) &&
                 outcome.contains(QLatin1String("signed with sequence 1")),
             qPrintable(outcome));
    QVERIFY(idle(fromKeys));
    QTRY_VERIFY_WITH_TIMEOUT(grantColumn(fromKeys).filter(QStringLiteral("granted")).size() == 9, 15000);
    state = chain.state();
    QCOMPARE(state.value(QStringLiteral("grants")).toArray().size(), 9);
    QCOMPARE(state.value(QStringLiteral("verified")).toInt(), 2);

    // Everything granted: nothing to sign.
    QTest::mouseClick(fromKeys->findChild<QPushButton *>(QStringLiteral("grantPrepare")), Qt::LeftButton);
    QVERIFY(idle(fromKeys));
    QVERIFY2(fromKeys->statusText().contains(QLatin1String("Nothing to sign")),
             qPrintable(fromKeys->statusText()));
    QVERIFY(!fromKeys->findChild<QPushButton *>(QStringLiteral("grantBroadcast"))->isEnabled());

    // "Sign test transaction" with the profile's node: worker 1 asks the
    // granter to pay for a MsgSend, which its MsgPayForBlobs-only grant
    // refuses, and the chain's reason is shown.
    fromKeys->close();
    window.keysPage()->selectKey(QStringLiteral("blob-worker-1"));
    window.keysPage()->signTransaction();
    auto *signDialog = window.keysPage()->findChild<ui::SignTransactionDialog *>();
    QVERIFY(signDialog);
    QCOMPARE(signDialog->findChild<QLineEdit *>(QStringLiteral("txGas"))->text(), QStringLiteral("auto"));
    signDialog->findChild<QLineEdit *>(QStringLiteral("txTo"))->setText(granter);
    signDialog->findChild<QLineEdit *>(QStringLiteral("txAmount"))->setText(QStringLiteral("1utia"));
    signDialog->findChild<QLineEdit *>(QStringLiteral("txFeeGranter"))->setText(granter);
    signDialog->findChild<QLineEdit *>(QStringLiteral("txChainId"))->setText(ChainId);
    // The MsgPayForBlobs-only grant does not pay for a MsgSend: the chain says so.
    QTest::mouseClick(signDialog->findChild<QPushButton *>(QStringLiteral("txBroadcastButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(uitest::errorBoxes(&window).size(), 1, 30000);
    const QMessageBox *box = uitest::errorBoxes(&window).first();
    QVERIFY2((box->informativeText() + box->detailedText())
                     .contains(QLatin1String("message does not exist in allowed messages")) ||
                 (box->informativeText() + box->detailedText()).contains(QLatin1String("allowed")),
             qPrintable(box->informativeText() + QLatin1Char('|') + box->detailedText()));
    uitest::closeErrorBoxes(&window);
    signDialog->close();
    // The granter sends to worker 1: its account number and sequence (2, after
    // the two grant transactions) come from the node, the gas is simulated.
    window.keysPage()->selectKey(QStringLiteral("granter"));
    window.keysPage()->signTransaction();
    QTRY_VERIFY(window.keysPage()->findChildren<ui::SignTransactionDialog *>().size() == 1);
    signDialog = window.keysPage()->findChildren<ui::SignTransactionDialog *>().constLast();
    signDialog->findChild<QLineEdit *>(QStringLiteral("txTo"))->setText(first);
    signDialog->findChild<QLineEdit *>(QStringLiteral("txAmount"))->setText(QStringLiteral("5utia"));
    signDialog->findChild<QLineEdit *>(QStringLiteral("txChainId"))->setText(ChainId);
    QTest::mouseClick(signDialog->findChild<QPushButton *>(QStringLiteral("txBroadcastButton")),
                      Qt::LeftButton);
    auto *result = signDialog->findChild<QPlainTextEdit *>(QStringLiteral("txResult"));
    QTRY_VERIFY_WITH_TIMEOUT(result->toPlainText().contains(QLatin1String("Included at height")), 30000);
    QVERIFY(uitest::errorBoxes(&window).isEmpty());
    state = chain.state();
    QCOMPARE(state.value(QStringLiteral("verified")).toInt(), 4); // with the refused one
    QCOMPARE(state.value(QStringLiteral("accounts"))
                 .toObject()
                 .value(granter)
                 .toObject()
                 .value(QStringLiteral("sequence"))
                 .toInt(),
             3);
    signDialog->close();

    QVERIFY(uitest::errorBoxes(&window).isEmpty());
}

QTEST_MAIN(TestGrantFees)
#include "TestGrantFees.moc"
