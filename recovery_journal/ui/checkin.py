"""The check-in widgets: anchored scales, sleep, emotions with intensity, tags.

:class:`ScaleInput` is the reusable piece: a keyboard-operable slider over a fixed
:class:`~recovery_journal.domain.scales.Scale` that always shows the number *and* the anchor words
("6 — okay"), and that may be left "not set" — nobody has to answer anything. The other widgets are
assembled by :class:`CheckInPanel`, which the Today page reads and fills as one
:class:`CheckIn` value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QStylePainter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain import validation
from recovery_journal.domain.entries import Emotion
from recovery_journal.domain.scales import ANXIETY, ENERGY, INTENSITY, MOOD, SLEEP_QUALITY, Scale

EMOTION_SUGGESTIONS = (
    "calm", "sad", "anxious", "angry", "hopeful", "lonely", "grateful", "ashamed", "proud",
    "numb", "tired", "relieved", "scared", "content", "frustrated", "loved",
)  # fmt: skip
W = TypeVar("W", bound=QWidget)
_FACES = ((0, "😞"), (4, "🙁"), (5, "😐"), (7, "🙂"), (9, "😊"))


def mood_face(value: int) -> str:
    """A simple face for a mood value; always shown beside the number and words, never alone."""
    face = _FACES[0][1]
    for point, emoji in _FACES:
        if point <= value:
            face = emoji
    return face


def muted(widget: W) -> W:
    """Give ``widget`` the theme's quiet text colour (for hints and anchor words)."""
    palette = widget.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    widget.setPalette(palette)
    return widget


class _ScaleSlider(QSlider):
    """A slider that lets Delete or Backspace clear the value, paints "not set" as a groove with
    no handle, and draws a clear focus ring (Fusion shows hardly any focus on sliders)."""

    clear_requested = Signal()

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
        super().keyPressEvent(event)


