"""The search index by date (schema migration "search index by date…"): a journal written by the
version before it is backed up, upgraded and compacted, and every way an entry changes keeps the
index — which no longer holds a copy of the text — in step."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from recovery_journal.domain.entries import MATCH_START, Entry
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, open_journal
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import database, keys, migrations
from tests.conftest import FAST, MARKER, PASSPHRASE
from tests.storage.test_no_plaintext import _scan

BEFORE = next(m.version for m in migrations.MIGRATIONS if m.title.startswith("search index")) - 1
OLD_ENTRIES = [  # (date, title, body, tags) as the previous version stored them
    ("2024-05-01", "River", f"walked by the river {MARKER}", ("outside",)),
    ("2023-01-10", "", "a long talk with Sam about the river", ()),
    ("2025-02-02", "Backdated", "river again, written later about an older day", ("river",)),
]


def _write_journal_before(path: Path) -> None:
    """A journal exactly as the version before wrote it: entries in ``entries`` and, text and
    all, in the ordinary FTS5 table (rowid = entry id)."""
    envelope, material, _ = keys.new_envelope(PASSPHRASE, FAST.params, FAST.policy)
    conn: Any = database.connect(path, material.data_key, create=True)
    migrations.migrate(conn, target=BEFORE)
    conn.execute("INSERT INTO meta VALUES ('journal_id', ?)", (envelope.journal_id,))
    for day, title, body, tags in OLD_ENTRIES:
        entry_id = conn.execute(
            "INSERT INTO entries (local_date, title, body, mood, bring_to_therapy, created_utc, "
            "updated_utc, starred) VALUES (?, ?, ?, 5, 0, ?, ?, 0)",
            (day, title, body, f"{day}T10:00:00.000000Z", f"{day}T10:00:00.000000Z"),
        ).lastrowid
        for tag in tags:
            tag_id = conn.execute("INSERT INTO tags (name) VALUES (?)", (tag,)).lastrowid
            conn.execute("INSERT INTO entry_tags VALUES (?, ?)", (entry_id, tag_id))
        conn.execute(
            "INSERT INTO entries_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
            (entry_id, title, body, " ".join(tags)),
        )
    conn.close()
    keys.write_envelope(keys_path(path), envelope)
    material.wipe()


@pytest.fixture
def upgraded(tmp_path: Path) -> Any:
    path = tmp_path / "before.rjournal"
    _write_journal_before(path)
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    session = open_journal(path, PASSPHRASE, FAST, backups)
    yield session
    session.lock()


def _titles(session: JournalSession, query: str, **filters: Any) -> list[str]:
    return [h.entry.title for h in session.entries.search(query, **filters)]


def _scalar(session: JournalSession, sql: str) -> Any:
    with session.reading() as conn:
        return conn.execute(sql).fetchone()[0]


def test_the_journal_is_backed_up_upgraded_and_compacted(
    upgraded: JournalSession, tmp_path: Path
) -> None:
    assert upgraded.migrated_from == BEFORE
    assert len(list((tmp_path / "backups").glob(f"*before-upgrade-v{BEFORE}.rjbackup"))) == 1
    assert upgraded._opened.schema_version() == migrations.CURRENT_VERSION
    # No second copy of the text any more, and the pages the old one took went back (VACUUM).
    copies = "SELECT count(*) FROM sqlite_master WHERE name = 'entries_fts_content'"
    assert _scalar(upgraded, copies) == 0
    assert _scalar(upgraded, "PRAGMA freelist_count") == 0
    assert upgraded.check().ok
    # The compaction's copy was built in memory: no file anywhere holds the text in the clear.
    assert _scan([tmp_path]) == {}


def test_old_text_is_found_newest_first_with_snippets(upgraded: JournalSession) -> None:
    hits = upgraded.entries.search("river")
    assert [h.entry.local_date for h in hits] == [
        date(2025, 2, 2),
        date(2024, 5, 1),
        date(2023, 1, 10),
    ]
    assert all(MATCH_START in h.snippet for h in hits)
    assert _titles(upgraded, "outside") == ["River"]  # tags are searched too
    assert _titles(upgraded, "riv") == ["Backdated", "River", ""]  # as you type


def test_every_change_keeps_the_index_in_step(upgraded: JournalSession) -> None:
    new = upgraded.entries.add(Entry(date(2024, 6, 1), "a calm lake", title="New"))
    assert _titles(upgraded, "lake") == ["New"]
    old = next(h.entry for h in upgraded.entries.search("Sam"))
    assert old.id is not None
    edited = upgraded.entries.edit(
        Entry(date(2022, 3, 3), "a long talk with Jo", title="Talk", tags=("talks",), id=old.id)
    )
    assert _titles(upgraded, "Sam") == []
    assert _titles(upgraded, "Jo") == _titles(upgraded, "talks") == ["Talk"]
    assert _titles(upgraded, "river")[-1] == "River"  # the edit moved it to an older day
    upgraded.entries.move_to_trash(edited.id or 0)
    assert _titles(upgraded, "Jo") == []
    assert _titles(upgraded, "Jo", trash=True) == ["Talk"]
    upgraded.entries.restore(edited.id or 0)
    assert _titles(upgraded, "Jo") == ["Talk"]
    upgraded.entries.move_to_trash(new.id or 0)
    upgraded.entries.purge(new.id or 0)
    assert _titles(upgraded, "lake") == _titles(upgraded, "lake", trash=True) == []
    upgraded.entries.add_many([Entry(date(2020, 1, d), f"batch lake {d}") for d in (1, 2)])
    assert [h.entry.body for h in upgraded.entries.search("batch")] == [
        "batch lake 2",
        "batch lake 1",
    ]
    assert upgraded.check().ok


def test_a_text_changed_behind_the_index_is_found_by_the_check(upgraded: JournalSession) -> None:
    with upgraded.transaction() as s:
        s.execute(text("UPDATE entries SET title = 'changed' WHERE title = 'River'"))
    assert not upgraded.check().search_index_ok


def test_search_is_by_date_then_creation_within_date_bounds(journal: JournalSession) -> None:
    """Results come newest day first whatever order the entries were written in; on one day the
    later-written first; start and end bound them (both inclusive); pages follow on."""
    days = [date(2024, 1, 5), date(2023, 12, 31), date(2024, 1, 5), date(2024, 1, 1)]
    for n, day in enumerate(days):
        journal.entries.add(Entry(day, f"tea number {n}", title=str(n)))
    assert _titles(journal, "tea") == ["2", "0", "3", "1"]
    assert _titles(journal, "tea", start=date(2024, 1, 1), end=date(2024, 1, 4)) == ["3"]
    assert _titles(journal, "tea", start=date(2024, 1, 5)) == ["2", "0"]
    assert _titles(journal, "tea", end=date(2023, 12, 31)) == ["1"]
    pages = [_titles(journal, "tea", limit=3, offset=o) for o in (0, 3)]
    assert pages == [["2", "0", "3"], ["1"]]
