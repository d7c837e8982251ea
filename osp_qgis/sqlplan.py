"""Set-based lookups where the data lives (issue #12): the keys the join needs go into a
temporary table, one indexed ``JOIN`` returns what matches, and the point on surface of
each parcel is computed by the database (SpatiaLite's GEOS, the library QGIS itself calls).

Values are always parameters; identifiers (table and column names) come from the file's own
catalogue and are quoted, never built from what a user typed.  Pure Python (``sqlite3`` +
``mod_spatialite``, installed with QGIS)."""
import json
import os
import sqlite3
import struct

SPATIALITE_NAMES = ("mod_spatialite", "mod_spatialite.so", "mod_spatialite.dll",
                    "libspatialite")
KEY_BATCH = 50000


class PlanError(Exception):
    """This source cannot take the SQL plan: the caller keeps the provider path."""


def quoted(identifier):
    """An identifier read from the database's catalogue, quoted for SQL."""
    return '"%s"' % str(identifier).replace('"', '""')


def connect(path, readonly=True, **options):
    """A SQLite connection to ``path`` (read-only unless asked), the path quoted in the
    URI so that ``#``, ``?`` or ``%`` in a folder name stay part of it."""
    from urllib.parse import quote
    return sqlite3.connect("file:%s?mode=%s" % (quote(os.path.abspath(path)),
                                                "ro" if readonly else "rw"),
                           uri=True, **options)


def open_spatialite(path, readonly=True):
    """A connection to a GeoPackage / SQLite file with SpatiaLite loaded (read-only
    unless asked)."""
    if not os.path.isfile(path):
        raise PlanError("%s: not a file" % path)
    connection = connect(path, readonly, check_same_thread=False)
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


def merge_points(out, rows):
    """``(key, x, y)`` rows into ``{key: (x, y) or None}``: a parcel without geometry maps
    to None, and a duplicate parcel with geometry wins over one without."""
    for key, x, y in rows:
        point = (x, y) if x is not None and y is not None else None
        if out.get(key) is None:
            out[key] = point
    return out


class ParcelPoints:
    """``lookup(keys) -> {key: (x, y) or None}``: the point on surface of each parcel whose
    id (as the file writes it) is in ``keys``; ``None`` for a parcel without geometry.

    :meth:`stage` runs the query for some keys into a temporary table (one SQLite
    statement: the database works without holding Python's lock, so a worker thread can
    stage while Python goes on); :meth:`collect` returns everything staged."""

    def __init__(self, path, table, id_column):
        self.connection = open_spatialite(path)
        try:
            self.table, self.geometry, self.id_column = geopackage_table(
                self.connection, table, id_column)
            self.connection.execute("CREATE TEMP TABLE osp_keys (k TEXT PRIMARY KEY)")
            self.connection.execute("CREATE TEMP TABLE osp_found (k TEXT, x REAL, y REAL)")
        except (PlanError, sqlite3.Error):
            self.connection.close()
            raise
        self.sql = ("INSERT INTO temp.osp_found SELECT k.k, ST_X(s.pt), ST_Y(s.pt) "
                    "FROM temp.osp_keys k "
                    "JOIN (SELECT p.{id} AS k, ST_PointOnSurface(GeomFromGPB(p.{geom})) AS pt "
                    "FROM {table} p WHERE p.{id} IN (SELECT k FROM temp.osp_keys)) s "
                    "ON s.k = k.k").format(id=quoted(self.id_column),
                                           geom=quoted(self.geometry), table=quoted(self.table))

    def stage(self, keys, cancelled=None):
        keys = sorted(set(keys))
        for start in range(0, len(keys), KEY_BATCH):
            if cancelled is not None and cancelled():
                raise KeyboardInterrupt
            with self.connection:   # three statements: SQLite works without Python's lock
                self.connection.execute("DELETE FROM temp.osp_keys")
                self.connection.execute("INSERT OR IGNORE INTO temp.osp_keys "
                                        "SELECT value FROM json_each(?)",
                                        (json.dumps(keys[start:start + KEY_BATCH]),))
                self.connection.execute(self.sql)

    def collect(self):
        out = {}
        with self.connection:
            merge_points(out, self.connection.execute("SELECT k, x, y FROM temp.osp_found"))
            self.connection.execute("DELETE FROM temp.osp_found")
        return out

    def __call__(self, keys, cancelled=None):
        self.stage(keys, cancelled)
        return self.collect()

    def close(self):
        self.connection.close()


def gpkg_point(x, y, srs_id):
    """A GeoPackage geometry blob (« GP » header without envelope, then the WKB point),
    as GDAL writes points."""
    return struct.pack("<2sBBiBIdd", b"GP", 0, 1, srs_id, 1, 1, x, y)


