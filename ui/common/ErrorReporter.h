#pragma once

#include "core/bao/BaoError.h"

#include <QCoreApplication>
#include <QString>

class QMessageBox;
class QWidget;

namespace baokeys::ui {

// Shows a failure in plain words, with the technical detail (error kind,
// HTTP status, the server's own message) one click away in "Show Details".
// The box is window-modal and opened without a nested event loop, so a
// running batch keeps updating behind it. Returns the box (deleted on close).
//
// Thread-safety: GUI thread only.
class ErrorReporter {
    Q_DECLARE_TR_FUNCTIONS(ErrorReporter)
public:
    static QMessageBox *show(QWidget *parent, const QString &summary, const bao::BaoError &error);
    static QMessageBox *show(QWidget *parent, const QString &summary, const QString &detail);
    // The plain-words explanation of an error kind ("The signer is sealed ...").
    static QString explain(const bao::BaoError &error);
    static QString detailOf(const bao::BaoError &error);
};

} // namespace baokeys::ui
