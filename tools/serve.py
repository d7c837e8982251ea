#!/usr/bin/python3
"""A local QGIS Server on a publication (make serve): Debian's qgis_mapserver, the OSP
access-control plugin loaded from server_plugin/, the OGC API pages working offline
(tools/server_resources.py).  Listens on the loopback only.

    /usr/bin/python3 tools/serve.py [PUBLICATION_FOLDER] [PORT]
"""
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tools"))
import server_resources

ROLES = (("visiteur anonyme", {}),
         ("bailleur Maisons & Cités", {"X-Lizmap-User": "mc", "X-Lizmap-User-Groups":
                                       "osp_bailleur_mc"}),
         ("EPCI CALL", {"X-Lizmap-User": "call", "X-Lizmap-User-Groups": "osp_epci_call"}),
         ("DDTM (lecture)", {"X-Lizmap-User": "ddtm", "X-Lizmap-User-Groups": "osp_lecteur"}))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(project, port=None, resources=None, log=None):
    """``(process, base URL)`` of a running qgis_mapserver serving ``project``."""
    port = port or free_port()
    resources = resources or server_resources.build(os.path.join(REPO, "build",
                                                                 "serveur_api"))
    env = dict(os.environ, QGIS_PLUGINPATH=os.path.join(REPO, "server_plugin"),
               QGIS_SERVER_API_RESOURCES_DIRECTORY=resources, QT_QPA_PLATFORM="offscreen",
               QGIS_SERVER_PARALLEL_RENDERING="1", QGIS_SERVER_LOG_LEVEL="2",
               QGIS_SERVER_LOG_STDERR="1")
    process = subprocess.Popen(["qgis_mapserver", "-p", project, "127.0.0.1:%d" % port],
                               env=env, stdout=log or subprocess.DEVNULL,
                               stderr=subprocess.STDOUT if log else subprocess.DEVNULL)
    url = "http://127.0.0.1:%d/" % port
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "?SERVICE=WMS&REQUEST=GetCapabilities", timeout=5)
            return process, url
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("qgis_mapserver s'est arrêté au démarrage")
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("qgis_mapserver ne répond pas sur %s" % url)


def _first_get_print(folder):
    """The GetPrint query of the first EPCI page the publication's LISEZMOI gives."""
    try:
        with open(os.path.join(folder, "LISEZMOI.txt"), encoding="utf-8") as handle:
            query = next((line.split("requête : ")[1].strip() for line in handle
                          if line.startswith("- « Atlas – EPCI »")), None)
        if query is None:
            return None
        with sqlite3.connect(os.path.join(folder, "donnees", "atlas.gpkg")) as connection:
            fid = connection.execute("SELECT min(fid) FROM atlas_epci").fetchone()[0]
        return query.replace("<fid>", str(fid))
    except (OSError, sqlite3.Error, StopIteration):
        return None


def main(argv):
    folder = os.path.abspath(argv[0] if argv else os.path.join(REPO, "demo_output",
                                                               "publication"))
    project = os.path.join(folder, "osp_erbm.qgs")
    if not os.path.exists(project):
        print("Pas de publication dans %s : lancer d'abord « make demo »." % folder)
        return 1
    process, url = start(project, int(argv[1]) if len(argv) > 1 else 8090)
    print("QGIS Server sert %s\n" % project)
    print("  WMS  : %s?SERVICE=WMS&REQUEST=GetCapabilities" % url)
    print("  WFS  : %s?SERVICE=WFS&REQUEST=GetCapabilities" % url)
    print("  OGC API Features (pages et visionneuse) : %swfs3\n" % url)
    print("Essayer chaque rôle (en-têtes que Lizmap envoie) :")
    for label, headers in ROLES:
        options = " ".join('-H "%s: %s"' % item for item in headers.items())
        print("  %s :\n    curl %s '%s?SERVICE=WFS&REQUEST=GetFeature&TYPENAME="
              "analyse_logement&OUTPUTFORMAT=GeoJSON'" % (label, options, url))
    atlas = _first_get_print(folder)
    if atlas:
        print("\nUne page d'atlas imprimée par le serveur (GetPrint, voir LISEZMOI.txt) :\n"
              "    curl -o page.pdf %s '%s?%s'" % (" ".join(
                  '-H "%s: %s"' % item for item in ROLES[-1][1].items()), url, atlas))
    print("\nArrêt : Ctrl+C")
    try:
        process.wait()
    except KeyboardInterrupt:
        process.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
