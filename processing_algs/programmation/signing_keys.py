"""The secret that signs partner workbooks: one per programmation, kept in it (a GeoPackage
table no layer list shows, or ``<schema>.cle_classeurs`` readable by the schema's owner and
the OSP admins only) and never written into a workbook."""
import os
import sqlite3

from ...osp_qgis.programmation.signature import new_key
from . import postgis
from .target import StoreError

KEY_TABLE = "osp_cle_classeurs"      # GeoPackage: a table no layer list shows
POSTGIS_KEY_TABLE = "cle_classeurs"  # PostGIS: readable by the schema's owner and admins only


def gpkg_key(path, create):
    """The key of a GeoPackage programmation (``None`` when it has none and ``create`` is
    false); written with SQLite in one immediate transaction (two runs make one key)."""
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        if create:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute('CREATE TABLE IF NOT EXISTS "%s" (cle TEXT NOT NULL, cree_le '
                               "TEXT NOT NULL DEFAULT (datetime('now')))" % KEY_TABLE)
        found = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                   "name = ?", (KEY_TABLE,)).fetchone()
        row = connection.execute('SELECT cle FROM "%s" ORDER BY rowid LIMIT 1' % KEY_TABLE) \
            .fetchone() if found else None
        if row is None and create:
            key = new_key()
            connection.execute('INSERT INTO "%s" (cle) VALUES (?)' % KEY_TABLE, (key,))
            row = (key,)
        if connection.in_transaction:
            connection.execute("COMMIT")
        return row[0] if row else None
    except sqlite3.Error as error:
        raise StoreError("Clé de signature des classeurs illisible dans « %s » : %s."
                         % (os.path.basename(path), error))
    finally:
        connection.close()


def signing_key(target, create=False):
    """The programmation's secret for signing partner workbooks (hex text), created on
    first use when ``create``; ``None`` when it has none. Never leaves the programmation
    except as a signature."""
    if target.kind == "gpkg":
        if not os.path.exists(target.path):
            return None
        return gpkg_key(target.path, create)
    return postgis_key(target, create)


def postgis_key(target, create=False):
    """The signing key kept in ``<schema>.cle_classeurs`` (see :func:`signing_key`):
    readable by the schema's owner and the OSP admins only, created under a lock."""
    import psycopg2  # third-party: loaded when a database is used (see docs/architecture.md)
    from psycopg2 import sql
    connection = target.connect()
    table = sql.SQL("{}.cle_classeurs").format(sql.Identifier(target.schema))
    try:
        with connection:
            with connection.cursor() as cursor:
                cursor.execute("SELECT to_regclass(%s)", ("%s.cle_classeurs" % target.schema,))
                if cursor.fetchone()[0] is None:
                    if not create:
                        return None
                    postgis.create_postgis(target)
                if create:
                    cursor.execute(sql.SQL("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE")
                                   .format(table))
                cursor.execute(sql.SQL("SELECT cle FROM {} ORDER BY cree_le LIMIT 1")
                               .format(table))
                row = cursor.fetchone()
                if row is None and create:
                    row = (new_key(),)
                    cursor.execute(sql.SQL("INSERT INTO {} (cle) VALUES (%s)").format(table),
                                   row)
                return row[0] if row else None
    except psycopg2.Error as error:
        raise StoreError("Clé de signature des classeurs illisible dans %s : %s (seuls le "
                         "propriétaire du schéma et les administrateurs OSP la lisent)."
                         % (target.label, str(error).strip().splitlines()[0]))
    finally:
        connection.close()
