"""The Journal page's list view: a :class:`QListView` whose rows keep their place when their data
arrives.

The list's rows all have one size and their number is known up front (see
:mod:`~recovery_journal.ui.entry_list_model`); a page of rows loaded later is announced with
``dataChanged``. QListView answers every ``dataChanged`` by laying out *every* row again — with
35,000 rows that was a third of a second per page scrolled to. Rows of one size can't move when
their data changes, so this view only repaints them (the item view's own handling, which also
tells accessibility tools what changed).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QListView

_Index = QModelIndex | QPersistentModelIndex


class EntryListView(QListView):
    """A list view of uniform rows that repaints, not re-lays-out, rows whose data changed."""

    def __init__(self) -> None:
        super().__init__()
        self.setUniformItemSizes(True)

    def dataChanged(self, topLeft: _Index, bottomRight: _Index, roles: Sequence[int] = ()) -> None:
        # Skips QListView::dataChanged (a relayout of every row): uniform rows can't move.
        QAbstractItemView.dataChanged(self, topLeft, bottomRight, list(roles))
