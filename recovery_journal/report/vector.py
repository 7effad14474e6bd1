"""Figures as vectors inside a QTextDocument: an SVG drawn by QSvgRenderer as a text object.

A part's HTML marks where figure ``i`` goes with :func:`placeholder` (a paragraph of its own);
:func:`embed` replaces each mark with an empty image of the figure's size, so the text engine
leaves room for it, and after layout :func:`placed` finds where each one landed; the page painter
then draws the SVG there with QSvgRenderer (:func:`paint`) — in the PDF as vector paths, sharp at
any zoom; in the preview as pixels. (A QTextObjectInterface handler would be the textbook way, but
PySide6 does not hand a Python handler to the layout.) The figure's summary sentence stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRectF, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument, QTextImageFormat
from PySide6.QtSvg import QSvgRenderer

DPI = 300
MM = DPI / 25.4


@dataclass(frozen=True, slots=True)
class Figure:
    """An SVG drawing and its size on the page in millimetres."""

    svg: bytes
    width_mm: float
    height_mm: float


def placeholder(index: int) -> str:
    return f"[[figure-{index}]]"


def image_scale(document: QTextDocument) -> float:
    """How much the layout enlarges an image's size on this document's paint device (it treats
    image sizes as screen pixels: the device's dpi over the screen's)."""
    probe = QTextDocument()
    probe.documentLayout().setPaintDevice(document.documentLayout().paintDevice())
    probe.setDocumentMargin(0)
    image = QTextImageFormat()
    image.setName("probe")
    image.setWidth(1000)
    image.setHeight(1000)
    probe.addResource(QTextDocument.ResourceType.ImageResource, QUrl("probe"), _blank())
    probe.rootFrame().firstCursorPosition().insertImage(image)
    return max(probe.documentLayout().documentSize().height() / 1000, 0.01)


def _blank() -> QImage:
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(0)
    return blank


def embed(document: QTextDocument, figures: Sequence[Figure], scale: float = 1.0) -> None:
    """Reserve room for ``figures`` where their placeholders are: an empty image of the figure's
    size, named after it (the drawing itself is painted over it by :func:`paint`)."""
    if not figures:
        return
    enlarged = image_scale(document)
    for index, figure in enumerate(figures):
        cursor = document.find(placeholder(index))
        if cursor.isNull():
            continue
        name = f"figure:{index}"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), _blank())
        image = QTextImageFormat()
        image.setName(name)
        image.setWidth(figure.width_mm * MM * scale / enlarged)
        image.setHeight(figure.height_mm * MM * scale / enlarged)
        cursor.insertImage(image)


def placed(document: QTextDocument, figures: Sequence[Figure]) -> list[tuple[Figure, QRectF]]:
    """Where each figure landed in the laid-out document (document coordinates)."""
    found: list[tuple[Figure, QRectF]] = []
    if not figures:
        return found
    enlarged = image_scale(document)
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name().startswith("figure:"):
                image = fmt.toImageFormat()
                index = int(image.name().split(":", 1)[1])
                box = layout.blockBoundingRect(block)
                line = block.layout().lineForTextPosition(fragment.position() - block.position())
                x = box.x() + _x_of(line.cursorToX(fragment.position() - block.position()))
                width, height = image.width() * enlarged, image.height() * enlarged
                top = box.y() + line.y() + line.ascent() - height
                found.append((figures[index], QRectF(x, top, width, height)))
            it += 1
        block = block.next()
    return found


def _x_of(cursor_x: object) -> float:
    """QTextLine.cursorToX gives (x, position) in PySide6."""
    value = cursor_x[0] if isinstance(cursor_x, tuple) else cursor_x
    return float(value) if isinstance(value, (int, float)) else 0.0


def paint(painter: QPainter, figure: Figure, rect: QRectF) -> None:
    """The drawing as vectors (sharp in the PDF at any zoom)."""
    QSvgRenderer(QByteArray(figure.svg)).render(painter, rect)
