"""The shared PostGIS base (issue 13): osp:init_base, roles enforced by the server, the
optimistic lock, the history, osp:ajouter_utilisateur and osp:historique.

Everything runs against the real server the test run starts; each partner logs in with
its own password (SCRAM) through psycopg2 and through QGIS's postgres provider."""
import os
import random
import shutil
import threading

import pytest
from conftest import REPO

TABLES = ("logements", "operations", "avancement", "cites", "territoires", "anomalies",
          "imports", "audit", "partenaires", "schema_version")


def run(algorithm, params, feedback=None):
    import processing
    return processing.run(algorithm, params, feedback=feedback)


def database_string(postgis, dbname, user="postgres", password=None):
    text = "dbname=%s host=%s port=%s user=%s" % (dbname, postgis["host"], postgis["port"], user)
    return text + (" password=%s" % password if password else "")


class Log:
    """A Processing feedback that keeps every line (to look for passwords)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Keeping(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []

            def pushInfo(self, text):
                self.lines.append(text)

            def reportError(self, text, fatal=False):
                self.lines.append(text)

            def pushWarning(self, text):
                self.lines.append(text)

            def pushDebugInfo(self, text):
                self.lines.append(text)

            def pushCommandInfo(self, text):
                self.lines.append(text)

        return Keeping()


@pytest.fixture(scope="module")
def base(qgis_app, postgis, tmp_path_factory):
    """A fresh database, the schema by osp:init_base, one login per kind of partner, and
    a few dwellings, operations and notes written by the superuser."""
    import psycopg2
    postgis["psql"]("create database osp_base", dbname="postgres")
    dsn = database_string(postgis, "osp_base")
    log = Log()
    result = run("osp:init_base", {"DATABASE": dsn}, log)
    folder = tmp_path_factory.mktemp("logins")
    logins = {"admin1": "osp_admin", "sia1": "osp_bailleur_sia", "sia2": "osp_bailleur_sia",
              "mc1": "osp_bailleur_mc", "caph1": "osp_epci_caph", "ccpc1": "osp_epci_ccpc",
              "lecteur1": "osp_lecteur"}
    passwords = {}
    for login, group in logins.items():
        path = str(folder / ("%s.txt" % login))
        run("osp:ajouter_utilisateur", {"DATABASE": dsn, "LOGIN": login, "GROUP": group,
                                        "PASSWORD_FILE": path}, log)
        with open(path, encoding="utf-8") as handle:
            passwords[login] = handle.read().split("Mot de passe : ")[1].strip()
    connection = psycopg2.connect(dsn)
    with connection, connection.cursor() as cursor:
        for n, (bailleur, epci, ident) in enumerate((("SIA", "CAPH", "0000000001"),
                                                     ("SIA", "CAPH", "0000000002"),
                                                     ("M&C", "CCPC", "0000000003"),
                                                     ("SIA", "CCPC", "0000000004")), 1):
            cursor.execute("INSERT INTO osp.logements (id_osp, ident_rep, bailleur, epci, "
                           "idcom, statut, geom) VALUES (%s, %s, %s, %s, '59001', 'present', "
                           "ST_SetSRID(ST_MakePoint(700000 + %s, 7050000), 2154))",
                           (n, ident, bailleur, epci, n))
        for id_op, bailleur, epci in ((1, "SIA", "CAPH"), (2, "M&C", "CCPC"), (3, "SIA", "CCPC")):
            cursor.execute("INSERT INTO osp.operations (id_op, nom, bailleur, epci, annee_prog) "
                           "VALUES (%s, %s, %s, %s, 2026)", (id_op, "Op %d" % id_op, bailleur,
                                                               epci))
    connection.close()
    return {"dsn": dsn, "init": result, "passwords": passwords, "logins": logins,
            "log": log, "folder": folder, "postgis": postgis}


def connect(base, login):
    import psycopg2
    return psycopg2.connect(database_string(base["postgis"], "osp_base", login,
                                            base["passwords"][login]))


def attempt(base, login, sql, values=()):
    """``None`` when the statement succeeds (committed), else the server's message."""
    import psycopg2
    connection = connect(base, login)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(sql, values)
        return None
    except psycopg2.Error as error:
        return error.pgerror or str(error)
    finally:
        connection.close()


