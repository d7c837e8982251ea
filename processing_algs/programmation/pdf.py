"""The programmation's PDFs from the layout template resources/layouts/programmation_a4.qpt:
a title, a version line, one table spread over as many pages as it needs, the source
and « Page k / n » on every page.  Real text (searchable, copyable)."""
import os

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutPoint,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...osp_qgis import fonts
from ...osp_qgis.reference import resource_path

TEMPLATE = ("layouts", "programmation_a4.qpt")
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


def write_pdf(path, title, subtitle, headers, rows, widths, numeric=(), source=None):
    """``rows`` = ``[(kind, [values])]`` (kind: ``operation`` or a total's kind, shaded);
    ``numeric``: indexes of right-aligned columns; ``widths``: relative column widths,
    scaled to the table's frame."""
    project = QgsProject()
    layout = _layout(project)
    layout.itemById("titre").setText(title)
    layout.itemById("sous_titre").setText(subtitle)
    if source:
        layout.itemById("source").setText(source)
    table = next(m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemManualTable))
    table.setTableContents([[_cell(v, kind, i in numeric) for i, v in enumerate(values)]
                            for kind, values in rows] or [[_cell("Aucune opération.")]
                                                          + [_cell("") for _ in headers[1:]]])
    columns = []
    for name in headers:
        columns.append(QgsLayoutTableColumn(name))
    table.setHeaders(columns)
    table.setIncludeTableHeader(True)
    # the frame of an empty table shrinks when the template is saved: the table spans the
    # page between equal margins
    frame = table.frame(0)
    page_width = layout.pageCollection().page(0).pageSize().width()
    table.setColumnWidths(fit_widths(widths, page_width - 2 * frame.pos().x(), table.cellMargin(),
                                     table.gridStrokeWidth() if table.showGrid() else 0.0))
    table.recalculateFrameSizes()
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
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    result = QgsLayoutExporter(layout).exportToPdf(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise PdfError("PDF « %s » non écrit (code %s)." % (path, result))
    return layout.pageCollection().pageCount()
