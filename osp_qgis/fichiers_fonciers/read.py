"""Reading a pb0010_local extract as text, fast: a CSV (Cerema's CSV deliveries, any of
``;`` ``,`` tab ``|``, UTF-8, UTF-16 or Windows-1252) or a table of a GeoPackage /
SQLite file, only the columns the rule needs.  Returns the raw frame; the index is the
line number people see (header = line 1).  Pure Python + pandas."""
import os
import sqlite3

from ..storage.sqlplan import connect, quoted
from .rules import FFError, check_columns, column_map

DELIMITERS = (";", ",", "\t", "|")
SNIFF_BYTES = 65536


def _encoding(head):
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:   # a character cut by the sample's end
            return "utf-8"
        return "cp1252"


def read_csv(path):
    """The CSV's needed columns as text (empty cells ``""``)."""
    import pandas
    name = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise FFError("Locaux « %s » illisibles : %s" % (name, error.strerror or error))
    if not head.strip():
        raise FFError("Le fichier des locaux « %s » est vide." % name)
    if head.startswith(b"PK\x03\x04"):
        raise FFError("« %s » est une archive ou un classeur, pas un CSV : extraire la table "
                      "pb0010_local en CSV (ou la donner en GeoPackage)." % name)
    encoding = _encoding(head)
    first = head.decode(encoding, errors="replace").lstrip("\ufeff").splitlines()[0]
    delimiter = max(DELIMITERS, key=first.count)
    headers = [h.strip().strip('"') for h in first.split(delimiter)]
    mapping = column_map(headers)
    check_columns(mapping, "Locaux « %s »" % name)
    try:
        frame = pandas.read_csv(path, sep=delimiter, encoding=encoding, dtype=str,
                                usecols=list(mapping.values()), keep_default_na=False,
                                na_filter=False, engine="c", quoting=0)
    except (ValueError, pandas.errors.ParserError, UnicodeDecodeError) as error:
        raise FFError("Locaux « %s » illisibles (ligne mal formée ?) : %s"
                      % (name, str(error).splitlines()[0][:200]))
    frame.index = frame.index + 2
    return frame


def read_sqlite(path, table):
    """A table of a GeoPackage / SQLite file: the needed columns only, the table name
    checked against the file's own list (never a value built into SQL)."""
    import pandas
    name = os.path.basename(path)
    try:
        connection = connect(path)
    except sqlite3.Error as error:
        raise FFError("« %s » illisible : %s" % (name, error))
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
        if table not in tables:
            candidates = [t for t in tables if "local" in t.lower()]
            if table is None and len(candidates) == 1:
                table = candidates[0]
            else:
                raise FFError("Table « %s » absente de « %s » (tables : %s)."
                              % (table, name, ", ".join(sorted(tables)[:20])))
        columns = [r[1] for r in connection.execute("PRAGMA table_info(%s)" % quoted(table))]
        mapping = column_map(columns)
        check_columns(mapping, "Locaux « %s »" % table)
        select = ", ".join(quoted(c) for c in mapping.values())
        frame = pandas.read_sql_query("SELECT %s FROM %s" % (select, quoted(table)),
                                      connection)
    except sqlite3.DatabaseError as error:
        raise FFError("« %s » illisible : %s" % (name, error))
    finally:
        connection.close()
    for column in frame.columns:   # integers with NULLs come back as floats: 1.0 -> "1"
        if frame[column].dtype.kind == "f":
            try:
                frame[column] = frame[column].astype("Int64")
            except (TypeError, ValueError):
                pass
    frame = frame.astype(object).where(frame.notna(), "").astype(str)
    frame.index = frame.index + 1
    return frame
