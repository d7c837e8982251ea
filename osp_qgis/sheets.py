"""Reading a landlord sheet as rows of text, with the row numbers users see.

CSV (``;``, ``,`` or tab, UTF-8 or Windows-1252), XLSX (openpyxl) and ODS (read
straight from its XML) give a :class:`RawSheet`: a list of ``(ligne, cells)``
where ``ligne`` is the spreadsheet row number (1-based, header rows counted)
or the physical line of a CSV file, and every cell is ``str``.
No Qt, no QGIS.
"""
import csv
import datetime
import io
import os
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
ODS_EXTENSIONS = (".ods",)
CSV_DELIMITERS = (";", ",", "\t", "|")


class SheetError(Exception):
    """A sheet that cannot be read; the message is French, for the user."""


@dataclass
class RawSheet:
    rows: list = field(default_factory=list)  # [(ligne, [str, ...]), ...]
    sheet_name: str = ""
    encoding: str = ""
    delimiter: str = ""

    @property
    def width(self):
        return max((len(cells) for _, cells in self.rows), default=0)


def is_blank(cells):
    return all(not str(c).strip() for c in cells)


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


def decode_text(data):
    """Decode CSV bytes: UTF-8 (with or without BOM), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text):
    """The delimiter that splits the first lines most consistently."""
    lines = [l for l in text.splitlines()[:30] if l.strip()]
    best, best_score = ";", -1
    for delim in CSV_DELIMITERS:
        counts = [len(next(csv.reader([l], delimiter=delim))) - 1 for l in lines]
        if not counts or max(counts) == 0:
            continue
        # prefer the delimiter giving many columns on most lines
        score = sorted(counts)[len(counts) // 2] * 10 + max(counts)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv(path):
    with open(path, "rb") as handle:
        data = handle.read()
    text, encoding = decode_text(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    last_line = 0
    for cells in reader:
        first_line = last_line + 1
        last_line = reader.line_num
        rows.append((first_line, [c for c in cells]))
    return RawSheet(rows=rows, sheet_name=os.path.basename(path), encoding=encoding,
                    delimiter=delimiter)


def _first_sheet_with_data(names, has_data):
    for name in names:
        if has_data(name):
            return name
    return names[0] if names else None


def read_xlsx(path, sheet=None):
    import openpyxl  # Debian python3-openpyxl
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # zip/xml errors of every kind
        raise SheetError("Classeur « %s » illisible : %s" % (os.path.basename(path), error))
    try:
        def sheet_rows(name):
            ws = book[name]
            ws.reset_dimensions()  # some exporters write a wrong <dimension>
            for number, values in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
                yield number, [cell_text(v) for v in values]

        def has_data(name):
            return any(not is_blank(cells) for _, cells in sheet_rows(name))

        name = _choose_sheet(book.sheetnames, sheet, has_data, path)
        rows = list(sheet_rows(name))
    finally:
        book.close()
    return RawSheet(rows=rows, sheet_name=name)


def _choose_sheet(names, wanted, has_data, path):
    if wanted:
        if wanted not in names:
            raise SheetError("La feuille « %s » n'existe pas dans « %s » (feuilles : %s)."
                             % (wanted, os.path.basename(path), ", ".join(names)))
        return wanted
    name = _first_sheet_with_data(names, has_data)
    if name is None:
        raise SheetError("Le classeur « %s » ne contient aucune feuille." % os.path.basename(path))
    return name


_ODS_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _ods_attr(element, ns, name):
    return element.get("{%s}%s" % (_ODS_NS[ns], name))


def _ods_cell_text(cell):
    kind = _ods_attr(cell, "office", "value-type")
    if kind in ("float", "percentage", "currency"):
        value = _ods_attr(cell, "office", "value")
        try:
            return cell_text(float(value)) if "." in value or "e" in value.lower() else value
        except (TypeError, ValueError):
            pass
    if kind == "date":
        return (_ods_attr(cell, "office", "date-value") or "").replace("T00:00:00", "")
    if kind == "boolean":
        return "VRAI" if _ods_attr(cell, "office", "boolean-value") == "true" else "FAUX"
    parts = []
    for para in cell.iter("{%s}p" % _ODS_NS["text"]):
        parts.append("".join(para.itertext()))
    return "\n".join(parts)


def _ods_table_rows(table):
    number = 0
    for row in table.iter("{%s}table-row" % _ODS_NS["table"]):
        repeat = int(_ods_attr(row, "table", "number-rows-repeated") or 1)
        cells = []
        for cell in row:
            if cell.tag not in ("{%s}table-cell" % _ODS_NS["table"],
                                "{%s}covered-table-cell" % _ODS_NS["table"]):
                continue
            cols = int(_ods_attr(cell, "table", "number-columns-repeated") or 1)
            text = _ods_cell_text(cell)
            cells.extend([text] * min(cols, 1024))
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            number += repeat  # blank rows are counted, not emitted
            continue
        for _ in range(repeat):
            number += 1
            yield number, list(cells)


def read_ods(path, sheet=None):
    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise SheetError("Classeur « %s » illisible : %s" % (os.path.basename(path), error))
    tables = {(_ods_attr(t, "table", "name") or ""): t
              for t in root.iter("{%s}table" % _ODS_NS["table"])}
    names = list(tables)

    def has_data(name):
        return any(not is_blank(cells) for _, cells in _ods_table_rows(tables[name]))

    name = _choose_sheet(names, sheet, has_data, path)
    return RawSheet(rows=list(_ods_table_rows(tables[name])), sheet_name=name)


def sheet_kind(path):
    ext = os.path.splitext(path)[1].lower()
    if ext in CSV_EXTENSIONS:
        return "csv"
    if ext in XLSX_EXTENSIONS:
        return "xlsx"
    if ext in ODS_EXTENSIONS:
        return "ods"
    return None


def read_sheet(path, sheet=None):
    """Read a CSV, XLSX or ODS landlord sheet; other formats -> ``None``."""
    if not os.path.isfile(path):
        raise SheetError("Le fichier « %s » est introuvable." % path)
    kind = sheet_kind(path)
    if kind == "csv":
        return read_csv(path)
    if kind == "xlsx":
        return read_xlsx(path, sheet)
    if kind == "ods":
        return read_ods(path, sheet)
    return None
