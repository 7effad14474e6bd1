"""The dense search key (schema migration "dense search key"): a journal of the version before it
is backed up, upgraded and compacted and finds what it found before; the triggers give every entry,
however it is written, a key of its day — newest day first, latest arrival first — and an entry
past a crowded day's 1,024th its id, which search still finds with and without dates."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from recovery_journal import interop
from recovery_journal.domain.entries import Entry
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, create_journal, open_journal
from recovery_journal.services.export import export_document
from recovery_journal.services.importing import import_entries
from recovery_journal.services.restoring import import_export
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import database, keys, large_pages, migrations, page_check
from recovery_journal.storage.entry_codec import ENTRY_COLUMNS
from recovery_journal.storage.migrations import v008_search_by_date, v010_smaller_search_index
from tests.conftest import FAST, PASSPHRASE
from tests.services.test_importing import CSV
from tests.storage.old_pages import make_old_pages

STEP = next(m for m in migrations.MIGRATIONS if m.title == "dense search key")
BEFORE = STEP.version - 1
DAY_SPAN = 1024
CROWDED = date(2021, 6, 1)


def dated_key(day: date, seq: int) -> int:
    """The key of the ``seq``-th arrival (from 0) on ``day``: SQLite's Julian day number."""
    return -((day.toordinal() + 1721424) * DAY_SPAN + seq)


def as_the_version_before(session: JournalSession) -> None:
    """Put back the search key and index the version before had (for tests of older steps that
    take a current journal back): a generated key column, its index, the view and the index."""
    conn = session._opened.connection
    old_key = migrations._statements(v008_search_by_date.SQL)[1:4]  # column, its index, view
    old_index = migrations._statements(v010_smaller_search_index.SQL)[1:]
    conn.execute("BEGIN IMMEDIATE")
    for statement in (
        "DROP TRIGGER entries_search_key_new",
        "DROP TRIGGER entries_search_key_moved",
        "DROP TABLE entries_fts",
        "DROP VIEW entries_search",
        "DROP INDEX ux_entries_search_key",
        "ALTER TABLE entries DROP COLUMN search_key",
        *old_key,
        *old_index,
        f"PRAGMA user_version = {BEFORE}",
    ):
        conn.execute(statement)
    conn.execute("COMMIT")


def _scalar(session: JournalSession, sql: str) -> Any:
    with session.reading() as conn:
        return conn.execute(sql).fetchone()[0]


def _keys(session: JournalSession) -> dict[int, int]:
    with session.reading() as conn:
        return dict(conn.execute("SELECT id, search_key FROM entries").fetchall())


def _ids(session: JournalSession, query: str, **filters: Any) -> list[int]:
    return [h.entry.id or 0 for h in session.entries.search(query, limit=5000, **filters)]


# --- the migration, on a journal the version before wrote ------------------------------------

OLD = [  # (date, title, body, tags, in the trash) as the version before stored them, ids 1..5
    ("2024-05-01", "River", "walked by the river", ("outside",), False),
    ("2024-05-01", "", "the river at dusk, later that day", (), False),
    ("2023-01-10", "", "a long talk with Sam about the river", ("talks",), False),
    ("2022-02-02", "Backdated", "river again, written later about an older day", (), False),
    ("2024-05-01", "Gone", "river, then the trash", (), True),
]
CROWD = 1030  # entries on CROWDED, ids 6..1035: the last six are past the day's 1,024th
OVERFLOW = list(range(len(OLD) + 1 + DAY_SPAN, len(OLD) + 1 + CROWD))
QUERIES = ("river", "riv", "crowd", "talks", "older")
_ENTRIES = f"SELECT {', '.join(ENTRY_COLUMNS)} FROM entries ORDER BY id"
_TAGS = "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id ORDER BY 1"
_FOUND = "SELECT {id} FROM entries_fts f WHERE entries_fts MATCH ? ORDER BY f.rowid"


