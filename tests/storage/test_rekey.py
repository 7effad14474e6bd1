"""Re-encrypting a journal under new keys: every old secret stops working, nothing is lost, and a
kill at any point leaves a journal that opens — with exactly one of the two passphrases."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from recovery_journal.domain.entries import Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path, next_keys_path
from recovery_journal.services.access import BackupSettings, create_journal, open_journal
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import database, keys, vault
from tests.conftest import FAST, MARKER, PASSPHRASE

NEW = "a different sentence entirely, seven words"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
CRASHER = Path(__file__).with_name("rekey_crasher.py")
NO_BACKUPS = BackupSettings(daily=False)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(session: JournalSession, count: int = 30, size: int = 40) -> None:
    session.entries.add_many(
        [
            Entry(date(2026, 1, 1 + i % 28), f"{MARKER} day {i} " + "quiet evening walk " * size)
            for i in range(count)
        ]
    )


def _no_marker_anywhere(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path


def test_reencrypting_retires_every_old_secret(journal_path: Path, tmp_path: Path) -> None:
    session, old_code = create_journal(journal_path, PASSPHRASE, FAST, NO_BACKUPS)
    _fill(session)
    old_key_file = keys_path(journal_path).read_bytes()
    old_data_key = bytearray(session._opened.key_material.data_key)
    salt = journal_path.read_bytes()[:16]
    before = _sha(journal_path)

    new_code = session.reencrypt(PASSPHRASE, NEW, FAST)
    session.entries.add(Entry(date(2026, 2, 1), "written after the new keys"))
    session.lock()

    assert _sha(journal_path) != before and journal_path.read_bytes()[:16] == salt
    assert not next_keys_path(journal_path).exists()
    # Someone holding the old key file and the old passphrase gets the old data key…
    old_envelope = keys.envelope_from_json(old_key_file)
    stolen = keys.unlock_with_passphrase(old_envelope, PASSPHRASE, FAST.policy)
    assert stolen.data_key == old_data_key
    # … which no longer opens anything.
    assert not database.opens_with(journal_path, stolen.data_key)
    with pytest.raises(UserError) as old_pass:
        open_journal(journal_path, PASSPHRASE, FAST, NO_BACKUPS)
    assert old_pass.value.kind is ErrorKind.WRONG_PASSPHRASE
    with pytest.raises(UserError) as old_recovery:
        vault.unlock_with_recovery_code(journal_path, old_code, NEW, FAST, NO_BACKUPS)
    assert old_recovery.value.kind is ErrorKind.WRONG_RECOVERY_CODE

    reopened = open_journal(journal_path, NEW, FAST, NO_BACKUPS)
    assert reopened.entries.count() == 31
    assert reopened.check().ok
    reopened.lock()
    recovered, _ = vault.unlock_with_recovery_code(journal_path, new_code, PASSPHRASE, FAST)
    recovered.close()
    _no_marker_anywhere(tmp_path)


def test_a_wrong_current_passphrase_changes_nothing(
    journal: JournalSession, journal_path: Path
) -> None:
    _fill(journal, count=3)
    files = {p: _sha(p) for p in (journal_path, keys_path(journal_path))}
    with pytest.raises(UserError) as refused:
        journal.reencrypt("not the passphrase", NEW, FAST)
    assert refused.value.kind is ErrorKind.WRONG_PASSPHRASE
    assert {p: _sha(p) for p in files} == files
    assert not next_keys_path(journal_path).exists()
    assert journal.entries.count() == 3


# ---------------------------------------------------------------- killed while re-encrypting


@pytest.fixture
def filled(journal_path: Path) -> Path:
    session, _ = create_journal(journal_path, PASSPHRASE, FAST, NO_BACKUPS)
    _fill(session)
    session.lock()
    return journal_path


def _crash(path: Path, point: str, *, kill_after: float | None = None) -> str:
    """Run the crasher until it dies; returns the new recovery code it printed."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(CRASHER), str(path), PASSPHRASE, NEW, point],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    code = ""
    for line in child.stdout:
        if line.startswith("code "):
            code = line.split(" ", 1)[1].strip()
        if line.startswith("rewriting") and kill_after is not None:
            time.sleep(kill_after)
            child.kill()
            break
    child.wait(timeout=60)
    finished_first = kill_after is not None and child.returncode == 0  # killed too late
    assert child.returncode == -9 or finished_first, child.stderr.read() if child.stderr else ""
    return code


