"""Reading an XLSX (openpyxl, read-only) or ODS (its XML read straight) landlord sheet
as the rows of a :class:`sheets.RawSheet`, numbered as the spreadsheet numbers them: merged
cells filled from their top-left value and noted row by row, formulas saved without their
value flagged, damaged or protected workbooks and bombs refused in French.  No Qt, no QGIS."""
import os
import re
import zipfile
from xml.etree import ElementTree

from .raw import (
    MOTIF_FORMULE,
    MOTIF_FUSION,
    RawSheet,
    SheetError,
    cell_text,
    check_archive,
    column_letter,
    pick_sheet,
)

MAX_XML_BYTES = 1024 ** 3           # an ODS content.xml above 1 GiB is a zip bomb, not a sheet


# -- XLSX -----------------------------------------------------------------------------------
def _xlsx_parser_class():
    """openpyxl's worksheet parser, told to note formulas saved without their value."""
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.formulas_without_value = []

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None \
                    and not element.findtext(VALUE_TAG):
                self.formulas_without_value.append((cell["row"], cell["column"]))
            return cell

    return Parser


def _xlsx_rows(book, name, found):
    """``(row number, [text])`` of one sheet; formulas without value and merged ranges
    are put in ``found`` once the sheet has been read through."""
    worksheet = book[name]
    parser = _xlsx_parser_class()(book._archive.open(worksheet._worksheet_path),
                                  worksheet._shared_strings, data_only=True, epoch=book.epoch,
                                  date_formats=book._date_formats)
    expected = 1
    for number, cells in parser.parse():
        while expected < number:  # rows the file does not write are blank rows
            yield expected, []
            expected += 1
        texts = []
        for cell in cells:
            while len(texts) < cell["column"] - 1:
                texts.append("")
            texts.append(cell_text(cell["value"]))
        while texts and texts[-1] == "":
            texts.pop()
        yield number, texts
        expected = number + 1
    merged = parser.merged_cells
    found[name] = {"formulas": parser.formulas_without_value,
                   "merged": [m.ref for m in merged.mergeCell] if merged is not None else []}


def _range_bounds(ref):
    """``"I5:I20"`` -> (5, 8, 20, 8): first row, first column (0-based), last row, last col."""
    match = re.match(r"^\$?([A-Z]+)\$?([0-9]+)(?::\$?([A-Z]+)\$?([0-9]+))?$", ref.upper())
    if not match:
        return None
    def col(letters):
        n = 0
        for c in letters:
            n = n * 26 + ord(c) - 64
        return n - 1
    c0, r0 = col(match.group(1)), int(match.group(2))
    c1, r1 = (col(match.group(3)), int(match.group(4))) if match.group(3) else (c0, r0)
    return r0, c0, r1, c1


def fill_merged(raw, ranges):
    """Cells merged across rows take their top-left value (a landlord merged an
    operation's rows): each filled row is noted; merges within one row (titles, group
    headers) are left as they are."""
    by_line = {ligne: cells for ligne, cells in raw.rows}
    for ref in ranges:
        bounds = _range_bounds(ref)
        if bounds is None or bounds[0] == bounds[2]:
            continue
        r0, c0, r1, c1 = bounds
        top = by_line.get(r0, [])
        value = top[c0] if c0 < len(top) else ""
        if not str(value).strip():
            continue
        for ligne in range(r0, r1 + 1):
            cells = by_line.get(ligne)
            if cells is None:
                cells = []
                raw.rows.append((ligne, cells))
                by_line[ligne] = cells
            for c in range(c0, c1 + 1):
                if (ligne, c) == (r0, c0):
                    continue
                while len(cells) <= c:
                    cells.append("")
                cells[c] = value
            if ligne != r0:
                raw.note(ligne, MOTIF_FUSION,
                         "Valeur « %s » recopiée de la cellule fusionnée %s (colonne %s) : "
                         "vérifier que la fusion couvre bien ce logement."
                         % (_short(value), ref, column_letter(c0)))
    raw.rows.sort(key=lambda row: row[0])
    if ranges:
        vertical = [r for r in ranges if _range_bounds(r) and _range_bounds(r)[0]
                    != _range_bounds(r)[2]]
        if vertical:
            raw.warnings.append("Feuille « %s » : %d plage(s) de cellules fusionnées sur "
                                "plusieurs lignes (%s) : valeur de la première cellule recopiée "
                                "sur chaque ligne." % (raw.sheet_name, len(vertical),
                                                       ", ".join(vertical[:10])))


