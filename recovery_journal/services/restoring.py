"""Importing a whole Recovery Journal JSON export (any version so far) into a new journal.

Everything comes back — entries with their stars, times and sources, earlier versions, drafts and
every other kind of record — with the export's ids, so the links between records stay right and
exporting the new journal gives the same records. The document is checked whole before anything
is written (a bad record refuses the file, naming its list and number, never its text), then
written in one transaction after a backup. A new journal's untouched default coping library gives
way to the export's own. A journal that already holds something a person wrote is refused:
merging two journals' ids is not something to guess at (import into a new journal instead), and
importing the same export twice therefore adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from recovery_journal.domain.entries import Draft, Entry, EntryRevision
from recovery_journal.errors import UserError
from recovery_journal.services.importing import (
    ImportCancelled,
    ImportNotPossible,
    ImportSummary,
    Progress,
)
from recovery_journal.services.jsonable import from_jsonable, upgraded_document
from recovery_journal.services.library import load_default_library
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import restore

OWN_FORMAT = "json"


@dataclass(frozen=True, slots=True)
class _Parsed:
    entries: list[Entry]
    revisions: list[EntryRevision]
    drafts: list[Draft]
    records: dict[str, list[Any]]

    def counts(self) -> dict[str, int]:
        counts = {
            "entries": len(self.entries),
            "entry_revisions": len(self.revisions),
            "drafts": len(self.drafts),
        }
        counts.update({key: len(items) for key, items in self.records.items()})
        return counts


def _list(doc: dict[str, Any], key: str, cls: type[Any]) -> list[Any]:
    rows = doc.get(key, [])
    if not isinstance(rows, list):
        raise ImportNotPossible("bad_export", f'The export\'s "{key}" is not a list.')
    parsed = []
    for number, row in enumerate(rows, start=1):
        try:
            parsed.append(from_jsonable(cls, row))
        except UserError as error:
            raise ImportNotPossible(
                "bad_record", f'Record {number} of "{key}" can\'t be imported: {error.message}'
            ) from None
        except (TypeError, ValueError, KeyError):
            raise ImportNotPossible(
                "bad_record", f'Record {number} of "{key}" has a value of the wrong kind.'
            ) from None
    return parsed


def parse_export(document: Any) -> _Parsed:
    """Every record of an export document as domain values, or :class:`ImportNotPossible`."""
    try:
        doc = upgraded_document(document)
    except ValueError:
        raise ImportNotPossible(
            "bad_export",
            "This is not a Recovery Journal export this version of the app can read.",
            hint="If it comes from a newer version of the app, update the app first.",
        ) from None
    return _Parsed(
        entries=_list(doc, "entries", Entry),
        revisions=_list(doc, "entry_revisions", EntryRevision),
        drafts=_list(doc, "drafts", Draft),
        records={key: _list(doc, key, restore.record_type(key)) for key in restore.RECORDS},
    )


def _not_empty() -> ImportNotPossible:
    return ImportNotPossible(
        "journal_not_empty",
        "A Recovery Journal export is imported into a new journal; this one already holds "
        "writing. Nothing was imported.",
        hint="Create a new journal and import the export there.",
    )


def import_export(
    session: JournalSession,
    document: Any,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Restore an export document (already read as JSON) into this new journal (nothing in it but
    the untouched default coping library, which the export's own library replaces)."""
    parsed = parse_export(document)
    with session.transaction() as s:
        if not restore.is_new(s, load_default_library()):
            raise _not_empty()
    backup = None if dry_run else session.backup_before("import").path
    if not dry_run:
        with session.transaction() as s:
            _write(s, parsed, progress, cancelled)
    days = [e.local_date for e in parsed.entries]
    return ImportSummary(
        format=OWN_FORMAT,
        added=len(parsed.entries),
        already_there=0,
        first_day=min(days, default=None),
        last_day=max(days, default=None),
        dry_run=dry_run,
        backup=backup,
        records=parsed.counts(),
    )


def _write(
    s: Session,
    parsed: _Parsed,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    if not restore.is_new(
        s, load_default_library()
    ):  # checked again inside the writing transaction
        raise _not_empty()
    restore.clear_default_library(s)
    batches: list[tuple[str, list[Any]]] = [
        ("entries", parsed.entries),
        ("entry_revisions", parsed.revisions),
        ("drafts", parsed.drafts),
        *parsed.records.items(),
    ]
    for done, (key, items) in enumerate(batches, start=1):
        if cancelled is not None and cancelled():
            raise ImportCancelled()  # rolls the whole transaction back
        _restore(s, key, items)
        if progress is not None:
            progress(done, len(batches))


def _restore(s: Session, key: str, items: list[Any]) -> None:
    if key == "entries":
        restore.restore_entries(s, items)
    elif key == "entry_revisions":
        for revision in items:
            restore.restore_revision(s, revision)
    elif key == "drafts":
        for draft in items:
            restore.restore_draft(s, draft)
    else:
        restore.restore_records(s, key, items)
