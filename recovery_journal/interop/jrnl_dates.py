"""The date stamps jrnl writes in its text journals (its ``timeformat`` is configurable).

jrnl writes ``[<date>] `` with any strftime pattern the person configured; the default is
``%Y-%m-%d %H:%M``. We read the common families with regular expressions (not ``strptime``, whose
``%p`` and ``%b`` follow the process locale, which Qt changes): ISO with ``-``/``/``/``T``,
``dd.mm.yyyy``, ``dd/mm/yyyy`` and ``mm/dd/yyyy``, English month names, 12/24-hour clocks with
optional seconds, and dates without a time.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from recovery_journal.interop.clock import parse_clock

_TIME = r"(?:[ T,]\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?))?"
_WEEKDAY = r"(?:[A-Za-z]{3,9},?\s+)?"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

# (family, pattern); families that read the same text differently are ambiguous together.
_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"^\s*{pattern}{_TIME}\s*$"))
    for name, pattern in (
        ("iso", r"(?P<Y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
        ("iso-slash", r"(?P<Y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"),
        ("day.month.year", r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<Y>\d{4})"),
        ("day/month/year", r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<Y>\d{4})"),
        ("month/day/year", r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<Y>\d{4})"),
        ("day-month-year", r"(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<Y>\d{4})"),
        (
            "month-name",
            rf"{_WEEKDAY}(?P<b>[A-Za-z]{{3,9}})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<Y>\d{{4}}),?",
        ),
        (
            "name-month",
            rf"{_WEEKDAY}(?P<d>\d{{1,2}})\.?\s+(?P<b>[A-Za-z]{{3,9}})\.?,?\s+(?P<Y>\d{{4}}),?",
        ),
    )
)
FAMILIES = tuple(name for name, _ in _FAMILIES)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date stamp read from a header: the day and the clock time as written (or None)."""

    day: dt.date
    time: str | None


def _read(pattern: re.Pattern[str], text: str) -> Stamp | None:
    match = pattern.match(text)
    if not match:
        return None
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else _MONTHS.get((groups.get("b") or "").lower())
    if month is None:
        return None
    try:
        day = dt.date(int(groups["Y"]), month, int(groups["d"]))
    except ValueError:
        return None
    clock = None
    if groups.get("time"):
        clock = parse_clock(groups["time"])
        if clock is None:
            return None
    return Stamp(day, clock)


@functools.lru_cache(maxsize=4096)
def stamps(text: str) -> Mapping[str, Stamp]:
    """Every family that reads ``text`` as a date, with what it reads (insertion = FAMILIES)."""
    if len(text) > 60:
        return MappingProxyType({})
    found = {name: _read(pattern, text) for name, pattern in _FAMILIES}
    return MappingProxyType({name: stamp for name, stamp in found.items() if stamp is not None})


def read_stamp(text: str, family: str) -> Stamp | None:
    """The stamp in ``text`` read as ``family``, or None when it does not fit."""
    return stamps(text).get(family)


def fitting_families(text: str) -> tuple[str, ...]:
    """Every family that reads ``text`` as a date."""
    return tuple(stamps(text))


def date_shaped(text: str) -> bool:
    """Whether ``text`` has the shape of a date stamp even if it is not a real one
    (``2024-02-30 10:00``, ``2024-01-05 25:00``): such a header is a mistake, not body text."""
    return len(text) <= 60 and any(pattern.match(text) for _, pattern in _FAMILIES)
