"""Journal text never reaches the disk, exceptions or logs in the clear.

A unique marker (``MARKER``) goes into titles, bodies, tags and emotions; then every file the
journal could have touched is searched for it in UTF-8 and UTF-16-LE: the journal's folder (the
database, ``-wal``, ``-shm``, key and lock files, backups), the files SQLite's temp directories
got during the test, and SQLite temp files the process holds open (they are deleted on creation,
so only ``/proc/self/fd`` shows them). Control tests show the search finds a marker when there is
one.
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlcipher3 import dbapi2

from recovery_journal.domain.entries import CheckIn, Emotion, Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.access import BackupSettings, open_journal
from recovery_journal.services.session import JournalSession
from tests.conftest import FAST, MARKER, PASSPHRASE
from tests.storage.crash_writer import WriterServer

NEEDLES = {"utf-8": MARKER.encode("utf-8"), "utf-16-le": MARKER.encode("utf-16-le")}
SQLITE_TEMP_DIRS = (Path(tempfile.gettempdir()), Path("/var/tmp"))
WRITES = 1000
WAL_FRAME = 24 + 4096
# 10,000 rows of two entries' text, sorted: with temp_store = FILE and a 20-page cache this spills
# to a temp file (the control test shows the same with a plain connection).
SPILLING_SORT = (
    "SELECT a.body || b.title FROM entries a, entries b ORDER BY substr(a.body, 8), b.id, a.id"
)


def _leaks_in(data: bytes) -> list[str]:
    return [name for name, needle in NEEDLES.items() if needle in data]


def _files_under(roots: Iterable[Path]) -> Iterator[Path]:
    for root in roots:
        if root.is_dir():
            yield from (p for p in sorted(root.rglob("*")) if p.is_file())
        elif root.is_file():
            yield root


def _recent_temp_files(since: float) -> list[Path]:
    """Regular files directly in SQLite's temp directories, modified since ``since``."""
    found = []
    for folder in SQLITE_TEMP_DIRS:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and info.st_mtime >= since:
                found.append(path)
    return found


def _open_sqlite_temp_files() -> list[Path]:
    """SQLite temp files (``etilqs_*``) this process holds open, deleted or not (Linux)."""
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        return []
    found = []
    for fd in os.listdir(fd_dir):
        try:
            if "etilqs_" in os.readlink(fd_dir / fd):
                found.append(fd_dir / fd)
        except OSError:
            continue
    return found


def _scan(roots: Iterable[Path], *, since: float | None = None) -> dict[str, list[str]]:
    """Every file under ``roots`` (plus recent and open SQLite temp files) holding the marker."""
    candidates = list(_files_under(roots)) + _open_sqlite_temp_files()
    if since is not None:
        candidates += _recent_temp_files(since)
    leaks = {}
    for path in candidates:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # vanished while scanning (another process's temp file)
        found = _leaks_in(data)
        if found:
            leaks[str(path)] = found
    return leaks


def _entry(i: int) -> Entry:
    return Entry(
        local_date=date(2025, 3, 1 + i % 28),
        title=f"Day {i} {MARKER}",
        body=f"It was hard today ({i}). {MARKER} I talked to my sponsor. {MARKER}",
        tags=(f"{MARKER}", f"t{i % 5}"),
        check_in=CheckIn(emotions=(Emotion(f"{MARKER}feeling", i % 11),), mood=i % 11),
    )


@pytest.fixture
def started() -> float:
    """When the test began (a second early, for coarse file times)."""
    return time.time() - 1


# ---------------------------------------------------------------- controls


def test_control_scan_finds_the_marker_in_both_encodings(tmp_path: Path) -> None:
    """The scan reports a file holding the marker as UTF-8 and another as UTF-16-LE."""
    (tmp_path / "a.bin").write_bytes(b"..." + MARKER.encode("utf-8") + b"...")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.bin").write_bytes(MARKER.encode("utf-16-le"))
    assert _scan([tmp_path]) == {
        str(tmp_path / "a.bin"): ["utf-8"],
        str(tmp_path / "sub" / "b.bin"): ["utf-16-le"],
    }


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd (Linux)")
def test_control_scan_finds_plaintext_in_sqlite_temp_files(tmp_path: Path) -> None:
    """With temp_store = FILE a big sort spills plaintext to a deleted temp file the scan sees."""
    conn = dbapi2.connect(str(tmp_path / "control.db"), isolation_level=None)
    try:
        conn.execute("PRAGMA key = 'control'")
        conn.execute("PRAGMA temp_store = FILE")
        conn.execute("PRAGMA cache_size = 20")
        conn.execute("CREATE TABLE t(x)")
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO t VALUES (?)", [(f"{MARKER} {i} {'y' * 300}",) for i in range(4000)]
        )
        conn.execute("COMMIT")
        cursor = conn.execute("SELECT x FROM t ORDER BY substr(x, 20), x")
        cursor.fetchone()
        leaks = _scan([])
        cursor.fetchall()
    finally:
        conn.close()
    assert leaks, "the control sort left no temp file: the fd scan proves nothing here"


# ---------------------------------------------------------------- the journal's files


def test_thousand_writes_leave_no_plaintext_in_any_file(
    journal: JournalSession, journal_path: Path, tmp_path: Path, started: float
) -> None:
    """1,000 committed entries, all still in the -wal: no file anywhere holds the marker."""
    with journal.transaction() as tx:  # keep every write in the -wal (no automatic checkpoint)
        tx.execute(text("PRAGMA wal_autocheckpoint = 0"))
    for i in range(WRITES):
        journal.entries.add(_entry(i))
    assert len(journal.entries.search(MARKER, limit=WRITES)) == WRITES
    assert len(journal.entries.list()) == WRITES
    wal = journal_path.with_name(journal_path.name + "-wal")
    assert wal.stat().st_size >= WRITES * WAL_FRAME, "the -wal was checkpointed"
    assert journal_path.with_name(journal_path.name + ".lock").exists()
    assert _scan([tmp_path], since=started) == {}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd (Linux)")
