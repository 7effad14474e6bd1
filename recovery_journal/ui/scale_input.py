"""An anchored scale input: the number *and* the words ("6 — okay"), optionally "not set".

A keyboard-operable slider over a fixed :class:`~recovery_journal.domain.scales.Scale`; nobody has
to answer anything. Used by the check-in, the trigger log and the coping ratings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import (
    QRectF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QStylePainter,
    QToolButton,
    QWidget,
)

from recovery_journal.domain.scales import Scale
from recovery_journal.ui.mood_faces import face_pixmap, mood_face
from recovery_journal.ui.relative_font import keep_relative

__all__ = ["ScaleInput", "mood_face", "muted"]

W = TypeVar("W", bound=QWidget)
_STEPS = {
    QSlider.SliderAction.SliderSingleStepAdd.value,
    QSlider.SliderAction.SliderSingleStepSub.value,
    QSlider.SliderAction.SliderPageStepAdd.value,
    QSlider.SliderAction.SliderPageStepSub.value,
}


def muted(widget: W) -> W:
    """Give ``widget`` the theme's quiet text colour (for hints and anchor words). A role, not
    a copied colour, so the words follow a theme switched while the window is open."""
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return widget


class _ScaleSlider(QSlider):
    """A slider that lets Delete or Backspace clear the value (Ctrl+Z brings it back), paints
    "not set" as a groove with no handle, and draws a clear focus ring (Fusion shows hardly any
    focus on sliders)."""

    clear_requested = Signal()
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.unset = False

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.unset:
            super().paintEvent(event)
        else:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            option.subControls = (
                QStyle.SubControl.SC_SliderGroove | QStyle.SubControl.SC_SliderTickmarks
            )
            option.sliderPosition = option.sliderValue = self.minimum()  # no filled part
            QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_Slider, option)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_requested.emit()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ScaleInput(QWidget):
    """One anchored scale: title, slider, "number — words", and an optional "not set" state.

    While not set the slider is faded and rests in the middle; the first arrow key chooses the
    middle itself (then each press moves one step), Home/End or a click choose their value.
    Delete, Backspace or the Clear button go back to "not set", and that can be undone: the button
    then reads "Undo" (Ctrl+Z on the slider does the same) until a value is chosen again. The
    button is not a Tab stop, so Tab moves on from the slider to the next field and a Space
    meant for the next field never clears the value.
    """

    value_changed = Signal()

    def __init__(
        self,
        scale: Scale,
        title: str,
        *,
        allow_unset: bool = True,
        initial: int | None = None,
        face: Callable[[int], str] | None = None,
        prominent: bool = False,
        show_end_anchors: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scale, self._allow_unset, self._face = scale, allow_unset, face
        self._faces_visible = face is not None
        self._name = title.replace("&", "")
        self._is_set = False
        self._undo_value: int | None = None  # the value "Undo" brings back after a clear
        self.slider = _ScaleSlider(self)
        self.slider.setRange(scale.low, scale.high)
        self.slider.setPageStep(2 if scale.high - scale.low > 5 else 1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(self._name)
        self.slider.actionTriggered.connect(self._on_slider_action_triggered)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider.clear_requested.connect(self._clear)
        self.slider.undo_requested.connect(self._undo_clear)
        self._title = QLabel(title)
        self._title.setBuddy(self.slider)
        self.value_label = QLabel()
        self.value_label.setTextFormat(Qt.TextFormat.PlainText)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.face_label = QLabel()  # a drawn face (ui/mood_faces.py), beside the words
        self.face_label.hide()
        if prominent:  # the Mood: larger, and still larger when the text size grows
            keep_relative(self._title, 1.2, QFont.Weight.Bold)
            keep_relative(self.value_label, 1.2)
        self.clear_button = QToolButton(self)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete on the slider clears
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self._build(show_end_anchors)
        self.set_value(initial if initial is not None or allow_unset else scale.low)

    def _build(self, show_end_anchors: bool) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        value_box = QHBoxLayout()  # a hidden Clear button leaves no gap in a box layout
        value_box.setSpacing(8)
        value_box.addWidget(self.face_label)
        value_box.addWidget(self.value_label)
        value_box.addWidget(self.clear_button)
        grid.addWidget(self._title, 0, 0)
        grid.addLayout(value_box, 0, 1)
        grid.addWidget(self.slider, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        # The Clear button comes and goes; keep the row's height so nothing jumps.
        grid.setRowMinimumHeight(0, self.clear_button.sizeHint().height())
        if show_end_anchors:
            (low, low_words), (high, high_words) = self.scale.anchors[0], self.scale.anchors[-1]
            ends = QHBoxLayout()
            ends.setSpacing(16)
            for text, align in (
                (f"{low}: {low_words}", Qt.AlignmentFlag.AlignLeft),
                (f"{high}: {high_words}", Qt.AlignmentFlag.AlignRight),
            ):
                label = muted(QLabel(text))
                label.setWordWrap(True)
                label.setAlignment(align | Qt.AlignmentFlag.AlignTop)
                ends.addWidget(label, 1)
            grid.addLayout(ends, 2, 0, 1, 2)

    def value(self) -> int | None:
        """The chosen value, or None when not set."""
        return self.slider.value() if self._is_set else None

    def set_value(self, value: int | None) -> None:
        """Show ``value`` (None: not set, if this scale allows it)."""
        self.scale.validate(value)
        if value is None and not self._allow_unset:
            raise ValueError(f"{self.scale.key} must have a value")
        changed = value != self.value()
        self._undo_value = None
        self._is_set = value is not None
        self.slider.blockSignals(True)
        middle = (self.scale.low + self.scale.high) // 2
        self.slider.setValue(value if value is not None else middle)
        self.slider.blockSignals(False)
        self._refresh()
        if changed:
            self.value_changed.emit()

    def text(self) -> str:
        """What is shown (and read out): "6 — okay" or "Not set"."""
        value = self.value()
        if value is None:
            return self.tr("Not set")
        return f"{value} — {self.scale.label(value)}"

    def set_faces_visible(self, visible: bool) -> None:
        self._faces_visible = visible and self._face is not None
        self._refresh()

    def _refresh(self) -> None:
        value, text = self.value(), self.text()
        self.value_label.setText(text)
        face = self._face if self._faces_visible and value is not None else None
        self.face_label.setVisible(face is not None)
        if face is not None and value is not None:
            colour = self.palette().color(QPalette.ColorRole.WindowText)
            size = self.value_label.fontMetrics().height()
            ratio = self.devicePixelRatioF()
            self.face_label.setPixmap(face_pixmap(face(value), size, colour, ratio))
        unset = QPalette.ColorRole.PlaceholderText
        self.value_label.setForegroundRole(
            unset if value is None else QPalette.ColorRole.WindowText
        )
        self.slider.unset = value is None
        self.slider.update()
        self.slider.setAccessibleDescription(text)
        self.slider.setToolTip(text)
        if value is not None:
            self._undo_value = None
        undo = self._undo_value is not None
        name = self._name.lower()
        self.clear_button.setText(self.tr("Undo") if undo else self.tr("Clear"))
        self.clear_button.setAccessibleName(
            self.tr("Undo clearing %s") % name if undo else self.tr("Clear %s") % name
        )
        self.clear_button.setToolTip(
            self.tr("Bring back %s (Ctrl+Z)") % self._undo_value
            if undo
            else self.tr("Leave this not set (Delete)")
        )
        self.clear_button.setVisible(self._allow_unset and (value is not None or undo))

    @Slot(int)
    def _on_slider_action_triggered(self, action: int) -> None:
        # The position already holds the new value; valueChanged follows only if it moved.
        if not self._is_set:
            if action in _STEPS:  # the first arrow press picks the middle, not one step off it
                self.slider.setSliderPosition((self.scale.low + self.scale.high) // 2)
            self._is_set = True
            if self.slider.sliderPosition() == self.slider.value():
                self._refresh()
                self.value_changed.emit()

    @Slot(int)
    def _on_slider_value_changed(self, _value: int) -> None:
        self._is_set = True
        self._refresh()
        self.value_changed.emit()

    @Slot()
    def _on_clear_button_clicked(self) -> None:
        if self._undo_value is not None:
            self._undo_clear()
        else:
            self._clear()

    @Slot()
    def _clear(self) -> None:
        value = self.value()
        if self._allow_unset and value is not None:
            self.set_value(None)
            self._undo_value = value
            self._refresh()
        self.slider.setFocus()

    @Slot()
    def _undo_clear(self) -> None:
        if self._undo_value is not None:
            self.set_value(self._undo_value)
        self.slider.setFocus()
