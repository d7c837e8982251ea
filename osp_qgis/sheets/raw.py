"""Reading a landlord sheet as rows of text, with the row numbers users see.

CSV (``;``, ``,``, tab or ``|``; UTF-8, UTF-16 or Windows-1252), XLSX (openpyxl) and
ODS (read straight from its XML) give a :class:`RawSheet`: a list of
``(ligne, cells)`` where ``ligne`` is the spreadsheet row number (1-based, header
rows counted) or the physical line of a CSV file, and every cell is ``str``.

Landlords' files are hostile until proven: merged cells are filled from their
top-left value (and said so, row by row, in :attr:`RawSheet.notes`), formulas
saved without their computed value are flagged, damaged or password-protected
workbooks, archives and bombs get a French :class:`SheetError`, never a traceback.
The readers live beside this module: :mod:`sheets_csv` (CSV) and :mod:`sheets_office`
(XLSX, ODS); :func:`read_sheet` chooses.  No Qt, no QGIS.
"""
import datetime
import itertools
import os
import re
import unicodedata
from dataclasses import dataclass, field

CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
ODS_EXTENSIONS = (".ods",)
# read by QGIS/GDAL (processing_algs.common.qgis_io.read_table_layer); anything else is refused
TABLE_EXTENSIONS = (".xls", ".dbf", ".gpkg", ".sqlite", ".shp", ".geojson", ".json", ".fgb")
ARCHIVE_EXTENSIONS = (".zip", ".7z", ".rar", ".gz", ".bz2", ".xz", ".tar", ".tgz")
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

# -- choosing a sheet -------------------------------------------------------------------------
def pick_sheet(names, wanted, rows_of, accept, path):
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
