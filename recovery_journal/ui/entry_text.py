"""How an entry reads in a list: its heading, a plain preview, search snippets and days.

Pure text helpers (no model, no database) shared by the Journal list, its delegate and Today.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Final

from PySide6.QtCore import QLocale

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.entries import MATCH_END, MATCH_START, Entry
from recovery_journal.ui.qt_dates import to_qdate

PREVIEW_CHARS: Final = 180

_MARKDOWN_LEAD = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|>\s*|\d+[.)]\s+)")
_MARKDOWN_INLINE = re.compile(r"\*\*|__|`")
_SPACES = re.compile(r"\s+")


def _plain_line(line: str) -> str:
    return _SPACES.sub(" ", _MARKDOWN_INLINE.sub("", _MARKDOWN_LEAD.sub("", line))).strip()


def entry_heading(entry: Entry) -> str:
    """The title, or else the first line of the body without its Markdown marks ('' if none)."""
    if entry.title.strip():
        return entry.title.strip()
    for line in entry.body.splitlines():
        if plain := _plain_line(line):
            return plain
    return ""


def body_preview(entry: Entry, limit: int = PREVIEW_CHARS) -> str:
    """The start of the body as one plain line, skipping the line used as the heading."""
    lines = [p for p in (_plain_line(line) for line in entry.body.splitlines()) if p]
    if not entry.title.strip() and lines:
        lines = lines[1:]
    text = " ".join(lines)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_marked(text: str) -> list[tuple[str, bool]]:
    """``text`` with match markers as (piece, matched) pairs; markers removed."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(text.split(MATCH_START)):
        if i == 0:
            pieces.append((part, False))
            continue
        matched, _, rest = part.partition(MATCH_END)
        pieces += [(matched, True), (rest, False)]
    return [(_SPACES.sub(" ", p), m) for p, m in pieces if p]


def lead_to_match(snippet: str, words_before: int = 3) -> str:
    """The snippet starting a few words before its first match, so narrow rows still show it."""
    before, marker, rest = snippet.partition(MATCH_START)
    if not marker:
        return snippet
    kept = before.split()[-words_before:] if words_before else []
    if len(kept) == len(before.split()):
        return snippet
    lead = " ".join(kept)
    return f"…{lead}{' ' if lead else ''}{marker}{rest}"


def snippet_html(snippet: str) -> str:
    """A search snippet as safe HTML: matched words in ``<b>``, all journal text escaped."""
    return "".join(
        f"<b>{html.escape(p)}</b>" if matched else html.escape(p)
        for p, matched in split_marked(snippet)
    )


def format_day(day: date, *, short: bool = False) -> str:
    """A day in the person's language: 'Tue 3 Feb 2026', or 'Tue 3 Feb' when ``short`` and the
    day is in the current year."""
    same_year = short and day.year == local_today().year
    return QLocale().toString(to_qdate(day), "ddd d MMM" if same_year else "ddd d MMM yyyy")
