"""The programmation in a PostGIS schema (a team's shared programmation): tables with their
keys and the form's rules as CHECK constraints (generated from forms/*.json), every value a
query parameter, the changes of an import in one transaction that applies only to the
versions the import read."""
import contextlib

from qgis.core import QgsGeometry

from ...osp_qgis.base_partagee import checks
from ...osp_qgis.programmation import finance, model
from ...osp_qgis.programmation.roundtrip import apply_plan
from .geometry import operation_geometry
from .target import StoreError

_SQL_TYPES = {"int": "integer", "double": "double precision", "string": "text",
              "date": "date", "datetime": "timestamp"}


def _constraints(table):
    """The table's CHECKs, generated from the forms (osp_qgis/base_partagee/checks.py): the
    same rules as the form, the import and the shared base — a direct insert cannot bypass
    them."""
    return ", ".join("CONSTRAINT %s CHECK (%s)" % (name, condition)
                     for owner, name, condition, _ in checks.programmation_checks()
                     if owner == table)


def _finance_tables(schema):
    """The financing plan and the payments (finance.py), each with the forms' CHECKs."""
    from psycopg2 import sql
    plan = ", ".join("%s %s" % (name, _SQL_TYPES[kind]) for name, kind in
                     finance.FIN_KINDS.items() if name not in ("id_fin", "id_op"))
    paid = ", ".join("%s %s" % (name, _SQL_TYPES[kind]) for name, kind in
                     finance.PAY_KINDS.items() if name not in ("id_vers", "id_fin", "id_op"))
    return [
        sql.SQL("CREATE TABLE IF NOT EXISTS {}.financements (fid serial PRIMARY KEY, "
                "id_fin integer NOT NULL UNIQUE, id_op integer NOT NULL REFERENCES "
                "{}.operations(id_op) ON DELETE CASCADE, " + plan + ", UNIQUE (id_fin, id_op)"
                + "".join(", " + c for c in [_constraints("financements")] if c) + ")")
        .format(schema, schema),
        sql.SQL("CREATE TABLE IF NOT EXISTS {}.versements (fid serial PRIMARY KEY, "
                "id_vers integer NOT NULL UNIQUE, id_fin integer NOT NULL, id_op integer NOT "
                "NULL, " + paid + ", FOREIGN KEY (id_fin, id_op) REFERENCES {}.financements "
                "(id_fin, id_op) ON DELETE CASCADE"
                + "".join(", " + c for c in [_constraints("versements")] if c) + ")")
        .format(schema, schema)]


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
                "geom geometry(MultiPolygon, 2154), " + _constraints("operations") + ")")
        .format(schema),
        sql.SQL("CREATE TABLE IF NOT EXISTS {}.avancement (fid serial PRIMARY KEY, "
                "id_note integer NOT NULL UNIQUE, id_op integer NOT NULL REFERENCES "
                "{}.operations(id_op) ON DELETE CASCADE, " + note_columns + ", "
                + _constraints("avancement") + ")")
        .format(schema, schema),
        sql.SQL("CREATE TABLE IF NOT EXISTS {}.cites (fid serial PRIMARY KEY, id_cite integer "
                "NOT NULL UNIQUE, nom text, communes text, geom geometry(MultiPolygon, 2154))")
        .format(schema),
        sql.SQL("CREATE TABLE IF NOT EXISTS {}.cle_classeurs (cle text NOT NULL, cree_le "
                "timestamptz NOT NULL DEFAULT now())").format(schema),
        sql.SQL("REVOKE ALL ON {}.cle_classeurs FROM PUBLIC").format(schema),
        sql.SQL("CREATE INDEX IF NOT EXISTS operations_geom ON {}.operations USING gist(geom)")
        .format(schema),
        sql.SQL("CREATE INDEX IF NOT EXISTS avancement_id_op ON {}.avancement(id_op)")
        .format(schema)]
    # a programmation written before the financial follow-up gains its columns
    statements += [sql.SQL("ALTER TABLE {}.operations ADD COLUMN IF NOT EXISTS {} " +
                           _SQL_TYPES[kind]).format(schema, sql.Identifier(name))
                   for name, kind in model.FINANCE]
    statements += _finance_tables(schema)
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
    connection = target.connect()
    try:
        with connection:
            with connection.cursor() as cursor:
                _write(cursor, target.schema, operations, cites, changed_ids, read_versions,
                       added_ids, new_notes)
    except StoreError:
        raise
    except Exception as error:  # psycopg2.Error and its kind: nothing was committed
        raise _refused(error)
    finally:
        connection.close()


def _refused(error):
    return StoreError("Enregistrement dans PostGIS refusé, rien n'a été écrit : %s"
                      % str(error).strip().splitlines()[0])


@contextlib.contextmanager
def _import_transaction(target):
    """A cursor in one transaction under the schema's import lock (two imports never read
    the same state): committed when the block ends, rolled back on any error — a database
    error refused in French (:class:`StoreError`), a cancellation passed on as it is."""
    connection = target.connect()
    try:
        with connection:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))",
                               ("osp programmation import %s" % target.schema,))
                yield cursor
    except StoreError:
        raise
    except Exception as error:
        if type(error).__name__ == "Cancelled":
            raise
        raise _refused(error)
    finally:
        connection.close()


