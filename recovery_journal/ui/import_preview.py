"""The Import dialog's preview: what a file holds, before anything is written.

It shows the detected format, how many entries and which days, how many are new and how many are
already in the journal, a few dates with their titles (never more of the notes than a title — the
person has not chosen to show their writing here), what will be left out and why, and, for a
Daylio CSV, one row per mood word to map it to 0–10 or leave it empty. Daylio's five default words
get the levels its backup uses as a suggestion; any other word starts empty — never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.scales import MOOD
from recovery_journal.interop import DAYLIO_DEFAULT_SUGGESTION
from recovery_journal.ui.import_work import Prepared

SAMPLES = 5
TITLE_CHARS = 60


def _label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles and words from the file stay text
    return label


def _elided(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


def day_text(day: date) -> str:
    """“3 Jan 2017” (``%-d`` is not portable)."""
    return f"{day.day} {day:%b %Y}"


def suggested_mood(word: str) -> int | None:
    """Daylio's own level for one of its five default words (any case); None for others."""
    return DAYLIO_DEFAULT_SUGGESTION.get(word.strip().casefold())


class MoodMapForm(QGroupBox):
    """One combo box per mood word: “Leave empty” or a number 0–10 with the scale's words."""

    def __init__(self, words: Mapping[str, int], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mood words"), parent)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        intro = _label(
            self.tr(
                "Daylio's CSV keeps only the word you picked for your mood. Choose the number "
                "each word means to you, or leave it empty: the word is kept either way."
            )
        )
        form.addRow(intro)
        for word, count in words.items():
            combo = QComboBox()
            combo.addItem(self.tr("Leave empty"), None)
            for value in reversed(MOOD.values):
                combo.addItem(f"{value} — {MOOD.label(value)}", value)
            suggestion = suggested_mood(word)
            if suggestion is not None:
                combo.setCurrentIndex(combo.findData(suggestion))
            combo.setAccessibleName(self.tr("Mood for “{word}”").format(word=word))
            self.combos[word] = combo
            text = (
                self.tr("“{word}” (1 entry)").format(word=word)
                if count == 1
                else self.tr("“{word}” ({count} entries)").format(word=word, count=count)
            )
            form.addRow(text, combo)

    def mood_map(self) -> dict[str, int]:
        """The words the person gave a number (the empty ones are left out)."""
        chosen = {word: combo.currentData() for word, combo in self.combos.items()}
        return {word: value for word, value in chosen.items() if value is not None}


class ImportPreview(QWidget):
    """Everything the person should know before choosing Import."""

    def __init__(self, prepared: Prepared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prepared = prepared
        summary = prepared.dry_run
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.format_label = _label(self.tr("This is {format}.").format(format=prepared.format_name))
        self.format_label.setAccessibleName(self.tr("Detected format"))
        layout.addWidget(self.format_label)
        self.counts_label = _label(self._counts_text())
        self.counts_label.setAccessibleName(self.tr("What the file holds"))
        layout.addWidget(self.counts_label)
        self.samples_label = _label(self._samples_text())
        self.samples_label.setAccessibleName(self.tr("A few of the entries"))
        self.samples_label.setVisible(bool(self.samples_label.text()))
        layout.addWidget(self.samples_label)
        self.left_out_label = _label(self._left_out_text())
        self.left_out_label.setAccessibleName(self.tr("What will be left out"))
        self.left_out_label.setVisible(bool(self.left_out_label.text()))
        layout.addWidget(self.left_out_label)
        self.mood_form: MoodMapForm | None = None
        if prepared.mood_words:
            self.mood_form = MoodMapForm(prepared.mood_words)
            layout.addWidget(self.mood_form)
        layout.addStretch(1)
        self.nothing_new = summary.added == 0

    def mood_map(self) -> dict[str, int]:
        return self.mood_form.mood_map() if self.mood_form is not None else {}

    def _counts_text(self) -> str:
        summary = self.prepared.dry_run
        total = summary.added + summary.already_there
        lines = [self.tr("1 entry") if total == 1 else self.tr("{n} entries").format(n=total)]
        if summary.first_day is not None and summary.last_day is not None:
            lines[0] = self.tr("{entries}, from {first} to {last}").format(
                entries=lines[0], first=day_text(summary.first_day), last=day_text(summary.last_day)
            )
        others = {k: v for k, v in summary.records.items() if k != "entries" and v}
        if others:
            lines.append(
                self.tr("With {n} other records (triggers, coping, plans…)").format(
                    n=sum(others.values())
                )
            )
        if summary.already_there and summary.added:
            lines.append(
                self.tr(
                    "{n} of them are already in your journal: they won't be added again"
                ).format(n=summary.already_there)
            )
        elif summary.already_there:
            lines.append(self.tr("All of them are already in your journal: nothing new to add"))
        return ".\n".join(lines) + "."

    def _samples_text(self) -> str:
        result = self.prepared.result
        if result is None or not result.entries:
            return ""
        ordered = sorted(result.entries, key=lambda e: (e.local_date, e.local_time or ""))
        rows = []
        for entry in ordered[:SAMPLES]:
            when = day_text(entry.local_date)
            if entry.local_time:
                when += f" {entry.local_time[:5]}"
            title = _elided(entry.title) or entry.mood_label or self.tr("(no title)")
            rows.append(f"{when} — {title}")
        if len(ordered) > SAMPLES:
            rows.append(self.tr("… and {n} more").format(n=len(ordered) - SAMPLES))
        return self.tr("The first entries:") + "\n" + "\n".join(rows)

    def _left_out_text(self) -> str:
        summary = self.prepared.dry_run
        lines = [
            self.tr("Left out: {count} — {reason}.").format(count=c.count, reason=c.reason)
            for c in summary.skipped
        ]
        lines += [
            self.tr("Note: {count} — {reason}.").format(count=c.count, reason=c.reason)
            for c in summary.notes
            if c.code != "mood_unmapped"  # the mood words are chosen below
        ]
        return "\n".join(lines)
