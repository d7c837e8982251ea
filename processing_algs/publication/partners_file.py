"""partenaires.csv, written beside the published project: which group acts for which partner
and which codes are its own (``groupe;type;code;nom``).  One source: the shared base's
``osp.partenaires`` when the publication comes from it, else the reference tables (the same
rule, osp_qgis/base_partagee/partners.py).  The server plugin reads nothing else."""
import csv

from ...osp_qgis.base_partagee.partners import partner_rows
from ..common.postgres import BaseError, explain

NAME = "partenaires.csv"
COLUMNS = ("groupe", "type", "code", "nom")


def reference_rows():
    return partner_rows()


def database_rows(database):
    """The rows of ``osp.partenaires`` (readable by the OSP admins and readers)."""
    import psycopg2  # third-party: loaded when a database is used
    connection = database.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT role, type, code, nom FROM osp.partenaires "
                           "ORDER BY role, code")
            return [tuple(row) for row in cursor.fetchall()]
    except psycopg2.Error as error:
        raise BaseError("Partenaires de la base illisibles : %s" % explain(error, database))
    finally:
        connection.close()


def groups_by_field(rows, fields):
    """``[(field, {code: group})]`` for the partner fields ``(bailleur field, epci field)``."""
    bailleur, epci = fields
    return [(bailleur, {code: group for group, kind, code, _ in rows if kind == "bailleur"}),
            (epci, {code: group for group, kind, code, _ in rows if kind == "epci"})]


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
