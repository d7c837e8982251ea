"""The Fichiers fonciers in the OSP workbook: the line of the « Qualité » sheet, the sheet of
indicators by territory and the list of the social dwellings nobody reported.  openpyxl,
with the workbook's own cell helpers (text stays text)."""
from ..storage import xlsx_layout as wb
from .crosscheck import LEVELS
from .rules import METHOD_LABELS

SHEET_INDICATORS = "Fichiers fonciers"
SHEET_MISSING = "FF non remontés"
QUALITY_LABEL = "Logements sociaux des Fichiers fonciers non remontés"
LEVEL_LABELS = {"commune": "Commune", "epci": "EPCI", "departement": "Département",
                "territoire": "Territoire"}
MISSING_COLUMNS = (("Identifiant fiscal (idlocal)", "idlocal"), ("Parcelle", "idpar"),
                   ("N°", "dnvoiri"), ("Indice", "dindic"), ("Voie", "dvoilib"),
                   ("Commune", "idcomtxt"), ("INSEE", "idcom"), ("Année de construction",
                                                                 "jannath"),
                   ("loghlls", "loghlls"), ("Propriétaire (catpro3)", "catpro3"),
                   ("Logements remontés sur la parcelle", "logements_remontes_parcelle"))


def indicator_headers(sru_target):
    return ("Niveau", "Code", "Nom", "Logements (FF)", "Logements sociaux (FF)",
            "Part de logements sociaux (%)", "Objectif SRU %s %% (logements)" % _number(
                sru_target), "Manque au regard de l'objectif", "Logements remontés",
            "Couverture (remontés ÷ sociaux FF, %)")


def _number(value):
    return ("%g" % value).replace(".", ",")


def quality_lines(result):
    """``[(label, value)]`` for the « Qualité » sheet."""
    return [(QUALITY_LABEL + " (méthode %s)" % METHOD_LABELS[result.method],
             len(result.missing))]


def indicators_sheet(ws, result, styles):
    """One row per commune, EPCI, département and for the whole territory."""
    wb.sheet_title(ws, "OSP ERBM – Logements sociaux des Fichiers fonciers", styles)
    wb.put(ws, 2, 1, "Méthode : %s. %d locaux, %d logements, %d logements sociaux ; %d "
                     "logements sociaux non remontés par les bailleurs (onglet « %s »)."
           % (METHOD_LABELS[result.method], result.locaux, result.dwellings, result.social,
              len(result.missing), SHEET_MISSING))
    headers = indicator_headers(result.sru_target)
    wb.header_row(ws, 4, headers, styles)
    row = 5
    for level in LEVELS:
        for line in (r for r in result.indicators if r["niveau"] == level):
            values = (LEVEL_LABELS[level], line["code"], line["nom"], line["logements_ff"],
                      line["logements_sociaux_ff"], _rounded(line["part_sociaux"]),
                      line["objectif_sru"], line["manque_sru"], line["logements_remontes"],
                      _rounded(line["couverture"]))
            for column, value in enumerate(values, start=1):
                cell = wb.put(ws, row, column, value, number=column >= 4)
                cell.border = styles.border
                if column in (6, 10):
                    cell.number_format = "0.0"
                if level != "commune":
                    cell.font, cell.fill = styles.bold, styles.total_fill
            row += 1
    ws.freeze_panes = "D5"
    ws.auto_filter.ref = "A4:%s%d" % (ws.cell(row=4, column=len(headers)).column_letter,
                                      max(4, row - 1))
    wb.fit_columns(ws, minimum=10, skip_rows=(1, 2))
    ws.column_dimensions["C"].width = 30
    wb.fit_heights(ws, 4, 4)
    wb.print_setup(ws, "4:4")


def missing_sheet(ws, result, styles):
    """The social dwellings of the FF that no landlord reported, one per row."""
    wb.sheet_title(ws, "OSP ERBM – Logements sociaux des Fichiers fonciers non remontés",
                   styles)
    wb.header_row(ws, 3, [label for label, _ in MISSING_COLUMNS], styles)
    names = [name for _, name in MISSING_COLUMNS]
    for row, values in enumerate(result.missing[names].itertuples(index=False), start=4):
        for column, value in enumerate(values, start=1):
            number = names[column - 1] == "logements_remontes_parcelle"
            cell = wb.put(ws, row, column, int(value) if number else (value or None),
                          number=number)
            cell.border = styles.border
    last = max(3, 3 + len(result.missing))
    ws.freeze_panes = "B4"
    ws.auto_filter.ref = "A3:%s%d" % (ws.cell(row=3, column=len(names)).column_letter, last)
    wb.fit_columns(ws, minimum=8)
    wb.fit_heights(ws, 3, 3)
    wb.print_setup(ws, "3:3")


def extra_sheets(result):
    """``[(title, writer(ws, styles))]`` for :func:`osp_qgis.logements.workbook.write_workbook`."""
    return [(SHEET_INDICATORS, lambda ws, styles: indicators_sheet(ws, result, styles)),
            (SHEET_MISSING, lambda ws, styles: missing_sheet(ws, result, styles))]


def _rounded(value):
    return None if value is None else round(value, 1)
