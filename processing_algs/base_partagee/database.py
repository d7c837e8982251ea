"""The shared PostGIS base seen from QGIS (the server itself: common/postgres.py): the
migrations applied in one transaction, the partners' roles, the logins, the history.  Every value is a query
parameter; identifiers are the migrations' own or quoted by the server (``format('%I')``).
A password never appears in a label, a log line or an error message."""
import json

from ...osp_qgis.base_partagee import migrations as osp_migrations
from ...osp_qgis.base_partagee import partners
from ..common.postgres import BaseError, explain

SCHEMA = osp_migrations.SCHEMA
_LOCK = 7406510   # advisory lock key of osp:init_base (two runs never interleave)


# -- schema ---------------------------------------------------------------------------------
def schema_version(cursor):
    """The base's version (0: no OSP schema yet)."""
    cursor.execute("SELECT to_regclass('osp.schema_version') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return 0
    cursor.execute("SELECT coalesce(max(version), 0) FROM osp.schema_version")
    return cursor.fetchone()[0]


def migrate(database, feedback=None, available=None):
    """Apply the pending migrations in one transaction (all or nothing); returns
    ``(version before, version after, [migrations applied])``."""
    import psycopg2
    connection = database.connect()
    try:
        with connection:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
                before = schema_version(cursor)
                try:
                    todo = osp_migrations.pending(before, available)
                except ValueError as error:
                    raise BaseError(str(error))
                if before == 0:
                    cursor.execute("CREATE SCHEMA IF NOT EXISTS osp")
                    cursor.execute("CREATE EXTENSION IF NOT EXISTS postgis")
                    cursor.execute(
                        "CREATE TABLE osp.schema_version (version integer PRIMARY KEY, "
                        "nom text NOT NULL, empreinte text NOT NULL, applique_le timestamptz "
                        "NOT NULL DEFAULT now(), applique_par text NOT NULL DEFAULT "
                        "session_user)")
                for migration in todo:
                    if feedback is not None:
                        feedback.pushInfo("Migration %03d « %s »…" % (migration.version,
                                                                      migration.name))
                    cursor.execute(migration.sql())
                    cursor.execute("INSERT INTO osp.schema_version (version, nom, empreinte) "
                                   "VALUES (%s, %s, %s)", (migration.version, migration.name,
                                                           migration.checksum()))
                after = schema_version(cursor)
    except psycopg2.Error as error:
        raise BaseError("Base OSP non modifiée (%s) : %s" % (database.label,
                                                             explain(error, database)))
    finally:
        connection.close()
    return before, after, todo


def create_partners(database, rows=None):
    """The partners' group roles (idempotent); returns their names."""
    import psycopg2
    connection = database.connect()
    names = []
    try:
        with connection:
            with connection.cursor() as cursor:
                for kind, sigle, codes, name in (partners.reference_partners() if rows is None
                                                  else rows):
                    cursor.execute("SELECT osp.creer_partenaire(%s, %s, %s, %s)",
                                   (kind, sigle, list(codes), name))
                    names.append(cursor.fetchone()[0])
    except psycopg2.Error as error:
        raise BaseError("Rôles des partenaires non créés : %s" % explain(error, database))
    finally:
        connection.close()
    return names


def groups(database):
    """The groups a login can join: ``osp_admin``, ``osp_lecteur`` and the partners'."""
    connection = database.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT role FROM osp.partenaires ORDER BY role")
            return ["osp_admin", "osp_lecteur"] + [r[0] for r in cursor.fetchall()]
    finally:
        connection.close()


def add_user(database, login, group, password):
    """A login in ``group``; the password is encrypted here (SCRAM, by libpq) so the server
    never receives nor logs it in clear."""
    import psycopg2
    from psycopg2.extensions import encrypt_password
    connection = database.connect()
    try:
        encrypted = encrypt_password(password, login, connection, "scram-sha-256") \
            if password else None
        with connection:
            with connection.cursor() as cursor:
                cursor.execute("SELECT osp.ajouter_utilisateur(%s, %s, %s)",
                               (login, group, encrypted))
    except psycopg2.Error as error:
        raise BaseError("Utilisateur « %s » non ajouté : %s" % (
            login, explain(error, database).replace(password or "\0", "********")))
    finally:
        connection.close()


# -- history --------------------------------------------------------------------------------
HISTORY_FIELDS = (("quand", "datetime"), ("qui", "string"), ("table_nom", "string"),
                  ("action", "string"), ("cle", "int"), ("id_import", "int"),
                  ("bailleur", "string"), ("epci", "string"), ("idcom", "string"),
                  ("champ", "string"), ("avant", "string"), ("apres", "string"))


def history(database, start=None, end=None, bailleur=None, epci=None, commune=None):
    """The audit rows of a period for a landlord / an EPCI / a commune, one row per changed
    field (an insert or a delete: one row, the whole record in ``apres`` / ``avant``)."""
    import psycopg2
    conditions, values = ["true"], []
    for column, value in (("bailleur", bailleur), ("epci", epci), ("idcom", commune)):
        if value:
            conditions.append("a.%s = %%s" % column)   # column: this module's own names
            values.append(value)
    if start is not None:
        conditions.append("a.quand >= %s")
        values.append(start)
    if end is not None:
        conditions.append("a.quand < %s")
        values.append(end)
    connection = database.connect()
    try:
        with connection.cursor() as cursor:
            # the partners' view of the audit: all of it for the State, one's own rows
            # without the other blocks for a partner (migration 006)
            cursor.execute("SELECT a.quand, a.qui, a.table_nom, a.action, a.cle, a.id_import, "
                           "a.bailleur, a.epci, a.idcom, a.avant, a.apres FROM "
                           "osp.historique_partenaire a WHERE " + " AND ".join(conditions)
                           + " ORDER BY a.id_audit", values)
            rows = cursor.fetchall()
    except psycopg2.Error as error:
        raise BaseError("Historique illisible : %s" % explain(error, database))
    finally:
        connection.close()
    out = []
    for quand, qui, table, action, cle, id_import, b, e, c, avant, apres in rows:
        head = [quand.astimezone().replace(tzinfo=None) if quand else None, qui, table,
                action, cle,
                id_import, b, e, c]
        if action == "UPDATE":
            for field in sorted(set(avant or {}) | set(apres or {})):
                if field in ("version", "date_maj") or \
                        (avant or {}).get(field) == (apres or {}).get(field):
                    continue
                out.append(head + [field, _text((avant or {}).get(field)),
                                   _text((apres or {}).get(field))])
        else:
            out.append(head + [None, json.dumps(avant, ensure_ascii=False) if avant else None,
                               json.dumps(apres, ensure_ascii=False) if apres else None])
    return out


def _text(value):
    return None if value is None else str(value)


def grant_styles(database):
    """Everyone of the OSP reads the default styles QGIS stored in ``public.layer_styles``."""
    import psycopg2
    connection = database.connect()
    try:
        with connection:
            with connection.cursor() as cursor:
                cursor.execute("SELECT to_regclass('public.layer_styles') IS NOT NULL")
                if cursor.fetchone()[0]:
                    cursor.execute("GRANT SELECT ON public.layer_styles TO osp_admin, "
                                   "osp_lecteur, osp_bailleurs, osp_epcis")
    except psycopg2.Error as error:
        raise BaseError("Styles non partagés : %s" % explain(error, database))
    finally:
        connection.close()