def _write_journal_before(path: Path) -> dict[str, Any]:
    """A journal as the version before wrote it (entries, tags, trash, a day of more than 1,024
    entries); returns its entries, tags and search results as that version read them."""
    envelope, material, _ = keys.new_envelope(PASSPHRASE, FAST.params, FAST.policy)
    conn: Any = database.connect(path, material.data_key, create=True)
    migrations.migrate(conn, target=BEFORE)
    conn.execute("INSERT INTO meta VALUES ('journal_id', ?)", (envelope.journal_id,))
    stamp = "2024-06-01T10:00:00.000000Z"
    rows = [(day, title, body, stamp if gone else None) for day, title, body, _, gone in OLD]
    rows += [(CROWDED.isoformat(), "", f"crowd {i}", None) for i in range(CROWD)]
    conn.executemany(
        "INSERT INTO entries (local_date, title, body, bring_to_therapy, created_utc, "
        f"updated_utc, starred, deleted_utc) VALUES (?, ?, ?, 0, '{stamp}', '{stamp}', 0, ?)",
        rows,
    )
    for entry_id, (*_, tags, _) in enumerate(OLD, 1):
        for tag in tags:
            tag_id = conn.execute("INSERT INTO tags (name) VALUES (?)", (tag,)).lastrowid
            conn.execute("INSERT INTO entry_tags VALUES (?, ?)", (entry_id, tag_id))
    conn.execute(migrations._statements(v010_smaller_search_index.SQL)[-1])  # its index
    found = _FOUND.format(id="(-f.rowid) % 4294967296")
    before = {
        "entries": conn.execute(_ENTRIES).fetchall(),
        "tags": conn.execute(_TAGS).fetchall(),
        "found": {q: [r[0] for r in conn.execute(found, (f'"{q}"*',))] for q in QUERIES},
    }
    conn.close()
    keys.write_envelope(keys_path(path), envelope)
    material.wipe()
    return before


