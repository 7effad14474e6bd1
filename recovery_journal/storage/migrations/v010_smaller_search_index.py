"""Version 10: the search index keeps no word positions, and its pages fit the file's pages.

Measured on a heavy writer's journal (one ~1 KB entry a day, docs/BENCHMARKS.md) the index of
version 8 was 42 % of the file, 1.2× the text itself, for two reasons:

- ``detail=full`` kept the position of every word in every entry, for phrase and ``NEAR`` queries.
  Search never asks for either: every word a person types is its own term
  (:func:`recovery_journal.storage.reads.match_expression` splits words exactly as the tokenizer
  does, so a quoted term is always one token), and the snippets' highlights are found by FTS5
  reading the page's few texts again. ``detail=column`` keeps which entries, and which of their
  columns, hold a word. (``detail=none`` is smaller still, but FTS5 then took four times as long to
  find the first page of a common word: 10 ms instead of 2.4 at 100 years.)
- FTS5 writes its data in blocks of up to 4,050 bytes (``pgsz``), made for SQLite's 4,096-byte
  pages; SQLCipher keeps 80 bytes of each page for its IV and MAC, so every block spilled onto a
  second page that it filled to about 90 %. Blocks of 3,900 bytes fit one page.

The index is dropped and filled again in ascending rowid order, as in version 8 (the text is read
from the view ``entries_search``; the runner backs the journal up first and compacts the file
afterwards). Only SQL that SQLite 3.31 understands. Frozen.
"""

SQL = """
DROP TABLE entries_fts;
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, tags,
    content = 'entries_search',
    content_rowid = 'search_key',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column
);
INSERT INTO entries_fts(entries_fts, rank) VALUES ('pgsz', 3900);
INSERT INTO entries_fts(rowid, title, body, tags)
SELECT search_key, title, body, tags FROM entries_search ORDER BY search_key;
"""
