"""Day One's JSON export: a zip with one JSON file per journal (IMPORT-FORMATS §6).

The wall-clock time comes from ``creationDate`` (UTC) in the entry's ``timeZone`` (IANA, via
zoneinfo). When the zone is missing or this computer has no time zone data for it (Windows without
``tzdata``), the time is kept in UTC with no offset and the result says so. Markdown escapes and
photo placeholders are cleaned, a first-line heading becomes the title, tags and the star are kept;
photos, audio, video and PDFs are not imported and are counted; places and weather are left out.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections import Counter
from typing import Any

from recovery_journal.interop.guard import SafeZip, is_zip, load_json
from recovery_journal.interop.markup import dayone_markdown, newlines
from recovery_journal.interop.records import (
    ImportedEntry,
    ImportRefused,
    ImportResult,
    Notice,
    Position,
)

FORMAT = "dayone"
_INSTANT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MEDIA_KEYS = ("photos", "audios", "videos", "pdfAttachments")
_MAX_ZONE_CACHE = 512


def looks_like(document: Any) -> bool:
    """Whether parsed JSON is a Day One export (``metadata.version`` and ``entries``)."""
    return (
        isinstance(document, dict)
        and isinstance(document.get("metadata"), dict)
        and "version" in document["metadata"]
        and isinstance(document.get("entries"), list)
    )


def journal_members(archive: SafeZip) -> list[str]:
    """The journal JSON files of an export (media folders hold no JSON)."""
    return sorted(
        name
        for name in archive.names
        if name.lower().endswith(".json") and not name.startswith(("__MACOSX/", "._"))
    )


class _Reader:
    """Reads entries of one or more journal files, counting what it leaves out."""

    def __init__(self) -> None:
        self.entries: list[ImportedEntry] = []
        self.skipped: Counter[str] = Counter()
        self.zone_missing = 0
        self._zones: dict[str, zoneinfo.ZoneInfo | None] = {}

    def zone(self, name: Any) -> zoneinfo.ZoneInfo | None:
        """The zone of that IANA name, or None when missing or unknown on this computer."""
        if not isinstance(name, str) or not name or len(name) > 64:
            return None
        if name in self._zones:
            return self._zones[name]
        try:
            zone: zoneinfo.ZoneInfo | None = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError, UnicodeError):
            zone = None  # e.g. Windows without the tzdata package
        if len(self._zones) < _MAX_ZONE_CACHE:
            self._zones[name] = zone
        return zone

    def local(self, utc: dt.datetime, zone_name: Any) -> tuple[dt.datetime, int | None]:
        """Wall-clock time and offset in minutes; UTC and None when the zone is unknown."""
        zone = self.zone(zone_name)
        if zone is None:
            self.zone_missing += 1
            return utc, None
        local = utc.astimezone(zone)
        delta = local.utcoffset()
        return local, round(delta.total_seconds() / 60) if delta is not None else None

    def journal(self, document: Any, member: str | None) -> None:
        if not looks_like(document):
            raise ImportRefused(
                "wrong_format", "this JSON is not a Day One export.", Position(member=member)
            )
        for index, item in enumerate(document["entries"]):
            self.entries.append(self.entry(item, Position(key=f"entries[{index}]", member=member)))

    def entry(self, item: Any, where: Position) -> ImportedEntry:
        def refuse(key: str, reason: str) -> ImportRefused:
            return ImportRefused(
                "bad_entry", reason, Position(key=f"{where.key}.{key}", member=where.member)
            )

        if not isinstance(item, dict):
            raise ImportRefused("bad_entry", "an entry was expected here.", where)
        uuid = item.get("uuid")
        if not isinstance(uuid, str) or not uuid.strip() or len(uuid) > 200:
            raise refuse("uuid", "the entry has no id.")
        utc = _instant(item.get("creationDate"))
        if utc is None:
            raise refuse("creationDate", "this is not a time written as YYYY-MM-DDTHH:MM:SSZ.")
        local, offset = self.local(utc, item.get("timeZone"))
        text = item.get("text", "")
        if text is not None and not isinstance(text, str):
            raise refuse("text", "text was expected here.")
        title, body, placeholders = _title_and_body(text or "")
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise refuse("tags", "a list of tags was expected here.")
        starred = item.get("starred", False)
        if not isinstance(starred, bool):
            raise refuse("starred", "true or false was expected here.")
        self._count_left_out(item, placeholders)
        return ImportedEntry(
            local_date=local.date(),
            local_time=local.strftime("%H:%M:%S"),
            utc_offset_minutes=offset,
            title=title,
            body=body,
            mood=None,
            tags=tuple(dict.fromkeys(" ".join(tag.split()) for tag in tags if tag.strip())),
            starred=starred,
            source_app="dayone",
            source_id=f"dayone:{uuid.strip()}",
        )

    def _count_left_out(self, item: dict[str, Any], placeholders: int) -> None:
        media = sum(len(item[key]) for key in MEDIA_KEYS if isinstance(item.get(key), list))
        self.skipped["media"] += max(media, placeholders)
        for key in ("location", "weather"):
            if item.get(key):
                self.skipped[key] += 1

    def result(self) -> ImportResult:
        reasons = {
            "media": "photos, audio, video and PDFs are not imported",
            "location": "places are not imported",
            "weather": "weather is not imported",
        }
        skipped = tuple(
            Notice(code, self.skipped[code], reason)
            for code, reason in reasons.items()
            if self.skipped[code]
        )
        notes: tuple[Notice, ...] = ()
        if self.zone_missing:
            reason = (
                "the time zone is missing or unknown on this computer (installing tzdata "
                "helps on Windows): times kept in UTC"
            )
            notes = (Notice("timezone_unknown", self.zone_missing, reason),)
        return ImportResult(
            format=FORMAT, entries=tuple(self.entries), skipped=skipped, notes=notes
        )


def _instant(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    match = _INSTANT.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    if not 1900 <= year <= 9000:
        return None
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
    except ValueError:
        return None


def _title_and_body(text: str) -> tuple[str, str, int]:
    """(title, body, photo placeholders) — the title is a first-line Markdown heading."""
    text = newlines(text).lstrip("\n\ufffc\u200b ")
    first, _, rest = text.partition("\n")
    if _HEADING.match(first):
        title, title_media = dayone_markdown(
            _without_closing_hashes(_HEADING.sub("", first, count=1)), plain=True
        )
        body, body_media = dayone_markdown(rest)
        return " ".join(title.split()), body, title_media + body_media
    body, media = dayone_markdown(text)
    return "", body, media


def _without_closing_hashes(heading: str) -> str:
    """``Title ##`` → ``Title`` (an ATX heading's optional closing sequence); ``C#`` stays."""
    stripped = heading.rstrip()
    bare = stripped.rstrip("#")
    if bare != stripped and (not bare or bare[-1].isspace()):
        return bare.rstrip()
    return stripped


def read_dayone(data: bytes) -> ImportResult:
    """Read a Day One JSON export (the zip, or one journal's JSON file)."""
    reader = _Reader()
    if is_zip(data):
        archive = SafeZip(data)
        members = journal_members(archive)
        if not members:
            raise ImportRefused(
                "wrong_format", "this zip archive holds no Day One journal (.json)."
            )
        for member in members:
            reader.journal(load_json(archive.read(member), member=member), member)
    else:
        reader.journal(load_json(data), None)
    return reader.result()
