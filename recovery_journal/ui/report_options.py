"""The therapist summary's choices: period, brief or full, sections, what is shared.

One widget owns the choices and turns them into :class:`~recovery_journal.domain.report
.ReportOptions` (:meth:`SummaryOptionsForm.options`); ``changed`` tells the Export page to lay
the preview out again. Full-only sections and the entry text are offered only for "Full".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.report import (
    DEFAULT_SECTIONS,
    MAX_TALK_ABOUT,
    PAGE_ONE,
    ExcerptMode,
    Period,
    Preset,
    ReportOptions,
    Section,
)
from recovery_journal.services import report as report_service
from recovery_journal.ui.qt_dates import from_qdate, to_qdate

SECTION_LABELS = {
    Section.COMPLETENESS: "How complete my notes are",
    Section.TALK_ABOUT: "What I want to talk about",
    Section.SAFETY: "Safety: crisis signs, safety plan, slips",
    Section.NUMBERS: "Key numbers, compared with before",
    Section.CHARTS: "Charts",
    Section.ASSOCIATIONS: "Things that went together",
    Section.REACHED: "Milestones and goals reached",
    Section.SAFETY_PLAN: "My current safety plan",
}
PERIODS = (("since", "Since the last summary"), ("30", "The last 30 days"), ("custom", "Custom"))
EXCERPTS = (
    (ExcerptMode.NONE, "None"),
    (ExcerptMode.FLAGGED, "Entries I flagged “bring to therapy”"),
    (ExcerptMode.CHOSEN, "Entries I tick in the preview"),
)


class SummaryOptionsForm(QWidget):
    """The period, content and sharing groups; ``last_end`` and ``chosen`` come from outside
    (the journal's last summary, the entries ticked in the preview)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_end: date | None = None
        self.chosen: frozenset[int] = frozenset()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._period_group())
        column.addWidget(self._content_group())
        column.addWidget(self._sharing_group())
        self.sync()

    def _period_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Period"))
        form = QFormLayout(box)
        self.period_choice = QComboBox()
        for key, text in PERIODS:
            self.period_choice.addItem(self.tr(text), key)
        self.period_choice.setAccessibleName(self.tr("Period"))
        self.period_choice.currentIndexChanged.connect(self._on_changed)
        form.addRow(self.period_choice)
        today = local_today()
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, day, name in (
            (self.date_from, report_service.last_days(today, 30).start, "First day"),
            (self.date_to, today, "Last day"),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setDate(to_qdate(day))
            edit.setAccessibleName(self.tr(name))
            edit.dateChanged.connect(self._on_changed)
        self.date_from.setMaximumDate(to_qdate(today))
        self.date_to.setMaximumDate(to_qdate(today))
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        self.period_note = QLabel()
        self.period_note.setWordWrap(True)
        form.addRow(self.period_note)
        return box

    def _content_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("What it holds"))
        column = QVBoxLayout(box)
        length = QHBoxLayout()
        self.brief = QRadioButton(self.tr("Brief (one page)"))
        self.full = QRadioButton(self.tr("Full (up to three pages)"))
        self.brief.setChecked(True)
        for button in (self.brief, self.full):
            button.setAccessibleName(button.text())
            button.toggled.connect(self._on_changed)
            length.addWidget(button)
        column.addLayout(length)
        self.sections: dict[Section, QCheckBox] = {}
        for section in Section:
            check = QCheckBox(self.tr(SECTION_LABELS[section]))
            check.setChecked(section in DEFAULT_SECTIONS)
            check.setAccessibleName(self.tr("Include: {what}").format(what=check.text()))
            check.toggled.connect(self._on_changed)
            self.sections[section] = check
            column.addWidget(check)
        return box

    def _sharing_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("What I share"))
        form = QFormLayout(box)
        self.talk_about: list[QLineEdit] = []
        for n in range(MAX_TALK_ABOUT):
            field = QLineEdit()
            field.setPlaceholderText(self.tr("Something I want to talk about"))
            field.setAccessibleName(self.tr("Thing to talk about {n}").format(n=n + 1))
            field.setMaxLength(200)
            field.textChanged.connect(self._on_changed)
            self.talk_about.append(field)
            form.addRow(self.tr("{n}.").format(n=n + 1), field)
        self.excerpts = QComboBox()
        for mode, text in EXCERPTS:
            self.excerpts.addItem(self.tr(text), mode.value)
        self.excerpts.setAccessibleName(self.tr("Entries whose text is included"))
        self.excerpts.currentIndexChanged.connect(self._on_changed)
        form.addRow(self.tr("Entry text"), self.excerpts)
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("Optional"))
        self.display_name.setAccessibleName(self.tr("My name on the pages"))
        self.display_name.setMaxLength(80)
        self.display_name.textChanged.connect(self._on_changed)
        form.addRow(self.tr("My name"), self.display_name)
        return box

    # ------------------------------------------------------------ the options

    def period(self) -> Period:
        today = local_today()
        key = self.period_choice.currentData()
        if key == "since":
            if self.last_end is None:
                return report_service.last_days(today, report_service.DEFAULT_DAYS)
            return report_service.since_last_end(self.last_end, today)
        if key == "30":
            return report_service.last_days(today, 30)
        start, end = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        return Period(min(start, end), max(start, end))

    def options(self) -> ReportOptions:
        preset = Preset.FULL if self.full.isChecked() else Preset.BRIEF
        mode = ExcerptMode(self.excerpts.currentData())
        return ReportOptions(
            self.period(),
            preset,
            sections=frozenset(s for s, check in self.sections.items() if check.isChecked()),
            excerpts=mode if preset is Preset.FULL else ExcerptMode.NONE,
            chosen_ids=self.chosen if mode is ExcerptMode.CHOSEN else frozenset(),
            display_name=self.display_name.text().strip(),
            talk_about=tuple(f.text().strip() for f in self.talk_about if f.text().strip()),
        )

    @property
    def choosing(self) -> bool:
        """Entry text from the entries ticked in the preview."""
        return self.full.isChecked() and self.excerpts.currentData() == ExcerptMode.CHOSEN.value

    @Slot()
    def _on_changed(self) -> None:
        self.sync()
        self.changed.emit()

    def sync(self) -> None:
        """Offer only what applies: full-only sections and entry text with "Full", the dates
        with "Custom"; show the period in words."""
        full = self.full.isChecked()
        for section, check in self.sections.items():
            check.setEnabled(full or section in PAGE_ONE)
        self.excerpts.setEnabled(full)
        custom = self.period_choice.currentData() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        try:
            shown = self.period()
        except ValueError:
            self.period_note.clear()
            return
        self.period_note.setText(
            self.tr("{start} to {end}").format(
                start=f"{shown.start.day} {shown.start:%b %Y}",
                end=f"{shown.end.day} {shown.end:%b %Y}",
            )
        )
