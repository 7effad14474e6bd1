"""Version 5: covering indexes for Insights, so its numbers never read the wide rows.

The charts need a few small numbers per day (mood, the check-in measures, which trigger and how
strong, which sign, distress before and after). Read through the old indexes, every row meant a
look-up in the table itself — for ``entries`` the pages holding the full text of every entry,
decrypted one by one — and grouping by anything but the index's order built a temporary B-tree,
which SQLCipher's memory security (DESIGN.md §3, kept on) makes slow. These indexes hold exactly
the columns Insights reads, in the order it groups them (day first), so each query walks one
index from start to end. Frozen: the names and columns are the history.
"""

SQL = """
CREATE INDEX IF NOT EXISTS ix_entries_live_day_numbers
    ON entries (deleted_utc, local_date, mood, anxiety, energy, sleep_hours, sleep_quality);
CREATE INDEX IF NOT EXISTS ix_trigger_events_day_trigger
    ON trigger_events (local_date, trigger_id, intensity, occurred_utc);
CREATE INDEX IF NOT EXISTS ix_warning_sign_observations_day_sign
    ON warning_sign_observations (local_date, sign_id);
CREATE INDEX IF NOT EXISTS ix_coping_uses_day_strategy
    ON coping_uses (local_date, strategy_id, distress_before, distress_after, helpfulness);
"""
