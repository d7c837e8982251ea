"""Writing the OSP workbook (openpyxl): Logements, Opérations, Synthèses, Graphiques, Qualité.

Every number comes from :mod:`osp_qgis.synthesis`.  Totals are numbers; the
« Valeurs filtrées » cells are SUBTOTAL formulas that follow Excel's filter,
written with their cached value so that readers that do not calculate
(pandas, openpyxl ``data_only``) see the right number too.
"""
import re
import zipfile

from . import synthesis

HEADER_FILL = "1F4E79"
GROUP_FILL = "D6E4F0"
TOTAL_FILL = "F2F2F2"
# French-style thousands separator whatever the reader's locale: « 2 247 », « 12 345 »
NUMBER_FORMAT = '[>=1000000]#" "###" "##0;[>=1000]#" "##0;0'
MAX_WIDTH = 60
FIT_ROWS = 800  # column widths are fitted on the first rows (long sheets stay fast)

SHEET_LOGEMENTS = "Logements"
SHEET_OPERATIONS = "Opérations"
SHEET_SYNTHESES = "Synthèses"
SHEET_GRAPHIQUES = "Graphiques"
SHEET_QUALITE = "Qualité"
SHEETS = (SHEET_LOGEMENTS, SHEET_OPERATIONS, SHEET_SYNTHESES, SHEET_GRAPHIQUES, SHEET_QUALITE)

LOGEMENT_COLUMNS = (("Id", "id_osp"), ("RPLS", "ident_rep"), ("Bailleur", "ident_int"),
                    ("Fiscal", "idlocal"), ("Parcelle", "idpar"), ("Département", "dep"),
                    ("Commune", "idcom"), ("EPCI", "epci"), ("Intitulé", "intitule"),
                    ("Bailleur", "bailleur"), ("Palulos", "type_palu"),
                    ("N° de décision", "num_decision"), ("Géolocalisé", None))
OPERATION_COLUMNS = ("Bailleur", "Intitulé", "Année de financement", "Palulos", "Dpt", "EPCI",
                     "Cité(s)", "Nombre de logements remontés",
                     "Nombre de logements géolocalisés", "N° décision",
                     "Nombre de logements financés", "Écart (financés − remontés)")
QUALITY_COLUMNS = ("N° décision", "Année", "Bailleur", "Logements financés", "Remontés",
                   "Non remontés", "Remontés deux fois", "Non géolocalisables")


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
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)


def _header(ws, row, values, styles, start=1):
    for offset, value in enumerate(values):
        cell = ws.cell(row=row, column=start + offset, value=value)
        cell.font, cell.fill, cell.alignment = styles.header_font, styles.header_fill, \
            styles.center
        cell.border = styles.border


def _number(cell):
    cell.number_format = NUMBER_FORMAT


def _title(ws, text, styles):
    ws.cell(row=1, column=1, value=text).font = styles.title_font


