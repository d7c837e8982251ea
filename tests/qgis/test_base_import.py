"""The analyse layer imported into the shared base (issue 13): same dwellings as the
GeoPackage run, one transaction with its ``osp.imports`` row, hand edits kept, and the
faults — process killed, session terminated, server stopped in the middle of an import —
leave the base byte for byte as it was; the next run succeeds."""
import os
import subprocess
import sys
import time

import pytest
from conftest import REPO, start_postgis
from test_analyse_layer import analyse, join

sys.path.insert(0, os.path.join(REPO, "tools"))
import install_profile

SHEET = "sia_logements.csv"


def destination(server, dbname):
    from qgis.core import QgsDataSourceUri
    uri = QgsDataSourceUri()
    uri.setConnection(server["host"], str(server["port"]), dbname, "postgres", "")
    uri.setDataSource("osp", "logements", "geom", "", "fid")
    return "postgis:" + uri.uri(False)


def prepared(server, dbname):
    import processing
    server["psql"]("create database %s" % dbname, dbname="postgres")
    dsn = "dbname=%s host=%s port=%s user=postgres" % (dbname, server["host"], server["port"])
    processing.run("osp:init_base", {"DATABASE": dsn})
    return dsn


@pytest.fixture(scope="module")
def shared(qgis_app, postgis, sample_data, tmp_path_factory):
    out = tmp_path_factory.mktemp("base_import")
    joined = str(out / "join.gpkg")
    join(str(sample_data), SHEET, joined)
    gpkg = str(out / "osp_erbm.gpkg")
    reference = analyse(str(sample_data), joined, gpkg)
    dsn = prepared(postgis, "osp_import")
    profile = out / "profil"
    install_profile.install(str(profile))
    return {"dsn": dsn, "join": joined, "gpkg": gpkg, "reference": reference,
            "sample": str(sample_data), "server": postgis, "profile": profile,
            "dest": destination(postgis, "osp_import")}


