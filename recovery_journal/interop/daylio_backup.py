"""Daylio's ``.daylio`` backup: a zip whose ``backup.daylio`` member is base64 of UTF-8 JSON
(IMPORT-FORMATS §1.4).

Unlike the CSV it has exact mood levels: ``customMoods[].mood_group_id`` 1 (best) … 5 (worst)
becomes mood 9, 7, 5, 3, 1. Tags are resolved by name, ``datetime`` (UTC ms) plus
``timeZoneOffset`` (ms) gives the local date and time, photos are counted and skipped. The PIN
the backup holds in plain text is never read into anything we keep.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections import Counter
from typing import Any

from recovery_journal.interop.guard import MAX_JSON_BYTES, SafeZip, is_zip, load_json
from recovery_journal.interop.markup import html_to_text
from recovery_journal.interop.records import (
    ImportedEntry,
    ImportRefused,
    ImportResult,
    Notice,
    Position,
)

FORMAT = "daylio-backup"
MEMBER = "backup.daylio"
LEVEL_TO_MOOD = {1: 9, 2: 7, 3: 5, 4: 3, 5: 1}
PREDEFINED_NAMES = {1: "rad", 2: "good", 3: "meh", 4: "bad", 5: "awful"}
_MAX_OFFSET_MS = 18 * 3600 * 1000


def backup_json_bytes(data: bytes) -> bytes:
    """The JSON inside a backup (the zip, its ``backup.daylio`` member, or that decoded)."""
    encoded = data
    if is_zip(data):
        archive = SafeZip(data)
        if MEMBER not in archive.names:
            raise ImportRefused(
                "wrong_format", "this zip archive is not a Daylio backup (no backup.daylio inside)."
            )
        encoded = archive.read(MEMBER, limit=MAX_JSON_BYTES * 4 // 3 + 4)
    if encoded.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return encoded  # the backup's JSON, already decoded by another tool
    try:
        return base64.b64decode(b"".join(encoded.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ImportRefused(
            "bad_backup", "the backup's contents are damaged (not base64).", Position(member=MEMBER)
        ) from None


def _where(index: int, key: str) -> Position:
    return Position(key=f"dayEntries[{index}].{key}", member=MEMBER)


def _int(value: Any, index: int, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ImportRefused("bad_backup", "a whole number was expected here.", _where(index, key))
    return value


def _text(value: Any, index: int, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportRefused("bad_backup", "text was expected here.", _where(index, key))
    return value


def _list(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise ImportRefused(
            "bad_backup", "a list was expected here.", Position(key=key, member=MEMBER)
        )
    return value


def _moods(document: dict[str, Any]) -> dict[int, tuple[int, str]]:
    """customMoods id → (mood 0-10, label)."""
    moods: dict[int, tuple[int, str]] = {}
    for index, item in enumerate(_list(document, "customMoods")):
        where = Position(key=f"customMoods[{index}]", member=MEMBER)
        if not isinstance(item, dict):
            raise ImportRefused("bad_backup", "a mood was expected here.", where)
        mood_id, group = item.get("id"), item.get("mood_group_id")
        if not isinstance(mood_id, int) or group not in LEVEL_TO_MOOD or isinstance(group, bool):
            raise ImportRefused("bad_backup", "this mood has no valid id or level (1-5).", where)
        name = item.get("custom_name")
        predefined = item.get("predefined_name_id")
        # A custom mood may be literally called "null" (a real backup has one): it is a name.
        if isinstance(name, str) and name.strip() and predefined in (-1, None):
            label = " ".join(name.split())
        elif isinstance(predefined, int) and predefined in PREDEFINED_NAMES:
            label = PREDEFINED_NAMES[predefined]
        elif isinstance(name, str) and name.strip():
            label = " ".join(name.split())
        else:
            label = PREDEFINED_NAMES[group]
        moods[mood_id] = (LEVEL_TO_MOOD[group], label)
    return moods


def _tags(document: dict[str, Any]) -> dict[int, str]:
    tags: dict[int, str] = {}
    for index, item in enumerate(_list(document, "tags")):
        if not isinstance(item, dict) or not isinstance(item.get("id"), int):
            raise ImportRefused(
                "bad_backup",
                "a tag was expected here.",
                Position(key=f"tags[{index}]", member=MEMBER),
            )
        name = item.get("name")
        if isinstance(name, str) and name.strip():
            tags[item["id"]] = " ".join(name.split())
    return tags


def _local(entry: dict[str, Any], index: int) -> tuple[dt.datetime, int]:
    utc_ms = _int(entry.get("datetime"), index, "datetime")
    offset_ms = _int(entry.get("timeZoneOffset", 0), index, "timeZoneOffset")
    if abs(offset_ms) > _MAX_OFFSET_MS:
        raise ImportRefused(
            "bad_backup", "the time zone offset is out of range.", _where(index, "timeZoneOffset")
        )
    try:
        local = dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=utc_ms + offset_ms)
    except OverflowError:
        raise ImportRefused(
            "bad_backup", "the time is out of range.", _where(index, "datetime")
        ) from None
    if not 1900 <= local.year <= 9999:
        raise ImportRefused("bad_backup", "the time is out of range.", _where(index, "datetime"))
    # Offsets are whole minutes in practice; round rather than invent seconds.
    return local, round(offset_ms / 60_000)


class _Entries:
    """Turns dayEntries into records, counting mood words and photos on the way."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.moods, self.tags = _moods(document), _tags(document)
        self.labels: Counter[str] = Counter()
        self.photos = 0

    def entry(self, index: int, item: Any) -> ImportedEntry:
        if not isinstance(item, dict):
            where = Position(key=f"dayEntries[{index}]", member=MEMBER)
            raise ImportRefused("bad_backup", "an entry was expected here.", where)
        entry_id = _int(item.get("id"), index, "id")
        utc_ms = _int(item.get("datetime"), index, "datetime")
        local, offset = _local(item, index)
        mood, label = self._mood(item.get("mood"), index)
        tag_names: dict[str, None] = {}
        tag_ids = item.get("tags") or []
        if not isinstance(tag_ids, list):
            raise ImportRefused(
                "bad_backup", "a list of tags was expected here.", _where(index, "tags")
            )
        for tag_id in tag_ids:
            if isinstance(tag_id, int) and not isinstance(tag_id, bool) and tag_id in self.tags:
                tag_names.setdefault(self.tags[tag_id], None)
        assets = item.get("assets") or []
        self.photos += len(assets) if isinstance(assets, list) else 0
        title = html_to_text(_text(item.get("note_title"), index, "note_title"))
        return ImportedEntry(
            local_date=local.date(),
            local_time=local.strftime("%H:%M"),
            utc_offset_minutes=offset,
            title=" ".join(title.split()),
            body=html_to_text(_text(item.get("note"), index, "note")),
            mood=mood,
            tags=tuple(tag_names),
            starred=item.get("isFavorite") is True,
            source_app="daylio",
            # Entry ids restart on a new phone; with the instant they stay unique and stable.
            source_id=f"daylio-backup:{entry_id}@{utc_ms}",
            mood_label=label,
        )

    def _mood(self, mood_id: Any, index: int) -> tuple[int | None, str | None]:
        if mood_id is None:
            return None, None
        if isinstance(mood_id, bool) or not isinstance(mood_id, int) or mood_id not in self.moods:
            raise ImportRefused(
                "bad_backup",
                "the entry's mood is not among the backup's moods.",
                _where(index, "mood"),
            )
        mood, label = self.moods[mood_id]
        self.labels[label] += 1
        return mood, label


def read_daylio_backup(data: bytes) -> ImportResult:
    """Read a whole ``.daylio`` backup; refuse it (nothing imported) if any entry is wrong."""
    document = load_json(backup_json_bytes(data), member=MEMBER)
    if not isinstance(document, dict) or not isinstance(document.get("dayEntries"), list):
        raise ImportRefused(
            "wrong_format", "this is not a Daylio backup (no dayEntries).", Position(member=MEMBER)
        )
    reader = _Entries(document)
    entries = tuple(reader.entry(i, item) for i, item in enumerate(document["dayEntries"]))
    skipped = (Notice("photos", reader.photos, "photos are not imported"),) if reader.photos else ()
    return ImportResult(
        format=FORMAT, entries=entries, skipped=skipped, mood_labels=dict(reader.labels)
    )
