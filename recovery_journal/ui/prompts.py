"""Gentle writing prompts: loaded from ``resources/prompts.json``, rotated, offered on a card.

Each day has its own "prompt of the day" (chosen from the date, so it stays the same all day and
across restarts); "Another prompt" walks through the rest in order. "Use this prompt" hands the
prompt's template to the writing area (:func:`insert_template`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.resources_path import read_resource_text

PROMPTS_FORMAT = "recovery-journal-prompts"
PROMPTS_VERSION = 1


@dataclass(frozen=True, slots=True)
class Prompt:
    """One prompt: a kind (gratitude, thought-record…), a short title and the template text."""

    kind: str
    title: str
    text: str

    @property
    def preview(self) -> str:
        """The template's first line without Markdown emphasis, to show on the card."""
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return first.replace("**", "")


def parse_prompts(raw: str) -> tuple[Prompt, ...]:
    """Prompts from the JSON text of a prompts file (``ValueError`` if it is not one)."""
    data = json.loads(raw)
    if not isinstance(data, dict) or data.get("format") != PROMPTS_FORMAT:
        raise ValueError("not a prompts file")
    if data.get("version") != PROMPTS_VERSION:
        raise ValueError(f"unsupported prompts version {data.get('version')!r}")
    prompts = tuple(
        Prompt(str(p["kind"]), str(p["title"]), str(p["text"])) for p in data["prompts"]
    )
    if not prompts:
        raise ValueError("the prompts file holds no prompts")
    return prompts


@cache
def load_prompts() -> tuple[Prompt, ...]:
    """The prompts shipped in ``resources/prompts.json`` (read once per process)."""
    return parse_prompts(read_resource_text("prompts.json"))


def writing_spot(template: str) -> int:
    """Where the cursor should rest after inserting ``template``: the first line left open
    (ending in a space, like ``"1. "``), else the first empty line with an empty line above it
    (so the answer is a Markdown paragraph of its own, never run into the prompt's line), else
    the end."""
    lines = template.split("\n")
    offsets = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    for i, line in enumerate(lines[1:], start=1):
        if line.endswith(" ") and line.strip():
            return offsets[i] + len(line)
    for i, line in enumerate(lines[2:], start=2):
        if not line.strip() and not lines[i - 1].strip():
            return offsets[i]
    return len(template)


def insert_template(editor: QPlainTextEdit, template: str) -> None:
    """Put a prompt's template into the writing area without touching what is there.

    An empty area takes it whole. Otherwise it goes after the paragraph the cursor is in, as its
    own paragraph: a prompt can then help halfway through an entry (a thought record after some
    free writing) and never splits a sentence or replaces a selection. One undo removes it. The
    cursor ends where the template invites writing (:func:`writing_spot`).
    """
    cursor = editor.textCursor()
    cursor.clearSelection()
    prefix = ""
    if not editor.toPlainText().strip():
        cursor.select(QTextCursor.SelectionType.Document)
    else:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        if cursor.block().text().strip():
            prefix = "\n\n"
    start = cursor.selectionStart()
    cursor.insertText(prefix + template)
    cursor.setPosition(start + _utf16_len(prefix + template[: writing_spot(template)]))
    editor.setTextCursor(cursor)
    editor.setFocus()


def _utf16_len(text: str) -> int:
    """Length as QTextCursor counts positions (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


class PromptDeck:
    """The prompt of the day (by date) and, on request, the next ones in turn."""

    def __init__(self, prompts: tuple[Prompt, ...], day: date) -> None:
        if not prompts:
            raise ValueError("a prompt deck needs at least one prompt")
        self._prompts = prompts
        self._index = day.toordinal() % len(prompts)

    @property
    def current(self) -> Prompt:
        return self._prompts[self._index]

    def another(self) -> Prompt:
        """Move on to the next prompt (wrapping round) and return it."""
        self._index = (self._index + 1) % len(self._prompts)
        return self.current


class PromptCard(QFrame):
    """A quiet card offering the current prompt, with "Use this prompt" and "Another prompt"."""

    prompt_chosen = Signal(str)

    def __init__(self, deck: PromptDeck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deck = deck
        self.setObjectName("promptCard")
        self.setStyleSheet(
            "#promptCard { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 8px; }"
        )
        self._kicker = QLabel(self.tr("A prompt, if you'd like one"))
        self._kicker.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._title = QLabel()
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._preview = QLabel()
        self._preview.setWordWrap(True)
        self._preview.setTextFormat(Qt.TextFormat.PlainText)
        # Created in the order they appear, which is also the Tab order.
        self.another_button = QPushButton(self.tr("Another prompt"))
        self.another_button.setAccessibleName(self.tr("Show another prompt"))
        self.use_button = QPushButton(self.tr("Use this prompt"))
        self.use_button.setAccessibleName(self.tr("Use this prompt"))
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.another_button.clicked.connect(self._on_another_button_clicked)

        text_column = QVBoxLayout()
        text_column.setSpacing(2)
        for label in (self._kicker, self._title, self._preview):
            text_column.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.another_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(text_column)
        layout.addLayout(buttons)
        self._show(deck.current)

    @property
    def prompt(self) -> Prompt:
        """The prompt on the card now."""
        return self._deck.current

    def _show(self, prompt: Prompt) -> None:
        self._title.setText(prompt.title)
        self._preview.setText(prompt.preview)
        self.setAccessibleName(self.tr("Writing prompt: %s") % prompt.title)
        self.setAccessibleDescription(prompt.preview)

    @Slot()
    def _on_another_button_clicked(self) -> None:
        self._show(self._deck.another())

    @Slot()
    def _on_use_button_clicked(self) -> None:
        self.prompt_chosen.emit(self._deck.current.text)
