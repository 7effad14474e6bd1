"""Version 6: an entry's wall-clock time and offset, a star, and where an imported entry came from.

``local_time`` (``HH:MM`` or ``HH:MM:SS``) and ``utc_offset_minutes`` keep the time the person saw;
existing entries get them from ``created_utc`` in this computer's time zone (SQLite's
``localtime`` is the C library's, the same zone Python's ``astimezone()`` uses). ``starred`` marks
an entry. ``source_app``/``source_id``/``source_mood_label`` are set for imported entries only; a
partial unique index on the first two makes re-importing the same file add nothing.

Runs after version 5 (covering indexes for Insights). Frozen.
"""

SQL = """
ALTER TABLE entries ADD COLUMN local_time VARCHAR(8);
ALTER TABLE entries ADD COLUMN utc_offset_minutes INTEGER;
ALTER TABLE entries ADD COLUMN starred BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE entries ADD COLUMN source_app VARCHAR(32);
ALTER TABLE entries ADD COLUMN source_id TEXT;
ALTER TABLE entries ADD COLUMN source_mood_label TEXT;
UPDATE entries SET
    local_time = strftime('%H:%M', created_utc, 'localtime'),
    utc_offset_minutes = CAST(round(
        (julianday(created_utc, 'localtime') - julianday(created_utc)) * 1440) AS INTEGER);
CREATE UNIQUE INDEX ux_entries_source ON entries (source_app, source_id)
    WHERE source_app IS NOT NULL;
"""
