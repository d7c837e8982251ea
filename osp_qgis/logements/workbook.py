"""Writing the OSP workbook (openpyxl): Logements, Opérations, Synthèses, Graphiques,
Qualité, and the list of the dwellings behind the quality figures.

Every number comes from :mod:`osp_qgis.logements.synthesis`.  Totals are numbers; the
« Valeurs filtrées » cells are SUBTOTAL formulas that follow Excel's filter,
written with their cached value so that readers that do not calculate
(pandas, openpyxl ``data_only``) see the right number too.  Text from the
landlords' files is always a string cell (never a formula), and every sheet
prints on A4 landscape with its header repeated on each page.
"""
import re
import zipfile

from ..programmation.recap_workbook import TRAJECTORY_SHEET, trajectory_sheet
from ..storage import xlsx_layout
from ..storage.textsafe import xlsx_text
from ..storage.xlsx_layout import (
    Styles,
    axis_labels,
    fit_columns,
    fit_heights,
    formula,
    group_cells,
    header_row,
    print_setup,
    put,
    sheet_title,
    text_cell,
)
from ..storage.xlsx_stream import append_tables
from . import synthesis

SHEET_LOGEMENTS = "Logements"
SHEET_OPERATIONS = "Opérations"
SHEET_SYNTHESES = "Synthèses"
SHEET_GRAPHIQUES = "Graphiques"
SHEET_QUALITE = "Qualité"
SHEET_DETAIL = "Qualité (logements)"
SHEETS = (SHEET_LOGEMENTS, SHEET_OPERATIONS, SHEET_SYNTHESES, SHEET_GRAPHIQUES, SHEET_QUALITE,
          SHEET_DETAIL)

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
DETAIL_COLUMNS = ("Identifiant", "N° décision", "Problème", "Ligne de la feuille",
                  "Valeur reçue")
PROBLEM_DUPLICATE = "Remonté deux fois"
PROBLEM_NOT_LOCATED = "Non géolocalisable"
PROBLEM_YEAR = "Année de financement invalide"

# fixed widths (characters) of columns whose content is known; others are fitted
OPERATION_WIDTHS = {1: 16, 2: 42, 3: 13, 4: 9, 5: 6, 6: 10, 7: 30, 8: 12, 9: 13, 10: 17, 11: 12,
                    12: 13}
CENTERED = {SHEET_OPERATIONS: {1, 3, 4, 5, 6, 10}, SHEET_QUALITE: {1, 2, 3},
            SHEET_DETAIL: {2, 3, 4}}
CHART_ROWS = 17          # a chart of 8 cm covers about 17 rows of 15 points


def listing_order(dwelling):
    """Dwellings listed by their OSP id, whatever order the layer gives them in (a
    GeoPackage and a PostGIS table of the same dwellings make the same workbook)."""
    ident = dwelling.get("id_osp")
    return (ident is None, ident if isinstance(ident, int) else 0)


def logement_rows(dwellings, start=1):
    """The values of the « Logements » sheet's rows, one list per dwelling."""
    names = [name for _, name in LOGEMENT_COLUMNS[1:-1]]
    for n, d in enumerate(dwellings, start=start):
        yield [d.get("id_osp") or n] + [d.get(name) for name in names] \
            + ["oui" if synthesis.is_located(d) else "non"]


def write_logements(ws, dwellings, styles, cached):
    """Title, totals (SUBTOTAL), headers and the first :data:`xlsx_layout.FIT_ROWS`
    dwellings (the rows column widths are fitted on); the others are streamed into the
    saved file (:func:`osp_qgis.storage.xlsx_stream.append_rows`)."""
    from openpyxl.utils import get_column_letter
    sheet_title(ws, "OSP ERBM – Logements réhabilités (1 ligne = 1 logement)", styles)
    first, last = 6, 5 + len(dwellings)
    put(ws, 2, 1, "Valeurs totales").font = styles.bold
    put(ws, 2, 2, len(dwellings), number=True)
    put(ws, 3, 1, "Valeurs filtrées").font = styles.bold
    cell = formula(ws, 3, 2, "=SUBTOTAL(103,A%d:A%d)" % (first, max(first, last)))
    cached[cell.coordinate] = len(dwellings)
    put(ws, 2, 3, "Nb logts")
    for label, start, end in (("Identifiants", 1, 8), ("Programme", 9, 12),
                              ("Localisation", 13, 13)):
        group_cells(ws, 4, start, end, label, styles)
    header_row(ws, 5, [label for label, _ in LOGEMENT_COLUMNS], styles)
    for values in logement_rows(dwellings[:xlsx_layout.FIT_ROWS]):   # the rest: streamed
        ws.append([xlsx_text(v) for v in values])
        if any(isinstance(v, str) and v.startswith("=") for v in values):
            for cell in ws[ws.max_row]:
                text_cell(cell)
    ws.freeze_panes = "A6"
    ws.auto_filter.ref = "A5:%s%d" % (get_column_letter(len(LOGEMENT_COLUMNS)), max(5, last))
    print_setup(ws, "4:5")


