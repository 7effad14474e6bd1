"""Schema versions: the ORM matches the migrated schema; older journals upgrade after a backup."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, open_journal
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import database, keys, migrations
from recovery_journal.storage.orm import Base
from tests.conftest import FAST, PASSPHRASE


def test_orm_tables_match_the_migrated_schema(journal: JournalSession) -> None:
    """Every ORM table and column exists exactly as migrations made it."""
    with journal.transaction() as s:
        conn = s.connection()
        for table in Base.metadata.sorted_tables:
            rows = conn.exec_driver_sql(f"PRAGMA table_info({table.name})").fetchall()
            assert {r[1] for r in rows} == {c.name for c in table.columns}, table.name
            notnull = {r[1] for r in rows if r[3]}
            expected = {c.name for c in table.columns if not c.nullable}
            assert notnull == expected, table.name


def test_new_journals_are_at_the_current_version(journal: JournalSession) -> None:
    assert journal._opened.schema_version() == migrations.CURRENT_VERSION


def _write_version_1_journal(path: Path) -> str:
    """A journal exactly as version 1 of the schema wrote it (before the search index)."""
    envelope, material, _ = keys.new_envelope(PASSPHRASE, FAST.params, FAST.policy)
    conn: Any = database.connect(path, material.data_key, create=True)
    migrations.migrate(conn, target=1)
    conn.execute("INSERT INTO meta VALUES ('journal_id', ?)", (envelope.journal_id,))
    conn.execute(
        "INSERT INTO entries (local_date, title, body, mood, bring_to_therapy, created_utc, "
        "updated_utc) VALUES ('2025-05-01', 'Old', 'written before search existed', 5, 0, "
        "'2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z')"
    )
    conn.close()
    keys.write_envelope(keys_path(path), envelope)
    material.wipe()
    return envelope.journal_id


def test_version_1_journal_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.rjournal"
    _write_version_1_journal(path)
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert session.migrated_from == 1
        assert session._opened.schema_version() == migrations.CURRENT_VERSION
        bundles = list((tmp_path / "backups").glob("*before-upgrade-v1.rjbackup"))
        assert len(bundles) == 1
        hits = session.entries.search("search existed")
        assert [h.entry.title for h in hits] == ["Old"]
        assert hits[0].entry.local_date == date(2025, 5, 1)
    finally:
        session.lock()


def test_pre_upgrade_backup_restores_the_old_version(tmp_path: Path) -> None:
    from recovery_journal.services.access import restore_backup

    path = tmp_path / "old.rjournal"
    _write_version_1_journal(path)
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    open_journal(path, PASSPHRASE, FAST, backups).lock()
    bundle = next((tmp_path / "backups").glob("*.rjbackup"))
    info = restore_backup(bundle, tmp_path / "restored.rjournal")
    assert info.schema_version == 1


def test_a_journal_from_a_newer_app_is_refused_untouched(
    journal: JournalSession, reopen: Any
) -> None:
    with journal.transaction() as s:
        s.connection().exec_driver_sql("PRAGMA user_version = 99")
    path = journal.path
    journal.lock()
    with pytest.raises(UserError) as caught:
        open_journal(path, PASSPHRASE, FAST)
    assert caught.value.kind is ErrorKind.TOO_NEW