def test_sorting_with_a_tiny_cache_writes_no_plaintext_temp_file(
    journal: JournalSession, tmp_path: Path, started: float
) -> None:
    """temp_store is MEMORY: a sort far bigger than the cache spills nothing readable."""
    journal.entries.add_many([_entry(i) for i in range(100)])
    with journal.transaction() as tx:
        assert tx.execute(text("PRAGMA temp_store")).scalar() == 2  # MEMORY
        tx.execute(text("PRAGMA cache_size = 20"))
        rows = tx.execute(text(SPILLING_SORT))
        rows.fetchone()
        leaks = _scan([tmp_path], since=started)
        rows.fetchall()
    assert leaks == {}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill -9 writer needs fork and SIGKILL")
def test_kill_9_mid_write_leaves_no_plaintext(
    journal: JournalSession,
    journal_path: Path,
    backups: BackupSettings,
    tmp_path: Path,
    started: float,
) -> None:
    """A writer killed with SIGKILL mid-way leaves a hot -wal but no marker in any file."""
    journal.lock()
    command = {
        "journal": str(journal_path),
        "backups": str(backups.folder),
        "passphrase": PASSPHRASE,
        "marker": MARKER,
    }
    with WriterServer(tmp_path / "writer-stderr.txt") as server:
        result = server.run(command, lambda r: 0.005 if r.count("id ") >= 25 else None)
    assert result.killed and len(result.ids) >= 25
    wal = journal_path.with_name(journal_path.name + "-wal")
    assert wal.stat().st_size > 0, "the kill left no -wal to look at"
    assert _scan([tmp_path], since=started) == {}


def test_backups_hold_no_plaintext(
    journal: JournalSession,
    journal_path: Path,
    backups: BackupSettings,
    tmp_path: Path,
    started: float,
) -> None:
    """A manual backup and the automatic one at unlock contain no marker, nor does the folder."""
    journal.entries.add_many([_entry(i) for i in range(300)])
    for i in range(300, 320):
        journal.entries.add(_entry(i))  # the last ones only in the -wal
    manual = tmp_path / "elsewhere" / "manual.rjbackup"
    journal.backup_to(manual)
    journal.lock()
    session = open_journal(journal_path, PASSPHRASE, FAST, backups)  # takes the daily backup
    session.lock()
    assert backups.folder is not None
    automatic = list(backups.folder.glob("*.rjbackup"))
    assert manual.stat().st_size > 0 and len(automatic) == 1
    assert _scan([tmp_path, manual, *automatic], since=started) == {}


# ---------------------------------------------------------------- exceptions and logs


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error and everything it was raised from or during (even if suppressed)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [current.__cause__, current.__context__]


def _fk_violation(session: JournalSession) -> None:
    session.tracking.log_trigger(
        987_654, 7, when=datetime(2025, 3, 3, 12, tzinfo=UTC), context=f"at the bar {MARKER}"
    )


def _over_long_entry(session: JournalSession) -> None:
    session.entries.add(Entry(local_date=date(2025, 3, 3), body=f"{MARKER} " * 100_000))


def _edit_of_a_missing_entry(session: JournalSession) -> None:
    session.entries.edit(Entry(local_date=date(2025, 3, 3), body=MARKER, id=424_242))


@pytest.mark.parametrize(
    ("action", "kind"),
    [
        (_fk_violation, ErrorKind.INVALID_INPUT),
        (_over_long_entry, ErrorKind.INVALID_INPUT),
        (_edit_of_a_missing_entry, ErrorKind.NOT_FOUND),
    ],
    ids=["foreign-key", "over-long", "missing-entry"],
)
def test_errors_and_logs_never_carry_journal_text(
    journal: JournalSession,
    caplog: pytest.LogCaptureFixture,
    action: Callable[[JournalSession], None],
    kind: ErrorKind,
) -> None:
    """Failing writes: message, repr, traceback, causes and INFO SQL logs hold no marker."""
    journal.entries.add(_entry(1))
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    with pytest.raises(UserError) as caught:
        action(journal)
    error = caught.value
    assert error.kind is kind
    texts = [
        "".join(traceback.format_exception(error)),
        caplog.text,
        *(repr(e) for e in _chain(error)),
        *(str(e) for e in _chain(error)),
        *(record.getMessage() for record in caplog.records),
        *(repr(record.args) for record in caplog.records),
    ]
    assert not [t for t in texts if MARKER in t]
    if action is _fk_violation:  # it reached the database: the SQL log was really on
        assert any(r.name.startswith("sqlalchemy.engine") for r in caplog.records)
    assert journal.entries.count() == 1


def test_sql_debug_logging_shows_no_journal_text(
    journal: JournalSession, caplog: pytest.LogCaptureFixture
) -> None:
    """Even with SQLAlchemy's loggers at DEBUG (they print result rows) no log holds the marker."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    saved = journal.entries.add(_entry(1))
    assert journal.entries.get(saved.id or 0).title == f"Day 1 {MARKER}"
    assert len(journal.entries.search(MARKER)) == 1
    assert journal.entries.list()[0].body == saved.body
    assert any(r.name.startswith("sqlalchemy.engine") for r in caplog.records)
    assert MARKER not in caplog.text
    assert not [r for r in caplog.records if MARKER in repr(r.args) or MARKER in r.getMessage()]
