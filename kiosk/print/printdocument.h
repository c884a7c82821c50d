// What goes on paper: a catalog item turned into an A4 document description (header
// texts, HTML body, the QR code back to the item). Every label comes from the
// catalog's screen texts; only structure is decided here. Pure functions: safe on
// any thread, so the catalog worker builds them right where the item is read.
#pragma once

#include "catalogitems.h"
#include "itempresenter.h"

#include <QString>

namespace kiosk {

struct PrintableDocument
{
    QString itemId;
    QString kind;   // guide / policy / interpretation / qa
    QString title;  // document title, in the running header
    QString issuer; // the catalog's region or agency name, in the running header
    QString html;   // the body, laid out and paginated by PrintRenderer
    QString qrText; // what the QR code on the first page encodes
    QString qrCaption;
    QString pageFormat; // e.g. "第 %1 页 共 %2 页"
    bool isValid() const { return !html.isEmpty(); }
};

// Header and QR settings shared by every document of one catalog.
struct PrintContext
{
    QString issuer;         // catalog meta: region, else name
    QString itemLinkFormat; // "%1" = item id; empty: a "kiosk-item:<id>" reference
};

PrintableDocument guideDocument(const content::ServiceGuide &g, const TextTable &t,
                                const PrintContext &c);
// A policy with every interpretation of it, one after the other.
PrintableDocument policyDocument(const content::PolicyDocument &p, const TextTable &t,
                                 const PrintContext &c);
PrintableDocument interpretationDocument(const content::Interpretation &i, const TextTable &t,
                                         const PrintContext &c);
PrintableDocument qaDocument(const content::QaItem &q, const TextTable &t, const PrintContext &c);

// The issuer line of a catalog from its meta table.
QString catalogIssuer(const QMap<QString, QString> &meta);
// The kinds that can be printed.
bool isPrintableKind(const QString &kind);

} // namespace kiosk
