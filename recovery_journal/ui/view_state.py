"""Where the person was when the journal locked, so unlocking brings them back there.

Locking destroys the main window (no widget may keep journal content), so what the person had
chosen to *see* is noted first and put back on the next unlock of the same journal: the section
they were on, "Show faces", the "More" expander, and gentle notes they dismissed. Kept in memory
only, never written anywhere; a dismissed note is kept as a digest of its rule and dates, not the
dates themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recovery_journal.ui.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class ViewState:
    """What the person was looking at in one journal."""

    journal: str
    row: int
    show_faces: bool
    show_more: bool
    dismissed_notes: frozenset[str]


def capture(window: MainWindow, journal: str) -> ViewState:
    """Note what ``window`` shows now (Today's toggles only if Today was built)."""
    checkin = window.today.checkin
    return ViewState(
        journal=journal,
        row=window.nav.currentRow(),
        show_faces=checkin.faces_toggle.isChecked(),
        show_more=checkin.more_toggle.isChecked(),
        dismissed_notes=window.banner.dismissed_notes,
    )


def restore(window: MainWindow, state: ViewState | None, journal: str) -> None:
    """Put ``state`` back on a new window, if it was noted for this journal."""
    if state is None or state.journal != journal:
        return
    window.banner.dismissed_notes = state.dismissed_notes
    checkin = window.today.checkin
    checkin.faces_toggle.setChecked(state.show_faces)
    if state.show_more:
        checkin.more_toggle.setChecked(True)
    if 0 <= state.row < window.nav.count():
        window.nav.setCurrentRow(state.row)
