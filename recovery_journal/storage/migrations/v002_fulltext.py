"""Version 2: the FTS5 full-text index of entry titles, bodies and tags (inside the encrypted file).

``rowid`` is the entry id. ``remove_diacritics 2`` lets 'cafe' find 'café'; the 2- and 3-character
prefix indexes keep search-as-you-type fast. Existing entries are indexed by the migration.
"""

SQL = """
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO entries_fts(rowid, title, body, tags)
SELECT e.id, e.title, e.body,
       coalesce((SELECT group_concat(t.name, ' ')
                 FROM entry_tags et JOIN tags t ON t.id = et.tag_id
                 WHERE et.entry_id = e.id), '')
FROM entries e;
"""
