"""The safety plan's printout, now drawn by the shared report engine (kept here for the pages
that import its step titles): see :mod:`recovery_journal.report.safety_plan`."""

from __future__ import annotations

from recovery_journal.report.engine import set_page
from recovery_journal.report.safety_plan import (
    CONTACT_STEPS,
    EMERGENCY,
    contacts_by_step,
    print_plan,
    safety_plan_html,
    safety_plan_pdf,
)

__all__ = [
    "CONTACT_STEPS",
    "EMERGENCY",
    "contacts_by_step",
    "print_plan",
    "safety_plan_html",
    "safety_plan_pdf",
    "set_page",
]