def import_in_transaction(target, change, who):
    """An import as one transaction: the programmation read *after* taking the import lock
    of the schema (two imports never read the same state), ``change(operations, notes,
    cités)`` returns the plan, which is applied (version check on each changed row) and
    committed, or nothing is. Returns the plan."""
    from psycopg2 import sql
    schema = target.schema
    with _import_transaction(target) as cursor:
        operations = _select(cursor, schema, "operations", model.KINDS)
        notes = _select(cursor, schema, "avancement", model.NOTE_KINDS)
        cursor.execute(sql.SQL("SELECT id_cite, nom, communes, ST_AsBinary(geom) "
                               "FROM {}.cites").format(sql.Identifier(schema)))
        cites = [{"id_cite": i, "nom": n, "communes": c, "_geom": _geometry(g)}
                 for i, n, c, g in cursor.fetchall()]
        plan, extra_cites = change(operations, notes, cites)
        new_operations, new_notes = apply_plan(operations, notes, plan, who)
        old_ids = {op["id_op"] for op in operations}
        old_notes = {n["id_note"] for n in notes}
        _write(cursor, schema, new_operations, cites + list(extra_cites),
               list(plan.updates), {op["id_op"]: op.get("version") for op in operations},
               [op["id_op"] for op in new_operations if op["id_op"] not in old_ids],
               [n for n in new_notes if n["id_note"] not in old_notes])
    return plan


def _geometry(wkb):
    geometry = QgsGeometry()
    if wkb is not None:
        geometry.fromWkb(bytes(wkb))
    return geometry


def _select(cursor, schema, table, kinds):
    from psycopg2 import sql
    names = list(kinds)
    cursor.execute(sql.SQL("SELECT {} FROM {}.{} ORDER BY 1").format(
        sql.SQL(", ").join(sql.Identifier(n) for n in names), sql.Identifier(schema),
        sql.Identifier(table)))
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _write(cursor, schema, operations, cites, changed_ids, read_versions, added_ids,
           new_notes):
    from psycopg2 import sql
    by_id = {op["id_op"]: op for op in operations}
    if cites:
        cursor.execute(sql.SQL("SELECT id_cite FROM {}.cites").format(sql.Identifier(schema)))
        known = {r[0] for r in cursor.fetchall()}
        for cite in cites:
            if cite["id_cite"] not in known:
                known.add(cite["id_cite"])
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
        _insert(cursor, schema, "operations", op, model.KINDS, operation_geometry(op, cites))
    for note in new_notes:
        _insert(cursor, schema, "avancement", note, model.NOTE_KINDS)


def finance_in_transaction(target, change):
    """A financial import as one transaction under the schema's import lock:
    ``change(operations, financements, versements)`` returns what they become (or ``None``);
    the operations' money fields, the changed or new lines and the new payments are
    written, or nothing is."""
    from psycopg2 import sql
    schema = target.schema
    with _import_transaction(target) as cursor:
        operations = _select(cursor, schema, "operations", model.KINDS)
        financements = _select(cursor, schema, "financements", finance.FIN_KINDS)
        versements = _select(cursor, schema, "versements", finance.PAY_KINDS)
        wanted = change(operations, financements, versements)
        if wanted is None:
            return None
        new_operations, new_financements, new_versements = wanted
        before = {op["id_op"]: op for op in operations}
        money = [name for name, _ in model.FINANCE]
        for op in new_operations:
            old = before.get(op["id_op"])
            if old is not None and any(old.get(n) != op.get(n) for n in money):
                # the version read, plus one: the shared base's optimistic lock
                cursor.execute(sql.SQL("UPDATE {}.operations SET {}, version = "
                                       "coalesce(version, 0) + 1 WHERE id_op = {} AND "
                                       "version IS NOT DISTINCT FROM {}")
                               .format(sql.Identifier(schema), sql.SQL(", ").join(
                                   sql.SQL("{} = {}").format(sql.Identifier(n),
                                                             sql.Placeholder())
                                   for n in money), sql.Placeholder(),
                                   sql.Placeholder()),
                               [op.get(n) for n in money] + [op["id_op"],
                                                             old.get("version")])
                if cursor.rowcount != 1:
                    raise StoreError("L'opération %d a été modifiée par quelqu'un "
                                     "d'autre pendant l'import : rien n'a été "
                                     "enregistré, relancer l'import." % op["id_op"])
        lines = {f["id_fin"]: f for f in financements}
        for line in new_financements:
            old = lines.get(line["id_fin"])
            if old is None:
                _insert(cursor, schema, "financements", line, finance.FIN_KINDS)
            elif old != line:
                names = [n for n in finance.FIN_KINDS if n != "id_fin"]
                cursor.execute(sql.SQL("UPDATE {}.financements SET {} WHERE id_fin = {}")
                               .format(sql.Identifier(schema), sql.SQL(", ").join(
                                   sql.SQL("{} = {}").format(sql.Identifier(n),
                                                             sql.Placeholder())
                                   for n in names), sql.Placeholder()),
                               [line.get(n) for n in names] + [line["id_fin"]])
        known = {v["id_vers"] for v in versements}
        for payment in new_versements:
            if payment["id_vers"] not in known:
                _insert(cursor, schema, "versements", payment, finance.PAY_KINDS)
    return wanted
