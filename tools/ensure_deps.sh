#!/usr/bin/env bash
# Install the Debian 12 packages the plugin, its tests and its demo need (idempotent).
set -euo pipefail
PACKAGES="python3-qgis qgis qgis-providers python3-gdal python3-pandas python3-openpyxl python3-psycopg2
python3-pytest python3-hypothesis postgresql-15-postgis-3 postgresql-client-15 poppler-utils
util-linux zip libreoffice-calc libreoffice-draw time gdal-bin xvfb xauth python3-venv
qgis-server chromium libjs-leaflet libjs-jquery libjs-bootstrap4 libjs-popper.js"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installation des paquets manquants :$missing"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
/usr/bin/python3 -c "import qgis.core, openpyxl, pandas, pytest, hypothesis" \
  || { echo "Les modules Python de QGIS sont introuvables pour /usr/bin/python3" >&2; exit 1; }
command -v qgis_process.bin >/dev/null || { echo "qgis_process.bin introuvable" >&2; exit 1; }
command -v qgis_mapserver >/dev/null || { echo "qgis_mapserver (qgis-server) introuvable" >&2; exit 1; }
# Static checks of the plugin's code: vermin (Python 3.9 compatibility) and ruff (make lint,
# rules in pyproject.toml), pinned, in a venv of the project (the plugin itself needs nothing
# outside QGIS); pycsw only for the ISO 19139 XML schemas it ships (the tests validate the
# publication's metadata records against them), without its dependencies.
VENV="$(dirname "$0")/../build/tools-venv"
if [ ! -x "$VENV/bin/vermin" ] || [ ! -x "$VENV/bin/ruff" ]; then
  PYTHON=$(command -v python3)
  [ -x "$VENV/bin/pip" ] || "$PYTHON" -m venv "$VENV" 2>/dev/null || /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q vermin==1.6.0 ruff==0.17.6 \
    || { echo "vermin et ruff n'ont pas pu être installés" >&2; exit 1; }
fi
if ! ls "$VENV"/lib/python*/site-packages/pycsw/plugins/profiles/apiso/schemas >/dev/null 2>&1; then
  "$VENV/bin/pip" install -q --no-deps pycsw==2.6.1 \
    || { echo "pycsw (schémas ISO 19139) n'a pas pu être installé" >&2; exit 1; }
fi