def _fit_columns(ws, minimum=8):
    from openpyxl.utils import get_column_letter
    widths = {}
    merged = {(r, c) for rng in ws.merged_cells.ranges
              for r in range(rng.min_row, rng.max_row + 1)
              for c in range(rng.min_col, rng.max_col + 1)}
    for row in ws.iter_rows(max_row=min(ws.max_row, FIT_ROWS)):
        for cell in row:
            if cell.value is None or cell.row == 1 or (cell.row, cell.column) in merged:
                continue
            if ws.title == SHEET_QUALITE and cell.row == 2:
                continue  # the sentence spans the table
            text = str(cell.value)
            if text.startswith("="):
                text = "0000000"
            widths[cell.column] = max(widths.get(cell.column, minimum),
                                      min(MAX_WIDTH, len(text) + 2))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def write_logements(ws, dwellings, styles, cached):
    from openpyxl.utils import get_column_letter
    _title(ws, "OSP ERBM – Logements réhabilités (1 ligne = 1 logement)", styles)
    first, last = 6, 5 + len(dwellings)
    ws.cell(row=2, column=1, value="Valeurs totales").font = styles.bold
    _number(ws.cell(row=2, column=2, value=len(dwellings)))
    ws.cell(row=3, column=1, value="Valeurs filtrées").font = styles.bold
    cell = ws.cell(row=3, column=2, value="=SUBTOTAL(103,A%d:A%d)" % (first, max(first, last)))
    _number(cell)
    cached[cell.coordinate] = len(dwellings)
    ws.cell(row=2, column=3, value="Nb logts")
    for label, start, end in (("Identifiants", 1, 8), ("Programme", 9, 12),
                              ("Localisation", 13, 13)):
        ws.merge_cells(start_row=4, start_column=start, end_row=4, end_column=end)
        cell = ws.cell(row=4, column=start, value=label)
        cell.font, cell.fill, cell.alignment = styles.bold, styles.group_fill, styles.center
    _header(ws, 5, [label for label, _ in LOGEMENT_COLUMNS], styles)
    names = [name for _, name in LOGEMENT_COLUMNS[1:-1]]
    for n, d in enumerate(dwellings, start=1):  # rows 6… appended in order (fast path)
        ws.append([d.get("id_osp") or n] + [d.get(name) for name in names]
                  + ["oui" if synthesis.is_located(d) else "non"])
    ws.freeze_panes = "A6"
    ws.auto_filter.ref = "A5:%s%d" % (get_column_letter(len(LOGEMENT_COLUMNS)), max(5, last))


def write_operations(ws, ops, styles, cached):
    from openpyxl.utils import get_column_letter
    _title(ws, "OSP ERBM – Opérations (1 ligne = 1 opération de 1 à plusieurs logements)",
           styles)
    first, last = 6, 5 + len(ops)
    sums = {8: sum(o.reported for o in ops), 9: sum(o.located for o in ops),
            11: sum(o.financed or 0 for o in ops)}
    ws.cell(row=2, column=1, value="Valeurs totales").font = styles.bold
    ws.cell(row=3, column=1, value="Valeurs filtrées").font = styles.bold
    _number(ws.cell(row=2, column=2, value=len(ops)))
    cell = ws.cell(row=3, column=2, value="=SUBTOTAL(103,B%d:B%d)" % (first, max(first, last)))
    _number(cell)
    cached[cell.coordinate] = len(ops)
    for column, total in sums.items():
        letter = get_column_letter(column)
        _number(ws.cell(row=2, column=column, value=total))
        cell = ws.cell(row=3, column=column,
                       value="=SUBTOTAL(109,%s%d:%s%d)" % (letter, first, letter, max(first, last)))
        _number(cell)
        cached[cell.coordinate] = total
    for label, start, end in (("Programme", 1, 4), ("Localisation", 5, 7), ("Calculs", 8, 12)):
        ws.merge_cells(start_row=4, start_column=start, end_row=4, end_column=end)
        cell = ws.cell(row=4, column=start, value=label)
        cell.font, cell.fill, cell.alignment = styles.bold, styles.group_fill, styles.center
    _header(ws, 5, OPERATION_COLUMNS, styles)
    for row, o in enumerate(ops, start=first):
        values = (o.bailleur, o.intitule, o.annee, o.type_palu, o.dep, o.epci,
                  ", ".join(o.cites), o.reported, o.located, o.num_decision, o.financed, o.gap)
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=column, value=value)
            if column in (8, 9, 11, 12):
                _number(cell)
    ws.freeze_panes = "A6"
    ws.auto_filter.ref = "A5:L%d" % max(5, last)


