"""How one entry looks in the Journal list: a mood badge, the heading (★ when starred), the day
(never cut: the heading gives way), a preview, and the rest of the check-in with the tags.

Each row is two lines tall. The mood badge is a rounded rectangle in the mood's colour that always
carries the number (or a dash when no mood was recorded), so colour is never the only signal.
Text colours come from the palette, so the rows read well in light and dark themes; matched search
words are drawn bold on a soft highlight. :func:`paint_mood_badge` is shared with the calendar.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from recovery_journal.domain.entries import Entry
from recovery_journal.ui.entry_list_model import CHECK_IN_ROLE, ENTRY_ROLE, PREVIEW_ROLE
from recovery_journal.ui.entry_text import format_day, split_marked
from recovery_journal.ui.mood_colors import mood_color, text_color_on

_PAD_X = 12
_PAD_Y = 8
_LINE_GAP = 3
_BADGE = 30
STAR = "\u2605"  # ★ before a starred entry's heading (also said: "starred")


def paint_mood_badge(
    painter: QPainter, rect: QRect, mood: int | None, font: QFont, empty: QColor
) -> None:
    """The mood's colour with its number on it; an outlined dash when there is no mood."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
    radius = min(box.height(), box.width()) / 4
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    if mood is None:
        outline = QColor(empty)
        outline.setAlphaF(0.5)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, radius, radius)
        painter.setPen(empty)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "–")
    else:
        fill = mood_color(mood)
        painter.setPen(fill.darker(125))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, radius, radius)
        painter.setPen(text_color_on(fill))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(mood))
    painter.restore()


def muted(color: QColor, alpha: float = 0.68) -> QColor:
    """A quieter version of a palette text colour (works on light and dark backgrounds)."""
    quiet = QColor(color)
    quiet.setAlphaF(alpha)
    return quiet


class EntryDelegate(QStyledItemDelegate):
    """Paints entry rows for :class:`~recovery_journal.ui.entry_list_model.EntryListModel`."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).height()
        height = max(_BADGE, 2 * line + _LINE_GAP) + 2 * _PAD_Y
        return QSize(200, height)  # the view stretches rows to its width

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)

        state = opt.state
        group = (
            QPalette.ColorGroup.Active
            if state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        selected = bool(state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = opt.palette.color(group, role)
        quiet = muted(text)

        painter.save()
        area = opt.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        badge = QRect(area.left(), area.center().y() - _BADGE // 2 + 1, _BADGE, _BADGE)
        paint_mood_badge(painter, badge, entry.check_in.mood, opt.font, quiet)
        content = area.adjusted(_BADGE + _PAD_X, 0, 0, 0)
        line = QFontMetrics(opt.font).height()
        top = content.top() + (content.height() - 2 * line - _LINE_GAP) // 2
        first = QRect(content.left(), top, content.width(), line)
        second = QRect(content.left(), top + line + _LINE_GAP, content.width(), line)
        self._paint_first_line(painter, first, opt, index, entry, text, quiet)
        self._paint_second_line(painter, second, opt, index, entry, text, quiet, selected)
        if not selected:
            separator = muted(opt.palette.color(QPalette.ColorRole.Mid), 0.35)
            painter.setPen(separator)
            bottom = opt.rect.bottom()
            painter.drawLine(content.left(), bottom, opt.rect.right() - _PAD_X, bottom)
        painter.restore()

    def _paint_first_line(
        self,
        painter: QPainter,
        rect: QRect,
        opt: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        entry: Entry,
        text: QColor,
        quiet: QColor,
    ) -> None:
        day = format_day(entry.local_date, short=True)
        if entry.bring_to_therapy:
            day = self.tr("For therapy · {0}").format(day)
        metrics = QFontMetrics(opt.font)
        day_width = metrics.horizontalAdvance(day) + 2  # +2: rounding; the day is never cut
        painter.setFont(opt.font)
        painter.setPen(quiet)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, day)
        heading = QFont(opt.font)
        heading.setWeight(QFont.Weight.DemiBold)
        painter.setFont(heading)
        painter.setPen(text)
        room = rect.width() - day_width - _PAD_X
        shown = str(index.data(Qt.ItemDataRole.DisplayRole))
        if entry.starred:
            shown = f"{STAR} {shown}"
        title = QFontMetrics(heading).elidedText(shown, Qt.TextElideMode.ElideRight, max(room, 0))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)

    def _paint_second_line(
        self,
        painter: QPainter,
        rect: QRect,
        opt: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        entry: Entry,
        text: QColor,
        quiet: QColor,
        selected: bool,
    ) -> None:
        metrics = QFontMetrics(opt.font)
        pieces = split_marked(str(index.data(PREVIEW_ROLE) or ""))
        # A search hit's words matter more than the check-in and tags: the whole line is theirs.
        tags = ""
        if not any(m for _, m in pieces):
            check_in = str(index.data(CHECK_IN_ROLE) or "")
            tags = "  ".join([*([check_in] if check_in else []), *(f"#{t}" for t in entry.tags)])
        tags_width = min(metrics.horizontalAdvance(tags) + 2, rect.width() // 3) if tags else 0
        if tags:
            painter.setFont(opt.font)
            painter.setPen(quiet)
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(tags, Qt.TextElideMode.ElideRight, tags_width),
            )
        room = rect.width() - (tags_width + _PAD_X if tags else 0)
        box = QRect(rect.left(), rect.top(), room, rect.height())
        self._paint_marked(painter, box, opt.font, pieces, text, quiet, selected)

    @staticmethod
    def _paint_marked(
        painter: QPainter,
        rect: QRect,
        font: QFont,
        pieces: list[tuple[str, bool]],
        text: QColor,
        quiet: QColor,
        selected: bool,
    ) -> None:
        """Draw pieces left to right, matches bold on a soft highlight, eliding at the end."""
        bold = QFont(font)
        bold.setBold(True)
        x, right = rect.left(), rect.right()
        for piece, matched in pieces:
            metrics = QFontMetrics(bold if matched else font)
            width = metrics.horizontalAdvance(piece)
            room = right - x
            if room <= metrics.horizontalAdvance("…"):
                break
            if width > room:
                piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room)
                width = metrics.horizontalAdvance(piece)
            box = QRect(x, rect.top(), width, rect.height())
            if matched:
                mark = QColor(text if selected else "#f2c14e")
                mark.setAlphaF(0.25 if selected else 0.45)
                painter.fillRect(box.adjusted(-1, 1, 1, -1), mark)
            painter.setFont(bold if matched else font)
            painter.setPen(text if matched else quiet)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, piece)
            x += width
