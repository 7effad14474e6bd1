"""Re-encrypting a journal under new keys: every old secret stops working, nothing is lost, and a
kill at any point leaves a journal that opens — with exactly one of the two passphrases."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
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
from tests.storage.write_limit import KILLED_BY

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
    assert not database.accepts(journal_path, stolen.data_key)
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


def _crash(path: Path, point: str, *, new: str = NEW) -> str:
    """Run the crasher until it dies; returns the new recovery code it printed."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(CRASHER), str(path), PASSPHRASE, new, point],
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
    child.wait(timeout=60)
    died_by = KILLED_BY if point.startswith("mid-rewrite:") else signal.SIGKILL
    assert child.returncode == -died_by, child.stderr.read() if child.stderr else ""
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
    assert opened.finished_key_change is (point == "after-rekey")  # offer a new code then
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
    """Killed while the rewrite writes pages, at three depths (a hot rollback journal is left):
    the journal opens whole with the old passphrase only, whichever is tried first."""
    session, _ = create_journal(journal_path, PASSPHRASE, FAST, NO_BACKUPS)
    _fill(session, count=400, size=300)  # 6 MB: the rewrite takes a moment
    session.lock()
    pristine = {p: p.read_bytes() for p in (journal_path, keys_path(journal_path))}
    hot_journal = journal_path.with_name(journal_path.name + "-journal")
    size = journal_path.stat().st_size
    for depth in (size // 50, size // 3, size * 4 // 5):
        for p, data in pristine.items():
            p.write_bytes(data)
        next_keys_path(journal_path).unlink(missing_ok=True)
        _crash(journal_path, f"mid-rewrite:{depth}")
        assert hot_journal.exists() and next_keys_path(journal_path).exists()
        _no_marker_anywhere(tmp_path)
        refused = _opens_with(journal_path, NEW)  # rolls the hot journal back on the way
        assert isinstance(refused, UserError) and "didn't finish" in refused.message
        opened = _opens_with(journal_path, PASSPHRASE)
        assert isinstance(opened, JournalSession), opened
        assert opened.entries.count() == 400 and opened.check().ok
        opened.lock()
        assert not hot_journal.exists() and not next_keys_path(journal_path).exists()


@needs_kill
def test_the_same_passphrase_chosen_again_still_opens_after_a_kill(filled: Path) -> None:
    _crash(filled, "after-rekey", new=PASSPHRASE)
    opened = _opens_with(filled, PASSPHRASE)  # opens both key files: the database decides
    assert isinstance(opened, JournalSession), opened
    assert opened.entries.count() == 30
    opened.lock()
    assert not next_keys_path(filled).exists()


@needs_kill
def test_damage_found_after_an_interrupted_change_is_called_damage(filled: Path) -> None:
    _crash(filled, "after-rekey")
    data = bytearray(filled.read_bytes())
    data[len(data) - 4096 + 300] ^= 0x04  # the last page, not page 1
    filled.write_bytes(bytes(data))
    refused = _opens_with(filled, NEW)  # the right passphrase: the file is what is wrong
    assert isinstance(refused, UserError) and refused.kind is ErrorKind.JOURNAL_DAMAGED


@needs_kill
def test_the_recovery_code_path_knows_about_an_interrupted_change(filled: Path) -> None:
    new_code = _crash(filled, "after-next-written")
    with pytest.raises(UserError) as refused:
        vault.unlock_with_recovery_code(filled, new_code, "yet another passphrase here", FAST)
    assert refused.value.kind is ErrorKind.WRONG_RECOVERY_CODE
    assert "didn't finish" in refused.value.message and "recovery code" in (
        refused.value.hint or ""
    )


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE (POSIX)")
def test_a_rewrite_that_fails_halfway_keeps_the_old_keys(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk refuses to grow half-way through the rewrite: SQLCipher rolls the pages back,
    and the journal goes on under its old keys, nothing lost, nothing half-written."""
    import resource
    import signal

    session, _ = create_journal(journal_path, PASSPHRASE, FAST, NO_BACKUPS)
    _fill(session, count=200, size=100)
    rewrite = database.rekey

    def on_a_small_disk(conn: object, data_key: bytearray) -> None:
        limit = journal_path.stat().st_size // 2
        previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
        try:
            rewrite(conn, data_key)
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
            signal.signal(signal.SIGXFSZ, previous)

    monkeypatch.setattr(database, "rekey", on_a_small_disk)
    with pytest.raises(UserError) as failed:
        session.reencrypt(PASSPHRASE, NEW, FAST)
    assert failed.value.kind in (ErrorKind.DISK_FULL, ErrorKind.IO)
    assert not next_keys_path(journal_path).exists()
    session.entries.add(Entry(date(2026, 3, 1), "written after the failed change"))
    assert session.entries.count() == 201 and session.check().ok
    session.lock()
    reopened = _opens_with(journal_path, PASSPHRASE)
    assert isinstance(reopened, JournalSession), reopened
    assert reopened.entries.count() == 201 and reopened.check().ok
    reopened.lock()
