"""Rows streamed into a sheet of a saved XLSX (issue #12): openpyxl builds the workbook with
its styles, merges, formulas and the first rows (enough to size the columns), then the
remaining rows of the long sheets (« Logements », « Qualité (logements) ») are written
straight into the sheet's XML while the archive is copied, never held as cell objects.
Cells are values (inline strings, numbers) with the style of the last row openpyxl wrote
(borders, alignment).  Pure Python."""
import os
import re
import shutil
import tempfile
import zipfile
from string import ascii_uppercase as letters
from xml.sax.saxutils import escape

from .textsafe import xlsx_text

# characters XML 1.0 cannot carry (openpyxl refuses them too)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DIMENSION = re.compile(r'<dimension ref="[A-Z]+[0-9]+(:([A-Z]+)[0-9]+)?"\s*/>')
CHUNK_ROWS = 2000


def column_letters(count):
    out = []
    for n in range(1, count + 1):
        name = ""
        while n:
            n, rest = divmod(n - 1, 26)
            name = letters[rest] + name
        out.append(name)
    return out


def cell_rest(value, style=""):
    """What follows ``<c r="A1`` in the cell of ``value`` (``None``: no cell at all);
    ``style`` is `` s="N"`` (a style of the workbook's own table) or ''."""
    if value is None or value == "":
        return '"%s/>' % style if style else None
    if isinstance(value, bool):
        value = "oui" if value else "non"
    if isinstance(value, (int, float)):
        return '"%s><v>%r</v></c>' % (style, value)
    text = _ILLEGAL.sub("", xlsx_text(str(value)))
    return '"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (
        style, escape(text))


class RowWriter:
    """The XML of streamed rows: the XML of a value is made once per column (landlord,
    commune, EPCI, year… repeat), only the cell reference changes from row to row."""
    MEMO = 20000   # distinct values remembered per column (identifiers do not repeat)

    def __init__(self, letters, styles=()):
        self.columns = [(letter, styles[i] if i < len(styles) else "", {})
                        for i, letter in enumerate(letters)]

    def __call__(self, number, values):
        if len(values) > len(self.columns):
            raise ValueError("row %d: %d values for %d columns" % (number, len(values),
                                                                    len(self.columns)))
        cells = []
        for (letter, style, memo), value in zip(self.columns, values):
            key = (value.__class__, value)   # 1, 1.0 and True are equal keys otherwise
            try:
                rest = memo[key]
            except KeyError:
                rest = cell_rest(value, style)
                if len(memo) < self.MEMO:
                    memo[key] = rest
            except TypeError:   # an unhashable value
                rest = cell_rest(value, style)
            if rest is not None:
                cells.append('<c r="%s%d%s' % (letter, number, rest))
        return '<row r="%d">%s</row>' % (number, "".join(cells))


_ROW = '<row r="%d"[^>]*>(.*?)</row>'
_STYLED_CELL = re.compile(r'<c r="([A-Z]+)[0-9]+"[^>]*?\ss="([0-9]+)"')


def row_styles(xml, number, letters):
    """`` s="N"`` of each column in row ``number`` of a sheet's XML (the last row openpyxl
    wrote): streamed rows look like it (borders, alignment)."""
    found = re.search(_ROW % number, xml, re.S)
    if not found:
        return ()
    by_column = dict(_STYLED_CELL.findall(found.group(1)))
    return tuple(' s="%s"' % by_column[c] if c in by_column else "" for c in letters)


def append_rows(path, sheet_number, first_row, rows, width, count):
    """Append the ``count`` ``rows`` (lists of ``width`` values) to sheet ``sheet_number``
    (1-based) of the XLSX ``path``, from row ``first_row`` on (see :func:`append_tables`).
    Returns the last row written."""
    return append_tables(path, {sheet_number: (first_row, rows, width, count)})[sheet_number]


def append_tables(path, tables):
    """``tables`` = ``{sheet number: (first row, rows, width, count)}``: every sheet's
    rows appended in one copy of the archive; the file is replaced only once complete.
    Returns ``{sheet number: last row written}``."""
    names = {"xl/worksheets/sheet%d.xml" % n: n for n in tables}
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=folder)
    os.close(handle)
    last_rows = {}
    try:
        with zipfile.ZipFile(path) as source, \
                zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename not in names:
                    with source.open(info) as reader, target.open(info, "w") as writer:
                        shutil.copyfileobj(reader, writer)
                    continue
                number = names[info.filename]
                first_row, rows, width, count = tables[number]
                last_rows[number] = _append(source.read(info).decode("utf-8"), target,
                                            info, first_row, rows, width, count)
        missing = set(tables) - set(last_rows)
        if missing:
            raise ValueError("sheets %s not in %s" % (sorted(missing), path))
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return last_rows


def _append(xml, target, info, first_row, rows, width, count):
    letters = column_letters(width)
    if "<sheetData/>" in xml:
        xml = xml.replace("<sheetData/>", "<sheetData></sheetData>")
    head, _, tail = xml.partition("</sheetData>")
    styles = row_styles(head, first_row - 1, letters)
    head = _DIMENSION.sub('<dimension ref="A1:%s%d"/>' % (
        letters[-1], max(first_row - 1, first_row + count - 1)), head, count=1)
    last = first_row - 1
    entry = zipfile.ZipInfo(info.filename, info.date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED    # a fresh ZipInfo would be stored raw
    with target.open(entry, "w", force_zip64=True) as writer:
        chunks, n = [], first_row
        writer.write(head.encode("utf-8"))
        row_of = RowWriter(letters, styles)
        for values in rows:
            chunks.append(row_of(n, values))
            last, n = n, n + 1
            if len(chunks) == CHUNK_ROWS:
                writer.write("".join(chunks).encode("utf-8"))
                chunks = []
        writer.write("".join(chunks).encode("utf-8"))
        writer.write(("</sheetData>" + tail).encode("utf-8"))
    if last != first_row + count - 1:
        raise ValueError("%d rows announced, %d written" % (count, last - first_row + 1))
    return last
