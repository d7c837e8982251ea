"""GeoPackage point tables written in bulk (issue #12): one SQLite transaction, the geometry
blobs made by numpy, the spatial index packed once at the end instead of one R-tree insert
per row.  The table is created first by GDAL / QGIS (fields, CRS, index tables, triggers);
this module only fills it.  Pure Python (``sqlite3`` + ``numpy``)."""
import sqlite3
import struct

from .sqlplan import PlanError, geopackage_table, insert_rows, open_spatialite, quoted


def gpkg_point(x, y, srs_id):
    """A GeoPackage geometry blob (« GP » header without envelope, then the WKB point),
    as GDAL writes points."""
    return struct.pack("<2sBBiBIdd", b"GP", 0, 1, srs_id, 1, 1, x, y)


_POINT_BLOB = [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"),
               ("order", "u1"), ("kind", "<u4"), ("x", "<f8"), ("y", "<f8")]


def gpkg_points(xs, ys, srs_id):
    """:func:`gpkg_point` for many points at once (numpy builds the bytes), as
    ``bytearray`` (which Python's ``sqlite3`` binds directly; ``bytes`` go through its
    adaptation protocol first, three times slower)."""
    import numpy
    blobs = numpy.zeros(len(xs), dtype=_POINT_BLOB)
    blobs["magic"], blobs["flags"], blobs["srs"] = b"GP", 1, srs_id
    blobs["order"], blobs["kind"], blobs["x"], blobs["y"] = 1, 1, xs, ys
    data, size = bytearray(blobs.tobytes()), blobs.dtype.itemsize
    return [data[i:i + size] for i in range(0, len(data), size)]


class PointColumns:
    """Attribute columns (one sequence per field, in the table's order) and the points
    ``(x, y)`` or ``None`` of the same rows: what the column-wise plans write."""

    def __init__(self, columns, points):
        self.columns, self.points = list(columns), list(points)

    def __iter__(self):
        """``(attributes, point)`` rows, for writers that take rows."""
        return zip(zip(*self.columns), self.points)

    def chunks(self, size):
        for start in range(0, len(self.points), size):
            yield ([c[start:start + size] for c in self.columns],
                   self.points[start:start + size])


def _row_chunks(rows, size):
    """``(attributes, point)`` rows as :meth:`PointColumns.chunks`."""
    chunk = []
    for item in rows:
        chunk.append(item)
        if len(chunk) == size:
            yield _transposed(chunk)
            chunk = []
    if chunk:
        yield _transposed(chunk)


def _transposed(chunk):
    return list(zip(*(attributes for attributes, _ in chunk))), [point for _, point in chunk]


def bulk_insert_points(path, table, names, rows, progress=None, cancelled=None,
                       batch=50000):
    """Append ``rows`` to the GeoPackage table ``table`` made by GDAL (its columns
    ``names``, in order), in one transaction, and update its extent: ``rows`` is a
    :class:`PointColumns` (or any object whose ``chunks(size)`` gives the same) or an
    iterable of ``(attribute list, (x, y) or None)``.  The
    spatial index is filled in bulk: the table's own R-tree triggers (as GDAL wrote them)
    and the feature counter GDAL keeps (``gpkg_ogr_contents``) are set aside during the
    insert, the index packed from the points' coordinates (:func:`pack_rtree`), the count
    added once, the triggers restored.  Returns the number of rows."""
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
        counter = "trigger_insert_feature_count_%s" % table
        triggers = [t for t in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
            (table,)) if (has_rtree and t[0].startswith(rtree + "_")) or t[0] == counter]
        null_by_default = {r[1] for r in info if r[4] is None}
        index_sql = "INSERT INTO %s VALUES (?, ?, ?, ?, ?)" % quoted(rtree)
        fid = connection.execute("SELECT COALESCE(MAX(%s), 0) FROM %s"
                                 % (quoted(key), quoted(table))).fetchone()[0]
        count, fids, xs, ys = 0, [], [], []
        chunks = rows.chunks(batch) if hasattr(rows, "chunks") else _row_chunks(rows, batch)
        connection.execute("BEGIN")
        for name, _ in triggers:
            connection.execute("DROP TRIGGER %s" % quoted(name))
        for attributes, points in chunks:
            if cancelled is not None and cancelled():
                raise KeyboardInterrupt
            located = [i for i, point in enumerate(points) if point is not None]
            blobs = [None] * len(points)
            if located:
                chunk_x = [points[i][0] for i in located]
                chunk_y = [points[i][1] for i in located]
                for i, blob in zip(located, gpkg_points(chunk_x, chunk_y, srs_id)):
                    blobs[i] = blob
                fids.extend(fid + 1 + i for i in located)
                xs.extend(chunk_x)
                ys.extend(chunk_y)
            check_chunk(attributes, names, points)
            bound = bound_columns(attributes, names, null_by_default)
            head = "INSERT INTO %s (%s)" % (quoted(table), ", ".join(
                quoted(c) for c in [key, geometry] + [names[n] for n in bound]))
            insert_rows(connection, head, len(bound) + 2,
                        zip(range(fid + 1, fid + 1 + len(points)), blobs,
                            *[attributes[n] for n in bound]), len(points))
            fid += len(points)
            count += len(points)
            if progress is not None:
                progress(count)
        if has_rtree and fids and not pack_rtree(connection, rtree, fids, xs, ys):
            connection.executemany(index_sql, zip(fids, xs, xs, ys, ys))
        bounds = (min(xs), min(ys), max(xs), max(ys)) if xs else None
        if any(name == counter for name, _ in triggers):   # what the trigger did per row
            connection.execute("UPDATE gpkg_ogr_contents SET feature_count = feature_count + ? "
                               "WHERE lower(table_name) = lower(?)", (count, table))
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


def check_chunk(attributes, names, points):
    """One column per field, each as long as ``points``: grouped inserts would otherwise
    shift values from one row to the next instead of failing."""
    if len(attributes) != len(names) or any(len(c) != len(points) for c in attributes):
        raise sqlite3.ProgrammingError("%d columns of %s rows for %d fields and %d points" % (
            len(attributes), sorted({len(c) for c in attributes}), len(names), len(points)))


def bound_columns(attributes, names, null_by_default):
    """Indexes of the columns of a chunk worth binding: a column with no value at all in
    the chunk (the dates and notes of a new layer…) is left out of the ``INSERT`` when its
    table column is NULL by default — the same rows, without binding ``None`` (the
    slowest value for Python's ``sqlite3``) hundreds of thousands of times."""
    return [n for n, column in enumerate(attributes)
            if names[n] not in null_by_default or not len(column) or column[0] is not None
            or column.count(None) != len(column)]


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
    by_id = numpy.argsort(leaf_ids, kind="stable")   # appended in key order: no page splits
    insert_rows(connection, "INSERT INTO %s (rowid, nodeno)" % rowid_table, 2,
                zip(leaf_ids[by_id].tolist(), leaf_of[by_id].tolist()), len(leaf_ids))
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
