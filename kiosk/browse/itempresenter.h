// Turns catalog items into display-ready maps for the QML views: every label,
// unit and formatted value decided here (where tests reach it), none in QML.
#pragma once

#include "catalogitems.h"

#include <QHash>
#include <QVariantMap>

namespace kiosk {

using TextTable = QHash<QString, QString>;

QVariantMap presentGuide(const content::ServiceGuide &g, const TextTable &t);
QVariantMap presentPolicy(const content::PolicyDocument &p, const TextTable &t);
QVariantMap presentInterpretation(const content::Interpretation &i, const TextTable &t);
QVariantMap presentQa(const content::QaItem &q, const TextTable &t);
QVariantMap presentGazette(const content::GazetteIssue &g, const TextTable &t);
QVariantMap presentPoint(const content::ServicePoint &p, const TextTable &t);
QVariantMap presentScenario(const content::Scenario &s, const TextTable &t);

// A value of the catalog's fixed vocabulary (事项类型, 办理形式, 材料形式, units) in the
// current language: the catalog's "vocab.<value>" text, each term of a 、-list on its
// own; anything else is the item's own text and stays as it is.
QString vocabulary(const TextTable &t, const QString &value);
// "20个工作日", or 即办 for 0 days.
QString formatTimeLimit(const content::TimeLimit &limit, const TextTable &t);
// Body HTML from the catalog with the table styling Qt's rich text needs.
QString displayHtml(const QString &html);

} // namespace kiosk
