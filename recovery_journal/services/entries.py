"""Journal entries: write, edit (keeping history), trash and restore, list and search."""

from __future__ import annotations

import builtins
import dataclasses
from datetime import date
from typing import Any

from recovery_journal.domain.entries import SEARCH_PAGE, Draft, Entry, EntryRevision, SearchHit
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import drafts, reads
from recovery_journal.storage import entries as repo
from recovery_journal.storage.entry_codec import decode_stored, stored_key

ListedEntry = tuple[Any, ...]
"""An entry as a page of the Journal list holds it until a row shows it: what was read, not yet
decoded (:meth:`EntryService.entry_of` decodes it, :meth:`EntryService.key_of` reads its id and
day). A plain tuple of plain values, which Python's cyclic collector stops tracking (it does so
for exact tuples of untracked values only): a hundred years of list pages then add nothing to its
full collections. Those walk every tracked object and came once a quarter more of them had piled
up: they were the slowest pages of a long scroll."""


class EntryService:
    """Every use case on entries; each call is one transaction."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    def add(self, entry: Entry) -> Entry:
        with self._uow.transaction() as s:
            return repo.add(s, entry)

    def add_many(self, entries: list[Entry]) -> int:
        """Add several entries in one transaction (imports, demo data): all or none."""
        with self._uow.transaction() as s:
            return repo.add_many(s, entries)

    def edit(self, entry: Entry, *, discard_draft: str | None = None) -> Entry:
        """Save a changed entry (keeping the earlier version); optionally drop the draft slot
        that held these edits, in the same transaction."""
        with self._uow.transaction() as s:
            saved = repo.update(s, entry)
            if discard_draft is not None:
                drafts.discard(s, discard_draft)
            return saved

    def get(self, entry_id: int) -> Entry:
        with self._uow.transaction() as s:
            return repo.get(s, entry_id)

    def move_to_trash(self, entry_id: int) -> Entry:
        with self._uow.transaction() as s:
            return repo.set_trashed(s, entry_id, True)

    def restore(self, entry_id: int) -> Entry:
        with self._uow.transaction() as s:
            return repo.set_trashed(s, entry_id, False)

    def purge(self, entry_id: int) -> None:
        """Delete for good an entry that is already in the trash."""
        with self._uow.transaction() as s:
            repo.purge(s, entry_id)

    def list(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        tag: str | None = None,
        therapy_only: bool = False,
        trash: bool = False,
        limit: int | None = None,
        offset: int = 0,
        starred_only: bool = False,
        after: tuple[date, int] | None = None,
    ) -> builtins.list[Entry]:
        """Entries newest first, optionally within dates, with a tag, marked for therapy,
        starred, or (``trash``) the ones in the trash. ``after`` (an entry's day and id) starts
        just after that entry: the next page of a list read page by page."""
        which = reads.EntryFilter(start, end, tag, therapy_only, trash, starred_only)
        with self._uow.reading() as conn:
            return reads.list_entries(conn, which, limit=limit, offset=offset, after=after)

    def page(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        tag: str | None = None,
        therapy_only: bool = False,
        trash: bool = False,
        limit: int | None = None,
        offset: int = 0,
        starred_only: bool = False,
        after: tuple[date, int] | None = None,
    ) -> builtins.list[ListedEntry]:
        """:meth:`list`, undecoded: each entry is decoded by :meth:`entry_of` when shown."""
        which = reads.EntryFilter(start, end, tag, therapy_only, trash, starred_only)
        with self._uow.reading() as conn:
            return reads.list_stored(conn, which, limit=limit, offset=offset, after=after)

    @staticmethod
    def entry_of(listed: ListedEntry) -> Entry:
        """The entry a page of :meth:`page` holds (as :meth:`list` would have given it)."""
        return decode_stored(listed)

    @staticmethod
    def key_of(listed: ListedEntry) -> tuple[int, date]:
        """The id and the day of the entry a page of :meth:`page` holds."""
        return stored_key(listed)

    def count(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        tag: str | None = None,
        therapy_only: bool = False,
        starred_only: bool = False,
        trash: bool = False,
    ) -> int:
        """How many entries :meth:`list` gives with the same filters (without a limit)."""
        which = reads.EntryFilter(start, end, tag, therapy_only, trash, starred_only)
        with self._uow.reading() as conn:
            return reads.count(conn, which)

    def latest(self, limit: int = 20) -> builtins.list[Entry]:
        return self.list(limit=limit)

    def trash(self) -> builtins.list[Entry]:
        return self.list(trash=True)

    def search(
        self,
        query: str,
        *,
        limit: int = SEARCH_PAGE,
        offset: int = 0,
        start: date | None = None,
        end: date | None = None,
        tag: str | None = None,
        therapy_only: bool = False,
        trash: bool = False,
        starred_only: bool = False,
    ) -> builtins.list[SearchHit]:
        """A page of full-text matches, newest first, with the list filters; any text is safe
        (no query syntax errors)."""
        which = reads.EntryFilter(start, end, tag, therapy_only, trash, starred_only)
        with self._uow.reading() as conn:
            return reads.find(conn, query, which, limit=limit, offset=offset)

    def history(self, entry_id: int) -> builtins.list[EntryRevision]:
        with self._uow.transaction() as s:
            return repo.revisions(s, entry_id)

    def daily_moods(self, start: date, end: date) -> dict[date, float]:
        """Each day's mean mood in [start, end] (days without a mood are absent)."""
        with self._uow.transaction() as s:
            return repo.daily_moods(s, start, end)

    def daily_counts(self, start: date, end: date) -> dict[date, int]:
        """How many entries each day in [start, end] has (days without any are absent)."""
        with self._uow.transaction() as s:
            return repo.daily_counts(s, start, end)

    def tags(self) -> builtins.list[str]:
        with self._uow.transaction() as s:
            return repo.all_tags(s)

    def everything(self) -> tuple[builtins.list[Entry], builtins.list[EntryRevision]]:
        """All entries (trash included) and all kept revisions, for a full export."""
        with self._uow.transaction() as s:
            return repo.all_entries(s), repo.all_revisions(s)

    def history_everywhere(self) -> builtins.list[EntryRevision]:
        """Every kept earlier version of every entry, oldest first (for a full export)."""
        with self._uow.transaction() as s:
            return repo.all_revisions(s)

    # ------------------------------------------------------------ drafts (autosave)

    def save_draft(self, draft: Draft) -> Draft | None:
        """Keep unsaved writing; an empty draft removes the slot instead."""
        with self._uow.transaction() as s:
            if draft.is_empty:
                drafts.discard(s, draft.slot)
                return None
            return drafts.save(s, draft)

    def draft(self, slot: str) -> Draft | None:
        with self._uow.transaction() as s:
            return drafts.load(s, slot)

    def drafts(self) -> builtins.list[Draft]:
        with self._uow.transaction() as s:
            return drafts.all_drafts(s)

    def discard_draft(self, slot: str) -> None:
        with self._uow.transaction() as s:
            drafts.discard(s, slot)

    def save_from_draft(self, draft: Draft) -> Entry:
        """Save the draft as an entry (new, or an edit) and drop the draft, in one transaction."""
        entry = draft.to_entry()
        with self._uow.transaction() as s:
            if entry.id is not None:  # a draft does not hold the star: keep the entry's
                entry = dataclasses.replace(entry, starred=repo.get(s, entry.id).starred)
            saved = repo.update(s, entry) if entry.id is not None else repo.add(s, entry)
            drafts.discard(s, draft.slot)
            return saved