def query(dsn, sql, values=()):
    import psycopg2
    connection = psycopg2.connect(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall()
    finally:
        connection.close()


def state(dsn):
    """Everything an import touches, as one comparable value."""
    return query(dsn, "SELECT (SELECT md5(coalesce(string_agg(l::text, '|' ORDER BY fid), '')) "
                      "FROM osp.logements l), (SELECT count(*) FROM osp.imports), "
                      "(SELECT count(*) FROM osp.audit), (SELECT count(*) FROM osp.anomalies)")[0]


def features_by_id(layer):
    from osp_erbm.osp_qgis.logements import analyse as core
    names = [n for n, _, _ in core.FIELDS if n != "date_maj"]
    out = {}
    for feature in layer.getFeatures():
        values = {n: feature[n] for n in names}
        values = {n: (None if hasattr(v, "isNull") and v.isNull() else v)
                  for n, v in values.items()}
        geometry = feature.geometry().asWkt(3) if feature.hasGeometry() and \
            not feature.geometry().isEmpty() else None
        out[feature["id_osp"]] = (values, geometry)
    return out


def run_qgis_process(shared, dest=None, env=None):
    env = dict(env or os.environ, QGIS_CUSTOM_CONFIG_PATH=str(shared["profile"]),
               QT_QPA_PLATFORM="offscreen")
    sample = shared["sample"]
    return subprocess.Popen(
        ["qgis_process.bin", "run", "osp:analyselogement", "--", "INPUT=" + shared["join"],
         "COMMUNES=" + os.path.join(sample, "territoire.gpkg") + "|layername=communes",
         "EPCI=" + os.path.join(sample, "territoire.gpkg") + "|layername=epci",
         "CITES=" + os.path.join(sample, "territoire.gpkg") + "|layername=cites",
         "OUTPUT=" + (dest or shared["dest"])],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_import_gives_the_geopackage_dwellings_in_one_recorded_import(shared):
    from qgis.core import QgsVectorLayer
    result = analyse(shared["sample"], shared["join"], shared["dest"])
    assert result["N_DWELLINGS"] == shared["reference"]["N_DWELLINGS"] == result["N_ADDED"]
    gpkg = QgsVectorLayer(shared["gpkg"] + "|layername=analyse_logement", "g", "ogr")
    base = QgsVectorLayer(result["OUTPUT"], "b", "postgres")
    assert base.isValid()
    expected, got = features_by_id(gpkg), features_by_id(base)
    assert len(got) == len(expected) > 0
    assert got == expected
    imports = query(shared["dsn"], "SELECT id_import, algorithme, n_lus, n_ajoutes, "
                                   "n_mis_a_jour FROM osp.imports")
    assert imports == [(1, "osp:analyselogement", result["N_DWELLINGS"], result["N_DWELLINGS"], 0)]
    assert query(shared["dsn"], "SELECT count(*), min(id_import), max(id_import) FROM "
                                "osp.audit WHERE action = 'INSERT'")[0] == \
        (result["N_DWELLINGS"], 1, 1)


def test_reimport_changes_nothing_and_keeps_hand_edits(shared):
    before = state(shared["dsn"])
    again = analyse(shared["sample"], shared["join"], shared["dest"])
    # counts say what happened (issue 26, point 7): nothing changed, nothing counted
    assert again["N_ADDED"] == 0 and again["N_UPDATED"] == 0
    assert query(shared["dsn"], "SELECT n_ajoutes, n_mis_a_jour FROM osp.imports ORDER BY "
                                "id_import DESC LIMIT 1")[0] == (0, 0)
    after = state(shared["dsn"])
    assert after[0] == before[0] and after[1] == before[1] + 1 and after[2] == before[2]
    # a cartographer's note and a point moved by hand survive the next delivery
    fid = query(shared["dsn"], "SELECT min(fid) FROM osp.logements WHERE geom IS NOT NULL")[0][0]
    query_commit(shared["dsn"], "UPDATE osp.logements SET info = 'vu sur place', geom = "
                                "ST_Translate(geom, 5, 5), version = version + 1 WHERE fid = %s",
                 (fid,))
    analyse(shared["sample"], shared["join"], shared["dest"])
    info, source = query(shared["dsn"], "SELECT info, geoloc_source FROM osp.logements WHERE "
                                        "fid = %s", (fid,))[0]
    assert info == "vu sur place" and source == "manuel"


def query_commit(dsn, sql, values=()):
    import psycopg2
    connection = psycopg2.connect(dsn)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(sql, values)
    finally:
        connection.close()


class Blocked:
    """An import held in the middle of its transaction: the last dwelling it must update is
    locked by another session; ``release()`` lets it go on."""

    def __init__(self, dsn):
        import psycopg2
        # give the import something to change back on every dwelling of the landlord
        query_commit(dsn, "UPDATE osp.logements SET intitule = 'avant import', version = "
                          "version + 1 WHERE bailleur = 'SIA'")
        self.dsn = dsn
        self.before = state(dsn)
        self.holder = psycopg2.connect(dsn)
        with self.holder.cursor() as cursor:
            cursor.execute("SELECT fid FROM osp.logements WHERE fid = (SELECT max(fid) FROM "
                           "osp.logements WHERE bailleur = 'SIA') FOR UPDATE")

    def wait_until_waiting(self, timeout=120):
        for _ in range(int(timeout * 10)):
            rows = query(self.dsn, "SELECT pid FROM pg_stat_activity WHERE application_name = "
                                   "'OSP ERBM' AND wait_event_type = 'Lock'")
            if rows:
                return rows[0][0]
            time.sleep(0.1)
        raise AssertionError("l'import n'a jamais attendu le verrou")

    def release(self):
        try:
            self.holder.rollback()
            self.holder.close()
        except Exception:
            pass

    def wait_for_no_import(self, timeout=30):
        for _ in range(timeout * 10):
            if not query(self.dsn, "SELECT pid FROM pg_stat_activity WHERE application_name = "
                                   "'OSP ERBM'"):
                return
            time.sleep(0.1)
        raise AssertionError("la session de l'import est restée ouverte")


def test_killed_import_leaves_the_base_as_it_was(shared):
    blocked = Blocked(shared["dsn"])
    process = run_qgis_process(shared)
    try:
        pid = blocked.wait_until_waiting()
        # in the middle: its import row and the landlord's other dwellings already written
        current = query(shared["dsn"], "SELECT query FROM pg_stat_activity WHERE pid = %s",
                        (pid,))[0][0]
        assert current.startswith("UPDATE osp.logements SET")
        process.kill()
        process.wait(30)
    finally:
        blocked.release()
    blocked.wait_for_no_import()
    assert state(shared["dsn"]) == blocked.before
    # the next run succeeds and changes the dwellings back
    analyse(shared["sample"], shared["join"], shared["dest"])
    assert query(shared["dsn"], "SELECT count(*) FROM osp.logements WHERE intitule = "
                                "'avant import'") == [(0,)]


def test_terminated_session_fails_the_import_in_french_and_writes_nothing(shared):
    blocked = Blocked(shared["dsn"])
    process = run_qgis_process(shared)
    try:
        pid = blocked.wait_until_waiting()
        query(shared["dsn"], "SELECT pg_terminate_backend(%s)", (pid,))
        stdout, stderr = process.communicate(timeout=120)
    finally:
        blocked.release()
    assert process.returncode != 0
    assert "rien n'a été écrit" in stdout + stderr
    assert "connexion au serveur perdue" in stdout + stderr
    assert "Traceback" not in stdout + stderr
    assert state(shared["dsn"]) == blocked.before
    analyse(shared["sample"], shared["join"], shared["dest"])
    assert query(shared["dsn"], "SELECT count(*) FROM osp.logements WHERE intitule = "
                                "'avant import'") == [(0,)]


def test_server_stopped_during_an_import_then_the_next_run_succeeds(qgis_app, shared):
    server = start_postgis()   # its own server: this test stops it
    try:
        dsn = prepared(server, "osp_panne")
        dest = destination(server, "osp_panne")
        analyse(shared["sample"], shared["join"], dest)
        blocked = Blocked(dsn)
        process = run_qgis_process(shared, dest)
        try:
            blocked.wait_until_waiting()
            server["stop"]("fast")
            stdout, stderr = process.communicate(timeout=120)
        finally:
            blocked.release()
        assert process.returncode != 0
        assert "rien n'a été écrit" in stdout + stderr and "Traceback" not in stdout + stderr
        assert "connexion au serveur perdue" in stdout + stderr
        server["start"]()
        assert state(dsn) == blocked.before
        analyse(shared["sample"], shared["join"], dest)
        assert query(dsn, "SELECT count(*) FROM osp.logements WHERE intitule = "
                          "'avant import'") == [(0,)]
    finally:
        server["remove"]()


def workbook_values(path):
    """Every cell of every sheet, as displayed values (the title lines name the source
    layer, so cells naming it are left out)."""
    import openpyxl
    book = openpyxl.load_workbook(path, data_only=True)
    return {sheet.title: [tuple(c for c in row) for row in sheet.iter_rows(values_only=True)
                          if not any(isinstance(c, str) and ("Source" in c or "source" in c)
                                     for c in row)]
            for sheet in book.worksheets}


def test_workbook_and_atlas_from_the_shared_base_equal_the_geopackage_ones(shared, tmp_path):
    """The pipeline's next steps read the PostGIS table as they read the GeoPackage."""
    import processing
    from qgis.core import QgsVectorLayer
    analyse(shared["sample"], shared["join"], shared["dest"])   # (a merge: idempotent)
    shared_layer = QgsVectorLayer(destination(shared["server"], "osp_import")[len("postgis:"):],
                                  "base", "postgres")
    gpkg_layer = QgsVectorLayer(shared["gpkg"] + "|layername=analyse_logement", "g", "ogr")
    assert shared_layer.isValid() and shared_layer.featureCount() == gpkg_layer.featureCount()
    books = {}
    for name, layer in (("base", shared_layer), ("gpkg", gpkg_layer)):
        books[name] = str(tmp_path / ("osp_%s.xlsx" % name))
        result = processing.run("osp:synthese", {"INPUT": layer, "OUTPUT_XLSX": books[name]})
        books[name + "_result"] = {k: v for k, v in result.items() if k.startswith("N_")}
    assert books["base_result"] == books["gpkg_result"]
    assert books["base_result"]
    # the base was re-imported with hand edits in the tests above: compare with a
    # GeoPackage carrying the same rows, i.e. the shared table's own copy
    base_values, gpkg_values = workbook_values(books["base"]), workbook_values(books["gpkg"])
    assert base_values.keys() == gpkg_values.keys()
    assert base_values["Synthèses"] == gpkg_values["Synthèses"]
    territoire = os.path.join(shared["sample"], "territoire.gpkg")
    pages = {}
    for name, layer in (("base", shared_layer), ("gpkg", gpkg_layer)):
        pages[name] = processing.run("osp:atlas", {
            "INPUT": layer, "SCALE": 2, "EPCI": territoire + "|layername=epci",
            "OUTPUT_FOLDER": str(tmp_path / ("atlas_%s" % name))})["N_PAGES"]
    assert pages["base"] == pages["gpkg"] > 0
    assert sorted(os.listdir(str(tmp_path / "atlas_base"))) == \
        sorted(os.listdir(str(tmp_path / "atlas_gpkg")))


def test_programmation_in_the_shared_base_equals_the_geopackage_one(qgis_app, shared,
                                                                    sample_data, tmp_path):
    import sqlite3

    from test_programmation import _sequence, recap_rows, sample_cites
    server = shared["server"]
    dsn = prepared(server, "osp_prog")
    target = "postgres:%s schema=osp" % dsn
    cites = [c for c in sample_cites(sample_data) if c["epci"] == "CALL"][:1]
    (tmp_path / "gpkg").mkdir()
    (tmp_path / "pg").mkdir()
    gpkg = str(tmp_path / "gpkg" / "programmation.gpkg")
    in_gpkg, xlsx_gpkg = _sequence(gpkg, str(sample_data), str(tmp_path / "gpkg"), cites)
    in_pg, xlsx_pg = _sequence(target, str(sample_data), str(tmp_path / "pg"), cites)
    for key in ("N_READ", "N_UPDATED", "N_ADDED", "N_CONFLICTS", "N_REJECTED", "N_NOTES"):
        assert in_pg[key] == in_gpkg[key], key
    assert recap_rows(xlsx_pg)[1] == recap_rows(xlsx_gpkg)[1]
    columns = "id_op, nom, bailleur, epci, communes, annee_prog, b_nb_total, b_nb_c, " \
              "b_nb_bbc, b_nb_bio, d_nb_total, version"
    rows = query(dsn, "SELECT %s FROM osp.operations ORDER BY id_op" % columns)
    with sqlite3.connect(gpkg) as connection:
        lite = connection.execute("SELECT %s FROM operations ORDER BY id_op" % columns).fetchall()
    assert [tuple(r) for r in rows] == [tuple(r) for r in lite]
    # every change of an operation is in the history, tagged with who made it
    updated = query(dsn, "SELECT count(*) FROM osp.audit WHERE table_nom = 'operations' AND "
                         "action = 'UPDATE'")[0][0]
    assert updated >= in_pg["N_UPDATED"] >= 1


def _cartographer(shared, tmp_path, login):
    """An osp_admin login made by osp:ajouter_utilisateur; its password."""
    import processing
    card = tmp_path / ("%s.txt" % login)
    processing.run("osp:ajouter_utilisateur", {"DATABASE": shared["dsn"], "LOGIN": login,
                                                "GROUP": "osp_admin",
                                                "PASSWORD_FILE": str(card)})
    return card.read_text(encoding="utf-8").split("Mot de passe : ", 1)[1].strip()


def _outside_qgis_inputs(log):
    """qgis_process echoes the parameters it was given (« Inputs »): what QGIS itself
    prints, not the plugin; the rest of the log is the plugin's."""
    lines, skipping = [], False
    for line in log.splitlines():
        if line.strip() in ("Inputs", "Results"):
            skipping = line.strip() == "Inputs"
        elif not skipping or line.startswith("----"):
            lines.append(line)
    return "\n".join(lines)


def test_service_and_inline_password_through_qgis_process_never_show_it(shared, tmp_path):
    server = shared["server"]
    password = _cartographer(shared, tmp_path, "carto_service")
    service = tmp_path / "pg_service.conf"
    service.write_text("[osp_partage]\nhost=%s\nport=%s\ndbname=osp_import\nuser=carto_service\n"
                       % (server["host"], server["port"]), encoding="utf-8")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("%s:%s:osp_import:carto_service:%s\n" % (server["host"], server["port"],
                                                               password), encoding="utf-8")
    os.chmod(str(pgpass), 0o600)
    env = dict(os.environ, PGSERVICEFILE=str(service), PGPASSFILE=str(pgpass))
    table = " key='fid' srid=2154 type=Point table=\"osp\".\"logements\" (geom)"
    before = query(shared["dsn"], "SELECT count(*) FROM osp.imports")[0][0]
    for output in ("postgis:service='osp_partage'" + table,
                   "postgis:dbname='osp_import' host=%s port=%s user='carto_service' "
                   "password='%s'%s" % (server["host"], server["port"], password, table)):
        process = run_qgis_process(shared, output, env)
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, out + err
        assert password not in _outside_qgis_inputs(out) + err
        result = dict(l.split(":\t", 1) for l in out.splitlines() if ":\t" in l)
        assert "osp" in result["OUTPUT"] and password not in result["OUTPUT"]
    assert query(shared["dsn"], "SELECT count(*) FROM osp.imports WHERE qui = 'carto_service'"
                 )[0][0] == 2 == query(shared["dsn"], "SELECT count(*) FROM osp.imports")[0][0] \
        - before
    # a refused connection names the base, not the password
    wrong = "postgis:dbname='osp_import' host=%s port=%s user='carto_service' password='%s'%s" \
        % (server["host"], server["port"], password + "x", table)
    process = run_qgis_process(shared, wrong, env)
    out, err = process.communicate(timeout=600)
    assert process.returncode != 0 and "Connexion à PostgreSQL impossible" in out + err
    assert password not in _outside_qgis_inputs(out) + err


def test_qgis_connection_with_its_password_store_and_a_saved_project(qgis_app, shared, tmp_path):
    """A QGIS connection whose password is in QGIS's authentication store: the algorithms
    take its name; the layer they give back and the project saved with it hold no password."""
    import processing
    from qgis.core import (
        QgsApplication,
        QgsAuthMethodConfig,
        QgsDataSourceUri,
        QgsProject,
        QgsProviderRegistry,
        QgsVectorLayer,
    )
    server = shared["server"]
    password = _cartographer(shared, tmp_path, "carto_qgis")
    manager = QgsApplication.authManager()
    assert "osp-profil-qgis-" in manager.authenticationDatabasePath()   # not the user's
    assert manager.setMasterPassword("mot-de-passe-principal", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("OSP base partagée")
    config.setConfig("username", "carto_qgis")
    config.setConfig("password", password)
    assert manager.storeAuthenticationConfig(config)
    uri = QgsDataSourceUri()
    uri.setConnection(server["host"], str(server["port"]), "osp_import", "", "",
                      QgsDataSourceUri.SslPrefer, config.id())
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), "OSP partagée")
    table = QgsDataSourceUri(uri.uri(False))
    table.setDataSource("osp", "logements", "geom", "", "fid")
    result = analyse(shared["sample"], shared["join"], "postgis:" + table.uri(False))
    assert result["N_DWELLINGS"] == shared["reference"]["N_DWELLINGS"]
    history = processing.run("osp:historique", {"DATABASE": "OSP partagée",
                                                "OUTPUT": str(tmp_path / "historique.csv")})
    assert history["N_ROWS"] > 0
    assert query(shared["dsn"], "SELECT qui FROM osp.imports ORDER BY id_import DESC LIMIT 1"
                 )[0][0] == "carto_qgis"
    assert "authcfg=%s" % config.id() in result["OUTPUT"] and password not in result["OUTPUT"]
    layer = QgsVectorLayer(result["OUTPUT"], "Analyse", "postgres")
    assert layer.isValid() and layer.featureCount() == result["N_DWELLINGS"]
    project = QgsProject()
    project.addMapLayer(layer)
    assert project.write(str(tmp_path / "projet.qgs"))
    saved = (tmp_path / "projet.qgs").read_text(encoding="utf-8")
    assert "authcfg=%s" % config.id() in saved and password not in saved
    # a name QGIS does not know
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="inconnue de QGIS"):
        processing.run("osp:historique", {"DATABASE": "Connexion absente",
                                          "OUTPUT": str(tmp_path / "h2.csv")})
