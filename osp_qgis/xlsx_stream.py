"""Rows streamed into a sheet of a saved XLSX (issue #12): openpyxl builds the workbook with
its styles, merges, formulas and the first rows (enough to size the columns), then the
remaining rows of the long « Logements » sheet are written straight into the sheet's XML
while the archive is copied, never held as cell objects.  Cells are plain values (inline
strings, numbers), as the openpyxl-written rows of that sheet are.  Pure Python."""
import os
import re
import shutil
import tempfile
import zipfile
from xml.sax.saxutils import escape

from .textsafe import xlsx_text

# characters XML 1.0 cannot carry (openpyxl refuses them too)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DIMENSION = re.compile(r'<dimension ref="[A-Z]+[0-9]+(:([A-Z]+)[0-9]+)?"\s*/>')
CHUNK_ROWS = 2000


def column_letters(count):
    from string import ascii_uppercase as letters
    out = []
    for n in range(1, count + 1):
        name = ""
        while n:
            n, rest = divmod(n - 1, 26)
            name = letters[rest] + name
        out.append(name)
    return out


def _cell(ref, value):
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        value = "oui" if value else "non"
    if isinstance(value, (int, float)):
        return '<c r="%s"><v>%r</v></c>' % (ref, value)
    text = _ILLEGAL.sub("", xlsx_text(str(value)))
    return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (
        ref, escape(text))


def row_xml(number, values, letters):
    return '<row r="%d">%s</row>' % (number, "".join(
        _cell("%s%d" % (letters[i], number), v) for i, v in enumerate(values)))


def append_rows(path, sheet_number, first_row, rows, width, count):
    """Append the ``count`` ``rows`` (lists of ``width`` values) to sheet ``sheet_number``
    (1-based) of the XLSX ``path``, from row ``first_row`` on; the file is replaced only
    once complete.  Returns the last row written."""
    name = "xl/worksheets/sheet%d.xml" % sheet_number
    letters = column_letters(width)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=folder)
    os.close(handle)
    last = first_row - 1
    try:
        with zipfile.ZipFile(path) as source, \
                zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename != name:
                    with source.open(info) as reader, target.open(info, "w") as writer:
                        shutil.copyfileobj(reader, writer)
                    continue
                xml = source.read(info).decode("utf-8")
                if "<sheetData/>" in xml:
                    xml = xml.replace("<sheetData/>", "<sheetData></sheetData>")
                head, _, tail = xml.partition("</sheetData>")
                head = _DIMENSION.sub('<dimension ref="A1:%s%d"/>' % (
                    letters[-1], max(first_row - 1, first_row + count - 1)), head, count=1)
                with target.open(zipfile.ZipInfo(info.filename, info.date_time), "w",
                                 force_zip64=True) as writer:
                    chunks, n = [], first_row
                    writer.write(head.encode("utf-8"))
                    for values in rows:
                        chunks.append(row_xml(n, values, letters))
                        last, n = n, n + 1
                        if len(chunks) == CHUNK_ROWS:
                            writer.write("".join(chunks).encode("utf-8"))
                            chunks = []
                    writer.write("".join(chunks).encode("utf-8"))
                    writer.write(("</sheetData>" + tail).encode("utf-8"))
        if last != first_row + count - 1:
            raise ValueError("%d rows announced, %d written" % (count, last - first_row + 1))
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return last
