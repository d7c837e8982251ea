"""The CRHH recap workbook (openpyxl): « Récapitulatif » (the table of the CRHH),
« Derniers avancements », « Suivi de l'ambition » (table and native chart) and « Suivi par
EPCI »."""
from ..storage import xlsx_layout as wb
from . import rates, recap
from .workbook_cells import CENTS_FORMAT, DATE_FORMAT

RECAP_SHEET = "Récapitulatif"
TRAJECTORY_SHEET = "Suivi de l'ambition"
TRAJECTORY_EPCI_SHEET = "Suivi par EPCI"
LATEST_SHEET = "Derniers avancements"
RECAP_COUNTS = ("Total", "C", "BBC", "Biosourcés")
BLOCK_SOURCE = {"b": "Prévisionnel bailleur", "e": "Prévisionnel EPCI",
                "d": "Prévisionnel DIRBM/DDTM", "crhh": "Décision CRHH", None: ""}


def recap_title(year, when):
    return "Programmation %d — version du %s à %s" % (year, when.strftime("%d/%m/%Y"),
                                                       when.strftime("%Hh%M"))


def recap_workbook(path, year, lines, latest, traj, when):
    """The recap workbook: « Récapitulatif » (the table of the CRHH), « Derniers
    avancements », « Suivi de l'ambition » (table and native chart)."""
    import openpyxl
    from openpyxl.styles import Font
    styles = wb.Styles()
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = RECAP_SHEET
    wb.sheet_title(ws, recap_title(year, when), styles)
    wb.header_row(ws, 3, ["Programmes", "Date de dépôt prévisionnelle", "Report"], styles)
    for column in (1, 2, 3):
        ws.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    wb.group_cells(ws, 3, 4, 7, "Nombre de logements", styles)
    wb.group_cells(ws, 3, 8, 11, "Subv. prév.", styles)
    wb.header_row(ws, 3, ["Source"], styles, start=12)
    ws.merge_cells(start_row=3, start_column=12, end_row=4, end_column=12)
    wb.header_row(ws, 4, list(RECAP_COUNTS) + list(rates.COLUMNS), styles, start=4)
    row = 5
    for line in lines:
        operation = line.kind == "operation"
        values = [line.label, line.date_depot if operation else None,
                  line.report if operation else None, line.total, line.c, line.bbc, line.bio]
        for column, value in enumerate(values, start=1):
            cell = wb.put(ws, row, column, value, number=column >= 4)
            if column == 2 and value is not None:
                cell.number_format = DATE_FORMAT
        for i, amount in enumerate(line.amounts):
            cell = wb.put(ws, row, 8 + i, amount if amount is not None else rates.A_RENSEIGNER)
            if amount is not None:
                cell.number_format = '#" "##0.00" €"'
        wb.put(ws, row, 12, BLOCK_SOURCE.get(line.block, "") if operation else None)
        if not operation:
            for column in range(1, 13):
                cell = ws.cell(row=row, column=column)
                cell.font = Font(bold=True)
                cell.fill = styles.total_fill if line.kind == "total_epci" else styles.group_fill
        row += 1
    wb.fit_columns(ws, fixed={1: 48, 2: 14, 3: 8, 12: 22}, skip_rows=(1,))
    ws.freeze_panes = "B5"
    wb.print_setup(ws, "3:4")
    _latest_sheet(book.create_sheet(LATEST_SHEET), lines, latest, styles)
    trajectory_sheet(book.create_sheet(TRAJECTORY_SHEET), traj, styles)
    book.save(path)


def _latest_sheet(ws, lines, latest, styles):
    wb.sheet_title(ws, "Dernier avancement de chaque opération", styles)
    wb.header_row(ws, 3, ["Opération", "Date", "Rôle", "Auteur", "Avancement"], styles)
    row = 4
    for line in lines:
        if line.kind != "operation":
            continue
        note = latest.get(line.operation.get("id_op")) or {}
        for column, value in enumerate((line.label, note.get("date"), note.get("role"),
                                        note.get("auteur"), note.get("texte")), start=1):
            cell = wb.put(ws, row, column, value)
            cell.alignment = styles.wrap
            if column == 2 and value is not None:
                cell.number_format = DATE_FORMAT
        row += 1
    for letter, width in (("A", 48), ("B", 12), ("C", 12), ("D", 18), ("E", 80)):
        ws.column_dimensions[letter].width = width
    wb.fit_heights(ws, 4, row - 1)
    wb.print_setup(ws, "3:3")


