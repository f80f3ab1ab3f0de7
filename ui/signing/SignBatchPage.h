#pragma once

#include "core/keyring/BatchTypes.h"
#include "ui/batch/BatchExport.h"
#include "ui/signing/LatencyStats.h"

#include <QHash>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QSplitter;

namespace baokeys::ui {

class BatchItemModel;
class BatchRunView;
class LatencyChart;
class Session;

// Batch signing: keys (the table's selection, or every key whose name starts
// with a prefix), a message (text, hex or a file's bytes) and a repeat count;
// every request runs in parallel, rows update live, and when it is done the
// latency chart and the summary show what the parallelism bought.
//
// Thread-safety: GUI thread only.
class SignBatchPage : public QWidget {
    Q_OBJECT
public:
    // The message box's formats (its items, in this order).
    enum class MessageFormat { Text, Hex, File };

    explicit SignBatchPage(QWidget *parent = nullptr);
    ~SignBatchPage() override;

    void setSession(Session *session);
    // Remembers the table/chart splitter for the next start.
    void saveLayout() const;
    bool isRunning() const;
    BatchItemModel *model() const { return m_model; }
    LatencyChart *chart() const { return m_chart; }
    const LatencyStats &stats() const { return m_stats; }
    QString summaryText() const;
    QList<BatchExport::SignatureEntry> signatureEntries() const;

    // The keys the batch would use now, and the message bytes (or why not).
    QStringList chosenKeys() const;
    Expected<QByteArray, QString> messageBytes() const;

public slots:
    void setSelectedKeys(const QStringList &uids);
    void run();
    void cancel();
    // The batch's signatures (key, signature, public key, digest), to verify
    // or hand on elsewhere.
    void exportCsv();
    void exportJson();
    bool exportTo(const QString &path, bool json);

signals:
    void batchStarted(int count);
    void batchFinished(const keyring::BatchCounts &counts);
    void message(const QString &text);

private:
    MessageFormat messageFormat() const;
    void onFinished();
    void updateChoice();
    void updateButtons();

    Session *m_session = nullptr;
    QStringList m_selected;
    BatchItemModel *m_model = nullptr;
    BatchRunView *m_runView = nullptr;
    QHash<int, BatchExport::SignatureEntry> m_signatures; // by row
    LatencyStats m_stats;
    quint64 m_generation = 0; // of the batch whose chart is pending

    QRadioButton *m_useSelection = nullptr;
    QRadioButton *m_usePrefix = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLabel *m_choice = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_message = nullptr;
    QPushButton *m_browse = nullptr;
    QSpinBox *m_repeat = nullptr;
    QSpinBox *m_parallelism = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    LatencyChart *m_chart = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace baokeys::ui
