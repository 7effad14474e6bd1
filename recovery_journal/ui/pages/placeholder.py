"""A page for a feature that a later release fills in — says so plainly, shows no invented data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.base import Page


class PlaceholderPage(Page):
    """'Coming soon' for Triggers, Coping, Safety plan, Milestones, Insights, Export."""

    def __init__(
        self, ctx: UiContext, title: str, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.nav_title = title
        label = QLabel(
            self.tr(
                "<h2>{title}</h2><p>{what}</p><p>This part of the app is on its way.</p>"
            ).format(title=title, what=what)
        )
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(label)
        layout.addStretch(1)


PLANNED = (("Insights", "Charts of mood, triggers and what helps over time."),)
