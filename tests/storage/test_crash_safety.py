"""kill -9 of a writer at random moments never loses a committed entry or damages the journal.

A writer process (forked by ``crash_writer.py``) adds entries one transaction each and prints each
id after the commit returned; the test kills it with SIGKILL at a random moment (a seeded random
number of reported entries, then a random delay spent reading more lines), reopens the journal and
checks that every reported entry is there and that the database, its encryption and its search
index check out. The same journal is reused across rounds, so later rounds open journals left by
earlier kills (a hot ``-wal``). The backup test cuts a backup short by the writer's own file-size
limit (``write_limit.py``), so the kill lands inside the backup however busy the machine is.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from recovery_journal.domain.entries import Entry
from recovery_journal.errors import NotFoundError
from recovery_journal.services.access import (
    BackupSettings,
    open_journal,
    restore_backup,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.storage.backup import read_bundle
from tests.conftest import FAST, PASSPHRASE
from tests.storage.crash_writer import Round, WriterServer

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="kill -9 rounds need fork and SIGKILL"),
]

ROUNDS = 50
SEED = int(os.environ.get("RECOVERY_JOURNAL_CRASH_SEED", "20251122"))
# How far into the second backup its writes get before the kill (fractions of the first bundle).
BACKUP_DEPTHS = (0.05, 0.5, 0.95)
WORD = "crashword"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[WriterServer]:
    """A running fork server for writer processes, stopped after the test."""
    with WriterServer(tmp_path / "writer-stderr.txt") as running:
        yield running


def _command(journal_path: Path, backups: BackupSettings, **extra: str) -> dict[str, str]:
    return {
        "journal": str(journal_path),
        "backups": str(backups.folder),
        "passphrase": PASSPHRASE,
        "word": WORD,
        **extra,
    }


def _missing(session: JournalSession, ids: list[int]) -> list[int]:
    missing = []
    for entry_id in ids:
        try:
            session.entries.get(entry_id)
        except NotFoundError:
            missing.append(entry_id)
    return missing


def _after_kill(journal_path: Path, backups: BackupSettings, result: Round, label: str) -> None:
    """Reopen after a kill: every reported entry present, every check passing."""
    session = open_journal(journal_path, PASSPHRASE, FAST, backups)
    try:
        missing = _missing(session, result.ids)
        report = session.check()
    finally:
        session.lock()
    assert not missing, f"{label}: committed entries lost after kill -9: {missing}"
    assert report.ok, f"{label}: journal fails its checks after kill -9: {report}"


def test_committed_entries_survive_kill_9_at_random_points(
    journal: JournalSession, journal_path: Path, backups: BackupSettings, server: WriterServer
) -> None:
    """After 50 SIGKILLs at random moments every reported entry is there and all checks pass."""
    journal.lock()
    rng = random.Random(SEED)
    command = _command(journal_path, backups)
    reported: list[int] = []
    for round_no in range(ROUNDS):
        # About one round in five is killed while unlocking or during its first write.
        wanted = 0 if rng.random() < 0.2 else rng.randint(1, 40)
        delay = rng.uniform(0.0, 0.02)
        result = server.run(command, _after_ids(wanted, delay))
        label = f"round {round_no} (seed {SEED}, after {wanted} ids + {delay:.4f} s)"
        assert result.killed, f"{label}: writer ended by itself:\n{server.stderr_text()}"
        reported += result.ids
        _after_kill(journal_path, backups, result, label)

    session = open_journal(journal_path, PASSPHRASE, FAST, backups)
    try:
        missing = _missing(session, reported)
        entry_ids = {entry.id for entry in session.entries.list()}
        found_ids = {hit.entry.id for hit in session.entries.search(WORD, limit=10**6)}
    finally:
        session.lock()
    assert not missing
    assert len(reported) > ROUNDS, "the rounds reported too few entries to mean anything"
    assert found_ids == entry_ids, "the search index and the entries disagree"


def _after_ids(wanted: int, delay: float) -> Callable[[Round], float | None]:
    """Kill ``delay`` seconds after the writer reported ``wanted`` committed ids."""
    return lambda result: delay if result.count("id ") >= wanted else None


def _never(_result: Round) -> None:
    """The test never kills: the writer's own write limit does."""


def _mid_backup(result: Round) -> bool:
    """Whether the kill landed between a backup's start and its end."""
    return result.killed and result.count("backup-start ") > result.count("backup-done ")


def _check_bundles(dest: Path, restore_to: Path, label: str) -> None:
    """Finished bundles verify; the newest restores to a journal that checks out."""
    finished = sorted(dest.glob("kill-*.rjbackup"))
    leftovers = [p.name for p in dest.iterdir() if p not in finished]
    assert finished, f"{label}: no backup finished before the kill"
    # A kill mid-backup may leave the hidden temporary snapshot/bundle, never a partial bundle.
    assert all(name.startswith(".kill-") for name in leftovers), f"{label}: {leftovers}"
    for bundle in finished:
        read_bundle(bundle)  # raises BACKUP_DAMAGED for a partial or inconsistent bundle
    restored = restore_to / "journal.rjournal"
    restore_backup(finished[-1], restored)
    session = open_journal(
        restored, PASSPHRASE, FAST, BackupSettings(folder=restore_to / "backups", daily=False)
    )
    try:
        report = session.check()
    finally:
        session.lock()
    assert report.ok, f"{label}: the restored backup fails its checks: {report}"


def test_kill_9_during_a_backup_keeps_journal_and_finished_bundles(
    journal: JournalSession, journal_path: Path, backups: BackupSettings, tmp_path: Path
) -> None:
    """Killed mid-backup at three depths (by its own write limit, not a clock): the journal is
    intact, every finished bundle is whole and restores, and the backup can be made again."""
    filler = "a longer day, lots to write about " * 40
    journal.entries.add_many(
        [Entry(local_date=date(2024, 5, 1 + i % 28), body=f"{i} {filler}") for i in range(400)]
    )
    journal.lock()
    with WriterServer(tmp_path / "writer-stderr.txt") as server:
        for attempt, fraction in enumerate(BACKUP_DEPTHS):
            dest = tmp_path / f"bundles-{attempt}"
            dest.mkdir()
            command = _command(
                journal_path, backups, backup_dest=str(dest), die_in_backup=str(fraction)
            )
            result = server.run(command, _never)
            label = f"backup cut at {fraction:.0%} of a bundle"
            assert result.killed, f"{label}: writer ended otherwise:\n{server.stderr_text()}"
            assert _mid_backup(result), f"{label}: not inside a backup: {result.lines[-3:]}"
            _after_kill(journal_path, backups, result, label)
            _check_bundles(dest, tmp_path / f"restored-{attempt}", label)
    # The interrupted backup's leftovers do not stop the same backup from being made again.
    killed = result.lines[-1] if result.lines[-1].startswith("backup-start ") else None
    assert killed is not None, result.lines[-3:]
    again = dest / f"kill-{killed.split()[1]}.rjbackup"
    session = open_journal(journal_path, PASSPHRASE, FAST, backups)
    try:
        session.backup_to(again)
    finally:
        session.lock()
    read_bundle(again)
