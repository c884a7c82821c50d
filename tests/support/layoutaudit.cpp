#include "layoutaudit.h"

#include <QFont>
#include <QQuickItem>
#include <algorithm>
#include <QTextLayout>
#include <QTextOption>

namespace testsupport {

namespace {

struct Box {
    QQuickItem *item;
    QRectF rect; // the visible part, in scene coordinates
};

QString describe(QQuickItem *item)
{
    QString name = item->objectName();
    if (name.isEmpty())
        name = QString::fromLatin1(item->metaObject()->className());
    QString text = item->property("text").toString().simplified();
    if (text.size() > 40)
        text = text.left(39) + u'…';
    return text.isEmpty() ? name : QStringLiteral("%1 \"%2\"").arg(name, text);
}

bool isText(QQuickItem *item) { return item->inherits("QQuickText"); }
bool isControl(QQuickItem *item) { return item->inherits("QQuickAbstractButton"); }

bool isAncestor(const QQuickItem *ancestor, const QQuickItem *item)
{
    for (const QQuickItem *p = item->parentItem(); p; p = p->parentItem())
        if (p == ancestor)
            return true;
    return false;
}

// Where a Text's lines are drawn, in its own coordinates (alignment and padding
// applied; the lines may be wider or taller than the item).
QRectF inkRect(QQuickItem *t)
{
    const qreal lp = t->property("leftPadding").toReal(), rp = t->property("rightPadding").toReal();
    const qreal tp = t->property("topPadding").toReal(), bp = t->property("bottomPadding").toReal();
    const qreal w = t->property("contentWidth").toReal();
    qreal h = t->property("contentHeight").toReal();
    const qreal availW = t->width() - lp - rp, availH = t->height() - tp - bp;
    const int ha = t->property("effectiveHorizontalAlignment").toInt();
    const int va = t->property("verticalAlignment").toInt();
    qreal x = lp, y = tp;
    if (ha & Qt::AlignRight)
        x = lp + availW - w;
    else if (ha & Qt::AlignHCenter)
        x = lp + (availW - w) / 2;
    if (va & Qt::AlignBottom)
        y = tp + availH - h;
    else if (va & Qt::AlignVCenter)
        y = tp + (availH - h) / 2;
    // The leading that lineHeight adds below the last line holds no ink, nor does the
    // bottom margin of a rich text's last paragraph (up to an em).
    const int px = t->property("font").value<QFont>().pixelSize();
    qreal blank = 0;
    if (t->property("lineHeightMode").toInt() == 0 /* ProportionalHeight */)
        blank = (t->property("lineHeight").toReal() - 1.0) * px;
    if (t->property("textFormat").toInt() == 1 /* RichText */)
        blank = std::max(blank, qreal(px));
    if (h > availH && h - availH <= blank)
        h = availH;
    return QRectF(x, y, w, h);
}

bool isHan(QChar c) { return c.script() == QChar::Script_Han; }

// Positions where the Text's lines begin after the first, laid out as Qt Quick lays
// out plain text (same font, width and wrap mode).
QList<int> lineStarts(QQuickItem *t, const QString &text)
{
    const qreal width = t->width() - t->property("leftPadding").toReal() - t->property("rightPadding").toReal();
    QTextLayout layout(text, t->property("font").value<QFont>());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapMode(t->property("wrapMode").toInt()));
    layout.setTextOption(option);
    QList<int> starts;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (line.textStart() > 0)
            starts.append(line.textStart());
    }
    layout.endLayout();
    return starts;
}

// A break inside a word: between two letters of a Latin (or Arabic-script) word, or
// anywhere in a short Chinese label.
bool brokenInsideAWord(QQuickItem *t, QString *where)
{
    if (t->property("lineCount").toInt() < 2)
        return false;
    const int format = t->property("textFormat").toInt(); // PlainText 0, RichText 1, Auto 2, Styled 4
    QString text = t->property("text").toString();
    if (format == 1 || format == 4 || (format == 2 && Qt::mightBeRichText(text)))
        return false;
    text.replace(u'\n', QChar::LineSeparator);
    const QString trimmed = text.trimmed();
    const bool shortLabel = trimmed.size() <= 8 &&
                            std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) { return isHan(c); });
    for (int p : lineStarts(t, text)) {
        const QChar before = text[p - 1], after = text[p];
        if (before.isSpace() || after.isSpace() || before == QChar::LineSeparator || before == QChar(0x200B))
            continue;
        const bool latinWord = before.isLetterOrNumber() && after.isLetterOrNumber() && !isHan(before) &&
                               !isHan(after);
        // A short text of a few words (⌫ 删除, 依申请公开 即将开放) breaks only where a
        // word ends, which in Chinese is where the Han run ends.
        const bool shortText = trimmed.size() <= 12 && isHan(before) && isHan(after);
        if (latinWord || shortLabel || shortText) {
            *where = text.left(p) + u'|' + text.mid(p);
            return true;
        }
    }
    return false;
}

