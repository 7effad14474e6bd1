"""The check-in panel: mood and the optional measures, sleep, feelings (and, on Today, tags) —
read and filled as one domain :class:`CheckIn` value. The one check-in widget: Today, the
Journal editor and drafts all use it, so the same mood slider with its anchors is everywhere.

The anchored scale (:mod:`.scale_input`) and the emotion chips (:mod:`.emotions_input`) live in
their own modules and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.entries import CheckIn
from recovery_journal.domain.scales import ANXIETY, ENERGY, MOOD, SLEEP_QUALITY
from recovery_journal.ui.emotions_input import EMOTION_SUGGESTIONS, EmotionsInput
from recovery_journal.ui.scale_input import ScaleInput, mood_face, muted

__all__ = [
    "EMOTION_SUGGESTIONS",
    "CheckIn",
    "CheckInPanel",
    "EmotionsInput",
    "ScaleInput",
    "SleepHoursInput",
    "TagsInput",
    "mood_face",
    "muted",
]


class SleepHoursInput(QDoubleSpinBox):
    """Hours slept in half-hour steps, with "Not set" below zero; stepping up from "Not set"
    starts at a typical night rather than at zero."""

    TYPICAL_NIGHT = 7.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exact: float | None = None
        self.setRange(-0.5, 24.0)
        self.setSingleStep(0.5)
        self.setDecimals(1)
        self.setSuffix(self.tr(" hours"))
        self.setSpecialValueText(self.tr("Not set"))
        self.setAccessibleName(self.tr("Hours slept"))
        self.set_hours(None)

    def hours(self) -> float | None:
        """The hours shown; a stored value finer than the box shows (7.75 from an import or the
        demo, shown as 7.8) reads back exactly while it is still the one shown, so opening an
        entry never counts as a change and never rounds what was stored."""
        if self.value() < 0:
            return None
        shown_step = 10.0 ** -self.decimals()
        if self._exact is not None and abs(self.value() - self._exact) <= shown_step / 2 + 1e-9:
            return self._exact
        return self.value()

    def set_hours(self, hours: float | None) -> None:
        self._exact = hours
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


SUMMARY_CHARS = 48  # the editor's folded "More" says this much, the tooltip says the rest


class FoldButton(QToolButton):
    """The "More" toggle: in a narrow pane (large text) its words are cut at the edge with "…"
    instead of widening the pane; ``text()`` and the tooltip keep all of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # may shrink (Fixed can't)
        self.setSizePolicy(policy)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 16), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        room = self.width() - (self.sizeHint().width() - metrics.horizontalAdvance(self.text()))
        option.text = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, max(room, 0))
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)


def _words(text: str) -> str:
    return QCoreApplication.translate("CheckIn", text)


