"""Property tests: what a real exporter writes is read back field for field.

The Daylio CSV is written with Python's csv module the way Daylio quotes it; the jrnl journal is
written exactly as jrnl writes (``"[date] title *\\nbody\\n"`` joined by a blank line).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.interop import read_daylio_csv, read_jrnl

WORD = (
    st.text(
        alphabet=st.characters(
            whitelist_categories=("L", "N"),
            whitelist_characters="-'’()/.,!?😀 ",
            max_codepoint=0x1F600,
        ),
        min_size=1,
        max_size=12,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
NOTE = st.lists(WORD, max_size=6).map("\n".join)
DAYS = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))


@st.composite
def daylio_rows(draw: st.DrawFn) -> dict[str, object]:
    return {
        "day": draw(DAYS),
        "hour": draw(st.integers(0, 23)),
        "minute": draw(st.integers(0, 59)),
        "twelve_hour": draw(st.booleans()),
        "mood": draw(WORD),
        "activities": draw(st.lists(WORD.filter(lambda w: "|" not in w), max_size=4)),
        "title": draw(WORD | st.just("")),
        "note": draw(NOTE),
    }


def _clock(row: dict[str, object]) -> str:
    hour, minute = int(row["hour"]), int(row["minute"])  # type: ignore[call-overload]
    if row["twelve_hour"]:
        return f"{(hour % 12) or 12}:{minute:02d} {'PM' if hour >= 12 else 'AM'}"
    return f"{hour:02d}:{minute:02d}"


@settings(max_examples=100, deadline=None)
@given(st.lists(daylio_rows(), min_size=1, max_size=8), st.booleans())
def test_daylio_csv_rows_read_back(rows: list[dict[str, object]], crlf: bool) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(
        ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
    )
    for row in rows:
        day = row["day"]
        assert isinstance(day, dt.date)
        activities = " | ".join(row["activities"])  # type: ignore[arg-type]
        writer.writerow(
            [
                day.isoformat(),
                "x",
                "x",
                _clock(row),
                row["mood"],
                activities,
                row["title"],
                row["note"],
            ]
        )
    entries = read_daylio_csv(("\ufeff" + buffer.getvalue()).encode("utf-8")).entries
    assert len(entries) == len(rows)
    for entry, row in zip(entries, rows, strict=True):
        assert entry.local_date == row["day"]
        assert entry.local_time == f"{row['hour']:02d}:{row['minute']:02d}"
        assert entry.mood_label == row["mood"]
        assert entry.tags == tuple(dict.fromkeys(cast("list[str]", row["activities"])))
        assert entry.title == row["title"]
        assert entry.body == str(row["note"]).strip()


TITLE = WORD.filter(lambda w: not w.endswith("*") and "[" not in w)


@st.composite
def jrnl_entries(draw: st.DrawFn) -> tuple[dt.datetime, str, str, bool]:
    when = dt.datetime.combine(
        draw(DAYS), dt.time(draw(st.integers(0, 23)), draw(st.integers(0, 59)))
    )
    return when, draw(TITLE), draw(NOTE).strip(), draw(st.booleans())


@settings(max_examples=100, deadline=None)
@given(st.lists(jrnl_entries(), min_size=1, max_size=8))
def test_jrnl_journals_read_back(entries: list[tuple[dt.datetime, str, str, bool]]) -> None:
    entries.sort(key=lambda e: e[0])  # jrnl sorts by date before writing
    written = "\n".join(
        f"[{when:%Y-%m-%d %H:%M}] {title}{' *' if starred else ''}"
        + (f"\n{body}" if body else "")
        + "\n"
        for when, title, body, starred in entries
    )
    read_back = read_jrnl(written.encode("utf-8")).entries
    assert [(e.local_date, e.local_time) for e in read_back] == [
        (when.date(), f"{when:%H:%M}") for when, *_ in entries
    ]
    assert [(e.title, e.body, e.starred) for e in read_back] == [
        (title, body, starred) for _, title, body, starred in entries
    ]
