#!/usr/bin/python3
"""The OGC API pages of QGIS Server (landing page, collections, map viewer) working without
the Internet: a copy of the server's own templates whose JavaScript and CSS come from the
Debian packages (libjs-leaflet, libjs-jquery, libjs-bootstrap4, libjs-popper.js) and whose
map shows the publication's own WMS instead of OpenStreetMap tiles.

    /usr/bin/python3 tools/server_resources.py DOSSIER

QGIS Server uses it through QGIS_SERVER_API_RESOURCES_DIRECTORY=DOSSIER (make serve, tests).
"""
import os
import re
import shutil
import sys

SERVER_RESOURCES = "/usr/share/qgis/resources/server/api"
JAVASCRIPT = "/usr/share/javascript"
VENDOR = {"leaflet": "leaflet", "jquery": "jquery", "bootstrap4": "bootstrap4",
          "popper.js": "popper.js"}
# the CDN addresses of the templates → the same file from the Debian packages
REPLACEMENTS = (
    (r"https://unpkg\.com/leaflet@[0-9.]+/dist/leaflet\.js", "vendor/leaflet/leaflet.js"),
    (r"https://unpkg\.com/leaflet@[0-9.]+/dist/leaflet\.css", "vendor/leaflet/leaflet.css"),
    (r"https://code\.jquery\.com/jquery-[0-9.]+\.min\.js", "vendor/jquery/jquery.min.js"),
    (r"https://stackpath\.bootstrapcdn\.com/bootstrap/[0-9.]+/css/bootstrap\.min\.css",
     "vendor/bootstrap4/css/bootstrap.min.css"),
    (r"https://stackpath\.bootstrapcdn\.com/bootstrap/[0-9.]+/js/bootstrap\.min\.js",
     "vendor/bootstrap4/js/bootstrap.min.js"),
    (r"https://cdnjs\.cloudflare\.com/ajax/libs/popper\.js/[0-9.]+/umd/popper\.min\.js",
     "vendor/popper.js/popper.min.js"),
)
OSM_TILES = re.compile(r"L\.tileLayer\('https://tile\.openstreetmap\.org[^']*',\s*\{[^}]*\}\)",
                       re.S)
WMS_BACKGROUND = ("L.tileLayer.wms('/?', {layers: 'osp_erbm', format: 'image/png', "
                  "transparent: true, attribution: 'OSP ERBM'})")


def rewrite(text):
    for pattern, local in REPLACEMENTS:
        text = re.sub(pattern, '{{ static( "%s" ) }}' % local, text)
    text = re.sub(r'\s+integrity="[^"]*"', "", text)
    text = re.sub(r'\s+crossorigin="[^"]*"', "", text)
    return OSM_TILES.sub(WMS_BACKGROUND, text)


def build(target):
    if os.path.exists(target):
        shutil.rmtree(target)
    shutil.copytree(SERVER_RESOURCES, target)
    static = os.path.join(target, "ogc", "static", "vendor")
    for package, name in VENDOR.items():
        source = os.path.join(JAVASCRIPT, package)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(static, name))
    for folder, _, files in os.walk(os.path.join(target, "ogc", "templates")):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(rewrite(text))
    return target


if __name__ == "__main__":
    print(build(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/serveur_api")))
