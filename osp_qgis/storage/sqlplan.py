"""Set-based lookups where the data lives (issue #12): the keys the join needs go into a
temporary table, one indexed ``JOIN`` returns what matches, and the point on surface of
each parcel is computed by the database (SpatiaLite's GEOS, the library QGIS itself calls).

Values are always parameters; identifiers (table and column names) come from the file's own
catalogue and are quoted, never built from what a user typed.  Pure Python (``sqlite3`` +
``mod_spatialite``, installed with QGIS)."""
import json
import os
import sqlite3
from collections import deque
from itertools import chain, islice
from urllib.parse import quote

SPATIALITE_NAMES = ("mod_spatialite", "mod_spatialite.so", "mod_spatialite.dll",
                    "libspatialite")
KEY_BATCH = 50000
# on a server, one pass over the table per query: few large arrays (hashed by the server)
# rather than many small ones (the table scanned again for each)
SERVER_KEY_BATCH = 500000


class PlanError(Exception):
    """This source cannot take the SQL plan: the caller keeps the provider path."""


def quoted(identifier):
    """An identifier read from the database's catalogue, quoted for SQL."""
    return '"%s"' % str(identifier).replace('"', '""')


def rows_per_statement(width):
    """How many rows of ``width`` values one ``INSERT … VALUES (…), (…)`` takes: at most
    999 parameters (the lowest limit a SQLite library has been built with; 32 766 by
    default since 3.32), at most 256 rows."""
    return max(1, min(256, 999 // max(1, width)))


def insert_rows(connection, head, width, rows, count):
    """Insert ``count`` rows of ``width`` values each (an iterable of tuples) with the
    statement ``head`` (``INSERT INTO t (a, b)``) + ``VALUES``: many rows per statement,
    the rest one by one.  Python's ``sqlite3`` spends more per executed statement than
    SQLite spends per row inserted; grouping rows halves the time of a bulk write."""
    one = "(%s)" % ", ".join("?" * width)
    group = rows_per_statement(width)
    rows = iter(rows)
    grouped = count // group * group
    if grouped:
        values = chain.from_iterable(islice(rows, grouped))
        connection.executemany("%s VALUES %s" % (head, ", ".join([one] * group)),
                               zip(*[values] * (width * group)))
    connection.executemany("%s VALUES %s" % (head, one), rows)


def connect(path, readonly=True, **options):
    """A SQLite connection to ``path`` (read-only unless asked), the path quoted in the
    URI so that ``#``, ``?`` or ``%`` in a folder name stay part of it."""
    return sqlite3.connect("file:%s?mode=%s" % (quote(os.path.abspath(path)),
                                                "ro" if readonly else "rw"),
                           uri=True, **options)


def open_spatialite(path, readonly=True):
    """A connection to a GeoPackage / SQLite file with SpatiaLite loaded (read-only
    unless asked)."""
    if not os.path.isfile(path):
        raise PlanError("%s: not a file" % path)
    return with_spatialite(connect(path, readonly, check_same_thread=False))


def with_spatialite(connection):
    """``connection`` with SpatiaLite loaded (closed, and :class:`PlanError`, when it
    cannot be)."""
    try:
        connection.enable_load_extension(True)
    except (AttributeError, sqlite3.Error) as error:
        connection.close()
        raise PlanError("sqlite3 cannot load extensions: %s" % error)
    for name in SPATIALITE_NAMES:
        try:
            connection.load_extension(name)
            break
        except sqlite3.Error:
            continue
    else:
        connection.close()
        raise PlanError("mod_spatialite not found")
    connection.enable_load_extension(False)
    return connection


def geopackage_table(connection, table, column):
    """``(table, geometry column, id column)`` as the file writes them, checked against
    its catalogue (``gpkg_geometry_columns`` and the table's columns)."""
    try:
        rows = connection.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"
                                  ).fetchall()
    except sqlite3.Error as error:
        raise PlanError("not a GeoPackage: %s" % error)
    tables = {t.lower(): (t, g) for t, g in rows}
    if table is None and len(tables) == 1:
        table = next(iter(tables.values()))[0]
    if table is None or table.lower() not in tables:
        raise PlanError("table %r not in gpkg_geometry_columns" % table)
    table, geometry = tables[table.lower()]
    columns = {r[1].lower(): r[1] for r in connection.execute(
        "PRAGMA table_info(%s)" % quoted(table))}
    if column.lower() not in columns:
        raise PlanError("column %r not in %s" % (column, table))
    return table, geometry, columns[column.lower()]


def points_by_key(rows):
    """A list of ``(key, x, y)`` rows as ``{key: (x, y) or None}``: a parcel without
    geometry maps to None, and a duplicate parcel with geometry wins over one without (the
    first one with geometry over the next ones)."""
    found = {key: (x, y) for key, x, y in reversed(rows) if x is not None and y is not None}
    for key, x, y in rows:
        if x is None or y is None:
            found.setdefault(key, None)
    return found


class ParcelPoints:
    """``lookup(keys) -> {key: (x, y) or None}``: the point on surface of each parcel whose
    id (as the file writes it) is in ``keys``; ``None`` for a parcel without geometry.

    :meth:`stage` runs the query for some keys into a temporary table (one SQLite
    statement per batch: the database works without holding Python's lock, so a worker
    thread can stage while Python goes on); :meth:`help` lets a second thread ask the
    batches still queued on its own connection; :meth:`collect` returns everything
    staged."""

    def __init__(self, path, table, id_column, copy_of=None):
        self.copy_of = copy_of   # the flat file this GeoPackage is a copy of, if any
        self.path = path
        self.queue = deque()     # batches of keys not asked yet
        self.connection = open_spatialite(path)
        try:
            self.table, self.geometry, self.id_column = geopackage_table(
                self.connection, table, id_column)
            self._temporary_tables(self.connection)
        except (PlanError, sqlite3.Error):
            self.connection.close()
            raise
        self.connections = [self.connection]
        # the point kept as a blob, its X and Y read when collecting: in one statement,
        # SQLite would compute the point on surface twice (once for X, once for Y)
        self.invalid = set()     # parcels whose geometry is not valid (a bow-tie…)
        self.sql = ("INSERT INTO temp.osp_found SELECT CAST(p.{id} AS TEXT), "
                    "ST_PointOnSurface(GeomFromGPB(p.{geom})), "
                    "ST_IsValid(GeomFromGPB(p.{geom})) FROM {table} p "
                    "WHERE p.{id} IN (SELECT k FROM temp.osp_keys)").format(
                        id=quoted(self.id_column), geom=quoted(self.geometry),
                        table=quoted(self.table))

    @staticmethod
    def _temporary_tables(connection):
        connection.execute("CREATE TEMP TABLE osp_keys (k TEXT PRIMARY KEY)")
        connection.execute("CREATE TEMP TABLE osp_found (k TEXT, pt BLOB, valid INTEGER)")

    def _helper(self):
        """The second connection to the file (opened once), with its temporary tables."""
        if len(self.connections) < 2:
            connection = open_spatialite(self.path)
            try:
                self._temporary_tables(connection)
            except sqlite3.Error:
                connection.close()
                raise
            self.connections.append(connection)
        return self.connections[1]

    def stage(self, keys, cancelled=None):
        """Queue the keys, sorted, in batches, and ask them on the main connection until
        the queue is empty (:meth:`help` may empty it faster from another thread)."""
        keys = sorted(set(keys))
        self.queue.extend(keys[start:start + KEY_BATCH]
                          for start in range(0, len(keys), KEY_BATCH))
        self._drain(self.connection, cancelled)

    def help(self, cancelled=None):
        """Ask queued batches on a second connection while :meth:`stage` runs in another
        thread (the two points-on-surface computations then share the processors)."""
        if self.queue:
            self._drain(self._helper(), cancelled)

    def _drain(self, connection, cancelled):
        while self.queue:
            if cancelled is not None and cancelled():
                self.queue.clear()
                raise KeyboardInterrupt
            try:
                batch = self.queue.popleft()    # atomic: two threads never take the same
            except IndexError:
                return
            self._ask(connection, batch)

    def _ask(self, connection, keys):
        with connection:   # three statements: SQLite works without Python's lock
            connection.execute("DELETE FROM temp.osp_keys")
            connection.execute("INSERT OR IGNORE INTO temp.osp_keys "
                               "SELECT value FROM json_each(?)", (json.dumps(keys),))
            connection.execute(self.sql)

    def collect(self):
        """Everything staged, as ``{key: (x, y) or None}``, streamed from SQLite (no
        list of all rows on the way): the rows read latest first, so that the first
        parcel found with a geometry wins over its duplicates, as in :func:`points_by_key`
        (a batch is asked on one connection only; a key asked twice keeps a point)."""
        out = None
        for connection in self.connections:
            with connection:
                found = {k: (x, y) for k, x, y in connection.execute(
                    "SELECT k, ST_X(pt), ST_Y(pt) FROM temp.osp_found WHERE pt IS NOT NULL "
                    "ORDER BY rowid DESC") if x is not None and y is not None}
                for (key,) in connection.execute(
                        "SELECT k FROM temp.osp_found WHERE ST_X(pt) IS NULL "
                        "OR ST_Y(pt) IS NULL OR pt IS NULL"):
                    found.setdefault(key, None)
                self.invalid.update(k for (k,) in connection.execute(
                    "SELECT k FROM temp.osp_found WHERE valid = 0"))
                connection.execute("DELETE FROM temp.osp_found")
            if out is None or len(found) > len(out):   # the smaller merged into the larger
                out, found = found, out or {}
            for key, point in found.items():
                if out.get(key) is None:
                    out[key] = point
        return out

    def __call__(self, keys, cancelled=None):
        self.stage(keys, cancelled)
        return self.collect()

    def close(self):
        for connection in self.connections:
            connection.close()
        self.connections = []


class PostgisParcelPoints:
    """The same lookup on a PostGIS server: the keys sent as an array parameter, the point
    on surface computed by the server, only ``(key, x, y)`` coming back."""

    def __init__(self, dsn, schema, table, geometry, id_column):
        try:
            import psycopg2
            from psycopg2 import sql
        except ImportError as error:
            raise PlanError("psycopg2: %s" % error)
        try:
            self.connection = psycopg2.connect(dsn, connect_timeout=10,
                                               application_name="OSP ERBM")
        except psycopg2.Error as error:
            raise PlanError(str(error).strip())
        self.connection.set_session(readonly=True, autocommit=True)
        try:    # one query per many keys: compiling it (JIT) costs more than it saves
            with self.connection.cursor() as cursor:
                cursor.execute("SET jit = off")
        except psycopg2.Error:   # a server without JIT (PostgreSQL < 11)
            pass
        self.query = sql.SQL(
            "SELECT s.k, ST_X(s.pt), ST_Y(s.pt), s.valid FROM (SELECT p.{id}::text AS k, "
            "ST_PointOnSurface(p.{geom}) AS pt, ST_IsValid(p.{geom}) AS valid FROM {table} p "
            "WHERE p.{id}::text = ANY(%s) "
            "OFFSET 0) s"   # OFFSET 0: the point computed once, not once for X and for Y
        ).format(id=sql.Identifier(id_column), geom=sql.Identifier(geometry),
                 table=sql.Identifier(schema, table) if schema else sql.Identifier(table))
        self.error = psycopg2.Error
        self.staged = []
        self.invalid = set()

    def stage(self, keys, cancelled=None):
        """Look ``keys`` up (psycopg2 lets Python's lock go while the server works, so a
        worker thread can stage while Python goes on); :meth:`collect` returns them."""
        keys = sorted(set(keys))
        try:
            with self.connection.cursor() as cursor:
                for start in range(0, len(keys), SERVER_KEY_BATCH):
                    if cancelled is not None and cancelled():
                        raise KeyboardInterrupt
                    cursor.execute(self.query, (keys[start:start + SERVER_KEY_BATCH],))
                    self.staged.extend(cursor.fetchall())
        except self.error as error:
            raise PlanError(str(error).strip())

    def collect(self):
        rows, self.staged = self.staged, []
        self.invalid.update(k for k, _, _, valid in rows if valid is False)
        return points_by_key([(k, x, y) for k, x, y, _ in rows])

    def __call__(self, keys, cancelled=None):
        self.stage(keys, cancelled)
        return self.collect()

    def close(self):
        self.connection.close()