def scalar(base, sql, values=()):
    import psycopg2
    connection = psycopg2.connect(base["dsn"])
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchone()[0]
    finally:
        connection.close()


def affected(base, login, sql, values=()):
    """Rows a statement changed (committed) as ``login``."""
    connection = connect(base, login)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.rowcount
    finally:
        connection.close()


def version_of(base, table, key, value):
    return scalar(base, "SELECT version FROM osp.%s WHERE %s = %%s" % (table, key), (value,))


# -- schema ---------------------------------------------------------------------------------
def test_init_base_creates_the_schema_and_is_idempotent(base):
    from osp_erbm.osp_qgis.base_partagee import migrations
    files = migrations.migrations()
    assert base["init"]["VERSION"] == len(files) == base["init"]["N_MIGRATIONS"]
    for table in TABLES:
        assert scalar(base, "SELECT to_regclass(%s) IS NOT NULL", ("osp." + table,)), table
    again = run("osp:init_base", {"DATABASE": base["dsn"]})
    assert again["N_MIGRATIONS"] == 0 and again["VERSION"] == len(files)
    assert scalar(base, "SELECT count(*) FROM osp.schema_version") == len(files)
    assert scalar(base, "SELECT empreinte FROM osp.schema_version WHERE version = 1") == \
        files[0].checksum()
    assert set(again["ROLES"].split(",")) >= {"osp_bailleur_sia", "osp_bailleur_mc",
                                              "osp_epci_caph", "osp_epci_ccpc"}


def test_columns_are_the_plugins_fields(base):
    from osp_erbm.osp_qgis.logements import analyse
    from osp_erbm.osp_qgis.programmation import model
    types = {"int": "integer", "string": "text", "date": "date",
             "datetime": "timestamp without time zone", "double": "double precision"}
    import psycopg2
    connection = psycopg2.connect(base["dsn"])
    with connection.cursor() as cursor:
        def columns(table):
            cursor.execute("SELECT column_name, data_type FROM information_schema.columns "
                           "WHERE table_schema = 'osp' AND table_name = %s", (table,))
            return dict(cursor.fetchall())
        logements, operations, notes = (columns("logements"), columns("operations"),
                                        columns("avancement"))
        plan, payments = columns("financements"), columns("versements")
    connection.close()
    from osp_erbm.osp_qgis.programmation import finance
    money = {"cout_total_ttc", "montant_prevu", "montant_engage", "montant"}

    def expected(name, kind):     # amounts are exact cents in the base (numeric(14, 2))
        return "numeric" if name in money else types[kind]
    for name, kind, _ in analyse.FIELDS:
        assert logements.get(name) == types[kind], name
    for table, kinds in ((operations, model.KINDS), (notes, model.NOTE_KINDS),
                         (plan, finance.FIN_KINDS), (payments, finance.PAY_KINDS)):
        for name, kind in kinds.items():
            assert table.get(name) == expected(name, kind), name


def test_older_schema_upgraded_in_one_transaction_and_a_failed_migration_leaves_it(base,
                                                                                  tmp_path):
    from osp_erbm.osp_qgis.base_partagee import migrations
    from osp_erbm.processing_algs.base_partagee import database as base_io
    from osp_erbm.processing_algs.common import postgres
    base["postgis"]["psql"]("create database osp_ancienne", dbname="postgres")
    dsn = database_string(base["postgis"], "osp_ancienne")
    database = postgres.Database(dsn)
    files = migrations.migrations()
    assert base_io.migrate(database, available=files[:2])[:2] == (0, 2)
    result = run("osp:init_base", {"DATABASE": dsn})
    assert result["N_MIGRATIONS"] == len(files) - 2 and result["VERSION"] == len(files)
    # a broken next migration: nothing of it stays, the version does not move
    folder = tmp_path / "sql"
    shutil.copytree(os.path.join(REPO, "resources", "sql"), str(folder))
    (folder / ("%03d_cassee.sql" % (len(files) + 1))).write_text(
        "CREATE TABLE osp.provisoire (id integer);\nSELECT 1/0;\n", encoding="utf-8")
    with pytest.raises(postgres.BaseError) as error:
        base_io.migrate(database, available=migrations.migrations(str(folder)))
    assert "division" in str(error.value) and "non modifiée" in str(error.value)
    assert base_io.migrate(database)[:2] == (len(files), len(files))
    import psycopg2
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('osp.provisoire')")
        assert cursor.fetchone()[0] is None


