"""A partner's workbook read back, and proven before anything is believed.

:func:`read_partner` reads the workbook that :func:`workbooks.partner_workbook` issued (or
says it is not one); :func:`prove` checks it against the programmation's key: the hidden
sheet, the column map, the technical cells of every issued row and the notes already
published must be those that were signed, the partner the one the cartographer expects.
Only then do partner, role and versions mean anything: the import takes them from here,
never from a cell the partner could type.  Pure Python (openpyxl)."""
import json

from . import finance_sheet, model, roundtrip, signature
from .workbooks import (
    FIRST_ROW,
    FIXED_LABELS,
    HEADER_ROW,
    META_SHEET,
    NAMES_ROW,
    NOTES_SHEET,
    OPERATIONS_SHEET,
    READABLE_FORMATS,
    TECHNICAL_LABELS,
)


class WorkbookRefused(Exception):
    """Why a partner workbook is refused (nothing is written), in French."""


def read_partner(path):
    """``(meta, rows, note_rows)`` of a partner workbook, ``None`` when ``path`` has no
    OSP hidden sheet (any other sheet).  Rows are ``{"ligne", "cells", "values": {column:
    value}, "sans_valeur": {columns holding a formula without a saved value}}``; the cells
    of note rows come after the operations' columns, so that ``meta["entetes"]`` (the
    headers a person reads: operations', then « Avancement : … ») names the cells of both.
    A damaged hidden sheet is a :class:`WorkbookRefused`, never a plain sheet."""
    import openpyxl
    book = openpyxl.load_workbook(path, data_only=True)
    try:
        if META_SHEET not in book.sheetnames:
            return None
        meta = {str(r[0]): r[1] for r in book[META_SHEET].iter_rows(values_only=True)
                if r and r[0] is not None}
        if meta.get("type") != "osp-programmation":
            raise WorkbookRefused("La feuille cachée « %s » du classeur a été modifiée (type "
                                  "« %s ») : ce n'est plus un classeur de programmation OSP "
                                  "lisible. Import refusé, rien n'a été écrit."
                                  % (META_SHEET, meta.get("type")))
        money = str(meta.get("format")) != "2"     # format 3 has « Suivi financier »
        for sheet in (OPERATIONS_SHEET, NOTES_SHEET) + ((finance_sheet.SHEET,) if money
                                                         else ()):
            if sheet not in book.sheetnames:
                raise WorkbookRefused("L'onglet « %s » du classeur a été supprimé ou renommé : "
                                      "import refusé, rien n'a été écrit." % sheet)
        headers, names, rows = _rows(book[OPERATIONS_SHEET])
        note_headers, note_names, note_rows = _rows(book[NOTES_SHEET], offset=len(headers))
        meta["entetes"] = headers + ["Avancement : %s" % h for h in note_headers]
        meta["noms_lus"], meta["noms_notes_lus"] = names, note_names
        if money:
            money_headers, money_names, money_rows = _rows(book[finance_sheet.SHEET])
            meta["finances"] = {"entetes": money_headers, "noms": money_names,
                                "lignes": money_rows}
    finally:
        book.close()
    _mark_formulas(path, rows, note_rows)
    return meta, rows, note_rows


def _rows(ws, offset=0):
    """``(headers, column names, rows)`` of a sheet laid out by the partner workbook."""
    names = [c.value for c in ws[NAMES_ROW]]
    width = max((i + 1 for i, n in enumerate(names) if n), default=0)
    names = names[:width]
    headers = [str(c.value or n or "") for c, n in zip(ws[HEADER_ROW], names)]
    headers += [str(n) for n in names[len(headers):]]
    out = []
    for number, cells in enumerate(ws.iter_rows(min_row=FIRST_ROW, max_col=max(width, 1),
                                                values_only=True), start=FIRST_ROW):
        values = {name: value for name, value in zip(names, cells) if name}
        out.append({"ligne": number, "cells": [""] * offset + ["" if v is None else str(v)
                                                              for v in cells],
                    "values": values, "sans_valeur": set()})
    return headers, [n for n in names if n], out


def _mark_formulas(path, rows, note_rows):
    """Cells holding a formula whose value the spreadsheet did not save (openpyxl writes
    none, some tools neither): their value is unknown, not empty."""
    import openpyxl
    book = openpyxl.load_workbook(path, data_only=False)
    try:
        for sheet, read in ((OPERATIONS_SHEET, rows), (NOTES_SHEET, note_rows)):
            ws = book[sheet]
            names = [c.value for c in ws[NAMES_ROW]]
            by_line = {r["ligne"]: r for r in read}
            for number, cells in enumerate(ws.iter_rows(min_row=FIRST_ROW,
                                                        max_col=max(len(names), 1)),
                                           start=FIRST_ROW):
                row = by_line.get(number)
                if row is None:
                    continue
                for name, cell in zip(names, cells):
                    formula = cell.data_type == "f" or (isinstance(cell.value, str)
                                                        and cell.value.startswith("="))
                    if name and formula and row["values"].get(name) is None:
                        row["sans_valeur"].add(name)
    finally:
        book.close()


def _meta_list(meta, name):
    try:
        value = json.loads(meta.get(name) or "null")
    except (TypeError, ValueError):
        value = None
    if not isinstance(value, list):
        raise WorkbookRefused("La feuille cachée « %s » du classeur a été modifiée (%s "
                              "illisible) : import refusé, rien n'a été écrit."
                              % (META_SHEET, name))
    return value


