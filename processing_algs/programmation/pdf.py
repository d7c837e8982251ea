"""The programmation's PDFs from the layout template resources/layouts/programmation_a4.qpt:
a title, a version line, one table spread over as many pages as it needs (its look is the
template table's, printed by common/layout_table), the source and « Page k / n » on every
page.  Real text (searchable, copyable)."""
import os

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsLayoutTable,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
)

from ...osp_qgis.reference import resource_path
from ..common.layout_items import read_template
from ..common.layout_table import Row, print_table

TEMPLATE = ("layouts", "programmation_a4.qpt")
SHADES = {"total_epci": "#f2f2f2", "total_dep": "#d6e4f0", "total": "#bdd7ee"}


class PdfError(Exception):
    pass


def _layout(project):
    document = read_template(resource_path(*TEMPLATE))
    if document is None:
        raise PdfError("Gabarit %s illisible." % os.path.join(*TEMPLATE))
    layout = QgsPrintLayout(project)
    _, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise PdfError("Gabarit %s non chargé." % os.path.join(*TEMPLATE))
    return layout


def fit_widths(widths, frame_width):
    """``widths`` (relative) scaled so that the columns fill the frame exactly: no column
    cut at the page edge."""
    scale = frame_width / float(sum(widths))
    return [w * scale for w in widths]


def write_pdf(path, title, subtitle, headers, rows, widths, numeric=(), source=None):
    """``rows`` = ``[(kind, [values])]`` (kind: ``operation`` or a total's kind, shaded and
    bold); ``numeric``: indexes of right-aligned columns; ``widths``: relative column widths,
    scaled to the template table's frame.  Returns the number of pages."""
    table_rows = [Row(values, SHADES.get(kind), kind in SHADES) for kind, values in rows] \
        or [Row(["Aucune opération."] + [""] * (len(headers) - 1))]
    project = QgsProject()
    layout = _layout(project)
    layout.itemById("titre").setText(title)
    layout.itemById("sous_titre").setText(subtitle)
    if source:
        layout.itemById("source").setText(source)
    table = next((m for m in layout.multiFrames() if isinstance(m, QgsLayoutTable)), None)
    if table is None or not table.frameCount():
        raise PdfError("Gabarit %s sans tableau." % os.path.join(*TEMPLATE))
    # the frame of an empty table shrinks when the template is saved: the table spans the
    # page between equal margins
    frame_width = layout.pageCollection().page(0).pageSize().width() \
        - 2 * table.frame(0).pos().x()
    pages = print_table(layout, table, headers, table_rows, fit_widths(widths, frame_width),
                        numeric, page_label=layout.itemById("page"))
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    result, error = QgsLayoutExporter.exportToPdf(pages, path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise PdfError("PDF « %s » non écrit (code %s) %s" % (path, result, error or ""))
    return pages.count()
