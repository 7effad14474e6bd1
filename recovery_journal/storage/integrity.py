"""The journal's own checks: SQLite's structure, every page's encryption MAC, references and the
search index — what ``check`` reports and what the crash tests insist on after every kill."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from recovery_journal.storage import search


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    """What the checks found; ``ok`` only when every check passed."""

    database: list[str]
    encryption: list[str]
    foreign_keys: int
    search_index_ok: bool

    @property
    def ok(self) -> bool:
        return (
            self.database == ["ok"]
            and not self.encryption
            and self.foreign_keys == 0
            and self.search_index_ok
        )


def check(session: Session) -> IntegrityReport:
    """Run every check inside the caller's transaction."""
    db = [str(r[0]) for r in session.execute(text("PRAGMA integrity_check"))]
    enc = [str(r[0]) for r in session.execute(text("PRAGMA cipher_integrity_check"))]
    fks = len(list(session.execute(text("PRAGMA foreign_key_check"))))
    return IntegrityReport(db, enc, fks, search.integrity_ok(session))
