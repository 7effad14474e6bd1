"""Plain words for the printed pages: stored codes to display words, dates written out, numbers.

The journal stores stable codes (``breaking_down``, ``halt``); the pages say them with the app's
own words (:mod:`recovery_journal.words`). Dates are written out ("3 March 2026") so no reader
confuses day and month.
"""

from __future__ import annotations

from datetime import date

from recovery_journal import words
from recovery_journal.domain.statistics import Association
from recovery_journal.domain.tracking import TriggerCategory, WarningStage

DISCLAIMER = "Prepared by me with Recovery Journal — not a clinical assessment"
MOOD_SCALE = "Mood: 0 = the worst I can imagine, 10 = the best"
DISTRESS_SCALE = "Distress: 0 = none, 10 = the most I can imagine"


def day(value: date) -> str:
    """3 March 2026."""
    return f"{value.day} {value:%B %Y}"


def short_day(value: date) -> str:
    """3 Mar."""
    return f"{value.day} {value:%b}"


def period(start: date, end: date) -> str:
    if start == end:
        return day(start)
    if start.year == end.year:
        first = f"{start.day} {start:%B}" if start.month != end.month else f"{start.day}"
        return f"{first} – {day(end)}"
    return f"{day(start)} – {day(end)}"


def one_decimal(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def change(now: float | None, before: float | None, *, decimals: int = 1) -> str:
    """'+0.4', '−2', 'same', or '—' when either side is missing."""
    if now is None or before is None:
        return "—"
    delta = round(now - before, decimals)
    if delta == 0:
        return "same"
    text = f"{abs(delta):.{decimals}f}"
    return f"+{text}" if delta > 0 else f"−{text}"


def times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def category(code: str) -> str:
    """A trigger category as it reads in a sentence ("people", "hungry, angry, lonely, tired")."""
    word = words.word_for(TriggerCategory, code)
    return word if code == TriggerCategory.HALT.value else word[:1].lower() + word[1:]


def stage(code: str) -> str:
    return words.word_for(WarningStage, code)


def factor(found: Association) -> str:
    """What an association is about, as it starts a sentence ("#walk", "Using “Box
    breathing”", "A trigger (people)") — the Insights page's factors in the same words."""
    phrase = words.factor_words(found.kind, found.factor)
    return phrase[:1].upper() + phrase[1:]


def association(found: Association) -> str:
    """One called-out association in plain words, with its n on both sides (never a cause)."""
    better = "better" if found.difference > 0 else "lower"
    when = "the next day" if found.lag_days else "the same day"
    return (
        f"{factor(found)} seems to go with {better} mood {when}: "
        f"{found.mean_with:.1f} on average with it (n = {days(found.n_with)}), "
        f"{found.mean_without:.1f} without (n = {days(found.n_without)}); "
        f"difference {found.difference:+.1f}, "
        f"95 % interval {found.ci_low:+.1f} to {found.ci_high:+.1f}."
    )
