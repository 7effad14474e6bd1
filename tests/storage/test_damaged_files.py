"""Damaged, missing, mismatched or foreign files: a specific, kind error and nothing changed.

Every refusal goes through ``services.access.open_journal`` (what the app and the CLI call) and
must give the specific :class:`ErrorKind`, leave every file byte for byte as it was (no new empty
journal, no new files but the lock file) and show no traceback or SQLite wording.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from recovery_journal.domain.entries import Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path
from recovery_journal.services.access import (
    BackupSettings,
    KeySettings,
    create_journal,
    open_journal,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import keys
from tests.conftest import FAST, PASSPHRASE

PAGE = 4096
ENTRIES = 40
PROJECT_ROOT = Path(__file__).resolve().parents[2]

FileState = dict[str, tuple[int, int, str]]


def _files(root: Path) -> FileState:
    """Every file under ``root``: size, mtime and SHA-256."""
    state: FileState = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            info = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns, digest)
    return state


def _fill(session: JournalSession, count: int = ENTRIES) -> list[int]:
    body = "Today I noticed the urge and went for a walk instead. " * 12
    saved = [
        session.entries.add(Entry(local_date=date(2025, 2, 1 + i % 28), body=f"{i} {body}"))
        for i in range(count)
    ]
    return [entry.id for entry in saved if entry.id is not None]


@pytest.fixture
def closed(journal: JournalSession, journal_path: Path) -> Path:
    """A locked journal with some entries (the -wal checkpointed away): the database file."""
    _fill(journal)
    journal.lock()
    assert not journal_path.with_name(journal_path.name + "-wal").exists()
    return journal_path


def _refused(
    path: Path, backups: BackupSettings, kind: ErrorKind, *, root: Path, ignore: str = ""
) -> UserError:
    """Open ``path``; it must fail with ``kind`` and change no file under ``root``.

    Files whose name ends with ``ignore`` are left out (a -shm: SQLite's scratch index).
    """

    def state() -> FileState:
        return {k: v for k, v in _files(root).items() if not (ignore and k.endswith(ignore))}

    before = state()
    with pytest.raises(UserError) as caught:
        session = open_journal(path, PASSPHRASE, FAST, backups)
        session.lock()
    after = state()
    error = caught.value
    assert error.kind is kind, f"expected {kind}, got {error.kind}: {error}"
    new = set(after) - set(before)
    assert all(name.endswith(".lock") for name in new), f"files were created: {sorted(new)}"
    changed = {name for name in before if after.get(name) != before[name]}
    assert not changed, f"files were changed or removed: {sorted(changed)}"
    message = str(error).lower()
    assert "traceback" not in message
    assert "sqlite" not in message
    assert "hmac" not in message
    return error


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


# ---------------------------------------------------------------- the database file


@pytest.mark.parametrize("offset", [17, 100, 2048, PAGE - 1])
def test_bit_flip_in_page_one_is_journal_damaged(
    closed: Path, backups: BackupSettings, tmp_path: Path, offset: int
) -> None:
    """A flipped bit in page 1 (after the 16-byte salt) is reported as a damaged journal."""
    _flip(closed, offset)
    _refused(closed, backups, ErrorKind.JOURNAL_DAMAGED, root=tmp_path)


@pytest.mark.parametrize("where", ["second", "middle", "last"])
def test_bit_flip_in_a_later_page_is_journal_damaged(
    closed: Path, backups: BackupSettings, tmp_path: Path, where: str
) -> None:
    """A flipped bit in a page after the first is caught at unlock, before anything is used."""
    pages = closed.stat().st_size // PAGE
    page = {"second": 1, "middle": pages // 2, "last": pages - 1}[where]
    assert page >= 1
    _flip(closed, page * PAGE + 1000)
    _refused(closed, backups, ErrorKind.JOURNAL_DAMAGED, root=tmp_path)


def test_file_cut_in_the_middle_of_a_page_is_journal_damaged(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """A journal cut off inside a page is reported as damaged."""
    data = closed.read_bytes()
    closed.write_bytes(data[: len(data) - PAGE - PAGE // 2])
    _refused(closed, backups, ErrorKind.JOURNAL_DAMAGED, root=tmp_path)


@pytest.mark.parametrize("pages_cut", [1, 3])
def test_file_cut_at_a_page_boundary_is_journal_damaged(
    closed: Path, backups: BackupSettings, tmp_path: Path, pages_cut: int
) -> None:
    """A journal missing its last whole pages is reported as damaged, not opened short."""
    data = closed.read_bytes()
    closed.write_bytes(data[: len(data) - pages_cut * PAGE])
    _refused(closed, backups, ErrorKind.JOURNAL_DAMAGED, root=tmp_path)


def test_zero_length_file_is_journal_damaged_not_a_new_journal(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """An empty journal file is damaged; SQLite must not turn it into a new empty journal."""
    closed.write_bytes(b"")
    _refused(closed, backups, ErrorKind.JOURNAL_DAMAGED, root=tmp_path)
    assert closed.stat().st_size == 0


def test_random_bytes_after_the_salt_are_journal_damaged(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """The file is still this journal's (same salt) but its pages are noise: damaged."""
    salt = closed.read_bytes()[:16]
    closed.write_bytes(salt + random.Random(7).randbytes(closed.stat().st_size - 16))
    _refused(closed, backups, ErrorKind.JOURNAL_DAMAGED, root=tmp_path)


def test_a_file_of_random_bytes_is_not_this_journal(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """A whole file of random bytes (salt included) is not this key file's journal."""
    closed.write_bytes(random.Random(7).randbytes(closed.stat().st_size))
    error = _refused(closed, backups, ErrorKind.FILES_MISMATCHED, root=tmp_path)
    assert "replaced" in error.message and "backup" in error.hint


def test_plain_sqlite_file_is_not_a_journal(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """An ordinary unencrypted SQLite database beside a valid key file is 'not a journal'."""
    closed.unlink()
    plain = sqlite3.connect(closed)
    plain.execute("CREATE TABLE notes(text)")
    plain.execute("INSERT INTO notes VALUES ('hello')")
    plain.commit()
    plain.close()
    _refused(closed, backups, ErrorKind.NOT_A_JOURNAL, root=tmp_path)


# ---------------------------------------------------------------- the -wal file


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _shm(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def _hot_wal(session: JournalSession, count: int = 5) -> tuple[bytes, bytes]:
    """The -wal and -shm of an unlocked journal after some writes (what a crash leaves)."""
    _fill(session, count)
    return _wal(session.path).read_bytes(), _shm(session.path).read_bytes()


def test_orphan_wal_without_its_journal_is_half_a_journal(
    journal: JournalSession, journal_path: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """Only the -wal and key file left: "the journal file is missing" (as serious as damage:
    exit 4, restore offered), and no journal is created."""
    wal, _ = _hot_wal(journal)
    journal.lock()
    journal_path.unlink()
    _wal(journal_path).write_bytes(wal)
    error = _refused(journal_path, backups, ErrorKind.JOURNAL_DAMAGED, root=tmp_path)
    assert "journal file is missing" in error.message
    assert not journal_path.exists()


def test_garbage_wal_beside_a_journal_is_ignored(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """A -wal of random bytes (no valid header) is ignored: the journal opens, data intact."""
    session = open_journal(closed, PASSPHRASE, FAST, backups)
    expected = [entry.id for entry in session.entries.list()]
    session.lock()
    _wal(closed).write_bytes(random.Random(3).randbytes(3 * PAGE + 123))
    session = open_journal(closed, PASSPHRASE, FAST, backups)
    try:
        assert [entry.id for entry in session.entries.list()] == expected
        assert session.check().ok
    finally:
        session.lock()


def test_wal_of_another_journal_is_files_mismatched_and_changes_nothing(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """A crash -wal left by a different journal is refused before SQLite copies it in."""
    other, _ = create_journal(tmp_path / "other" / "other.rjournal", PASSPHRASE, FAST, backups)
    wal, shm = _hot_wal(other)
    other.lock()
    _wal(closed).write_bytes(wal)
    _shm(closed).write_bytes(shm)
    error = _refused(closed, backups, ErrorKind.FILES_MISMATCHED, root=tmp_path, ignore="-shm")
    assert "-wal" in str(error)
    # With that file moved away the journal opens with everything it had.
    _wal(closed).rename(tmp_path / "moved-away-wal")
    session = open_journal(closed, PASSPHRASE, FAST, backups)
    try:
        assert session.entries.count() == ENTRIES
        assert session.check().ok
    finally:
        session.lock()


def test_bit_flip_with_a_leftover_wal_is_journal_damaged(
    journal: JournalSession, journal_path: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """A damaged journal file is reported as damaged even when a crash -wal lies beside it."""
    wal, shm = _hot_wal(journal, ENTRIES)
    journal.lock()
    _flip(journal_path, 3 * PAGE + 500)
    _wal(journal_path).write_bytes(wal)
    _shm(journal_path).write_bytes(shm)
    _refused(journal_path, backups, ErrorKind.JOURNAL_DAMAGED, root=tmp_path, ignore="-shm")


# ---------------------------------------------------------------- the key file and the pair


def test_missing_key_file_is_key_file_missing(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """A journal without its key file beside it reports the missing key file."""
    keys_path(closed).rename(tmp_path / "elsewhere.keys")
    _refused(closed, backups, ErrorKind.KEY_FILE_MISSING, root=tmp_path)


@pytest.mark.parametrize(
    "damage",
    ["truncated", "empty", "garbage", "json-but-wrong-shape", "slot-missing"],
)
def test_damaged_key_file_is_key_file_damaged(
    closed: Path, backups: BackupSettings, tmp_path: Path, damage: str
) -> None:
    """A cut, empty, binary or malformed key file is reported as a damaged key file."""
    key_file = keys_path(closed)
    raw = key_file.read_bytes()
    doc = json.loads(raw)
    replacement = {
        "truncated": raw[: len(raw) // 2],
        "empty": b"",
        "garbage": random.Random(5).randbytes(700),
        "json-but-wrong-shape": json.dumps({**doc, "slots": "nope"}).encode(),
        "slot-missing": json.dumps({**doc, "slots": []}).encode(),
    }[damage]
    key_file.write_bytes(replacement)
    _refused(closed, backups, ErrorKind.KEY_FILE_DAMAGED, root=tmp_path)


def _other_journal(tmp_path: Path, backups: BackupSettings) -> Path:
    """A second journal with the same passphrase, locked."""
    session, _ = create_journal(tmp_path / "b" / "journal.rjournal", PASSPHRASE, FAST, backups)
    _fill(session, 3)
    session.lock()
    return session.path


def _swap_key_files(closed: Path, other: Path) -> None:
    mine, theirs = keys_path(closed), keys_path(other)
    mine_bytes = mine.read_bytes()
    mine.write_bytes(theirs.read_bytes())
    theirs.write_bytes(mine_bytes)


def test_swapped_pair_is_refused_and_changes_nothing(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """Journal A's database with journal B's key file (same passphrase) is refused unchanged."""
    other = _other_journal(tmp_path, backups)
    _swap_key_files(closed, other)
    before = _files(tmp_path)
    with pytest.raises(UserError) as caught:
        open_journal(closed, PASSPHRASE, FAST, backups).lock()
    assert caught.value.kind in (ErrorKind.FILES_MISMATCHED, ErrorKind.JOURNAL_DAMAGED)
    assert _files(tmp_path) == before


def test_swapped_pair_is_files_mismatched(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """Journal A's database with journal B's key file says the files don't belong together."""
    other = _other_journal(tmp_path, backups)
    _swap_key_files(closed, other)
    _refused(closed, backups, ErrorKind.FILES_MISMATCHED, root=tmp_path)


def test_database_naming_another_journal_is_files_mismatched(
    journal: JournalSession, journal_path: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """A database the key opens but whose journal id differs from the key file's is refused."""
    with journal.transaction() as tx:
        tx.execute(text("UPDATE meta SET value = 'another-journal' WHERE key = 'journal_id'"))
    journal.lock()
    _refused(journal_path, backups, ErrorKind.FILES_MISMATCHED, root=tmp_path)


# ---------------------------------------------------------------- passphrase and instances


def test_wrong_passphrase_leaves_database_untouched(
    closed: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """A wrong passphrase is WRONG_PASSPHRASE; the database's SHA-256 and mtime stay the same."""
    digest = hashlib.sha256(closed.read_bytes()).hexdigest()
    mtime = closed.stat().st_mtime_ns
    with pytest.raises(UserError) as caught:
        open_journal(closed, "not the passphrase at all", FAST, backups).lock()
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    assert hashlib.sha256(closed.read_bytes()).hexdigest() == digest
    assert closed.stat().st_mtime_ns == mtime


def test_second_open_in_the_same_process_is_already_open(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    """Opening a journal that this process already has unlocked reports ALREADY_OPEN."""
    with pytest.raises(UserError) as caught:
        open_journal(journal_path, PASSPHRASE, FAST, backups).lock()
    assert caught.value.kind is ErrorKind.ALREADY_OPEN
    assert not journal.is_locked
    assert journal.entries.count() == 0


# ---------------------------------------------------------------- the CLI's exit codes


@pytest.fixture(scope="module")
def floor_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A locked journal with the production floor KDF, which the CLI accepts (module-wide)."""
    folder = tmp_path_factory.mktemp("floor")
    settings = KeySettings(params=keys.FLOOR_PARAMS)
    session, _ = create_journal(
        folder / "journal.rjournal", PASSPHRASE, settings, BackupSettings(folder=folder / "bk")
    )
    _fill(session, 10)
    session.lock()
    return session.path


@pytest.fixture
def cli_journal(floor_journal: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the floor-KDF journal for one CLI test."""
    target = tmp_path / "cli" / "journal.rjournal"
    target.parent.mkdir()
    shutil.copy2(floor_journal, target)
    shutil.copy2(keys_path(floor_journal), keys_path(target))
    yield target


def _cli(*args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "RECOVERY_JOURNAL_PASSPHRASE": passphrase,
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    env.pop("RECOVERY_JOURNAL_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "recovery_journal", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _assert_cli_refused(result: subprocess.CompletedProcess[str], expected_start: str) -> None:
    assert result.returncode == 4, result
    assert "Traceback" not in result.stderr
    assert "hmac" not in result.stderr.lower()
    assert result.stderr.startswith(f"recovery-journal: {expected_start}"), result.stderr


def test_cli_exits_4_for_a_damaged_journal(cli_journal: Path) -> None:
    """`recovery-journal list` on a journal with a flipped bit exits 4 with the kind message."""
    _flip(cli_journal, 5 * PAGE + 77)
    before = _files(cli_journal.parent)
    result = _cli("list", "--journal", str(cli_journal))
    _assert_cli_refused(result, "This journal file is damaged")
    after = _files(cli_journal.parent)
    after.pop("journal.rjournal.lock", None)
    assert after == before


def test_cli_exits_4_for_a_missing_key_file(cli_journal: Path) -> None:
    """`recovery-journal list` without the key file exits 4 and says the key file is missing."""
    keys_path(cli_journal).unlink()
    result = _cli("list", "--journal", str(cli_journal))
    _assert_cli_refused(result, "The key file for this journal is missing")
    assert sorted(p.name for p in cli_journal.parent.iterdir()) == ["journal.rjournal"]


def test_cli_exits_4_for_a_plain_sqlite_file(cli_journal: Path) -> None:
    """`recovery-journal list` on an unencrypted database exits 4: not a journal."""
    cli_journal.unlink()
    plain = sqlite3.connect(cli_journal)
    plain.execute("CREATE TABLE notes(text)")
    plain.commit()
    plain.close()
    result = _cli("list", "--journal", str(cli_journal))
    _assert_cli_refused(result, "That file is an ordinary (unencrypted) database")
