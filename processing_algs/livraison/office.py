"""The delivery's tables for spreadsheets: XLSX written with openpyxl for its header and
first rows (French date and number formats, text always text, no protection) and streamed
for the rest (:mod:`osp_qgis.storage.xlsx_stream`), split into several sheets past the
format's row limit; XLS (Excel 97) converted from it by LibreOffice when it is installed —
a clear French error otherwise."""
import contextlib
import datetime
import io
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile

from osgeo import ogr

from ...osp_qgis.livraison import rules
from ...osp_qgis.storage import xlsx_layout, xlsx_stream
from ...osp_qgis.storage.sqlplan import quoted
from . import writers
from .writers import DeliveryError

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm:ss"
PLAIN_INTEGER = "0"          # 2021, 59350, not « 2 021 »
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
# GDAL's ODS writer turns a text starting with « of:= » into a live formula
_ODS_FORMULA = re.compile(r'<table:table-cell table:formula="([^"]*)"\s*/>')
_ODS_TEXT = r'<table:table-cell office:value-type="string"><text:p>\1</text:p></table:table-cell>'


def _sheet_titles(table, parts):
    if parts == 1:
        return [table[:31]]
    return ["%s (%d)" % (table[:24], n) for n in range(1, parts + 1)]


def _columns(fields):
    """``[(name, kind, number format)]`` of the staged table's fields."""
    out = []
    for name, kind, _ in fields:
        if kind == ogr.OFTDate:
            style = DATE_FORMAT
        elif kind == ogr.OFTDateTime:
            style = DATETIME_FORMAT
        elif kind in (ogr.OFTInteger, ogr.OFTInteger64):
            style = PLAIN_INTEGER if rules.plain_integer(name) else xlsx_layout.NUMBER_FORMAT
        else:
            style = None
        out.append((name, kind, style))
    return out


def _moment(text, kind):
    """A GeoPackage date (« 2021-02-02 ») or date-time (« 2026-12-02T01:01:01.000Z »)."""
    if kind == ogr.OFTDate:
        return datetime.date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    return datetime.datetime.strptime(text[:19].replace(" ", "T"), "%Y-%m-%dT%H:%M:%S")


class _Rows:
    """The table's rows as lists of Python values (dates as dates, long texts cut with an
    anomaly line), read from the staging GeoPackage by slices with SQLite."""

    def __init__(self, stage, table, columns, limit, label, anomalies):
        self.stage, self.table, self.columns = stage, table, columns
        self.limit, self.label, self.anomalies = limit, label, anomalies
        self.key = writers.label_field([name for name, _, _ in columns])

    def read(self, offset, count, serial_dates=False):
        select = "SELECT %s, %s, %s FROM %s ORDER BY %s LIMIT ? OFFSET ?" % (
            quoted(writers.STAGE_FID), quoted(self.key) if self.key else "NULL",
            ", ".join(quoted(name) for name, _, _ in self.columns) or "NULL",
            quoted(self.table), quoted(writers.STAGE_FID))
        kinds = [kind for _, kind, _ in self.columns]
        with contextlib.closing(sqlite3.connect(self.stage)) as db:
            for row in db.execute(select, (int(count), int(offset))):
                fid, key, values = row[0], row[1], list(row[2:2 + len(kinds)])
                for i, (value, kind) in enumerate(zip(values, kinds)):
                    if value is None:
                        continue
                    if kind in (ogr.OFTDate, ogr.OFTDateTime):
                        value = _moment(value, kind)
                        if serial_dates:     # streamed cells: a serial number under the format
                            moment = value if kind == ogr.OFTDateTime else \
                                datetime.datetime(value.year, value.month, value.day)
                            value = (moment - EXCEL_EPOCH).total_seconds() / 86400.0
                    elif isinstance(value, str) and len(value) > self.limit:
                        self.anomalies.append((
                            self.table, writers.identifier(self.key, key, fid),
                            self.columns[i][0], "texte de %d caractères coupé à %d (%s)" % (
                                len(value), self.limit, self.label)))
                        value = value[:self.limit]
                    values[i] = value
                yield values


