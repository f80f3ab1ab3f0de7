#include "ui/signing/SignBatchPage.h"

#include "core/crypto/Hex.h"
#include "ui/batch/BatchFailures.h"
#include "ui/batch/BatchItemModel.h"
#include "ui/batch/BatchRunView.h"
#include "ui/common/ErrorReporter.h"
#include "ui/common/NaturalOrder.h"
#include "ui/common/TableCopyAction.h"
#include "ui/connection/Session.h"
#include "ui/signing/LatencyChart.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace baokeys::ui {

namespace {
constexpr int MaxRequests = 100000;
constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
constexpr int ChartDelayMs = 30;
constexpr const char *SplitterKey = "signBatch/splitter";
} // namespace

SignBatchPage::SignBatchPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("signBatchPage"));
    m_model = new BatchItemModel(this);
    m_model->setLabels(tr("signing"), tr("Signature"));

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *form = new QFormLayout;
    auto *keysRow = new QHBoxLayout;
    m_useSelection = new QRadioButton(tr("&Selected keys"), this);
    m_useSelection->setObjectName(QStringLiteral("signUseSelection"));
    m_usePrefix = new QRadioButton(tr("Names starting &with"), this);
    m_usePrefix->setObjectName(QStringLiteral("signUsePrefix"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_useSelection);
    group->addButton(m_usePrefix);
    m_usePrefix->setChecked(true);
    m_prefix = new QLineEdit(QStringLiteral("blob-worker"), this);
    m_prefix->setObjectName(QStringLiteral("signPrefix"));
    keysRow->addWidget(m_useSelection);
    keysRow->addWidget(m_usePrefix);
    keysRow->addWidget(m_prefix, 1);
    form->addRow(tr("Keys:"), keysRow);
    m_choice = new QLabel(this);
    m_choice->setObjectName(QStringLiteral("signChoice"));
    form->addRow(QString(), m_choice);
    auto *messageRow = new QHBoxLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("signFormat"));
    m_format->addItem(tr("Text"), int(MessageFormat::Text));
    m_format->addItem(tr("Hex"), int(MessageFormat::Hex));
    m_format->addItem(tr("File"), int(MessageFormat::File));
    m_message = new QLineEdit(QStringLiteral("hello blob"), this);
    m_message->setObjectName(QStringLiteral("signMessage"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setEnabled(false);
    messageRow->addWidget(m_format);
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_browse);
    auto *messageLabel = new QLabel(tr("&Message:"), this);
    messageLabel->setBuddy(m_message);
    form->addRow(messageLabel, messageRow);
    auto *numbers = new QHBoxLayout;
    m_repeat = new QSpinBox(this);
    m_repeat->setObjectName(QStringLiteral("signRepeat"));
    m_repeat->setRange(1, 10000);
    m_repeat->setValue(1);
    m_repeat->setToolTip(tr("Each key signs the message this many times."));
    m_parallelism = new QSpinBox(this);
    m_parallelism->setObjectName(QStringLiteral("signParallelism"));
    m_parallelism->setRange(0, keyring::DefaultMaxSignParallelism);
    m_parallelism->setSpecialValueText(tr("auto"));
    auto *repeatLabel = new QLabel(tr("R&epeat:"), this);
    repeatLabel->setBuddy(m_repeat);
    numbers->addWidget(repeatLabel);
    numbers->addWidget(m_repeat);
    auto *parallelLabel = new QLabel(tr("P&arallelism:"), this);
    parallelLabel->setBuddy(m_parallelism);
    numbers->addWidget(parallelLabel);
    numbers->addWidget(m_parallelism);
    numbers->addStretch();
    form->addRow(QString(), numbers);
    top->addLayout(form, 1);
    auto *buttons = new QVBoxLayout;
    m_run = new QPushButton(tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("signRun"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_cancel = new QPushButton(tr("Cance&l"), this);
    m_cancel->setObjectName(QStringLiteral("signCancel"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_exportCsv = new QPushButton(tr("Expor&t CSV…"), this);
    m_exportCsv->setObjectName(QStringLiteral("signExportCsv"));
    m_exportJson = new QPushButton(tr("Export &JSON…"), this);
    m_exportJson->setObjectName(QStringLiteral("signExportJson"));
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportJson);
    buttons->addStretch();
    top->addLayout(buttons);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_runView = new BatchRunView(QStringLiteral("sign"), m_model, splitter);
    m_runView->setLiveText([](const keyring::BatchCounts &counts) {
        // An answer waits for its signature's check on the CPU pool: not in
        // flight any more, not signed yet (at zero latency, thousands can).
        return tr("%L1 signed, %L2 in flight, %L3 checking, %L4 queued, %L5 failed")
            .arg(counts.succeeded)
            .arg(counts.running)
            .arg(counts.checking)
            .arg(counts.queued)
            .arg(counts.failed);
    });
    QFont bold = m_runView->summaryLabel()->font();
    bold.setBold(true);
    m_runView->summaryLabel()->setFont(bold);
    QTableView *table = m_runView->table();
    table->setColumnWidth(BatchItemModel::ResultColumn, 300);
    // No address column here: Ctrl+C copies the selected cells, a signature
    // whole although the table shows it shortened.
    auto *copy = TableCopyAction::cells(table, [this](const QModelIndex &index) {
        const BatchItemModel::Row &row = m_model->row(m_runView->modelRow(index));
        if (index.column() == BatchItemModel::ResultColumn && !row.extra.isEmpty())
            return row.extra;
        return index.data().toString();
    });
    connect(copy, &TableCopyAction::copied, this, &SignBatchPage::message);
    m_chart = new LatencyChart(splitter);
    splitter->addWidget(m_runView);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({180, 420}); // the chart gets the room
    splitter->restoreState(QSettings().value(QLatin1String(SplitterKey)).toByteArray()); // as last left
    m_splitter = splitter;
    layout->addWidget(splitter, 1);

    connect(m_run, &QPushButton::clicked, this, &SignBatchPage::run);
    connect(m_cancel, &QPushButton::clicked, this, &SignBatchPage::cancel);
    connect(m_exportCsv, &QPushButton::clicked, this, &SignBatchPage::exportCsv);
    connect(m_exportJson, &QPushButton::clicked, this, &SignBatchPage::exportJson);
    connect(m_useSelection, &QRadioButton::toggled, this, &SignBatchPage::updateChoice);
    connect(m_prefix, &QLineEdit::textChanged, this, &SignBatchPage::updateChoice);
    connect(m_repeat, &QSpinBox::valueChanged, this, &SignBatchPage::updateChoice);
    connect(m_runView, &BatchRunView::finished, this, &SignBatchPage::onFinished);
    connect(m_format, &QComboBox::currentIndexChanged, this,
            [this] { m_browse->setEnabled(messageFormat() == MessageFormat::File); });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Message file"));
        if (!file.isEmpty())
            m_message->setText(file);
    });
    updateChoice();
    updateButtons();
}

SignBatchPage::~SignBatchPage()
{
    m_runView->abandon(); // before the model (an earlier child) goes
}

void SignBatchPage::saveLayout() const
{
    QSettings().setValue(QLatin1String(SplitterKey), m_splitter->saveState());
}

bool SignBatchPage::isRunning() const
{
    return m_runView->isRunning();
}

SignBatchPage::MessageFormat SignBatchPage::messageFormat() const
{
    return MessageFormat(m_format->currentData().toInt());
}

void SignBatchPage::setSession(Session *session)
{
    m_runView->abandon();
    if (m_session)
        disconnect(&m_session->keyring(), nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(&m_session->keyring(), &keyring::BaoKeyring::keysChanged, this, &SignBatchPage::updateChoice);
    m_selected.clear();
    m_signatures.clear();
    m_model->reset({});
    m_chart->clear();
    m_runView->setSummary({});
    updateChoice();
    updateButtons();
}

void SignBatchPage::setSelectedKeys(const QStringList &uids)
{
    // The Keys tab's selection is remembered for "Selected keys", never
    // chosen for the operator: a typed prefix stays the target until the
    // operator picks otherwise.
    m_selected = uids;
    updateChoice();
}

QStringList SignBatchPage::chosenKeys() const
{
    if (!m_session)
        return {};
    if (m_useSelection->isChecked())
        return m_selected;
    QStringList uids;
    const QString prefix = m_prefix->text().trimmed();
    const auto records = m_session->keyring().list();
    for (const auto &record : records) {
        if (record.uid.startsWith(prefix))
            uids << record.uid;
    }
    // The rows and the chart list blob-worker-2 before blob-worker-10, as
    // the key table does (the store keeps plain string order).
    std::sort(uids.begin(), uids.end(),
              [](const QString &a, const QString &b) { return NaturalOrder::compare(a, b) < 0; });
    return uids;
}

Expected<QByteArray, QString> SignBatchPage::messageBytes() const
{
    const QString text = m_message->text();
    switch (messageFormat()) {
    case MessageFormat::Hex: {
        auto decoded = crypto::Hex::decode(text.trimmed());
        if (!decoded)
            return baokeys::unexpected(tr("the message is not valid hex: %1").arg(decoded.error().message));
        return *decoded;
    }
    case MessageFormat::File: {
        QFile file(text);
        if (!file.open(QIODevice::ReadOnly))
            return baokeys::unexpected(tr("the file %1 cannot be read: %2").arg(text, file.errorString()));
        if (file.size() > MaxFileBytes)
            return baokeys::unexpected(tr("the file %1 is larger than 16 MiB").arg(text));
        return file.readAll();
    }
    case MessageFormat::Text:
        break;
    }
    return text.toUtf8();
}

void SignBatchPage::updateChoice()
{
    const int keys = int(chosenKeys().size());
    m_choice->setText(tr("%n key(s)", nullptr, keys) + QStringLiteral(" × ") +
                      tr("%n time(s)", nullptr, m_repeat->value()) + QStringLiteral(" = ") +
                      tr("%n signature(s)", nullptr, keys * m_repeat->value()));
    updateButtons();
}

void SignBatchPage::run()
{
    if (!m_session || isRunning())
        return;
    const QStringList keys = chosenKeys();
    if (keys.isEmpty()) {
        ErrorReporter::show(this, tr("No keys to sign with."),
                            tr("Select keys in the Keys tab, or give a name prefix that matches some."));
        return;
    }
    const auto message = messageBytes();
    if (!message) {
        ErrorReporter::show(this, tr("The message cannot be used."), message.error());
        return;
    }
    const qint64 total = qint64(keys.size()) * m_repeat->value();
    if (total > MaxRequests) {
        ErrorReporter::show(this, tr("That is too many signatures for one batch."),
                            tr("%1 requested, at most %2.").arg(total).arg(MaxRequests));
        return;
    }
    QList<keyring::SignRequest> requests;
    QStringList uids;
    requests.reserve(total);
    for (int r = 0; r < m_repeat->value(); ++r) {
        for (const QString &uid : keys) {
            requests << keyring::SignRequest{uid, *message, false};
            uids << uid;
        }
    }
    m_model->reset(uids);
    m_runView->progressBar()->setFormat(tr("%v of %m"));
    m_chart->clear();
    m_stats = {};
    ++m_generation;
    m_runView->begin();
    m_signatures.clear();
    keyring::SignBatchOptions options;
    options.parallelism = m_parallelism->value();
    auto job = m_session->keyring().signBatch(requests, options);
    m_runView->track<keyring::SignItemResult>(job, {}, [this](const auto &result, int row) {
        if (result.signature) {
            const QString hex = crypto::Hex::encode(result.signature->signature);
            m_model->setResult(row, hex.left(16) + QStringLiteral("…") + hex.right(8), hex);
            m_signatures.insert(row, BatchExport::SignatureEntry{
                                         result.uid, hex, crypto::Hex::encode(result.signature->publicKey),
                                         crypto::Hex::encode(result.signature->digest)});
        }
    });
    m_runView->setSummary(tr("Signing %n message(s)…", nullptr, int(total)));
    updateButtons();
    emit batchStarted(int(total));
}

void SignBatchPage::onFinished()
{
    const auto counts = m_model->counts();
    // A full bar would read as success: once done, the bar counts the signatures made.
    QProgressBar *bar = m_runView->progressBar();
    bar->setFormat(tr("%v of %m signed"));
    bar->setMaximum(qMax(1, counts.total));
    bar->setValue(counts.succeeded);
    QList<LatencyStats::Interval> intervals;
    for (const auto &row : m_model->rows()) {
        if (!row.hasLatency())
            continue; // cancelled before it started: nothing to draw
        auto outcome = LatencyStats::Outcome::Done;
        if (row.state == keyring::BatchItemState::Failed)
            outcome = LatencyStats::Outcome::Failed;
        else if (row.state == keyring::BatchItemState::Cancelled)
            outcome = LatencyStats::Outcome::Cancelled;
        intervals << LatencyStats::Interval{double(row.startNs) / 1e6, double(row.endNs) / 1e6, outcome,
                                            row.uid};
    }
    m_stats = LatencyStats::compute(intervals);
    m_runView->setSummary(summaryText());
    updateButtons();
    // The chart is built a moment later, so the table's last update and the
    // chart are painted in two short passes rather than one long one.
    QTimer::singleShot(ChartDelayMs, this, [this, counts, generation = m_generation] {
        if (generation != m_generation)
            return; // another batch started meanwhile
        m_chart->setStats(m_stats);
        if (counts.failed > 0 && m_runView->firstError())
            ErrorReporter::show(this, tr("%n signature(s) failed.", nullptr, counts.failed),
                                *m_runView->firstError());
        emit message(summaryText());
        emit batchFinished(counts);
    });
}

QString SignBatchPage::summaryText() const
{
    const auto counts = m_model->counts();
    QStringList parts;
    // The speed-up only where something was signed: "0 signatures in 0 ms
    // (0.0× faster)" says nothing about a batch that failed.
    if (counts.succeeded > 0)
        parts << m_stats.summary();
    if (counts.failed > 0)
        parts << BatchFailures::describe(m_model->rows());
    if (counts.cancelled > 0)
        parts << tr("%Ln cancelled", nullptr, counts.cancelled);
    return parts.join(QStringLiteral(" · "));
}

void SignBatchPage::cancel()
{
    m_runView->cancel();
}

void SignBatchPage::updateButtons()
{
    const bool running = isRunning();
    m_run->setEnabled(!running && m_session);
    m_cancel->setEnabled(running);
    m_exportCsv->setEnabled(!running && !m_signatures.isEmpty());
    m_exportJson->setEnabled(!running && !m_signatures.isEmpty());
    m_prefix->setEnabled(m_usePrefix->isChecked());
}

QList<BatchExport::SignatureEntry> SignBatchPage::signatureEntries() const
{
    QList<BatchExport::SignatureEntry> entries;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_signatures.contains(row))
            entries << m_signatures.value(row);
    }
    return entries;
}

bool SignBatchPage::exportTo(const QString &path, bool json)
{
    const auto entries = signatureEntries();
    const QByteArray bytes =
        json ? BatchExport::signaturesToJson(entries) : BatchExport::signaturesToCsv(entries);
    if (auto written = BatchExport::writeFile(path, bytes); !written) {
        ErrorReporter::show(this, tr("The export could not be written to %1.").arg(path), written.error());
        return false;
    }
    emit message(tr("Exported %n signature(s) to %1", nullptr, int(entries.size())).arg(path));
    return true;
}

void SignBatchPage::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as CSV"), QStringLiteral("signatures.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, false);
}

void SignBatchPage::exportJson()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as JSON"), QStringLiteral("signatures.json"), tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportTo(path, true);
}

} // namespace baokeys::ui
