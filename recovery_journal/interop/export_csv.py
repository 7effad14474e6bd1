"""CSV exports for spreadsheets: one row per entry, or one row per day (pure, in memory).

Input is plain data (entries as the JSON export writes them; days as the storage query gives
them), output is bytes: UTF-8 with a BOM (so spreadsheets read accents and emoji right), CRLF
line ends, every text field quoted as needed by RFC 4180. Columns: docs/EXPORT-FORMAT.md.

A cell that starts with ``=``, ``+``, ``@`` (or ``-`` not followed by a space) would be run as a
formula by spreadsheet programs; such a text cell gets a leading apostrophe, the usual guard
(a Markdown list line ``- item`` is left as written).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

ENTRY_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "time",
    "utc_offset_minutes",
    "title",
    "body",
    "mood",
    "anxiety",
    "energy",
    "sleep_hours",
    "sleep_quality",
    "emotions",
    "tags",
    "starred",
    "bring_to_therapy",
    "source_app",
    "source_id",
    "source_mood_label",
    "created_utc",
    "updated_utc",
)

DAILY_COLUMNS: tuple[str, ...] = (
    "date",
    "entries",
    "mood_mean",
    "mood_min",
    "mood_max",
    "anxiety_mean",
    "energy_mean",
    "sleep_hours_mean",
    "sleep_quality_mean",
    "trigger_events",
    "coping_uses",
    "warning_signs_early",
    "warning_signs_breaking_down",
    "warning_signs_crisis",
)

_FORMULA_START = ("=", "+", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    if text.startswith(_FORMULA_START) or (text.startswith("-") and text[1:2] not in (" ", "")):
        return "'" + text
    return text


def _cell(value: Any) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    return safe_cell(str(value))


def _csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _entry_row(entry: Mapping[str, Any]) -> list[Any]:
    source = entry.get("source") or {}
    emotions = "; ".join(f"{e['name']}:{e['intensity']}" for e in entry.get("emotions") or ())
    return [
        entry["id"],
        entry["local_date"],
        entry.get("local_time"),
        entry.get("utc_offset_minutes"),
        entry["title"],
        entry["body"],
        entry["mood"],
        entry["anxiety"],
        entry["energy"],
        entry["sleep_hours"],
        entry["sleep_quality"],
        emotions,
        "; ".join(entry.get("tags") or ()),
        bool(entry.get("starred")),
        bool(entry.get("bring_to_therapy")),
        source.get("app"),
        source.get("id"),
        source.get("mood_label"),
        entry.get("created_utc"),
        entry.get("updated_utc"),
    ]


def entries_csv(entries: Iterable[Mapping[str, Any]]) -> bytes:
    """One row per entry not in the trash, oldest first (as given: the caller orders them)."""
    return _csv(ENTRY_COLUMNS, (_entry_row(e) for e in entries if not e.get("deleted_utc")))


def daily_csv(days: Iterable[Mapping[str, Any]]) -> bytes:
    """One row per day that has anything recorded, with the numbers of that day."""
    return _csv(DAILY_COLUMNS, ([day.get(c) for c in DAILY_COLUMNS] for day in days))
