"""Version 7: the search index keeps no second copy of the text and hands out matches newest first.

Until now ``entries_fts`` was an ordinary FTS5 table: it stored every title, body and tag list a
second time, plus 2- and 3-character prefix indexes, which made a journal about four times the
size of its text; and its rowid was the entry id, so a search for a common word joined every match
to ``entries`` and sorted them all by date to show the first twenty.

Now it is an *external-content* table: its text is read, when needed (snippets, its own check),
from the view ``entries_search`` over ``entries`` and ``tags``. Its rowid is ``search_key``, a
generated (virtual, not stored) column of ``entries`` that orders entries newest first —
``-(YYYYMMDD * 2^32 + id)`` — so FTS5 itself gives the matches in the order a search shows them
and stops after the page. The entry id is ``(-search_key) % 2^32``; a unique index on the key
serves the view's look-ups. The repository keeps the index in step (every change to an entry's
date, title, body or tags is unindexed before and indexed after, inside its transaction).
No prefix indexes: they doubled the index for little gain (docs/BENCHMARKS.md).

The index is filled in ascending rowid order: FTS5 writes its pending words out as a new segment
whenever a rowid comes that is not above the last one (its ``'rebuild'`` reads the view by id,
newest key last, and took 0.5 ms an entry). Only SQL that SQLite 3.31 (2020) understands, so any
SQLCipher 4 tool can read the view. The migration runner compacts the file afterwards
(``compact``), or the pages the old table freed would stay in it. Frozen.
"""

SQL = """
DROP TABLE entries_fts;
ALTER TABLE entries ADD COLUMN search_key INTEGER GENERATED ALWAYS AS
    (-(CAST(replace(local_date, '-', '') AS INTEGER) * 4294967296 + id)) VIRTUAL;
CREATE UNIQUE INDEX ux_entries_search_key ON entries (search_key);
CREATE VIEW entries_search AS
SELECT e.id AS id, e.search_key AS search_key, e.title AS title, e.body AS body,
       coalesce((SELECT group_concat(t.name, ' ') FROM entry_tags et
                 JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id), '') AS tags
FROM entries e;
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, tags,
    content = 'entries_search',
    content_rowid = 'search_key',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO entries_fts(rowid, title, body, tags)
SELECT search_key, title, body, tags FROM entries_search ORDER BY search_key;
"""
