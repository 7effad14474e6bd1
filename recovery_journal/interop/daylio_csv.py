"""Daylio's CSV export (header versions V1-V4, IMPORT-FORMATS §1.1-1.2).

Columns are mapped by header name; unknown columns are refused. ``full_date`` is preferred; V1
files combine ``year`` with the localised ``date``. The CSV carries mood *words* only: a mood is set
only through the person's explicit ``mood_map`` (never guessed), and the word is always kept in
``mood_label``. Notes are HTML → text, activities → tags, ``scales`` are appended to the body.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType

from recovery_journal.interop.clock import parse_clock, parse_day_and_month, parse_iso_date
from recovery_journal.interop.guard import decode_text
from recovery_journal.interop.keys import KeyMaker
from recovery_journal.interop.markup import html_to_text, newlines
from recovery_journal.interop.records import (
    ImportedEntry,
    ImportRefused,
    ImportResult,
    Notice,
    Position,
    check_mood_map,
    mood_from_map,
)

FORMAT = "daylio-csv"
KNOWN_COLUMNS = frozenset(
    {"full_date", "year", "date", "weekday", "time", "mood", "activities", "scales"}
    | {"note_title", "note"}
)

#: What the import dialog may *suggest* for Daylio's five default mood words (the same levels as
#: a .daylio backup gives). Never applied automatically: the person confirms or changes it.
DAYLIO_DEFAULT_SUGGESTION: Mapping[str, int] = MappingProxyType(
    {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
)


def looks_like(text_start: str) -> bool:
    """Whether the first line is a Daylio CSV header (any version)."""
    first = text_start.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    return first.startswith(("full_date,date,weekday,time,mood", "year,date,weekday,time,mood"))


def _header(row: list[str]) -> dict[str, int]:
    names = [cell.strip() for cell in row]
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if name not in KNOWN_COLUMNS:
            raise ImportRefused(
                "unknown_column",
                # The name is not quoted: a header merged with a row would hold note text.
                "the header has a column Daylio does not write.",
                Position(row=1, line=1, column=str(index + 1)),
                hint="Import the file exactly as Daylio exported it.",
            )
        if name in columns:
            raise ImportRefused(
                "duplicate_column",
                f'the column "{name}" appears twice in the header.',
                Position(row=1, line=1),
            )
        columns[name] = index
    missing = [name for name in ("date", "time", "mood") if name not in columns]
    if "full_date" not in columns and "year" not in columns:
        missing.append("full_date")
    if missing:
        raise ImportRefused(
            "missing_column",
            f"the header lacks the column(s) {', '.join(missing)}.",
            Position(row=1, line=1),
        )
    return columns


def _tags(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in newlines(text).split("|"):
        name = " ".join(part.split())
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def _scales(text: str) -> str:
    return "\n".join(part.strip() for part in newlines(text).split("|") if part.strip())


class _Reader:
    """One pass over the rows; keeps the counters that go into the result."""

    def __init__(self, mood_map: Mapping[str, int] | None) -> None:
        self.mood_map = mood_map
        self.keys = KeyMaker("daylio-csv")
        self.labels: Counter[str] = Counter()
        self.unmapped = 0

    def entry(self, row: Mapping[str, str], where: Position) -> ImportedEntry:
        """The entry of one data row (``row`` maps column names to cells)."""

        def refuse(code: str, column: str, reason: str, hint: str = "") -> ImportRefused:
            position = Position(row=where.row, line=where.line, column=column)
            return ImportRefused(code, reason, position, hint=hint)

        day = _day(row, refuse)
        clock = parse_clock(row["time"])
        if clock is None:
            raise refuse(
                "bad_time",
                "time",
                "this is not a clock time this import can read.",
                hint="Exporting again with the phone set to the 24-hour clock helps.",
            )
        label = " ".join(newlines(row["mood"]).split()) or None
        if label is not None:
            self.labels[label] += 1
        mood = mood_from_map(label, self.mood_map)
        if label is not None and mood is None:
            self.unmapped += 1
        title = " ".join(html_to_text(row.get("note_title", "")).split())
        body = html_to_text(row.get("note", ""))
        scales = _scales(row.get("scales", ""))
        if scales:
            body = f"{body}\n\n{scales}" if body else scales
        return ImportedEntry(
            local_date=day,
            local_time=clock,
            utc_offset_minutes=None,
            title=title,
            body=body,
            mood=mood,
            tags=_tags(row.get("activities", "")),
            starred=False,
            source_app="daylio",
            source_id=self.keys.key(day.isoformat(), clock, label, title, body),
            mood_label=label,
        )


def _day(row: Mapping[str, str], refuse: Callable[..., ImportRefused]) -> dt.date:
    if "full_date" in row:
        day = parse_iso_date(row["full_date"])
        if day is None:
            raise refuse("bad_date", "full_date", "this is not a date written as YYYY-MM-DD.")
        return day
    year = row["year"].strip()
    if not (year.isascii() and year.isdigit() and len(year) == 4):
        raise refuse("bad_date", "year", "this is not a four-digit year.")
    day = parse_day_and_month(int(year), row["date"])
    if day is None:
        raise refuse(
            "localised_date",
            "date",
            "this day and month are written in a language or form this import cannot read.",
            hint="Export the CSV again from a recent Daylio (it adds a full_date column), "
            "or import a .daylio backup instead.",
        )
    return day


def _records(text: str) -> Iterator[tuple[Position, list[str]]]:
    """Each non-blank CSV record with its row number (the header is row 1) and first line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    row_number, next_line = 0, 1
    try:
        for cells in reader:
            start_line, next_line = next_line, reader.line_num + 1
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line between records
            row_number += 1
            yield Position(row=row_number, line=start_line), cells
    except csv.Error as error:  # its messages never quote the data
        raise ImportRefused(
            "bad_csv",
            f"the CSV is malformed ({error}).",
            Position(row=row_number + 1, line=reader.line_num),
        ) from None


def read_daylio_csv(data: bytes, *, mood_map: Mapping[str, int] | None = None) -> ImportResult:
    """Read a whole Daylio CSV export; refuse it (nothing imported) if any row is wrong."""
    check_mood_map(mood_map)
    text = decode_text(data)
    if not looks_like(text[:200]):
        raise ImportRefused(
            "wrong_format",
            "this is not a Daylio CSV export (its header is different).",
            Position(line=1),
        )
    records = _records(text)
    first = next(records, None)
    if first is None:
        raise ImportRefused("wrong_format", "the file has no header.", Position(line=1))
    header = first[1]
    columns = _header(header)
    state = _Reader(mood_map)
    entries: list[ImportedEntry] = []
    for where, cells in records:
        if len(cells) != len(header):
            raise ImportRefused(
                "field_count",
                f"this row has {len(cells)} fields where the header has {len(header)}.",
                where,
            )
        entries.append(state.entry({name: cells[i] for name, i in columns.items()}, where))
    notes: tuple[Notice, ...] = ()
    if state.unmapped:
        reason = "mood words without a chosen mood: mood left empty"
        notes = (Notice("mood_unmapped", state.unmapped, reason),)
    return ImportResult(
        format=FORMAT, entries=tuple(entries), notes=notes, mood_labels=dict(state.labels)
    )