@pytest.mark.parametrize("pages", ["8 KB", "4 KB", "4 KB, no room for a copy"])
def test_a_journal_of_the_version_before_upgrades_and_finds_what_it_found(
    tmp_path: Path, pages: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upgraded and compacted: by the copy that gives a 4 KB journal 8 KB pages, or by
    ``VACUUM`` when there is no copy (the pages were 8 KB, or the disk has no room for one)."""
    path = tmp_path / "before.rjournal"
    before = _write_journal_before(path)
    if pages.startswith("4 KB"):  # as the version before made every journal
        make_old_pages(path)
    if pages.endswith("no room for a copy"):
        full = shutil.disk_usage(tmp_path)._replace(free=path.stat().st_size)
        monkeypatch.setattr(large_pages, "disk_usage", lambda _folder: full)
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    upgraded = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert upgraded.migrated_from == BEFORE
        # One backup before the upgrade, also for the new page size that comes with it.
        taken = [p.name for p in (tmp_path / "backups").iterdir()]
        assert len(taken) == 1 and taken[0].endswith(f"-before-upgrade-v{BEFORE}.rjbackup")
        assert upgraded._opened.schema_version() == migrations.CURRENT_VERSION
        with upgraded.reading() as conn:
            kept = page_check.OLD_PAGE_SIZE if "no room" in pages else page_check.LARGE_PAGE_SIZE
            assert database.page_size(conn) == kept
        assert _scalar(upgraded, "PRAGMA freelist_count") == 0  # compacted
        assert upgraded.check().ok  # FTS5's integrity-check against the text, too
        with upgraded.reading() as conn:
            assert conn.execute(_ENTRIES).fetchall() == before["entries"]
            assert conn.execute(_TAGS).fetchall() == before["tags"]
            found = _FOUND.format(id="(SELECT id FROM entries WHERE search_key = f.rowid)")
            after = {q: [r[0] for r in conn.execute(found, (f'"{q}"*',))] for q in QUERIES}
        # The same, in the same order — but the crowded day's last six come at the very end.
        moved = {q: [i for i in ids if i not in OVERFLOW] for q, ids in before["found"].items()}
        assert after == {**moved, "crowd": moved["crowd"] + OVERFLOW}
        assert after["river"] == [5, 2, 1, 3, 4]
        keys_now = _keys(upgraded)
        day = date.fromisoformat
        assert [keys_now[i] for i in (1, 2, 5, 3, 4)] == [
            dated_key(day("2024-05-01"), 0),
            dated_key(day("2024-05-01"), 1),
            dated_key(day("2024-05-01"), 2),
            dated_key(day("2023-01-10"), 0),
            dated_key(day("2022-02-02"), 0),
        ]
        crowd = range(len(OLD) + 1, len(OLD) + 1 + CROWD)
        assert [keys_now[i] for i in crowd] == [dated_key(CROWDED, s) for s in range(DAY_SPAN)] + [
            *OVERFLOW
        ]
        assert _ids(upgraded, "river") == [2, 1, 3, 4]
        assert _ids(upgraded, "river", trash=True) == [5]
        for bounds in ({"start": CROWDED}, {"end": CROWDED}, {"start": CROWDED, "end": CROWDED}):
            assert sorted(_ids(upgraded, "crowd", **bounds)) == list(crowd), bounds
    finally:
        upgraded.lock()


# --- the triggers, on every way an entry is written ------------------------------------------

DAY = date(2025, 3, 10)
EARLIER = date(2025, 3, 2)


def test_keys_are_dense_and_a_day_shows_its_latest_arrival_first(journal: JournalSession) -> None:
    a, b, c, d = (
        journal.entries.add(Entry(day, f"walk {n}"))
        for n, day in enumerate((DAY, DAY, EARLIER, DAY))
    )
    assert _keys(journal) == {
        a.id: dated_key(DAY, 0),
        b.id: dated_key(DAY, 1),
        c.id: dated_key(EARLIER, 0),
        d.id: dated_key(DAY, 2),
    }
    assert _ids(journal, "walk") == [d.id, b.id, a.id, c.id]
    assert _ids(journal, "walk", start=DAY) == [d.id, b.id, a.id]
    assert _ids(journal, "walk", end=EARLIER) == [c.id]
    assert journal.check().ok


def test_a_date_edit_moves_the_entry_to_its_new_day_as_its_latest_arrival(
    journal: JournalSession,
) -> None:
    a, b, c = (journal.entries.add(Entry(day, f"walk {n}")) for n, day in enumerate((DAY,) * 3))
    other = journal.entries.add(Entry(EARLIER, "walk elsewhere"))
    moved = journal.entries.edit(Entry(EARLIER, "walk, moved", id=b.id))
    assert _keys(journal)[b.id or 0] == dated_key(EARLIER, 1)
    assert _ids(journal, "moved", start=EARLIER, end=EARLIER) == [b.id]
    assert _ids(journal, "moved", start=DAY, end=DAY) == []
    assert _ids(journal, "walk", start=DAY, end=DAY) == [c.id, a.id]
    assert _ids(journal, "walk", start=EARLIER, end=EARLIER) == [b.id, other.id]
    journal.entries.edit(Entry(EARLIER, "walk, moved and kept", id=b.id))  # same day: key kept
    assert _keys(journal)[b.id or 0] == dated_key(EARLIER, 1)
    # Back on its first day it is that day's latest arrival: search shows it first there,
    # while the list (by id) shows it in the middle.
    journal.entries.edit(Entry(DAY, moved.body, id=b.id))
    assert _ids(journal, "walk", start=DAY, end=DAY) == [b.id, c.id, a.id]
    assert [e.id for e in journal.entries.list(start=DAY, end=DAY)] == [c.id, b.id, a.id]
    assert journal.check().ok


def _crowd(journal: JournalSession, count: int) -> list[int]:
    """``count`` entries on CROWDED, written in one go (add_many), oldest id first."""
    journal.entries.add_many([Entry(CROWDED, f"crowd {n}") for n in range(count)])
    return sorted(_keys(journal))[-count:]


def test_a_day_of_more_than_1024_entries_is_found_whole_with_and_without_dates(
    journal: JournalSession,
) -> None:
    later = journal.entries.add(Entry(CROWDED + timedelta(days=1), "crowd, the day after"))
    crowd = _crowd(journal, DAY_SPAN + 2)
    keys_now = _keys(journal)
    assert [keys_now[i] for i in crowd] == [
        *(dated_key(CROWDED, s) for s in range(DAY_SPAN)),
        *crowd[DAY_SPAN:],  # past the day's 1,024th: its id, after every dated key
    ]
    assert _ids(journal, "crowd") == [later.id, *crowd[DAY_SPAN - 1 :: -1], *crowd[DAY_SPAN:]]
    assert sorted(_ids(journal, "crowd", start=CROWDED)) == sorted([later.id or 0, *crowd])
    assert sorted(_ids(journal, "crowd", end=CROWDED)) == crowd
    assert sorted(_ids(journal, "crowd", start=CROWDED, end=CROWDED)) == crowd
    assert _ids(journal, "crowd", start=CROWDED + timedelta(days=1)) == [later.id]
    assert _ids(journal, "crowd", end=CROWDED - timedelta(days=1)) == []
    assert journal.check().ok


def test_a_purged_entry_leaves_a_key_the_next_entry_of_its_day_takes(
    journal: JournalSession,
) -> None:
    crowd = _crowd(journal, DAY_SPAN)
    for gone in (crowd[500], crowd[0]):  # a gap in the middle, and the day's first key
        journal.entries.move_to_trash(gone)
        journal.entries.purge(gone)
    middle = journal.entries.add(Entry(CROWDED, "crowd, into the gap"))
    first = journal.entries.add(Entry(CROWDED, "crowd, into the first key"))
    full = journal.entries.add(Entry(CROWDED, "crowd, one too many"))
    keys_now = _keys(journal)
    assert keys_now[middle.id or 0] == dated_key(CROWDED, 500)
    assert keys_now[first.id or 0] == dated_key(CROWDED, 0)
    assert keys_now[full.id or 0] == full.id
    assert len(_ids(journal, "crowd", start=CROWDED, end=CROWDED)) == DAY_SPAN + 1
    assert journal.check().ok


def test_imported_and_restored_entries_get_keys_and_keep_the_index_whole(
    journal: JournalSession, tmp_path: Path
) -> None:
    journal.entries.add(Entry(date(2024, 3, 2), "written here the same day"))
    import_entries(journal, interop.read(CSV))  # two entries on each of two days
    assert journal.check().ok
    days = [date(2024, 3, 2)] * 3 + [date(2024, 3, 1)] * 2
    seqs = [0, 1, 2, 0, 1]
    assert sorted(_keys(journal).values()) == sorted(map(dated_key, days, seqs))
    document = export_document(journal)
    backups = BackupSettings(folder=tmp_path / "restored-backups", daily=False)
    restored, _ = create_journal(tmp_path / "restored.rjournal", PASSPHRASE, FAST, backups)
    try:
        import_export(restored, document)
        assert restored.check().ok
        assert _keys(restored) == _keys(journal)
        assert _ids(restored, "day") == _ids(journal, "day")
    finally:
        restored.lock()


def test_a_search_between_two_dates_reads_the_index_first(journal: JournalSession) -> None:
    """With both dates SQLite could walk the period's entries by date and ask FTS5 about each
    one (0.5 s for a year of a 100-year journal): the index stays the outer loop."""
    journal.entries.add_many([Entry(DAY - timedelta(days=n), f"walk {n}") for n in range(30)])
    conn = journal._opened.connection
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        hits = _ids(journal, "walk", start=EARLIER, end=DAY)
    finally:
        conn.set_trace_callback(None)
    assert len(hits) == (DAY - EARLIER).days + 1
    search = next(s for s in statements if "entries_fts MATCH" in s)
    with journal.reading() as reading:
        plan = [row[-1] for row in reading.execute(f"EXPLAIN QUERY PLAN {search}")]
    assert plan[0].startswith("SCAN f VIRTUAL TABLE"), plan
