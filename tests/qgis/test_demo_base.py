"""The whole sample pipeline through qgis_process twice — GeoPackage (`make demo`) and the
shared PostGIS base (`make demo-db`) — gives the same results (issue 13's « done when »):
same dwellings, same Fichiers fonciers cross-check, same workbook, same atlas pages, same
CRHH recap."""
import os
import re
import sqlite3
import subprocess

import pytest
from conftest import REPO

PY = "/usr/bin/python3"


def run_demo(out, base=None):
    command = [PY, os.path.join(REPO, "tools", "demo.py"), str(out)]
    if base:
        command.append("--base=" + base)
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def demos(qgis_app, postgis, tmp_path_factory):
    import processing
    postgis["psql"]("create database osp_demo", dbname="postgres")
    dsn = "dbname=osp_demo host=%s port=%s user=postgres" % (postgis["host"], postgis["port"])
    processing.run("osp:init_base", {"DATABASE": dsn})
    gpkg_out, base_out = tmp_path_factory.mktemp("demo_gpkg"), tmp_path_factory.mktemp("demo_pg")
    return {"gpkg": gpkg_out, "base": base_out, "dsn": dsn,
            "log_gpkg": run_demo(gpkg_out), "log_base": run_demo(base_out, dsn)}


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toPyDate"):
        return value.toPyDate()
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime()
    return value


def rows_of(layer, key, skip=()):
    names = [f.name() for f in layer.fields() if f.name() not in skip]
    out = {}
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        out[feature[key]] = ({n: _plain(feature[n]) for n in names},
                             geometry.asWkt(2) if not geometry.isNull() else None)
    return out


def test_the_dwellings_in_the_base_are_the_geopackage_ones(demos):
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    from osp_erbm.osp_qgis.logements import analyse as core
    uri = QgsDataSourceUri(demos["dsn"])
    uri.setDataSource("osp", "logements", "geom", "", "fid")
    base = QgsVectorLayer(uri.uri(False), "base", "postgres")
    gpkg = QgsVectorLayer(str(demos["gpkg"] / "osp_erbm.gpkg") + "|layername=analyse_logement",
                          "gpkg", "ogr")
    assert base.isValid() and gpkg.isValid()
    names = [n for n, _, _ in core.FIELDS if n not in ("date_maj",)]
    skip = [f.name() for f in gpkg.fields() if f.name() not in names]
    in_gpkg = rows_of(gpkg, "id_osp", skip)
    in_base = rows_of(base, "id_osp", [f.name() for f in base.fields() if f.name() not in names])
    assert len(in_gpkg) == gpkg.featureCount() > 500
    assert in_base == in_gpkg


def test_the_fichiers_fonciers_cross_check_is_the_same(demos):
    from qgis.core import QgsVectorLayer
    for name in ("non_remontes", "comparaison_parcelles", "part_logements_sociaux"):
        layers = [QgsVectorLayer(str(demos[k] / ("ff_%s.gpkg" % name)), k, "ogr")
                  for k in ("gpkg", "base")]
        assert all(layer.isValid() for layer in layers), name
        keyed = [sorted(((tuple(str(_plain(v)) for v in f.attributes()[1:]),
                          f.geometry().asWkt(2)) for f in layer.getFeatures()))
                 for layer in layers]
        assert keyed[0] == keyed[1], name
        assert keyed[0], name


VERSION_TIME = re.compile(r"version du \d\d/\d\d/\d{4} à \d\dh\d\d")


def _timeless(row):
    """The two demos run a minute apart may be stamped with different minutes."""
    return tuple(VERSION_TIME.sub("version du <date>", c) if isinstance(c, str) else c
                 for c in row)


def _book(path):
    import openpyxl
    book = openpyxl.load_workbook(str(path), read_only=True)
    try:
        return {sheet.title: [_timeless(row) for row in sheet.iter_rows(values_only=True)
                              if not any(isinstance(c, str) and ("osp_erbm.gpkg" in c or
                                                                 "osp.logements" in c or
                                                                 "Source" in c or "source" in c
                                                                 or "Édité le" in c)
                                         for c in row)]
                for sheet in book.worksheets}
    finally:
        book.close()


def test_the_workbook_is_the_same(demos):
    gpkg, base = _book(demos["gpkg"] / "OSP_synthese.xlsx"), _book(demos["base"] /
                                                                   "OSP_synthese.xlsx")
    assert list(gpkg) == list(base)
    for sheet in gpkg:
        assert gpkg[sheet] == base[sheet], sheet
    assert sum(len(rows) for rows in gpkg.values()) > 50


def _pdf_pages(path):
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    return next(int(l.split()[-1]) for l in done.stdout.splitlines() if l.startswith("Pages:"))


def test_the_atlas_pages_are_the_same(demos):
    for folder in ("atlas_epci", "atlas_bassin"):
        names = [sorted(os.listdir(str(demos[k] / folder))) for k in ("gpkg", "base")]
        assert names[0] == names[1] and names[0], folder
        for name in names[0]:
            if name.endswith(".pdf"):
                assert _pdf_pages(demos["gpkg"] / folder / name) == \
                    _pdf_pages(demos["base"] / folder / name), name


def test_the_crhh_recap_is_the_same(demos):
    gpkg = _book(demos["gpkg"] / "recapitulatif_programmation_2021.xlsx")
    base = _book(demos["base"] / "recapitulatif_programmation_2021.xlsx")
    assert list(gpkg) == list(base)
    for sheet in gpkg:
        assert gpkg[sheet] == base[sheet], sheet
    pdfs = [sorted(os.listdir(str(demos[k] / "programmation_2021_pdf"))) for k in ("gpkg", "base")]
    assert pdfs[0] == pdfs[1] and pdfs[0]
    # and the base holds the operations the GeoPackage holds
    import psycopg2
    columns = "id_op, nom, bailleur, epci, annee_prog, b_nb_total, e_nb_total, d_nb_total"
    connection = psycopg2.connect(demos["dsn"])
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s FROM osp.operations ORDER BY id_op" % columns)
            in_base = [tuple(r) for r in cursor.fetchall()]
    finally:
        connection.close()
    with sqlite3.connect(str(demos["gpkg"] / "programmation.gpkg")) as lite:
        in_gpkg = [tuple(r) for r in lite.execute("SELECT %s FROM operations ORDER BY id_op"
                                                  % columns)]
    assert in_base == in_gpkg and in_base
