"""The programmation in a PostGIS schema (a team's shared programmation): tables with their
keys and the form's rules as CHECK constraints, every value a query parameter, the changes
of an import in one transaction that applies only to the versions the import read."""
from .programmation_io import StoreError, operation_geometry
from ..osp_qgis.programmation import model


_SQL_TYPES = {"int": "integer", "double": "double precision", "string": "text",
              "date": "date", "datetime": "timestamp"}


def _checks():
    """CHECK constraints mirroring the form's rules (a direct insert cannot bypass them)."""
    checks = []
    for p in ("b", "e", "d"):
        checks.append("CHECK (%s_nb_c IS NULL OR %s_nb_bbc IS NULL OR %s_nb_total IS NULL "
                      "OR %s_nb_c + %s_nb_bbc = %s_nb_total)" % ((p,) * 6))
        checks.append("CHECK (%s_nb_bio IS NULL OR %s_nb_total IS NULL OR %s_nb_bio <= "
                      "%s_nb_total)" % ((p,) * 4))
        for n in ("nb_total", "nb_c", "nb_bbc", "nb_bio", "env_total", "env_c", "env_bbc"):
            checks.append("CHECK (%s_%s IS NULL OR %s_%s >= 0)" % (p, n, p, n))
    checks.append("CHECK (statut IS NULL OR statut IN (%s))"
                  % ", ".join("'%s'" % s for s in model.STATUTS))
    checks.append("CHECK (type_prog IS NULL OR type_prog IN (%s))"
                  % ", ".join("'%s'" % s for s in model.TYPES_PROG))
    return checks


def create_postgis(target):
    """Schema, tables, keys and checks (idempotent).  Identifiers are the module's own
    (checked names), values are parameters."""
    from psycopg2 import sql
    columns = ", ".join("%s %s" % (name, _SQL_TYPES[kind]) for name, kind in
                        model.KINDS.items() if name != "id_op")
    note_columns = ", ".join("%s %s" % (name, _SQL_TYPES[kind]) for name, kind in
                             model.NOTE_KINDS.items() if name not in ("id_note", "id_op"))
    schema = sql.Identifier(target.schema)
    statements = [
        sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(schema),
        sql.SQL("CREATE TABLE IF NOT EXISTS {}.operations (fid serial PRIMARY KEY, "
                "id_op integer NOT NULL UNIQUE, " + columns + ", "
                "geom geometry(MultiPolygon, 2154), " + ", ".join(_checks()) + ")")
        .format(schema),
        sql.SQL("CREATE TABLE IF NOT EXISTS {}.avancement (fid serial PRIMARY KEY, "
                "id_note integer NOT NULL UNIQUE, id_op integer NOT NULL REFERENCES "
                "{}.operations(id_op) ON DELETE CASCADE, " + note_columns + ", "
                "CHECK (role IN ('bailleur', 'epci', 'ddtm_drbm')), "
                "CHECK (statut IS NULL OR statut IN ('publie', 'brouillon')))")
        .format(schema, schema),
        sql.SQL("CREATE TABLE IF NOT EXISTS {}.cites (fid serial PRIMARY KEY, id_cite integer "
                "NOT NULL UNIQUE, nom text, communes text, geom geometry(MultiPolygon, 2154))")
        .format(schema),
        sql.SQL("CREATE INDEX IF NOT EXISTS operations_geom ON {}.operations USING gist(geom)")
        .format(schema),
        sql.SQL("CREATE INDEX IF NOT EXISTS avancement_id_op ON {}.avancement(id_op)")
        .format(schema)]
    connection = target.connect()
    try:
        with connection:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    finally:
        connection.close()


def _insert(cursor, schema, table, row, kinds, geometry=None):
    from psycopg2 import sql
    names = [n for n in kinds]
    placeholders = [sql.Placeholder()] * len(names)
    values = [row.get(n) for n in names]
    if geometry is not None:
        names.append("geom")
        placeholders.append(sql.SQL("ST_Multi(ST_GeomFromWKB({}, 2154))").format(
            sql.Placeholder()))
        import psycopg2
        values.append(psycopg2.Binary(bytes(geometry.asWkb())))
    cursor.execute(sql.SQL("INSERT INTO {}.{} ({}) VALUES ({})").format(
        sql.Identifier(schema), sql.Identifier(table),
        sql.SQL(", ").join(sql.Identifier(n) for n in names), sql.SQL(", ").join(placeholders)),
        values)


def write_postgis(target, operations, notes, cites, changed_ids, read_versions, added_ids,
                  new_notes):
    """Apply an import in one transaction: changed operations updated only if still at the
    version read (else nothing is written), new operations and notes inserted."""
    from psycopg2 import sql
    connection = target.connect()
    schema = target.schema
    by_id = {op["id_op"]: op for op in operations}
    try:
        with connection:
            with connection.cursor() as cursor:
                if cites:
                    cursor.execute(sql.SQL("SELECT id_cite FROM {}.cites").format(
                        sql.Identifier(schema)))
                    known = {r[0] for r in cursor.fetchall()}
                    for cite in cites:
                        if cite["id_cite"] not in known:
                            _insert(cursor, schema, "cites", cite,
                                    {"id_cite": "int", "nom": "string", "communes": "string"},
                                    cite.get("_geom"))
                for id_op in changed_ids:
                    op = by_id[id_op]
                    names = [n for n in model.KINDS if n != "id_op"]
                    geometry = operation_geometry(op, cites)
                    assignments = [sql.SQL("{} = {}").format(sql.Identifier(n), sql.Placeholder())
                                   for n in names]
                    values = [op.get(n) for n in names]
                    if geometry is not None:
                        import psycopg2
                        assignments.append(sql.SQL("geom = ST_Multi(ST_GeomFromWKB({}, 2154))")
                                           .format(sql.Placeholder()))
                        values.append(psycopg2.Binary(bytes(geometry.asWkb())))
                    cursor.execute(sql.SQL("UPDATE {}.operations SET {} WHERE id_op = {} AND "
                                           "version IS NOT DISTINCT FROM {}").format(
                        sql.Identifier(schema), sql.SQL(", ").join(assignments),
                        sql.Placeholder(), sql.Placeholder()),
                        values + [id_op, read_versions.get(id_op)])
                    if cursor.rowcount != 1:
                        raise StoreError("L'opération %d a été modifiée par quelqu'un d'autre "
                                         "pendant l'import : rien n'a été enregistré, relancer "
                                         "l'import." % id_op)
                for id_op in added_ids:
                    op = by_id[id_op]
                    _insert(cursor, schema, "operations", op, model.KINDS,
                            operation_geometry(op, cites))
                for note in new_notes:
                    _insert(cursor, schema, "avancement", note, model.NOTE_KINDS)
    except StoreError:
        raise
    except Exception as error:  # psycopg2.Error and its kind: nothing was committed
        raise StoreError("Enregistrement dans PostGIS refusé, rien n'a été écrit : %s"
                         % str(error).strip().splitlines()[0])
    finally:
        connection.close()