def bulk_insert_points(path, table, names, rows, progress=None, cancelled=None,
                       batch=20000):
    """Append ``rows`` ``(attribute list, (x, y) or None)`` to the GeoPackage table
    ``table`` made by GDAL (its columns ``names``, in order), in one transaction, and
    update its extent.  The spatial index is filled in bulk: the table's own R-tree
    triggers (as GDAL wrote them) are set aside during the insert, the index packed from
    the points' coordinates (:func:`pack_rtree`), the triggers restored.  Returns the
    number of rows."""
    connection = open_spatialite(path, readonly=False)
    try:
        table, geometry, _ = geopackage_table(connection, table, names[0] if names else "fid")
        srs_id = connection.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE "
                                    "table_name = ?", (table,)).fetchone()[0]
        info = connection.execute("PRAGMA table_info(%s)" % quoted(table)).fetchall()
        columns = {r[1] for r in info}
        key = next((r[1] for r in info if r[5] == 1), None)
        missing = [n for n in names if n not in columns]
        if missing or key is None:
            raise PlanError("columns %s (or the primary key) not in %s" % (missing, table))
        rtree = "rtree_%s_%s" % (table, geometry)
        has_rtree = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = ?",
                                       (rtree,)).fetchone()[0] > 0
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
            (table,)).fetchall() if has_rtree else []
        triggers = [t for t in triggers if t[0].startswith(rtree + "_")]
        sql = "INSERT INTO %s (%s) VALUES (%s)" % (
            quoted(table), ", ".join(quoted(c) for c in [key, geometry] + list(names)),
            ", ".join("?" * (len(names) + 2)))
        index_sql = "INSERT INTO %s VALUES (?, ?, ?, ?, ?)" % quoted(rtree)
        fid = connection.execute("SELECT COALESCE(MAX(%s), 0) FROM %s"
                                 % (quoted(key), quoted(table))).fetchone()[0]
        count, chunk, fids, xs, ys = 0, [], [], [], []
        connection.execute("BEGIN")
        for name, _ in triggers:
            connection.execute("DROP TRIGGER %s" % quoted(name))
        for attributes, point in rows:
            fid += 1
            if point is None:
                chunk.append((fid, None) + tuple(attributes))
            else:
                x, y = point
                chunk.append((fid, gpkg_point(x, y, srs_id)) + tuple(attributes))
                fids.append(fid)
                xs.append(x)
                ys.append(y)
            if len(chunk) == batch:
                if cancelled is not None and cancelled():
                    raise KeyboardInterrupt
                connection.executemany(sql, chunk)
                count += len(chunk)
                chunk = []
                if progress is not None:
                    progress(count)
        connection.executemany(sql, chunk)
        count += len(chunk)
        if has_rtree and fids and not pack_rtree(connection, rtree, fids, xs, ys):
            connection.executemany(index_sql, zip(fids, xs, xs, ys, ys))
        bounds = (min(xs), min(ys), max(xs), max(ys)) if xs else None
        for _, trigger in triggers:
            connection.execute(trigger)
        if bounds is not None:
            connection.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, "
                               "max_y = ? WHERE table_name = ?", bounds + (table,))
        connection.execute("COMMIT")
        return count
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


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
        self.query = sql.SQL(
            "SELECT s.k, ST_X(s.pt), ST_Y(s.pt) FROM (SELECT p.{id}::text AS k, "
            "ST_PointOnSurface(p.{geom}) AS pt FROM {table} p WHERE p.{id}::text = ANY(%s)) s"
        ).format(id=sql.Identifier(id_column), geom=sql.Identifier(geometry),
                 table=sql.Identifier(schema, table) if schema else sql.Identifier(table))
        self.error = psycopg2.Error

    def __call__(self, keys, cancelled=None):
        out = {}
        keys = sorted(set(keys))
        try:
            with self.connection.cursor() as cursor:
                for start in range(0, len(keys), KEY_BATCH):
                    if cancelled is not None and cancelled():
                        raise KeyboardInterrupt
                    cursor.execute(self.query, (keys[start:start + KEY_BATCH],))
                    merge_points(out, cursor)
        except self.error as error:
            raise PlanError(str(error).strip())
        return out

    def close(self):
        self.connection.close()


