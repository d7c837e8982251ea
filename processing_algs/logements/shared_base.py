"""The analyse layer imported into the shared base (``osp.logements``): the same merge as a
GeoPackage update (matched dwellings updated, new ones added, the delivering landlords'
missing ones flagged absent, hand edits kept), in ONE transaction with its ``osp.imports``
row and its anomalies.  Each updated row says the version it was read at (+1): an edit
saved by someone during the import makes the import fail whole, never overwrite.  A killed
process, a stopped server or a terminated session leave the base as it was."""
from qgis.core import QgsDataSourceUri, QgsGeometry, QgsPointXY

from ...osp_qgis.base_partagee.migrations import SCHEMA
from ...osp_qgis.logements import analyse
from ..common import postgres

TABLE = "logements"
NAMES = [name for name, _, _ in analyse.FIELDS]


def shared_base_of(destination):
    """The :class:`postgres.Database` when a Processing destination is the shared base's
    dwellings table (``postgis:… table="osp"."logements"``), else ``None``."""
    for prefix in ("postgis:", "postgres:"):
        if destination and destination.startswith(prefix):
            uri = QgsDataSourceUri(destination[len(prefix):])
            if uri.schema() == SCHEMA and uri.table() == TABLE:
                return postgres.Database(uri.connectionInfo(False))
    return None


def load_without_password(context, destination, public, name):
    """Replace, among the layers QGIS opens when the algorithm ends, the destination as
    typed (it may hold a password, which the project file would then keep) by ``public``."""
    layers = context.layersToLoadOnCompletion()
    typed = [key for key, details in layers.items()
             if key in (destination, destination.split(":", 1)[-1])
             or getattr(details, "outputName", None) == "OUTPUT"]
    if not typed:
        return
    details = layers.pop(typed[0])
    details.name = name
    layers[public] = details
    context.setLayersToLoadOnCompletion(layers)


def _point(x, y):
    return QgsGeometry.fromPointXY(QgsPointXY(x, y)) if x is not None else None


def read_existing(cursor):
    """``(records, [(fid, version)])`` of the dwellings in the base, in fid order."""
    from psycopg2 import sql
    cursor.execute(sql.SQL("SELECT fid, version, {}, ST_X(geom), ST_Y(geom) FROM osp.logements "
                           "ORDER BY fid").format(
        sql.SQL(", ").join(sql.Identifier(n) for n in NAMES)))
    records, keys = [], []
    for row in cursor.fetchall():
        keys.append((row[0], row[1]))
        values = dict(zip(NAMES, row[2:2 + len(NAMES)]))
        records.append({"values": values, "geometry": _point(row[-2], row[-1])})
    return records, keys


def _xy(geometry):
    if geometry is None or geometry.isEmpty():
        return None, None
    point = geometry.asPoint()
    return point.x(), point.y()


def import_dwellings(database, records, problems, merge, label, cancelled=None):
    """Merge ``records`` into the base with ``merge(existing, records) -> (merged,
    stats)`` and write the result; returns ``(merged, stats, id_import)``."""
    import psycopg2
    from psycopg2 import sql
    from psycopg2.extras import execute_batch
    columns = sql.SQL(", ").join(sql.Identifier(n) for n in NAMES)
    geometry = sql.SQL("CASE WHEN {x} IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint({x}, {y}), "
                       "2154) END").format(x=sql.Placeholder("x"), y=sql.Placeholder("y"))
    insert = sql.SQL("INSERT INTO osp.logements ({}, id_import, geom) VALUES ({}, {}, {})").format(
        columns, sql.SQL(", ").join(sql.Placeholder(n) for n in NAMES),
        sql.Placeholder("id_import"), geometry)
    update = sql.SQL("UPDATE osp.logements SET {}, id_import = {}, geom = {}, version = {} "
                     "WHERE fid = {}").format(
        sql.SQL(", ").join(sql.SQL("{} = {}").format(sql.Identifier(n), sql.Placeholder(n))
                           for n in NAMES),
        sql.Placeholder("id_import"), geometry, sql.Placeholder("version"),
        sql.Placeholder("fid"))
    connection = database.connect()
    try:
        with connection:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO osp.imports (algorithme, fichier, n_lus) VALUES "
                               "('osp:analyselogement', %s, %s) RETURNING id_import",
                               (label, len(records)))
                id_import = cursor.fetchone()[0]
                cursor.execute("SELECT set_config('osp.id_import', %s, true)", (str(id_import),))
                existing, keys = read_existing(cursor)
                merged, stats = merge(existing, records)
                updates, inserts = [], []
                for n, record in enumerate(merged):
                    x, y = _xy(record["geometry"])
                    row = dict(record["values"], id_import=id_import, x=x, y=y)
                    row = {k: row.get(k) for k in NAMES + ["id_import", "x", "y"]}
                    if n < len(existing):
                        old = existing[n]
                        if record["values"] == old["values"] and \
                                _xy(old["geometry"]) == (x, y):
                            continue
                        fid, version = keys[n]
                        row.update(fid=fid, version=version + 1)
                        updates.append(row)
                    else:
                        inserts.append(row)
                for batch, statement in ((updates, update), (inserts, insert)):
                    for start in range(0, len(batch), 2000):
                        if cancelled is not None and cancelled():
                            raise postgres.BaseError("Import annulé : la base n'a pas été "
                                                    "modifiée.")
                        execute_batch(cursor, statement, batch[start:start + 2000],
                                      page_size=500)
                anomalies = []
                for record, motif, detail in problems:
                    x, y = _xy(record["geometry"])
                    anomalies.append((id_import, record["values"].get("id_osp"),
                                      record["values"].get("bailleur"), motif, detail, x, x, y))
                execute_batch(cursor, "INSERT INTO osp.anomalies (id_import, id_osp, bailleur, "
                                      "motif, detail, geom) VALUES (%s, %s, %s, %s, %s, CASE "
                                      "WHEN %s IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint("
                                      "%s, %s), 2154) END)", anomalies)
                cursor.execute("UPDATE osp.imports SET n_ajoutes = %s, n_mis_a_jour = %s, "
                               "n_anomalies = %s WHERE id_import = %s",
                               (len(inserts), len(updates), len(anomalies), id_import))
    except psycopg2.Error as error:
        raise postgres.BaseError("Import dans la base partagée refusé, rien n'a été écrit "
                                "(%s) : %s" % (database.label, postgres.explain(error, database)))
    finally:
        connection.close()
    return merged, stats, id_import
