"""Attribute rows written straight into a UTF-8 CSV file (issue #12): the join's tens of
thousands of anomalies cost ~30 µs each through a QGIS sink (one QgsFeature, QVariant
conversions, OGR's CSV writer), ~5 µs here.  The file reads back as the OGR CSV driver
writes it (comma, header of field names, empty cell for NULL, the platform's line end),
with every text quoted — text stays text for any reader, even « 0019639767 » — and
neutralised against formulas (:func:`textsafe.csv_text`).  Pure Python, no Qt."""
import os

from .textsafe import csv_text

LINE_END = "\r\n" if os.name == "nt" else "\n"    # as OGR's CSV driver (LINEFORMAT)


def csv_cell(value):
    """One cell: nothing for NULL, an integer as digits, anything else as quoted text."""
    if value is None:
        return ""
    if value.__class__ is int:
        return str(value)
    return '"%s"' % csv_text(value if value.__class__ is str else str(value)).replace(
        '"', '""')


def csv_name(name):
    """A header cell: the field name as is unless CSV needs it quoted."""
    return csv_cell(name) if not name or any(c in name for c in ',"\r\n') \
        or name != name.strip() else name


def write_rows(path, names, rows, progress=None, every=5000):
    """Write the header ``names`` and ``rows`` (sequences of values) to ``path``; returns
    the number of rows.  ``progress(count)`` every ``every`` rows."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(map(csv_name, names)) + LINE_END)
        lines = []
        for row in rows:
            lines.append(",".join(map(csv_cell, row)))
            if len(lines) == every:
                handle.write(LINE_END.join(lines) + LINE_END)
                count += len(lines)
                lines = []
                if progress is not None:
                    progress(count)
        if lines:
            handle.write(LINE_END.join(lines) + LINE_END)
            count += len(lines)
    return count
