"""The command-line companion: every subcommand, its output and its exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_journal.cli import ENV_KDF_PROFILE, run

PASS = "quiet river evening light"
NEW = "another morning by the sea"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A journal path in RECOVERY_JOURNAL_PATH, secrets in the environment, floor-cost KDF."""
    path = tmp_path / "cli.rjournal"
    monkeypatch.setenv("RECOVERY_JOURNAL_PATH", str(path))
    monkeypatch.setenv("RECOVERY_JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", PASS)
    monkeypatch.setenv(ENV_KDF_PROFILE, "floor")
    return path


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def initialised(env: Path) -> Path:
    code, out, _ = cli("init")
    assert code == 0, out
    return env


def test_init_shows_the_recovery_code_once(env: Path) -> None:
    code, out, err = cli("init")
    assert code == 0 and err == ""
    assert "recovery code" in out.lower()
    assert env.exists() and env.with_name(env.name + ".keys").exists()
    assert cli("init")[0] == 1  # refuses to overwrite


def test_init_refuses_a_weak_passphrase(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", "password")
    code, _, err = cli("init")
    assert code == 2 and "too easy to guess" in err
    assert not env.exists()


def test_add_list_show_round_trip(initialised: Path) -> None:
    assert (
        cli(
            "add",
            "--mood",
            "6",
            "--title",
            "Walk",
            "--tag",
            "outside",
            "--date",
            "2026-02-01",
            "A long walk by the canal",
        )[0]
        == 0
    )
    code, out, _ = cli("list")
    assert code == 0 and "2026-02-01" in out and "mood  6" in out and "#outside" in out
    code, out, _ = cli("list", "--json")
    [entry] = json.loads(out)
    assert entry["body"] == "A long walk by the canal" and entry["tags"] == ["outside"]
    code, out, _ = cli("show", str(entry["id"]))
    assert code == 0 and "A long walk by the canal" in out and "mood 6/10" in out
    assert json.loads(cli("show", str(entry["id"]), "--json")[1])["title"] == "Walk"


def test_add_reads_standard_input(initialised: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("from a pipe\nsecond line\n"))
    assert cli("add", "-")[0] == 0
    assert "from a pipe" in cli("list")[1]


def test_list_limits_and_date_range(initialised: Path) -> None:
    for day in range(1, 6):
        cli("add", "--date", f"2026-03-0{day}", f"day {day}")
    out = cli("list", "--limit", "2", "--json")[1]
    assert [e["body"] for e in json.loads(out)] == ["day 5", "day 4"]
    out = cli("list", "--from", "2026-03-02", "--to", "2026-03-03", "--json")[1]
    assert [e["body"] for e in json.loads(out)] == ["day 3", "day 2"]


def test_search_prints_snippets_and_json(initialised: Path) -> None:
    cli("add", "The garden was quiet today")
    code, out, _ = cli("search", "garden")
    assert code == 0 and "[garden]" in out
    hits = json.loads(cli("search", "garden", "--json")[1])
    assert hits[0]["entry"]["body"] == "The garden was quiet today"
    assert cli("search", '"(unbalanced')[0] == 0


def test_export_contains_every_entity(initialised: Path, tmp_path: Path) -> None:
    cli("add", "exported words")
    target = tmp_path / "export.json"
    code, out, _ = cli("export", "--format", "json", "--output", str(target))
    assert code == 0 and "NOT encrypted" in out
    doc = json.loads(target.read_text())
    assert doc["format"] == "recovery-journal-export"
    assert doc["entries"][0]["body"] == "exported words"
    for key in (
        "triggers",
        "trigger_events",
        "warning_signs",
        "warning_sign_observations",
        "coping_strategies",
        "coping_uses",
        "coping_plan",
        "safety_plan",
        "support_contacts",
        "peer_meetings",
        "counters",
        "slips",
        "milestones",
        "goals",
        "goal_steps",
        "phases",
        "entry_revisions",
    ):
        assert isinstance(doc[key], list), key
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)


