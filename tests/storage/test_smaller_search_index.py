"""The smaller search index (schema migration "smaller search index…"): a journal of the version
before it — entries, trash and drafts — is backed up, upgraded and compacted, finds what it found
before, and no query can become a phrase the index (without word positions) would refuse."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2

from recovery_journal.domain.entries import MATCH_END, MATCH_START, Draft, Entry
from recovery_journal.services.access import BackupSettings, create_journal, open_journal
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import migrations
from recovery_journal.storage.migrations import v008_search_by_date
from recovery_journal.storage.reads import match_expression
from tests.conftest import FAST, MARKER, PASSPHRASE
from tests.storage.test_dense_search_key import as_the_version_before as as_before_dense_search_key
from tests.storage.test_no_plaintext import _scan

STEP = next(m for m in migrations.MIGRATIONS if m.title.startswith("smaller search index"))
BEFORE = STEP.version - 1
TOKENIZER = "unicode61 remove_diacritics 2"  # the index's, unchanged since version 2


def _as_the_version_before(session: JournalSession) -> None:
    """Put the index back as the version before kept it (it is the only thing the step changes):
    word positions and FTS5's default block size, filled from the same view."""
    as_before_dense_search_key(session)
    conn = session._opened.connection
    old = migrations._statements(v008_search_by_date.SQL)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DROP TABLE entries_fts")
    for statement in old[-2:]:  # its CREATE VIRTUAL TABLE and the filling INSERT
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {BEFORE}")
    conn.execute("COMMIT")


@pytest.fixture
def upgraded(tmp_path: Path) -> Any:
    path = tmp_path / "before.rjournal"
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    session, _ = create_journal(path, PASSPHRASE, FAST, backups)
    session.entries.add(
        Entry(date(2024, 5, 1), f"walked by the river, self-care {MARKER}", title="River")
    )
    session.entries.add(
        Entry(date(2023, 1, 10), "Sam's long talk about the river", tags=("talks",))
    )
    gone = session.entries.add(Entry(date(2025, 2, 2), "river again, an older day", title="Gone"))
    session.entries.move_to_trash(gone.id or 0)
    session.entries.save_draft(Draft("today", date(2025, 3, 3), "half a thought"))
    _as_the_version_before(session)
    session.lock()
    upgraded = open_journal(path, PASSPHRASE, FAST, backups)
    yield upgraded
    upgraded.lock()


def _titles(session: JournalSession, query: str, **filters: Any) -> list[str]:
    return [h.entry.title or h.entry.body[:4] for h in session.entries.search(query, **filters)]


def _scalar(session: JournalSession, sql: str) -> Any:
    with session.reading() as conn:
        return conn.execute(sql).fetchone()[0]


def test_the_journal_is_backed_up_upgraded_and_compacted(
    upgraded: JournalSession, tmp_path: Path
) -> None:
    assert upgraded.migrated_from == BEFORE
    assert len(list((tmp_path / "backups").glob(f"*before-upgrade-v{BEFORE}.rjbackup"))) == 1
    assert upgraded._opened.schema_version() == migrations.CURRENT_VERSION
    schema = _scalar(upgraded, "SELECT sql FROM sqlite_master WHERE name = 'entries_fts'")
    assert "detail = column" in schema
    assert _scalar(upgraded, "SELECT v FROM entries_fts_config WHERE k = 'pgsz'") == 3900
    assert _scalar(upgraded, "PRAGMA freelist_count") == 0
    assert upgraded.check().ok  # the index against the text, too
    assert [d.body for d in upgraded.entries.drafts()] == ["half a thought"]
    assert _scan([tmp_path]) == {}  # the compaction's copy was built in memory


def test_what_was_found_before_is_found_after(upgraded: JournalSession) -> None:
    hits = upgraded.entries.search("river")
    assert [h.entry.local_date for h in hits] == [date(2024, 5, 1), date(2023, 1, 10)]
    assert all(MATCH_START + "river" + MATCH_END in h.snippet.lower() for h in hits)
    assert _titles(upgraded, "riv") == ["River", "Sam'"]  # as you type
    assert _titles(upgraded, "talks") == ["Sam'"]  # tags
    assert _titles(upgraded, "river", trash=True) == ["Gone"]
    assert _titles(upgraded, "older") == []


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ('"walked by the river"', ["River"]),  # a quoted phrase: its words, in any order
        ("river walked", ["River"]),
        ("self-care", ["River"]),
        ("Sam's talk", ["Sam'"]),
        ("sams", []),
        ('(walked) "river*', ["River"]),  # brackets, quotes and stars are no syntax
        ("walked OR sam", []),  # OR is a word here, not an operator
    ],
)
def test_queries_that_were_phrases_are_words_that_must_all_match(
    upgraded: JournalSession, query: str, found: list[str]
) -> None:
    assert _titles(upgraded, query) == found


def test_a_word_with_a_mark_the_tokenizer_splits_at_is_found(journal: JournalSession) -> None:
    """U+19B1 is a letter to Python and a vowel sign (a separator) to FTS5's tables: the quoted
    term "ᦀᦱᦂ" would be a phrase of two tokens, which an index without positions refuses."""
    word = "ᦀ\u19b1ᦂ"
    saved = journal.entries.add(Entry(date(2026, 1, 1), f"before {word} after"))
    assert match_expression(word) == '"ᦀ" "ᦂ"*'
    assert [h.entry.id for h in journal.entries.search(word)] == [saved.id]


def test_words_are_split_exactly_where_the_tokenizer_splits() -> None:
    """Of the characters Python counts as letters or digits, those the query builder keeps in a
    word are each one token to the index's tokenizer and the others none: a quoted term is never
    a phrase."""
    conn = dbapi2.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{TOKENIZER}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")

    def tokens(part: list[str]) -> int:
        conn.execute("DELETE FROM t")
        conn.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", (" ".join(part),))
        return int(conn.execute("SELECT count(*) FROM v").fetchone()[0])

    def wrong(part: list[str], each: int) -> list[str]:  # halves until the culprits are found
        if tokens(part) == each * len(part):
            return []
        if len(part) == 1:
            return [f"U+{ord(part[0]):04X} {unicodedata.name(part[0], '?')}"]
        half = len(part) // 2
        return wrong(part[:half], each) + wrong(part[half:], each)

    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000 and chr(i).isalnum()]
    kept = [c for c in chars if match_expression(c, prefix_last=False) is not None]
    separators = sorted(set(chars) - set(kept))
    assert (wrong(kept, 1), wrong(separators, 0)) == ([], [])
    conn.close()


def test_index_blocks_fit_one_page_of_the_file(journal: JournalSession) -> None:
    """SQLCipher leaves 4,016 bytes of a 4,096-byte page for a row; an index block longer than
    that spills onto a second page (FTS5's default blocks are up to 4,050 bytes)."""
    journal.entries.add_many(
        [
            Entry(date(2020, 1, 1 + d % 28), f"word{d} other{d * 7} third{d * 13}")
            for d in range(600)
        ]
    )
    sizes = "SELECT max(length(block)) FROM entries_fts_data WHERE id > 10"
    assert 3000 < _scalar(journal, sizes) <= 3950
    assert journal.check().ok
