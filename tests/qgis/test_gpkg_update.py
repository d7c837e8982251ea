"""osp:analyselogement with UPDATE_EXISTING on a GeoPackage other processes are using:
an editor killed with edits still in its WAL journal, an editor holding the write lock,
a reader left open, the algorithm itself killed, read-only and junk files."""
import hashlib
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

TABLE = "analyse_logement"


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def content(path):
    """What the file holds, independent of its bytes: every row of the table, sorted."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute('SELECT id_osp, ident_rep, info, statut FROM "%s"'
                                  % TABLE).fetchall()
        return sorted(rows, key=lambda r: r[0])
    finally:
        connection.close()


def integrity(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture()
def gpkg(pipeline, tmp_path):
    target = str(tmp_path / "osp.gpkg")
    shutil.copyfile(pipeline["layer"].split("|")[0], target)
    return target


def update(pipeline, target, feedback=None):
    import processing
    return processing.run("osp:analyselogement", {
        "INPUT": str(pipeline["dir"] / "tous.gpkg"), "OUTPUT": target, "UPDATE_EXISTING": True},
        feedback=feedback)


GPKG_FUNCTIONS = """
import struct
def st_is_empty(blob):   # the GeoPackage header's « empty » flag, as GDAL reads it
    return None if blob is None else int(bool(blob[3] & 0x10))
def point(blob):         # x, y of a GeoPackage point (the dwellings are points)
    envelope = (0, 32, 48, 48, 64)[(blob[3] >> 1) & 7]
    wkb = blob[8 + envelope:]
    order = "<" if wkb[0] == 1 else ">"
    return struct.unpack(order + "dd", wkb[5:21])
def gpkg_connection(path, **options):
    connection = sqlite3.connect(path, **options)
    connection.create_function("ST_IsEmpty", 1, st_is_empty)   # used by the rtree triggers
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 0), ("ST_MinY", 1), ("ST_MaxY", 1)):
        connection.create_function(name, 1, lambda b, i=index: None if b is None else point(b)[i])
    return connection
