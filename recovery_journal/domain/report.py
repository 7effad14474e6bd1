"""The therapist summary's model: what the person chose to share and the numbers it shows.

Plain values only (the report layer turns them into pages, figures and a PDF): the options the
person picked (period, brief or full, sections, excerpts, display name, what to talk about) and
the facts read from the journal for that period and the one before it. Everything is already
limited to what the person chose: entry text appears only in :attr:`SummaryData.excerpts`, and
only for the entries the excerpt mode allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from recovery_journal.domain.insights import (
    CopingSeries,
    MoodSeries,
    TriggerSeries,
    WarningSeries,
)
from recovery_journal.domain.insights import (
    Period as Period,  # the report's period is the same value
)
from recovery_journal.domain.statistics import Association

MAX_TALK_ABOUT = 3
LOW_MOOD = 3  # a day whose average mood is this or lower is a "low day"
TOP_N = 3


class Preset(Enum):
    """Brief: exactly one page. Full: the brief plus at most two pages, plus excerpts."""

    BRIEF = "brief"
    FULL = "full"


class ExcerptMode(Enum):
    """Which entries' text may appear: none, the ones flagged "bring to therapy", or the ones
    the person ticked in the preview."""

    NONE = "none"
    FLAGGED = "flagged"
    CHOSEN = "chosen"


class Section(Enum):
    """Parts of the summary the person can switch off. Page 1 (every preset) first."""

    COMPLETENESS = "completeness"
    TALK_ABOUT = "talk_about"
    SAFETY = "safety"
    NUMBERS = "numbers"
    CHARTS = "charts"
    ASSOCIATIONS = "associations"
    REACHED = "reached"
    SAFETY_PLAN = "safety_plan"


PAGE_ONE = (Section.COMPLETENESS, Section.TALK_ABOUT, Section.SAFETY, Section.NUMBERS)
DEFAULT_SECTIONS = frozenset(Section) - {Section.SAFETY_PLAN}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What the person chose in the Export page or on the command line."""

    period: Period
    preset: Preset = Preset.BRIEF
    sections: frozenset[Section] = DEFAULT_SECTIONS
    excerpts: ExcerptMode = ExcerptMode.NONE
    chosen_ids: frozenset[int] = frozenset()
    display_name: str = ""
    talk_about: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.talk_about) > MAX_TALK_ABOUT:
            raise ValueError(f"at most {MAX_TALK_ABOUT} things to talk about")

    def shows(self, section: Section) -> bool:
        if self.preset is Preset.BRIEF and section not in PAGE_ONE:
            return False
        return section in self.sections


@dataclass(frozen=True, slots=True)
class MoodNumbers:
    """Mood over a period: mean of the daily means, lowest and highest rating, low days."""

    days: int  # days with at least one mood rating
    mean: float | None  # mean of daily means
    lowest: int | None
    highest: int | None
    low_days: int  # days whose mean is LOW_MOOD or less


@dataclass(frozen=True, slots=True)
class SleepNumbers:
    nights: int  # days with sleep hours recorded
    mean_hours: float | None  # mean of daily means


@dataclass(frozen=True, slots=True)
class Counted:
    """A label (a stored code or a name) with how many times it happened."""

    label: str
    count: int


@dataclass(frozen=True, slots=True)
class StrategyHelp:
    """A coping strategy that helped: average drop in distress over ``n`` rated uses."""

    name: str
    n: int
    average_drop: float


@dataclass(frozen=True, slots=True)
class KeyNumbers:
    """The numbers of one period, comparable with those of another of the same length."""

    mood: MoodNumbers
    sleep: SleepNumbers
    trigger_events: int
    trigger_categories: tuple[Counted, ...]  # TriggerCategory values, most events first
    warning_days: tuple[Counted, ...]  # every WarningStage value, in order
    coping_uses: int
    helped_most: tuple[StrategyHelp, ...]


@dataclass(frozen=True, slots=True)
class Dated:
    """Something that happened on a day: a crisis sign, a slip, a milestone, a goal."""

    day: date
    text: str


@dataclass(frozen=True, slots=True)
class SafetyNumbers:
    crisis_signs: tuple[Dated, ...]
    safety_plan_opened: tuple[date, ...]
    slips: tuple[Dated, ...]  # text: the counter's title


@dataclass(frozen=True, slots=True)
class DayMood:
    """One day's mood: the mean of its ratings, and the lowest and highest."""

    day: date
    mean: float
    low: int
    high: int


MAX_ASSOCIATIONS = 3


def called_out(found: Sequence[Association]) -> tuple[Association, ...]:
    """The associations the summary shows: only those the insights engine calls out (their 95 %
    interval excludes 0 after the Benjamini–Hochberg correction), the largest differences first,
    at most :data:`MAX_ASSOCIATIONS`."""
    kept = sorted((a for a in found if a.called_out), key=lambda a: -abs(a.difference))
    return tuple(kept[:MAX_ASSOCIATIONS])


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """The series the summary's four charts draw: the Insights page's own (``chart_data``)."""

    mood: MoodSeries
    triggers: TriggerSeries
    warning_signs: WarningSeries
    coping: CopingSeries


@dataclass(frozen=True, slots=True)
class Excerpt:
    """One entry's text the person chose to share."""

    entry_id: int
    day: date
    title: str
    body: str
    mood: int | None
    flagged: bool


@dataclass(frozen=True, slots=True)
class EntryRef:
    """An entry without its text (for ticking in the preview, for "flagged for therapy")."""

    entry_id: int
    day: date
    title: str
    flagged: bool


@dataclass(frozen=True, slots=True)
class SummaryData:
    """Everything the summary shows, read from the journal for ``options``."""

    options: ReportOptions
    generated: date
    days_with_entry: int
    current: KeyNumbers
    previous: KeyNumbers
    safety: SafetyNumbers
    flagged: tuple[EntryRef, ...]
    excerpts: tuple[Excerpt, ...]
    milestones: tuple[Dated, ...]
    goals_reached: tuple[Dated, ...]
    associations: tuple[Association, ...]  # the called-out ones (:func:`called_out`)
    charts: ChartSeries | None = None  # None: the charts are not part of this summary
    safety_plan: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())  # step code, lines

    @property
    def period(self) -> Period:
        return self.options.period
