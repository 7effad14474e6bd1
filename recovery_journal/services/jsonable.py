"""Domain values as JSON values, the one way for the export file and the command line's ``--json``,
and the export format's versions: :func:`upgraded_document` reads an older export as the current
one (version 1 wrote enumerations as English words; version 2 writes their stable codes; version
3 adds the entries' wall-clock time, offset, star and source; version 4 the own daily measures;
version 5 whether each counter shows on Today).

Light on purpose (no database imports): the command line prints JSON without loading the ORM, and
an importer can read an export without the database.
"""

from __future__ import annotations

import contextlib
import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from recovery_journal.domain.clock import wall_clock
from recovery_journal.domain.entries import CheckIn

# Values an entry or a draft holds as one object but the export writes flat, field by field, in
# its parent's place (the export's shape from before they were one value; docs/EXPORT-FORMAT.md).
_FLAT = (CheckIn,)


def jsonable(value: Any) -> Any:
    """Domain values → JSON values: dates ISO 8601, instants with 'Z', enums by value; a
    check-in's fields appear flat in the entry's (or draft's) object."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if isinstance(item, _FLAT):
                out.update(jsonable(item))
            else:
                out[f.name] = jsonable(item)
        return out
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


T = TypeVar("T")


def from_jsonable(cls: type[T], value: Any) -> T:
    """The inverse of :func:`jsonable` for a domain dataclass: JSON values → typed fields (dates,
    instants, enums, tuples, nested dataclasses), through the class's own validation. Keys the
    class does not know are ignored, missing ones take the field's default. Raises ``TypeError``
    or ``ValueError`` (or the domain's ValidationError) naming no content."""
    if not isinstance(value, dict):
        raise TypeError("a record must be a JSON object")
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        kind = hints[f.name]
        if isinstance(kind, type) and issubclass(kind, _FLAT):
            values[f.name] = from_jsonable(kind, value)  # written flat: the parent's keys
        elif f.name in value:
            values[f.name] = _typed(kind, value[f.name])
    return cls(**values)


def _typed(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _typed(options[0], value)
    if origin is tuple:
        if not isinstance(value, list):
            raise TypeError("expected a list")
        return tuple(_typed(typing.get_args(kind)[0], item) for item in value)
    if kind is datetime:
        return datetime.fromisoformat(_text(value))
    if kind is date:
        return date.fromisoformat(_text(value))
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if dataclasses.is_dataclass(kind):
        return from_jsonable(kind, value)  # type: ignore[arg-type]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind in (str, int, float, bool) and type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


EXPORT_FORMAT = "recovery-journal-export"
# 5: counters have ``pinned`` (shown on Today; older exports' counters all were, and still are);
# 4: own daily measures (``measures`` and ``measure_values``; older exports simply have none);
# 3: entries have local_time, utc_offset_minutes, starred and source;
# 2: enumerations as stable codes (version 1: as English words).
EXPORT_VERSION = 5

_SAFETY_STEP_WORDS = {
    "my warning signs": "warning_signs",
    "things I can do on my own": "internal_coping",
    "people and places that take my mind off things": "distraction",
    "people I can ask for help": "ask_for_help",
    "professionals and crisis lines": "professionals",
    "making my environment safer": "safe_environment",
    "my reasons for living": "reasons_for_living",
}
# (records, field) → the version-1 words that differ from their version-2 code. Frozen history.
VERSION_1_WORDS: dict[tuple[str, str], dict[str, str]] = {
    ("triggers", "category"): {
        "dates and anniversaries": "dates",
        "internal states": "internal",
        "HALT (hungry, angry, lonely, tired)": "halt",
    },
    ("warning_signs", "stage"): {"things are breaking down": "breaking_down"},
    ("coping_plan", "warning_stage"): {"things are breaking down": "breaking_down"},
    ("coping_strategies", "category"): {"social/peer": "social"},
    ("coping_strategies", "source"): {"peer meeting": "peer_meeting"},
    ("counters", "convention"): {"day 1": "day_one", "day 0": "day_zero"},
    ("support_contacts", "role"): {"crisis line": "crisis_line"},
    ("safety_plan", "step"): _SAFETY_STEP_WORDS,
    ("support_contacts", "safety_step"): _SAFETY_STEP_WORDS,
}


def upgraded_document(doc: dict[str, Any]) -> dict[str, Any]:
    """An export document of any known version, as the current version writes it.

    Raises ``ValueError`` for something that is not an export or comes from a newer app."""
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise ValueError("not a Recovery Journal export")
    version = doc.get("version")
    if version == EXPORT_VERSION:
        return doc
    if version not in (1, 2, 3, 4):
        raise ValueError(f"export version {version!r} is not one this app knows")
    upgraded = dict(doc, version=EXPORT_VERSION)
    if version == 1:
        _codes_for_words(upgraded)
    if version in (1, 2):
        _entry_times(upgraded)
    _counters_pinned(upgraded)
    return upgraded


def _counters_pinned(doc: dict[str, Any]) -> None:
    """Versions 1–4 → 5: every counter shows on Today, as every counter not archived did then
    (the same as the journal's own upgrade to schema 9)."""
    rows = doc.get("counters")
    if isinstance(rows, list):
        doc["counters"] = [
            dict(row, pinned=row.get("pinned", True)) if isinstance(row, dict) else row
            for row in rows
        ]


def _codes_for_words(doc: dict[str, Any]) -> None:
    """Version 1 → 2: enumerations' English words become their stable codes."""
    for (records, field), words in VERSION_1_WORDS.items():
        rows = doc.get(records)
        if isinstance(rows, list):
            doc[records] = rows = [dict(r) if isinstance(r, dict) else r for r in rows]
            for row in rows:
                if isinstance(row, dict) and row.get(field) in words:
                    row[field] = words[row[field]]


def _entry_times(doc: dict[str, Any]) -> None:
    """Version 2 → 3: entries get a wall-clock time and offset from ``created_utc`` in this
    computer's time zone (as the journal's own migration to schema 6 does), no star and no
    source."""
    rows = doc.get("entries")
    if not isinstance(rows, list):
        return
    upgraded: list[Any] = []
    for row in rows:
        if isinstance(row, dict):
            row = dict(row)
            local_time, offset = None, None
            created = row.get("created_utc")
            # A bad value is left for the importer, which names it.
            with contextlib.suppress(ValueError, TypeError):
                local_time, offset = wall_clock(datetime.fromisoformat(str(created)))
            row.setdefault("local_time", local_time)
            row.setdefault("utc_offset_minutes", offset)
            row.setdefault("starred", False)
            row.setdefault("source", None)
        upgraded.append(row)
    doc["entries"] = upgraded
