#!/usr/bin/python3
"""Compare two demo outputs (or any two folders of outputs) by what they hold, not by their
bytes: workbooks cell by cell, GeoPackages table by table (styles as canonical XML), PDFs
by their text, ODS by their content; the moment of the run (dates, times, « version du … »)
and what is random by design (the workbooks' signing key) are left out.

    /usr/bin/python3 tools/compare_outputs.py BEFORE AFTER [--detail]

Used to check that a change meant to move code only leaves every output as it was.
"""
import filecmp
import html
import io
import os
import re
import sqlite3
import subprocess
import sys
import zipfile

STAMP = re.compile(r"\d{2}/\d{2}/\d{4}( à \d{1,2}h\d{2})?|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"
                   r"(:\d{2}(\.\d+)?)?Z?|\d{1,2}h\d{2}")
RANDOM_ROWS = ("('cle'", "('signature'")          # the workbook's key id and HMAC
SKIPPED_COLUMNS = {"update_time", "date_maj", "cree_le", "cle"}


def stamped(text):
    return STAMP.sub("<date>", text)


_TAG = re.compile(r'<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(/?)>')
_ATTRIBUTE = re.compile(r'\s+([\w:.-]+)="([^"]*)"')
_UUID = re.compile(r"[0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12}")


def _inner(value):
    """An attribute value that is itself XML (QGIS writes symbols so), canonical too."""
    if "&lt;" not in value:
        return value
    return html.escape(canonical_xml(html.unescape(value)), quote=True)


def canonical_xml(text):
    """XML whose attributes (also those of the XML held in attribute values) are sorted, and
    whose generated ids are blanked: Qt writes attributes in a per-process order and layers
    get a new id at each run."""
    text = _TAG.sub(lambda m: "<%s%s%s>" % (m.group(1), "".join(
        ' %s="%s"' % (n, _inner(v)) for n, v in sorted(_ATTRIBUTE.findall(m.group(2)))),
        m.group(3)), text)
    return _UUID.sub("<id>", text)


def project_archive(value):
    """A project stored in a GeoPackage (qgis_projects: hex of a .qgz): its .qgs, canonical,
    as a sorted list of lines."""
    data = bytes.fromhex(value) if isinstance(value, str) else value
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".qgs"))
        text = canonical_xml(stamped(archive.read(name).decode("utf-8")))
    return sorted(text.splitlines())   # snapping settings come in the order of the layers' ids


def workbook(path):
    import openpyxl
    book = openpyxl.load_workbook(path)
    out = []
    for sheet in book.worksheets:
        out.append(sheet.title)
        out += [stamped(repr(row)) for row in sheet.iter_rows(values_only=True)]
    return [row for row in out if not row.startswith(RANDOM_ROWS)]


_PATH = re.compile(r"(?<![\w.])/(?:[\w.-]+/)+([\w.-]+)")


def _value(table, column, value):
    """A cell as compared: stored projects and styles canonical, absolute paths (the run's
    folder) reduced to the file's name, dates blanked."""
    if table == "qgis_projects" and column == "content":
        return project_archive(value)
    if not isinstance(value, str):
        return value
    value = _PATH.sub(r"\1", value)
    if "<qgis" in value or "<StyledLayerDescriptor" in value:
        return canonical_xml(value)
    return stamped(value)


def geopackage(path):
    connection = sqlite3.connect(path)
    out = []
    tables = [r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        if table.startswith(("rtree_", "gpkg_", "sqlite_")) or table == "osp_cle_classeurs":
            continue
        columns = [r[1] for r in connection.execute('PRAGMA table_info("%s")' % table)
                   if r[1] not in SKIPPED_COLUMNS]
        rows = connection.execute('SELECT %s FROM "%s" ORDER BY 1' % (
            ", ".join('"%s"' % c for c in columns), table)).fetchall()
        rows = [tuple(_value(table, column, v) for column, v in zip(columns, row))
                for row in rows]
        out.append((table, columns, rows))
    connection.close()
    return out


def pdf(path):
    return stamped(subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                                  text=True).stdout)


def ods(path):
    with zipfile.ZipFile(path) as archive:
        return stamped(archive.read("content.xml").decode("utf-8"))


def text(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return stamped(handle.read())


READERS = {"xlsx": workbook, "gpkg": geopackage, "pdf": pdf, "ods": ods, "html": text,
           "csv": text, "txt": text, "json": text, "qgs": text, "xml": text}


def files(root):
    out = set()
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out |= {os.path.relpath(os.path.join(folder, n), root) for n in names}
    return out


def differences(before, after):
    """``[(relative path, reason)]`` of what differs in content."""
    out = []
    old, new = files(before), files(after)
    out += [(path, "absent après") for path in sorted(old - new)]
    out += [(path, "nouveau") for path in sorted(new - old)]
    for path in sorted(old & new):
        a, b = os.path.join(before, path), os.path.join(after, path)
        if filecmp.cmp(a, b, shallow=False):
            continue
        reader = READERS.get(path.rsplit(".", 1)[-1].lower())
        if reader is None:
            out.append((path, "octets différents"))
        elif reader(a) != reader(b):
            out.append((path, "contenu différent"))
    return out


def main(argv):
    found = differences(argv[0], argv[1])
    for path, reason in found:
        print("%s : %s" % (path, reason))
    changed = [f for f in found if f[1] != "nouveau"]
    print("%d différence(s) de contenu, %d fichier(s) nouveau(x)."
          % (len(changed), len(found) - len(changed)))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