def _short(text, limit=40):
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def read_xlsx(path, sheet=None, accept=None):
    check_archive(path, "xlsx")
    import openpyxl  # Debian python3-openpyxl
    name = os.path.basename(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # zip/xml errors of every kind
        raise SheetError("Classeur « %s » illisible : fichier endommagé ou qui n'est pas un "
                         "classeur Excel (%s)." % (name, type(error).__name__))
    found = {}
    try:
        chosen, rows, tried = pick_sheet(book.sheetnames, sheet,
                                          lambda n: _xlsx_rows(book, n, found), accept, path)
    except SheetError:
        raise
    except Exception as error:  # malformed XML inside the archive, bombs, bad cell types…
        raise SheetError("Classeur « %s » endommagé : une feuille ne peut pas être lue "
                         "jusqu'au bout (%s). L'ouvrir et l'enregistrer à nouveau dans le "
                         "tableur." % (name, type(error).__name__))
    finally:
        book.close()
    raw = RawSheet(rows=rows, sheet_name=chosen, tried=tried)
    found = found[chosen]  # the chosen sheet was read through: its lists are complete
    fill_merged(raw, found["merged"])
    for row, column in found["formulas"]:
        raw.note(row, MOTIF_FORMULE,
                 "Cellule %s%d : formule enregistrée sans sa valeur calculée (fichier écrit par "
                 "un programme) : ouvrir le classeur dans un tableur et l'enregistrer."
                 % (column_letter(column - 1), row))
    if found["formulas"]:
        raw.warnings.append("Feuille « %s » : %d formule(s) sans valeur calculée, lues comme des "
                            "cellules vides." % (chosen, len(found["formulas"])))
    return raw


# -- ODS ------------------------------------------------------------------------------------
_ODS_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
_ODS_CELL = "{%s}table-cell" % _ODS_NS["table"]
_ODS_COVERED = "{%s}covered-table-cell" % _ODS_NS["table"]


def _ods_attr(element, ns, name):
    return element.get("{%s}%s" % (_ODS_NS[ns], name))


def _ods_cell_text(cell):
    kind = _ods_attr(cell, "office", "value-type")
    if kind in ("float", "percentage", "currency"):
        value = _ods_attr(cell, "office", "value")
        try:
            return cell_text(float(value)) if "." in value or "e" in value.lower() else value
        except (TypeError, ValueError, AttributeError):
            pass
    if kind == "date":
        return (_ods_attr(cell, "office", "date-value") or "").replace("T00:00:00", "")
    if kind == "boolean":
        return "VRAI" if _ods_attr(cell, "office", "boolean-value") == "true" else "FAUX"
    parts = []
    for para in cell.iter("{%s}p" % _ODS_NS["text"]):
        parts.append("".join(para.itertext()))
    return "\n".join(parts)


def _ods_table_rows(table, merged):
    """Rows of an ODS table; cells spanning several rows are put in ``merged`` as
    ranges (``"C4:C9"``), like XLSX's merge list."""
    number = 0
    for row in table.iter("{%s}table-row" % _ODS_NS["table"]):
        repeat = int(_ods_attr(row, "table", "number-rows-repeated") or 1)
        cells = []
        for cell in row:
            if cell.tag not in (_ODS_CELL, _ODS_COVERED):
                continue
            cols = min(int(_ods_attr(cell, "table", "number-columns-repeated") or 1), 1024)
            text = _ods_cell_text(cell) if cell.tag == _ODS_CELL else ""
            spanned = int(_ods_attr(cell, "table", "number-rows-spanned") or 1)
            if spanned > 1 and text.strip():
                col_span = int(_ods_attr(cell, "table", "number-columns-spanned") or 1)
                c0 = len(cells)
                merged.append("%s%d:%s%d" % (column_letter(c0), number + 1,
                                             column_letter(c0 + col_span - 1),
                                             number + spanned))
            cells.extend([text] * cols)
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            number += min(repeat, 1048576)  # blank rows are counted, not emitted
            continue
        for _ in range(min(repeat, 1048576)):
            number += 1
            yield number, list(cells)


def read_ods(path, sheet=None, accept=None):
    check_archive(path, "ods")
    name = os.path.basename(path)
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > MAX_XML_BYTES:
                raise SheetError("Classeur « %s » refusé : son contenu décompressé dépasse %d Mo "
                                 "(archive piégée ?)." % (name, MAX_XML_BYTES // 1024 ** 2))
            root = ElementTree.fromstring(archive.read("content.xml"))
    except SheetError:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError, OSError,
            RuntimeError, NotImplementedError, EOFError) as error:
        raise SheetError("Classeur « %s » illisible : fichier endommagé ou qui n'est pas un "
                         "classeur OpenDocument (%s)." % (name, type(error).__name__))
    tables = {(_ods_attr(t, "table", "name") or ""): t
              for t in root.iter("{%s}table" % _ODS_NS["table"])}
    merges = {}

    def rows_of(table_name):
        merges[table_name] = []
        return _ods_table_rows(tables[table_name], merges[table_name])

    chosen, rows, tried = pick_sheet(list(tables), sheet, rows_of, accept, path)
    raw = RawSheet(rows=rows, sheet_name=chosen, tried=tried)
    fill_merged(raw, merges.get(chosen, []))
    return raw
