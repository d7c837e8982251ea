"""The programmation's PDFs from the layout template resources/layouts/programmation_a4.qpt:
a title, a version line, one table spread over as many pages as it needs, the source
and « Page k / n » on every page.  Real text (searchable, copyable)."""
import os

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsTableCell,
    QgsTextFormat,
    QgsTextRenderer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...osp_qgis import fonts
from ...osp_qgis.reference import resource_path

TEMPLATE = ("layouts", "programmation_a4.qpt")
SCALE = QgsTextRenderer.FONT_WORKAROUND_SCALE
SHADES = {"total_epci": "#f2f2f2", "total_dep": "#d6e4f0", "total": "#bdd7ee"}


class PdfError(Exception):
    pass


def _layout(project):
    document = QDomDocument()
    with open(resource_path(*TEMPLATE), encoding="utf-8") as handle:
        if not document.setContent(handle.read()):
            raise PdfError("Gabarit %s illisible." % os.path.join(*TEMPLATE))
    layout = QgsPrintLayout(project)
    _, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise PdfError("Gabarit %s non chargé." % os.path.join(*TEMPLATE))
    return layout


def _cell(text, kind=None, align_right=False):
    cell = QgsTableCell("" if text is None else str(text))
    if kind in SHADES:
        cell.setBackgroundColor(QColor(SHADES[kind]))
        cell.setTextFormat(QgsTextFormat.fromQFont(QFont(fonts.FAMILY, 7, QFont.Weight.Bold)))
    if align_right:
        cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
    return cell


def fit_widths(widths, frame_width, margin, stroke):
    """``widths`` (relative, mm) scaled so that the columns with their cell margins and grid
    lines fill the frame exactly: no column cut at the page edge."""
    available = frame_width - 2 * margin * len(widths) - stroke * (len(widths) + 1)
    scale = available / float(sum(widths))
    return [w * scale for w in widths]


def _clone(table, layout):
    """A copy of the template's table (fonts, grid, columns, widths), without its frames."""
    document = QDomDocument()
    holder = document.createElement("copie")
    table.writeXml(holder, document, QgsReadWriteContext(), False)
    copy = QgsLayoutItemManualTable.create(layout)
    copy.readXml(holder.firstChildElement(), document, QgsReadWriteContext(), False)
    layout.addMultiFrame(copy)
    return copy


class _Measure:
    """Rows' heights as QgsLayoutTable lays them out: each cell's text wrapped at its column
    width as the table wraps it (words; a word too long alone on its line), the tallest
    cell's text height less its font's descent, the cell margins and the grid line; the
    header as the table reserves it (its font's ascent, margins, two grid lines)."""

    def __init__(self, layout, table, widths):
        self.context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
        self.context.setFlag(Qgis.RenderContextFlag.ApplyScalingWorkaroundForTextRendering)
        self.mm = self.context.convertToPainterUnits(1, QgsUnitTypes.RenderUnit.RenderMillimeters)
        self.widths, self.plain = widths, table.contentTextFormat()
        grid = table.gridStrokeWidth() if table.showGrid() and table.horizontalGrid() else 0.0
        self.extra = 2 * table.cellMargin() + grid
        self.header = 2 * grid + 2 * table.cellMargin() + self._metrics(
            table.headerTextFormat()).ascent() / SCALE / self.mm
        self.descents = {}

    def _metrics(self, text_format):
        return QgsTextRenderer.fontMetrics(self.context, text_format, SCALE)

    def _descent(self, text_format):
        key = text_format.font().toString() + str(text_format.size())
        if key not in self.descents:
            self.descents[key] = self._metrics(text_format).descent() / SCALE / self.mm
        return self.descents[key]

    def _width(self, text, text_format):
        return QgsTextRenderer.textWidth(self.context, text_format, [text]) / self.mm

    def _wrapped(self, text, width, text_format):
        out = []
        for line in text.split("\n"):
            current = ""
            for word in line.split(" "):
                candidate = word if not current else current + " " + word
                if current and self._width(candidate, text_format) > width:
                    out.append(current)
                    current = word
                else:
                    current = candidate
            out.append(current)
        return out

    def height(self, row):
        tallest = 0.0
        for cell, width in zip(row, self.widths):
            text = cell.content() or ""
            text_format = cell.textFormat() if cell.textFormat().isValid() else self.plain
            lines = [text]
            if self._width(text, text_format) > width:
                lines = self._wrapped(text, width, text_format)
            tallest = max(tallest, QgsTextRenderer.textHeight(
                self.context, text_format, lines, QgsTextRenderer.DrawMode.Rect) / self.mm
                - self._descent(text_format))
        return tallest + self.extra


