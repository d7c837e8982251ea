"""Reading a landlord sheet as rows of text, with the row numbers users see.

CSV (``;``, ``,``, tab or ``|``; UTF-8, UTF-16 or Windows-1252), XLSX (openpyxl) and
ODS (read straight from its XML) give a :class:`RawSheet`: a list of
``(ligne, cells)`` where ``ligne`` is the spreadsheet row number (1-based, header
rows counted) or the physical line of a CSV file, and every cell is ``str``.

Landlords' files are hostile until proven: merged cells are filled from their
top-left value (and said so, row by row, in :attr:`RawSheet.notes`), formulas
saved without their computed value are flagged, damaged or password-protected
workbooks, archives and bombs get a French :class:`SheetError`, never a traceback.
No Qt, no QGIS.
"""
import csv
import datetime
import itertools
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from .shared_texts import SHARING_PAYS_FROM, RepeatedTexts

CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
ODS_EXTENSIONS = (".ods",)
# read by QGIS/GDAL (processing_algs.qgis_io.read_table_layer); anything else is refused
TABLE_EXTENSIONS = (".xls", ".dbf", ".gpkg", ".sqlite", ".shp", ".geojson", ".json", ".fgb")
ARCHIVE_EXTENSIONS = (".zip", ".7z", ".rar", ".gz", ".bz2", ".xz", ".tar", ".tgz")
CSV_DELIMITERS = (";", ",", "\t", "|")
CSV_FIELD_LIMIT = 2 ** 31 - 1       # a landlord's comment may be huge: never a csv.Error
MAX_XML_BYTES = 1024 ** 3           # an ODS content.xml above 1 GiB is a zip bomb, not a sheet
PREVIEW_ROWS = 200                  # rows a sheet is judged on when trying several sheets

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

MOTIF_FUSION = "cellule_fusionnee"
MOTIF_FORMULE = "formule_sans_valeur"


class SheetError(Exception):
    """A sheet that cannot be read; the message is French, for the user."""


@dataclass
class RawSheet:
    rows: list = field(default_factory=list)  # [(ligne, [str, ...]), ...]
    sheet_name: str = ""
    encoding: str = ""
    delimiter: str = ""
    notes: dict = field(default_factory=dict)  # ligne -> [(motif, French detail)]
    warnings: list = field(default_factory=list)  # French sentences for the log
    tried: list = field(default_factory=list)  # sheets looked at before this one
    texts_shared: bool = False  # repeated texts shared while reading (shared_texts)

    @property
    def width(self):
        return max((len(cells) for _, cells in self.rows), default=0)

    def take_rows(self):
        """The rows, handed over: the sheet keeps none (a long plan frees each row as soon
        as it is done with it)."""
        rows, self.rows = self.rows, []
        return rows

    def note(self, ligne, motif, detail):
        self.notes.setdefault(ligne, []).append((motif, detail))


def is_blank(cells):
    return all(not str(c).strip() for c in cells)


_TOTAL_WORDS = re.compile(r"^\s*(?:(?:sous[\s_-]*|s\s*/\s*)?tota(?:l|ux)|ensemble)\b",
                          re.IGNORECASE | re.ASCII)


# first letters of the words a total line starts with (« Total », « Sous-total », « Ensemble »)
TOTAL_INITIALS = frozenset("sStTeE")


def total_label(cells):
    """The label of a total or subtotal line (« TOTAL CAPH », « Sous-total 2019 »,
    « Total général »), ``None`` for any other row: its first non-blank cell says so."""
    first = next((str(c).strip() for c in cells if str(c).strip()), "")
    if not first or unicodedata.normalize("NFKD", first[0])[0] not in TOTAL_INITIALS:
        return None   # the usual row (an id, a number): no need to fold the whole text
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", first)
                     if not unicodedata.combining(ch))
    return first if _TOTAL_WORDS.match(folded) else None


def cell_text(value):
    """Text of a spreadsheet cell value, ids kept exact (no ``.0``, no exponent)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e17:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def column_letter(index):
    """0 -> ``A``, 26 -> ``AA`` (the column names users see)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# -- CSV ------------------------------------------------------------------------------------
def decode_text(data):
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 (Excel's « Texte Unicode »,
    with its BOM, or recognised by its zero bytes), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4000]
    if len(head) >= 4 and head.count(b"\x00") >= len(head) // 4:
        # UTF-16 without BOM: every other byte of Latin text is zero
        odd_zeros = head[1::2].count(b"\x00")
        even_zeros = head[0::2].count(b"\x00")
        encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text):
    """The lines of ``text`` with their ends, as a file opened with ``newline=""`` gives
    them (``\n``, ``\r\n`` and ``\r`` end a line) — without the four bytes per
    character a ``StringIO`` of the whole text would hold.  ``str.splitlines`` (twice as
    fast) when it cut the text at those ends only: it also cuts at ``\v``, ``\f``,
    ``\x1c``-``\x1e``, ``\x85``, ``\u2028`` and ``\u2029``."""
    lines = text.splitlines(True)
    if all(map(str.endswith, lines[:-1], itertools.repeat(("\n", "\r")))):
        return lines
    return _LINES.findall(text)


