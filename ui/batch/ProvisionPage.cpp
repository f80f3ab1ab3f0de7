#include "ui/batch/ProvisionPage.h"

#include "core/common/KeyName.h"
#include "ui/batch/BatchFailures.h"
#include "ui/batch/BatchItemModel.h"
#include "ui/batch/BatchRunView.h"
#include "ui/batch/GrantFeesDialog.h"
#include "ui/common/ErrorReporter.h"
#include "ui/common/NameList.h"
#include "ui/common/TableCopyAction.h"
#include "ui/connection/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace baokeys::ui {

using keyring::BatchItemState;

ProvisionPage::ProvisionPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("provisionPage"));
    m_model = new BatchItemModel(this);
    m_model->setLabels(tr("creating"), tr("Address"));

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *form = new QFormLayout;
    m_prefix = new QLineEdit(QStringLiteral("blob-worker"), this);
    m_prefix->setObjectName(QStringLiteral("provisionPrefix"));
    // The names the worker set-ups expect: celestia-node's TxWorkerAccounts
    // looks for parallel-worker-N in its keyring.
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("provisionPreset"));
    m_preset->addItem(tr("blob-worker-N"), QStringLiteral("blob-worker"));
    m_preset->addItem(tr("parallel-worker-N"), QStringLiteral("parallel-worker"));
    m_preset->setToolTip(tr("Fills the prefix with a naming convention (parallel-worker-N: celestia-node's "
                            "TxWorkerAccounts); the prefix stays editable."));
    form->addRow(tr("Prefi&x:"), m_prefix);
    form->addRow(tr("Na&ming:"), m_preset);
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("provisionCount"));
    m_count->setRange(1, 10000);
    m_count->setValue(8);
    form->addRow(tr("&Count:"), m_count);
    m_firstIndex = new QSpinBox(this);
    m_firstIndex->setObjectName(QStringLiteral("provisionFirstIndex"));
    m_firstIndex->setRange(0, 1000000);
    m_firstIndex->setValue(1);
    form->addRow(tr("&Numbered from:"), m_firstIndex);
    m_exportable = new QCheckBox(tr("&Exportable"), this);
    m_exportable->setObjectName(QStringLiteral("provisionExportable"));
    form->addRow(QString(), m_exportable);
    m_parallelism = new QSpinBox(this);
    m_parallelism->setObjectName(QStringLiteral("provisionParallelism"));
    m_parallelism->setRange(0, keyring::DefaultMaxParallelism);
    m_parallelism->setSpecialValueText(tr("auto"));
    m_parallelism->setValue(0);
    m_parallelism->setToolTip(tr("Requests in flight at once; auto sends them all (up to %1).")
                                  .arg(keyring::DefaultMaxParallelism));
    form->addRow(tr("P&arallelism:"), m_parallelism);
    top->addLayout(form);
    auto *right = new QVBoxLayout;
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("provisionPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_preview);
    right->addStretch();
    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("provisionStart"));
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_cancel = new QPushButton(tr("Cance&l"), this);
    m_cancel->setObjectName(QStringLiteral("provisionCancel"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_retry = new QPushButton(tr("&Retry failed"), this);
    m_retry->setObjectName(QStringLiteral("provisionRetry"));
    m_exportCsv = new QPushButton(tr("Expor&t CSV…"), this);
    m_exportJson = new QPushButton(tr("Export &JSON…"), this);
    m_grant = new QPushButton(tr("&Grant fees…"), this);
    m_grant->setObjectName(QStringLiteral("provisionGrant"));
    m_grant->setToolTip(tr("Pay the new workers' fees from a granter key (x/feegrant), in one transaction."));
    for (QPushButton *button : {m_start, m_cancel, m_retry, m_exportCsv, m_exportJson})
        buttons->addWidget(button);
    right->addLayout(buttons);
    // The next step after a batch, on a row of its own (the window stays 800 wide).
    auto *next = new QHBoxLayout;
    next->addStretch();
    next->addWidget(m_grant);
    right->addLayout(next);
    top->addLayout(right, 1);
    layout->addLayout(top);

    m_run = new BatchRunView(QStringLiteral("provision"), m_model, this);
    m_run->setLiveText([](const keyring::BatchCounts &counts) {
        return tr("%L1 done, %L2 in flight, %L3 queued, %L4 failed")
            .arg(counts.succeeded)
            .arg(counts.running)
            .arg(counts.queued)
            .arg(counts.failed);
    });
    // The bar counts keys created: what the server has, whatever was cancelled.
    m_run->setBarCounts(BatchRunView::BarCounts::Succeeded, tr("%v of %m created"));
    QTableView *table = m_run->table();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setColumnWidth(BatchItemModel::ResultColumn, 380);
    layout->addWidget(m_run, 1);
    // Ctrl+C here copies the addresses of the rows selected here, to fund them.
    auto *copy = TableCopyAction::addresses(table, BatchItemModel::ResultColumn);
    connect(copy, &TableCopyAction::copied, this, &ProvisionPage::message);

    connect(m_start, &QPushButton::clicked, this, &ProvisionPage::start);
    connect(m_cancel, &QPushButton::clicked, this, &ProvisionPage::cancel);
    connect(m_retry, &QPushButton::clicked, this, &ProvisionPage::retryFailed);
    connect(m_exportCsv, &QPushButton::clicked, this, &ProvisionPage::exportCsv);
    connect(m_exportJson, &QPushButton::clicked, this, &ProvisionPage::exportJson);
    connect(m_grant, &QPushButton::clicked, this, &ProvisionPage::grantFees);
    connect(m_run, &BatchRunView::runFinished, this, &ProvisionPage::onRunFinished);
    connect(m_run, &BatchRunView::finished, this, &ProvisionPage::finishAll);
    connect(m_prefix, &QLineEdit::textChanged, this, &ProvisionPage::updatePreview);
    connect(m_preset, &QComboBox::activated, this,
            [this](int index) { m_prefix->setText(m_preset->itemData(index).toString()); });
    connect(m_count, &QSpinBox::valueChanged, this, &ProvisionPage::updatePreview);
    connect(m_firstIndex, &QSpinBox::valueChanged, this, &ProvisionPage::updatePreview);
    updatePreview();
    updateButtons();
}

ProvisionPage::~ProvisionPage()
{
    m_run->abandon(); // before the model (an earlier child) goes
}

bool ProvisionPage::isRunning() const
{
    return m_run->isRunning();
}

void ProvisionPage::setSession(Session *session)
{
    m_run->abandon();
    if (m_session)
        disconnect(&m_session->keyring(), nullptr, this, nullptr);
    m_session = session;
    // A sync may free names (keys the server lost) or take them (adopted):
    // the preview and Start follow the store.
    if (m_session)
        connect(&m_session->keyring(), &keyring::BaoKeyring::keysChanged, this,
                &ProvisionPage::updatePreview);
    m_model->reset({});
    m_run->setSummary({});
    m_run->progressBar()->reset();
    updatePreview();
    updateButtons();
}

keyring::CreateBatchRequest ProvisionPage::formRequest() const
{
    keyring::CreateBatchRequest request;
    request.prefix = m_prefix->text().trimmed();
    request.count = m_count->value();
    request.firstIndex = m_firstIndex->value();
    request.exportable = m_exportable->isChecked();
    request.parallelism = m_parallelism->value();
    // The operator is promised no create at all if a name is taken anywhere:
    // one LIST before the batch is worth its round trip here.
    request.serverCheck = keyring::ServerNameCheck::ListFirst;
    return request;
}

void ProvisionPage::updatePreview()
{
    if (!m_session) {
        m_preview->setText(tr("Open a profile to provision keys."));
        m_start->setEnabled(false);
        return;
    }
    const keyring::CreateBatchRequest request = formRequest();
    if (request.prefix.isEmpty()) {
        m_preview->setText(tr("Enter a name prefix."));
        m_start->setEnabled(false);
        return;
    }
    const auto names = m_session->keyring().batchNames(request);
    if (!names) {
        m_start->setEnabled(false);
        if (names.error().kind != bao::BaoErrorKind::AlreadyExists) {
            m_preview->setText(tr("Cannot start: %1").arg(ErrorReporter::explain(names.error())) +
                               QStringLiteral("\n") + names.error().message);
            return;
        }
        // Names the store holds: just created here (a neutral state, the
        // run is done), or taken earlier (say which).
        QStringList taken;
        for (int i = 0; i < request.count; ++i) {
            const QString name = KeyName::numbered(request.prefix, request.firstIndex + i);
            if (m_session->keyring().store().holds(name))
                taken << name;
        }
        const auto counts = m_model->counts();
        const bool justMade = counts.total > 0 && counts.succeeded == counts.total &&
                              m_batchPrefix == request.prefix && m_batchFirstIndex == request.firstIndex &&
                              counts.total == request.count;
        if (justMade) {
            m_preview->setText(tr("These %n key(s) were created. To create more, change the prefix or "
                                  "the first number.",
                                  nullptr, request.count));
            return;
        }
        const QString shown = NameList::shortened(taken, 3);
        m_preview->setText(
            tr("%n of these names are already in the store: %1", nullptr, int(taken.size())).arg(shown));
        return;
    }
    QString list;
    if (names->size() <= 4)
        list = names->join(QStringLiteral(", "));
    else
        list = QStringList{names->at(0), names->at(1), names->at(2)}.join(QStringLiteral(", ")) +
               QStringLiteral(", …, ") + names->last();
    m_preview->setText(tr("Will create %n key(s): %1", nullptr, int(names->size())).arg(list) +
                       QStringLiteral("\n") + tr("Address prefix: %1").arg(m_session->hrp()));
    m_start->setEnabled(!isRunning());
}

void ProvisionPage::start()
{
    if (!m_session || isRunning())
        return;
    const auto request = formRequest();
    const auto names = m_session->keyring().batchNames(request);
    if (!names) {
        ErrorReporter::show(this, tr("The batch cannot start."), names.error());
        return;
    }
    m_model->reset(*names);
    m_batchPrefix = request.prefix;
    m_batchFirstIndex = request.firstIndex;
    m_batchExportable = request.exportable;
    m_batchParallelism = request.parallelism;
    m_run->begin();
    QList<int> rows(names->size());
    std::iota(rows.begin(), rows.end(), 0);
    if (launch(request, rows))
        emit batchStarted(int(names->size()));
}

bool ProvisionPage::launch(const keyring::CreateBatchRequest &request, const QList<int> &rows)
{
    auto job = m_session->keyring().createBatch(request);
    if (!job) {
        ErrorReporter::show(this, tr("The batch cannot start."), job.error());
        updateButtons();
        return false;
    }
    const QString hrp = m_session->hrp();
    m_run->track<keyring::CreateItemResult>(*job, rows, [this, hrp](const auto &result, int row) {
        if (result.key)
            m_model->setResult(row, result.key->bech32(hrp), result.key->publicKeyHex());
    });
    m_run->setSummary(tr("Creating %n key(s)…", nullptr, int(rows.size())));
    updateButtons();
    return true;
}

void ProvisionPage::onRunFinished(const std::optional<bao::BaoError> &preflight,
                                  const std::optional<bao::BaoError> &persist)
{
    if (preflight) {
        ErrorReporter::show(this, tr("Nothing was created: a name is already taken or the server refused."),
                            *preflight);
        m_run->clearFirstError();
    }
    if (persist)
        ErrorReporter::show(this,
                            tr("The keys were created but the local key list could not be saved; "
                               "“Sync with server” adopts them."),
                            *persist);
}

void ProvisionPage::finishAll()
{
    const auto counts = m_model->counts();
    m_run->setSummary(summaryText());
    if (counts.failed > 0 && m_run->firstError())
        reportFailures(counts.failed);
    updateButtons();
    updatePreview();
    emit message(summaryText());
    emit batchFinished(counts);
}

// The failed keys grouped by what went wrong, each group named: the box
// explained the first failure only, so one key whose create may have been
// done ("answer lost", sync to settle it) hid among thirteen that never
// reached the server, or passed for one of them. The uncertain group comes
// first, and its explanation is the box's.
void ProvisionPage::reportFailures(int failed)
{
    const QList<BatchFailures::Group> groups = BatchFailures::byKind(m_model->rows());
    const QString headline = tr("%n key(s) could not be created.", nullptr, failed);
    if (groups.size() <= 1) {
        ErrorReporter::show(this, headline, groups.isEmpty() ? *m_run->firstError() : groups.first().error);
        return;
    }
    QStringList lines;
    for (const BatchFailures::Group &group : groups)
        lines << tr("%1: %2").arg(NameList::shortened(group.names, NamesPerGroup),
                                  ErrorReporter::explain(group.error));
    ErrorReporter::show(this, headline + QStringLiteral("\n\n") + lines.join(QStringLiteral("\n\n")),
                        groups.first().error);
}

QString ProvisionPage::summaryText() const
{
    const auto counts = m_model->counts();
    QString text = tr("%L1 of %L2 keys created in %3 ms")
                       .arg(counts.succeeded)
                       .arg(counts.total)
                       .arg(QLocale().toString(m_run->elapsedMs()));
    if (counts.failed > 0)
        text += QStringLiteral(" · ") + tr("%Ln failed", nullptr, counts.failed);
    if (counts.cancelled > 0)
        text += QStringLiteral(" · ") + tr("%Ln cancelled", nullptr, counts.cancelled);
    return text;
}

void ProvisionPage::cancel()
{
    m_run->cancel();
}

void ProvisionPage::retryFailed()
{
    if (!m_session || isRunning())
        return;
    // Every row not done: failed, cancelled, or left queued by a batch that
    // ended early. A name the store already holds (an answer that came after
    // all, a sync that adopted it) is done, not retried: its row shows it.
    const auto &keyring = m_session->keyring();
    const QString hrp = m_session->hrp();
    QList<int> rows;
    QHash<QString, int> rowOf;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const BatchItemModel::Row &item = m_model->row(row);
        rowOf.insert(item.uid, row);
        if (item.state == BatchItemState::Succeeded)
            continue;
        if (keyring.store().contains(item.uid)) {
            if (const auto stored = keyring.key(item.uid))
                m_model->markDone(row, stored->bech32(hrp), stored->publicKeyHex());
            continue;
        }
        rows << row;
    }
    m_model->flush();
    m_run->updateProgress();
    if (rows.isEmpty()) {
        finishAll();
        return;
    }
    m_run->begin();
    // One batch over the first run's range that creates just the rows left,
    // with the parallelism asked for.
    keyring::CreateBatchRequest request;
    request.prefix = m_batchPrefix;
    request.firstIndex = m_batchFirstIndex;
    request.count = m_model->rowCount();
    request.exportable = m_batchExportable;
    request.parallelism = m_batchParallelism;
    // Stored meanwhile (another window, the CLI): skipped, never a refusal.
    request.skipStored = true;
    for (const int row : rows)
        request.only << m_model->row(row).uid;
    int started = 0;
    // The batch's items are the names it will create, in order.
    const auto names = keyring.batchNames(request);
    if (!names) {
        ErrorReporter::show(this, tr("The batch cannot start."), names.error());
    } else if (!names->isEmpty()) {
        QList<int> range;
        for (const QString &name : *names)
            range << rowOf.value(name, -1);
        if (launch(request, range)) {
            m_model->requeue(range);
            started = int(range.size());
        }
    }
    if (started > 0)
        emit batchStarted(started);
    else
        finishAll();
}