def test_backup_and_restore(initialised: Path, tmp_path: Path) -> None:
    cli("add", "backed up")
    bundle = tmp_path / "b.rjbackup"
    assert cli("backup", "--output", str(bundle))[0] == 0
    restored = tmp_path / "restored.rjournal"
    assert cli("restore", str(bundle), "--journal", str(restored))[0] == 0
    assert "backed up" in cli("list", "--journal", str(restored))[1]
    assert cli("restore", str(bundle), "--journal", str(restored))[0] == 1


def test_passwd_changes_the_passphrase(initialised: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", NEW)
    assert cli("passwd")[0] == 0
    assert cli("list")[0] == 3
    monkeypatch.setenv("RECOVERY_JOURNAL_PASSPHRASE", NEW)
    assert cli("list")[0] == 0


def test_passwd_with_new_keys_retires_the_old_code(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_code = next(line.strip() for line in cli("init")[1].splitlines() if line.count("-") == 7)
    assert cli("add", "kept through the new keys")[0] == 0
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", NEW)
    code, out, err = cli("passwd", "--new-keys")
    assert code == 0, err
    assert "new keys" in out and "no longer open it" in out
    new_code = next(line.strip() for line in out.splitlines() if line.count("-") == 7)
    assert new_code != old_code
    assert cli("list")[0] == 3  # the old passphrase
    monkeypatch.setenv("RECOVERY_JOURNAL_PASSPHRASE", NEW)
    code, out, _ = cli("list")
    assert code == 0 and "kept through the new keys" in out
    monkeypatch.setenv("RECOVERY_JOURNAL_RECOVERY_CODE", old_code)
    assert cli("recover")[0] == 3
    monkeypatch.setenv("RECOVERY_JOURNAL_RECOVERY_CODE", new_code)
    assert cli("recover")[0] == 0


def test_new_code_replaces_the_recovery_code(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_code = next(line.strip() for line in cli("init")[1].splitlines() if line.count("-") == 7)
    code, out, err = cli("new-code")
    assert code == 0, err
    new_code = next(line.strip() for line in out.splitlines() if line.count("-") == 7)
    assert new_code != old_code and "no longer works" in out
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", NEW)
    monkeypatch.setenv("RECOVERY_JOURNAL_RECOVERY_CODE", old_code)
    assert cli("recover")[0] == 3
    monkeypatch.setenv("RECOVERY_JOURNAL_RECOVERY_CODE", new_code)
    assert cli("recover")[0] == 0


def test_recover_with_the_code(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = cli("init")[1]
    code_text = next(line.strip() for line in out.splitlines() if line.count("-") == 7)
    monkeypatch.setenv("RECOVERY_JOURNAL_RECOVERY_CODE", code_text.lower())
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", NEW)
    code, out, _ = cli("recover")
    assert code == 0 and "new one" in out
    assert cli("recover")[0] == 3  # the old code no longer works
    monkeypatch.setenv("RECOVERY_JOURNAL_RECOVERY_CODE", "not a code")
    code, _, err = cli("recover")
    assert code == 3 and "doesn't look like a recovery code" in err


def test_check_reports_a_healthy_journal(initialised: Path) -> None:
    cli("add", "x")
    code, out, _ = cli("check")
    assert code == 0 and "healthy" in out


def test_wrong_passphrase_exit_code_and_message(
    initialised: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOVERY_JOURNAL_PASSPHRASE", "nope")
    code, out, err = cli("list")
    assert code == 3 and out == ""
    assert "passphrase doesn't open this journal" in err


def test_missing_key_file_exit_code(initialised: Path) -> None:
    initialised.with_name(initialised.name + ".keys").rename(initialised.with_name("elsewhere"))
    code, _, err = cli("list")
    assert code == 4 and "key file" in err


def test_usage_errors_exit_2(env: Path) -> None:
    assert cli("add", "--mood", "11", "x")[0] == 2
    assert cli("list", "--from", "yesterday")[0] == 2
    assert cli("nonsense")[0] == 2


def test_no_terminal_and_no_variable_is_a_usage_error(
    initialised: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECOVERY_JOURNAL_PASSPHRASE")
    code, _, err = cli("list")
    assert code == 2 and "RECOVERY_JOURNAL_PASSPHRASE" in err


def _subprocess_env(path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "RECOVERY_JOURNAL_PATH": str(path),
        "RECOVERY_JOURNAL_PASSPHRASE": PASS,
        "RECOVERY_JOURNAL_NEW_PASSPHRASE": PASS,
        ENV_KDF_PROFILE: "floor",
    }


def test_cli_process_never_loads_qt_or_matplotlib(tmp_path: Path) -> None:
    """Start-up stays light: a whole `list` run imports neither PySide6 nor matplotlib."""
    env = _subprocess_env(tmp_path / "p.rjournal")
    subprocess.run(
        [sys.executable, "-m", "recovery_journal", "init"], env=env, check=True, capture_output=True
    )
    probe = (
        "import sys; from recovery_journal.__main__ import main; rc = main(['list']); "
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'matplotlib')]; "
        "print('HEAVY', heavy); sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout


@pytest.mark.parametrize(
    "module",
    [
        "recovery_journal.domain.insights",  # the chart names have a module of their own (~20 ms)
        "secrets",  # keys are os.urandom, which secrets.token_bytes is (hmac, random: ~10 ms)
        "uuid",  # only a new journal needs an id (~4 ms)
        "tempfile",  # only writing a file atomically needs one (with bz2, lzma: ~7 ms)
    ],
)
def test_the_parser_is_built_without_what_deriving_a_key_does_not_need(module: str) -> None:
    """Every command builds the whole parser (and imports the key handling) before it starts
    deriving the keys: whatever is imported by then is waited for beyond the KDF."""
    probe = (
        "import sys; from recovery_journal.cli import build_parser; build_parser(); "
        f"print('LOADED', {module!r} in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "LOADED False" in done.stdout


@pytest.mark.parametrize("command", [["list"], ["search", "canal"], ["show", "1"]])
def test_reading_commands_never_load_the_orm(initialised: Path, command: list[str]) -> None:
    """list/search/show read with plain SQL: importing SQLAlchemy and the ORM would compete
    with Argon2id for the CPU for half a second (docs/BENCHMARKS.md)."""
    assert cli("add", "A long walk by the canal")[0] == 0
    probe = (
        "import sys; from recovery_journal.cli import main; rc = main(sys.argv[1:]); "
        "print('ORM', sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy'})); "
        "sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command],
        env=_subprocess_env(initialised),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "canal" in done.stdout and "ORM []" in done.stdout


def test_secrets_are_never_accepted_as_arguments() -> None:
    from recovery_journal.cli import build_parser

    text = build_parser().format_help()
    for sub in ("init", "passwd", "recover", "list"):
        subparsers = build_parser()._subparsers
        assert subparsers is not None
        choices = subparsers._group_actions[0].choices
        assert isinstance(choices, dict)
        args = choices[sub]
        assert not any("pass" in o or "code" in o for a in args._actions for o in a.option_strings)
    assert "RECOVERY_JOURNAL_PASSPHRASE" in text


def test_init_gives_a_new_journal_the_default_toolbox(env: Path) -> None:
    from recovery_journal.services.access import KeySettings, open_journal
    from recovery_journal.storage.keys import FLOOR_PARAMS

    assert cli("init")[0] == 0
    session = open_journal(env, PASS, KeySettings(params=FLOOR_PARAMS))
    try:
        names = [s.name for s in session.coping.strategies.list()]
        assert "Box breathing" in names and len(names) >= 9
    finally:
        session.lock()


def test_a_reader_that_stops_early_is_not_an_error(initialised: Path) -> None:
    """`recovery-journal list | head -1`: exit 0, no 'something went wrong'."""
    for day in range(1, 10):
        cli("add", "--date", f"2026-03-0{day}", f"day {day} " + "words " * 2000)
    env = _subprocess_env(initialised)
    # ~110 KB of JSON: more than a pipe holds, so writing goes on after the reader has gone.
    process = subprocess.Popen(
        [sys.executable, "-m", "recovery_journal", "list", "--limit", "9", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like `head -1`
    errors = process.stderr.read().decode()
    assert process.wait() == 0, errors
    assert "went wrong" not in errors
