"""The financial recap workbook (openpyxl): « Synthèse » (per EPCI, département and the
programme: planned, committed, paid and still to pay, the State's share, the leverage, the
cost per dwelling), « Opérations » (one row per operation and funder), « Alertes », and one
sheet per funder.  Amounts are euros with two decimals, computed in cents."""
from ..storage import xlsx_layout
from . import finance, finance_recap

EURO_FORMAT = '#,##0.00 "€"'
RATIO_FORMAT = "0.0 %"
LEVERAGE_FORMAT = '0.00 "€ / €"'
LEVEL_LABELS = {"epci": "EPCI", "departement": "Département", "total": "Programme"}
MONEY_WIDTH = 17     # « 12 345 678,90 € » (fit_columns measures the stored number only)


def _money(ws, row, column, cents):
    cell = xlsx_layout.put(ws, row, column, finance.euros(cents))
    cell.number_format = EURO_FORMAT
    return cell


def _title(ws, text, as_of, styles):
    xlsx_layout.sheet_title(ws, text, styles)
    xlsx_layout.put(ws, 2, 1, "Situation au %s – montants en euros, calculés au centime"
                    % as_of.strftime("%d/%m/%Y"))


def _summary(book, recap, styles):
    ws = book.active
    ws.title = "Synthèse"
    _title(ws, "Suivi financier de l'ERBM", recap.as_of, styles)
    headers = ["Niveau", "Territoire"] + [finance_recap.MEASURE_LABELS[m]
                                          for m in finance_recap.MEASURES] + [
        "Part de l'État (engagé)", "Effet de levier", "Coût total", "Logements",
        "Coût par logement"]
    xlsx_layout.header_row(ws, 4, headers, styles)
    for offset, (level, _, name, sums, ratios) in enumerate(recap.rows):
        row = 5 + offset
        xlsx_layout.put(ws, row, 1, LEVEL_LABELS[level])
        xlsx_layout.put(ws, row, 2, name)
        for column, measure in enumerate(finance_recap.MEASURES, 3):
            _money(ws, row, column, sum(c[measure] for c in sums.values()))
        share = xlsx_layout.put(ws, row, 7, ratios["part_etat"])
        share.number_format = RATIO_FORMAT
        leverage = xlsx_layout.put(ws, row, 8, ratios["effet_levier"])
        leverage.number_format = LEVERAGE_FORMAT
        _money(ws, row, 9, ratios["cout"])
        xlsx_layout.put(ws, row, 10, ratios["logements"], number=True)
        _money(ws, row, 11, ratios["cout_par_logement"])
        if level != "epci":
            for column in range(1, 12):
                ws.cell(row=row, column=column).fill = styles.total_fill
                ws.cell(row=row, column=column).font = styles.bold
    xlsx_layout.fit_columns(ws, fixed={c: MONEY_WIDTH for c in (3, 4, 5, 6, 9, 11)})
    xlsx_layout.print_setup(ws, "4:4")


def _operations(book, recap, funders, styles):
    ws = book.create_sheet("Opérations")
    _title(ws, "Opérations et financeurs", recap.as_of, styles)
    headers = ["Opération", "Bailleur", "EPCI", "Financeur"] + [
        finance_recap.MEASURE_LABELS[m] for m in finance_recap.MEASURES] + [
        "Coût total", "État financier"]
    xlsx_layout.header_row(ws, 4, headers, styles)
    row = 5
    for op, sums, cost, _ in recap.operations:
        for code, cell in sums.items():
            if not any(cell.values()):
                continue
            for column, value in enumerate((op.get("nom"), op.get("bailleur"), op.get("epci"),
                                            funders[code]["libelle"]), 1):
                xlsx_layout.put(ws, row, column, value)
            for column, measure in enumerate(finance_recap.MEASURES, 5):
                _money(ws, row, column, cell[measure])
            _money(ws, row, 9, cost)
            xlsx_layout.put(ws, row, 10, op.get("etat_financier"))
            row += 1
    xlsx_layout.fit_columns(ws, fixed={c: MONEY_WIDTH for c in (5, 6, 7, 8, 9)})
    xlsx_layout.print_setup(ws, "4:4")


def _alerts(book, recap, styles):
    ws = book.create_sheet("Alertes")
    _title(ws, "Alertes", recap.as_of, styles)
    xlsx_layout.header_row(ws, 4, ["Opération", "Bailleur", "EPCI", "Alerte", "Détail"], styles)
    for row, (_, nom, bailleur, epci, motif, detail) in enumerate(recap.alerts, 5):
        for column, value in enumerate((nom, bailleur, epci, finance_recap.ALERTS[motif],
                                        detail), 1):
            xlsx_layout.put(ws, row, column, value)
    if not recap.alerts:
        xlsx_layout.put(ws, 5, 1, "Aucune alerte à cette date.")
    xlsx_layout.fit_columns(ws)
    xlsx_layout.print_setup(ws, "4:4")


def _funder_sheets(book, recap, funders, styles):
    for code in recap.funders:
        label = funders[code]["libelle"]
        ws = book.create_sheet(code)
        _title(ws, label, recap.as_of, styles)
        xlsx_layout.header_row(ws, 4, ["Niveau", "Territoire"] + [
            finance_recap.MEASURE_LABELS[m] for m in finance_recap.MEASURES], styles)
        for row, (level, _, name, sums, _) in enumerate(recap.rows, 5):
            xlsx_layout.put(ws, row, 1, LEVEL_LABELS[level])
            xlsx_layout.put(ws, row, 2, name)
            for column, measure in enumerate(finance_recap.MEASURES, 3):
                _money(ws, row, column, sums[code][measure])
        xlsx_layout.fit_columns(ws, fixed={c: MONEY_WIDTH for c in (3, 4, 5, 6)})
        xlsx_layout.print_setup(ws, "4:4")


def write(path, recap):
    import openpyxl
    book = openpyxl.Workbook()
    styles = xlsx_layout.Styles()
    funders = finance.funders()
    _summary(book, recap, styles)
    _operations(book, recap, funders, styles)
    _alerts(book, recap, styles)
    _funder_sheets(book, recap, funders, styles)
    book.save(path)
