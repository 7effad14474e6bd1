"""`recovery-journal import`: what was (or would be) imported, idempotent, refusals exit 5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_journal.cli import ENV_IMPORT_PASSWORD
from tests.cli.test_cli import cli, env, initialised  # noqa: F401
from tests.interop.jrnl_builders import jrnl_v3

CSV = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\r\n"
    '2024-03-02,March 2,Saturday,9:15 pm,rad,"walk","","A quiet PRIVATE-NOTE day."\r\n'
    '2024-03-01,March 1,Friday,08:00,Medium [-],"","",""\r\n'
).encode()


@pytest.fixture
def daylio(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(CSV)
    return path


def test_import_prints_what_it_added_then_adds_nothing_again(
    initialised: Path,  # noqa: F811
    daylio: Path,
) -> None:
    code, out, _ = cli("import", str(daylio), "--mood-map", "rad=9")
    assert code == 0
    assert "Imported 2 entries from a Daylio CSV export (2024-03-01 to 2024-03-02)" in out
    assert "“Medium [-]”" in out and "backup was made first" in out
    code, out, _ = cli("import", str(daylio), "--json")
    report = json.loads(out)
    assert (code, report["added"], report["already_there"]) == (0, 0, 2)
    code, out, _ = cli("list", "--json")
    moods = {e["source"]["mood_label"]: e["mood"] for e in json.loads(out)}
    assert moods == {"rad": 9, "Medium [-]": None}


def test_a_dry_run_writes_nothing(initialised: Path, daylio: Path) -> None:  # noqa: F811
    code, out, _ = cli("import", str(daylio), "--dry-run")
    assert code == 0 and out.startswith("Would import 2 entries")
    assert json.loads(cli("list", "--json")[1]) == []


def test_a_refused_file_exits_5_without_quoting_it(
    initialised: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(CSV + b'2024-02-30,x,x,08:00,rad,"","","PRIVATE-NOTE"\r\n')
    code, out, err = cli("import", str(bad))
    assert code == 5 and "refused" in err and "Row 4" in err
    assert "Nothing was imported" in err and "PRIVATE-NOTE" not in out + err
    assert json.loads(cli("list", "--json")[1]) == []


def test_the_wrong_format_is_refused_with_the_right_one_named(
    initialised: Path,  # noqa: F811
    daylio: Path,
) -> None:
    code, _, err = cli("import", str(daylio), "--format", "dayone")
    assert code == 5 and "Daylio CSV" in err


def test_a_bad_mood_map_is_a_usage_error(initialised: Path, daylio: Path) -> None:  # noqa: F811
    assert cli("import", str(daylio), "--mood-map", "rad=11")[0] == 2
    assert cli("import", str(daylio), "--mood-map", "rad")[0] == 2


def test_an_encrypted_jrnl_journal_takes_its_password_from_the_environment(
    initialised: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    journal = tmp_path / "journal.txt"
    journal.write_bytes(jrnl_v3("[2024-01-05 08:00] Morning walk. @outside *\n", "jrnl-pass"))
    monkeypatch.setenv(ENV_IMPORT_PASSWORD, "not it")
    code, _, err = cli("import", str(journal))
    assert code == 3 and "password" in err
    monkeypatch.setenv(ENV_IMPORT_PASSWORD, "jrnl-pass")
    code, out, _ = cli("import", str(journal), "--json")
    assert code == 0 and json.loads(out)["added"] == 1
    (entry,) = json.loads(cli("list", "--json")[1])
    assert (entry["starred"], entry["tags"], entry["local_time"]) == (True, ["outside"], "08:00")


def test_our_own_export_comes_back_whole_into_a_new_journal(
    initialised: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli("add", "exported words")
    export = tmp_path / "export.json"
    assert cli("export", "--format", "json", "--output", str(export))[0] == 0
    code, _, err = cli("import", str(export))
    assert code == 5 and "new journal" in err  # this one already holds writing
    monkeypatch.setenv("RECOVERY_JOURNAL_PATH", str(tmp_path / "second.rjournal"))
    assert cli("init")[0] == 0
    code, out, _ = cli("import", str(export))
    assert code == 0 and "Imported 1 entries from a Recovery Journal JSON export" in out
    (entry,) = json.loads(cli("list", "--json")[1])
    assert entry["body"] == "exported words"
