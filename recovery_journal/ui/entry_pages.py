"""The Journal list's rows in list mode: counted up front, loaded a page at a time when shown.

:class:`CountedPages` holds how many entries the list has and the pages loaded so far (by
number); :func:`page_job` is the background work that counts them and loads some pages. Keeping
the number of rows fixed while scrolling is what keeps a hundred years of entries smooth: Qt's
list view lays every row out again after each insert.

A page that follows a loaded one starts where that one ended (a keyset: the last entry's day and
id), so scrolling on never counts rows from the top again; a page reached by a jump (the scroll
bar dragged) is found by its offset. Pages hold entries as read (``ListedEntry``: plain
values the cyclic collector stops tracking); a row decodes its entry when it is first shown, and
only the last :data:`DECODED` decoded rows are kept, so neither the worker nor the collector
pays for rows nobody looks at (every full collection walked every loaded entry: the slowest
pages at 100 years).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from recovery_journal.domain.entries import Entry
from recovery_journal.errors import UserError
from recovery_journal.services.entries import EntryService, ListedEntry

DECODED: Final = 1000
"""How many decoded rows the list keeps (a few screens); older ones are decoded again if shown."""


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the list: an entry, and in search mode its snippet (with match markers)."""

    entry: Entry
    snippet: str | None


Loaded = tuple[int, dict[int, list[ListedEntry]]]
"""How many entries there are, and the pages loaded (by number)."""
Key = tuple[date, int]
"""Where a page ends: its last entry's day and id."""


def key_of(page: list[ListedEntry], size: int) -> Key | None:
    """Where the full page ``page`` ends (None if it isn't full: nothing follows it)."""
    if len(page) < size:
        return None
    entry_id, day = EntryService.key_of(page[-1])
    return (day, entry_id)


def page_job(
    entries: Any,
    filters: dict[str, Any],
    numbers: list[int],
    size: int,
    after: Key | None = None,
) -> Callable[[], Loaded]:
    """Work for the task runner: count the entries ``filters`` select (``entries.count``) and
    load pages ``numbers`` of ``size`` rows (``entries.page``), newest first. ``after`` is where
    the page before the first of ``numbers`` ended, if it is loaded; each page after a page
    loaded here starts where that one ended."""

    def job() -> Loaded:
        total = int(entries.count(**filters))
        pages: dict[int, list[ListedEntry]] = {}
        key, follows = after, min(numbers, default=0) - 1
        for number in sorted(numbers):
            if key is not None and number == follows + 1:
                pages[number] = entries.page(**filters, limit=size, after=key)
            else:
                pages[number] = entries.page(**filters, limit=size, offset=number * size)
            key, follows = key_of(pages[number], size), number
        return total, pages

    return job


class CountedPages:
    """The counted rows and their loaded pages; which pages are on their way."""

    def __init__(self, size: int, decode: Callable[[ListedEntry], Entry]) -> None:
        self.size = size
        self.total = 0
        self.pages: dict[int, list[ListedEntry]] = {}
        self.asking: set[int] = set()
        self.last_asked = 0  # reloaded with page 0 on a refresh, so the view keeps its rows
        self._decode = decode
        self._rows: dict[int, Row] = {}  # decoded, by row number, oldest first
        self._broken: set[int] = set()  # rows whose stored values don't decode
        self.failures: list[UserError] = []  # not told yet (the model tells them)

    def reset(self, total: int = 0, pages: dict[int, list[ListedEntry]] | None = None) -> None:
        self.total = total
        self.pages = {n: rows for n, rows in (pages or {}).items() if rows}
        self.asking.clear()
        self._rows.clear()
        self._broken.clear()

    def row(self, number: int) -> Row | int | None:
        """Row ``number``; the number of its page when that isn't loaded; None out of range."""
        if not 0 <= number < self.total:
            return None
        found = self._rows.get(number)
        if found is not None:
            return found
        page, at = divmod(number, self.size)
        listed = self.pages.get(page)
        if listed is None:
            return page
        if at >= len(listed) or number in self._broken:
            return None
        try:
            entry = self._decode(listed[at])
        except UserError as exc:  # damaged or edited by hand: shown empty, told once a load
            if not self._broken:
                self.failures.append(exc)
            self._broken.add(number)
            return None
        found = self._rows[number] = Row(entry, None)
        if len(self._rows) > DECODED:
            del self._rows[next(iter(self._rows))]
        return found

    def key_before(self, number: int) -> Key | None:
        """Where the page before page ``number`` ends, if it is loaded and full."""
        page = self.pages.get(number - 1)
        return None if page is None else key_of(page, self.size)

    def row_of(self, entry_id: int) -> int | None:
        for number, page in self.pages.items():
            for at, listed in enumerate(page):
                if EntryService.key_of(listed)[0] == entry_id:
                    return number * self.size + at
        return None
