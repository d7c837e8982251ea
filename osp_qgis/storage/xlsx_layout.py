"""The look shared by the plugin's workbooks (openpyxl): the OSP header colours and
French thousands format, header and group rows, titles, column widths and row heights fitted
to their text, A4 landscape printing with the header repeated, chart axis labels.  Text
from the landlords' files is always written as a string cell, never a formula
(:func:`put`).  Used by the OSP workbook (:mod:`workbook`), the programmation, the Fichiers
fonciers sheets and the social stock workbook."""
from math import ceil

from .textsafe import xlsx_text

HEADER_FILL = "1F4E79"
GROUP_FILL = "D6E4F0"
TOTAL_FILL = "F2F2F2"
# French-style thousands separator whatever the reader's locale: « 2 247 », « 12 345 »
NUMBER_FORMAT = '[>=1000000]#" "###" "##0;[>=1000]#" "##0;0'
MAX_WIDTH = 48
FIT_ROWS = 800  # column widths are fitted on the first rows (long sheets stay fast)


class Styles:
    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        thin = Side(style="thin", color="BFBFBF")
        self.header_font = Font(bold=True, color="FFFFFF")
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.group_fill = PatternFill("solid", fgColor=GROUP_FILL)
        self.total_fill = PatternFill("solid", fgColor=TOTAL_FILL)
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=14, color=HEADER_FILL)
        self.block_font = Font(bold=True, size=11, color=HEADER_FILL)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.middle = Alignment(horizontal="center", vertical="top")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)


def text_cell(cell):
    """A cell holding text from the input stays a string, even « =HYPERLINK(…) »
    (openpyxl would otherwise store it as a live formula)."""
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def put(ws, row, column, value, number=False):
    """Write one value: text as a string cell (cut with a mark past Excel's limit),
    numbers with the French thousands format when ``number``."""
    cell = ws.cell(row=row, column=column, value=xlsx_text(value))
    if isinstance(value, str):
        text_cell(cell)
    if number:
        cell.number_format = NUMBER_FORMAT
    return cell


def formula(ws, row, column, text):
    """A formula the plugin itself writes (SUBTOTAL): the only formulas of the workbook."""
    cell = ws.cell(row=row, column=column, value=text)
    cell.number_format = NUMBER_FORMAT
    return cell


def header_row(ws, row, values, styles, start=1):
    for offset, value in enumerate(values):
        cell = put(ws, row, start + offset, value)
        cell.font, cell.fill, cell.alignment = styles.header_font, styles.header_fill, \
            styles.center
        cell.border = styles.border


def group_cells(ws, row, start, end, label, styles):
    if end > start:
        ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=end)
    cell = put(ws, row, start, label)
    cell.font, cell.fill, cell.alignment = styles.bold, styles.group_fill, styles.center


def sheet_title(ws, text, styles):
    put(ws, 1, 1, text).font = styles.title_font


def fit_columns(ws, minimum=8, fixed=None, skip_rows=(1,)):
    """Widths from the first rows' text (headers included, bold counted wider)."""
    from openpyxl.utils import get_column_letter
    widths = {}
    merged = {(r, c) for rng in ws.merged_cells.ranges
              for r in range(rng.min_row, rng.max_row + 1)
              for c in range(rng.min_col, rng.max_col + 1)}
    for row in ws.iter_rows(max_row=min(ws.max_row, FIT_ROWS)):
        for cell in row:
            if cell.value is None or cell.row in skip_rows or (cell.row, cell.column) in merged:
                continue
            text = str(cell.value)
            if cell.data_type == "f":
                text = "0000000"
            longest = max((len(part) for part in text.split("\n")), default=0)
            if cell.font is not None and cell.font.b:
                longest = int(longest * 1.15) + 1
            if cell.alignment is not None and cell.alignment.wrap_text:
                longest = min(longest, max(12, max(len(w) for w in text.split() or [""])))
            widths[cell.column] = max(widths.get(cell.column, minimum),
                                      min(MAX_WIDTH, longest + 2))
    widths.update(fixed or {})
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def fit_heights(ws, first_row, last_row):
    """Rows tall enough for their wrapped text (spreadsheets do not always do it when
    they open a file)."""
    from openpyxl.utils import get_column_letter
    widths = {}
    if last_row < first_row:
        return
    # one pass over the rows (``ws[row]`` measures the whole sheet at each call)
    for row, cells in enumerate(ws.iter_rows(min_row=first_row, max_row=last_row),
                                start=first_row):
        lines = 1
        for cell in cells:
            if cell.value is None or cell.alignment is None or not cell.alignment.wrap_text:
                continue
            if cell.column not in widths:
                dimension = ws.column_dimensions[get_column_letter(cell.column)]
                widths[cell.column] = max(4, (dimension.width or 8.43) - 1)
            words = str(cell.value).split()
            lines = max(lines, ceil(sum(len(w) + 1 for w in words) / widths[cell.column]))
        if lines > 1:
            ws.row_dimensions[row].height = 15 * lines


PAGE_WIDTH = 135   # what an A4 landscape page holds, in column-width units (≈ characters)


def narrow(ws):
    """A sheet whose columns already fit the page's width: LibreOffice's fit-to-width of such
    a sheet prints a blank last page, so it is not asked for."""
    from openpyxl.utils import get_column_letter
    width = sum(ws.column_dimensions[get_column_letter(c)].width or 8.43
                for c in range(1, ws.max_column + 1))
    return width <= PAGE_WIDTH


def print_setup(ws, title_rows=None, fit_width=True):
    """A4 landscape, header rows repeated on every page, page numbers; fitted to the page's
    width when the columns are wider than it (call it once the columns have their widths)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if fit_width and not narrow(ws):
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        first, last = title_rows.split(":")
        try:  # « $4:$5 »: the form LibreOffice also repeats (openpyxl 3.0 writes « 4:5 »)
            ws.print_title_rows = "$%s:$%s" % (first, last)
        except ValueError:
            ws.print_title_rows = title_rows
    ws.oddHeader.center.text = "OSP ERBM – &A"
    ws.oddFooter.center.text = "Page &P / &N"


def axis_labels(axis, rotation=None, size=800):
    """Category labels that do not wrap (« CABBALR »): smaller, rotated when many."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RichTextProperties
    body = RichTextProperties(rot=rotation) if rotation is not None else RichTextProperties()
    axis.txPr = RichText(bodyPr=body, p=[Paragraph(pPr=ParagraphProperties(
        defRPr=CharacterProperties(sz=size)), endParaRPr=CharacterProperties(sz=size))])
    axis.delete = False  # openpyxl 3.1 hides axes unless told
