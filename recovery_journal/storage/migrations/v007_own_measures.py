"""Version 7: the person's own daily measures (issue 13 §5) and their values, one per day.

``measures`` holds what the person chose to track (name, kind — ``scale``, ``yes_no`` or
``number`` —, a number's unit, its place in the check-in, archived instead of deleted so the
history stays). ``measure_values`` holds one value per measure and local day (a unique index);
a second index serves Insights (day first, the value inside, as version 5's indexes do).
``IF NOT EXISTS`` because a test takes a journal back to an earlier version by lowering
``user_version`` only. Frozen: the names and columns are the history.
"""

SQL = """
CREATE TABLE IF NOT EXISTS measures (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    kind VARCHAR(60) NOT NULL,
    unit VARCHAR(40) NOT NULL,
    position INTEGER NOT NULL,
    created_utc VARCHAR(27) NOT NULL,
    archived_utc VARCHAR(27),
    PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS measure_values (
    id INTEGER NOT NULL,
    measure_id INTEGER NOT NULL,
    local_date DATE NOT NULL,
    value FLOAT NOT NULL,
    updated_utc VARCHAR(27) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(measure_id) REFERENCES measures (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_measure_values_measure_day
    ON measure_values (measure_id, local_date);
CREATE INDEX IF NOT EXISTS ix_measure_values_day_measure
    ON measure_values (local_date, measure_id, value);
"""