def test_a_newer_base_is_refused_with_a_french_message(base):
    from osp_erbm.osp_qgis.base_partagee import migrations
    with pytest.raises(ValueError, match="plus récente que cette extension"):
        migrations.pending(99)


def test_sql_checks_are_the_forms_constraints(base):
    """The committed migration is what the forms give today, and for random rows each
    CHECK decides like the form's QGIS expression."""
    from qgis.core import QgsExpression, QgsExpressionContext, QgsFeature, QgsField, QgsFields
    from qgis.PyQt.QtCore import QDate, QVariant

    from osp_erbm.osp_qgis.base_partagee import checks
    with open(os.path.join(REPO, "resources", "sql", "002_contraintes.sql"),
              encoding="utf-8") as handle:
        assert handle.read() == checks.migration_sql(2)
    import psycopg2
    connection = psycopg2.connect(base["dsn"])
    cursor = connection.cursor()
    rng = random.Random(13)
    samples = {"int": lambda: rng.choice([None, -3, 0, 5, 12, 1999, 2000, 2024, 2041]),
               "double": lambda: rng.choice([None, -1.0, 0.0, 2.5, 10.0, 12.5]),
               "date": lambda: rng.choice([None, QDate(2024, 1, 1), QDate(2025, 6, 30)]),
               "string": lambda: rng.choice([None, "", " ", "0044619057", "12345",
                                             "62498000AP0347", "62498000ap0347", "59A123456789",
                                             "591234567890", "Groupé", "Isolé", "bailleur",
                                             "epci", "SIA", "M&C", "autre", "texte"])}
    from osp_erbm.osp_qgis.logements import analyse
    from osp_erbm.osp_qgis.programmation import finance, model
    kinds = {"logements": {n: k for n, k, _ in analyse.FIELDS},
             "operations": dict(model.KINDS), "avancement": dict(model.NOTE_KINDS),
             "financements": dict(finance.FIN_KINDS), "versements": dict(finance.PAY_KINDS)}
    qtypes = {"int": QVariant.Int, "double": QVariant.Double, "date": QVariant.Date,
              "string": QVariant.String}
    forms_of = {table: form for form, table in checks.TABLES}
    from osp_erbm.osp_qgis import forms
    compared = 0
    for table, name, condition, _ in checks.form_checks():
        field = name[len(table) + 1:-len("_formulaire")]
        expression_text = forms.form(forms_of[table])["constraints"][field]["expression"]
        used = sorted(n for n in kinds[table] if '"%s"' % n in expression_text)
        fields = QgsFields()
        for n in used:
            fields.append(QgsField(n, qtypes[kinds[table][n]]))
        for _ in range(40):
            values = [samples[kinds[table][n]]() for n in used]
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            context = QgsExpressionContext()
            context.setFeature(feature)
            expression = QgsExpression(expression_text)
            qgis_ok = bool(expression.evaluate(context))
            assert not expression.hasEvalError(), expression.evalErrorString()
            sql_values = [v.toPyDate() if isinstance(v, QDate) else v for v in values]
            casts = {"int": "integer", "double": "double precision", "date": "date",
                     "string": "text"}
            cursor.execute("SELECT %s FROM (SELECT %s) AS t" % (
                condition, ", ".join("%%s::%s AS \"%s\"" % (casts[kinds[table][n]], n)
                                     for n in used)), sql_values)
            assert cursor.fetchone()[0] == qgis_ok, (name, dict(zip(used, values)))
            compared += 1
    connection.close()
    assert compared >= 40 * 30