def write_crosstab(ws, block, top, styles):
    """One block: title + years header, rows, Total row; returns the next free row."""
    years = block.years
    width = len(years) + 1
    ws.cell(row=top, column=1, value=block.title).font = styles.bold
    for g, group in enumerate(synthesis.GROUPS):
        start = 2 + g * (width + 1)
        ws.merge_cells(start_row=top, start_column=start, end_row=top,
                       end_column=start + width - 1)
        cell = ws.cell(row=top, column=start, value=group)
        cell.font, cell.fill, cell.alignment = styles.bold, styles.group_fill, styles.center
        _header(ws, top + 1, [str(y) for y in years] + ["Total"], styles, start=start)
    row = top + 2
    for label, counts in block.rows + [("Total", block.total)]:
        ws.cell(row=row, column=1, value=label)
        for g, group in enumerate(synthesis.GROUPS):
            start = 2 + g * (width + 1)
            for i, value in enumerate(counts[group] + [sum(counts[group])]):
                cell = ws.cell(row=row, column=start + i, value=value)
                _number(cell)
                if label == "Total" or i == len(years):
                    cell.font = styles.bold
                if label == "Total":
                    cell.fill = styles.total_fill
        if label == "Total":
            ws.cell(row=row, column=1).font = styles.bold
            ws.cell(row=row, column=1).fill = styles.total_fill
        row += 1
    return row + 1


def write_syntheses(ws, blocks, styles):
    _title(ws, "OSP ERBM – Synthèses (nombre de logements)", styles)
    row = 3
    for block in blocks:
        row = write_crosstab(ws, block, row, styles)
    ws.freeze_panes = "B3"


def write_charts(ws, blocks, styles):
    """Native Excel charts, from small tables written on the sheet."""
    from openpyxl.chart import BarChart, Reference
    _title(ws, "OSP ERBM – Graphiques", styles)
    by_title = {b.title: b for b in blocks}
    row = 3
    anchors = []
    for title, chart_title in (("Analyse par EPCI", "Logements par EPCI"),
                               ("Analyse par Bailleur", "Logements par bailleur")):
        block = by_title[title]
        _header(ws, row, [title.replace("Analyse par ", "")] + list(synthesis.GROUPS), styles)
        for n, (label, counts) in enumerate(block.rows, start=1):
            ws.cell(row=row + n, column=1, value=str(label))
            for g, group in enumerate(synthesis.GROUPS):
                _number(ws.cell(row=row + n, column=2 + g, value=sum(counts[group])))
        chart = BarChart()
        chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
        chart.title, chart.y_axis.title = chart_title + " (Palulos / Hors Palulos)", "Logements"
        data = Reference(ws, min_col=2, max_col=3, min_row=row, max_row=row + len(block.rows))
        cats = Reference(ws, min_col=1, min_row=row + 1, max_row=row + len(block.rows))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.height, chart.width = 8, 16
        anchors.append(chart)
        row += len(block.rows) + 3
    # dwellings per year, stacked by EPCI
    epci = by_title["Analyse par EPCI"]
    years = [y for y in epci.years]
    _header(ws, row, ["Année"] + [str(label) for label, _ in epci.rows], styles)
    for i, year in enumerate(years, start=1):
        ws.cell(row=row + i, column=1, value=str(year))
        for c, (label, counts) in enumerate(epci.rows, start=2):
            _number(ws.cell(row=row + i, column=c,
                            value=sum(counts[g][i - 1] for g in synthesis.GROUPS)))
    if epci.rows and years:
        chart = BarChart()
        chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
        chart.title, chart.y_axis.title = "Logements par année et par EPCI", "Logements"
        data = Reference(ws, min_col=2, max_col=1 + len(epci.rows), min_row=row,
                         max_row=row + len(years))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=row + 1, max_row=row + len(years)))
        chart.height, chart.width = 8, 16
        anchors.append(chart)
    for n, chart in enumerate(anchors):  # one under the other, 18 rows (8 cm) apart
        ws.add_chart(chart, "%s%d" % ("H", 3 + 18 * n))


