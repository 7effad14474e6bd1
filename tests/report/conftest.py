"""A demo journal shared by the report tests (built once per module), and PDF helpers."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.services.access import BackupSettings, create_journal
from recovery_journal.services.export import export_document
from recovery_journal.services.session import JournalSession
from tests.conftest import FAST, PASSPHRASE

END = date(2025, 6, 30)
SHARED = "QXFLAGGEDSHARE"  # in a flagged entry: may appear in a summary with flagged excerpts
PRIVATE = "QXPRIVATEWORDS"  # in an entry not flagged: must never appear


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JournalSession]:
    folder = tmp_path_factory.mktemp("report")
    session, _code = create_journal(
        folder / "demo.rjournal", PASSPHRASE, FAST, BackupSettings(folder=folder / "backups")
    )
    fill_demo_journal(session, days=120, seed=11, end=END)
    session.entries.add(
        Entry(
            date(2025, 6, 20),
            f"I want to talk about {SHARED}.",
            "For Thursday",
            check_in=CheckIn(mood=4),
            bring_to_therapy=True,
        )
    )
    session.entries.add(
        Entry(date(2025, 6, 21), f"Only for me: {PRIVATE}.", "Mine", check_in=CheckIn(mood=5))
    )
    yield session
    session.lock()


@pytest.fixture(scope="module")
def exported(demo: JournalSession) -> dict[str, Any]:
    """The journal's own JSON export: the tests compute the numbers from it, independently."""
    return export_document(demo)


def pdf_pages(data: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def pdf_file_pages(path: Path, password: str | None = None) -> list[str]:
    return pdf_pages(path.read_bytes(), password)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)
