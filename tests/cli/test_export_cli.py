"""`recovery-journal export --format csv|daily-csv|markdown`: private files, output checks kept."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

from tests.cli.test_cli import cli, env, initialised  # noqa: F401


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_entries_csv_and_daily_csv(initialised: Path, tmp_path: Path) -> None:  # noqa: F811
    cli("add", "--mood", "6", "first words")
    cli("add", "--mood", "8", "second words")
    target = tmp_path / "entries.csv"
    code, out, _ = cli("export", "--format", "csv", "--output", str(target))
    assert code == 0 and "Exported 2 entries" in out and "NOT encrypted" in out
    assert _mode(target) == 0o600
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert sorted(r["body"] for r in rows) == ["first words", "second words"]
    daily = tmp_path / "daily.csv"
    code, out, _ = cli("export", "--format", "daily-csv", "--output", str(daily))
    assert code == 0 and "1 days" in out and _mode(daily) == 0o600
    (day,) = csv.DictReader(io.StringIO(daily.read_text(encoding="utf-8-sig")))
    assert (day["entries"], day["mood_mean"], day["mood_min"], day["mood_max"]) == (
        "2",
        "7.0",
        "6",
        "8",
    )


def test_markdown_to_a_file_or_a_folder(initialised: Path, tmp_path: Path) -> None:  # noqa: F811
    cli("add", "--date", "2024-05-01", "--title", "May", "spring words")
    one = tmp_path / "journal.md"
    assert cli("export", "--format", "markdown", "--output", str(one))[0] == 0
    assert "spring words" in one.read_text(encoding="utf-8") and _mode(one) == 0o600
    folder = tmp_path / "by-year"
    assert cli("export", "--format", "markdown", "--output", str(folder))[0] == 0
    assert [p.name for p in folder.iterdir()] == ["2024.md"]
    assert _mode(folder / "2024.md") == 0o600 and _mode(folder) == 0o700


def test_an_existing_file_needs_force(initialised: Path, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "entries.csv"
    target.write_text("mine")
    code, _, err = cli("export", "--format", "csv", "--output", str(target))
    assert code == 2 and "--force" in err and target.read_text() == "mine"
    assert cli("export", "--format", "csv", "--output", str(target), "--force")[0] == 0