def write_operations(ws, ops, styles, cached):
    from openpyxl.utils import get_column_letter
    sheet_title(ws, "OSP ERBM – Opérations (1 ligne = 1 opération de 1 à plusieurs logements)",
           styles)
    first, last = 6, 5 + len(ops)
    sums = {8: sum(o.reported for o in ops), 9: sum(o.located for o in ops),
            11: sum(o.financed or 0 for o in ops)}
    put(ws, 2, 1, "Valeurs totales").font = styles.bold
    put(ws, 3, 1, "Valeurs filtrées").font = styles.bold
    put(ws, 2, 2, len(ops), number=True)
    cell = formula(ws, 3, 2, "=SUBTOTAL(103,B%d:B%d)" % (first, max(first, last)))
    cached[cell.coordinate] = len(ops)
    for column, total in sums.items():
        letter = get_column_letter(column)
        put(ws, 2, column, total, number=True)
        cell = formula(ws, 3, column, "=SUBTOTAL(109,%s%d:%s%d)"
                       % (letter, first, letter, max(first, last)))
        cached[cell.coordinate] = total
    for label, start, end in (("Programme", 1, 4), ("Localisation", 5, 7), ("Calculs", 8, 12)):
        group_cells(ws, 4, start, end, label, styles)
    header_row(ws, 5, OPERATION_COLUMNS, styles)
    centered = CENTERED[SHEET_OPERATIONS]
    for row, o in enumerate(ops, start=first):
        values = (o.bailleur, o.intitule, o.annee, o.type_palu, o.dep, o.epci,
                  ", ".join(str(c) for c in o.cites), o.reported, o.located, o.num_decision,
                  o.financed, o.gap)
        for column, value in enumerate(values, start=1):
            cell = put(ws, row, column, value, number=column in (8, 9, 11, 12))
            cell.border = styles.border
            cell.alignment = styles.middle if column in centered else styles.wrap
    ws.freeze_panes = "A6"
    ws.auto_filter.ref = "A5:L%d" % max(5, last)
    print_setup(ws, "4:5")


def write_crosstab(ws, block, top, styles, with_header=True):
    """One block: title row, group and years header, rows, Total row; returns the next
    free row.  All blocks share the same columns, so the first block's header rows are
    the sheet's printed header."""
    years = block.years
    width = len(years) + 1
    put(ws, top, 1, block.title).font = styles.block_font
    row = top + 1
    if with_header:
        for g, group in enumerate(synthesis.GROUPS):
            start = 2 + g * (width + 1)
            group_cells(ws, row, start, start + width - 1, group, styles)
            header_row(ws, row + 1, [str(y) for y in years] + ["Total"], styles, start=start)
        row += 2
    for label, counts in block.rows + [("Total", block.total)]:
        put(ws, row, 1, label)
        for g, group in enumerate(synthesis.GROUPS):
            start = 2 + g * (width + 1)
            for i, value in enumerate(counts[group] + [sum(counts[group])]):
                cell = put(ws, row, start + i, value, number=True)
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
    sheet_title(ws, "OSP ERBM – Synthèses (nombre de logements)", styles)
    row = 3
    for block in blocks:
        row = write_crosstab(ws, block, row, styles)
    ws.freeze_panes = "B6"
    print_setup(ws, "4:5")  # the first block's group and years rows: the same for all


def _stacked_chart(title, categories):
    from openpyxl.chart import BarChart
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title, chart.y_axis.title = title, "Logements"
    chart.height, chart.width = 8, 17
    axis_labels(chart.x_axis, -2700000 if len(categories) > 6 else None)
    axis_labels(chart.y_axis)
    chart.legend.position = "b"
    return chart


