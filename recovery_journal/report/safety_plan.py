"""The safety plan as one printable page, through the shared engine (:mod:`.engine`).

:func:`safety_plan_html` is pure (testable without a printer) and escapes every piece of the
person's text. :func:`safety_plan_document` lays it out on one A4 page at the largest comfortable
text size that fits (a very long plan is scaled down onto the one page); :func:`safety_plan_pdf`
renders it to PDF bytes so the caller can write them atomically (0600) off the UI thread, and
:func:`print_plan` sends the same page to a printer.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtGui import QPagedPaintDevice

from recovery_journal.domain.support import (
    SafetyPlanItem,
    SafetyStep,
    SupportContact,
    contacts_not_in_lines,
)
from recovery_journal.report.engine import Frame, Paged, Part

STEP_TITLES: dict[SafetyStep, str] = {
    SafetyStep.WARNING_SIGNS: "My warning signs",
    SafetyStep.INTERNAL_COPING: "Things I can do on my own",
    SafetyStep.DISTRACTION: "People and places that take my mind off things",
    SafetyStep.ASK_FOR_HELP: "People I can ask for help",
    SafetyStep.PROFESSIONALS: "Professionals and crisis lines",
    SafetyStep.SAFE_ENVIRONMENT: "Making my environment safer",
    SafetyStep.REASONS_FOR_LIVING: "My reasons for living",
}
STEP_HINTS: dict[SafetyStep, str] = {
    SafetyStep.WARNING_SIGNS: "Thoughts, feelings, situations or habits that tell me a hard "
    "time may be starting.",
    SafetyStep.INTERNAL_COPING: "Things I can do by myself to get through a difficult moment.",
    SafetyStep.DISTRACTION: "People I can be around and places I can go that help me think "
    "about something else.",
    SafetyStep.ASK_FOR_HELP: "People I can tell that I'm having a hard time.",
    SafetyStep.PROFESSIONALS: "Who I can contact for professional help, including crisis lines "
    "for where I live.",
    SafetyStep.SAFE_ENVIRONMENT: "What I can do to make where I am safer, for example asking "
    "someone to keep things I could hurt myself with.",
    SafetyStep.REASONS_FOR_LIVING: "What matters most to me and is worth staying safe for.",
}
CONTACT_STEPS = (SafetyStep.DISTRACTION, SafetyStep.ASK_FOR_HELP, SafetyStep.PROFESSIONALS)
EMERGENCY = "If you are in immediate danger, call your local emergency number now."
FONT_SIZES = (11.0, 10.0, 9.0, 8.0, 7.0, 6.0)


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def contacts_by_step(
    contacts: Sequence[SupportContact],
) -> dict[SafetyStep, list[SupportContact]]:
    """Active contacts grouped under the safety-plan step they were given (others left out)."""
    grouped: dict[SafetyStep, list[SupportContact]] = {step: [] for step in SafetyStep}
    for contact in contacts:
        if contact.safety_step is not None and contact.archived_utc is None:
            grouped[contact.safety_step].append(contact)
    return grouped


def safety_plan_html(
    plan: Mapping[SafetyStep, Sequence[SafetyPlanItem]],
    contacts: Sequence[SupportContact],
    *,
    printed_on: date | None = None,
) -> str:
    """The whole plan as simple HTML for QTextDocument: seven numbered steps, lines, contacts."""
    grouped = contacts_by_step(contacts)
    parts = ["<h2>My safety plan</h2>"]
    if printed_on is not None:
        parts.append(f"<p><small>Printed {printed_on.isoformat()}</small></p>")
    for number, step in enumerate(SafetyStep, start=1):
        parts.append(f"<h4>{number}. {html.escape(STEP_TITLES[step])}</h4>")
        typed = [item.text for item in plan.get(step, ())]
        lines = [f"<li>{_text(text)}</li>" for text in typed]
        for contact in contacts_not_in_lines(typed, grouped[step]):
            reach = f" — {_text(contact.reach)}" if contact.reach else ""
            lines.append(f"<li><b>{_text(contact.name)}</b>{reach}</li>")
        if lines:
            parts.append("<ul>" + "".join(lines) + "</ul>")
        else:
            parts.append("<p>_______________________________________________</p>")
    parts.append(f"<p><b>{html.escape(EMERGENCY)}</b></p>")
    return "\n".join(parts)


def safety_plan_document(source: str) -> Paged:
    """``source`` on exactly one page."""
    part = Part(source, max_pages=1, font_sizes=FONT_SIZES, zoom_to_fit=True)
    frame = Frame(bottom_left="My safety plan — made with Recovery Journal", page="")
    return Paged([part], frame, title="My safety plan")


def print_plan(source: str, device: QPagedPaintDevice) -> None:
    """Print ``source`` on one page of ``device`` (a QPrinter or QPdfWriter)."""
    safety_plan_document(source).print_to(device)


def safety_plan_pdf(source: str) -> bytes:
    """``source`` rendered to a one-page PDF, as bytes."""
    return safety_plan_document(source).pdf()
