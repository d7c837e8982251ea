"""A long table printed from a layout template, one layout item per page.

The template's table (a ``QgsLayoutTable`` and its first frame) gives the place and the look:
header and content text formats, cell margin, grid (shown, width, colour) and background;
its columns' widths are the caller's.  The rows are wrapped at their columns' widths, cut
into pages as the frame holds them (the header repeated on every page), and each page's rows
are drawn by one :class:`TablePage` item with ``QPainter`` text (real text, searchable and
copyable in the PDF), the one-page layout printed once per table page as an atlas is.

Why not the template's table itself: QGIS 3.22 draws every cell of a ``QgsLayoutTable``
through ``QgsTextRenderer``, which builds each glyph's outline into a picture even when the
PDF receives text (≈ 70 ms per A4 page of 300 cells); drawing the same text directly takes
a tenth of that.  A cell taller than a whole page (a hostile or runaway text) is cut at the
page and ends with « … » : the workbook beside the PDF keeps the full text."""
from qgis.core import (
    QgsAbstractLayoutIterator,
    QgsLayoutItem,
    QgsLayoutItemRegistry,
    QgsLayoutPoint,
    QgsLayoutUtils,
    QgsTextFormat,
    QgsTextRenderer,
)
from qgis.PyQt.QtCore import QPointF, QRectF
from qgis.PyQt.QtGui import QColor, QFontMetricsF, QPen

SCALE = QgsTextRenderer.FONT_WORKAROUND_SCALE   # fonts sized in tenths, as QGIS does
ELLIPSIS = "…"
_ITEM_TYPE = getattr(QgsLayoutItemRegistry, "PluginItem", None)
if _ITEM_TYPE is None:   # QGIS 4: scoped enums
    _ITEM_TYPE = QgsLayoutItemRegistry.ItemType.PluginItem
_ITEM_TYPE = int(_ITEM_TYPE) + 4701


class Row:
    """One row's texts, with an optional background colour (``#rrggbb``) and bold text."""
    __slots__ = ("texts", "background", "bold")

    def __init__(self, texts, background=None, bold=False):
        self.texts = ["" if t is None else str(t) for t in texts]
        self.background, self.bold = background, bold


class _Style:
    """What the template's table says about the look, read once."""

    def __init__(self, table):
        self.header_format = table.headerTextFormat()
        self.content_format = table.contentTextFormat()
        bold = self.content_format.font()
        bold.setBold(True)
        self.bold_format = QgsTextFormat(self.content_format)
        self.bold_format.setFont(bold)
        self.margin = table.cellMargin()
        self.grid = table.gridStrokeWidth() if table.showGrid() else 0.0
        self.grid_color = table.gridColor()
        self.background = table.backgroundColor()


class _Metrics:
    """Text widths and line heights in millimetres, for the fonts of one render context."""

    def __init__(self, context, style):
        self.per_mm = context.scaleFactor() * SCALE
        self.fonts, self.colors = {}, {}
        for key, text_format in (("header", style.header_format),
                                 ("content", style.content_format),
                                 ("bold", style.bold_format)):
            font = text_format.scaledFont(context, SCALE)
            if isinstance(font, tuple):     # (font, is_zero_size) in later QGIS
                font = font[0]
            self.fonts[key] = (font, QFontMetricsF(font))
            self.colors[key] = text_format.color()

    def width(self, text, key):
        return self.fonts[key][1].horizontalAdvance(text) / self.per_mm

    def line(self, key):
        return self.fonts[key][1].height() / self.per_mm

    def ascent(self, key):
        return self.fonts[key][1].ascent() / self.per_mm

    def descent(self, key):
        return self.fonts[key][1].descent() / self.per_mm


def wrap(text, width, measure):
    """``text`` in lines no wider than ``width`` (by words; a word wider than the column is
    cut between characters), its own line breaks kept."""
    out = []
    for paragraph in text.split("\n"):
        if measure(paragraph) <= width:
            out.append(paragraph)
            continue
        current = ""
        for word in paragraph.split(" "):
            candidate = word if not current else current + " " + word
            if measure(candidate) <= width:
                current = candidate
                continue
            if current:
                out.append(current)
            current = ""
            for char in word:
                if current and measure(current + char) > width:
                    out.append(current)
                    current = ""
                current += char
        out.append(current)
    return out


def cut(lines, most, measure, width):
    """At most ``most`` lines; the last one kept ends with « … » when some were dropped."""
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    while last and measure(last + ELLIPSIS) > width:
        last = last[:-1]
    return lines[:most - 1] + [last + ELLIPSIS]


def paginate(heights, room, header):
    """Row indexes cut into pages of at most ``room`` (the header on each); a row never split,
    a page never empty."""
    pages, current, used = [], [], header
    for index, height in enumerate(heights):
        if current and used + height > room:
            pages.append(current)
            current, used = [], header
        current.append(index)
        used += height
    pages.append(current)
    return pages


class _Laid:
    """A row ready to draw: each cell's lines, the font key, background and height (mm)."""
    __slots__ = ("cells", "key", "background", "height")

    def __init__(self, cells, key, background, height):
        self.cells, self.key, self.background, self.height = cells, key, background, height


