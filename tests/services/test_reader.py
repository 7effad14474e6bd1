"""Reading without the ORM (the command line's list/search/show): the same answers as the session,
the same daily backup and locking, and a read never changes anything."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from recovery_journal.domain.entries import CheckIn, Emotion, Entry
from recovery_journal.errors import ErrorKind, NotFoundError, UserError
from recovery_journal.services.access import BackupSettings
from recovery_journal.services.reader import JournalReader, open_reader
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import backup, reads, vault
from tests.conftest import FAST, PASSPHRASE


def _fill(journal: JournalSession) -> list[Entry]:
    written = [
        journal.entries.add(
            Entry(
                date(2026, 3, day),
                f"Day {day}: slept badly, then a walk by the river",
                title=f"Day {day}",
                check_in=CheckIn(
                    mood=day % 11,
                    anxiety=3,
                    energy=None,
                    sleep_hours=6.5,
                    sleep_quality=2,
                    emotions=(Emotion("calm", 4), Emotion("Ärger", 7)),
                ),
                tags=("Walk", "sleep"),
                bring_to_therapy=day % 2 == 0,
            )
        )
        for day in range(1, 8)
    ]
    written.append(
        journal.entries.add(Entry(date(2026, 3, 9), "", check_in=CheckIn(mood=5)))
    )  # mood only
    journal.entries.move_to_trash(written[2].id or 0)
    return written


def _reader(path: Path, backups: BackupSettings) -> JournalReader:
    return open_reader(path, PASSPHRASE, FAST, backups)


def test_the_reader_sees_exactly_what_the_session_sees(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    written = _fill(journal)
    expected_latest = journal.entries.list(limit=5)
    expected_hits = journal.entries.search("river")
    by_orm = {e.id: journal.entries.get(e.id or 0) for e in written}  # validated on the way out
    journal.lock()

    reader = _reader(journal_path, backups)
    try:
        assert reader.latest(5) == expected_latest
        assert reader.search("river") == expected_hits
        for ident, entry in by_orm.items():
            # Rebuilt without validation, yet equal field for field (trashed ones too).
            assert reader.get(ident or 0) == entry
        assert reader.get(written[2].id or 0).in_trash
        assert reader.latest(None, start=date(2026, 3, 6), end=date(2026, 3, 9)) == [
            by_orm[written[7].id],
            by_orm[written[6].id],
            by_orm[written[5].id],
        ]
        with pytest.raises(NotFoundError):
            reader.get(10_000)
    finally:
        reader.lock()


def test_reading_takes_the_daily_backup_and_locks_like_any_unlock(
    journal: JournalSession, journal_path: Path, tmp_path: Path
) -> None:
    journal.entries.add(Entry(date(2026, 3, 1), "kept"))
    journal.lock()
    daily = BackupSettings(folder=tmp_path / "daily", keep=3)
    reader = _reader(journal_path, daily)
    assert len(backup.list_bundles(daily.folder_for(journal_path), journal.journal_id)) == 1
    with pytest.raises(UserError) as second:
        _reader(journal_path, daily)  # one instance at a time, readers included
    assert second.value.kind is ErrorKind.ALREADY_OPEN
    reader.lock()
    with pytest.raises(UserError) as locked:
        reader.latest()
    assert locked.value.kind is ErrorKind.JOURNAL_LOCKED
    _reader(journal_path, daily).lock()  # the lock was released; still one backup today
    assert len(backup.list_bundles(daily.folder_for(journal_path), journal.journal_id)) == 1


def test_a_read_transaction_never_keeps_a_change(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    journal.lock()
    opened = vault.unlock(journal_path, PASSPHRASE, FAST, backups)
    try:
        with opened.reading() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES ('stray', 'x')")
        assert not opened.connection.in_transaction
        with opened.reading() as conn:
            assert conn.execute("SELECT count(*) FROM meta WHERE key = 'stray'").fetchone() == (0,)
        assert reads.count(opened.connection) == 0
    finally:
        opened.close()


def test_the_orm_engine_is_made_only_when_used(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    journal.lock()
    opened = vault.unlock(journal_path, PASSPHRASE, FAST, backups)
    assert opened._engine is None
    session = JournalSession(opened)
    session.entries.add(Entry(date(2026, 3, 1), "through the ORM"))
    assert opened._engine is not None
    session.lock()
    with pytest.raises(UserError):
        _ = opened.engine  # a locked journal hands out nothing


def test_reading_inside_a_unit_of_work_sees_its_changes(journal: JournalSession) -> None:
    with journal.transaction() as s:
        s.connection().exec_driver_sql("INSERT INTO meta(key, value) VALUES ('inner', 'x')")
        with journal.reading() as conn:  # no nested BEGIN; the outer transaction is kept
            assert conn.execute("SELECT value FROM meta WHERE key = 'inner'").fetchone() == ("x",)
    with journal.reading() as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'inner'").fetchone() == ("x",)


def test_damage_is_reported_when_read_and_never_copied_into_a_backup(
    journal: JournalSession, journal_path: Path, tmp_path: Path
) -> None:
    """A read-only look skips the whole-file check at unlock, so with a bit flipped in any page
    it either answers correctly (that page wasn't needed) or says the journal is damaged: never a
    wrong answer, never a traceback. And no backup is ever made of a damaged journal."""
    for i in range(30):
        journal.entries.add(Entry(date(2025, 1, 1 + i % 28), f"{i} walked instead. " * 40))
    expected = (journal.entries.latest(3), journal.entries.search("walked", limit=100))
    journal.lock()
    good = journal_path.read_bytes()
    page = 4096
    outcomes = set()
    for number in range(1, len(good) // page):
        damaged = bytearray(good)
        damaged[number * page + 100] ^= 0x10
        journal_path.write_bytes(bytes(damaged))
        try:
            reader = _reader(journal_path, BackupSettings(daily=False))
            try:
                assert (reader.latest(3), reader.search("walked", limit=100)) == expected
                outcomes.add("answered")
            finally:
                reader.lock()
        except UserError as error:
            assert error.kind is ErrorKind.JOURNAL_DAMAGED, error
            outcomes.add("damaged")
        daily = BackupSettings(folder=tmp_path / f"daily-{number}")
        with pytest.raises(UserError) as refused:  # the first unlock of the day backs up
            _reader(journal_path, daily)
        assert refused.value.kind is ErrorKind.JOURNAL_DAMAGED
        assert not list(daily.folder_for(journal_path).glob("*"))
    assert outcomes == {"answered", "damaged"}