void collect(QQuickItem *item, const QRectF &clip, QList<Box> *boxes, QList<LayoutProblem> *problems,
             int minimumTarget, bool nothingScrolled, bool rightToLeft)
{
    if (!item->isVisible() || item->opacity() <= 0.01)
        return;
    const QRectF scene = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    const QRectF shown = scene.intersected(clip);
    const QRectF childClip = item->clip() ? shown : clip;

    if (isText(item) && !item->property("text").toString().trimmed().isEmpty()) {
        const QRectF ink = item->mapRectToScene(inkRect(item));
        const QRectF inkShown = ink.intersected(clip);
        if (!inkShown.isEmpty()) {
            boxes->append({item, inkShown});
            if (item->property("truncated").toBool() && !item->property("mayTruncate").toBool())
                problems->append({LayoutProblem::Truncated, describe(item), inkShown});
            // Hidden above the top of a list that nobody scrolled (a header that grew
            // after the list was positioned hides the count of results).
            for (QQuickItem *p = item->parentItem(); nothingScrolled && p; p = p->parentItem()) {
                if (p->inherits("QQuickFlickable") && p->clip() && ink.top() < p->mapToScene(QPointF(0, 0)).y() - 1) {
                    problems->append({LayoutProblem::Truncated,
                                      describe(item) + QStringLiteral(" is above the top of a list nobody scrolled"),
                                      inkShown.isEmpty() ? ink : inkShown});
                    break;
                }
            }
            const QRectF own = scene.adjusted(-1.5, -1.5, 1.5, 1.5);
            QQuickItem *parent = item->parentItem();
            const QRectF box = parent && parent->width() > 0 && parent->height() > 0
                                   ? parent->mapRectToScene(QRectF(0, 0, parent->width(), parent->height()))
                                         .adjusted(-1.5, -1.5, 1.5, 1.5)
                                   : own;
            if (!own.contains(ink) || !box.contains(ink))
                problems->append({LayoutProblem::Spills,
                                  QStringLiteral("%1 (lines %2×%3 in %4×%5)")
                                      .arg(describe(item))
                                      .arg(item->property("contentWidth").toReal())
                                      .arg(item->property("contentHeight").toReal())
                                      .arg(item->width())
                                      .arg(item->height()),
                                  ink});
            const int align = item->property("effectiveHorizontalAlignment").toInt();
            const qreal room = item->width() - item->property("leftPadding").toReal() -
                               item->property("rightPadding").toReal() - item->property("contentWidth").toReal();
            // A rich text body (Chinese prose, its lists) keeps its own direction.
            if (rightToLeft && (align & Qt::AlignLeft) && room > 8 && item->property("textFormat").toInt() != 1)
                problems->append({LayoutProblem::Misaligned, describe(item), inkShown});
            QString broken;
            if (brokenInsideAWord(item, &broken))
                problems->append({LayoutProblem::WordBroken, describe(item) + QStringLiteral(" as ") + broken,
                                  inkShown});
        }
    } else if (isControl(item) && !shown.isEmpty()) {
        boxes->append({item, shown});
        if (item->width() < minimumTarget - 0.5 || item->height() < minimumTarget - 0.5)
            problems->append({LayoutProblem::SmallTarget,
                              QStringLiteral("%1 is %2×%3, the minimum is %4")
                                  .arg(describe(item))
                                  .arg(item->width())
                                  .arg(item->height())
                                  .arg(minimumTarget),
                              shown});
    }
    if (item->inherits("QQuickFlickable") && !shown.isEmpty()) {
        const bool vertical = item->property("contentHeight").toReal() > item->height() + 1;
        const bool sideways = item->property("contentWidth").toReal() > item->width() + 1;
        if ((vertical && shown.height() < minimumTarget) || (sideways && shown.width() < minimumTarget))
            problems->append({LayoutProblem::NoRoom,
                              QStringLiteral("%1 is %2×%3 on screen").arg(describe(item)).arg(shown.width()).arg(
                                  shown.height()),
                              shown});
    }
    for (QQuickItem *child : item->childItems())
        collect(child, childClip, boxes, problems, minimumTarget, nothingScrolled, rightToLeft);
}

} // namespace

QString LayoutAudit::kindName(LayoutProblem::Kind kind)
{
    switch (kind) {
    case LayoutProblem::Truncated: return QStringLiteral("cut short");
    case LayoutProblem::Spills: return QStringLiteral("runs out of its box");
    case LayoutProblem::Overlap: return QStringLiteral("overlaps");
    case LayoutProblem::SmallTarget: return QStringLiteral("too small to touch");
    case LayoutProblem::WordBroken: return QStringLiteral("wrapped inside a word");
    case LayoutProblem::NoRoom: return QStringLiteral("has no room to show its content");
    case LayoutProblem::Misaligned: return QStringLiteral("starts at the left of a right-to-left screen");
    }
    return {};
}

QString LayoutProblem::toString() const
{
    return QStringLiteral("%1: %2 at (%3,%4 %5×%6)")
        .arg(LayoutAudit::kindName(kind), what)
        .arg(int(where.x()))
        .arg(int(where.y()))
        .arg(int(where.width()))
        .arg(int(where.height()));
}

QList<LayoutProblem> LayoutAudit::audit(QQuickWindow *window, int minimumTarget, bool nothingScrolled,
                                        bool rightToLeft)
{
    QList<Box> boxes;
    QList<LayoutProblem> problems;
    QQuickItem *root = window->contentItem();
    collect(root, QRectF(0, 0, window->width(), window->height()), &boxes, &problems, minimumTarget,
            nothingScrolled, rightToLeft);
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        for (qsizetype j = i + 1; j < boxes.size(); ++j) {
            const Box &a = boxes[i], &b = boxes[j];
            if (isAncestor(a.item, b.item) || isAncestor(b.item, a.item))
                continue;
            const QRectF both = a.rect.intersected(b.rect);
            if (both.width() > 2 && both.height() > 2)
                problems.append({LayoutProblem::Overlap,
                                 QStringLiteral("%1 and %2").arg(describe(a.item), describe(b.item)), both});
        }
    }
    return problems;
}

} // namespace testsupport
