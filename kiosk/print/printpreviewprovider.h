// PrintPreviewProvider: the pages of the document about to be printed, for QML
// ("image://printpreview/<serial>/<page>"). Painted by the same PrintRenderer that
// writes the PDF, so the preview is the print. Image requests may come from QML's
// loader threads: the shared state is locked, and one renderer serves one document.
#pragma once

#include "printdocument.h"

#include <QMutex>
#include <QQuickImageProvider>
#include <memory>

namespace kiosk {

class PrintRenderer;

// What the controller (UI thread) shares with the provider (loader threads).
class PrintPreviewState
{
public:
    PrintPreviewState();
    ~PrintPreviewState();
    void set(const PrintableDocument &document, int serial);
    PrintableDocument document() const;
    // Page index of the document shown under serial; null when it has changed since.
    QImage page(int serial, int index, int widthPx);

private:
    mutable QMutex m_lock;
    PrintableDocument m_document;
    int m_serial = 0;
    std::unique_ptr<PrintRenderer> m_renderer;
    std::unique_ptr<PrintRenderer> m_retired;
    int m_rendererSerial = -1;
};

class PrintPreviewProvider : public QQuickImageProvider
{
public:
    explicit PrintPreviewProvider(std::shared_ptr<PrintPreviewState> state);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

    static QString sourceFor(int serial); // + page index
    static constexpr const char *kProviderId = "printpreview";

private:
    std::shared_ptr<PrintPreviewState> m_state;
};

} // namespace kiosk
