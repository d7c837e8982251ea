"""GeoPackage tables read column by column (issue #12): SQLite hands over the values of the
wanted columns and the geometry blobs in one query, without one QGIS feature (and one
conversion of each value to a QVariant and back) per row.  Pure Python (``sqlite3``).

Only what SQLite and QGIS read the same way goes through here: the caller checks the
declared types (:data:`PLAIN_TYPES`) and falls back to QGIS's provider otherwise."""
import sqlite3

from .sqlplan import PlanError, connect, quoted

# declared column types whose SQLite values are the ones QGIS's provider gives, per kind
# of value the records expect (a DATETIME read as text, or a BOOLEAN, would differ)
PLAIN_TYPES = {
    "string": {"TEXT", "INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT", "REAL", "FLOAT",
               "DOUBLE", "DATE"},
    "int": {"INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT", "TEXT"},
    "date": {"DATE", "TEXT"},
    "datetime": {"DATETIME"},
}
# GeoPackage binary header: envelope indicator -> envelope size in bytes
_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def declared_type(text):
    """``TEXT(254)`` -> ``TEXT``."""
    return (text or "").split("(")[0].strip().upper()


def table_layout(connection, table):
    """``(table, geometry column or None, {lower-case column name: (name, declared type)})``
    of a features or attributes table, read from the file's own catalogue."""
    try:
        contents = {t.lower(): t for (t,) in connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', "
            "'attributes')")}
        if table is None and len(contents) == 1:
            table = next(iter(contents.values()))
        if table is None or table.lower() not in contents:
            raise PlanError("table %r not in gpkg_contents" % table)
        table = contents[table.lower()]
        geometry = connection.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
            (table,)).fetchone()
        columns = {r[1].lower(): (r[1], declared_type(r[2])) for r in connection.execute(
            "PRAGMA table_info(%s)" % quoted(table))}
    except sqlite3.Error as error:
        raise PlanError("not a GeoPackage: %s" % error)
    return table, geometry[0] if geometry else None, columns


def _connected(path):
    """A read-only connection to ``path`` (:class:`PlanError` when it cannot be opened)."""
    try:
        return connect(path)
    except sqlite3.Error as error:
        raise PlanError("%s: %s" % (path, error))


def layout(path, table):
    """:func:`table_layout` of ``table`` in the GeoPackage ``path``."""
    connection = _connected(path)
    try:
        return table_layout(connection, table)
    finally:
        connection.close()


def wkb_of(blob):
    """The WKB inside a GeoPackage geometry blob (``None`` for SQL NULL).  An empty
    geometry or a blob that is not a standard GeoPackage geometry raises :class:`PlanError`
    (QGIS's provider knows how to read those)."""
    if blob is None:
        return None
    if blob[:2] != b"GP" or len(blob) < 8:
        raise PlanError("not a GeoPackage geometry blob")
    flags = blob[3]
    envelope = _ENVELOPE_SIZES.get((flags >> 1) & 0x07)
    if envelope is None or flags & 0x10 or flags & 0x20:   # unknown, empty, extended
        raise PlanError("GeoPackage geometry blob not read directly (flags %d)" % flags)
    return bytes(blob[8 + envelope:])


def read_rows(path, table, columns, geometry_column=None, batch=20000):
    """The rows of ``table`` in file order (rowid), in lists of ``batch`` tuples of the
    ``columns`` values (names as the catalogue writes them), plus the geometry blob last
    when ``geometry_column`` is given."""
    names = list(columns) + ([geometry_column] if geometry_column else [])
    connection = _connected(path)
    try:
        cursor = connection.execute("SELECT %s FROM %s ORDER BY rowid" % (
            ", ".join(quoted(n) for n in names) or "1", quoted(table)))
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                break
            yield rows
    except sqlite3.Error as error:
        raise PlanError("%s: %s" % (table, error))
    finally:
        connection.close()
