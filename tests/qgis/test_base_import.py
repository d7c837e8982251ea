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
import install_profile  # noqa: E402

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
    from osp_erbm.osp_qgis import analyse as core
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


def run_qgis_process(shared, dest=None):
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(shared["profile"]),
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
    assert again["N_ADDED"] == 0 and again["N_UPDATED"] == again["N_DWELLINGS"]
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
