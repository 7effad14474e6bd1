"""The open exporters: entries CSV, daily CSV and Markdown, read back as a person's tools would."""

from __future__ import annotations

import csv
import io
from typing import Any

from recovery_journal.interop.export_csv import (
    DAILY_COLUMNS,
    ENTRY_COLUMNS,
    daily_csv,
    entries_csv,
    safe_cell,
)
from recovery_journal.interop.export_markdown import markdown_file, markdown_years


def entry(ident: int, day: str, body: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": ident,
        "local_date": day,
        "local_time": "21:15",
        "utc_offset_minutes": 60,
        "title": "",
        "body": body,
        "mood": None,
        "anxiety": None,
        "energy": None,
        "sleep_hours": None,
        "sleep_quality": None,
        "emotions": [],
        "tags": [],
        "starred": False,
        "bring_to_therapy": False,
        "source": None,
        "created_utc": "2024-03-02T20:15:00Z",
        "updated_utc": "2024-03-02T20:15:00Z",
        "deleted_utc": None,
    }
    base.update(fields)
    return base


ENTRIES = [
    entry(
        1,
        "2023-12-31",
        "Line one,\n“quoted” and 🌱 שלום",
        title="Year end",
        mood=7,
        sleep_hours=7.5,
        emotions=[{"name": "calm", "intensity": 6}],
        tags=["walk", "family"],
        starred=True,
    ),
    entry(2, "2024-01-01", "=SUM(A1:A9)", source={"app": "daylio", "id": "k", "mood_label": "meh"}),
    entry(3, "2024-01-02", "in the trash", deleted_utc="2024-01-03T00:00:00Z"),
]


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, for spreadsheets
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


def test_entries_csv_has_one_row_per_entry_not_in_the_trash() -> None:
    rows = _rows(entries_csv(ENTRIES))
    assert list(rows[0]) == list(ENTRY_COLUMNS)
    assert [r["id"] for r in rows] == ["1", "2"]
    first = rows[0]
    assert first["body"] == "Line one,\n“quoted” and 🌱 שלום"
    assert (first["mood"], first["sleep_hours"], first["starred"]) == ("7", "7.5", "yes")
    assert (first["tags"], first["emotions"], first["time"]) == ("walk; family", "calm:6", "21:15")
    assert rows[1]["source_mood_label"] == "meh" and rows[1]["mood"] == ""
    assert rows[1]["body"] == "'=SUM(A1:A9)"  # never run as a formula


def test_formula_guard_leaves_ordinary_text_and_markdown_lists_alone() -> None:
    assert safe_cell("- a list item") == "- a list item"
    assert safe_cell("-1+1") == "'-1+1"
    assert safe_cell("@cmd") == "'@cmd"
    assert safe_cell("plain") == "plain"


def test_daily_csv_writes_the_days_it_is_given() -> None:
    days = [
        {"date": "2024-01-01", "entries": 2, "mood_mean": 5.5, "mood_min": 4, "mood_max": 7},
        {"date": "2024-01-02", "entries": 0, "trigger_events": 1, "warning_signs_crisis": 1},
    ]
    rows = _rows(daily_csv(days))
    assert list(rows[0]) == list(DAILY_COLUMNS)
    assert (rows[0]["mood_mean"], rows[0]["mood_max"], rows[0]["coping_uses"]) == ("5.5", "7", "")
    assert (rows[1]["trigger_events"], rows[1]["warning_signs_crisis"]) == ("1", "1")


def test_markdown_is_one_readable_document_by_year_and_day() -> None:
    text = markdown_file(ENTRIES).decode("utf-8")
    assert text.startswith("# Recovery Journal\n")
    assert text.index("# 2023") < text.index("## 2023-12-31") < text.index("# 2024")
    assert "### 21:15 Year end" in text
    assert "*Mood 7/10 · Sleep 7.5 h · calm 6/10 · #walk #family · ★ starred*" in text
    assert "Mood word “meh”" in text
    assert "in the trash" not in text
    assert "Line one,\n“quoted” and 🌱 שלום" in text


def test_markdown_per_year_gives_one_file_a_year() -> None:
    files = markdown_years(ENTRIES)
    assert sorted(files) == ["2023.md", "2024.md"]
    assert files["2024.md"].decode().startswith("# 2024\n\n## 2024-01-01\n")
    assert markdown_years([]) == {}