class ScaleInput(QWidget):
    """One anchored scale: title, slider, "number — words", and an optional "not set" state.

    While not set the slider is faded and rests in the middle; the first arrow key, Home/End or
    click chooses a value. Delete, Backspace or the Clear button go back to "not set".
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
        # Children are created with their parent, in Tab order: slider first, then Clear.
        self.slider = _ScaleSlider(self)
        self.slider.setRange(scale.low, scale.high)
        self.slider.setPageStep(2 if scale.high - scale.low > 5 else 1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(self._name)
        self.slider.actionTriggered.connect(self._on_slider_action_triggered)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider.clear_requested.connect(self._on_clear_button_clicked)
        self._title = QLabel(title)
        self._title.setBuddy(self.slider)
        self.value_label = QLabel()
        self.value_label.setTextFormat(Qt.TextFormat.PlainText)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if prominent:
            for label in (self._title, self.value_label):
                font = label.font()
                font.setPointSizeF(font.pointSizeF() * 1.2)
                font.setBold(label is self._title)
                label.setFont(font)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear %s") % self._name.lower())
        self.clear_button.setToolTip(self.tr("Leave this not set"))
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self._build(show_end_anchors)
        self.set_value(initial if initial is not None or allow_unset else scale.low)

    def _build(self, show_end_anchors: bool) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        value_box = QHBoxLayout()  # a hidden Clear button leaves no gap in a box layout
        value_box.setSpacing(8)
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
        shown = text
        if value is not None and self._faces_visible and self._face is not None:
            shown = f"{self._face(value)}  {text}"
        self.value_label.setText(shown)
        self.value_label.setPalette(self.palette())
        if value is None:
            muted(self.value_label)
        self.slider.unset = value is None
        self.slider.update()
        self.slider.setAccessibleDescription(text)
        self.slider.setToolTip(text)
        self.clear_button.setVisible(self._allow_unset and value is not None)

    @Slot(int)
    def _on_slider_action_triggered(self, _action: int) -> None:
        # The position already holds the new value; valueChanged follows only if it moved.
        if not self._is_set:
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
        if self._allow_unset:
            self.set_value(None)
            self.slider.setFocus()


class SleepHoursInput(QDoubleSpinBox):
    """Hours slept in half-hour steps, with "Not set" below zero; stepping up from "Not set"
    starts at a typical night rather than at zero."""

    TYPICAL_NIGHT = 7.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-0.5, 24.0)
        self.setSingleStep(0.5)
        self.setDecimals(1)
        self.setSuffix(self.tr(" hours"))
        self.setSpecialValueText(self.tr("Not set"))
        self.setAccessibleName(self.tr("Hours slept"))
        self.set_hours(None)

    def hours(self) -> float | None:
        return None if self.value() < 0 else self.value()

    def set_hours(self, hours: float | None) -> None:
        self.setValue(self.minimum() if hours is None else hours)

    def stepBy(self, steps: int) -> None:
        if self.hours() is None and steps > 0:
            self.setValue(self.TYPICAL_NIGHT)
            return
        super().stepBy(steps)


class _TagCompleter(QCompleter):
    """Completes the tag after the last comma and keeps the ones before it."""

    def __init__(self, model: QStringListModel, line_edit: QLineEdit) -> None:
        super().__init__(model, line_edit)
        self._line_edit = line_edit

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        text = self._line_edit.text()
        done = text.rsplit(",", 1)[0].strip() if "," in text else ""
        chosen = str(index.data())
        return f"{done}, {chosen}" if done else chosen


class TagsInput(QLineEdit):
    """Comma-separated tags with completion from the tags already in the journal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. work, family, meeting"))
        self.setAccessibleName(self.tr("Tags"))
        self.setAccessibleDescription(self.tr("Separate tags with commas"))
        self.setMaxLength(2000)
        self._known = QStringListModel(self)
        completer = _TagCompleter(self._known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompleter(completer)

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self._known.setStringList(list(tags))

    def tags(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.text().split(",") if t.strip())

    def set_tags(self, tags: Sequence[str]) -> None:
        self.setText(", ".join(tags))


class _FlowLayout(QLayout):
    """Lays chips out left to right, wrapping onto new lines (the Qt "flow layout" example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x, y, line_height = rect.x(), y + line_height + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class _EmotionChip(QFrame):
    """One named feeling with its intensity, and a button to remove it."""

    def __init__(self, emotion: Emotion, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.emotion = emotion
        self.setObjectName("emotionChip")
        self.setStyleSheet(
            "#emotionChip { border: 1px solid palette(mid); border-radius: 12px;"
            " background: palette(alternate-base); }"
        )
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setAccessibleName(self.tr("Remove %s") % emotion.name)
        self.remove_button.setToolTip(self.tr("Remove %s") % emotion.name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 1, 2, 1)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)
        self.setAccessibleName(text)


class EmotionsInput(QWidget):
    """Name a feeling (typed, or picked from gentle suggestions), say how strong, add it; the
    added feelings show as removable chips. Naming the same feeling again updates it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._emotions: list[Emotion] = []
        self.name_input = QComboBox()
        self.name_input.setEditable(True)
        self.name_input.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Translators get these through the .ts context "EmotionsInput" (added by hand: lupdate
        # cannot see strings passed as variables).
        self.name_input.addItems([self.tr(s) for s in EMOTION_SUGGESTIONS])
        self.name_input.setCurrentIndex(-1)
        self.name_input.setAccessibleName(self.tr("Emotion"))
        self.name_input.setAccessibleDescription(self.tr("Type a feeling or pick a suggestion"))
        name_edit = self.name_input.lineEdit()
        assert name_edit is not None  # editable combo boxes always have one
        name_edit.setPlaceholderText(self.tr("Name a feeling, e.g. hopeful"))
        name_edit.setMaxLength(validation.MAX_NAME)
        name_edit.returnPressed.connect(self._on_add_button_clicked)
        self.name_input.editTextChanged.connect(self._on_name_input_edit_text_changed)
        self.intensity = ScaleInput(INTENSITY, self.tr("How strong"), allow_unset=False, initial=5)
        self.add_button = QPushButton(self.tr("Add feeling"))
        self.add_button.setAccessibleName(self.tr("Add feeling"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self._chips = QWidget()
        self._chips_layout = _FlowLayout(self._chips)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_input)
        layout.addWidget(self.intensity)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        layout.addWidget(self._chips)

    def emotions(self) -> tuple[Emotion, ...]:
        return tuple(self._emotions)

    def set_emotions(self, emotions: Sequence[Emotion]) -> None:
        self._emotions = list(emotions)
        self._rebuild_chips()
        self.changed.emit()

    def chip_texts(self) -> list[str]:
        """What the chips say, in order (for tests and screen readers)."""
        return [self._describe(e) for e in self._emotions]

    def _describe(self, emotion: Emotion) -> str:
        return f"{emotion.name} · {emotion.intensity} — {INTENSITY.label(emotion.intensity)}"

    def _rebuild_chips(self) -> None:
        while (item := self._chips_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        previous: QWidget = self.add_button
        for emotion in self._emotions:
            chip = _EmotionChip(emotion, self._describe(emotion), self._chips)
            chip.remove_button.clicked.connect(lambda _=False, e=emotion: self._remove(e))
            self._chips_layout.addWidget(chip)
            chip.show()
            QWidget.setTabOrder(previous, chip.remove_button)  # new widgets join the chain last
            previous = chip.remove_button
        self._chips.setVisible(bool(self._emotions))
        self._chips_layout.invalidate()

    def _remove(self, emotion: Emotion) -> None:
        self._emotions = [e for e in self._emotions if e is not emotion]
        self._rebuild_chips()
        self.name_input.setFocus()
        self.changed.emit()

    @Slot(str)
    def _on_name_input_edit_text_changed(self, text: str) -> None:
        self.add_button.setEnabled(bool(text.strip()))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        name = self.name_input.currentText().strip()
        intensity = self.intensity.value()
        if not name or intensity is None:
            return
        emotion = Emotion(name, intensity)
        same = [i for i, e in enumerate(self._emotions) if e.name.casefold() == name.casefold()]
        if same:
            self._emotions[same[0]] = emotion
        else:
            self._emotions.append(emotion)
        self.name_input.setCurrentIndex(-1)
        self.name_input.setEditText("")
        self.intensity.set_value(5)
        self._rebuild_chips()
        self.name_input.setFocus()
        self.changed.emit()


@dataclass(frozen=True, slots=True)
class CheckIn:
    """Everything the check-in panel holds; None means "not set"."""

    mood: int | None = None
    anxiety: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    emotions: tuple[Emotion, ...] = ()
    tags: tuple[str, ...] = ()


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class CheckInPanel(QWidget):
    """Mood up front; anxiety, energy and sleep folded away under "More"; then emotions and tags.
    Nothing is required.

    Labels carry no Alt+letter mnemonics on purpose: they are window-wide and would collide with
    the main window's menus (an ambiguous shortcut triggers neither); Tab reaches everything.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mood = ScaleInput(
            MOOD, self.tr("Mood"), face=mood_face, prominent=True, show_end_anchors=True
        )
        self.faces_toggle = QCheckBox(self.tr("Show faces"))
        self.faces_toggle.setAccessibleName(self.tr("Show faces next to the mood"))
        self.faces_toggle.toggled.connect(self.mood.set_faces_visible)
        self.mood.set_faces_visible(False)
        self.more_toggle = QToolButton()
        self.more_toggle.setText(self.tr("More: anxiety, energy, sleep"))
        self.more_toggle.setAccessibleName(self.tr("Show anxiety, energy and sleep"))
        self.more_toggle.setCheckable(True)
        self.more_toggle.setAutoRaise(True)
        self.more_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.more_toggle.toggled.connect(self._on_more_toggle_toggled)
        self.anxiety = ScaleInput(ANXIETY, self.tr("Anxiety"))
        self.energy = ScaleInput(ENERGY, self.tr("Energy"))
        self.sleep_hours = SleepHoursInput()
        self.sleep_quality = ScaleInput(SLEEP_QUALITY, self.tr("Sleep quality"))
        self.emotions = EmotionsInput()
        self.tags = TagsInput()
        self._more = QWidget()
        self._build()
        for scale in (self.mood, self.anxiety, self.energy, self.sleep_quality):
            scale.value_changed.connect(self.changed)
        self.sleep_hours.valueChanged.connect(self.changed)
        self.emotions.changed.connect(self.changed)
        self.tags.textChanged.connect(self.changed)

    def _build(self) -> None:
        more = QVBoxLayout(self._more)
        more.setContentsMargins(18, 0, 0, 0)
        more.setSpacing(12)
        more.addWidget(self.anxiety)
        more.addWidget(self.energy)
        sleep_row = QFormLayout()
        sleep_row.setContentsMargins(0, 0, 0, 0)
        sleep_label = QLabel(self.tr("Sleep last night"))
        sleep_label.setBuddy(self.sleep_hours)
        sleep_row.addRow(sleep_label, self.sleep_hours)
        more.addLayout(sleep_row)
        more.addWidget(self.sleep_quality)
        self._more.setVisible(False)
        tags_label = _heading(self.tr("Tags"))
        tags_label.setBuddy(self.tags)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 14, 0)  # room for the scroll bar beside the values
        layout.setSpacing(8)
        layout.addWidget(_heading(self.tr("How are you, right now?")))
        layout.addWidget(muted(QLabel(self.tr("Everything here is optional."))))
        layout.addSpacing(4)
        layout.addWidget(self.mood)
        layout.addWidget(self.faces_toggle)
        layout.addWidget(self.more_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._more)
        layout.addSpacing(8)
        layout.addWidget(_heading(self.tr("Feelings")))
        layout.addWidget(self.emotions)
        layout.addSpacing(8)
        layout.addWidget(tags_label)
        layout.addWidget(self.tags)
        layout.addStretch(1)

    def check_in(self) -> CheckIn:
        """The panel's current values."""
        return CheckIn(
            mood=self.mood.value(),
            anxiety=self.anxiety.value(),
            energy=self.energy.value(),
            sleep_hours=self.sleep_hours.hours(),
            sleep_quality=self.sleep_quality.value(),
            emotions=self.emotions.emotions(),
            tags=self.tags.tags(),
        )

    def set_check_in(self, values: CheckIn) -> None:
        """Show ``values``; unfolds "More" when any of its measures is set."""
        self.mood.set_value(values.mood)
        self.anxiety.set_value(values.anxiety)
        self.energy.set_value(values.energy)
        self.sleep_hours.set_hours(values.sleep_hours)
        self.sleep_quality.set_value(values.sleep_quality)
        self.emotions.set_emotions(values.emotions)
        self.tags.set_tags(values.tags)
        extra = (values.anxiety, values.energy, values.sleep_hours, values.sleep_quality)
        if any(v is not None for v in extra):
            self.more_toggle.setChecked(True)

    def clear(self) -> None:
        self.set_check_in(CheckIn())

    @Slot(bool)
    def _on_more_toggle_toggled(self, shown: bool) -> None:
        self._more.setVisible(shown)
        self.more_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
