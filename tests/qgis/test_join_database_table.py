"""A landlord table kept in PostgreSQL (issue #12: national data in the database) joins as
the same sheet read from its file: same dwellings, ids, points, anomalies, line numbers
(row n of the table is line n + 1, in primary-key order), with typed columns (an RPLS
stored as a number loses its leading zeros as Excel does, and gets them back), a geometry
column left out, a table name full of quotes and SQL, and French errors that never show
the password."""
import csv
import os

import pytest
from test_join_plans import features

HOSTILE_NAME = 'sia "2021"; DROP TABLE public.temoin; --'


def connect(pg, user="postgres", password=None):
    import psycopg2
    return psycopg2.connect(host=pg["host"], port=pg["port"], dbname=pg["dbname"], user=user,
                            password=password)


def conninfo(pg, user="postgres", password=None):
    text = "postgres:host=%s port=%s dbname=%s user=%s" % (pg["host"], pg["port"],
                                                          pg["dbname"], user)
    return text + (" password=%s" % password if password else "")


def sample_rows(sample):
    path = os.path.join(sample, "bailleurs", "sia_logements.csv")
    with open(path, encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    return path, rows[0], rows[1:]


@pytest.fixture(scope="module")
def landlord_table(qgis_app, sample_data, postgis):
    """The sample CSV as a PostgreSQL table: texts, the RPLS as a number, the year as an
    integer, plus a point column; a witness table the name must not drop."""
    from psycopg2 import sql
    path, header, rows = sample_rows(str(sample_data))
    rpls = header.index(next(h for h in header if "RPLS" in h))
    year = header.index(next(h for h in header if h.startswith("Ann")))
    kinds = ["text"] * len(header)
    kinds[rpls], kinds[year] = "bigint", "integer"
    with connect(postgis) as connection, connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA IF NOT EXISTS bailleurs")
        cursor.execute("CREATE TABLE IF NOT EXISTS public.temoin (x int)")
        cursor.execute(sql.SQL("DROP TABLE IF EXISTS bailleurs.{}").format(
            sql.Identifier(HOSTILE_NAME)))
        cursor.execute(sql.SQL("CREATE TABLE bailleurs.{} ({}, geom geometry(Point, 2154))"
                               ).format(sql.Identifier(HOSTILE_NAME), sql.SQL(", ").join(
                                   sql.SQL("{} {}").format(sql.Identifier(h), sql.SQL(k))
                                   for h, k in zip(header, kinds))))

        def typed(row):   # a blank or short line of the file: NULLs in the table
            values = [v if v != "" else None for v in row + [""] * (len(header) - len(row))]
            for i in (rpls, year):
                values[i] = int(values[i]) if values[i] and values[i].isdigit() else None
            return values
        cursor.executemany(sql.SQL("INSERT INTO bailleurs.{} VALUES ({}, "
                                   "ST_SetSRID(ST_MakePoint(1, 2), 2154))").format(
            sql.Identifier(HOSTILE_NAME), sql.SQL(", ").join(sql.Placeholder() * len(header))),
            [typed(r) for r in rows])
        assert all(len(r) <= rpls or r[rpls] == "" or r[rpls].isdigit() for r in rows)
        assert any(len(r) > rpls and r[rpls].startswith("00") for r in rows)   # zeros lost
    return {"csv": path, "sheet": "bailleurs." + HOSTILE_NAME,
            "rows": sum(1 for r in rows if any(c.strip() for c in r))}


def join(sample, out, **params):
    import processing
    gpkg = os.path.join(sample, "territoire.gpkg")
    return processing.run("osp:joinbailleurparcelles", dict({
        "PARCELS": gpkg + "|layername=parcelles",
        "LOCAUX": os.path.join(sample, "pb0010_local.csv"),
        "ADDRESSES": gpkg + "|layername=adresses",
        "OUTPUT": str(out) + ".gpkg", "ANOMALIES": str(out) + ".csv"}, **params))


def anomalies(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return [(r["ligne"], r["motif"], r["detail"]) for r in csv.DictReader(handle)]


def test_a_table_in_the_database_joins_as_its_file(landlord_table, sample_data, postgis,
                                                    tmp_path):
    sample = str(sample_data)
    from_file = join(sample, tmp_path / "fichier", INPUT=landlord_table["csv"])
    from_base = join(sample, tmp_path / "base", INPUT=conninfo(postgis),
                     SHEET=landlord_table["sheet"])
    for key in ("N_ROWS", "N_LOCATED", "N_NOT_LOCATED", "N_DUPLICATES"):
        assert from_base[key] == from_file[key], key
    assert from_file["N_ROWS"] == landlord_table["rows"]
    file_features, base_features = (features(str(tmp_path / name) + ".gpkg")
                                    for name in ("fichier", "base"))
    assert file_features.keys() == base_features.keys()
    assert sum(1 for _, point in base_features.values() if point) > 50
    compared = {"ident_rep", "ident_int", "idlocal", "idpar", "idcom", "type_palu",
                "annee_financ", "geoloc_source", "geoloc_motif", "intitule", "bailleur"}
    for line, (attributes, point) in file_features.items():
        other, other_point = base_features[line]
        assert other_point == point, line
        assert {k: other.get(k) for k in compared} == {k: attributes.get(k) for k in compared}
    assert anomalies(str(tmp_path / "base") + ".csv") == \
        anomalies(str(tmp_path / "fichier") + ".csv")
    assert postgis["psql"]("select count(*) from public.temoin").strip() == "0"


def test_rows_follow_the_primary_key_and_geometries_are_left_out(qgis_app, sample_data,
                                                                  postgis, tmp_path):
    from osp_erbm.processing_algs.logements import database_table
    with connect(postgis) as connection, connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bailleurs.ordre")
        cursor.execute("CREATE TABLE bailleurs.ordre (k int PRIMARY KEY, rpls numeric, "
                       "note text, geom geometry(Point, 2154), jour date)")
        cursor.executemany("INSERT INTO bailleurs.ordre VALUES (%s, %s, %s, NULL, %s)",
                           [(3, 36259245, "trois\nlignes, \"citées\"", "2021-03-04"),
                            (1, None, "=HYPERLINK(\"x\")", None), (2, 12.0, "", None)])
    raw = database_table.read_database_table(conninfo(postgis), "bailleurs.ordre")
    for spelled in (' table="bailleurs"."ordre"', " table=bailleurs.ordre"):   # in the text
        assert database_table.read_database_table(conninfo(postgis) + spelled).rows == raw.rows
    assert raw.rows == [(1, ["k", "rpls", "note", "jour"]),
                        (2, ["1", "", "=HYPERLINK(\"x\")", ""]),
                        (3, ["2", "12.0", "", ""]),
                        (4, ["3", "36259245", "trois\nlignes, \"citées\"", "2021-03-04"])]


def test_french_errors_without_the_password(qgis_app, sample_data, postgis, tmp_path,
                                            landlord_table):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    secret = "S3cret-Bailleur"
    postgis["psql"]("DROP ROLE IF EXISTS lecteur; CREATE ROLE lecteur LOGIN PASSWORD '%s'; "
                    "GRANT USAGE ON SCHEMA bailleurs TO lecteur" % secret)
    sample = str(sample_data)

    class Log(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, text):
            self.lines.append(text)

        def reportError(self, text, fatal=False):
            self.lines.append(text)

    cases = [({"INPUT": conninfo(postgis, "lecteur", secret), "SHEET": "bailleurs.absente"},
              "introuvable"),
             ({"INPUT": conninfo(postgis, "lecteur", secret),
               "SHEET": landlord_table["sheet"]}, "impossible"),   # no SELECT right
             ({"INPUT": conninfo(postgis, "lecteur", "faux-" + secret),
               "SHEET": landlord_table["sheet"]}, "Connexion à PostgreSQL impossible"),
             ({"INPUT": conninfo(postgis)}, "indiquer la table")]
    for params, expected in cases:
        log = Log()
        with pytest.raises(QgsProcessingException) as error:
            processing.run("osp:joinbailleurparcelles", dict(params, **{
                "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
                "OUTPUT": str(tmp_path / "refus.gpkg"),
                "ANOMALIES": str(tmp_path / "refus.csv")}), feedback=log)
        text = str(error.value) + "\n".join(log.lines)
        assert expected in text, text
        assert secret not in text
        assert not os.path.exists(str(tmp_path / "refus.gpkg"))
    # granted: the reader's join works and its log names the table, not the connection
    postgis["psql"]('GRANT SELECT ON ALL TABLES IN SCHEMA bailleurs TO lecteur')
    log = Log()
    processing.run("osp:joinbailleurparcelles", {
        "INPUT": conninfo(postgis, "lecteur", secret), "SHEET": landlord_table["sheet"],
        "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
        "OUTPUT": str(tmp_path / "ok.gpkg"), "ANOMALIES": str(tmp_path / "ok.csv")},
        feedback=log)
    assert any(HOSTILE_NAME in line for line in log.lines)
    assert not any(secret in line for line in log.lines)


def test_everything_in_the_database(landlord_table, sample_data, postgis, tmp_path):
    """The national path: landlord table, parcels and output in the same PostGIS base; the
    dwellings written there are those of the join from the file."""
    import processing
    from qgis.core import QgsVectorLayer
    from test_join_postgis import export, pg_uri
    sample = str(sample_data)
    parcels = QgsVectorLayer(os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
                             "p", "ogr")
    export(parcels, pg_uri(postgis, "parcelles_nat"))
    postgis["psql"]("create index on parcelles_nat (idpar)")
    pg_parcels = QgsVectorLayer(pg_uri(postgis, "parcelles_nat"), "parcelles", "postgres")
    result = processing.run("osp:joinbailleurparcelles", {
        "INPUT": conninfo(postgis), "SHEET": landlord_table["sheet"], "PARCELS": pg_parcels,
        "OUTPUT": "postgis:" + pg_uri(postgis, "logements_nat"),
        "ANOMALIES": str(tmp_path / "an.csv")})
    join(sample, tmp_path / "fichier", INPUT=landlord_table["csv"],
         LOCAUX=None, ADDRESSES=None)
    written = QgsVectorLayer(pg_uri(postgis, "logements_nat"), "l", "postgres")
    assert written.isValid() and written.featureCount() == result["N_LOCATED"] + \
        result["N_NOT_LOCATED"]
    expected = features(str(tmp_path / "fichier") + ".gpkg")
    got = {f["ligne_source"]: (f["idpar"], f["geoloc_source"], None if not f.hasGeometry()
                               else (f.geometry().asPoint().x(), f.geometry().asPoint().y()))
           for f in written.getFeatures()}
    assert got == {line: (a["idpar"], a["geoloc_source"], point)
                   for line, (a, point) in expected.items()}
    assert sum(1 for *_, point in got.values() if point) > 50


def test_qgis_process_reads_the_table_like_a_users_batch(landlord_table, sample_data, postgis,
                                                         tmp_path):
    """The batch a cartographer types: qgis_process with INPUT=postgres:… and the table in
    SHEET (its hostile name passed as one argument)."""
    from test_qgis_process import install_profile, qgis_process
    profile = tmp_path / "profile"
    install_profile.install(str(profile))
    sample = str(sample_data)
    done = qgis_process(profile, "run", "osp:joinbailleurparcelles", "--",
                        "INPUT=" + conninfo(postgis), "SHEET=" + landlord_table["sheet"],
                        "PARCELS=" + os.path.join(sample, "territoire.gpkg")
                        + "|layername=parcelles",
                        "OUTPUT=%s" % (tmp_path / "l.gpkg"),
                        "ANOMALIES=%s" % (tmp_path / "a.csv"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "N_ROWS:\t%d" % landlord_table["rows"] in done.stdout
    assert HOSTILE_NAME in done.stdout   # the log names the table
    assert postgis["psql"]("select count(*) from public.temoin").strip() == "0"


def test_empty_or_unusable_tables(qgis_app, sample_data, postgis, tmp_path):
    """An empty table joins as a header-only sheet (nothing read, nothing lost); a table
    without recognised columns or without any data column gets a French message."""
    import processing
    from qgis.core import QgsProcessingException
    postgis["psql"]('DROP SCHEMA IF EXISTS essais CASCADE; CREATE SCHEMA essais; '
                    'CREATE TABLE essais.vide ("N° RPLS" text, "Parcelle" text); '
                    'CREATE TABLE essais.autre (x text, y int); INSERT INTO essais.autre '
                    "VALUES ('a', 1); CREATE TABLE essais.geo (geom geometry(Point, 2154))")
    sample = str(sample_data)

    def run(table):
        return processing.run("osp:joinbailleurparcelles", {
            "INPUT": conninfo(postgis), "SHEET": table,
            "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
            "OUTPUT": str(tmp_path / "o.gpkg"), "ANOMALIES": str(tmp_path / "o.csv")})
    assert run("essais.vide")["N_ROWS"] == 0
    for table, expected in (("essais.autre", "Aucune ligne d'en-tête reconnue"),
                            ("essais.geo", "aucune colonne de données")):
        with pytest.raises(QgsProcessingException) as error:
            run(table)
        assert expected in str(error.value) and "Traceback" not in str(error.value)
