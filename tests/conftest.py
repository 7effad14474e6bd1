"""Shared fixtures: a fresh, real encrypted journal per test (fast test-only KDF parameters).

Qt runs offscreen. The fast KDF (``keys.TEST_PARAMS`` under ``keys.TEST_POLICY``) is documented in
docs/SECURITY.md as test-only; ``tests/storage/test_keys.py`` runs the real parameters once.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from recovery_journal.services.access import (
    BackupSettings,
    KeySettings,
    create_journal,
    open_journal,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import keys

PASSPHRASE = "correct horse battery staple"
FAST = KeySettings(params=keys.TEST_PARAMS, policy=keys.TEST_POLICY)
MARKER = "ZQXMARKER7F3A"  # a unique string that must never appear outside the encrypted file


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.rjournal"


@pytest.fixture
def backups(tmp_path: Path) -> BackupSettings:
    return BackupSettings(folder=tmp_path / "backups", keep=3)


@pytest.fixture
def created(journal_path: Path, backups: BackupSettings) -> Iterator[tuple[JournalSession, str]]:
    """A new, unlocked journal and its first recovery code; locked again after the test."""
    session, code = create_journal(journal_path, PASSPHRASE, FAST, backups)
    yield session, code
    session.lock()


@pytest.fixture
def journal(created: tuple[JournalSession, str]) -> JournalSession:
    """A new, unlocked journal; locked again after the test."""
    return created[0]


@pytest.fixture
def first_code(created: tuple[JournalSession, str]) -> str:
    """The recovery code the ``journal`` was created with."""
    return created[1]


Reopen = Callable[..., JournalSession]
"""The type of the ``reopen`` fixture: (session, passphrase=PASSPHRASE) → a new session."""


@pytest.fixture
def reopen(journal_path: Path, backups: BackupSettings) -> Reopen:
    """Lock a session and open the same journal again."""

    def _reopen(session: JournalSession, passphrase: str = PASSPHRASE) -> JournalSession:
        session.lock()
        return open_journal(journal_path, passphrase, FAST, backups)

    return _reopen
