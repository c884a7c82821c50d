// LayoutAudit: what a resident would see broken on the screen as it is rendered now,
// found by walking the live Qt Quick scene rather than by looking at pixels:
// - a text cut short ("…" or lines dropped) that does not say it may be
//   (a Text with `property bool mayTruncate: true`: a query elided at its start,
//   a snippet of a result), or hidden above the top of a list nobody scrolled;
// - a text whose lines run out of its own box, or out of the box it sits in;
// - two visible texts or controls on top of each other;
// - a control (button, toggle) smaller than the mode's minimum touch target;
// - a label wrapped inside a word: a Latin word broken between two letters, a short
//   Chinese label (up to 8 characters, no punctuation: 事项类型, 所在区县) on more than one
//   line, or a short text (up to 12 characters: ⌫ 删除) broken inside a run of Chinese
//   — Chinese has no spaces, and such a run is one word to its reader.
// - a scrolling list or page left less than a touch target of height for content
//   that needs more (the search results under a large keyboard);
// - in a right-to-left screen (Uyghur), a text shorter than its box that starts at the
//   left, as a Chinese title does when it follows its own direction rather than the
//   screen's (rich text bodies, Chinese prose with its lists, keep their own);
// Only what is on screen counts: parts scrolled or clipped out of view are left out,
// so a page is audited by scrolling it through.
#pragma once

#include <QList>
#include <QQuickWindow>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace testsupport {

struct LayoutProblem {
    enum Kind { Truncated, Spills, Overlap, SmallTarget, WordBroken, NoRoom, Misaligned };
    Kind kind;
    QString what;  // the items concerned, with their texts
    QRectF where;  // in scene coordinates, for the screenshot
    QString toString() const;
};

class LayoutAudit
{
public:
    // minimumTarget: the touch-target minimum of the mode in pixels. nothingScrolled:
    // the screen is as it opened, so every list must show its start (a list whose
    // header grew after it was positioned hides its top).
    // rightToLeft: the window is mirrored (Uyghur).
    static QList<LayoutProblem> audit(QQuickWindow *window, int minimumTarget, bool nothingScrolled = false,
                                      bool rightToLeft = false);
    static QString kindName(LayoutProblem::Kind kind);
};

} // namespace testsupport
