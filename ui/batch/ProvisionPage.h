#pragma once

#include "core/keyring/BatchTypes.h"
#include "ui/batch/BatchExport.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace baokeys::ui {

class BatchItemModel;
class GrantFeesDialog;
class BatchRunView;
class Session;

// Batch provisioning of worker keys (<prefix>-1 .. <prefix>-N), the
// parallel-worker pattern: a preview of the names, collisions refused before
// anything is created (the local store at once, the server's LIST in the
// keyring's preflight), then one live row per key (state, latency, address),
// overall progress, Cancel, "Retry failed", and CSV / JSON export of what
// was created (to fund the workers), and "Grant fees" for them.
//
// Thread-safety: GUI thread only.
class ProvisionPage : public QWidget {
    Q_OBJECT
public:
    explicit ProvisionPage(QWidget *parent = nullptr);
    ~ProvisionPage() override;

    void setSession(Session *session);
    bool isRunning() const;
    BatchItemModel *model() const { return m_model; }
    QList<BatchExport::Entry> createdEntries() const;
    QString summaryText() const;

public slots:
    void start();
    void cancel();
    void retryFailed();
    void exportCsv();
    void exportJson();
    bool exportTo(const QString &path, bool json);
    // Opens "Grant fees" for the keys this run created (nullptr when none).
    GrantFeesDialog *grantFees();

signals:
    void batchStarted(int count);
    void batchFinished(const keyring::BatchCounts &counts);
    void message(const QString &text);

private:
    keyring::CreateBatchRequest formRequest() const;
    void updatePreview();
    bool launch(const keyring::CreateBatchRequest &request, const QList<int> &rows);
    void onRunFinished(const std::optional<bao::BaoError> &preflight,
                       const std::optional<bao::BaoError> &persist);
    void finishAll();
    void reportFailures(int failed);
    static constexpr int NamesPerGroup = 5; // names listed per kind of failure; the rest are counted
    void updateButtons();

    Session *m_session = nullptr;
    BatchItemModel *m_model = nullptr;
    BatchRunView *m_run = nullptr;
    QString m_batchPrefix; // of the rows shown
    int m_batchFirstIndex = 1;
    bool m_batchExportable = false;
    int m_batchParallelism = 0;

    QLineEdit *m_prefix = nullptr;
    QComboBox *m_preset = nullptr;
    QSpinBox *m_count = nullptr;
    QSpinBox *m_firstIndex = nullptr;
    QCheckBox *m_exportable = nullptr;
    QSpinBox *m_parallelism = nullptr;
    QLabel *m_preview = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    QPushButton *m_grant = nullptr;
};

} // namespace baokeys::ui