def test_direct_insert_cannot_bypass_a_form_constraint(base):
    error = attempt(base, "admin1", "INSERT INTO osp.logements (id_osp, ident_rep, bailleur) "
                                    "VALUES (900, '123', 'SIA')")
    assert error and "logements_ident_rep_formulaire" in error
    error = attempt(base, "admin1", "INSERT INTO osp.avancement (id_note, id_op, date, role, "
                                    "texte) VALUES (900, 1, '2026-01-01', 'bailleur', '   ')")
    assert error and "avancement_texte_formulaire" in error


# -- roles ----------------------------------------------------------------------------------
def test_landlord_edits_its_dwellings_only(base):
    v = version_of(base, "logements", "id_osp", 1)
    assert attempt(base, "sia1", "UPDATE osp.logements SET info = 'vu', version = %s WHERE "
                                 "id_osp = 1", (v + 1,)) is None
    assert scalar(base, "SELECT info FROM osp.logements WHERE id_osp = 1") == "vu"
    # another landlord's dwelling is not even seen (read isolation): nothing to update
    v3 = version_of(base, "logements", "id_osp", 3)
    assert affected(base, "sia1", "UPDATE osp.logements SET info = 'x', version = %s WHERE "
                                  "id_osp = 3", (v3 + 1,)) == 0
    assert affected(base, "sia1", "DELETE FROM osp.logements WHERE id_osp = 3") == 0
    assert version_of(base, "logements", "id_osp", 3) == v3
    error = attempt(base, "sia1", "INSERT INTO osp.logements (id_osp, bailleur) VALUES "
                                  "(901, 'M&C')")
    assert "Modification refusée" in error
    error = attempt(base, "sia1", "UPDATE osp.logements SET bailleur = 'M&C', version = %s "
                                  "WHERE id_osp = 2", (version_of(base, "logements",
                                                                   "id_osp", 2) + 1,))
    assert "Modification refusée" in error
    assert attempt(base, "sia1", "INSERT INTO osp.logements (id_osp, bailleur, ident_rep) "
                                 "VALUES (902, 'SIA', '0000000902')") is None
    assert attempt(base, "sia1", "DELETE FROM osp.logements WHERE id_osp = 902") is None
    assert scalar(base, "SELECT count(*) FROM osp.logements WHERE id_osp = 3 AND info IS NULL") == 1


def test_reader_and_epci_cannot_write_dwellings(base):
    for login in ("lecteur1", "caph1"):
        error = attempt(base, login, "UPDATE osp.logements SET info = 'x', version = "
                                     "version + 1 WHERE id_osp = 1")
        assert "permission denied" in error
    assert "permission denied" in attempt(base, "lecteur1", "UPDATE osp.operations SET "
                                                            "b_obs = 'x' WHERE id_op = 1")


def test_operations_blocks_by_role(base):
    def update(login, column, value, id_op):
        v = version_of(base, "operations", "id_op", id_op)
        return attempt(base, login, "UPDATE osp.operations SET %s = %%s, version = %%s WHERE "
                                    "id_op = %%s" % column, (value, v + 1, id_op))
    assert update("sia1", "b_nb_total", 12, 1) is None
    error = update("sia1", "e_nb_total", 12, 1)
    assert "Modification refusée" in error and "e_nb_total" in error and "bailleur" in error
    assert update("sia1", "b_nb_total", 3, 2) is None     # M&C's operation: not seen,
    assert scalar(base, "SELECT b_nb_total FROM osp.operations WHERE id_op = 2") is None
    # the CRHH decision, the DDTM's block, the identity: refused by the server, in French,
    # naming the column
    for column, value in (("crhh_enveloppe", 1.0), ("d_nb_total", 1), ("nom", "x")):
        error = update("sia1", column, value, 1)
        assert "Modification refusée" in error and "« %s »" % column in error, column
    assert update("caph1", "e_nb_total", 10, 1) is None  # operation 1 is in the CAPH
    assert "Modification refusée" in update("caph1", "b_obs", "x", 1)
    assert update("caph1", "e_obs", "x", 2) is None      # CCPC's: not seen, untouched
    assert scalar(base, "SELECT e_obs FROM osp.operations WHERE id_op = 2") is None
    assert update("admin1", "crhh_enveloppe", 125000.0, 1) is None
    row = scalar(base, "SELECT array[b_nb_total::text, e_nb_total::text, maj_par] FROM "
                       "osp.operations WHERE id_op = 1")
    assert row == ["12", "10", "admin1"]


