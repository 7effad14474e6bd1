"""Version 11: the search index's key is dense, so each posting in it is a byte or two, not five.

Until now the index's rowid, ``entries.search_key``, was a generated column
``-(YYYYMMDD * 2^32 + id)``: consecutive days' keys differed by at least 2^32, which FTS5 stores
in every posting as a five-byte number — most of the index (docs/BENCHMARKS.md, "File size").

Now ``search_key`` is a plain stored column, ``-(day * 1024 + seq)``: ``day`` is the Julian day
number of the entry's date (``CAST(julianday(local_date) AS INTEGER)``, in Python
``date.toordinal() + 1721424``) and ``seq``, from 0 to 1,023, the entry's place among that day's
entries in the order they arrived on that day. Ascending keys are still newest day first, and
within a day the latest arrival first: for entries written as the days go that is the id order
the Journal list shows; an entry whose date was edited is the newest arrival of its new day, so
a search shows it first on that day even where the list (by id) shows it lower.

Two triggers keep the key, so every way an entry is written (the repository, bulk imports, a
restored export, the demo) gets it without code of its own: a new entry, and an entry whose date
changed, takes the key just below the lowest of its day's keys; a day's first entry takes
``-(day * 1024)``; when the lowest key of the day is taken, a free key of the day (a gap an entry
purged or moved away left); and in a day already holding 1,024 entries, its own id — a positive
key, unique and after every dated key, so such an entry is found at the end of a search (a search
from a start date then leaves out its rowid bound: :mod:`recovery_journal.storage.reads`).
The repository still unindexes an entry before a change the view shows and indexes it after:
the date-change trigger runs inside the UPDATE, so the index sees the new key after it.

The column is filled here by the entries' order of id within each day (a window function; ids
past a day's 1,024th keep their id), the unique index, view (as version 8) and FTS5 table (as
version 10: ``detail=column``, blocks of 3,900 bytes) made again and filled in ascending key
order. The migration uses the bundled SQLite's ``DROP COLUMN`` and ``UPDATE … FROM``; what stays
in the file (triggers, view) is SQL that SQLite 3.31 understands, so any SQLCipher 4 tool can
read and write the journal. The statements of a trigger's body are kept on shared lines: the
runner splits this text at ``;`` + line end. The runner compacts the file afterwards. Frozen.
"""

# The key an entry gets (the triggers' one expression): below its day's lowest key, else its
# day's first key, else the lowest free key of the day, else its id.
_KEY = """(SELECT CASE
        WHEN r.low IS NULL THEN r.top
        WHEN r.low > r.top - 1023 THEN r.low - 1
        ELSE coalesce(
            (SELECT min(e.search_key) - 1 FROM entries e
             WHERE e.search_key BETWEEN r.top - 1022 AND r.top
               AND NOT EXISTS (SELECT 1 FROM entries x WHERE x.search_key = e.search_key - 1)),
            (SELECT r.top WHERE NOT EXISTS (SELECT 1 FROM entries x WHERE x.search_key = r.top)),
            NEW.id)
        END
    FROM (SELECT d.top AS top,
                 (SELECT min(e.search_key) FROM entries e
                  WHERE e.search_key BETWEEN d.top - 1023 AND d.top) AS low
          FROM (SELECT -(CAST(julianday(NEW.local_date) AS INTEGER) * 1024) AS top) d) r)"""

SQL = f"""
DROP TABLE entries_fts;
DROP VIEW entries_search;
DROP INDEX ux_entries_search_key;
ALTER TABLE entries DROP COLUMN search_key;
ALTER TABLE entries ADD COLUMN search_key INTEGER;
UPDATE entries SET search_key = k.search_key
FROM (SELECT id, CASE WHEN seq < 1024
                      THEN -(CAST(julianday(local_date) AS INTEGER) * 1024 + seq)
                      ELSE id END AS search_key
      FROM (SELECT id, local_date,
                   ROW_NUMBER() OVER (PARTITION BY local_date ORDER BY id) - 1 AS seq
            FROM entries)) k
WHERE entries.id = k.id;
CREATE UNIQUE INDEX ux_entries_search_key ON entries (search_key);
CREATE TRIGGER entries_search_key_new AFTER INSERT ON entries
WHEN NEW.search_key IS NULL
BEGIN
    UPDATE entries SET search_key = {_KEY}
    WHERE id = NEW.id; END;
CREATE TRIGGER entries_search_key_moved AFTER UPDATE OF local_date ON entries
WHEN NEW.local_date IS NOT OLD.local_date
BEGIN
    UPDATE entries SET search_key = NULL WHERE id = NEW.id; UPDATE entries SET search_key = {_KEY}
    WHERE id = NEW.id; END;
CREATE VIEW entries_search AS
SELECT e.id AS id, e.search_key AS search_key, e.title AS title, e.body AS body,
       coalesce((SELECT group_concat(t.name, ' ') FROM entry_tags et
                 JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id), '') AS tags
FROM entries e;
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