QList<BatchExport::Entry> ProvisionPage::createdEntries() const
{
    QList<BatchExport::Entry> entries;
    for (const auto &row : m_model->rows()) {
        if (row.state == BatchItemState::Succeeded && !row.result.isEmpty())
            entries << BatchExport::Entry{row.uid, row.result, row.extra};
    }
    return entries;
}

bool ProvisionPage::exportTo(const QString &path, bool json)
{
    const auto entries = createdEntries();
    const QByteArray bytes = json ? BatchExport::toJson(entries, m_session ? m_session->hrp() : QString())
                                  : BatchExport::toCsv(entries);
    if (auto written = BatchExport::writeFile(path, bytes); !written) {
        ErrorReporter::show(this, tr("The export could not be written to %1.").arg(path), written.error());
        return false;
    }
    emit message(tr("Exported %n key(s) to %1", nullptr, int(entries.size())).arg(path));
    return true;
}

void ProvisionPage::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as CSV"), m_batchPrefix + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, false);
}

void ProvisionPage::exportJson()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as JSON"), m_batchPrefix + QStringLiteral(".json"), tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportTo(path, true);
}

GrantFeesDialog *ProvisionPage::grantFees()
{
    if (!m_session || isRunning())
        return nullptr;
    QStringList workers;
    for (const auto &entry : createdEntries())
        workers << entry.name;
    if (workers.isEmpty())
        return nullptr;
    auto *dialog = new GrantFeesDialog(*m_session, workers, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GrantFeesDialog::message, this, &ProvisionPage::message);
    dialog->open();
    return dialog;
}

void ProvisionPage::updateButtons()
{
    const bool running = isRunning();
    const auto counts = m_model->counts();
    m_cancel->setEnabled(running);
    // Any row not done can be retried: failed, cancelled, or left queued.
    m_retry->setEnabled(!running && m_session && counts.succeeded < counts.total);
    m_exportCsv->setEnabled(!running && counts.succeeded > 0);
    m_exportJson->setEnabled(!running && counts.succeeded > 0);
    m_grant->setEnabled(!running && m_session && counts.succeeded > 0);
    for (QWidget *field : {static_cast<QWidget *>(m_prefix), static_cast<QWidget *>(m_preset),
                           static_cast<QWidget *>(m_count), static_cast<QWidget *>(m_firstIndex),
                           static_cast<QWidget *>(m_exportable), static_cast<QWidget *>(m_parallelism)})
        field->setEnabled(!running);
    if (running)
        m_start->setEnabled(false);
}

} // namespace baokeys::ui