def test_progress_notes_by_role(base):
    sql = ("INSERT INTO osp.avancement (id_note, id_op, date, role, texte) VALUES "
           "(%s, %s, '2026-03-01', %s, 'Chantier commencé')")
    assert attempt(base, "sia1", sql, (1, 1, "bailleur")) is None
    assert "Note refusée" in attempt(base, "sia1", sql, (2, 1, "epci"))
    assert "Note refusée" in attempt(base, "sia1", sql, (3, 2, "bailleur"))
    assert attempt(base, "caph1", sql, (4, 1, "epci")) is None
    assert "n'est pas la vôtre" in attempt(base, "caph1", "UPDATE osp.avancement SET texte = "
                                                          "'x' WHERE id_note = 1")
    assert "Modification refusée" in attempt(base, "mc1", "DELETE FROM osp.avancement WHERE "
                                                          "id_note = 1")
    assert scalar(base, "SELECT count(*) FROM osp.avancement") == 2


def test_audit_is_written_by_the_server_only(base):
    for login in ("admin1", "sia1"):
        assert "permission denied" in attempt(base, login, "DELETE FROM osp.audit")
        assert "permission denied" in attempt(base, login, "INSERT INTO osp.audit (table_nom, "
                                                           "action) VALUES ('x', 'INSERT')")
    assert "osp_admin" in attempt(base, "sia1", "SELECT osp.ajouter_utilisateur('pirate', "
                                                "'osp_admin', NULL)")


# -- concurrency ----------------------------------------------------------------------------
def _parallel(base, jobs):
    """Run ``[(login, sql, values)]`` at the same time (each in its own connection, all
    having read before any writes); returns the errors (``None``: saved)."""
    import psycopg2
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def work(i, login, sql, values):
        connection = connect(base, login)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                barrier.wait()
                cursor.execute(sql, values)
            connection.commit()
        except psycopg2.Error as error:
            connection.rollback()
            results[i] = error.pgerror
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,) + job) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_editors_different_dwellings_both_saved(base):
    v1, v2 = version_of(base, "logements", "id_osp", 1), version_of(base, "logements", "id_osp", 2)
    sql = "UPDATE osp.logements SET info = %s, version = %s WHERE id_osp = %s"
    assert _parallel(base, [("sia1", sql, ("un", v1 + 1, 1)),
                            ("sia2", sql, ("deux", v2 + 1, 2))]) == [None, None]
    assert version_of(base, "logements", "id_osp", 1) == v1 + 1
    assert version_of(base, "logements", "id_osp", 2) == v2 + 1


def test_two_editors_same_dwelling_second_refused(base):
    v = version_of(base, "logements", "id_osp", 4)
    sql = "UPDATE osp.logements SET info = %s, version = %s WHERE id_osp = 4"
    results = _parallel(base, [("sia1", sql, ("premier", v + 1, )),
                               ("sia2", sql, ("second", v + 1, ))])
    assert sorted(r is None for r in results) == [False, True]
    refused = next(r for r in results if r)
    assert "Conflit de modification" in refused and "Rien n'a été écrit" in refused
    winner = ("premier", "second")[results.index(None)]
    assert scalar(base, "SELECT info FROM osp.logements WHERE id_osp = 4") == winner
    assert version_of(base, "logements", "id_osp", 4) == v + 1
    # an update that does not say which version it read is refused too
    error = attempt(base, "sia1", "UPDATE osp.logements SET info = 'x' WHERE id_osp = 4")
    assert "Conflit de modification" in error


