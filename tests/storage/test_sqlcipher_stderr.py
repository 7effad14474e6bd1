"""SQLCipher never writes 'hmac check failed' (or anything else) to stderr on a wrong key.

SQLCipher's logger is process-global and off only after ``database.silence_sqlcipher_log`` ran,
so every check runs in a fresh interpreter. A control test shows that the same setup without the
app's silencing does print, i.e. that these tests would notice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, KeySettings, create_journal
from recovery_journal.storage import keys
from tests.conftest import PASSPHRASE

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOISE = ("hmac", "error core", "traceback", "sqlcipher")


def _env(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")) if p
        ),
        **extra,
    }
    env.pop("RECOVERY_JOURNAL_DEBUG", None)
    return env


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=_env(**env),
        timeout=120,
        check=False,
    )


def _cli(journal: Path, passphrase: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "recovery_journal", "list", "--journal", str(journal)],
        capture_output=True,
        text=True,
        env=_env(RECOVERY_JOURNAL_PASSPHRASE=passphrase),
        timeout=120,
        check=False,
    )


def _quiet(stderr: str) -> bool:
    return not any(word in stderr.lower() for word in NOISE)


@pytest.fixture(scope="module")
def floor_journals(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two locked journals with the production floor KDF (the CLI's policy), same passphrase."""
    made = []
    for name in ("a", "b"):
        folder = tmp_path_factory.mktemp(f"floor-{name}")
        session, _ = create_journal(
            folder / "journal.rjournal",
            PASSPHRASE,
            KeySettings(params=keys.FLOOR_PARAMS),
            BackupSettings(folder=folder / "backups"),
        )
        session.lock()
        made.append(session.path)
    return made[0], made[1]


@pytest.fixture
def journal_a(floor_journals: tuple[Path, Path], tmp_path: Path) -> Path:
    """A private copy of floor journal A."""
    source = floor_journals[0]
    target = tmp_path / "journal.rjournal"
    shutil.copy2(source, target)
    shutil.copy2(keys_path(source), keys_path(target))
    return target


def test_control_raw_sqlcipher_prints_hmac_errors_on_a_wrong_key(tmp_path: Path) -> None:
    """Without the app's silencing, SQLCipher prints 'hmac check failed' (the tests can see it)."""
    result = _python(
        f"""
        from sqlcipher3 import dbapi2
        path = {str(tmp_path / "raw.db")!r}
        conn = dbapi2.connect(path)
        conn.execute("PRAGMA key = 'right'")
        conn.execute("CREATE TABLE t(x)")
        conn.commit()
        conn.close()
        conn = dbapi2.connect(path)
        conn.execute("PRAGMA key = 'wrong'")
        try:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchall()
        except dbapi2.DatabaseError:
            print("refused")
        """
    )
    assert result.stdout.strip() == "refused"
    assert "hmac check failed" in result.stderr


def test_storage_open_with_a_wrong_data_key_writes_nothing_to_stderr(journal_a: Path) -> None:
    """``database.connect`` with another data key raises JOURNAL_DAMAGED and prints nothing."""
    result = _python(
        f"""
        import secrets
        from pathlib import Path
        from recovery_journal.errors import UserError
        from recovery_journal.storage import database
        try:
            database.connect(Path({str(journal_a)!r}), bytearray(secrets.token_bytes(32)))
        except UserError as error:
            print(error.kind.name)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "JOURNAL_DAMAGED"
    assert result.stderr == ""


def test_cli_wrong_passphrase_exits_3_with_only_a_kind_message(journal_a: Path) -> None:
    """`recovery-journal list` with a wrong passphrase exits 3 and says only what happened."""
    result = _cli(journal_a, "wrong")
    assert result.returncode == 3, result
    assert result.stderr.startswith("recovery-journal: That passphrase doesn't open this journal")
    assert _quiet(result.stderr), result.stderr
    assert result.stdout == ""


def test_cli_key_file_of_another_journal_exits_4_quietly(
    journal_a: Path, floor_journals: tuple[Path, Path]
) -> None:
    """With another journal's key file: exit 4, 'don't belong together', no 'hmac' on stderr."""
    shutil.copy2(keys_path(floor_journals[1]), keys_path(journal_a))
    result = _cli(journal_a, PASSPHRASE)
    assert result.returncode == 4, result
    assert result.stderr.startswith(
        "recovery-journal: This journal file and this key file don't belong together"
    )
    assert _quiet(result.stderr), result.stderr
