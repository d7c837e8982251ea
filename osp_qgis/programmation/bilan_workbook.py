"""The bilans' table (openpyxl): one row per entity — the trajectory's counts, then per
funder the planned, committed and paid euros, the State's share, the leverage and the cost
per dwelling; and the French text of an entity's money for its printed page."""
from .. import french_numbers
from ..storage import xlsx_layout
from . import bilan, bilan_situation, finance
from .workbook_cells import CENTS_FORMAT


def money_text(money):
    """One line per funder: « Région Hauts-de-France : 1 000 € / 800 € / 0 € »."""
    funders = finance.funders()
    lines = []
    for code, cell in money.items():
        if not any(cell.values()):
            continue
        lines.append("%s : %s" % (funders[code]["libelle"], " / ".join(
            french_numbers.euros(finance.euros(cell[m]), 0) for m, _ in bilan.MONEY)))
    return "\n".join(lines) or "Aucun financement enregistré."


def write(path, scale, pages, as_of, situation=None):
    """The table of ``pages`` (:func:`bilan.pages`); with ``situation`` (labels and
    households per code, :mod:`bilan_situation`) their columns, « s » where hidden."""
    import openpyxl
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Bilans"
    styles = xlsx_layout.Styles()
    xlsx_layout.sheet_title(ws, "Bilans de l'ERBM – situation au %s"
                            % as_of.strftime("%d/%m/%Y"), styles)
    funders = [code for code in finance.funders()
               if any(code in money for *_, money, _ in pages)]
    labels = finance.funders()
    headers = ["Code", "Entité"] + [text for _, text in bilan.MEASURES] + [
        "%s – %s (€)" % (labels[code]["libelle"], text)
        for code in funders for _, text in bilan.MONEY] + [
        "Part de l'État dans l'engagé", "Effet de levier (€ / € de l'État)",
        "Coût par logement (€)"]
    labels, households, ops_given = situation or ({}, {}, False)
    extra = []
    if labels:
        extra += [("labels", code, "Étiquette : %s" % text)
                  for code, text in [("logements", "logements retrouvés")] +
                  list(bilan_situation.CLASSES)]
    if ops_given:
        for when, period in bilan_situation.PERIODS:
            extra += [("households", (when, "menages"), "Ménages enquêtés – %s" % period)]
            extra += [("households", (when, name), "%s – %s (%%)" % (text, period))
                      for name, text in bilan_situation.SHARES]
    headers += [text for _, _, text in extra]
    xlsx_layout.header_row(ws, 3, headers, styles)
    for row, (code, name, _, _, counts, money, ratios) in enumerate(pages, start=4):
        values = [code, name] + [counts[m] for m, _ in bilan.MEASURES]
        for column, value in enumerate(values, start=1):
            xlsx_layout.put(ws, row, column, value, number=column > 2)
        column = len(values) + 1
        for funder in funders:
            for measure, _ in bilan.MONEY:
                amount = money.get(funder, {}).get(measure, 0)
                xlsx_layout.put(ws, row, column, finance.euros(amount),
                                number=True).number_format = CENTS_FORMAT
                column += 1
        for value, fmt in ((ratios.get("part_etat"), "0.0 %"),
                           (ratios.get("effet_levier"), "0.00"),
                           (finance.euros(ratios.get("cout_par_logement")), CENTS_FORMAT)):
            xlsx_layout.put(ws, row, column, value, number=True).number_format = fmt
            column += 1
        for kind, key, _ in extra:
            if kind == "labels":
                value = (labels.get(code) or {}).get(key)
                shown = key in (labels.get(code) or {})
            else:
                cell = (households.get(code) or {}).get(key[0])
                value = cell.get(key[1]) if cell else None
                shown = cell is not None
            # « s »: hidden by the secrecy; empty: nothing to say (no dwelling, no survey)
            xlsx_layout.put(ws, row, column, value if value is not None else
                            (bilan_situation.HIDDEN if shown else None), number=True)
            column += 1
    xlsx_layout.fit_columns(ws, skip_rows=(1,))
    xlsx_layout.fit_heights(ws, 3, 3)
    ws.freeze_panes = "C4"
    xlsx_layout.print_setup(ws, "3:3")
    book.save(path)
