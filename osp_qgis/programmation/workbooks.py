"""A partner's workbook (openpyxl): its operations, only its block editable, lists, dates,
an « Avancement » sheet, a « Suivi financier » sheet (:mod:`finance_sheet`), hidden ids and
fingerprints, signed with the programmation's key.  It is read back and proven by
:mod:`partner_return`; the CRHH recap is :mod:`recap_workbook`."""
import datetime
import json

from .. import forms
from ..storage import xlsx_layout as wb
from . import finance_sheet, model, roundtrip, signature
from . import workbook_cells as cells

META_SHEET = "_osp"
LISTS_SHEET = "_listes"
OPERATIONS_SHEET = "Opérations"
NOTES_SHEET = "Avancement"
NOTICE_SHEET = "Notice"
FORMAT_VERSION = "3"      # 3: with « Suivi financier » (issue 29); 2: signed (issue 25)
READABLE_FORMATS = ("2", "3")
HEADER_ROW, NAMES_ROW, FIRST_ROW = 4, 5, 6
NEW_ROWS = 30
EDIT_FILL, LOCKED_FILL, DATE_FORMAT = cells.EDIT_FILL, cells.LOCKED_FILL, cells.DATE_FORMAT
PLAIN_NUMBERS = ("annee_prog", "id_op", "version")
FIXED_LABELS = {"nom": "Opération", "epci": "EPCI", "communes_noms": "Communes",
                "cites_noms": "Cités", "annee_prog": "Année", "type_prog": "Type de programme",
                "statut": "Statut", "crhh_nb_valides": "Logements validés (CRHH)",
                "crhh_enveloppe": "Enveloppe validée CRHH (€)"}
ROLE_LABEL = {"bailleur": "bailleur", "epci": "EPCI"}
NOTE_COLUMNS = roundtrip.NOTE_COLUMNS
TECHNICAL_LABELS = {"id_op": "Identifiant (technique)", "version": "Version (technique)",
                    "empreinte_bloc": "Empreinte du bloc (technique)",
                    "empreinte_fixe": "Empreinte du reste (technique)"}


def _label(name):
    return FIXED_LABELS.get(name) or model.OPERATION_FIELDS[model.FIELD_NAMES.index(name)][2]


def cite_label(cite):
    """« Cité du 4 (Lens) »: a cité in lists, told from its namesakes by its commune."""
    communes = cite.get("communes")
    return "%s (%s)" % (cite["nom"], communes) if communes else cite["nom"]


def _shown(op, name, context):
    """What a locked column shows for an operation (names and words, not codes)."""
    if name == "communes_noms":
        codes = [c for c in str(op.get("communes") or "").split(",") if c]
        names = {insee: info[1] for info in context.communes(None).values()
                 for insee in [info[0]]}
        return ", ".join(names.get(c, c) for c in codes) or None
    if name == "cites_noms":
        ids = [c for c in str(op.get("cites") or "").split(",") if c]
        names = {str(c["id_cite"]): cite_label(c) for c in context.cites}
        return ", ".join(names.get(i, i) for i in ids) or None
    if name in ("statut", "type_prog"):
        return forms.value_label(model.OPERATIONS, name, op.get(name))
    return op.get(name)


def _write_cell(ws, row, column, name, value, locked, styles):
    return cells.styled(ws, row, column, value, model.KINDS.get(name), locked, styles,
                        plain=name in PLAIN_NUMBERS)