def write_xlsx(stage, table, target, anomalies, code="xlsx"):
    """The table's attributes (geometry left out), its header the field names, one sheet per
    ``rules.max_rows(code)`` rows.  Returns the rows written."""
    import openpyxl
    spec = rules.formats()[code]
    fields, _ = writers.fields_of(stage, table)
    columns = _columns(fields)
    with contextlib.closing(sqlite3.connect(stage)) as db:
        total = db.execute("SELECT count(*) FROM %s" % quoted(table)).fetchone()[0]
    problem = rules.columns_problem(table, len(columns), code)
    if problem:
        raise DeliveryError(problem)
    per_sheet = rules.max_rows(code) - 1
    parts = max(1, -(-total // per_sheet))
    rows = _Rows(stage, table, columns, int(spec["longueur_texte"]), spec["libelle"], anomalies)
    book = openpyxl.Workbook()
    styles = xlsx_layout.Styles()
    streamed = {}
    for n, title in enumerate(_sheet_titles(table, parts), 1):
        sheet = book.active if n == 1 else book.create_sheet()
        sheet.title = title
        xlsx_layout.header_row(sheet, 1, [name for name, _, _ in columns], styles)
        offset = (n - 1) * per_sheet
        size = min(per_sheet, total - offset)
        head = min(size, xlsx_layout.FIT_ROWS)
        for r, values in enumerate(rows.read(offset, head), 2):
            for c, ((_, _, style), value) in enumerate(zip(columns, values), 1):
                cell = xlsx_layout.put(sheet, r, c, value) if value is not None \
                    else sheet.cell(row=r, column=c)
                if style:
                    cell.number_format = style
        sheet.freeze_panes = "A2"
        xlsx_layout.fit_columns(sheet)
        if size > head:
            streamed[n] = (head + 2, rows.read(offset + head, size - head, serial_dates=True),
                           len(columns), size - head)
    book.save(target)
    if streamed:
        xlsx_stream.append_tables(target, streamed)
    return total


def write_xls(xlsx, target):
    """Excel 97 from the XLSX, by LibreOffice (headless)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DeliveryError("Le format XLS (Excel 97) demande LibreOffice, absent de ce poste "
                            ": choisir XLSX ou ODS, ou installer LibreOffice.")
    with tempfile.TemporaryDirectory(prefix="osp-xls-") as work:
        try:
            done = subprocess.run([soffice, "--headless", "--norestore", "--convert-to",
                                   "xls:MS Excel 97", "--outdir", work, xlsx],
                                  capture_output=True, text=True, timeout=3600,
                                  env=dict(os.environ, HOME=work))
        except subprocess.TimeoutExpired:
            raise DeliveryError("LibreOffice n'a pas converti « %s » en XLS en une heure."
                                % os.path.basename(xlsx))
        produced = os.path.join(work, os.path.splitext(os.path.basename(xlsx))[0] + ".xls")
        if not os.path.exists(produced):
            raise DeliveryError("LibreOffice n'a pas converti « %s » en XLS : %s" % (
                os.path.basename(xlsx), (done.stderr or done.stdout).strip()[:300]))
        shutil.move(produced, target)


def ods_text_only(path):
    """Every formula cell of an ODS the delivery wrote made back into the text it came from
    (the delivery writes no formula: any is a text value that GDAL took for one), content
    streamed line by line (GDAL writes one cell per line).  Returns the cells changed."""
    with zipfile.ZipFile(path) as source, source.open("content.xml") as reader:
        if not any(b"table:formula=" in line for line in reader):
            return 0
    changed = 0
    partial = path + ".osp.tmp"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(partial, "w") as target:
        for info in source.infolist():      # « mimetype » first and stored, as it came
            if info.filename != "content.xml":
                target.writestr(info, source.read(info), compress_type=info.compress_type)
                continue
            info.compress_type = zipfile.ZIP_DEFLATED
            with source.open(info) as reader, target.open(info, "w",
                                                           force_zip64=True) as writer:
                for line in io.TextIOWrapper(reader, encoding="utf-8"):
                    line, n = _ODS_FORMULA.subn(_ODS_TEXT, line)
                    changed += n
                    writer.write(line.encode("utf-8"))
    os.replace(partial, path)
    return changed
