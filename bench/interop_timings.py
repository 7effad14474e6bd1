"""Timings of the open exports and of a large import, for bench/run.py (issue 12).

Exports run on the benchmark journal; the import of ten years of daily Daylio rows (3,650, with
notes and activities, as a synthetic CSV) goes into a new journal beside it, so the other
measurements are not changed by it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from recovery_journal import interop
from recovery_journal.interop import export_csv, export_markdown
from recovery_journal.services import data_export
from recovery_journal.services.access import BackupSettings, KeySettings, create_journal
from recovery_journal.services.files import write_private_file
from recovery_journal.services.importing import import_entries
from recovery_journal.services.session import JournalSession

METRICS = (
    ("export_csv", "Export entries as CSV", 0.5, "≤ 0.5 s"),
    ("export_daily", "Export the daily CSV", 0.5, "≤ 0.5 s"),
    ("export_markdown", "Export Markdown, one file", 0.5, "≤ 0.5 s"),
    ("import_daylio", "Import 3,650 daily Daylio CSV rows (read + backup + write)", 5.0, "≤ 5 s"),
)
_WORDS = ["calm", "walk", "rain", "tired", "friend", "work", "craving", "sleep", "coffee"]


def daylio_csv(days: int = 3650, seed: int = 7) -> bytes:
    """A synthetic Daylio CSV (V3 header), newest first, one row a day with a note."""
    rng = random.Random(seed)
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    end = date(2026, 1, 31)
    for back in range(days):
        day = end - timedelta(days=back)
        note = " ".join(rng.choice(_WORDS) for _ in range(60))
        acts = " | ".join(rng.sample(_WORDS, 3))
        mood = rng.choice(["rad", "good", "meh", "bad", "awful"])
        time_ = f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['am', 'pm'])}"
        lines.append(f'{day},{day:%B %d},{day:%A},{time_},{mood},"{acts}","","{note}"')
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _write_csv(session: JournalSession, target: Path) -> None:
    entries = data_export.entry_documents(session, live_only=True)
    write_private_file(target, export_csv.entries_csv(entries), "the export")


def _write_daily(session: JournalSession, target: Path) -> None:
    write_private_file(target, export_csv.daily_csv(data_export.daily_rows(session)), "export")


def _write_markdown(session: JournalSession, target: Path) -> None:
    entries = data_export.entry_documents(session, live_only=True)
    write_private_file(target, export_markdown.markdown_file(entries), "the export")


def measure(
    session: JournalSession,
    folder: Path,
    runs: int,
    timed: Callable[[Callable[[], object], int], list[float]],
    samples: dict[str, list[float]],
) -> None:
    samples["export_csv"] = timed(lambda: _write_csv(session, folder / "e.csv"), runs)
    samples["export_daily"] = timed(lambda: _write_daily(session, folder / "d.csv"), runs)
    samples["export_markdown"] = timed(lambda: _write_markdown(session, folder / "e.md"), runs)
    data = daylio_csv()
    spent: list[float] = []
    for run in range(runs):
        target, _code = create_journal(
            folder / f"import-{run}.rjournal",
            "bench passphrase for the import journal",
            KeySettings(),
            BackupSettings(folder=folder / f"import-{run}-backups", daily=False),
        )
        try:
            start = time.perf_counter()
            import_entries(target, interop.read(data, mood_map=interop.DAYLIO_DEFAULT_SUGGESTION))
            spent.append(time.perf_counter() - start)
        finally:
            target.lock()
    samples["import_daylio"] = spent