def prove(returned, key, expected_partner=None, label="classeur"):
    """Check the workbook ``returned`` (:func:`read_partner`) against ``key`` (the
    programmation's, ``None`` when it has none) and, when given, the partner the
    cartographer received it from. Returns ``meta`` (partner, role, year as signed);
    :class:`WorkbookRefused` otherwise."""
    meta, rows, note_rows = returned
    if str(meta.get("format")) not in READABLE_FORMATS or not meta.get("signature"):
        raise WorkbookRefused(
            "« %s » n'est pas signé (classeur émis par une version antérieure du plugin, ou "
            "signature effacée) : son expéditeur ne peut pas être établi. Import refusé, rien "
            "n'a été écrit ; émettre un nouveau classeur (« Classeurs des partenaires »)."
            % label)
    if key is None:
        raise WorkbookRefused(
            "La programmation n'a pas de clé de signature : « %s » n'a pas pu être émis par "
            "elle. Import refusé, rien n'a été écrit." % label)
    if meta.get("cle") != signature.key_id(key):
        raise WorkbookRefused(
            "« %s » a été émis par une autre programmation (clé %s, celle-ci : %s) : import "
            "refusé, rien n'a été écrit." % (label, meta.get("cle"), signature.key_id(key)))
    columns, note_columns = _meta_list(meta, "colonnes"), _meta_list(meta, "colonnes_notes")
    _same_columns(columns, meta["noms_lus"], label, OPERATIONS_SHEET)
    _same_columns(note_columns, meta["noms_notes_lus"], label, NOTES_SHEET)
    issued = _int(meta.get("lignes_emises"))
    signed_rows, stray = [], []
    for row in rows:
        technical = [row["values"].get(n) for n in roundtrip.TECHNICAL]
        if row["ligne"] < FIRST_ROW + (issued or 0):
            signed_rows.append([row["ligne"]] + technical)
        elif any(v not in (None, "") for v in technical):
            stray.append(row["ligne"])
    money = _money_rows(meta, label)
    stray += money[2]
    text = signature.payload(meta, columns, note_columns, signed_rows,
                             money[:2] if "finances" in meta else None)
    if stray or issued is None or not signature.verify(key, text, str(meta["signature"])):
        raise WorkbookRefused(
            "La signature de « %s » ne correspond pas à son contenu : la feuille cachée, les "
            "colonnes ou les cellules techniques (identifiant, version, empreintes%s) ont été "
            "modifiées, ou des lignes déplacées ou supprimées, depuis son émission. Son "
            "expéditeur ne peut pas être établi : import refusé, rien n'a été écrit. Demander "
            "au partenaire de saisir dans un classeur neuf." % (
                label, "" if not stray else " ; lignes %s" % ", ".join(map(str, stray[:10]))))
    partner = meta.get("partenaire")
    if expected_partner and not same_partner(expected_partner, partner, meta.get("role")):
        raise WorkbookRefused(
            "« %s » est le classeur de %s (%s), pas celui de « %s » indiqué (PARTNER) : "
            "import refusé, rien n'a été écrit." % (label, partner, meta.get("role"),
                                                     expected_partner))
    meta["annee"] = _int(meta.get("annee"))
    meta["premiere_note"] = FIRST_ROW + (_int(meta.get("notes_emises")) or 0)
    return meta


def _money_rows(meta, label):
    """``(columns, signed rows, stray rows)`` of the « Suivi financier » sheet (format 3)."""
    if "finances" not in meta:
        return None, None, []
    columns = _meta_list(meta, "colonnes_finances")
    _same_columns(columns, meta["finances"]["noms"], label, finance_sheet.SHEET)
    issued = _int(meta.get("lignes_financieres_emises")) or 0
    signed, stray = [], []
    for row in meta["finances"]["lignes"]:
        technical = [row["values"].get(n) for n in finance_sheet.TECHNICAL]
        if row["ligne"] < FIRST_ROW + issued:
            signed.append([row["ligne"]] + technical)
        elif any(v not in (None, "") for v in technical):
            stray.append(row["ligne"])
    meta["finances"]["emises"] = issued
    return columns, signed, stray


def _same_columns(signed, found, label, sheet):
    """A column deleted, added or moved: an error naming it (its French header)."""
    if found == signed:
        return
    missing = [n for n in signed if n not in found]
    if missing:
        raise WorkbookRefused(
            "Onglet « %s » de « %s » : colonne%s %s supprimée%s. Sans elle%s, les valeurs "
            "seraient effacées : import refusé, rien n'a été écrit." % (
                sheet, label, "s" if len(missing) > 1 else "",
                ", ".join("« %s » (%s)" % (_title(n), n) for n in missing),
                "s" if len(missing) > 1 else "", "s" if len(missing) > 1 else ""))
    raise WorkbookRefused("Onglet « %s » de « %s » : colonnes ajoutées ou déplacées depuis "
                          "l'émission (%s) : import refusé, rien n'a été écrit."
                          % (sheet, label, ", ".join(n for n in found if n not in signed)
                             or "ordre changé"))


def _title(name):
    if name in FIXED_LABELS:
        return FIXED_LABELS[name]
    if name in TECHNICAL_LABELS:
        return TECHNICAL_LABELS[name]
    if name in model.FIELD_NAMES:
        return model.OPERATION_FIELDS[model.FIELD_NAMES.index(name)][2]
    if name in finance_sheet.LABELS:
        return finance_sheet.LABELS[name]
    return {"operation": "Opération", "date": "Date", "auteur": "Auteur",
            "texte": "Texte"}.get(name, name)


def _int(value):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def same_partner(given, partner, role):
    """``given`` (what the cartographer typed: a code, a sigle) names ``partner``."""
    if role == "bailleur":
        return (model.bailleur_from_sigle(given) or given) == partner
    return (model.epci_from_sigle(given) or given) == partner
