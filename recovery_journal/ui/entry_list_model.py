"""The Journal page's list of entries: an item model that loads in the background, page by page.

:class:`EntryListModel` never touches the database on the UI thread. In the normal view (and the
Trash) it knows how many entries there are from the start (one count on the date index), so the
scroll bar is honest about the length at once, and it loads a page of rows when the view first
asks for one of them: the rows never change in number while scrolling, so the view never lays out
again (an insert made Qt walk every loaded row: quadratic over a hundred years of entries). With a
search query it shows full-text hits whose snippets carry the matched words, fetched in pages
through ``canFetchMore``/``fetchMore``. Every load is tagged with a generation number so a result
that arrives after a newer request (an older search finishing late) is dropped. Until new rows
arrive the old ones stay visible, so typing in the search field never flashes an empty list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from shiboken6 import Shiboken

from recovery_journal.domain.entries import SEARCH_PAGE, Entry
from recovery_journal.services.entries import EntryService
from recovery_journal.ui.checkin import extras_in_words
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.entry_pages import CountedPages, Key, page_job
from recovery_journal.ui.entry_pages import Loaded as _Loaded
from recovery_journal.ui.entry_pages import Row as _Row
from recovery_journal.ui.entry_text import (
    body_preview,
    entry_heading,
    format_day,
    lead_to_match,
    snippet_html,
)

ENTRY_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1
"""The :class:`Entry` of a row."""
SNIPPET_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2
"""Search mode only: the hit's snippet as HTML, matched words in ``<b>``, everything escaped."""
PREVIEW_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 3
"""The row's second line: the snippet (with match markers) or the start of the body."""
CHECK_IN_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 4
"""The check-in besides the mood, briefly ("anxiety 3 · slept 7 h · calm"), or ''."""

PAGE_SIZE: Final = 200
SEARCH_PAGE_SIZE: Final = SEARCH_PAGE

_Index = QModelIndex | QPersistentModelIndex
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """What the list shows: a search query and/or filters, in the journal or in the Trash."""

    query: str = ""
    tag: str | None = None
    start: date | None = None
    end: date | None = None
    therapy_only: bool = False
    trash: bool = False
    starred_only: bool = False

    @property
    def searching(self) -> bool:
        return bool(_WORD.search(self.query))

    @property
    def narrowed(self) -> bool:
        """True when anything besides the Trash switch limits what is shown."""
        return bool(
            self.searching
            or self.tag
            or self.start
            or self.end
            or self.therapy_only
            or self.starred_only
        )


# ------------------------------------------------------------------ the model


