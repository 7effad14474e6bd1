"""Which characters no installed font can draw, so the preview can say so before saving.

Qt falls back through the system's fonts for every character; when none has a glyph, the page
shows an empty box. :func:`missing_characters` lays each distinct character out the way the page
will and reports those that came out as the "no glyph" glyph (index 0).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from PySide6.QtGui import QFont, QTextLayout

_SILENT = {"Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp"}  # controls, joiners, combining marks, spaces


def _drawable(char: str, font: QFont) -> bool:
    layout = QTextLayout(char, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return bool(runs) and all(0 not in run.glyphIndexes() for run in runs)


def missing_characters(texts: Iterable[str], font: QFont | None = None) -> list[str]:
    """The distinct characters of ``texts`` that no installed font can draw, in code order."""
    chosen = font or QFont()
    distinct = {c for text in texts for c in text if ord(c) > 0x7E}
    return sorted(
        c for c in distinct if unicodedata.category(c) not in _SILENT and not _drawable(c, chosen)
    )
