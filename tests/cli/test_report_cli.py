"""``recovery-journal report``: the therapist summary from the command line."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from recovery_journal.cli import ENV_KDF_PROFILE, ENV_PDF_PASSWORD
from recovery_journal.report import words
from tests.cli.test_cli import PASS, _subprocess_env, cli
from tests.report.conftest import pdf_file_pages

SECRET = "shared only by hand"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """As in test_cli.py: a journal path and its secrets in the environment, floor-cost KDF."""
    path = tmp_path / "cli.rjournal"
    monkeypatch.setenv("RECOVERY_JOURNAL_PATH", str(path))
    monkeypatch.setenv("RECOVERY_JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", PASS)
    monkeypatch.setenv(ENV_KDF_PROFILE, "floor")
    return path


@pytest.fixture
def demo_journal(env: Path) -> Path:
    code, out, err = cli("demo", "--days", "60", "--seed", "3")
    assert code == 0, out + err
    return env


def _dates() -> list[str]:
    from recovery_journal.domain.clock import local_today
    from recovery_journal.services.report import last_days

    period = last_days(local_today(), 30)
    return ["--from", period.start.isoformat(), "--to", period.end.isoformat()]


def test_report_writes_a_one_page_brief(qtbot: QtBot, demo_journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "for-therapist.pdf"
    code, out, err = cli("report", *_dates(), "--name", "Sam", "--output", str(target))
    assert code == 0, err
    assert "1 page" in out and "NOT encrypted" in out
    [text] = pdf_file_pages(target)
    assert words.DISCLAIMER in text and "Sam" in text
    assert target.stat().st_mode & 0o777 == 0o600


def test_report_full_with_flagged_excerpts_and_a_password_from_the_environment(
    qtbot: QtBot, demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PDF_PASSWORD, SECRET)
    target = tmp_path / "full.pdf"
    code, out, err = cli(
        "report", *_dates(), "--preset", "full", "--excerpts", "flagged", "--output", str(target)
    )
    assert code == 0, err
    assert "opens only with the password" in out
    assert PdfReader(target).is_encrypted
    pages = pdf_file_pages(target, SECRET)
    assert len(pages) >= 2 and all(words.DISCLAIMER in p for p in pages)


def test_password_flag_asks_twice(
    qtbot: QtBot, demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: Iterator[str] = iter([SECRET, SECRET])
    monkeypatch.setattr(
        "recovery_journal.cli.secrets.getpass.getpass", lambda prompt="": next(answers)
    )
    monkeypatch.setattr("sys.stdin", _Tty())
    target = tmp_path / "asked.pdf"
    code, _, err = cli("report", *_dates(), "--password", "--output", str(target))
    assert code == 0, err
    assert pdf_file_pages(target, SECRET)


def test_password_typed_differently_twice_writes_nothing(
    qtbot: QtBot, demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([SECRET, "something else"])
    monkeypatch.setattr(
        "recovery_journal.cli.secrets.getpass.getpass", lambda prompt="": next(answers)
    )
    monkeypatch.setattr("sys.stdin", _Tty())
    target = tmp_path / "never.pdf"
    code, _, err = cli("report", *_dates(), "--password", "--output", str(target))
    assert code == 2 and "different" in err and not target.exists()


def test_usage_errors(env: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    code, _, err = cli("report", "--from", "2026-03-10", "--to", "2026-03-01", "--output", out)
    assert code == 2 and "--to is before --from" in err
    assert cli("report", "--from", "2026-03-01", "--to", "2026-03-10")[0] == 2  # no --output
    assert cli("report", "--from", "March", "--to", "2026-03-10", "--output", out)[0] == 2
    code, _, err = cli(
        "report",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-10",
        "--excerpts",
        "flagged",
        "--output",
        out,
    )
    assert code == 2 and "--preset full" in err
    assert not Path(out).exists()


def test_report_runs_offscreen_in_its_own_process(demo_journal: Path, tmp_path: Path) -> None:
    environment = _subprocess_env(demo_journal)
    environment.pop("QT_QPA_PLATFORM", None)
    environment.pop("DISPLAY", None)
    target = tmp_path / "proc.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "recovery_journal", "report", *_dates(), "--output", str(target)],
        env=environment,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(target).pages) == 1


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True
