"""Mood faces drawn with QPainter: no emoji font needed, in the theme's text colour.

The faces were emoji (😞 … 😊), which show as empty boxes on a system without an emoji font —
common on Linux desktops and in the offscreen/CI platform. Drawing five simple line faces (a
circle, two eyes, a mouth from frown to smile) works everywhere, follows the text size and the
theme, and keeps the meaning where it was: a face is only ever extra, beside the number and words.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

# (lowest mood value, face) from low to high, and how much each face smiles (-1 … 1).
FACES = ((0, "very-low"), (4, "low"), (5, "middling"), (7, "good"), (9, "very-good"))
_SMILE = {"very-low": -1.0, "low": -0.5, "middling": 0.0, "good": 0.5, "very-good": 1.0}


def mood_face(value: int) -> str:
    """Which face goes with a mood value; always shown beside the number and words."""
    face = FACES[0][1]
    for point, kind in FACES:
        if point <= value:
            face = kind
    return face


def face_pixmap(kind: str, size: int, colour: QColor, ratio: float = 1.0) -> QPixmap:
    """The face ``kind`` as a ``size``×``size`` (device-independent) pixmap in ``colour``."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    s = float(size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, max(1.2, s / 13))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    margin = pen.widthF()
    painter.drawEllipse(QRectF(margin, margin, s - 2 * margin, s - 2 * margin))
    painter.setBrush(colour)
    eye = s / 14
    for x in (0.36, 0.64):
        painter.drawEllipse(QPointF(s * x, s * 0.4), eye, eye)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    smile = _SMILE[kind]
    mouth_y = s * (0.68 - 0.06 * smile)  # a frown sits a little lower, a smile a little higher
    mouth = QPainterPath(QPointF(s * 0.32, mouth_y))
    mouth.quadTo(QPointF(s * 0.5, mouth_y + smile * s * 0.2), QPointF(s * 0.68, mouth_y))
    painter.drawPath(mouth)
    painter.end()
    return pixmap
