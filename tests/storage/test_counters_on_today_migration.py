"""The "counters chosen for Today" migration: a journal of the version before it is backed up,
then every counter it had (archived or not) is pinned, so Today shows what it showed before."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, open_journal
from recovery_journal.storage import database, keys, migrations
from tests.conftest import FAST, PASSPHRASE

STEP = next(m for m in migrations.MIGRATIONS if m.title == "counters chosen for Today")
DAY = date(2025, 6, 1)


def _journal_before_pins(path: Path) -> None:
    """A journal exactly as the previous schema version wrote it, with two counters kept and
    one archived (one of them with a slip)."""
    envelope, material, _ = keys.new_envelope(PASSPHRASE, FAST.params, FAST.policy)
    conn: Any = database.connect(path, material.data_key, create=True)
    migrations.migrate(conn, target=STEP.version - 1)
    conn.execute("INSERT INTO meta VALUES ('journal_id', ?)", (envelope.journal_id,))
    stamp = "2025-01-01T10:00:00.000000Z"
    for ident, title, start, archived in (
        (1, "Sober since", "2025-01-01", None),
        (2, "Smoke-free since", "2025-03-01", None),
        (3, "Old counter", "2024-01-01", stamp),
    ):
        conn.execute(
            "INSERT INTO counters (id, title, start_date, convention, created_utc, archived_utc)"
            " VALUES (?, ?, ?, 'day_one', ?, ?)",
            (ident, title, start, stamp, archived),
        )
    conn.execute(
        "INSERT INTO counter_slips (counter_id, local_date, context, next_time)"
        " VALUES (1, '2025-04-10', '', '')"
    )
    conn.close()
    keys.write_envelope(keys_path(path), envelope)
    material.wipe()


def test_existing_counters_stay_on_today_after_a_backed_up_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.rjournal"
    _journal_before_pins(path)
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert session.migrated_from == STEP.version - 1
        assert session._opened.schema_version() == migrations.CURRENT_VERSION
        name = f"*before-upgrade-v{STEP.version - 1}.rjbackup"
        assert len(list((tmp_path / "backups").glob(name))) == 1
        everything = session.progress.counters.list(include_archived=True)
        assert [(c.title, c.pinned) for c in everything] == [
            ("Old counter", True),
            ("Sober since", True),
            ("Smoke-free since", True),
        ]
        on_today = session.progress.counters_on_today(DAY)
        assert [st.counter.title for st in on_today] == ["Sober since", "Smoke-free since"]
        sober = on_today[0]
        assert [slip.local_date for slip in sober.slips] == [date(2025, 4, 10)]
        assert sober.stats.current == (DAY - date(2025, 4, 10)).days
    finally:
        session.lock()