def _validations(ws, names, first, last, lists):
    """Drop-down lists, numbers, dates: what a spreadsheet can check while typing."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    for column, name in enumerate(names, start=1):
        kind = model.KINDS.get(name)
        rule = None
        if name in ("b_report", "b_rehab_integree"):
            rule = DataValidation(type="list", formula1="=%s" % lists["oui_non"],
                                  allow_blank=True)
        elif name == "type_prog":
            rule = DataValidation(type="list", formula1="=%s" % lists["types"], allow_blank=True)
        elif name == "epci":
            rule = DataValidation(type="list", formula1="=%s" % lists["epci"], allow_blank=True)
        elif name == "cites_noms" and lists.get("cites"):
            rule = DataValidation(type="list", formula1="=%s" % lists["cites"], allow_blank=True)
        elif kind == "int":
            rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                  allow_blank=True)
        elif kind == "double":
            rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                                  allow_blank=True)
        elif kind == "date":
            rule = DataValidation(type="date", operator="between", formula1="36526",
                                  formula2="51501", allow_blank=True)  # 2000-01-01 .. 2040-12-31
        if rule is None:
            continue
        rule.error = "Valeur refusée : voir la notice (premier onglet)."
        rule.errorTitle = "OSP ERBM"
        rule.showErrorMessage = True
        ws.add_data_validation(rule)
        letter = get_column_letter(column)
        rule.add("%s%d:%s%d" % (letter, first, letter, last))


def _list_range(ws, column, title, values):
    from openpyxl.utils import get_column_letter
    ws.cell(row=1, column=column, value=title)
    for row, value in enumerate(values, start=2):
        wb.put(ws, row, column, value)
    letter = get_column_letter(column)
    return "'%s'!$%s$2:$%s$%d" % (LISTS_SHEET, letter, letter, max(2, len(values) + 1))


def partner_workbook(path, role, partner, partner_name, year, operations, notes, context,
                     key, issued=None, financements=(), versements=()):
    """The workbook a landlord (``role="bailleur"``) or an EPCI fills, signed with ``key``
    (the programmation's, see :mod:`signature`), with the « Suivi financier » of its
    operations (``financements``, ``versements``); returns the number of operations it
    holds."""
    import openpyxl
    styles = wb.Styles()
    issued = issued or datetime.datetime.now().replace(microsecond=0)
    editable = roundtrip.editable_fields(role)
    columns = list(roundtrip.TECHNICAL) + list(roundtrip.FIXED[:7]) + editable + \
        list(roundtrip.FIXED[7:])
    mine = [op for op in operations if op.get("annee_prog") == year and
            op.get("bailleur" if role == "bailleur" else "epci") == partner]
    mine.sort(key=lambda o: model.fold(o.get("nom") or ""))
    book = openpyxl.Workbook()
    notice = book.active
    notice.title = NOTICE_SHEET
    sheet = book.create_sheet(OPERATIONS_SHEET)
    notes_sheet = book.create_sheet(NOTES_SHEET)
    money_sheet = book.create_sheet(finance_sheet.SHEET)
    lists = book.create_sheet(LISTS_SHEET)
    meta = book.create_sheet(META_SHEET)
    # lists for the drop-downs
    cite_labels = sorted({cite_label(c) for c in context.cites}, key=model.fold)
    ranges = {"oui_non": _list_range(lists, 1, "oui / non", list(model.OUI_NON)),
              "types": _list_range(lists, 2, "types", [
                  forms.value_label(model.OPERATIONS, "type_prog", t) for t in model.TYPES_PROG]),
              # the sigles partners know (the EPCI without one are not ERBM partners)
              "epci": _list_range(lists, 3, "EPCI", sorted(
                  e for e in context.epcis if not str(e).isdigit())),
              "operations": _list_range(lists, 5, "opérations",
                                        [o.get("nom") for o in mine] or [""]),
              "financeurs": _list_range(lists, 6, "financeurs",
                                        finance_sheet.writable_funders(role))}
    if cite_labels:
        ranges["cites"] = _list_range(lists, 4, "cités", cite_labels)
    lists.sheet_state = "hidden"
    meta.sheet_state = "veryHidden"
    _notice(notice, role, partner_name, year, issued, len(mine), styles)
    # operations
    first_shown = len(roundtrip.TECHNICAL) + 1   # the technical columns are hidden
    wb.put(sheet, 1, first_shown, "Programmation %d – %s (%s)" % (
        year, partner_name, ROLE_LABEL[role])).font = styles.title_font
    wb.put(sheet, 2, first_shown, "Remplir les cellules jaunes ; les cellules grises sont pour "
                                  "information. Une ligne vide en bas = une nouvelle opération.")
    block_title = model.BLOCK_TITLES[roundtrip.ROLE_BLOCK[role]]
    start_block = len(roundtrip.TECHNICAL) + 8
    wb.group_cells(sheet, 3, len(roundtrip.TECHNICAL) + 1, start_block - 1, "Identification",
                   styles)
    wb.group_cells(sheet, 3, start_block, start_block + len(editable) - 1, block_title, styles)
    wb.group_cells(sheet, 3, start_block + len(editable), len(columns),
                   "Décision CRHH (information)", styles)
    wb.header_row(sheet, HEADER_ROW, [TECHNICAL_LABELS.get(n) or _label(n) for n in columns],
                  styles)
    for column, name in enumerate(columns, start=1):
        sheet.cell(row=NAMES_ROW, column=column, value=name)
    sheet.row_dimensions[NAMES_ROW].hidden = True
    row = FIRST_ROW
    signed_rows = []
    for op in mine:
        fixed = [_shown(op, n, context) for n in roundtrip.FIXED]
        technical = {"id_op": op.get("id_op"), "version": op.get("version"),
                     "empreinte_bloc": model.block_digest(op, editable),
                     "empreinte_fixe": roundtrip.fixed_digest(fixed)}
        signed_rows.append([row] + [technical[n] for n in roundtrip.TECHNICAL])
        shown = dict(zip(roundtrip.FIXED, fixed))
        for column, name in enumerate(columns, start=1):
            value = technical.get(name, shown.get(name, op.get(name)))
            _write_cell(sheet, row, column, name, value, name not in editable, styles)
        row += 1
    last = row + NEW_ROWS - 1
    for new in range(row, last + 1):   # room for new operations
        for column, name in enumerate(columns, start=1):
            open_cell = name in editable or name in ("nom", "epci", "communes_noms",
                                                     "cites_noms", "type_prog")
            _write_cell(sheet, new, column, name, None, not open_cell, styles)
    _validations(sheet, columns, FIRST_ROW, last, ranges)
    for column in range(1, len(roundtrip.TECHNICAL) + 1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].hidden = True
    wb.fit_columns(sheet, skip_rows=(1, 2, NAMES_ROW))
    wb.fit_heights(sheet, HEADER_ROW, HEADER_ROW)
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=len(roundtrip.TECHNICAL) + 2)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths may be changed
    wb.print_setup(sheet, "%d:%d" % (HEADER_ROW, HEADER_ROW))   # A4, fitted to its width
    # avancement
    published = _notes_sheet(notes_sheet, mine, notes, ranges["operations"], styles)
    money_rows = finance_sheet.issued_rows(role, mine, financements, versements)
    money_signed = finance_sheet.write_sheet(money_sheet, role, money_rows, ranges, styles,
                                             HEADER_ROW, NAMES_ROW, FIRST_ROW)
    _sign(meta, key, {"type": "osp-programmation", "format": FORMAT_VERSION, "role": role,
                      "partenaire": partner, "annee": year,
                      "emis_le": issued.isoformat(sep=" "), "lignes_emises": len(mine),
                      "notes_emises": published, "cle": signature.key_id(key),
                      "lignes_financieres_emises": len(money_signed)},
          columns, NOTE_COLUMNS, signed_rows,
          (list(finance_sheet.COLUMNS), money_signed))
    wb.print_setup(notice, None)
    for ws in (notice,):
        ws.protection.sheet = True
    book.save(path)
    return len(mine)


def _sign(ws, key, meta, columns, note_columns, rows, money):
    """The hidden sheet: what was issued, the column map and the signature over them and
    over the technical cells of the issued rows (operations' and financial lines')."""
    for name, value in meta.items():
        ws.append([name, value])
    ws.append(["colonnes", json.dumps(columns)])
    ws.append(["colonnes_notes", json.dumps(list(note_columns))])
    ws.append(["colonnes_finances", json.dumps(money[0])])
    text = signature.payload(meta, columns, note_columns, rows, money)
    ws.append(["signature", signature.sign(key, text)])


def _notice(ws, role, partner_name, year, issued, count, styles):
    lines = [
        "Programmation %d – classeur de %s" % (year, partner_name),
        "Émis le %s, avec %d opération(s)." % (issued.strftime("%d/%m/%Y à %Hh%M"), count),
        "",
        "Ce que vous remplissez :",
        "• Onglet « Opérations » : les cellules jaunes de votre bloc « %s » pour chacune de "
        "vos opérations (nombre de logements, répartition C / BBC, logements en matériaux "
        "biosourcés, enveloppes, observations%s)." % (
            model.BLOCK_TITLES[roundtrip.ROLE_BLOCK[role]],
            ", date de dépôt prévisionnelle, report, réhabilitation intégrée"
            if role == "bailleur" else ", date de validité"),
        "• Une nouvelle opération : une ligne vide en bas du tableau ; choisir l'EPCI et la "
        "cité dans les listes, écrire la commune ; le nom est proposé s'il est laissé vide.",
        "• Onglet « Avancement » : une ligne par note datée (opération, date, auteur, texte).",
        "• Onglet « Suivi financier » : %s ; les lignes de l'État sont écrites par la DDTM "
        "(grises). Une nouvelle ligne : choisir l'opération et le financeur dans les listes. "
        "Une cellule vidée n'efface pas un montant : écrire 0." % (
            "votre plan de financement (montants prévus et engagés, dates, références) et, "
            "sur la première ligne de chaque opération, son coût total et ses dates"
            if role == "bailleur" else "la ligne de financement de l'EPCI"),
        "",
        "Règles vérifiées à l'import : étiquette C + étiquette BBC = total ; logements "
        "biosourcés ≤ total ; montants positifs ; dates valides.",
        "Les cellules grises (identification, décision CRHH) ne sont pas reprises : pour les "
        "corriger, écrire à la DDTM. Ne pas supprimer de ligne ni de colonne.",
        "Si l'opération a été modifiée par un autre partenaire depuis l'envoi de ce classeur, "
        "votre saisie sur cette opération n'est pas reprise (conflit signalé) : demander un "
        "classeur à jour.",
    ]
    wb.sheet_title(ws, lines[0], styles)
    for row, text in enumerate(lines[1:], start=2):
        wb.put(ws, row, 1, text).alignment = styles.wrap
    ws.column_dimensions["A"].width = 110
    for row, text in enumerate(lines[1:], start=2):   # every line whole, however long
        ws.row_dimensions[row].height = 15 * max(1, -(-len(text) // 95)) + 4


def _notes_sheet(ws, operations, notes, operations_range, styles):
    from openpyxl.styles import PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation
    wb.sheet_title(ws, "Avancement des opérations", styles)
    wb.put(ws, 2, 1, "Notes déjà publiées (grises), puis vos nouvelles notes : opération, "
                     "date, auteur, texte.")
    names = list(NOTE_COLUMNS)
    wb.header_row(ws, HEADER_ROW, ["Opération", "Date", "Auteur", "Texte"], styles)
    for column, name in enumerate(names, start=1):
        ws.cell(row=NAMES_ROW, column=column, value=name)
    ws.row_dimensions[NAMES_ROW].hidden = True
    by_id = {o.get("id_op"): o.get("nom") for o in operations}
    row = FIRST_ROW
    for note in sorted((n for n in notes if n.get("id_op") in by_id),
                       key=lambda n: (by_id[n["id_op"]] or "", n.get("date") or datetime.date.min)):
        for column, value in enumerate((by_id[note["id_op"]], note.get("date"),
                                        note.get("auteur"), note.get("texte")), start=1):
            cell = wb.put(ws, row, column, value)
            cell.protection = Protection(locked=True)
            cell.fill = PatternFill("solid", fgColor=LOCKED_FILL)   # published: grey
            if column == 2 and value is not None:
                cell.number_format = DATE_FORMAT
        row += 1
    last = row + NEW_ROWS - 1
    for new in range(row, last + 1):
        for column in range(1, 5):
            cell = ws.cell(row=new, column=column)
            cell.protection = Protection(locked=False)
            cell.fill = PatternFill("solid", fgColor=EDIT_FILL)
            if column == 2:
                cell.number_format = DATE_FORMAT
    lists = DataValidation(type="list", formula1="=%s" % operations_range, allow_blank=True)
    dates = DataValidation(type="date", operator="between", formula1="36526", formula2="51501",
                           allow_blank=True)
    for rule, column in ((lists, "A"), (dates, "B")):
        rule.showErrorMessage = True
        ws.add_data_validation(rule)
        rule.add("%s%d:%s%d" % (column, row, column, last))
    for letter, width in (("A", 48), ("B", 12), ("C", 20), ("D", 80)):
        ws.column_dimensions[letter].width = width
    ws.protection.sheet = True
    wb.print_setup(ws, "%d:%d" % (HEADER_ROW, HEADER_ROW))
    return row - FIRST_ROW
