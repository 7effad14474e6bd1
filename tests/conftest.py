"""Shared fixtures: a fresh, real encrypted journal per test (fast test-only KDF parameters).

Qt runs offscreen. The fast KDF (``keys.TEST_PARAMS`` under ``keys.TEST_POLICY``) is documented in
docs/SECURITY.md as test-only; ``tests/storage/test_keys.py`` runs the real parameters once.

SQLCipher's memory security (``cipher_memory_security = ON``: every allocation locked and wiped) is
off for the connections the tests open in *this* process: a test-only setting like the fast KDF. No
test reads process memory, so no test can tell, but it made the suite two to three times slower
(an ``mlock``/``munlock`` pair per allocation, about 16,000 to create and open a journal; on a
busy machine each ``mlock`` waits for the other cores). What the tests start as a process of its
own (the crash writer, the hardening probes, a few command lines) runs the shipped pragmas, and
``tests/storage/test_memory_security.py`` checks that a journal the app opens has it on. To run
the whole suite as shipped: ``RECOVERY_JOURNAL_TEST_MEMORY_SECURITY=on ./run tests``. (SQLCipher
can't turn it off in a process once it is on, so this is decided before the first connection.)
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from recovery_journal.services.access import (
    BackupSettings,
    KeySettings,
    create_journal,
    open_journal,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import database, keys

SHIPPED_PRAGMAS: tuple[str, ...] = database.PRAGMAS
if os.environ.get("RECOVERY_JOURNAL_TEST_MEMORY_SECURITY", "").lower() != "on":
    # For the whole test process (SQLCipher's setting is process-wide anyway).
    pytest.MonkeyPatch().setattr(
        database,
        "PRAGMAS",
        tuple(p.replace("memory_security = ON", "memory_security = OFF") for p in SHIPPED_PRAGMAS),
    )

# Property tests assert what holds, never how fast: no per-example deadline and no "input
# generation is slow" health check (a wall-clock check like a deadline: it failed
# tests/domain/test_entry_text.py on a busy machine). A test's own @settings still wins.
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` (mypy over everything, the kill -9 rounds, the real KDF) start first:
    in a parallel run (``./run tests``) one of them started last would hold up the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
