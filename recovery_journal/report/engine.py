"""One engine for every printed page: HTML parts laid out by Qt's text engine onto A4 pages.

A :class:`Paged` document is a list of :class:`Part` (each a piece of HTML that starts on a new
page and may be limited to a number of pages: its text is made smaller until it fits) inside a
:class:`Frame` (the header and footer drawn on every page, with "page x of y"). It is laid out
once, for a PDF writer's metrics at :data:`DPI`, and then painted page by page — into the PDF, on a
printer, or into the preview's images — always by the same :meth:`Paged.paint`: what the preview
shows is what is written. Qt's text engine brings system font fallback, right-to-left and CJK text
and selectable text in the PDF; figures are embedded as vectors (:mod:`.vector`).

QtGui (and QtSvg) only: this module never imports widgets, so the command line can use it with the
offscreen platform.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from recovery_journal.report import vector

DPI = 300
MARGIN_MM = 14.0
BAND_MM = 8.0  # room for the header above the text and the footer below it
MM = DPI / 25.4
FRAME_PT = 7.5
INK = QColor(0, 0, 0)
QUIET = QColor(70, 70, 70)
MAX_ZOOM = 15.0


@dataclass(frozen=True, slots=True)
class Frame:
    """What every page says around its text; ``{n}`` and ``{total}`` in ``page`` are filled in."""

    top_left: str = ""
    top_right: str = ""
    bottom_left: str = ""
    page: str = "Page {n} of {total}"


@dataclass(frozen=True, slots=True)
class Part:
    """HTML starting on a new page. With ``max_pages``, the text sizes are tried in turn (and the
    figures shrunk with them) until it fits; the last size is kept if nothing fits."""

    html: str
    max_pages: int | None = None
    font_sizes: tuple[float, ...] = (10.0,)
    figures: Sequence[vector.Figure] = ()
    zoom_to_fit: bool = False
    """One page whatever it takes: if the smallest size is still too long, lay it out on a larger
    virtual page of the same shape and paint that scaled down (a very long safety plan)."""


@dataclass
class _Laid:
    document: QTextDocument
    pages: int
    font_size: float
    zoom: float = 1.0
    figures: list[tuple[vector.Figure, QRectF]] = field(default_factory=list)


def text_font(points: float) -> QFont:
    """The system's font without ligatures: "fl" stays two letters, so the PDF's text can be
    searched and copied as it reads."""
    font = QFont()
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def set_page(device: QPagedPaintDevice) -> None:
    """A4 portrait with quiet margins (printers may override the size with their own)."""
    device.setPageLayout(page_layout())


def pdf_writer(device: QIODevice, title: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(DPI)
    writer.setPageLayout(page_layout())
    writer.setTitle(title)
    writer.setCreator("Recovery Journal")
    return writer


class Paged:
    """A laid-out document: :attr:`page_count` pages of :data:`DPI` pixels, painted on demand."""

    def __init__(self, parts: Sequence[Part], frame: Frame, title: str = "") -> None:
        self.title = title
        self.frame = frame
        self._buffer = QBuffer()  # metrics only: nothing is ever written through it
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._metrics = pdf_writer(self._buffer, title)
        full = page_layout().fullRectPixels(DPI)
        self.page_size = QSizeF(full.size())
        body = page_layout().paintRectPixels(DPI)
        band = BAND_MM * MM
        self.text_rect = QRectF(body.x(), body.y() + band, body.width(), body.height() - 2 * band)
        self._laid = [self._lay_out(part) for part in parts]
        self._pages = [(laid, i) for laid in self._laid for i in range(laid.pages)]

    @property
    def page_count(self) -> int:
        return len(self._pages)

    @property
    def documents(self) -> list[QTextDocument]:
        return [laid.document for laid in self._laid]

    def pages_of_part(self, index: int) -> int:
        return self._laid[index].pages

    def font_size_of_part(self, index: int) -> float:
        return self._laid[index].font_size

    def _document(self, part: Part, size: float, scale: float, zoom: float = 1.0) -> _Laid:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self._metrics)
        document.setDefaultFont(text_font(size))
        document.setDocumentMargin(0)
        document.setHtml(part.html)
        vector.embed(document, part.figures, scale)
        document.setPageSize(self.text_rect.size() * zoom)
        placed = vector.placed(document, part.figures)
        return _Laid(document, document.pageCount(), size, zoom, placed)

    def _lay_out(self, part: Part) -> _Laid:
        laid = self._document(part, part.font_sizes[0], 1.0)
        if part.max_pages is None:
            return laid
        for step, size in enumerate(part.font_sizes):
            laid = self._document(part, size, max(0.55, 1.0 - 0.1 * step))
            if laid.pages <= part.max_pages:
                return laid
        zoom = 1.0
        while part.zoom_to_fit and laid.pages > part.max_pages and zoom < MAX_ZOOM:
            zoom *= 1.25
            laid = self._document(part, part.font_sizes[-1], 1.0, zoom)
        return laid

    def paint(self, painter: QPainter, index: int) -> None:
        """Page ``index`` (0-based) in page pixels at :data:`DPI` (scale the painter first)."""
        laid, page = self._pages[index]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.text_rect.height() * laid.zoom
        painter.translate(self.text_rect.topLeft())
        painter.scale(1 / laid.zoom, 1 / laid.zoom)
        painter.translate(0, -page * height)
        clip = QRectF(0, page * height, self.text_rect.width() * laid.zoom, height)
        # Black ink on white paper whatever the app's theme (drawContents would use the
        # application palette: light grey text from the dark theme).
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, INK)
        context.palette.setColor(QPalette.ColorRole.WindowText, INK)
        context.clip = clip
        painter.setClipRect(clip)
        laid.document.documentLayout().draw(painter, context)
        for figure, rect in laid.figures:
            if clip.intersects(rect):
                vector.paint(painter, figure, rect)
        painter.restore()
        self._paint_frame(painter, index)

    def _paint_frame(self, painter: QPainter, index: int) -> None:
        painter.save()
        font = text_font(FRAME_PT)
        font.setPixelSize(round(FRAME_PT * DPI / 72))
        painter.setFont(font)
        painter.setPen(QUIET)
        band = BAND_MM * MM
        r = self.text_rect
        top = QRectF(r.left(), r.top() - band, r.width(), band * 0.7)
        bottom = QRectF(r.left(), r.bottom() + band * 0.3, r.width(), band * 0.7)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        # A long display name is shortened rather than run into the period on its right; the
        # footer (the disclaimer, the date) is always written whole.
        metrics = QFontMetricsF(font, painter.device())
        room = r.width() - metrics.horizontalAdvance(self.frame.top_right) - 4 * MM
        shown = metrics.elidedText(self.frame.top_left, Qt.TextElideMode.ElideRight, room)
        painter.drawText(top, left, shown)
        painter.drawText(top, right, self.frame.top_right)
        painter.drawText(bottom, left, self.frame.bottom_left)
        number = self.frame.page.format(n=index + 1, total=self.page_count)
        painter.drawText(bottom, right, number)
        painter.setPen(QPen(QUIET, 0.3 * MM / 2))
        if self.frame.top_left or self.frame.top_right:
            painter.drawLine(QPointF(r.left(), top.bottom()), QPointF(r.right(), top.bottom()))
        painter.drawLine(QPointF(r.left(), bottom.top()), QPointF(r.right(), bottom.top()))
        painter.restore()

    # ------------------------------------------------------------ outputs

    def pdf(self, progress: Callable[[int, int], None] | None = None) -> bytes:
        """The whole document as PDF bytes (nothing touches the disk)."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = pdf_writer(buffer, self.title)
        self.print_to(writer, progress)
        del writer  # finishes the PDF into the buffer
        buffer.close()
        return bytes(data.data())

    def print_to(
        self, device: QPagedPaintDevice, progress: Callable[[int, int], None] | None = None
    ) -> None:
        """Every page onto a PDF writer or a printer, scaled to its page (same layout)."""
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("the printer or PDF writer could not start")
        try:
            dpi = device.logicalDpiX()
            full = device.pageLayout().fullRectPixels(dpi)
            paint = device.pageLayout().paintRectPixels(dpi)
            scale = min(
                full.width() / self.page_size.width(), full.height() / self.page_size.height()
            )
            for index in range(self.page_count):
                if index:
                    device.newPage()
                painter.save()
                painter.translate(-paint.x(), -paint.y())  # the painter starts at the margins
                painter.scale(scale, scale)
                self.paint(painter, index)
                painter.restore()
                if progress is not None:
                    progress(index + 1, self.page_count)
        finally:
            painter.end()

    def image(self, index: int, width: int) -> QImage:
        """Page ``index`` as an image ``width`` pixels wide (the preview), on white paper."""
        scale = width / self.page_size.width()
        image = QImage(width, round(self.page_size.height() * scale), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        self.paint(painter, index)
        painter.end()
        return image
