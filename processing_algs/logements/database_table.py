"""A landlord table kept in PostgreSQL, read as the join reads a CSV (issue #12): the server
writes its non-geometric columns as text (``COPY … TO STDOUT``, PostgreSQL's own text of
each value: a numeric RPLS keeps its digits, a date is ISO), and the sheet reader takes it
from there — same header detection, same rules, same anomalies.  Row ``n`` of the table (in
the order of its primary key, else as stored) is line ``n + 1``, the header being line 1.

Identifiers go through ``psycopg2.sql.Identifier`` or ``quote_ident`` with the names as
parameters: a table name full of quotes and SQL is only a name."""
import io

from ...osp_qgis.sheets import csv_sheets as sheets_csv
from ...osp_qgis.sheets import raw as sheets
from ...osp_qgis.sheets.shared_texts import worth_sharing
from ..common import postgres

PREFIXES = ("postgres:", "postgresql:", "postgis:")
# column types that are not landlord data (geometries, rasters, binaries)
SKIPPED_TYPES = ("geometry", "geography", "raster", "bytea")


def is_database_input(value):
    """``postgres:…`` (a QGIS connection name, ``service=…`` or ``dbname=… host=…``)."""
    return bool(value) and value.strip().lower().startswith(PREFIXES)


def table_of(database, sheet):
    """``(schema, table)``: the ``table=`` of the connection text (``"schema"."table"``, or
    unquoted like ``SHEET``), else ``SHEET`` (``schema.table``, split at the first dot, or
    ``table`` in ``public``)."""
    if database.source.table():
        if database.source.schema():   # table="schema"."table"
            return database.source.schema(), database.source.table()
        sheet = database.source.table()   # table=schema.table, unquoted
    if not sheet:
        raise postgres.BaseError("Table bailleur dans la base %s : indiquer la table dans "
                                "« Feuille » (schéma.table) ou « table=… » dans la "
                                "connexion." % database.label)
    schema, dot, table = sheet.partition(".")   # the first dot: a table name may hold dots
    return (schema, table) if dot else ("public", schema)


def read_database_table(value, sheet=None):
    """The table as a :class:`sheets.RawSheet` (header = column names on line 1)."""
    from psycopg2 import Error, sql
    database = postgres.Database(value)
    schema, table = table_of(database, sheet)
    name = "%s.%s" % (schema, table)
    connection = database.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(quote_ident(%s) || '.' || quote_ident(%s))::oid",
                           (schema, table))
            oid = cursor.fetchone()[0]
            if oid is None:
                raise postgres.BaseError("Table « %s » introuvable dans la base %s (ou droits "
                                        "insuffisants)." % (name, database.label))
            cursor.execute("SELECT a.attname FROM pg_attribute a JOIN pg_type t ON "
                           "t.oid = a.atttypid WHERE a.attrelid = %s AND a.attnum > 0 AND "
                           "NOT a.attisdropped AND t.typname <> ALL(%s) ORDER BY a.attnum",
                           (oid, list(SKIPPED_TYPES)))
            names = [r[0] for r in cursor.fetchall()]
            if not names:
                raise postgres.BaseError("La table « %s » n'a aucune colonne de données."
                                        % name)
            cursor.execute("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON "
                           "a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                           "WHERE i.indrelid = %s AND i.indisprimary "
                           "ORDER BY array_position(i.indkey::int2[], a.attnum)", (oid,))
            key = [r[0] for r in cursor.fetchall()]
            query = sql.SQL("COPY (SELECT {} FROM {}.{}{}) TO STDOUT WITH (FORMAT csv, "
                            "HEADER true, ENCODING 'UTF8')").format(
                sql.SQL(", ").join(sql.Identifier(n) for n in names),
                sql.Identifier(schema), sql.Identifier(table),
                sql.SQL(" ORDER BY {}").format(sql.SQL(", ").join(
                    sql.Identifier(n) for n in key)) if key else sql.SQL(""))
            data = io.BytesIO()
            cursor.copy_expert(query, data)
    except Error as error:
        raise postgres.BaseError("Lecture de la table « %s » impossible : %s" % (
            name, postgres.explain(error, database)))
    finally:
        connection.close()
    text = str(data.getbuffer(), "utf-8")   # the bytes not copied
    del data
    unquoted = sheets_csv.is_unquoted(text)
    lines = sheets_csv.split_lines(text)
    del text
    return _sheet(lines, name, unquoted)


def _sheet(lines, name, unquoted=False):
    """The server's CSV (its lines) as rows numbered by record (a value may hold line
    breaks); a large table has its repeated texts shared while read, as a large CSV.
    ``unquoted``: no double quote nor NUL in the text (:func:`sheets_csv.is_unquoted`)."""
    share = worth_sharing(len(lines))
    records = sheets_csv.records(lines, ",", share, unquoted)
    return sheets.RawSheet(rows=list(enumerate(records, 1)), sheet_name=name,
                           encoding="utf-8 (PostgreSQL)", delimiter=",", texts_shared=share)