def extras_in_words(values: CheckIn) -> str:
    """The check-in besides the mood, briefly: "anxiety 3 · energy 7 · slept 7.5 h · calm" ('' when
    none of it is set). The Journal list and the editor's folded "More" say it the same way."""
    parts = []
    if values.anxiety is not None:
        parts.append(_words("anxiety {0}").format(values.anxiety))
    if values.energy is not None:
        parts.append(_words("energy {0}").format(values.energy))
    if values.sleep_hours is not None:
        hours = QLocale().toString(values.sleep_hours, "g", 3)
        parts.append(_words("slept {0} h").format(hours))
    if values.sleep_quality is not None:
        parts.append(_words("sleep {0}/5").format(values.sleep_quality))
    if values.emotions:
        parts.append(", ".join(e.name for e in values.emotions))
    return " · ".join(parts)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class CheckInPanel(QWidget):
    """Mood up front; anxiety, energy and sleep folded away under "More"; then emotions and tags.
    Nothing is required.

    ``compact`` (the Journal editor) leaves out the heading and the tags field (the editor has its
    own). :meth:`add_row` is the slot for further check-in rows (e.g. the person's own measures):
    they go after the feelings and emit :attr:`changed` through their owner.

    Labels carry no Alt+letter mnemonics on purpose: they are window-wide and would collide with
    the main window's menus (an ambiguous shortcut triggers neither); Tab reaches everything.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._compact = compact
        self.mood = ScaleInput(
            MOOD, self.tr("Mood"), face=mood_face, prominent=True, show_end_anchors=True
        )
        self.faces_toggle = QCheckBox(self.tr("Show faces"))
        self.faces_toggle.setAccessibleName(self.tr("Show faces next to the mood"))
        self.faces_toggle.toggled.connect(self.mood.set_faces_visible)
        self.mood.set_faces_visible(False)
        self.more_toggle = FoldButton()
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
        self.extra_rows = QVBoxLayout()
        self.extra_rows.setContentsMargins(0, 0, 0, 0)
        self.extra_rows.setSpacing(8)
        self._build()
        for scale in (self.mood, self.anxiety, self.energy, self.sleep_quality):
            scale.value_changed.connect(self.changed)
        self.sleep_hours.valueChanged.connect(self.changed)
        self.emotions.changed.connect(self.changed)
        self.changed.connect(self._show_more_summary)
        self.tags.textChanged.connect(self.changed)

    def _build(self) -> None:
        more = QVBoxLayout(self._more)
        more.setContentsMargins(18, 0, 0, 0)
        more.setSpacing(12)
        if self._compact:  # the editor: feelings fold away too, the writing area keeps its room
            more.addWidget(_heading(self.tr("Feelings")))
            more.addWidget(self.emotions)
            self.more_toggle.setText(self.tr("More: feelings, anxiety, energy, sleep"))
            self.more_toggle.setAccessibleName(self.tr("Show feelings, anxiety, energy and sleep"))
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0 if self._compact else 14, 0)  # room for a scroll bar
        layout.setSpacing(8)
        if not self._compact:
            layout.addWidget(_heading(self.tr("How are you, right now?")))
            layout.addWidget(muted(QLabel(self.tr("Everything here is optional."))))
            layout.addSpacing(4)
        layout.addWidget(self.mood)
        layout.addWidget(self.faces_toggle)
        layout.addWidget(self.more_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._more)
        if not self._compact:
            layout.addSpacing(8)
            layout.addWidget(_heading(self.tr("Feelings")))
            layout.addWidget(self.emotions)
        layout.addLayout(self.extra_rows)
        if self._compact:
            self.tags.hide()
        else:
            tags_label = _heading(self.tr("Tags"))
            tags_label.setBuddy(self.tags)
            layout.addSpacing(8)
            layout.addWidget(tags_label)
            layout.addWidget(self.tags)
            layout.addStretch(1)

    def focus_chain(self) -> list[QWidget]:
        """The panel's fields in Tab order (for a page that sets its own order around them)."""
        feelings = [self.emotions.name_input, self.emotions.intensity.slider]
        feelings.append(self.emotions.add_button)
        chain: list[QWidget] = [self.mood.slider, self.faces_toggle, self.more_toggle]
        if self._compact:
            chain += feelings
        chain += [self.anxiety.slider, self.energy.slider, self.sleep_hours]
        chain.append(self.sleep_quality.slider)
        if not self._compact:
            chain += [*feelings, self.tags]
        return chain

    def set_read_only(self, read_only: bool) -> None:
        """Show without letting it change (an entry in the Trash); "More" still unfolds."""
        for widget in (self.mood, self.anxiety, self.energy, self.sleep_hours, self.sleep_quality):
            widget.setEnabled(not read_only)
        self.emotions.setEnabled(not read_only)
        self.tags.setReadOnly(read_only)

    def add_row(self, widget: QWidget) -> None:
        """Add a further check-in row (after the feelings); the caller reads and fills it."""
        self.extra_rows.addWidget(widget)

    def check_in(self) -> CheckIn:
        """The panel's current values."""
        return CheckIn(
            mood=self.mood.value(),
            anxiety=self.anxiety.value(),
            energy=self.energy.value(),
            sleep_hours=self.sleep_hours.hours(),
            sleep_quality=self.sleep_quality.value(),
            emotions=self.emotions.emotions(),
        )

    def set_check_in(self, values: CheckIn) -> None:
        """Show ``values``; unfolds "More" when any of its measures is set."""
        self.mood.set_value(values.mood)
        self.anxiety.set_value(values.anxiety)
        self.energy.set_value(values.energy)
        self.sleep_hours.set_hours(values.sleep_hours)
        self.sleep_quality.set_value(values.sleep_quality)
        self.emotions.set_emotions(values.emotions)
        extra = (values.anxiety, values.energy, values.sleep_hours, values.sleep_quality)
        if not self._compact and any(v is not None for v in extra):
            self.more_toggle.setChecked(True)
        self._show_more_summary()

    def _show_more_summary(self) -> None:
        """Compact (the editor): "More" stays folded and says what it holds, so the writing
        area stays in view and nothing logged is hidden."""
        if not self._compact:
            return
        summary = extras_in_words(self.check_in())
        shown = summary if len(summary) <= SUMMARY_CHARS else summary[: SUMMARY_CHARS - 1] + "…"
        self.more_toggle.setText(
            self.tr("More: {0}").format(shown)
            if summary
            else self.tr("More: feelings, anxiety, energy, sleep")
        )
        self.more_toggle.setToolTip(summary)  # the whole of it, when the button had to cut it

    def clear(self) -> None:
        self.set_check_in(CheckIn())
        self.tags.set_tags(())

    @Slot(bool)
    def _on_more_toggle_toggled(self, shown: bool) -> None:
        self._more.setVisible(shown)
        self.more_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
