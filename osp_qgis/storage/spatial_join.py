"""Which polygons contain each point, as one spatial join (issue #12): the polygons and an
R-tree of their boxes in an in-memory SpatiaLite database, the points in a table, one
``JOIN`` tested by GEOS (the library QGIS itself calls for ``intersects``), instead of one
Python request per dwelling.  Pure Python (``sqlite3`` + ``mod_spatialite``)."""
import sqlite3

from .sqlplan import PlanError, insert_rows, with_spatialite

# points tested per statement (cancellation and progress between statements)
BATCH = 100000
# side of the grid cells the points are sorted by, in map units: neighbours come one after
# the other, so SpatiaLite's cache of prepared polygons keeps hitting the same polygon
CELL = 500.0


def _database(polygon_sets):
    """An in-memory SpatiaLite database holding the polygons of each set
    ``[(key, area, wkb)]``."""
    connection = with_spatialite(sqlite3.connect(":memory:"))
    try:
        connection.execute("CREATE TABLE poly (id INTEGER PRIMARY KEY, s INTEGER, key INTEGER, "
                           "geom BLOB)")
        connection.executemany("INSERT INTO poly (s, key, geom) VALUES (?, ?, GeomFromWKB(?))",
                               ((n, key, wkb) for n, polygons in enumerate(polygon_sets)
                                for key, _, wkb in polygons))
        unread = connection.execute("SELECT key FROM poly WHERE geom IS NULL LIMIT 1"
                                    ).fetchone()
        if unread is not None:
            raise PlanError("polygon %s not readable by SpatiaLite" % unread[0])
        connection.execute("CREATE VIRTUAL TABLE box USING rtree(id, minx, maxx, miny, maxy)")
        connection.execute("INSERT INTO box SELECT id, MbrMinX(geom), MbrMaxX(geom), "
                           "MbrMinY(geom), MbrMaxY(geom) FROM poly")
        connection.execute("CREATE TABLE pt (n INTEGER PRIMARY KEY, k INTEGER, x REAL, y REAL)")
    except sqlite3.Error as error:
        connection.close()
        raise PlanError("spatial join: %s" % error)
    except PlanError:
        connection.close()
        raise
    return connection


def _grid_order(xs, ys, located):
    """Indexes of the located points, sorted by grid cell."""
    import numpy
    keys = numpy.asarray(located, dtype=numpy.int64)
    if not len(keys):
        return []
    x = numpy.asarray([xs[k] for k in located], dtype=float)
    y = numpy.asarray([ys[k] for k in located], dtype=float)
    return keys[numpy.lexsort((numpy.floor(y / CELL), numpy.floor(x / CELL)))].tolist()


def containing(polygon_sets, xs, ys, cancelled=None):
    """For each set of polygons ``[(key, area, wkb)]`` of ``polygon_sets``, and for each
    point ``(xs[i], ys[i])`` (``None``: no point), the keys of the polygons the point
    intersects (inside or on the boundary), smallest area first, then by key; the points
    are loaded once for every set.  :class:`PlanError` when SpatiaLite cannot be used or
    cannot read a polygon (curves…): the caller then asks point by point.
    ``cancelled()`` is asked between batches (``None`` returned when it says so)."""
    areas = [{key: area for key, area, _ in polygons} for polygons in polygon_sets]
    found = [[[] for _ in xs] for _ in polygon_sets]
    located = [i for i, (x, y) in enumerate(zip(xs, ys)) if x is not None and y is not None]
    if not any(polygon_sets) or not located:
        return found
    connection = _database(polygon_sets)
    try:
        order = _grid_order(xs, ys, located)
        insert_rows(connection, "INSERT INTO pt (k, x, y)", 3,
                    ((k, xs[k], ys[k]) for k in order), len(order))
        # one set after the other: SpatiaLite keeps the last prepared polygons, so that
        # neighbouring points are tested against the same ones (sets mixed: 2x slower);
        # CROSS JOIN keeps SQLite's order (points, then boxes, then polygons)
        steps = [(n, start) for n in range(len(polygon_sets))
                 for start in range(1, len(order) + 1, BATCH)]
        for n, start in steps:
            for k, key in connection.execute(
                    "SELECT pt.k, poly.key FROM pt CROSS JOIN box ON box.minx <= pt.x "
                    "AND box.maxx >= pt.x AND box.miny <= pt.y AND box.maxy >= pt.y "
                    "CROSS JOIN poly ON poly.id = box.id "
                    "WHERE pt.n BETWEEN ? AND ? AND poly.s = ? "
                    "AND ST_Intersects(poly.geom, MakePoint(pt.x, pt.y)) = 1",
                    (start, start + BATCH - 1, n)):
                found[n][k].append(key)
            if cancelled is not None and cancelled():
                return None
    except sqlite3.Error as error:
        raise PlanError("spatial join: %s" % error)
    finally:
        connection.close()
    for n, each in enumerate(found):
        for keys in each:
            if len(keys) > 1:
                keys.sort(key=lambda key: (areas[n][key], key))
    return found