def pack_rtree(connection, rtree, ids, xs, ys):
    """Fill the empty SQLite R*Tree ``rtree`` (2-D, the GeoPackage spatial index) with the
    points ``(ids, xs, ys)`` in one pass: Sort-Tile-Recursive packing computed with numpy,
    nodes written straight into the R-tree's own tables in SQLite's node format (as the
    R-tree module would write them, but ~10× faster than inserting one entry at a time).
    Coordinates are stored as float32 rounded outwards, as the module does.  Returns
    False (nothing written) when the index is not empty or not a plain 2-D R-tree."""
    import numpy
    node_table, parent_table, rowid_table = (quoted("%s_%s" % (rtree, n))
                                             for n in ("node", "parent", "rowid"))
    root = connection.execute("SELECT data FROM %s WHERE nodeno = 1" % node_table).fetchone()
    if root is None or connection.execute("SELECT count(*) FROM %s" % rowid_table
                                          ).fetchone()[0]:
        return False
    node_size = len(root[0])
    capacity = (node_size - 4) // 24          # 8-byte id + 4 float32 per entry
    if capacity < 2:
        return False
    ids = numpy.asarray(ids, dtype=numpy.int64)
    x = numpy.asarray(xs, dtype=numpy.float64)
    y = numpy.asarray(ys, dtype=numpy.float64)
    if not len(ids):
        return True
    low_x, high_x = _float32_down(x), _float32_up(x)
    low_y, high_y = _float32_down(y), _float32_up(y)
    entries = (ids, low_x, high_x, low_y, high_y)
    nodes, parents, leaf_of = [], [], None
    next_node, depth = 2, 0
    while True:
        order = _str_order(entries, capacity)
        entries = tuple(a[order] for a in entries)
        count = len(entries[0])
        if count <= capacity:   # the root
            nodes.append((1, _node_blob(entries, depth, node_size)))
            if depth == 0:
                leaf_of = numpy.ones(count, dtype=numpy.int64)
                leaf_ids = entries[0]
            else:
                parents.extend((int(child), 1) for child in entries[0])
            break
        starts = numpy.arange(0, count, capacity)
        numbers = numpy.arange(next_node, next_node + len(starts), dtype=numpy.int64)
        next_node += len(starts)
        for number, start in zip(numbers, starts):
            part = tuple(a[start:start + capacity] for a in entries)
            nodes.append((int(number), _node_blob(part, 0, node_size)))
        group = numpy.repeat(numbers, numpy.diff(numpy.append(starts, count)))
        if depth == 0:
            leaf_of, leaf_ids = group, entries[0]
        else:
            parents.extend(zip(entries[0].tolist(), group.tolist()))
        entries = (numbers, numpy.minimum.reduceat(entries[1], starts),
                   numpy.maximum.reduceat(entries[2], starts),
                   numpy.minimum.reduceat(entries[3], starts),
                   numpy.maximum.reduceat(entries[4], starts))
        depth += 1
    connection.execute("DELETE FROM %s WHERE nodeno = 1" % node_table)
    connection.executemany("INSERT INTO %s (nodeno, data) VALUES (?, ?)" % node_table, nodes)
    connection.executemany("INSERT INTO %s (nodeno, parentnode) VALUES (?, ?)" % parent_table,
                           parents)
    connection.executemany("INSERT INTO %s (rowid, nodeno) VALUES (?, ?)" % rowid_table,
                           zip(leaf_ids.tolist(), leaf_of.tolist()))
    return True


def _float32_down(values):
    import numpy
    out = values.astype(numpy.float32)
    return numpy.where(out.astype(numpy.float64) > values,
                       numpy.nextafter(out, numpy.float32(-numpy.inf)), out)


def _float32_up(values):
    import numpy
    out = values.astype(numpy.float32)
    return numpy.where(out.astype(numpy.float64) < values,
                       numpy.nextafter(out, numpy.float32(numpy.inf)), out)


def _str_order(entries, capacity):
    """Sort-Tile-Recursive order: vertical slices by x centre, each sorted by y centre."""
    import numpy
    centre_x = (entries[1].astype(numpy.float64) + entries[2]) / 2
    centre_y = (entries[3].astype(numpy.float64) + entries[4]) / 2
    count = len(centre_x)
    leaves = -(-count // capacity)
    slices = int(numpy.ceil(numpy.sqrt(leaves)))
    by_x = numpy.argsort(centre_x, kind="stable")
    slice_of = numpy.empty(count, dtype=numpy.int64)
    slice_of[by_x] = numpy.arange(count) // (slices * capacity)
    return numpy.lexsort((centre_y, slice_of))


def _node_blob(entries, depth, node_size):
    """One R-tree node: 2-byte depth (root only), 2-byte count, then the entries (8-byte
    id, min x, max x, min y, max y as float32), big-endian, padded to the node size."""
    import numpy
    cells = numpy.empty(len(entries[0]), dtype=[("id", ">i8"), ("x0", ">f4"), ("x1", ">f4"),
                                                ("y0", ">f4"), ("y1", ">f4")])
    cells["id"], cells["x0"], cells["x1"], cells["y0"], cells["y1"] = entries
    blob = struct.pack(">HH", depth, len(cells)) + cells.tobytes()
    return blob + b"\0" * (node_size - len(blob))
