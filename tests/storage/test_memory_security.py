"""The shipped connection has SQLCipher's memory security on.

The rest of the suite turns it off for its own process (tests/conftest.py explains why), so this
looks at a journal created and opened in a fresh interpreter, the way the app and the command
line open one: nothing from the tests is imported there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE, SHIPPED_PRAGMAS

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from pathlib import Path
from recovery_journal.services.access import BackupSettings, KeySettings, create_journal
from recovery_journal.services.access import open_journal
from recovery_journal.storage import keys

folder = Path(sys.argv[1])
fast = KeySettings(params=keys.TEST_PARAMS, policy=keys.TEST_POLICY)
backups = BackupSettings(folder=folder / "backups")


def memory_security(session):
    with session.transaction() as tx:
        print(tx.connection().exec_driver_sql("PRAGMA cipher_memory_security").scalar())
    session.lock()


memory_security(create_journal(folder / "j.rjournal", sys.argv[2], fast, backups)[0])
memory_security(open_journal(folder / "j.rjournal", sys.argv[2], fast, backups))
"""


def test_the_shipped_pragmas_turn_memory_security_on() -> None:
    assert "cipher_memory_security = ON" in SHIPPED_PRAGMAS


def test_a_journal_the_app_creates_and_opens_locks_and_wipes_its_memory(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path), PASSPHRASE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1"]