def trajectory_sheet(ws, traj, styles):
    """Cumulated dwellings of the basin per year against the ambition and its chart; the
    figures per EPCI on a sheet of their own beside it (their header on every page)."""
    from openpyxl.chart import LineChart, Reference
    wb.sheet_title(ws, "Suivi de l'ambition ERBM (logements, cumul depuis %d)" % traj.years[0],
                   styles)
    measures = list(recap.MEASURES)
    headers = ["Année", "Ambition (cumul)"] + \
        [recap.MEASURE_LABELS[m] + " (cumul)" for m in measures]
    wb.header_row(ws, 3, headers, styles)
    for i, year in enumerate(traj.years):
        wb.put(ws, 4 + i, 1, str(year))
        wb.put(ws, 4 + i, 2, traj.ambition[i], number=True)
        for j, measure in enumerate(measures):
            wb.put(ws, 4 + i, 3 + j, traj.cumulative[measure][i], number=True)
    last = 3 + len(traj.years)
    chart = LineChart()
    chart.title = "Trajectoire ERBM : cumul des logements et ambition"
    chart.y_axis.title = "Logements (cumul)"
    chart.height, chart.width = 9, 20
    chart.add_data(Reference(ws, min_col=2, max_col=2 + len(measures), min_row=3, max_row=last),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=4, max_row=last))
    wb.axis_labels(chart.x_axis)
    wb.axis_labels(chart.y_axis)
    chart.legend.position = "b"
    ws.add_chart(chart, "A%d" % (last + 2))
    if traj.money:
        _money_table(ws, traj, last + 22, styles)
    _fit_header_words(ws, headers, minimum=10)
    wb.fit_heights(ws, 3, 3)
    wb.print_setup(ws, "3:3")
    ws.sheet_properties.pageSetUpPr.fitToPage = True   # the table and its chart on one page
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
    by_epci = ws.parent.create_sheet(TRAJECTORY_EPCI_SHEET)
    wb.sheet_title(by_epci, "Suivi de l'ambition par EPCI et par année (non cumulé)", styles)
    headers = ["EPCI", "Mesure"] + [str(y) for y in traj.years] + ["Total"]
    wb.header_row(by_epci, 3, headers, styles)
    row = 4
    for epci, measures_of in traj.by_epci.items():
        for measure in measures:
            values = measures_of[measure]
            wb.put(by_epci, row, 1, epci)
            wb.put(by_epci, row, 2, recap.MEASURE_LABELS[measure])
            for i, value in enumerate(values + [sum(values)]):
                wb.put(by_epci, row, 3 + i, value, number=True)
            row += 1
    for epci, measures_of in (traj.money_by_epci or {}).items():
        for measure in recap.MONEY_MEASURES:
            values = [c / 100 for c in measures_of[measure]]
            wb.put(by_epci, row, 1, epci)
            wb.put(by_epci, row, 2, recap.MONEY_LABELS[measure])
            for i, value in enumerate(values + [sum(measures_of[measure]) / 100]):
                wb.put(by_epci, row, 3 + i, value, number=True).number_format = CENTS_FORMAT
            row += 1
    by_epci.column_dimensions["A"].width = 12
    by_epci.column_dimensions["B"].width = 30
    _fit_header_words(by_epci, headers, minimum=8)
    wb.print_setup(by_epci, "3:3")


def _fit_header_words(ws, headers, minimum):
    """Columns at least as wide as the longest word of their header: a header wraps
    between words, never inside one (« programmés », not « programmé / s »)."""
    from openpyxl.utils import get_column_letter
    for column, text in enumerate(headers, start=1):
        letter = get_column_letter(column)
        longest = max((len(word) for word in str(text).split()), default=0)
        needed = max(minimum, longest * 1.15 + 2)
        if (ws.column_dimensions[letter].width or 0) < needed:
            ws.column_dimensions[letter].width = needed


def _money_table(ws, traj, first, styles):
    """Committed and paid per year, all funders and the State's, and their running sums:
    the money of the trajectory under its chart."""
    wb.put(ws, first, 1, "Suivi financier de l'ambition (engagements à leur date, versements "
                         "à la leur ; euros)").font = styles.bold
    measures = list(recap.MONEY_MEASURES)
    headers = ["Année"] + [recap.MONEY_LABELS[m] for m in measures] + [
        "Engagé cumulé (€)", "Versé cumulé (€)"]
    wb.header_row(ws, first + 1, headers, styles)
    running = {"engage": 0, "verse": 0}
    for i, year in enumerate(traj.years):
        row = first + 2 + i
        wb.put(ws, row, 1, str(year))
        for j, measure in enumerate(measures):
            wb.put(ws, row, 2 + j, traj.money[measure][i] / 100,
                   number=True).number_format = CENTS_FORMAT
        for j, measure in enumerate(("engage", "verse")):
            running[measure] += traj.money[measure][i]
            wb.put(ws, row, 2 + len(measures) + j, running[measure] / 100,
                   number=True).number_format = CENTS_FORMAT
    from openpyxl.utils import get_column_letter
    for column in range(2, len(headers) + 1):   # « 123 456 789,00 € » whole
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, 17)
    wb.fit_heights(ws, first + 1, first + 1)