def write_charts(ws, blocks, styles):
    """Native Excel charts, each under the small table it draws, one per printed page."""
    from openpyxl.chart import Reference
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break
    sheet_title(ws, "OSP ERBM – Graphiques", styles)
    by_title = {b.title: b for b in blocks}
    epci = by_title["Analyse par EPCI"]
    sections = []
    for title, chart_title in (("Analyse par EPCI", "Logements par EPCI"),
                               ("Analyse par Bailleur", "Logements par bailleur")):
        block = by_title[title]
        header = [title.replace("Analyse par ", "")] + list(synthesis.GROUPS)
        rows = [[str(label)] + [sum(counts[g]) for g in synthesis.GROUPS]
                for label, counts in block.rows]
        sections.append((chart_title + " (Palulos / Hors Palulos)", header, rows))
    header = ["Année"] + [str(label) for label, _ in epci.rows]
    rows = [[str(year)] + [sum(counts[g][i] for g in synthesis.GROUPS)
                           for _, counts in epci.rows] for i, year in enumerate(epci.years)]
    sections.append(("Logements par année et par EPCI", header, rows))
    row = 3
    for n, (title, header, rows) in enumerate(sections):
        if n:
            ws.row_breaks.append(Break(id=row - 1))
        header_row(ws, row, header, styles)
        ws.row_dimensions[row].height = 45  # « Palulos (groupé & isolé) » on three lines
        for i, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                put(ws, row + i, column, value, number=column > 1)
        row += len(rows) + 2
        if rows and len(header) > 1:
            chart = _stacked_chart(title, rows)
            top = row - len(rows) - 2
            chart.add_data(Reference(ws, min_col=2, max_col=len(header), min_row=top,
                                     max_row=top + len(rows)), titles_from_data=True)
            chart.set_categories(Reference(ws, min_col=1, min_row=top + 1,
                                           max_row=top + len(rows)))
            ws.add_chart(chart, "A%d" % row)
            row += CHART_ROWS + 2
    widest = max(len(h) for _, h, _ in sections)
    for column in range(1, widest + 1):
        ws.column_dimensions[get_column_letter(column)].width = 12
    print_setup(ws)


def write_quality(ws, rows, sentence, styles, invalid_years=(), extra_lines=()):
    sheet_title(ws, "OSP ERBM – Qualité des remontées", styles)
    put(ws, 2, 1, sentence).alignment = styles.wrap
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(QUALITY_COLUMNS))
    ws.row_dimensions[2].height = 32
    header_row(ws, 4, QUALITY_COLUMNS, styles)
    row = 5
    centered = CENTERED[SHEET_QUALITE]
    for q in rows:
        values = (q.decision or synthesis.NOT_SET, q.annee, q.bailleur, q.financed, q.reported,
                  q.not_reported, len(q.duplicates), len(q.not_located))
        for column, value in enumerate(values, start=1):
            cell = put(ws, row, column, value, number=column >= 4)
            cell.border = styles.border
            if column in centered:
                cell.alignment = styles.middle
        row += 1
    totals = ("Total", None, None, sum(q.financed or 0 for q in rows),
              sum(q.reported for q in rows), sum(q.not_reported for q in rows),
              sum(len(q.duplicates) for q in rows), sum(len(q.not_located) for q in rows))
    for column, value in enumerate(totals, start=1):
        cell = put(ws, row, column, value, number=column >= 4)
        cell.font, cell.fill, cell.border = styles.bold, styles.total_fill, styles.border
    for label, value in extra_lines:   # other sources' checks (Fichiers fonciers…)
        row += 2
        cell = put(ws, row, 1, label)
        cell.font, cell.alignment = styles.bold, styles.wrap
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        ws.row_dimensions[row].height = 30
        cell = put(ws, row, 6, value, number=True)
        cell.font, cell.fill, cell.border = styles.bold, styles.total_fill, styles.border
    if invalid_years:
        put(ws, row + 2, 1, "%d logement(s) ont une année de financement invalide, comptée en "
                            "« %s » : voir l'onglet « %s »." % (len(invalid_years),
                                                                synthesis.NO_YEAR, SHEET_DETAIL))
    ws.freeze_panes = "A5"
    print_setup(ws, "4:4")


def detail_lines(rows, invalid_years=()):
    """The lines of « Qualité (logements) »."""
    lines = []
    for q in rows:
        lines += [(ident, q.decision, PROBLEM_DUPLICATE, ligne, None)
                  for ident, ligne in q.duplicates]
        lines += [(ident, q.decision, PROBLEM_NOT_LOCATED, ligne, None)
                  for ident, ligne in q.not_located]
    lines += [(ident, None, PROBLEM_YEAR, ligne, str(year)) for ident, year, ligne in invalid_years]
    return lines