class TablePage(QgsLayoutItem):
    """The header and one page's rows, drawn at the template frame's place."""

    def __init__(self, layout, style, widths, right, header, rows):
        super().__init__(layout)
        self.style, self.widths, self.right = style, widths, right
        self.header, self.rows = header, rows
        self.setFrameEnabled(False)
        self.setBackgroundEnabled(False)

    def type(self):
        return _ITEM_TYPE

    def displayName(self):
        return "Tableau"

    def draw(self, item_context):
        context = item_context.renderContext()
        painter = context.painter()
        metrics = _Metrics(context, self.style)
        unit = metrics.per_mm   # painter units (after the scale below) per mm
        painter.save()
        painter.scale(1.0 / SCALE, 1.0 / SCALE)
        total = sum(self.widths)
        rows = [self.header] + self.rows
        height = sum(r.height for r in rows)
        if self.style.background.alpha():
            painter.fillRect(QRectF(0, 0, total * unit, height * unit), self.style.background)
        y = 0.0
        for row in rows:
            if row.background:
                painter.fillRect(QRectF(0, y * unit, total * unit, row.height * unit),
                                 QColor(row.background))
            self._draw_texts(painter, metrics, row, y, unit)
            y += row.height
        if self.style.grid:
            self._draw_grid(painter, rows, total, height, unit)
        painter.restore()

    def _draw_texts(self, painter, metrics, row, top, unit):
        font, _ = metrics.fonts[row.key]
        painter.setFont(font)
        painter.setPen(QPen(metrics.colors[row.key]))
        line, ascent, margin = metrics.line(row.key), metrics.ascent(row.key), self.style.margin
        x = self.style.grid
        for column, (lines, width) in enumerate(zip(row.cells, self.widths)):
            inner = width - 2 * margin - self.style.grid
            text_height = len(lines) * line - metrics.descent(row.key)
            first = top + (row.height - text_height) / 2.0 + ascent
            for number, text in enumerate(lines):
                left = x + margin
                if column in self.right:
                    left += inner - metrics.width(text, row.key)
                painter.drawText(QPointF(left * unit, (first + number * line) * unit), text)
            x += width

    def _draw_grid(self, painter, rows, total, height, unit):
        pen = QPen(self.style.grid_color)
        pen.setWidthF(self.style.grid * unit)
        painter.setPen(pen)
        half = self.style.grid / 2.0
        y = half
        painter.drawLine(QPointF(0, y * unit), QPointF(total * unit, y * unit))
        for row in rows:
            y += row.height
            line = min(y, height - half)
            painter.drawLine(QPointF(0, line * unit), QPointF(total * unit, line * unit))
        x = half
        for width in [0.0] + self.widths:
            x = min(x + width, total - half)
            painter.drawLine(QPointF(x * unit, 0), QPointF(x * unit, height * unit))


class TablePages(QgsAbstractLayoutIterator):
    """The one-page layout printed once per table page, as an atlas is: the table item shows
    that page's rows and the « Page k / n » label its numbers (QGIS lays out every page of a
    multi-page layout again at each page added, which grows with the square of the pages)."""

    def __init__(self, layout, item, pages, page_label=None):
        super().__init__()
        self._layout, self.item, self.pages = layout, item, pages
        self.page_label = page_label
        self.page_text = page_label.text() if page_label is not None else ""
        self.current = -1

    def layout(self):
        return self._layout

    def beginRender(self):
        self.current = -1
        return True

    def endRender(self):
        return True

    def count(self):
        return len(self.pages)

    def filePath(self, base, extension):
        return base

    def next(self):
        self.current += 1
        if self.current >= len(self.pages):
            return False
        self.item.rows = self.pages[self.current]
        if self.page_label is not None:
            self.page_label.setText(self.page_text.replace(
                "@layout_page", str(self.current + 1)).replace(
                "@layout_numpages", str(len(self.pages))))
        self.item.update()
        return True


def print_table(layout, table, headers, rows, widths, right=(), page_label=None):
    """The template's ``table`` replaced by the ``rows`` (:class:`Row`) under ``headers``,
    ``widths`` in mm (the table's width is their sum, from the frame's left edge), ``right``
    the right-aligned columns.  Returns the :class:`TablePages` to export (one PDF page per
    table page); ``page_label``, a label whose text uses ``@layout_page`` and
    ``@layout_numpages``, numbers the pages."""
    style = _Style(table)
    frame = table.frame(0)
    position, size = frame.positionWithUnits(), frame.sizeWithUnits()
    size.setWidth(layout.convertFromLayoutUnits(sum(widths), size.units()).length())
    room = frame.rect().height()
    for old in list(table.frames()):
        layout.removeLayoutItem(old)
    metrics = _Metrics(QgsLayoutUtils.createRenderContextForLayout(layout, None), style)
    header = _lay(Row(headers), "header", style, metrics, widths, room)
    laid = [_lay(row, "bold" if row.bold else "content", style, metrics, widths,
                 room - header.height) for row in rows]
    pages = paginate([r.height for r in laid], room, header.height)
    item = TablePage(layout, style, list(widths), set(right), header, [])
    layout.addLayoutItem(item)
    item.attemptResize(size)
    item.attemptMove(QgsLayoutPoint(position.x(), position.y(), position.units()))
    return TablePages(layout, item, [[laid[i] for i in page] for page in pages], page_label)


def _lay(row, key, style, metrics, widths, room):
    """``row`` wrapped at its columns and cut to ``room`` (mm)."""
    line = metrics.line(key)
    chrome = 2 * style.margin + style.grid
    most = max(1, int((room - chrome - style.grid + metrics.descent(key)) // line))
    def measure(value):
        return metrics.width(value, key)
    cells = []
    for text, width in zip(row.texts, widths):
        inner = width - 2 * style.margin - style.grid
        cells.append(cut(wrap(text, inner, measure), most, measure, inner))
    tallest = max(len(lines) for lines in cells) if cells else 1
    # as QGIS's tables: the last line's descent falls in the cell margin
    return _Laid(cells, key, row.background, tallest * line - metrics.descent(key) + chrome)

