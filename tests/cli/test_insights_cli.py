"""`recovery-journal chart` and `recovery-journal insights`: files, JSON shape, exit codes, and
only `chart` loads matplotlib."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from recovery_journal.domain.measures import Measure, MeasureKind
from recovery_journal.services.access import KeySettings, open_journal
from recovery_journal.storage.keys import FLOOR_PARAMS
from tests.cli.test_cli import PASS, _subprocess_env, cli, env, initialised

__all__ = ["env", "initialised"]  # fixtures used below


def _days(initialised: Path) -> None:
    """Moods on 1–8 March 2026: #walk on the 1st–4th (moods 7, 8, 7, 8; the 1st also 5 → 6),
    none on the 5th–8th (4, 5, 4, 5)."""
    moods = {1: [7, 5], 2: [8], 3: [7], 4: [8], 5: [4], 6: [5], 7: [4], 8: [5]}
    for day, values in moods.items():
        for mood in values:
            args = ["add", "--mood", str(mood), "--date", f"2026-03-0{day}", "a day"]
            if day <= 4 and mood != 5:
                args[1:1] = ["--tag", "walk"]
            assert cli(*args)[0] == 0


def test_insights_json_has_the_documented_shape_and_numbers(initialised: Path) -> None:
    _days(initialised)
    code, out, err = cli("insights", "--from", "2026-03-01", "--to", "2026-03-08", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found["from"] == "2026-03-01" and found["to"] == "2026-03-08"
    # Daily means 6, 8, 7, 8, 4, 5, 4, 5 → mean of the daily means 47 / 8 = 5.875.
    assert found["summary"] == {
        "days_with_entries": 8,
        "mood_mean": 5.875,
        "mood_min": 4,
        "mood_max": 8,
        "trigger_events": 0,
        "coping_uses": 0,
        "warning_sign_days": 0,
    }
    walk = next(a for a in found["associations"] if a["factor"] == "walk" and a["lag_days"] == 0)
    assert {k: walk[k] for k in ("kind", "outcome", "n_with", "n_without")} == {
        "kind": "tag",
        "outcome": "mood",
        "n_with": 4,
        "n_without": 4,
    }
    assert (walk["mean_with"], walk["mean_without"], walk["difference"]) == (7.25, 4.5, 2.75)
    assert walk["ci_low"] > 0 and walk["called_out"] is True
    assert list(walk) == [
        "factor",
        "kind",
        "outcome",
        "lag_days",
        "n_with",
        "n_without",
        "mean_with",
        "mean_without",
        "difference",
        "ci_low",
        "ci_high",
        "called_out",
    ]
    assert all(a["n_with"] >= 3 and a["n_without"] >= 3 for a in found["associations"])


def test_insights_without_dates_covers_the_whole_journal(initialised: Path) -> None:
    _days(initialised)
    code, out, _ = cli("insights")
    assert code == 0
    assert "From 2026-03-01 to 2026-03-08" in out and "associations, not causes" in out


def test_chart_writes_png_and_svg_by_suffix(initialised: Path, tmp_path: Path) -> None:
    _days(initialised)
    png = tmp_path / "mood.png"
    code, out, err = cli("chart", "mood", "--output", str(png))
    assert code == 0, err
    data = png.read_bytes()
    assert data[:4] == b"\x89PNG" and int.from_bytes(data[16:20], "big") >= 1000
    assert "NOT encrypted" in out
    svg = tmp_path / "calendar.svg"
    assert cli("chart", "calendar", "--from", "2026-03-01", "--output", str(svg))[0] == 0
    assert b"<svg" in svg.read_bytes()


def test_chart_usage_errors_exit_2(initialised: Path, tmp_path: Path) -> None:
    assert cli("chart", "pie", "--output", str(tmp_path / "x.png"))[0] == 2
    code, _, err = cli("chart", "mood", "--output", str(tmp_path / "x.pdf"))
    assert code == 2 and ".png or .svg" in err
    assert not (tmp_path / "x.pdf").exists()


def _modules_after(path: Path, *command: str) -> str:
    probe = (
        "import sys; from recovery_journal.cli import main; rc = main(sys.argv[1:]); "
        "print('HEAVY', sorted({m.split('.')[0] for m in sys.modules} & "
        "{'PySide6', 'matplotlib'})); sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command],
        env=_subprocess_env(path),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_only_chart_loads_matplotlib(initialised: Path, tmp_path: Path) -> None:
    assert cli("add", "--mood", "6", "fine")[0] == 0
    assert "HEAVY []" in _modules_after(initialised, "insights", "--json")
    drawn = _modules_after(initialised, "chart", "mood", "--output", str(tmp_path / "m.svg"))
    assert "HEAVY ['matplotlib']" in drawn


def test_an_empty_journal_has_gentle_answers(initialised: Path, tmp_path: Path) -> None:
    code, out, _ = cli("insights", "--json")
    found = json.loads(out)
    assert code == 0 and found["associations"] == []
    assert found["summary"]["mood_mean"] is None and found["summary"]["days_with_entries"] == 0
    assert cli("chart", "coping", "--output", str(tmp_path / "c.png"))[0] == 0


def _cravings(initialised: Path) -> None:
    """`_days` plus own measures: Craving (0–10) 2, 3, 2, 1 on the #walk days 1–4 and 6, 7, 6
    on the 5th–7th (none on the 8th); a yes/no "Went to a meeting"."""
    _days(initialised)
    session = open_journal(initialised, PASS, KeySettings(params=FLOOR_PARAMS))
    try:
        craving = session.measures.add(Measure("Craving")).id
        meeting = session.measures.add(Measure("Went to a meeting", MeasureKind.YES_NO)).id
        assert craving is not None and meeting is not None
        for day, value in zip(range(1, 8), (2, 3, 2, 1, 6, 7, 6), strict=True):
            session.measures.set_day(date(2026, 3, day), {craving: value, meeting: day % 2})
    finally:
        session.lock()


def test_insights_with_a_measure_as_the_outcome(initialised: Path) -> None:
    _cravings(initialised)
    code, out, err = cli("insights", "--outcome", "craving", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert {a["outcome"] for a in found["associations"]} == {"Craving"}
    assert found["summary"]["mood_mean"] == 5.875  # the journal's summary, whatever the outcome
    walk = next(a for a in found["associations"] if a["factor"] == "walk" and a["lag_days"] == 0)
    # Craving on the #walk days 1–4: 2, 3, 2, 1 (mean 2); on days 5–7: 6, 7, 6 (mean 19/3).
    assert (walk["n_with"], walk["n_without"], walk["mean_with"]) == (4, 3, 2.0)
    assert (walk["mean_without"], walk["difference"]) == (6.3333, -4.3333)
    assert walk["ci_high"] < 0
    assert not any(a["factor"] == "Craving" for a in found["associations"])
    assert all(a["n_with"] >= 3 and a["n_without"] >= 3 for a in found["associations"])
    code, out, _ = cli("insights", "--outcome", "Craving")
    assert code == 0 and "Patterns of “Craving”: higher or lower, not better or worse." in out


def test_mood_is_the_default_outcome_byte_for_byte(initialised: Path) -> None:
    _cravings(initialised)
    default = cli("insights", "--json")
    assert default == cli("insights", "--outcome", "mood", "--json")
    assert {a["outcome"] for a in json.loads(default[1])["associations"]} == {"mood"}
    assert cli("insights") == cli("insights", "--outcome", "MOOD")


def test_an_outcome_that_is_no_scale_or_number_is_a_kind_usage_error(initialised: Path) -> None:
    _cravings(initialised)
    code, out, err = cli("insights", "--outcome", "Went to a meeting", "--json")
    assert code == 2 and out == ""
    assert "“Went to a meeting” isn't one of your own 0–10 scales or numbers" in err
    assert "Traceback" not in err and "Craving" not in err  # no other measure's name
    code, _, err = cli("insights", "--outcome", "cravings")
    assert code == 2 and "Settings ▸ My measures" in err


def test_a_triggers_file_draws_the_most_frequent_triggers_beside_the_chart(
    env: Path, tmp_path: Path
) -> None:
    """The app shows the list as text under the chart; a file must stand alone."""
    assert cli("demo", "--days", "30", "--seed", "3")[0] == 0
    svg = tmp_path / "triggers.svg"
    code, _, err = cli("chart", "triggers", "--output", str(svg))
    assert code == 0, err
    assert b'id="top"' in svg.read_bytes() and b'id="heat"' in svg.read_bytes()