def write_quality(ws, rows, sentence, styles):
    _title(ws, "OSP ERBM – Qualité des remontées", styles)
    ws.cell(row=2, column=1, value=sentence).alignment = styles.wrap
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(QUALITY_COLUMNS))
    ws.row_dimensions[2].height = 32
    _header(ws, 4, QUALITY_COLUMNS, styles)
    row = 5
    for q in rows:
        values = (q.decision or synthesis.NOT_SET, q.annee, q.bailleur, q.financed, q.reported,
                  q.not_reported, len(q.duplicates), len(q.not_located))
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=column, value=value)
            if column >= 4:
                _number(cell)
        row += 1
    totals = ("Total", None, None, sum(q.financed or 0 for q in rows),
              sum(q.reported for q in rows), sum(q.not_reported for q in rows),
              sum(len(q.duplicates) for q in rows), sum(len(q.not_located) for q in rows))
    for column, value in enumerate(totals, start=1):
        cell = ws.cell(row=row, column=column, value=value)
        cell.font, cell.fill = styles.bold, styles.total_fill
        if column >= 4:
            _number(cell)
    row += 2
    ws.cell(row=row, column=1, value="Logements remontés deux fois").font = styles.bold
    _header(ws, row + 1, ("Identifiant", "N° décision"), styles)
    row += 2
    for q in rows:
        for ident in q.duplicates:
            ws.cell(row=row, column=1, value=ident)
            ws.cell(row=row, column=2, value=q.decision)
            row += 1
    row += 1
    ws.cell(row=row, column=1, value="Logements non géolocalisables").font = styles.bold
    _header(ws, row + 1, ("Identifiant", "N° décision", "Ligne de la feuille"), styles)
    row += 2
    for q in rows:
        for ident, ligne in q.not_located:
            ws.cell(row=row, column=1, value=ident)
            ws.cell(row=row, column=2, value=q.decision)
            ws.cell(row=row, column=3, value=ligne)
            row += 1
    ws.freeze_panes = "A5"


def write_workbook(path, dwellings, decisions, duplicate_rows, years=None):
    """The whole OSP workbook; returns what the HTML report shows too."""
    import openpyxl
    styles = Styles()
    columns = synthesis.year_columns(dwellings, years)
    blocks = synthesis.synthesis_blocks(dwellings, columns)
    ops = synthesis.operations(dwellings, decisions)
    quality = synthesis.quality(dwellings, decisions, duplicate_rows)
    sentence = synthesis.quality_sentence(quality)
    book = openpyxl.Workbook()
    sheets = [book.active] + [book.create_sheet() for _ in SHEETS[1:]]
    for sheet, title in zip(sheets, SHEETS):
        sheet.title = title
    cached = {title: {} for title in SHEETS}
    write_logements(sheets[0], dwellings, styles, cached[SHEET_LOGEMENTS])
    write_operations(sheets[1], ops, styles, cached[SHEET_OPERATIONS])
    write_syntheses(sheets[2], blocks, styles)
    write_charts(sheets[3], blocks, styles)
    write_quality(sheets[4], quality, sentence, styles)
    for sheet in sheets:
        _fit_columns(sheet)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.oddHeader.center.text = "OSP ERBM – &A"
        sheet.oddFooter.center.text = "Page &P / &N"
    book.save(path)
    set_cached_values(path, {SHEETS.index(t) + 1: v for t, v in cached.items() if v})
    return {"blocks": blocks, "operations": ops, "quality": quality, "sentence": sentence,
            "years": columns}


def set_cached_values(path, values_by_sheet):
    """Store the computed value of formula cells (openpyxl writes ``<v></v>``).

    ``values_by_sheet`` = ``{sheet number (1-based): {"B3": 42}}``."""
    with zipfile.ZipFile(path) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
        infos = {info.filename: info for info in archive.infolist()}
    for number, cells in values_by_sheet.items():
        name = "xl/worksheets/sheet%d.xml" % number
        xml = contents[name].decode("utf-8")
        for ref, value in cells.items():
            pattern = re.compile(r'(<c r="%s"[^>]*>\s*<f>[^<]*</f>)\s*(<v\s*/>|<v>[^<]*</v>)?'
                                 % ref)
            xml, count = pattern.subn(lambda m: "%s<v>%s</v>" % (m.group(1), value), xml,
                                      count=1)
            if count != 1:
                raise ValueError("formula cell %s not found in %s" % (ref, name))
        contents[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(infos[name], data)