def _pages(measure, rows, room):
    """``rows`` cut into pages of at most ``room`` mm (header included)."""
    pages, current, used = [], [], measure.header
    for row in rows:
        height = measure.height(row)
        if current and used + height > room:
            pages.append(current)
            current, used = [], measure.header
        current.append(row)
        used += height
    pages.append(current)
    return pages


def write_pdf(path, title, subtitle, headers, rows, widths, numeric=(), source=None):
    """``rows`` = ``[(kind, [values])]`` (kind: ``operation`` or a total's kind, shaded);
    ``numeric``: indexes of right-aligned columns; ``widths``: relative column widths,
    scaled to the table's frame.  One table per page (QGIS draws each frame of a long table
    in a time that grows with the whole table), the rows cut between pages as the template's
    frame holds them; should a page's rows not fit after all, the whole table is laid out
    by QGIS over as many pages as it needs instead (slower, never a row lost)."""
    cells = [[_cell(v, kind, i in numeric) for i, v in enumerate(values)]
             for kind, values in rows] or [[_cell("Aucune opération.")]
                                           + [_cell("") for _ in headers[1:]]]
    project = QgsProject()
    layout = _prepared(project, title, subtitle, headers, widths, source)
    if not _paginated(layout, cells):
        project = QgsProject()
        layout = _prepared(project, title, subtitle, headers, widths, source)
        table = _table(layout)
        table.setTableContents(cells)
        table.recalculateFrameSizes()
    _page_numbers(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    result = QgsLayoutExporter(layout).exportToPdf(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise PdfError("PDF « %s » non écrit (code %s)." % (path, result))
    return layout.pageCollection().pageCount()


def _table(layout):
    return next(m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemManualTable))


def _prepared(project, title, subtitle, headers, widths, source):
    """The template with its texts and its empty table's columns fitted to the page."""
    layout = _layout(project)
    layout.itemById("titre").setText(title)
    layout.itemById("sous_titre").setText(subtitle)
    if source:
        layout.itemById("source").setText(source)
    table = _table(layout)
    table.setHeaders([QgsLayoutTableColumn(name) for name in headers])
    table.setIncludeTableHeader(True)
    # the frame of an empty table shrinks when the template is saved: the table spans the
    # page between equal margins
    frame = table.frame(0)
    page_width = layout.pageCollection().page(0).pageSize().width()
    table.setColumnWidths(fit_widths(widths, page_width - 2 * frame.pos().x(),
                                     table.cellMargin(),
                                     table.gridStrokeWidth() if table.showGrid() else 0.0))
    return layout


def _paginated(layout, cells):
    """One copy of the table per page; ``False`` when a page's rows overflow its frame."""
    table = _table(layout)
    frame = table.frame(0)
    pages = _pages(_Measure(layout, table, table.columnWidths()), cells,
                   frame.rect().height() - 0.2)
    tables = [table] + [_page_table(layout, table, frame, n) for n in range(1, len(pages))]
    for page_table, page_rows in zip(tables, pages):
        page_table.setTableContents(page_rows)
        page_table.recalculateFrameSizes()
        if page_table.frameCount() > 1:
            return False
    return True


def _page_table(layout, table, frame, number):
    """Page ``number`` (0-based) added, with a copy of the table in the first frame's place."""
    page = QgsLayoutItemPage(layout)
    page.setPageSize(layout.pageCollection().page(0).pageSize())
    layout.pageCollection().addPage(page)
    copy = _clone(table, layout)
    copy_frame = QgsLayoutFrame(layout, copy)
    copy_frame.attemptResize(frame.sizeWithUnits())
    position = frame.positionWithUnits()
    copy_frame.attemptMove(QgsLayoutPoint(position.x(), position.y(), position.units()),
                           page=number)
    copy.addFrame(copy_frame)
    return copy


def _page_numbers(layout):
    """« Page k / n » of the template's first page repeated on the others."""
    template_page = layout.itemById("page")
    for number in range(1, layout.pageCollection().pageCount()):
        page = QgsLayoutItemLabel(layout)
        page.setText(template_page.text())
        page.setFont(template_page.font())
        page.setHAlign(template_page.hAlign())
        layout.addLayoutItem(page)
        position = template_page.positionWithUnits()
        page.attemptMove(QgsLayoutPoint(position.x(), position.y(),
                                        QgsUnitTypes.LayoutUnit.LayoutMillimeters),
                         page=number)
        page.attemptResize(template_page.sizeWithUnits())
