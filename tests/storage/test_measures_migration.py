"""The "own daily measures" migration: a journal of the version before it is backed up, then
gains the two tables (empty) and keeps its entries; the ORM matches (test_migrations)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from recovery_journal.domain.measures import Measure
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, open_journal
from recovery_journal.storage import database, keys, migrations
from tests.conftest import FAST, PASSPHRASE

STEP = next(m for m in migrations.MIGRATIONS if m.title == "own daily measures")


def _journal_before_measures(path: Path) -> None:
    envelope, material, _ = keys.new_envelope(PASSPHRASE, FAST.params, FAST.policy)
    conn: Any = database.connect(path, material.data_key, create=True)
    migrations.migrate(conn, target=STEP.version - 1)
    conn.execute("INSERT INTO meta VALUES ('journal_id', ?)", (envelope.journal_id,))
    conn.execute(
        "INSERT INTO entries (local_date, title, body, mood, bring_to_therapy, created_utc, "
        "updated_utc, starred) VALUES ('2025-05-01', 'Old', 'before measures', 5, 0, "
        "'2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z', 0)"
    )
    conn.close()
    keys.write_envelope(keys_path(path), envelope)
    material.wipe()


def test_a_journal_from_before_measures_upgrades_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.rjournal"
    _journal_before_measures(path)
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert session.migrated_from == STEP.version - 1
        assert session._opened.schema_version() == migrations.CURRENT_VERSION
        assert len(list((tmp_path / "backups").glob("*.rjbackup"))) == 1
        assert session.measures.list() == []
        craving = session.measures.add(Measure("Craving"))
        assert craving.id is not None
        session.measures.set_day(date(2025, 5, 1), {craving.id: 4})
        assert [e.title for e in session.entries.everything()[0]] == ["Old"]
    finally:
        session.lock()
