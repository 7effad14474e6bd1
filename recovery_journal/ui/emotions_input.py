"""Naming feelings with their intensity, shown as removable chips that wrap like text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain import validation
from recovery_journal.domain.entries import Emotion
from recovery_journal.domain.scales import INTENSITY
from recovery_journal.ui.flow_layout import FlowLayout
from recovery_journal.ui.scale_input import ScaleInput

EMOTION_SUGGESTIONS = (
    "calm", "sad", "anxious", "angry", "hopeful", "lonely", "grateful", "ashamed", "proud",
    "numb", "tired", "relieved", "scared", "content", "frustrated", "loved",
)  # fmt: skip


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
        self._chips_layout = FlowLayout(self._chips, spacing=6)
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
