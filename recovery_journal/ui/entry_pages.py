"""The Journal list's rows in list mode: counted up front, loaded a page at a time when shown.

:class:`CountedPages` holds how many entries the list has and the pages loaded so far (by
number); :func:`page_job` is the background work that counts them and loads some pages. Keeping
the number of rows fixed while scrolling is what keeps a hundred years of entries smooth: Qt's
list view lays every row out again after each insert.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from recovery_journal.domain.entries import Entry


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the list: an entry, and in search mode its snippet (with match markers)."""

    entry: Entry
    snippet: str | None


Loaded = tuple[int, dict[int, list[Row]]]
"""How many entries there are, and the pages loaded (by number)."""


def page_job(
    entries: Any, filters: dict[str, Any], numbers: list[int], size: int
) -> Callable[[], Loaded]:
    """Work for the task runner: count the entries ``filters`` select (``entries.count``) and
    load pages ``numbers`` of ``size`` rows (``entries.list``), newest first."""

    def load(number: int) -> list[Row]:
        found = entries.list(**filters, limit=size, offset=number * size)
        return [Row(entry, None) for entry in found]

    def job() -> Loaded:
        return int(entries.count(**filters)), {number: load(number) for number in numbers}

    return job


class CountedPages:
    """The counted rows and their loaded pages; which pages are on their way."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.total = 0
        self.pages: dict[int, list[Row]] = {}
        self.asking: set[int] = set()
        self.last_asked = 0  # reloaded with page 0 on a refresh, so the view keeps its rows

    def reset(self, total: int = 0, pages: dict[int, list[Row]] | None = None) -> None:
        self.total = total
        self.pages = {n: rows for n, rows in (pages or {}).items() if rows}
        self.asking.clear()

    def row(self, number: int) -> Row | int | None:
        """Row ``number``; the number of its page when that isn't loaded; None out of range."""
        if not 0 <= number < self.total:
            return None
        page, at = divmod(number, self.size)
        rows = self.pages.get(page)
        if rows is None:
            return page
        return rows[at] if at < len(rows) else None

    def row_of(self, entry_id: int) -> int | None:
        for number, rows in self.pages.items():
            for at, row in enumerate(rows):
                if row.entry.id == entry_id:
                    return number * self.size + at
        return None