def head_lines(text, count):
    """The first ``count`` lines of ``text`` (``str.splitlines``), without splitting the
    whole text."""
    size = 1 << 20
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


def ranked_delimiters(text):
    """Delimiters, best first: the one splitting the first lines into many columns most
    consistently; delimiters that never split come last."""
    lines = [l[:100000] for l in head_lines(text, PREVIEW_ROWS) if l.strip()]
    scored = []
    for delim in CSV_DELIMITERS:
        try:
            counts = [len(next(csv.reader([l], delimiter=delim))) - 1 for l in lines]
        except csv.Error:
            counts = []
        if not counts or max(counts) == 0:
            scored.append((-1, delim))
            continue
        # prefer the delimiter giving many columns on most lines
        scored.append((sorted(counts)[len(counts) // 2] * 10 + max(counts), delim))
    return [delim for _, delim in sorted(scored, key=lambda item: -item[0])]


def sniff_delimiter(text):
    """The delimiter that splits the first lines most consistently."""
    return ranked_delimiters(text)[0]


def _parse_csv(lines, delimiter, limit=None, share=False, unquoted=False):
    """``[(first physical line, cells)]`` of ``lines`` (:func:`split_lines`); a
    ``csv.Error`` carries the line reached.  ``share``: the repeated texts shared chunk
    after chunk while reading (:class:`shared_texts.RepeatedTexts`); ``unquoted``: the
    text has no double quote and no NUL (:func:`unquoted_records`).

    When every record holds on one line (no line break inside quotes: as many records
    as lines), record ``n`` is line ``n``, counted without following the reader line by
    line."""
    if unquoted and limit is None:
        return list(zip(range(1, len(lines) + 1),
                        all_records(unquoted_records(lines, delimiter), share, True)))
    reader = csv.reader(iter(lines), delimiter=delimiter)
    if limit is None:
        try:
            rows = all_records(reader, share)
        except csv.Error as error:
            error.line = reader.line_num + 1
            raise
        if len(rows) == len(lines):
            return list(zip(range(1, len(rows) + 1), rows))
        reader = csv.reader(iter(lines), delimiter=delimiter)
    rows, last_line = [], 0
    try:
        for cells in reader:
            first_line = last_line + 1
            last_line = reader.line_num
            rows.append((first_line, cells))
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as error:
        error.line = last_line + 1
        raise
    return rows


def is_unquoted(text):
    """Whether ``text`` has neither double quote nor NUL: the CSV reader then only cuts
    each line at the delimiter (:func:`unquoted_records`)."""
    return '"' not in text and "\0" not in text


def unquoted_records(lines, delimiter):
    """The records ``csv.reader`` gives for lines without double quote nor NUL: each line
    without its end, cut at ``delimiter`` (done by ``str`` in C, a third faster than the
    reader) — an empty line as ``[""]``, which :func:`all_records` (``blank_as=True``)
    turns into the reader's empty record."""
    return map(str.split, map(str.rstrip, lines, itertools.repeat("\r\n")),
               itertools.repeat(delimiter))


def all_records(reader, share, blank_as=False):
    """Every record of ``reader``; with ``share``, read and shared a chunk at a time.
    ``blank_as``: records ``[""]`` (an empty line, :func:`unquoted_records`) become ``[]``
    as the CSV reader gives them."""
    if not share:
        rows = list(reader)
    else:
        texts, rows = RepeatedTexts(), []
        while True:
            chunk = list(itertools.islice(reader, 20000))
            if not chunk:
                break
            texts.share(chunk)
            rows.extend(chunk)
    if blank_as and [""] in rows:
        rows = [[] if row == [""] else row for row in rows]
    return rows


def read_csv(path, accept=None):
    """A CSV file; ``accept`` (a predicate on the first rows, « a header is found »)
    chooses between delimiters when notes above the header mislead the sniffing."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith((ZIP_MAGIC, OLE2_MAGIC)):
        raise SheetError("« %s » n'est pas un fichier texte (CSV) mais un classeur ou une "
                         "archive : l'enregistrer sous son extension (.xlsx, .xls, .ods) ou en CSV."
                         % os.path.basename(path))
    text, encoding = decode_text(data)
    del data
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    ranked = ranked_delimiters(text)
    delimiter = ranked[0]
    unquoted = is_unquoted(text)
    lines = split_lines(text)
    del text    # the lines hold it now
    try:
        if accept is not None:
            for candidate in ranked:
                try:
                    if accept(_parse_csv(lines, candidate, PREVIEW_ROWS)):
                        delimiter = candidate
                        break
                except csv.Error:
                    continue
        share = len(lines) >= SHARING_PAYS_FROM
        rows = _parse_csv(lines, delimiter, share=share, unquoted=unquoted)
    except csv.Error as error:
        raise SheetError("Fichier « %s » illisible vers la ligne %d (guillemets ou caractères "
                         "invalides : %s)." % (os.path.basename(path), getattr(error, "line", 0),
                                               error))
    return RawSheet(rows=rows, sheet_name=os.path.basename(path), encoding=encoding,
                    delimiter=delimiter, texts_shared=share)


# -- choosing a sheet -------------------------------------------------------------------------
def _pick_sheet(names, wanted, rows_of, accept, path):
    """The sheet to read: ``wanted``; else the first with data that ``accept`` (a
    predicate on its first rows) takes; else the first with data, with the names
    tried, so that the caller says which sheets it looked at."""
    if wanted:
        if wanted not in names:
            raise SheetError("La feuille « %s » n'existe pas dans « %s » (feuilles : %s)."
                             % (wanted, os.path.basename(path), ", ".join(names)))
        return wanted, list(rows_of(wanted)), []
    if not names:
        raise SheetError("Le classeur « %s » ne contient aucune feuille." % os.path.basename(path))
    first, tried = None, []
    for name in names:
        rows = rows_of(name)
        preview = list(itertools.islice(rows, PREVIEW_ROWS))
        if all(is_blank(cells) for _, cells in preview):
            continue
        tried.append(name)
        if accept is None or accept(preview):
            return name, preview + list(rows), tried[:-1]
        if first is None:
            first = (name, preview + list(rows))
    if first is None:
        raise SheetError("Le classeur « %s » ne contient aucune feuille avec des données (feuilles"
                         " : %s)." % (os.path.basename(path), ", ".join(names)))
    return first[0], first[1], tried


def check_archive(path, kind):
    """A workbook is a ZIP; a password-protected one is an OLE2 file; say which in French."""
    with open(path, "rb") as handle:
        head = handle.read(8)
    name = os.path.basename(path)
    if head.startswith(OLE2_MAGIC):
        if kind == "xlsx":
            raise SheetError("Le classeur « %s » est protégé par un mot de passe (chiffré) : "
                             "l'ouvrir dans le tableur et l'enregistrer sans mot de passe." % name)
        raise SheetError("« %s » est un classeur Excel 97-2003 enregistré sous une autre "
                         "extension : le renommer en .xls ou l'enregistrer en .xlsx." % name)
    if not head.startswith(ZIP_MAGIC):
        raise SheetError("Le classeur « %s » est endommagé ou n'est pas un classeur %s "
                         "(contenu non reconnu)." % (name, "Excel" if kind == "xlsx"
                                                     else "OpenDocument"))


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
        chosen, rows, tried = _pick_sheet(book.sheetnames, sheet,
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

    chosen, rows, tried = _pick_sheet(list(tables), sheet, rows_of, accept, path)
    raw = RawSheet(rows=rows, sheet_name=chosen, tried=tried)
    fill_merged(raw, merges.get(chosen, []))
    return raw


# -- dispatch -------------------------------------------------------------------------------
def sheet_kind(path):
    ext = os.path.splitext(path)[1].lower()
    if ext in CSV_EXTENSIONS:
        return "csv"
    if ext in XLSX_EXTENSIONS:
        return "xlsx"
    if ext in ODS_EXTENSIONS:
        return "ods"
    if ext in TABLE_EXTENSIONS:
        return "table"
    if ext in ARCHIVE_EXTENSIONS:
        return "archive"
    return None


def read_sheet(path, sheet=None, accept=None):
    """Read a CSV, XLSX or ODS landlord sheet; ``None`` for the other table formats
    QGIS reads (XLS, DBF, GeoPackage…); a French :class:`SheetError` otherwise.

    Without ``sheet``, the first sheet with data whose first rows ``accept`` takes
    (a header is found) is read; :attr:`RawSheet.tried` names the sheets skipped."""
    if not os.path.isfile(path):
        raise SheetError("Le fichier « %s » est introuvable." % path)
    kind = sheet_kind(path)
    name = os.path.basename(path)
    if kind == "archive":
        raise SheetError("« %s » est une archive : la décompresser et choisir la table du "
                         "bailleur qu'elle contient (.xlsx, .ods, .csv)." % name)
    if kind is None:
        raise SheetError("Format de « %s » non reconnu : attendu une table .xlsx, .xls, .ods, "
                         ".csv (ou .txt, .dbf, .gpkg)." % name)
    try:
        if kind == "csv":
            return read_csv(path, accept)
        if kind == "xlsx":
            return read_xlsx(path, sheet, accept)
        if kind == "ods":
            return read_ods(path, sheet, accept)
    except MemoryError:
        raise SheetError("« %s » est trop volumineux pour être lu en mémoire." % name)
    except OSError as error:
        raise SheetError("Lecture de « %s » impossible : %s." % (name, error.strerror or error))
    return None