class EntryListModel(QStringListModel):
    """Entries for the list view, newest first, loaded in the background (see module doc).

    A QStringListModel of empty strings only for its C++ row bookkeeping (see below); every
    piece of data comes from :meth:`data`, and rows are never editable."""

    rows_loaded = Signal()
    """A load finished (rows replaced or appended); also after a failed load."""

    def __init__(
        self, ctx: UiContext, parent: QObject | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._page_size = page_size
        self._rows: list[_Row] = []  # search hits, in order (search mode)
        self._counted = CountedPages(page_size, EntryService.entry_of)  # list mode
        self._paged = False  # list mode: the rows shown are counted and loaded page by page
        self._started = False
        self._filter = EntryFilter()
        self._generation = 0
        self._fetching = False
        self._exhausted = True  # nothing to fetch until the first load says otherwise

    # ------------------------------------------------------------ public API

    @property
    def entry_filter(self) -> EntryFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._fetching or bool(self._counted.asking)

    def set_filter(self, wanted: EntryFilter) -> None:
        """Show what ``wanted`` asks for; the current rows stay until the new ones arrive."""
        self._filter = wanted
        self._load(replace=True, keep_depth=False)

    def refresh(self) -> None:
        """Load again (after a save or a change elsewhere), as deep as already scrolled."""
        self._load(replace=True, keep_depth=True)

    def row_of(self, entry_id: int) -> int | None:
        """The row of a loaded entry (None if it isn't among the rows loaded)."""
        if self._paged:
            return self._counted.row_of(entry_id)
        return next((i for i, r in enumerate(self._rows) if r.entry.id == entry_id), None)

    def empty_message(self) -> str:
        """What to say when there are no rows: kind, and about why."""
        wanted = self._filter
        if wanted.searching:
            return self.tr("Nothing matches your search. Fewer or different words may help.")
        if wanted.narrowed:
            return self.tr("No entries match these filters.")
        if wanted.trash:
            return self.tr("The Trash is empty.")
        return self.tr("Nothing here yet. What you write on Today shows up here.")

    # ------------------------------------------------------------ Qt model interface

    # rowCount and index are QStringListModel's own (C++), over one empty string per row: Qt
    # calls them for every row whenever it lays the list out, and a Python rowCount made each
    # layout of 35,000 rows cost half a second.

    def _row(self, number: int) -> _Row | None:
        """Row ``number`` if loaded; in list mode, asks for its page when it isn't."""
        if not self._paged:
            return self._rows[number] if 0 <= number < len(self._rows) else None
        row = self._counted.row(number)
        if self._counted.failures:  # told after the paint that found them, not inside it
            failure, self._counted.failures = self._counted.failures[0], []
            report = self._ctx.report
            QTimer.singleShot(0, lambda: report(failure))
        if isinstance(row, int):  # its page isn't loaded yet
            self._ask_for_page(row)
            return None
        return row

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._heading(row.entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row.entry)
        if role == ENTRY_ROLE:
            return row.entry
        if role == SNIPPET_ROLE:
            return None if row.snippet is None else snippet_html(row.snippet)
        if role == PREVIEW_ROLE:
            return body_preview(row.entry) if row.snippet is None else lead_to_match(row.snippet)
        if role == CHECK_IN_ROLE:
            return self.check_in_words(row.entry)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def canFetchMore(self, parent: _Index) -> bool:
        # Nothing until the first set_filter/refresh: a hidden view must not load at unlock.
        # In list mode every row is already there (counted); pages load as they are shown.
        return (
            self._started
            and not self._paged
            and not parent.isValid()
            and not self._exhausted
            and not self._fetching
        )

    def fetchMore(self, parent: _Index) -> None:
        if self.canFetchMore(parent):
            self._load(replace=False, keep_depth=False)

    # ------------------------------------------------------------ loading

    def _load(self, *, replace: bool, keep_depth: bool) -> None:
        self._started = True
        self._generation += 1
        if not self._filter.searching:
            self._load_counted(keep_depth=keep_depth)
            return
        generation, wanted = self._generation, self._filter
        entries = self._ctx.session.entries
        self._fetching = True
        # Search pages are smaller: snippets cost more than rows, and the first screen matters.
        page = min(self._page_size, SEARCH_PAGE_SIZE)
        depth = len(self._rows) if not self._paged else 0
        limit = max(page, depth) if keep_depth else page
        offset = 0 if replace else depth

        def job() -> list[_Row]:
            hits = entries.search(
                wanted.query, limit=limit, offset=offset, start=wanted.start,
                end=wanted.end, tag=wanted.tag, therapy_only=wanted.therapy_only,
                trash=wanted.trash, starred_only=wanted.starred_only,
            )  # fmt: skip
            return [_Row(h.entry, h.snippet) for h in hits]

        self._ctx.tasks.run(
            job,
            lambda rows: self._on_loaded(generation, rows, replace, limit),
            lambda exc: self._on_failed(generation, exc),
        )

    def _page_job(self, numbers: list[int], after: Key | None = None) -> Callable[[], _Loaded]:
        wanted = self._filter
        filters = {
            "start": wanted.start, "end": wanted.end, "tag": wanted.tag,
            "therapy_only": wanted.therapy_only, "trash": wanted.trash,
            "starred_only": wanted.starred_only,
        }  # fmt: skip
        entries = self._ctx.session.entries
        return page_job(entries, filters, numbers, self._page_size, after)

    def _load_counted(self, *, keep_depth: bool) -> None:
        """List mode, anew: the count and the first page (and, refreshing, the page the view
        showed last and the one after it), then one reset."""
        generation = self._generation
        self._fetching = True
        last = self._counted.last_asked if keep_depth and self._paged else 0
        numbers = sorted({0, last, last + 1} if last else {0})
        self._ctx.tasks.run(
            self._page_job(numbers),
            lambda loaded: self._on_counted(generation, loaded),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_counted(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation or not Shiboken.isValid(self):
            return
        total, pages = loaded
        self._paged, self._rows = True, []
        self._counted.reset(total, pages)
        self.setStringList([""] * total)  # one reset
        self._fetching = False
        self._exhausted = True
        self.rows_loaded.emit()

    def _ask_for_page(self, number: int) -> None:
        counted = self._counted
        counted.last_asked = number
        if number in counted.asking or self._fetching:
            return  # on its way (or a new count is: it will ask again)
        counted.asking.add(number)
        generation = self._generation
        self._ctx.tasks.run(
            self._page_job([number], counted.key_before(number)),
            lambda loaded: self._on_page(generation, number, loaded),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_page(self, generation: int, number: int, loaded: _Loaded) -> None:
        if generation != self._generation or not Shiboken.isValid(self):
            return
        counted = self._counted
        counted.asking.discard(number)
        total, pages = loaded
        if total != counted.total:  # changed meanwhile (elsewhere): count and load again
            self.refresh()
            return
        rows = pages.get(number, [])
        counted.pages[number] = rows
        if rows:
            first = number * self._page_size
            self.dataChanged.emit(self.index(first, 0), self.index(first + len(rows) - 1, 0))

    def _on_loaded(
        self, generation: int, rows: list[_Row], replace: bool, limit: int | None
    ) -> None:
        if generation != self._generation or not Shiboken.isValid(self):
            return  # a newer request is on its way, or the page is gone
        # Still "fetching" while the change is announced: views and testers that call
        # fetchMore from the change signals must not start a request for half-updated rows.
        if replace or self._paged:
            self._paged = False
            self._counted.reset()
            self._rows = rows
            self.setStringList([""] * len(rows))  # one reset
        elif rows:
            first = len(self._rows)
            self._rows.extend(rows)
            self.insertRows(first, len(rows))  # begin/endInsertRows
        self._fetching = False
        self._exhausted = limit is None or len(rows) < limit
        self.rows_loaded.emit()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation or not Shiboken.isValid(self):
            return
        self._fetching = False
        self._counted.asking.clear()
        self._exhausted = True  # don't retry in a loop; the next refresh tries again
        self._ctx.report(exc)
        self.rows_loaded.emit()

    # ------------------------------------------------------------ texts

    def _heading(self, entry: Entry) -> str:
        heading = entry_heading(entry)
        if heading:
            return heading
        return self.tr("Mood check-in") if entry.check_in.mood is not None else self.tr("Untitled")

    def check_in_words(self, entry: Entry) -> str:
        """The check-in besides the mood (which has its badge), in a few words."""
        return extras_in_words(entry.check_in)

    def _spoken(self, entry: Entry) -> str:
        mood = (
            self.tr("mood {0} of 10").format(entry.check_in.mood)
            if entry.check_in.mood is not None
            else self.tr("no mood recorded")
        )
        star = self.tr("starred, ") if entry.starred else ""
        more = self.check_in_words(entry)
        more = f" ({more})" if more else ""
        return f"{star}{format_day(entry.local_date)}, {mood}{more}: {self._heading(entry)}"
