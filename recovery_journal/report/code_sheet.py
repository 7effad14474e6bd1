"""The recovery-code sheet: one printed page with the code, large, and what it is for.

Printed through the shared engine (:mod:`.engine`) like every other page. The code is shown in
two rows of four groups in a monospaced font, so nothing is cut off or mistaken.
"""

from __future__ import annotations

import html

from recovery_journal.report.engine import Frame, Paged, Part

TITLE = "Recovery Journal — recovery code"


def code_sheet_html(code: str) -> str:
    groups = [html.escape(g) for g in code.split("-")]
    half = (len(groups) + 1) // 2
    rows = "-".join(groups[:half]) + "-<br>" + "-".join(groups[half:])
    return (
        f"<h2>{TITLE}</h2>"
        '<p style="margin-top: 18px; margin-bottom: 18px; font-family: monospace; '
        f'font-size: 22pt; font-weight: 600;" align="center">{rows}</p>'
        "<p>This code opens your journal if you forget your passphrase. Nobody else can reset "
        "it.</p>"
        "<p>Keep this sheet somewhere safe and private (not next to your computer).</p>"
    )


def code_sheet_document(code: str) -> Paged:
    part = Part(code_sheet_html(code), max_pages=1, font_sizes=(12.0, 10.0))
    frame = Frame(bottom_left="Keep this private", page="")
    return Paged([part], frame, title=TITLE)
