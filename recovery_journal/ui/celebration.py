"""A gentle celebration when a milestone is newly reached.

A quiet card at the top of the Milestones page, never a modal box: kind words about what was
reached, the other new ones listed, and a button to put it away. It fades in softly; the words,
not the animation, carry the meaning, so nothing is lost without it (or for a screen reader,
which is told the whole text through the accessible description).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.milestones import AutoMilestone
from recovery_journal.domain.progress import MilestoneKind
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.settings import REDUCE_MOTION

FADE_MS = 600
MAX_LISTED = 4


def kind_words(item: AutoMilestone) -> str:
    """A few warm words for one milestone (never a verdict, never a comparison)."""
    if item.counter_id is not None:
        if item.mark == "1 day":
            return f"{item.title}. Every stretch begins with this one."
        if item.mark == "1 week":
            return f"{item.title}. A whole week of showing up for yourself."
        return f"{item.title}. That took something."
    if item.key.startswith("checkins-"):
        return f"{item.title}. Checking in with yourself is a kind of care."
    if item.key == "safety-plan-filled":
        return "Your safety plan has something under every step. It's there whenever you need it."
    if item.kind is MilestoneKind.FIRST:
        return f"{item.title}. Firsts take courage."
    return f"{item.title}. Worth marking."


class CelebrationNotice(QFrame):
    """Shows newly reached milestones; hidden until :meth:`show_new` has something to show."""

    dismissed = Signal()

    def __init__(self, ctx: UiContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: list[AutoMilestone] = []  # everything ever shown (tests, and no repeats)
        self.setObjectName("celebration")
        self.setStyleSheet(
            "#celebration { background: palette(base); border: 2px solid palette(highlight);"
            " border-radius: 10px; }"
        )
        self.setAccessibleName(self.tr("Milestone reached"))
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        self.others = QLabel()
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.PlainText)
        self.dismiss_button = QPushButton(self.tr("Thank you"))
        self.dismiss_button.setAccessibleName(self.tr("Close the celebration"))
        self.dismiss_button.clicked.connect(self.dismiss)
        text = QVBoxLayout()
        text.addWidget(self.headline)
        text.addWidget(self.others)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 14, 18, 14)
        row.addLayout(text, 1)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self._effect: QGraphicsOpacityEffect | None = None
        self._fade: QPropertyAnimation | None = None
        self.hide()

    def show_new(self, items: Sequence[AutoMilestone]) -> None:
        """Celebrate ``items`` (newest is the headline); nothing happens for an empty list."""
        known = {m.key for m in self.shown}
        fresh = [m for m in items if m.key not in known]
        if not fresh:
            return
        self.shown += fresh
        ordered = sorted(fresh, key=lambda m: (m.local_date, m.key), reverse=True)
        self.headline.setText(kind_words(ordered[0]))
        rest = ordered[1:]
        listed = ", ".join(m.title for m in rest[:MAX_LISTED])
        if len(rest) > MAX_LISTED:
            listed += self.tr(" and %d more") % (len(rest) - MAX_LISTED)
        self.others.setText(self.tr("Also reached: %s") % listed if rest else "")
        self.others.setVisible(bool(rest))
        self.setAccessibleDescription(f"{self.headline.text()} {self.others.text()}".strip())
        self._fade_in()

    def _fade_in(self) -> None:
        if self._fade is not None:
            self._fade.stop()
        if self.ctx is not None and self.ctx.settings.get(REDUCE_MOTION):
            self._drop_effect()
            self.show()
            return
        self._effect = QGraphicsOpacityEffect(self)
        self._effect.setOpacity(0.0)
        self.setGraphicsEffect(self._effect)
        self.show()
        self._fade = QPropertyAnimation(self._effect, b"opacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.setEasingCurve(QEasingCurve.Type.OutCubic)
        # The effect is dropped once opaque: it would only cost repaints from then on.
        self._fade.finished.connect(self._drop_effect)
        self._fade.start()

    def _drop_effect(self) -> None:
        # PySide's stubs lack the None that Qt documents for removing an effect.
        self.setGraphicsEffect(None)  # type: ignore[arg-type]
        self._effect = None

    def dismiss(self) -> None:
        if self._fade is not None:
            self._fade.stop()
        self._drop_effect()
        self.hide()
        self.dismissed.emit()
