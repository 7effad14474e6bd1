"""The work behind File ▸ Import…, run on the task runner's worker thread (no widgets here).

:func:`prepare` reads the chosen file whole (phase 1, the pure importers of
:mod:`recovery_journal.interop`) and asks the import service for a dry run, so the preview can say
how many entries are new and how many are already in the journal; :func:`run_import` writes them
(phase 2: one transaction after a backup, all or nothing) and stops at a cancel request with the
journal unchanged. A Recovery Journal export is checked the same way and restored whole
(:mod:`recovery_journal.services.restoring`, only into a new journal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recovery_journal import interop
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.interop.guard import load_json
from recovery_journal.services import restoring
from recovery_journal.services.importing import ImportSummary, import_entries
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.tasks import Progress

OWN_EXPORT = "json"


class PasswordNeeded(Exception):
    """The file is an encrypted jrnl journal: ask for its jrnl password, then prepare again."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file read whole and checked, ready for the preview and then the import.

    ``result`` is the importer's records (None for a Recovery Journal export, whose parsed
    ``document`` is kept instead); ``dry_run`` is what importing would do right now.
    """

    path: Path
    kind: str
    dry_run: ImportSummary
    result: interop.ImportResult | None = None
    document: Any = None

    @property
    def format_name(self) -> str:
        """How a person calls the format (“a Daylio CSV export”)."""
        return interop.FORMATS.get(self.kind, self.kind)

    @property
    def mood_words(self) -> Mapping[str, int]:
        """Each mood word a Daylio CSV uses and how many entries use it (empty otherwise:
        the other formats carry exact moods, or none)."""
        if self.result is None or self.kind != "daylio-csv":
            return {}
        return self.result.mood_labels


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a kind :class:`UserError` (gone, unreadable, a folder)."""
    try:
        return path.read_bytes()
    except OSError:
        raise UserError(
            ErrorKind.IO,
            "That file can't be read. Nothing was imported.",
            hint="Check that it still exists and that you may open it, then try again.",
        ) from None


def prepare(session: JournalSession, path: Path, password: str | None = None) -> Prepared:
    """Read ``path`` whole and do a dry run; :class:`PasswordNeeded` for an encrypted jrnl
    journal without ``password``; refusals are the importers' and the services' own errors."""
    data = read_bytes(path)
    kind = interop.detect(data)
    if kind == OWN_EXPORT:
        document = load_json(data)
        return Prepared(
            path, kind, restoring.import_export(session, document, dry_run=True), None, document
        )
    if interop.needs_password(data) and not password:
        raise PasswordNeeded()
    try:
        result = interop.read(data, kind, password=password)
    except interop.ImportRefused as refused:
        if refused.code == "password_required" and not password:
            raise PasswordNeeded() from None
        raise
    return Prepared(path, kind, import_entries(session, result, dry_run=True), result)


def run_import(
    session: JournalSession,
    prepared: Prepared,
    mood_map: Mapping[str, int],
    progress: Progress,
) -> ImportSummary:
    """Write what ``prepared`` holds (phase 2), reporting steps; a cancel request rolls the
    whole transaction back (the service raises ``ImportCancelled``, or the task ``Cancelled``)."""

    def cancelled() -> bool:
        return progress.cancelled

    if prepared.result is None:
        return restoring.import_export(
            session, prepared.document, progress=progress.step, cancelled=cancelled
        )
    return import_entries(
        session,
        prepared.result,
        mood_map=dict(mood_map),
        progress=progress.step,
        cancelled=cancelled,
    )