def test_two_editors_same_operation_second_refused(base):
    v = version_of(base, "operations", "id_op", 3)
    results = _parallel(base, [
        ("sia1", "UPDATE osp.operations SET b_obs = 'b', version = %s WHERE id_op = 3", (v + 1,)),
        ("ccpc1", "UPDATE osp.operations SET e_obs = 'e', version = %s WHERE id_op = 3",
         (v + 1,))])
    assert sorted(r is None for r in results) == [False, True]
    assert "Conflit de modification" in next(r for r in results if r)


# -- QGIS -----------------------------------------------------------------------------------
def qgis_layer(base, login, table="logements"):
    from qgis.core import QgsDataSourceUri, QgsVectorLayer
    postgis = base["postgis"]
    uri = QgsDataSourceUri()
    uri.setConnection(postgis["host"], str(postgis["port"]), "osp_base", login,
                      base["passwords"][login])
    uri.setDataSource("osp", table, "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), "%s_%s" % (table, login), "postgres")
    assert layer.isValid()
    return layer


def feature_id(layer, id_osp):
    return next(f.id() for f in layer.getFeatures() if f["id_osp"] == id_osp)


def test_qgis_edit_own_dwelling_refused_for_another_and_conflict(base):
    from qgis.core import QgsProject
    mine, other = qgis_layer(base, "sia1"), qgis_layer(base, "sia2")
    QgsProject.instance().addMapLayers([mine, other])   # the plugin watches them
    try:
        # the default style and form stored by osp:init_base come with the layer
        assert [t.name() for t in mine.editFormConfig().tabs()][0] == "Identifiants"
        before = version_of(base, "logements", "id_osp", 1)
        fid = feature_id(mine, 1)
        info = mine.fields().indexOf("info")
        assert mine.startEditing()
        mine.changeAttributeValue(fid, info, "saisi dans QGIS")
        assert mine.commitChanges(), mine.commitErrors()
        assert version_of(base, "logements", "id_osp", 1) == before + 1
        # the form's read-only « Historique » tab shows what the server recorded
        assert [t.name() for t in mine.editFormConfig().tabs()][-1] == "Historique"
        history = next(mine.getFeatures("id_osp = 1"))["historique"].splitlines()
        assert " sia1 : info « " in history[0] and history[0].endswith("» → « saisi dans QGIS »")
        assert any(line.endswith("sia1 : info (vide) → « vu »") for line in history), history
        assert history[-1].endswith("postgres : création")
        assert mine.editFormConfig().readOnly(mine.fields().indexOf("historique"))
        # another landlord's dwelling is not in the layer at all (read isolation)
        assert sorted(f["id_osp"] for f in mine.getFeatures()) == [1, 2, 4]
        # moving one of its own to another landlord: refused, French message
        fid1 = feature_id(mine, 1)
        assert mine.startEditing()
        mine.changeAttributeValue(fid1, mine.fields().indexOf("bailleur"), "M&C")
        assert not mine.commitChanges()
        assert any("Modification refusée" in e and "M&C" in e for e in mine.commitErrors())
        mine.rollBack()
        assert scalar(base, "SELECT bailleur FROM osp.logements WHERE id_osp = 1") == "SIA"
        # two QGIS editors on the same dwelling: the second save is refused
        fid2 = feature_id(mine, 2)
        assert mine.startEditing() and other.startEditing()
        mine.changeAttributeValue(fid2, info, "par sia1")
        other.changeAttributeValue(feature_id(other, 2), info, "par sia2")
        assert mine.commitChanges(), mine.commitErrors()
        assert not other.commitChanges()
        assert any("Conflit de modification" in e for e in other.commitErrors())
        other.rollBack()
        assert scalar(base, "SELECT info FROM osp.logements WHERE id_osp = 2") == "par sia1"
        # a moved point is a change too
        from qgis.core import QgsGeometry, QgsPointXY
        assert mine.startEditing()
        mine.changeGeometry(fid2, QgsGeometry.fromPointXY(QgsPointXY(700500, 7050500)))
        v = version_of(base, "logements", "id_osp", 2)
        assert mine.commitChanges(), mine.commitErrors()
        assert version_of(base, "logements", "id_osp", 2) == v + 1
    finally:
        QgsProject.instance().removeMapLayers([mine.id(), other.id()])


# -- history and users ----------------------------------------------------------------------
def test_history_export_of_a_landlord(base, tmp_path):
    import csv
    out = str(tmp_path / "historique_sia.csv")
    result = run("osp:historique", {"DATABASE": base["dsn"], "BAILLEUR": "SIA", "OUTPUT": out})
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == result["N_ROWS"] > 0
    assert {r["bailleur"] for r in rows} == {"SIA"}
    info = [r for r in rows if r["champ"] == "info" and r["table_nom"] == "logements"]
    assert any(r["apres"] == "vu" and r["qui"] == "sia1" and r["action"] == "UPDATE"
               for r in info)
    inserted = [r for r in rows if r["action"] == "INSERT" and r["table_nom"] == "logements"]
    assert len(inserted) >= 3 and all(r["qui"] == "postgres" for r in inserted[:3])
    # one exported line per changed field, counted by the server independently
    changed = scalar(base, "SELECT count(*) FROM osp.audit a, jsonb_each(a.apres) n WHERE "
                           "a.action = 'UPDATE' AND a.bailleur = 'SIA' AND n.value IS DISTINCT "
                           "FROM a.avant -> n.key AND n.key NOT IN ('version', 'date_maj')")
    assert changed == len([r for r in rows if r["action"] == "UPDATE"])
    assert len([r for r in rows if r["action"] != "UPDATE"]) == scalar(
        base, "SELECT count(*) FROM osp.audit WHERE action <> 'UPDATE' AND bailleur = 'SIA'")
    empty = run("osp:historique", {"DATABASE": base["dsn"], "BAILLEUR": "SIA",
                                   "START": "2000-01-01T00:00:00", "END": "2000-01-02T00:00:00",
                                   "OUTPUT": str(tmp_path / "vide.csv")})
    assert empty["N_ROWS"] == 0


def test_logins_have_scram_passwords_and_no_password_leaks(base, tmp_path):
    passwords = base["passwords"]
    verifiers = scalar(base, "SELECT array_agg(rolpassword) FROM pg_authid WHERE rolname = "
                             "ANY(%s)", (list(passwords),))
    assert len(verifiers) == len(passwords)
    assert all(v.startswith("SCRAM-SHA-256$") for v in verifiers)
    # a wrong password is refused
    import psycopg2
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(database_string(base["postgis"], "osp_base", "sia1", "faux"))
    # the logins' passwords are nowhere but in their own files
    texts = list(base["log"].lines)
    texts.append(base["postgis"]["psql"]("select coalesce(string_agg(styleqml::text || "
                                         "coalesce(stylesld::text, ''), ''), '') from "
                                         "layer_styles",
                                         dbname="osp_base"))
    texts.append(base["postgis"]["psql"]("select coalesce(string_agg(avant::text || "
                                         "coalesce(apres::text, ''), ''), '') from osp.audit",
                                         dbname="osp_base"))
    with open(base["postgis"]["log"], encoding="utf-8", errors="replace") as handle:
        texts.append(handle.read())
    for password in passwords.values():
        assert not any(password in text for text in texts)
    # a connection error does not echo the password it was given
    from osp_erbm.processing_algs.common import postgres
    secret = "Secret-De-Test-42"
    database = postgres.Database(database_string(base["postgis"], "osp_base", "sia1", secret))
    with pytest.raises(postgres.BaseError) as error:
        database.connect()
    assert secret not in str(error.value) and "sia1" in str(error.value)


def test_only_an_admin_adds_users_and_groups_are_checked(base, tmp_path):
    from qgis.core import QgsProcessingException
    as_landlord = database_string(base["postgis"], "osp_base", "sia1", base["passwords"]["sia1"])
    with pytest.raises(QgsProcessingException, match="osp_admin"):
        run("osp:ajouter_utilisateur", {"DATABASE": as_landlord, "LOGIN": "x1",
                                        "GROUP": "osp_lecteur",
                                        "PASSWORD_FILE": str(tmp_path / "x1.txt")})
    assert not os.path.exists(str(tmp_path / "x1.txt"))
    with pytest.raises(QgsProcessingException, match="inconnu"):
        run("osp:ajouter_utilisateur", {"DATABASE": base["dsn"], "LOGIN": "x2",
                                        "GROUP": "postgres",
                                        "PASSWORD_FILE": str(tmp_path / "x2.txt")})
    with pytest.raises(QgsProcessingException, match="refusé"):
        run("osp:ajouter_utilisateur", {"DATABASE": base["dsn"], "LOGIN": "Robert'); DROP",
                                        "GROUP": "osp_lecteur",
                                        "PASSWORD_FILE": str(tmp_path / "x3.txt")})
    # an admin login (not a superuser) adds one
    as_admin = database_string(base["postgis"], "osp_base", "admin1", base["passwords"]["admin1"])
    run("osp:ajouter_utilisateur", {"DATABASE": as_admin, "LOGIN": "lecteur2",
                                    "GROUP": "osp_lecteur",
                                    "PASSWORD_FILE": str(tmp_path / "l2.txt")})
    assert scalar(base, "SELECT pg_has_role('lecteur2', 'osp_lecteur', 'MEMBER')")


def test_unknown_server_gives_a_french_error(qgis_app):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="Connexion à PostgreSQL impossible"):
        run("osp:init_base", {"DATABASE": "dbname=osp host=127.0.0.1 port=1 user=x "
                                          "password=Ne-Pas-Afficher"})
    with pytest.raises(QgsProcessingException, match="inconnue de QGIS"):
        run("osp:init_base", {"DATABASE": "Connexion qui n'existe pas"})


