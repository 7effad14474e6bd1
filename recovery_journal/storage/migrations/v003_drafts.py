"""Version 3: autosaved drafts, so unsaved writing survives a lock, a crash or a closed window.

One row per slot ('today' for a new entry, 'entry:<id>' for an edit in progress); the payload is the
entry's fields as JSON, inside the encrypted file like everything else.
"""

SQL = """
CREATE TABLE drafts (
    slot VARCHAR(64) NOT NULL,
    saved_utc VARCHAR(27) NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (slot)
);
"""
