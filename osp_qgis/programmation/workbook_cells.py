"""How a partner workbook's cells look and lock: yellow for what the partner fills, grey for
what it only reads, dates and euros in French formats (openpyxl)."""
from ..storage import xlsx_layout as wb

EDIT_FILL = "FFF2CC"      # cells the partner fills
LOCKED_FILL = "EDEDED"    # shown for information
DATE_FORMAT = "DD/MM/YYYY"
EURO_FORMAT = '#" "##0" €"'
CENTS_FORMAT = '#,##0.00 "€"'   # the reader's separators (« 4 815 000,00 € » in French)


def styled(ws, row, column, value, kind, locked, styles, plain=False, euro=EURO_FORMAT):
    """A cell of ``kind`` (``int``, ``double``, ``date``, ``string``…), locked or open;
    ``plain`` numbers have no thousands separator (a year, an id)."""
    from openpyxl.styles import PatternFill, Protection
    cell = wb.put(ws, row, column, value, number=kind in ("int", "double"))
    if plain:
        cell.number_format = "0"   # 2021, not « 2 021 »
    if kind == "date" and value is not None:
        cell.number_format = DATE_FORMAT
    if kind == "double":
        cell.number_format = euro
    cell.protection = Protection(locked=locked)
    cell.fill = PatternFill("solid", fgColor=LOCKED_FILL if locked else EDIT_FILL)
    cell.border = styles.border
    return cell


def list_rule(ws, formula, cells):
    """A drop-down list on ``cells`` (« A6:A40 ») from a range of the lists sheet."""
    from openpyxl.worksheet.datavalidation import DataValidation
    rule = DataValidation(type="list", formula1="=%s" % formula, allow_blank=True)
    rule.error = "Valeur refusée : voir la notice (premier onglet)."
    rule.errorTitle = "OSP ERBM"
    rule.showErrorMessage = True
    ws.add_data_validation(rule)
    rule.add(cells)
    return rule
