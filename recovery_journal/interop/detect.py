"""Which importer a file needs, decided from its content (never from its name), and ``read``.

Zip archives are told apart by their member names, JSON by its top-level keys, CSV by its header,
jrnl by its date lines or its encryption header. Files of apps we do not import yet (Bearable,
eMoods, Pixels, Day One Classic) are recognised and refused with a plain explanation, and asking
for one importer on another app's file is refused with the right importer's name.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable, Mapping
from typing import Any

from recovery_journal.interop import daylio_backup, daylio_csv, dayone, jrnl_json, jrnl_text
from recovery_journal.interop.guard import SafeZip, decode_text, is_zip, load_json
from recovery_journal.interop.jrnl_crypto import encryption_version
from recovery_journal.interop.jrnl_dates import fitting_families
from recovery_journal.interop.records import ImportRefused, ImportResult, Position

OWN_EXPORT = "json"
#: Every format name ``detect`` can answer, with how the person would call it.
FORMATS: Mapping[str, str] = {
    "daylio-csv": "a Daylio CSV export",
    "daylio-backup": "a Daylio backup (.daylio)",
    "jrnl": "a jrnl journal",
    "jrnl-json": "a jrnl JSON export",
    "dayone": "a Day One JSON export",
    OWN_EXPORT: "a Recovery Journal JSON export",
}
_NOT_YET = {
    "bearable": "Bearable exports cannot be imported yet.",
    "emoods": "eMoods backups cannot be imported yet.",
    "pixels": "Pixels backups cannot be imported yet.",
    "dayone-classic": "Day One Classic journals cannot be imported; export JSON from Day One.",
}
_BASE64_JSON = re.compile(rb"^\s*eyJ[A-Za-z0-9+/=\s]*$")
_JRNL_HEADER = re.compile(r"^\[([^\]\n]{1,60})\](?: |$)", re.MULTILINE)


def _refuse_unknown(reason: str, hint: str = "") -> ImportRefused:
    return ImportRefused("unknown_format", reason, hint=hint)


def _zip_kind(data: bytes) -> str:
    archive = SafeZip(data)
    names = archive.names
    if daylio_backup.MEMBER in names:
        return "daylio-backup"
    lowered = [name.lower() for name in names]
    if any(name.endswith(".doentry") for name in lowered):
        return "dayone-classic"
    if any(name == "entry.csv" or name.endswith("/entry.csv") for name in lowered):
        return "emoods"
    members = dayone.journal_members(archive)
    if members and dayone.looks_like(load_json(archive.read(members[0]), member=members[0])):
        return "dayone"
    raise _refuse_unknown("this zip archive is not an export this app can import.")


def _json_kind(document: Any) -> str:
    if isinstance(document, dict):
        if document.get("format") == "recovery-journal-export":
            return OWN_EXPORT
        if dayone.looks_like(document):
            return "dayone"
        if jrnl_json.looks_like(document):
            return "jrnl-json"
        if "dayEntries" in document and "customMoods" in document:
            return "daylio-backup"
    first = document[0] if isinstance(document, list) and document else None
    if isinstance(first, dict) and ("scores" in first or "entries" in first):
        return "pixels"
    raise _refuse_unknown("this JSON is not an export this app can import.")


def _text_kind(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip().lower()
    if daylio_csv.looks_like(text[:300]):
        return "daylio-csv"
    if first.startswith("date,") and "category" in first and "rating/amount" in first:
        return "bearable"
    if first.startswith("id,date (yyyy-mm-dd)"):
        return "emoods"
    if any(fitting_families(m.group(1)) for m in _JRNL_HEADER.finditer(text)):
        return "jrnl"
    if jrnl_text.looks_like_legacy(text):
        return "jrnl"
    return None


def _kind(data: bytes) -> str:
    if not data.strip():
        raise ImportRefused("empty", "the file is empty.")
    if is_zip(data):
        return _zip_kind(data)
    if encryption_version(data) in ("v2", "v3"):
        return "jrnl"
    if _BASE64_JSON.match(data[:4096]):
        try:
            daylio_backup.backup_json_bytes(data)
            return "daylio-backup"
        except (ImportRefused, binascii.Error):
            pass  # not a bare backup member after all; fall through to text
    text = decode_text(data)
    start = text.lstrip()[:1]
    kind = _text_kind(text)
    if kind is not None:
        return kind
    if start == "[" and _JRNL_HEADER.match(text.lstrip()):
        raise ImportRefused(
            "no_entries",
            "this looks like a jrnl journal, but none of its date lines can be read.",
            Position(line=1),
            hint="Change jrnl's timeformat to %Y-%m-%d %H:%M and export again.",
        )
    if start in ("{", "["):
        return _json_kind(load_json(data))
    raise _refuse_unknown(
        "this file is not an export this app can import.",
        hint="Import a Daylio CSV or backup, a jrnl journal or JSON export, or a Day One "
        "JSON export (zip).",
    )


def detect(data: bytes) -> str:
    """The format name of ``data`` (a key of :data:`FORMATS`), or :class:`ImportRefused`."""
    kind = _kind(data)
    if kind in _NOT_YET:
        raise ImportRefused("not_supported", _NOT_YET[kind])
    return kind


def needs_password(data: bytes) -> bool:
    """Whether ``data`` is an encrypted jrnl journal (ask for its jrnl password first)."""
    return encryption_version(data) in ("v2", "v3")


def read(
    data: bytes,
    format: str = "auto",
    *,
    mood_map: Mapping[str, int] | None = None,
    password: str | None = None,
) -> ImportResult:
    """Read a whole file in memory with the right importer (phase 1 of an import).

    ``format`` is ``"auto"`` or a key of :data:`FORMATS`; a file that is clearly another kind
    is refused with the right importer's name. ``mood_map`` (Daylio CSV only) maps mood words to
    0-10; ``password`` opens an encrypted jrnl journal.
    """
    if format == "auto":
        format = detect(data)
    elif format not in FORMATS:
        raise ImportRefused("unknown_format", "this import format is not known.")
    else:
        _check_kind(data, format)
    readers: dict[str, Callable[[], ImportResult]] = {
        "daylio-csv": lambda: daylio_csv.read_daylio_csv(data, mood_map=mood_map),
        "daylio-backup": lambda: daylio_backup.read_daylio_backup(data),
        "jrnl": lambda: jrnl_text.read_jrnl(data, password=password),
        "jrnl-json": lambda: jrnl_json.read_jrnl_json(data),
        "dayone": lambda: dayone.read_dayone(data),
    }
    if format not in readers:
        raise ImportRefused(
            "own_export",
            "this is a Recovery Journal export; it is imported as a whole journal, not here.",
        )
    return readers[format]()


def _check_kind(data: bytes, wanted: str) -> None:
    try:
        found = _kind(data)
    except ImportRefused:
        return  # the chosen importer will say what is wrong, with its position
    if found != wanted:
        name = FORMATS.get(found) or _NOT_YET[found]
        raise ImportRefused(
            "wrong_format",
            f"this is not {FORMATS[wanted]}.",
            Position(),
            hint=f"It looks like {name}" if found in FORMATS else name,
        )