"""
EDITOR = """
import os, signal, sqlite3, sys
""" + GPKG_FUNCTIONS + """
connection = gpkg_connection(sys.argv[1])
connection.execute("PRAGMA journal_mode=WAL")
connection.execute("PRAGMA wal_autocheckpoint=0")
connection.execute('UPDATE analyse_logement SET info = ? WHERE id_osp = 1', (sys.argv[2],))
connection.commit()
os.kill(os.getpid(), signal.SIGKILL)   # killed before any checkpoint: the edit is in the WAL
"""


def test_an_editor_killed_with_edits_in_its_journal_loses_nothing(pipeline, gpkg):
    rows_before = len(content(gpkg))
    subprocess.run([sys.executable, "-c", EDITOR, gpkg, "Note saisie avant la panne"])
    assert os.path.getsize(gpkg + "-wal") > 0  # the edit lives only in the journal
    result = update(pipeline, gpkg)
    assert integrity(gpkg) == "ok"
    rows = content(gpkg)
    assert len(rows) == result["N_DWELLINGS"] >= rows_before   # nothing disappeared
    assert dict((r[0], r[2]) for r in rows)[1] == "Note saisie avant la panne"  # edit kept
    # and the file opens cleanly again in QGIS
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(gpkg + "|layername=" + TABLE, "a", "ogr")
    assert layer.isValid() and layer.featureCount() == len(rows)


HOLDER = """
import sqlite3, sys, time
""" + GPKG_FUNCTIONS + """
connection = gpkg_connection(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE analyse_logement SET info = 'en cours' WHERE id_osp = 2")
print("verrou", flush=True)
time.sleep(60)
"""


def test_a_file_locked_by_an_editor_is_refused_in_time_not_waited_for(pipeline, gpkg):
    from qgis.core import QgsProcessingException

    from osp_erbm.processing_algs.common.gpkg_update import LOCK_TIMEOUT
    before = content(gpkg)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, gpkg], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "verrou"
        start = time.time()
        with pytest.raises(QgsProcessingException, match="verrouillé") as error:
            update(pipeline, gpkg)
        assert time.time() - start < LOCK_TIMEOUT + 20
        assert "Traceback" not in str(error.value)
    finally:
        holder.kill()
        holder.wait()
    assert content(gpkg) == before  # the holder's uncommitted edit is gone, ours never came
    assert not [n for n in os.listdir(os.path.dirname(gpkg)) if ".tmp." in n]


READER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
print(connection.execute("SELECT count(*) FROM analyse_logement").fetchone()[0], flush=True)
sys.stdin.readline()          # stays open, idle, while the update runs
print(connection.execute("SELECT count(*) FROM analyse_logement").fetchone()[0], flush=True)
print(connection.execute("PRAGMA quick_check").fetchone()[0], flush=True)
"""


def test_a_reader_left_open_sees_the_updated_file(pipeline, tmp_path):
    import processing
    target = str(tmp_path / "petit.gpkg")
    processing.run("native:extractbyexpression", {"INPUT": str(pipeline["dir"] / "tous.gpkg"),
                                                  "EXPRESSION": '"ligne_source" < 40',
                                                  "OUTPUT": str(tmp_path / "debut.gpkg")})
    processing.run("osp:analyselogement", {"INPUT": str(tmp_path / "debut.gpkg"),
                                           "OUTPUT": target})
    reader = subprocess.Popen([sys.executable, "-c", READER, target], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    first = int(reader.stdout.readline())
    result = update(pipeline, target)
    out, _ = reader.communicate("\n", timeout=60)
    second, check = out.split()
    assert int(second) == result["N_DWELLINGS"] > first   # same file, new content
    assert check == "ok" and integrity(target) == "ok"


def test_a_read_only_geopackage_is_refused_and_left_alone(pipeline, gpkg):
    from qgis.core import QgsProcessingException
    os.chmod(gpkg, 0o444)
    before = digest(gpkg)
    with pytest.raises(QgsProcessingException, match="lecture seule"):
        update(pipeline, gpkg)
    assert digest(gpkg) == before
    assert stat.S_IMODE(os.stat(gpkg).st_mode) == 0o444   # still read-only


def test_a_junk_file_named_gpkg_is_not_overwritten(pipeline, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    junk = tmp_path / "notes.gpkg"
    junk.write_bytes(b"ceci n'est pas une base SQLite\n" * 100)
    before = digest(str(junk))
    for update_existing in (True, False):
        with pytest.raises(QgsProcessingException, match="(pas un GeoPackage|endommag)"):
            processing.run("osp:analyselogement", {
                "INPUT": str(pipeline["dir"] / "tous.gpkg"), "OUTPUT": str(junk),
                "UPDATE_EXISTING": update_existing})
    assert digest(str(junk)) == before


def test_a_killed_run_leaves_the_file_whole_and_the_next_run_cleans_up(pipeline, gpkg,
                                                                       tmp_path):
    import install_profile
    profile = tmp_path / "profil"
    install_profile.install(str(profile))
    before_bytes, before = digest(gpkg), content(gpkg)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    run = subprocess.Popen(["qgis_process.bin", "run", "osp:analyselogement", "--",
                            "INPUT=%s" % (pipeline["dir"] / "tous.gpkg"), "OUTPUT=%s" % gpkg,
                            "UPDATE_EXISTING=true"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    folder = os.path.dirname(gpkg)
    deadline = time.time() + 120
    while time.time() < deadline and run.poll() is None:
        if [n for n in os.listdir(folder) if n.startswith(".osp.gpkg.osp-")]:
            run.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    run.wait()
    assert run.returncode == -signal.SIGKILL, "le traitement a fini avant d'être interrompu"
    left = [n for n in os.listdir(folder) if n.startswith(".osp.gpkg.osp-")]
    assert left, "la copie de travail devait rester après un arrêt brutal"
    if not os.path.exists(gpkg + "-journal"):
        assert digest(gpkg) == before_bytes        # killed before the final copy
    assert content(gpkg) == before and integrity(gpkg) == "ok"
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, text):
            self.lines.append(text)
            super().pushInfo(text)

    log = Log()
    update(pipeline, gpkg, feedback=log)
    assert not [n for n in os.listdir(folder) if ".tmp." in n]
    assert any("interrompue supprimée" in line for line in log.lines)
