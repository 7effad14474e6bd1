"""Reading the clock times and dates other apps write (12/24-hour, localised month names)."""

from __future__ import annotations

import datetime as dt
import re

_CLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:([AaPp])\.?\s?[Mm]\.?)?\s*$")


def parse_clock(text: str) -> str | None:
    """``HH:MM`` or ``HH:MM:SS`` from ``20:39``, ``5:01 PM``, ``11:54 pm``, ``12:00 AM`` (midnight);
    None when it is not a clock time."""
    match = _CLOCK.match(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    second = match.group(3)
    half = match.group(4)
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half in "Pp" else 0)
    if hour > 23 or minute > 59 or (second is not None and int(second) > 59):
        return None
    return f"{hour:02d}:{minute:02d}" + (f":{int(second):02d}" if second is not None else "")


# Month names as Daylio's localised `date` column writes them (V1 files only), lower-cased.
_MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    # Polish (genitive, as in "7 września") and nominative
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada "
    "grudnia",
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad "
    "grudzień",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
):
    for _number, _word in enumerate(_names.split(), start=1):
        _MONTHS.setdefault(_word, _number)
_MONTHS["sept"] = 9

_DAY_MONTH = re.compile(r"^\s*(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]+)\.?\s*$")
_MONTH_DAY = re.compile(r"^\s*([^\W\d_]+)\.?\s+(\d{1,2})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_iso_date(text: str) -> dt.date | None:
    """A date from strict ``YYYY-MM-DD``, or None."""
    match = _ISO.match(text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def parse_day_and_month(year: int, text: str) -> dt.date | None:
    """A date from a year and a localised ``28 September`` / ``June 22`` / ``7 września``."""
    iso = parse_iso_date(text)
    if iso is not None:
        return iso
    day_month = _DAY_MONTH.match(text)
    month_day = _MONTH_DAY.match(text)
    if day_month:
        day, word = int(day_month.group(1)), day_month.group(2)
    elif month_day:
        day, word = int(month_day.group(2)), month_day.group(1)
    else:
        return None
    month = _MONTHS.get(word.casefold())
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
