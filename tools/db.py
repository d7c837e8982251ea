#!/usr/bin/python3
"""A persistent local PostGIS server to try the shared base (`make db`):

    /usr/bin/python3 tools/db.py start    # creates it the first time, prints the connection
    /usr/bin/python3 tools/db.py init     # osp:init_base on it (idempotent)
    /usr/bin/python3 tools/db.py stop
    /usr/bin/python3 tools/db.py status
    /usr/bin/python3 tools/db.py connexion  # the connection string alone

Data in .osp-db/ (ignored by git), listening on 127.0.0.1 and a Unix socket in the same
folder; database « osp » with PostGIS, schema prepared by osp:init_base.  The superuser
« postgres » is trusted on this machine only; every other login gives its password."""
import os
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOME = os.path.join(REPO, ".osp-db")
DATA = os.path.join(HOME, "data")
PORT = int(os.environ.get("OSP_DB_PORT", "54329"))
CONNECTION = "dbname=osp host=127.0.0.1 port=%d user=postgres" % PORT


def pg_bin(name):
    for version in ("15", "16", "17", "14", "13"):
        path = "/usr/lib/postgresql/%s/bin/%s" % (version, name)
        if os.path.exists(path):
            return path
    found = shutil.which(name)
    if not found:
        sys.exit("PostgreSQL absent : `make deps` installe postgresql-15-postgis-3.")
    return found


def as_server_user():
    if os.geteuid() != 0:   # PostgreSQL refuses to run as root
        return []
    shutil.chown(HOME, "postgres", "postgres")
    return ["runuser", "-u", "postgres", "--"]


def psql(sql, dbname="postgres"):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(PORT), "-U", "postgres",
                           "-d", dbname, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
                          capture_output=True, text=True)


def running():
    return psql("select 1").returncode == 0


def start():
    os.makedirs(HOME, exist_ok=True)
    os.chmod(HOME, 0o755)
    user = as_server_user()
    if not os.path.exists(os.path.join(DATA, "PG_VERSION")):
        subprocess.run(user + [pg_bin("initdb"), "-D", DATA, "-U", "postgres", "-A", "trust",
                               "-E", "UTF8"], check=True, capture_output=True)
        with open(os.path.join(DATA, "pg_hba.conf"), "w") as hba:
            hba.write("local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                      "host all all 127.0.0.1/32 scram-sha-256\n")
    if not running():
        subprocess.run(user + [pg_bin("pg_ctl"), "start", "-D", DATA, "-l",
                               os.path.join(HOME, "serveur.log"), "-w", "-o",
                               "-p %d -k %s -c listen_addresses=127.0.0.1" % (PORT, HOME)],
                       check=True, capture_output=True)
        for _ in range(50):
            if running():
                break
            time.sleep(0.2)
    if psql("select 1 from pg_database where datname = 'osp'").stdout.strip() != "1":
        psql("create database osp")
    psql("create extension if not exists postgis", dbname="osp")
    print("Serveur PostGIS local prêt. Connexion : %s" % CONNECTION)
    print("Préparer la base : qgis_process.bin run osp:init_base --DATABASE=\"%s\"" % CONNECTION)


def stop():
    if running():
        subprocess.run(as_server_user() + [pg_bin("pg_ctl"), "stop", "-D", DATA, "-m", "fast"],
                       check=True, capture_output=True)
    print("Serveur arrêté.")


def init():
    """osp:init_base through qgis_process, the plugin installed in a private profile."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import install_profile
    profile = os.path.join(HOME, "profil_qgis")
    install_profile.install(profile)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=profile, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(["qgis_process.bin", "run", "osp:init_base", "--",
                           "DATABASE=" + CONNECTION], env=env, capture_output=True, text=True)
    print(done.stdout[-2000:])
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-2000:])
        sys.exit("osp:init_base a échoué.")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "start":
        start()
    elif command == "init":
        init()
    elif command == "stop":
        stop()
    elif command == "connexion":
        print(CONNECTION)
    elif command == "status":
        print("en marche : %s" % CONNECTION if running() else "arrêté")
    else:
        sys.exit("usage : tools/db.py start|stop|status")