def _opens_with(path: Path, passphrase: str) -> JournalSession | UserError:
    try:
        return open_journal(path, passphrase, FAST, NO_BACKUPS)
    except UserError as error:
        return error


needs_kill = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs SIGKILL (POSIX)")


@needs_kill
@pytest.mark.parametrize(
    ("point", "still_old"),
    [("after-next-written", True), ("after-rekey", False), ("after-replace", False)],
)
def test_killed_at_each_step_the_journal_opens_with_one_passphrase(
    filled: Path, tmp_path: Path, point: str, still_old: bool
) -> None:
    code = _crash(filled, point)
    _no_marker_anywhere(tmp_path)
    right, wrong = (PASSPHRASE, NEW) if still_old else (NEW, PASSPHRASE)
    refused = _opens_with(filled, wrong)
    assert isinstance(refused, UserError) and refused.kind is ErrorKind.WRONG_PASSPHRASE
    if point != "after-replace":  # said plainly which one to use
        assert ("previous passphrase" if still_old else "new passphrase") in refused.message
    opened = _opens_with(filled, right)
    assert isinstance(opened, JournalSession), opened
    assert opened.entries.count() == 30 and opened.check().ok
    opened.lock()
    assert not next_keys_path(filled).exists()  # the key files are in order again
    again = _opens_with(filled, wrong)  # and the other passphrase is now simply wrong
    assert isinstance(again, UserError) and again.kind is ErrorKind.WRONG_PASSPHRASE
    if not still_old:  # the new recovery code works, and sets a passphrase of its own
        recovered, _ = vault.unlock_with_recovery_code(filled, code, "third words, all new", FAST)
        recovered.close()


@needs_kill
@pytest.mark.slow
def test_killed_while_the_database_is_rewritten(journal_path: Path, tmp_path: Path) -> None:
    """A bigger journal, killed at moments spread over its rewrite: it always opens whole with
    exactly one passphrase, whichever is tried first."""
    session, _ = create_journal(journal_path, PASSPHRASE, FAST, NO_BACKUPS)
    _fill(session, count=400, size=300)  # 6 MB: the rewrite takes a noticeable moment
    session.lock()
    pristine = {p: p.read_bytes() for p in (journal_path, keys_path(journal_path))}
    outcomes = set()
    for delay in (0.01, 0.03, 0.06, 0.1, 0.15, 1.5):  # the rewrite takes ~0.2 s here
        for p, data in pristine.items():
            p.write_bytes(data)
        hot_journal = journal_path.with_name(journal_path.name + "-journal")
        for leftover in (next_keys_path(journal_path), hot_journal):
            leftover.unlink(missing_ok=True)
        _crash(journal_path, "never", kill_after=delay)
        if hot_journal.exists():
            outcomes.add("hot journal")
        _no_marker_anywhere(tmp_path)
        first, second = _opens_with(journal_path, NEW), _opens_with(journal_path, PASSPHRASE)
        opened = [s for s in (first, second) if isinstance(s, JournalSession)]
        assert len(opened) == 1, (delay, first, second)
        assert opened[0].entries.count() == 400 and opened[0].check().ok
        outcomes.add("new" if opened[0] is first else "old")
        opened[0].lock()
    assert {"old", "hot journal"} <= outcomes  # killed mid-rewrite at least once: rolled back
