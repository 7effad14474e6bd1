"""jrnl's JSON export (``jrnl --export json``; IMPORT-FORMATS §2.2).

Either the whole journal ``{"tags": {...}, "entries": [...]}`` or, from ``-o dir/``, one entry per
file. Entries carry jrnl's own ``title``/``body`` split, ``date`` (``YYYY-MM-DD``), ``time``
(``HH:MM``), ``tags`` with their symbol, ``starred`` and, for Day One-backed journals, a ``uuid``.
Keys match those of the text journal, so importing both adds each entry once.
"""

from __future__ import annotations

from typing import Any

from recovery_journal.interop.clock import parse_clock, parse_iso_date
from recovery_journal.interop.guard import load_json
from recovery_journal.interop.keys import KeyMaker
from recovery_journal.interop.records import ImportedEntry, ImportRefused, ImportResult, Position

FORMAT = "jrnl-json"
ENTRY_KEYS = frozenset({"title", "body", "date", "time"})


def looks_like(document: Any) -> bool:
    """Whether parsed JSON is a jrnl export (a journal, or a single entry)."""
    if isinstance(document, dict) and isinstance(document.get("entries"), list):
        return isinstance(document.get("tags"), dict) and all(
            isinstance(item, dict) and item.keys() >= ENTRY_KEYS for item in document["entries"][:5]
        )
    return isinstance(document, dict) and document.keys() >= ENTRY_KEYS


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportRefused("bad_entry", "text was expected here.", Position(key=f"{where}.{key}"))
    return value


def _entry(item: Any, where: str, keys: KeyMaker) -> ImportedEntry:
    if not isinstance(item, dict):
        raise ImportRefused("bad_entry", "an entry was expected here.", Position(key=where))
    day = parse_iso_date(_text(item, "date", where))
    if day is None:
        raise ImportRefused(
            "bad_date", "this is not a date written as YYYY-MM-DD.", Position(key=f"{where}.date")
        )
    raw_time = _text(item, "time", where)
    clock = parse_clock(raw_time) if raw_time else None
    if raw_time and clock is None:
        raise ImportRefused("bad_time", "this is not a clock time.", Position(key=f"{where}.time"))
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ImportRefused(
            "bad_entry", "a list of tags was expected here.", Position(key=f"{where}.tags")
        )
    starred = item.get("starred", False)
    if not isinstance(starred, bool):
        raise ImportRefused(
            "bad_entry", "true or false was expected here.", Position(key=f"{where}.starred")
        )
    title = _text(item, "title", where).strip()
    body = _text(item, "body", where).strip()
    uuid = item.get("uuid")
    content_key = keys.key(day.isoformat(), (clock or "")[:5], title, body)
    names = (tag.lstrip("@#").strip().lower() for tag in tags)
    return ImportedEntry(
        local_date=day,
        local_time=clock,
        utc_offset_minutes=None,
        title=title,
        body=body,
        mood=None,
        tags=tuple(dict.fromkeys(name for name in names if name)),
        starred=starred,
        source_app="jrnl",
        source_id=f"jrnl-uuid:{uuid}" if isinstance(uuid, str) and uuid else content_key,
    )


def read_jrnl_json(data: bytes) -> ImportResult:
    """Read a jrnl JSON export (whole journal or one entry); refuse it if any entry is wrong."""
    document = load_json(data)
    if not looks_like(document):
        raise ImportRefused("wrong_format", "this JSON is not a jrnl export.")
    keys = KeyMaker("jrnl")
    if "entries" in document and isinstance(document["entries"], list):
        items = document["entries"]
        entries = tuple(_entry(item, f"entries[{i}]", keys) for i, item in enumerate(items))
    else:
        entries = (_entry(document, "entry", keys),)
    return ImportResult(format=FORMAT, entries=entries)