def test_backend_killed_during_a_migration_leaves_the_base_as_it_was(base, tmp_path):
    """A fault while migrating (the server ends the session, as when it is stopped):
    French error, nothing of the migration stays, the next run succeeds."""
    import time

    from osp_erbm.osp_qgis.base_partagee import migrations
    from osp_erbm.processing_algs.base_partagee import database as base_io
    from osp_erbm.processing_algs.common import postgres
    database = postgres.Database(base["dsn"])
    files = migrations.migrations()
    folder = tmp_path / "sql"
    shutil.copytree(os.path.join(REPO, "resources", "sql"), str(folder))
    (folder / ("%03d_lente.sql" % (len(files) + 1))).write_text(
        "CREATE TABLE osp.lente (id integer);\nSELECT pg_sleep(30);\n", encoding="utf-8")
    outcome = {}

    def migrate():
        try:
            base_io.migrate(database, available=migrations.migrations(str(folder)))
        except Exception as error:   # the test looks at what the user would read
            outcome["error"] = error

    worker = threading.Thread(target=migrate)
    worker.start()
    for _ in range(100):
        if scalar(base, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                        "'%%pg_sleep(30)%%' AND pid <> pg_backend_pid()"):
            break
        time.sleep(0.1)
    assert scalar(base, "SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE query LIKE '%%pg_sleep(30)%%' AND pid <> pg_backend_pid()")
    worker.join(30)
    error = outcome.get("error")
    assert isinstance(error, postgres.BaseError) and "Base OSP non modifiée" in str(error)
    assert "connexion au serveur perdue" in str(error) and "Traceback" not in str(error)
    assert scalar(base, "SELECT to_regclass('osp.lente')") is None
    assert scalar(base, "SELECT max(version) FROM osp.schema_version") == len(files)
    assert run("osp:init_base", {"DATABASE": base["dsn"]})["N_MIGRATIONS"] == 0
