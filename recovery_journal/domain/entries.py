"""Journal entries: the day's writing, the check-in measures, emotions and tags.

An :class:`Entry` is immutable; editing means building a changed copy (``dataclasses.replace``) and
saving it, which keeps the earlier version as an :class:`EntryRevision`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from recovery_journal.domain import validation
from recovery_journal.domain.scales import ANXIETY, ENERGY, INTENSITY, MOOD, SLEEP_QUALITY
from recovery_journal.errors import ValidationError

MAX_TAGS = 50
# Where an imported entry came from (docs/EXPORT-FORMAT.md, ``source.app``).
SOURCE_APPS = frozenset({"daylio", "jrnl", "dayone", "recovery-journal"})
_LOCAL_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")
MAX_UTC_OFFSET_MINUTES = 18 * 60


def normalise_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trim, drop a leading '#', drop empties and case-insensitive duplicates; keep order."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in tags:
        tag = validation.text("tag", raw, max_len=validation.MAX_NAME).strip().lstrip("#").strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    if len(out) > MAX_TAGS:
        raise ValidationError("tags", f"An entry can have at most {MAX_TAGS} tags.")
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Emotion:
    """A named feeling and how strong it was (0–10)."""

    name: str
    intensity: int

    def __post_init__(self) -> None:
        validation.name("emotion", self.name)
        INTENSITY.validate(self.intensity, "emotion intensity")


@dataclass(frozen=True, slots=True)
class CheckIn:
    """How the person was, as one value: mood, anxiety, energy, sleep hours and quality, feelings.

    An :class:`Entry` and a :class:`Draft` each hold one (``check_in``); the scales are validated
    here, once. Everything is optional. Tags are not part of it: they belong to the entry.
    """

    mood: int | None = None
    anxiety: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    emotions: tuple[Emotion, ...] = ()

    def __post_init__(self) -> None:
        MOOD.validate(self.mood)
        ANXIETY.validate(self.anxiety)
        ENERGY.validate(self.energy)
        validation.float_range("sleep_hours", self.sleep_hours, 0, 24)
        SLEEP_QUALITY.validate(self.sleep_quality)
        object.__setattr__(self, "emotions", tuple(self.emotions))

    @property
    def is_empty(self) -> bool:
        """Nothing was filled in."""
        return self == EMPTY_CHECK_IN


EMPTY_CHECK_IN = CheckIn()


@dataclass(frozen=True, slots=True)
class EntrySource:
    """Where an imported entry came from: the app, the app's own id (or a stable key made from the
    entry's content) and the app's mood word, trimmed. Entries written here have none."""

    app: str
    id: str
    mood_label: str | None = None

    def __post_init__(self) -> None:
        if self.app not in SOURCE_APPS:
            raise ValidationError("source", "That is not an app entries can be imported from.")
        validation.text("source id", self.id, max_len=validation.MAX_NAME * 2)
        if not self.id:
            raise ValidationError("source", "An imported entry needs its source's id.")
        if self.mood_label is not None:
            validation.text("mood word", self.mood_label, max_len=validation.MAX_NAME)


def validate_local_time(local_time: str | None, utc_offset_minutes: int | None) -> None:
    """``HH:MM`` or ``HH:MM:SS`` (the wall clock the person saw) and an offset within ±18 h."""
    if local_time is not None and not (
        isinstance(local_time, str) and _LOCAL_TIME.match(local_time)
    ):
        raise ValidationError("local_time", "A time of day is written HH:MM or HH:MM:SS.")
    if utc_offset_minutes is not None and (
        isinstance(utc_offset_minutes, bool)
        or not isinstance(utc_offset_minutes, int)
        or abs(utc_offset_minutes) > MAX_UTC_OFFSET_MINUTES
    ):
        raise ValidationError("utc_offset_minutes", "A time zone offset is at most 18 hours.")


@dataclass(frozen=True, slots=True)
class Entry:
    """One journal entry. ``id`` is None until saved; times are set by the journal on save.

    ``local_time`` is the wall-clock time the person saw (``HH:MM`` or ``HH:MM:SS``) and
    ``utc_offset_minutes`` their offset from UTC then (None when a source did not say); the
    journal sets both from the clock for entries written here. ``source`` is set for imported
    entries only.
    """

    local_date: date
    body: str = ""
    title: str = ""
    check_in: CheckIn = EMPTY_CHECK_IN
    tags: tuple[str, ...] = ()
    bring_to_therapy: bool = False
    id: int | None = None
    created_utc: datetime | None = None
    updated_utc: datetime | None = None
    deleted_utc: datetime | None = None
    local_time: str | None = None
    utc_offset_minutes: int | None = None
    starred: bool = False
    source: EntrySource | None = None

    def __post_init__(self) -> None:
        validation.a_date("local_date", self.local_date)
        validate_local_time(self.local_time, self.utc_offset_minutes)
        validation.text("title", self.title, max_len=validation.MAX_NAME * 2)
        validation.text("body", self.body)
        if not isinstance(self.check_in, CheckIn):
            raise ValidationError("check_in", "A check-in is mood, anxiety, energy and sleep.")
        for stamp in ("created_utc", "updated_utc", "deleted_utc"):
            validation.aware(stamp, getattr(self, stamp))
        object.__setattr__(self, "tags", normalise_tags(self.tags))
        # An imported mood word not mapped to 0-10 yet counts as a mood (Daylio's CSV).
        mood_word = self.source is not None and bool(self.source.mood_label)
        if not (
            self.title.strip() or self.body.strip() or self.check_in.mood is not None or mood_word
        ):
            raise ValidationError("body", "An entry needs some words, a title or a mood.")

    @property
    def in_trash(self) -> bool:
        return self.deleted_utc is not None


@dataclass(frozen=True, slots=True)
class EntryRevision:
    """An earlier version of an entry, kept when the entry was changed."""

    entry_id: int
    replaced_utc: datetime
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...] = field(default=())
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An entry found by full-text search, with a short snippet around the match."""

    entry: Entry
    snippet: str


# A search's first page (and each further one): a screenful of results (a row is ~50 px high;
# a taller list fetches the next page at once), few enough that the snippets — the costly part
# of a search, redone on every keystroke — stay cheap.
SEARCH_PAGE = 20

# Markers around matched words in SearchHit.snippet (control characters never typed by people).
MATCH_START = "\x02"
MATCH_END = "\x03"


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved writing kept by autosave: like an entry, but allowed to be incomplete.

    ``slot`` names what it is a draft of: ``"today"`` for a new entry, ``"entry:<id>"`` for an edit.
    """

    slot: str
    local_date: date
    body: str = ""
    title: str = ""
    check_in: CheckIn = EMPTY_CHECK_IN
    tags: tuple[str, ...] = ()
    bring_to_therapy: bool = False
    entry_id: int | None = None
    saved_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.name("slot", self.slot)
        validation.text("body", self.body)
        if not isinstance(self.check_in, CheckIn):
            raise ValidationError("check_in", "A check-in is mood, anxiety, energy and sleep.")

    @property
    def is_empty(self) -> bool:
        return not (self.title.strip() or self.body.strip() or self.check_in.mood is not None)

    def to_entry(self) -> Entry:
        """The entry this draft would save as (validates like any entry)."""
        return Entry(
            local_date=self.local_date,
            body=self.body,
            title=self.title,
            check_in=self.check_in,
            tags=self.tags,
            bring_to_therapy=self.bring_to_therapy,
            id=self.entry_id,
        )
