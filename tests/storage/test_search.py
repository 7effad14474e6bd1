"""Full-text queries: any text a person types is safe and never an FTS syntax error."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from recovery_journal.domain.entries import Entry
from recovery_journal.services.session import JournalSession
from recovery_journal.storage.reads import match_expression


def test_words_are_quoted_and_the_last_is_a_prefix() -> None:
    assert match_expression('he said "no" OR NEAR(x') == '"he" "said" "no" "OR" "NEAR" "x"*'
    assert match_expression("done ") == '"done"'
    assert match_expression("  **  ") is None


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "*",
        "-",
        "NOT",
        "AND OR",
        "a:b",
        "(",
        ")",
        "^x",
        "NEAR(a b, 3)",
        "x\x00y",
        "title:secret",
        "{title body}: x",
        "🙂",
        "日本語",
        ";DROP TABLE entries;--",
    ],
)
def test_special_queries_do_not_fail(journal: JournalSession, query: str) -> None:
    journal.entries.add(Entry(date(2026, 1, 1), "some text NOT special"))
    journal.entries.search(query)  # no exception
    assert journal.entries.count() == 1


@settings(
    max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.text(max_size=80))
def test_any_query_text_is_safe(journal: JournalSession, query: str) -> None:
    hits = journal.entries.search(query)
    assert isinstance(hits, list)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.text(alphabet=st.characters(categories=["Ll", "Lu", "Nd"]), min_size=3, max_size=12))
def test_a_written_word_is_found_again(journal: JournalSession, word: str) -> None:
    saved = journal.entries.add(Entry(date(2026, 1, 1), f"before {word} after"))
    found = {h.entry.id for h in journal.entries.search(word)}
    assert saved.id in found


# ---------------------------------------------------------------- the index's own check


def _with_entries(journal: JournalSession) -> None:
    journal.entries.add_many([Entry(date(2026, 3, d), f"walked by the river {d}") for d in (1, 2)])


def test_a_damaged_index_is_reported_as_damaged(journal: JournalSession) -> None:
    _with_entries(journal)
    assert journal.check().search_index_ok
    with journal.transaction() as s:  # the text changes behind the index's back (a bug)
        s.execute(text("UPDATE entries SET body = 'something else entirely'"))
    report = journal.check()
    assert not report.search_index_ok and not report.ok


def test_other_errors_are_not_called_a_damaged_index(journal: JournalSession) -> None:
    """Only FTS5's "index damaged" means damage; anything else (here a missing index, a bug) is
    raised as it is, so it reaches the crash report instead of a wrong message."""
    _with_entries(journal)
    with journal.transaction() as s:
        s.execute(text("DROP TABLE entries_fts"))
    with pytest.raises(OperationalError, match="no such table"):
        journal.check()