def write_detail(ws, rows, styles, invalid_years=()):
    """One line per dwelling behind the quality figures: remontés deux fois, non
    géolocalisables, années invalides (the first :data:`xlsx_layout.FIT_ROWS`; the others are
    streamed into the saved file with the same style)."""
    sheet_title(ws, "OSP ERBM – Qualité : logements concernés", styles)
    header_row(ws, 3, DETAIL_COLUMNS, styles)
    row = 4
    lines = detail_lines(rows, invalid_years)
    centered = CENTERED[SHEET_DETAIL]
    for values in lines[:xlsx_layout.FIT_ROWS]:
        for column, value in enumerate(values, start=1):
            cell = put(ws, row, column, value)
            cell.border = styles.border
            if column in centered:
                cell.alignment = styles.middle
        row += 1
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = "A3:E%d" % max(3, 3 + len(lines))
    print_setup(ws, "3:3")


def write_workbook(path, dwellings, decisions, duplicate_rows, years=None, trajectory=None,
                   quality_lines=(), extra_sheets=()):
    """The whole OSP workbook; returns what the HTML report shows too.  With a
    ``trajectory`` (:func:`osp_qgis.programmation.recap.trajectory`), a sheet
    « Suivi de l'ambition »; ``quality_lines`` ``[(label, number)]`` go under the
    « Qualité » table, ``extra_sheets`` ``[(title, writer(ws, styles))]`` at the end."""
    import openpyxl
    styles = Styles()
    dwellings = sorted(dwellings, key=listing_order)
    columns = synthesis.year_columns(dwellings, years)
    blocks = synthesis.synthesis_blocks(dwellings, columns)
    ops = synthesis.operations(dwellings, decisions)
    quality = synthesis.quality(dwellings, decisions, duplicate_rows)
    sentence = synthesis.quality_sentence(quality)
    invalid = synthesis.invalid_years(dwellings)
    book = openpyxl.Workbook()
    sheets = [book.active] + [book.create_sheet() for _ in SHEETS[1:]]
    for sheet, title in zip(sheets, SHEETS):
        sheet.title = title
    cached = {title: {} for title in SHEETS}
    write_logements(sheets[0], dwellings, styles, cached[SHEET_LOGEMENTS])
    write_operations(sheets[1], ops, styles, cached[SHEET_OPERATIONS])
    write_syntheses(sheets[2], blocks, styles)
    write_charts(sheets[3], blocks, styles)
    write_quality(sheets[4], quality, sentence, styles, invalid, quality_lines)
    write_detail(sheets[5], quality, styles, invalid)
    for sheet in sheets:
        if sheet.title == SHEET_OPERATIONS:
            fit_columns(sheet, fixed=OPERATION_WIDTHS, skip_rows=(1, 2, 3))
            fit_heights(sheet, 5, sheet.max_row)
        elif sheet.title == SHEET_QUALITE:
            fit_columns(sheet, minimum=12, skip_rows=(1, 2))
            fit_heights(sheet, 4, 4)
        elif sheet.title != SHEET_GRAPHIQUES:
            fit_columns(sheet, fixed={1: 16} if sheet.title == SHEET_LOGEMENTS else None)
            if sheet.title == SHEET_DETAIL:
                fit_heights(sheet, 3, 3)
    if trajectory is not None:
        trajectory_sheet(book.create_sheet(TRAJECTORY_SHEET), trajectory, styles)
    for title, writer in extra_sheets:
        writer(book.create_sheet(title), styles)
    book.save(path)
    set_cached_values(path, {SHEETS.index(t) + 1: v for t, v in cached.items() if v})
    tails = {}   # the long tails of « Logements » and « Qualité (logements) », streamed
    held = xlsx_layout.FIT_ROWS   # the rows written through openpyxl
    if len(dwellings) > held:
        tails[SHEETS.index(SHEET_LOGEMENTS) + 1] = (
            6 + held, logement_rows(dwellings[held:], held + 1), len(LOGEMENT_COLUMNS),
            len(dwellings) - held)
    lines = detail_lines(quality, invalid)
    if len(lines) > held:
        tails[SHEETS.index(SHEET_DETAIL) + 1] = (
            4 + held, (list(line) for line in lines[held:]), len(DETAIL_COLUMNS),
            len(lines) - held)
    if tails:
        append_tables(path, tails)
    return {"blocks": blocks, "operations": ops, "quality": quality, "sentence": sentence,
            "years": columns, "invalid_years": invalid}


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
