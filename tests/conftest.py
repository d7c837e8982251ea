"""Shared fixtures.

Pure-core tests (tests/unit) need nothing from here but ``REPO`` on the path.
QGIS fixtures import qgis lazily, so that unit tests never load it.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
ARTIFACTS = os.path.join(REPO, "tests", "artifacts")
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"

if REPO not in sys.path:
    sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "tools"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "XDG_RUNTIME_DIR" not in os.environ:
    _xdg = tempfile.mkdtemp(prefix="osp-xdg-")
    os.chmod(_xdg, 0o700)
    os.environ["XDG_RUNTIME_DIR"] = _xdg
# the tests' own QGIS profile (settings, connections, password store), never the user's
if "QGIS_CUSTOM_CONFIG_PATH" not in os.environ:
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="osp-profil-qgis-")


def shared_path(*parts):
    """A file of ../shared/data, or skip the test with the reason."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        pytest.skip("données publiques partagées absentes (%s) : clone sans ../shared" % path)
    return path


SAMPLE_SHEETS = ("mc_logements_rehabilites.xlsx", "sia_logements.csv", "mc_2019.ods",
                 "sia_2021_utf8.csv")


@pytest.fixture(scope="session")
def pipeline(qgis_app, sample_data, tmp_path_factory):
    """The whole chain on the sample: join each sheet, merge, analyse layer, anomalies."""
    import processing
    sample, out = str(sample_data), tmp_path_factory.mktemp("synthese")
    joined, anomalies = [], []
    for sheet in SAMPLE_SHEETS:
        stem = os.path.splitext(sheet)[0]
        processing.run("osp:joinbailleurparcelles", {
            "INPUT": os.path.join(sample, "bailleurs", sheet),
            "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
            "LOCAUX": os.path.join(sample, "pb0010_local.csv"),
            "ADDRESSES": os.path.join(sample, "territoire.gpkg") + "|layername=adresses",
            "OUTPUT": str(out / ("%s.gpkg" % stem)),
            "ANOMALIES": str(out / ("anomalies_%s.csv" % stem))})
        joined.append(str(out / ("%s.gpkg" % stem)))
        anomalies.append(str(out / ("anomalies_%s.csv" % stem)))
    merged = processing.run("native:mergevectorlayers", {"LAYERS": joined, "CRS": "EPSG:2154",
                                                         "OUTPUT": str(out / "tous.gpkg")})
    gpkg = str(out / "osp_erbm.gpkg")
    processing.run("osp:analyselogement", {
        "INPUT": merged["OUTPUT"],
        "COMMUNES": os.path.join(sample, "territoire.gpkg") + "|layername=communes",
        "CITES": os.path.join(sample, "territoire.gpkg") + "|layername=cites", "OUTPUT": gpkg})
    anomalies_all = processing.run("native:mergevectorlayers", {
        "LAYERS": anomalies, "OUTPUT": str(out / "anomalies.gpkg")})["OUTPUT"]
    return {"dir": out, "layer": gpkg + "|layername=analyse_logement",
            "anomalies": anomalies_all, "decisions": os.path.join(sample, "decisions.csv")}


def real_territories():
    """The real ERBM cités (a layer), communes and EPCI (paths) of ../shared/data."""
    from qgis.core import QgsVectorLayer
    cites = QgsVectorLayer(shared_path("territoires", "cites_erbm.geojson"), "cites", "ogr")
    return (cites, shared_path("territoires", "communes_bassin_minier.geojson"),
            shared_path("territoires", "epci_bassin_minier.geojson"))


@pytest.fixture(scope="session")
def plugin_package(tmp_path_factory):
    """The checkout importable as the deployed package ``osp_erbm``."""
    root = tmp_path_factory.mktemp("pluginpath")
    os.symlink(REPO, root / "osp_erbm")
    sys.path.insert(0, str(root))
    return "osp_erbm"


@pytest.fixture(scope="session")
def qgis_app(plugin_package):
    """A real QgsApplication with Processing and the ``osp`` provider loaded
    through the plugin's own ``classFactory``/``initProcessing``."""
    from qgis.core import QgsApplication
    app = QgsApplication([], True)  # GUI enabled (offscreen): forms are rendered in tests
    app.initQgis()
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from processing.core.Processing import Processing
    Processing.initialize()
    import importlib
    package = importlib.import_module(plugin_package)
    plugin = package.classFactory(None)
    plugin.initProcessing()
    yield app
    plugin.unload()


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory):
    """The project's generated sample territory and landlord sheets (default size)."""
    import sample_data as generator
    out = tmp_path_factory.mktemp("sample")
    generator.generate(str(out))
    return out


@pytest.fixture()
def artifacts():
    os.makedirs(ARTIFACTS, exist_ok=True)
    return ARTIFACTS


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_bin(name):
    for version in ("15", "16", "17", "14", "13"):
        path = "/usr/lib/postgresql/%s/bin/%s" % (version, name)
        if os.path.exists(path):
            return path
    return shutil.which(name)


def start_postgis():
    """A real PostgreSQL + PostGIS server (loopback only, its own data folder) with a
    database ``osp``.  Returns a dict: host, port, dbname, user, ``psql(sql)``, ``log``,
    ``stop()``, ``start()`` (again, on the same folder and port) and ``remove()``."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.fail("PostgreSQL absent : `make test` installe postgresql-15-postgis-3")
    # not under pytest's 0700 temporary root: the server's user must reach it
    base = tempfile.mkdtemp(prefix="osp-pg-")
    data = os.path.join(base, "data")
    as_user = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        os.chmod(base, 0o755)
        shutil.chown(base, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(as_user + [initdb, "-D", str(data), "-U", "postgres", "-A", "trust",
                              "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    # the test superuser is trusted on loopback; every other login gives its password
    # (SCRAM), as on a real shared base
    with open(os.path.join(data, "pg_hba.conf"), "w") as hba:
        hba.write("local all all trust\n"
                  "host all postgres 127.0.0.1/32 trust\n"
                  "host all all 127.0.0.1/32 scram-sha-256\n")
    log = os.path.join(base, "server.log")
    conn = {"host": "127.0.0.1", "port": port, "dbname": "osp", "user": "postgres", "log": log}

    def psql(sql, dbname="osp"):
        return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                               "-d", dbname, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
                              check=True, capture_output=True, text=True).stdout

    def start():
        subprocess.run(as_user + [pg_ctl, "start", "-D", str(data), "-l", log, "-w", "-o",
                                  "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off"
                                  % (port, base)], check=True, capture_output=True)
        for _ in range(50):
            try:
                psql("select 1", dbname="postgres")
                break
            except subprocess.CalledProcessError:
                time.sleep(0.2)

    def stop(mode="fast"):
        subprocess.run(as_user + [pg_ctl, "-D", str(data), "-m", mode, "stop"],
                       capture_output=True)

    def remove():
        stop()
        shutil.rmtree(base, ignore_errors=True)

    start()
    psql("create database osp", dbname="postgres")
    psql("create extension postgis")
    conn.update(psql=psql, start=start, stop=stop, remove=remove)
    return conn


@pytest.fixture(scope="session")
def postgis():
    """The test run's PostGIS server (see :func:`start_postgis`)."""
    conn = start_postgis()
    yield conn
    conn["remove"]()
