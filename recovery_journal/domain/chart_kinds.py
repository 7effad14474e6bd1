"""The names of the charts, on their own: the command line builds its parser from them before it
starts deriving the keys, so they must not bring the insights model's eighteen dataclasses along
(~20 ms of every command's start-up; issue 14 item 6). :mod:`.insights` re-exports them."""

from __future__ import annotations

CHART_KINDS = ("mood", "calendar", "triggers", "warning-signs", "coping", "milestones", "checkins")
"""Every chart, by the name the command line's ``chart KIND`` uses."""
