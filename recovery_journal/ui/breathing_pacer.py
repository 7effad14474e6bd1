"""The box-breathing pacer: a square that grows, holds and shrinks, with the words beside it.

Box breathing is four phases of ``seconds`` counts each (in, hold, out, hold) for ``rounds``
rounds. The meaning is always in :meth:`BreathingPacer.text` ("Breathe in… 3"); the square
(animated with a :class:`QVariantAnimation` over each phase) only accompanies it. The count is
driven by a :class:`QTimer` whose interval is chosen by the caller, and :meth:`advance` moves it on
by one count by hand, so tests never wait in real time. Used by :mod:`recovery_journal.ui.guided`.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

BREATH_PHASES = (("Breathe in", 1.0), ("Hold", 1.0), ("Breathe out", 0.0), ("Hold", 0.0))


class BreathingPacer(QWidget):
    """Box breathing: four phases of ``seconds`` counts each, for ``rounds`` rounds."""

    changed = Signal()
    finished = Signal()

    def __init__(
        self,
        rounds: int = 4,
        seconds: int = 4,
        *,
        tick_ms: int = 1000,
        animate: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rounds, self.seconds = rounds, seconds
        self.animate = animate  # False ("reduce motion"): the square changes once per phase
        self.round, self.phase, self.remaining = 1, 0, seconds
        self.running = self.paused = self.done = False
        self.level = 0.0
        self.setMinimumSize(220, 220)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Breathing pacer"))
        self.animation = QVariantAnimation(self)
        self.animation.valueChanged.connect(self._on_animation_value_changed)
        self.clock = QTimer(self)
        self.clock.setInterval(tick_ms)
        self.clock.timeout.connect(self.advance)

    @Slot(object)
    def _on_animation_value_changed(self, value: object) -> None:
        if isinstance(value, float):
            self.level = value  # the square's size, 0 (small) … 1 (full)
            self.update()

    def text(self) -> str:
        """What the person should do now, in words: 'Breathe in… 3'."""
        if self.done:
            return self.tr("Well done. Take a moment before you go on.")
        if not self.running:
            return self.tr("Ready when you are")
        words = self.tr(BREATH_PHASES[self.phase][0])
        if self.paused:
            return self.tr("Paused — press Space to go on")
        return f"{words}… {self.remaining}"

    def round_text(self) -> str:
        return (
            self.tr("Round %1 of %2").replace("%1", str(self.round)).replace("%2", str(self.rounds))
        )

    def start(self) -> None:
        self.round, self.phase, self.remaining = 1, 0, self.seconds
        self.running, self.paused, self.done = True, False, False
        self._animate_phase()
        self.clock.start()
        self.changed.emit()

    def toggle_pause(self) -> None:
        if not self.running or self.done:
            return
        self.paused = not self.paused
        if self.paused:
            self.clock.stop()
            self.animation.pause()
        else:
            self.clock.start()
            self.animation.resume()
        self.changed.emit()

    def stop(self) -> None:
        self.clock.stop()
        self.animation.stop()
        self.running = False

    @Slot()
    def advance(self) -> None:
        """One count passes (the clock calls this; tests may too). Nothing moves while paused."""
        if not self.running or self.done or self.paused:
            return
        self.remaining -= 1
        if self.remaining <= 0:
            self.phase = (self.phase + 1) % len(BREATH_PHASES)
            if self.phase == 0:
                self.round += 1
            if self.round > self.rounds:
                self.round, self.done = self.rounds, True
                self.stop()
                self.changed.emit()
                self.finished.emit()
                return
            self.remaining = self.seconds
            self._animate_phase()
        self.changed.emit()

    def _animate_phase(self) -> None:
        self.animation.stop()
        if not self.animate:
            self.level = float(BREATH_PHASES[self.phase][1])
            self.update()
            return
        self.animation.setStartValue(self.level)
        self.animation.setEndValue(float(BREATH_PHASES[self.phase][1]))
        self.animation.setDuration(max(1, self.seconds * self.clock.interval()))
        self.animation.start()
        if self.paused:
            self.animation.pause()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 8
        scale = 0.35 + 0.65 * self.level
        box = QRectF(0, 0, side * scale, side * scale)
        box.moveCenter(QRectF(self.rect()).center())
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(colour, 3))
        dark = self.palette().color(QPalette.ColorRole.Window).value() < 128
        painter.setBrush(colour.darker(170) if dark else colour.lighter(160))
        painter.drawRoundedRect(box, 18, 18)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()
