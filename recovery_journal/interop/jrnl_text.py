"""jrnl's plain-text journal (IMPORT-FORMATS §2.1), plain or encrypted.

An entry starts at a line ``[<date>] `` whose date reads as a date; a bracketed line that does not
is body text (``[1] line starting with 1``). The time format is whichever family reads most
headers; day/month against month/day is refused as ambiguous rather than guessed. The title/body
split follows jrnl (first line, or the first sentence of a one-line entry), without jrnl's
off-by-indent bug; a trailing ``*`` stars the entry; ``@``/``#`` tags are lower-cased. jrnl 1.x
journals (dates without brackets) are read too. Text before the first date is refused, never
dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from recovery_journal.interop.guard import decode_text
from recovery_journal.interop.jrnl_crypto import decrypt, encryption_version
from recovery_journal.interop.jrnl_dates import (
    FAMILIES,
    Stamp,
    date_shaped,
    fitting_families,
    read_stamp,
)
from recovery_journal.interop.keys import KeyMaker
from recovery_journal.interop.markup import newlines
from recovery_journal.interop.records import (
    ImportedEntry,
    ImportRefused,
    ImportResult,
    Notice,
    Position,
)

FORMAT = "jrnl"
_HEADER = re.compile(r"^\[([^\]\n]{1,60})\](?: |$)", re.MULTILINE)
_LEGACY = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2})(?: |$)",
    re.MULTILINE,
)
_SENTENCE = re.compile(
    "[.!?\u2026\u203c\u203d\u2047\u2048\u2049\u22ef\ufe52\ufe57]['\u2019\"\u201d]?[\\])]*\\s+"
    "|[\uff01\uff0e\uff1f\uff61\u3002]"
)
_TAG = re.compile(r"(?<!\S)[@#]((?=[-+*#/\w]*\w)[-+*#/\w]+)")


@dataclass(frozen=True, slots=True)
class _Header:
    start: int  # where the "[" is
    end: int  # where the entry's text begins
    stamp: Stamp


def split_title(text: str) -> tuple[str, str]:
    """jrnl's split: the first line if there is a newline, else the first sentence."""
    text = text.lstrip(" \t")
    if "\n" in text:
        title, body = text.split("\n", 1)
        return title.strip(), body.strip()
    sentence = _SENTENCE.search(text)
    if sentence:
        return text[: sentence.end()].strip(), text[sentence.end() :].strip()
    return text.strip(), ""


def entry_parts(text: str) -> tuple[str, str, bool, tuple[str, ...]]:
    """(title, body, starred, tags) of one entry's text."""
    lines = text.split("\n")
    starred = lines[0].strip().endswith("*")
    if starred:
        text = lines[0].strip().rstrip(" *") + "\n" + "\n".join(lines[1:])
    title, body = split_title(text)
    tags = tuple(dict.fromkeys(tag.lower() for tag in _TAG.findall(text)))
    return title, body, starred, tags


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _headers(text: str, legacy: bool) -> list[_Header]:
    if legacy:
        return _legacy_headers(text)
    found = [(m, fitting_families(m.group(1))) for m in _HEADER.finditer(text)]
    for match, families in found:
        if not families and date_shaped(match.group(1)):
            raise ImportRefused(
                "bad_date",
                "this entry's date does not exist (check the day, month and time).",
                Position(line=_line_of(text, match.start())),
            )
    counts = Counter(family for _, families in found for family in families)
    if not counts:
        return _legacy_headers(text)
    best = max(FAMILIES, key=lambda family: (counts[family], -FAMILIES.index(family)))
    for rival in FAMILIES:
        if rival == best or counts[rival] != counts[best]:
            continue
        for match, _families in found:
            one, two = read_stamp(match.group(1), best), read_stamp(match.group(1), rival)
            if one is not None and two is not None and one != two:
                raise ImportRefused(
                    "ambiguous_dates",
                    "the dates could be read as day/month or as month/day.",
                    Position(line=_line_of(text, match.start())),
                    hint="Change jrnl's timeformat to %Y-%m-%d %H:%M and export again.",
                )
    headers = []
    for match, families in found:
        if families:
            family = best if best in families else families[0]
            stamp = read_stamp(match.group(1), family)
            assert stamp is not None
            headers.append(_Header(match.start(), match.end(), stamp))
    return headers


def _legacy_headers(text: str) -> list[_Header]:
    headers = []
    for match in _LEGACY.finditer(text):
        families = fitting_families(match.group(1))
        if families:
            stamp = read_stamp(match.group(1), families[0])
            assert stamp is not None
            headers.append(_Header(match.start(), match.end(), stamp))
    return headers


def _entry(text: str, stamp: Stamp, keys: KeyMaker) -> ImportedEntry:
    title, body, starred, tags = entry_parts(text)
    return ImportedEntry(
        local_date=stamp.day,
        local_time=stamp.time,
        utc_offset_minutes=None,
        title=title,
        body=body,
        mood=None,
        tags=tags,
        starred=starred,
        source_app="jrnl",
        # The JSON export has minutes only: keys match between the two.
        source_id=keys.key(stamp.day.isoformat(), (stamp.time or "")[:5], title, body),
    )


def looks_like_legacy(text: str) -> bool:
    """Whether the text starts like a jrnl 1.x journal (a date line without brackets)."""
    match = _LEGACY.match(newlines(text).lstrip("\n"))
    return match is not None and bool(fitting_families(match.group(1)))


def parse_jrnl_text(text: str, *, version: str | None = None) -> ImportResult:
    """The entries of a jrnl text journal (already decrypted)."""
    text = newlines(text)
    if not text.strip():
        return ImportResult(format=FORMAT, entries=())
    # jrnl 1.x wrote dates without brackets (and its encryption, v1, implies that format).
    legacy = version == "v1" or _LEGACY.match(text.lstrip("\n")) is not None
    headers = _headers(text, legacy)
    if not headers:
        raise ImportRefused(
            "no_entries",
            "no line starts with a date, so this does not look like a jrnl journal.",
            Position(line=1),
        )
    preamble = text[: headers[0].start]
    if preamble.strip():
        raise ImportRefused(
            "text_before_first_entry",
            "there is text before the first dated entry; it would be lost.",
            Position(line=_line_of(text, len(preamble) - len(preamble.lstrip()))),
            hint="Add a date line such as [2024-01-01 09:00] above it, or remove it.",
        )
    keys = KeyMaker("jrnl")
    # Like jrnl, the newline before the next header is not part of an entry.
    stops = [header.start - 1 for header in headers[1:]] + [len(text)]
    entries = tuple(
        _entry(text[header.end : max(stop, header.end)], header.stamp, keys)
        for header, stop in zip(headers, stops, strict=True)
    )
    notes = (Notice("decrypted", 1, f"decrypted (jrnl {version} encryption)"),) if version else ()
    return ImportResult(format=FORMAT, entries=entries, notes=notes)


def read_jrnl(data: bytes, *, password: str | None = None) -> ImportResult:
    """Read a jrnl text journal, decrypting it first when it is encrypted."""
    version = encryption_version(data)
    if version is not None:
        data, version = decrypt(data, password)
    return parse_jrnl_text(decode_text(data), version=version)
