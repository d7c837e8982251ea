"""Issue 25, points 9-11, through the real algorithm: every table of one output of
osp:indicateurs_parc_social attacked at once (communes, QPV split, EPCI, départements, the
whole file, each zone layer and the grid with their « ensemble » rows), on the sample and on
a synthetic territory built to tempt differencing; commune-level points never counted in
sub-commune zones; the file's own coordinates checked.

The attack knows what each published row adds up from the file itself (its commune, QPV
flag, EPCI from the reference CSV, point in polygon of the zones with QGIS geometry, INSEE
grid cell in EPSG:3035), not from the levels the code builds, and solves every relation
exactly (tests/secrecy_attack.py)."""
import csv
import math
import os
import sqlite3

import numpy as np
from conftest import REPO
from secrecy_attack import recomputable_over_atoms

FINE = ("xy_source", "numero", "voie")


def run(algorithm, params):
    import processing
    return processing.run(algorithm, params)


def tables(gpkg):
    with sqlite3.connect(gpkg) as db:
        db.row_factory = sqlite3.Row
        names = [r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")]
        return {name: [dict(r) for r in db.execute('SELECT * FROM "%s"' % name)]
                for name in names}


def epci_of():
    with open(os.path.join(REPO, "resources", "reference", "communes_59_62.csv"),
              encoding="utf-8", newline="") as handle:
        return {r["insee"]: r["epci_siren"] for r in csv.DictReader(handle, delimiter=";")}


def qpv_part(value):
    value = (value or "").strip().upper()
    if value in ("1", "OUI") or value.startswith(("QP", "QN")):
        return "QPV"
    if value in ("2", "0", "NON"):
        return "HORS_QPV"
    return "QPV_NR"


def grid_code(x, y, size, transform):
    from qgis.core import QgsPointXY
    point = transform.transform(QgsPointXY(x, y))
    label = "%dkm" % (size // 1000) if size % 1000 == 0 else "%dm" % size
    return "CRS3035RES%sN%dE%d" % (label, math.floor(point.y() / size) * size,
                                   math.floor(point.x() / size) * size)


def located(rpls, addresses=None, communes=None, tmp=None):
    """Each row's point and precision, as the geocoder gives them: ``{line: (precision, x,
    y)}`` (Lambert-93)."""
    from qgis.core import QgsVectorLayer
    params = {"INPUT": rpls, "OUTPUT": str(tmp / "geocode.gpkg")}
    if addresses:
        params["ADDRESSES"] = addresses
    if communes:
        params["COMMUNES"] = communes
    run("osp:geocoder_rpls", params)
    layer = QgsVectorLayer(str(tmp / "geocode.gpkg"), "g", "ogr")
    out = {}
    for feature in layer.getFeatures():
        point = feature.geometry().asPoint() if feature.hasGeometry() else None
        out[int(feature["ligne"])] = (feature["geoloc_precision"],
                                      point.x() if point else None, point.y() if point else None)
    return out


def memberships(rows, places, zone_layers, grid):
    """``{line: set of (table, code)}``: the published rows each file row is counted in."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsPointXY,
        QgsProject,
    )
    epci = epci_of()
    to_3035 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                     QgsCoordinateReferenceSystem("EPSG:3035"),
                                     QgsProject.instance())
    out = {}
    for line, row in rows.items():
        commune = row["DEPCOM"].strip().zfill(5)
        keys = {("ensemble", "ENSEMBLE"), ("departements", commune[:2]),
                ("communes", commune), ("communes_qpv", "%s|%s" % (commune,
                                                                   qpv_part(row.get("QPV"))))}
        if epci.get(commune):
            keys.add(("epci", epci[commune]))
        precision, x, y = places[line]
        if precision in FINE and x is not None:
            point = QgsGeometry.fromPointXY(QgsPointXY(x, y))
            for table, shapes in zone_layers.items():
                inside = [code for code, shape in shapes if shape.intersects(point)]
                keys.update((table, code) for code in inside)
                if inside:
                    keys.add((table, "ENSEMBLE"))
            if grid:
                table = "carreaux_%dm" % grid
                keys.update({(table, grid_code(x, y, grid, to_3035)), (table, "ENSEMBLE")})
        out[line] = keys
    return out


def attack(gpkg, member_of, households_of=None):
    """The masked cells of every published table that the attack recomputes, as ``(table,
    code, column)``; also the number of masked cells."""
    from osp_erbm.osp_qgis.parc_social import indicators
    published = {name: rows_ for name, rows_ in tables(gpkg).items()
                 if name in ("communes", "communes_qpv", "epci", "departements", "ensemble")
                 or name.startswith(("zones_", "carreaux_"))}
    zones = [(name, r["code"]) for name, rows_ in published.items() for r in rows_]
    by_zone = {(name, r["code"]): r for name, rows_ in published.items() for r in rows_}
    sample = next(iter(by_zone.values()))
    means = [m["champ"] for m in indicators.means() if m["champ"] in sample]
    columns = [c for c in sample if c in ("logements", "menages") or c.startswith("n_")
               or c.endswith("_effectif")] + [m + "_somme" for m in means]
    masked = np.zeros((len(zones), len(columns)), dtype=bool)
    for z, key in enumerate(zones):
        row = by_zone[key]
        for j, column in enumerate(columns):
            if column.endswith("_somme"):
                mean = column[:-len("_somme")]
                masked[z, j] = row[mean] is None or row[mean + "_effectif"] is None
            else:
                masked[z, j] = row[column] is None
    atoms = sorted({frozenset(keys) for keys in member_of.values()}, key=sorted)
    position = {key: z for z, key in enumerate(zones)}
    incidence = np.zeros((len(zones), len(atoms)))
    for a, keys in enumerate(atoms):
        for key in keys:
            assert key in position, key     # every zone a row is in is published
            incidence[position[key], a] = 1
    found = recomputable_over_atoms(incidence, indicators.row_relations(columns), masked)
    return [zones[z] + (columns[j],) for z, j in found], int(masked.sum())


def read_rows(path, encoding):
    with open(path, encoding=encoding, newline="") as handle:
        return {n: row for n, row in enumerate(csv.DictReader(handle, delimiter=";"), start=2)}


def shapes_of(layer_path, code_field):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
        QgsVectorLayer,
    )
    layer = QgsVectorLayer(layer_path, "zones", "ogr")
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:2154"),
                                       QgsProject.instance())
    out = []
    for feature in layer.getFeatures():
        shape = QgsGeometry(feature.geometry())
        shape.transform(transform)
        out.append((str(feature[code_field]), shape))
    return out


def test_the_sample_output_resists_the_attack_of_all_its_tables(qgis_app, sample_data,
                                                                tmp_path):
    sample = str(sample_data)
    rpls = os.path.join(sample, "parc_social", "rpls_bassin.csv")
    addresses = os.path.join(sample, "parc_social", "adresses_ban.csv")
    communes = os.path.join(sample, "territoire.gpkg") + "|layername=communes"
    cites = os.path.join(sample, "territoire.gpkg") + "|layername=cites"
    out = str(tmp_path / "parc_social.gpkg")
    result = run("osp:indicateurs_parc_social", {
        "RPLS": rpls, "ADDRESSES": addresses, "COMMUNES": communes, "ZONES": [cites],
        "OPS": os.path.join(sample, "parc_social", "ops_bassin.csv"), "GRID_SIZE": 1000,
        "OUTPUT": out})
    places = located(rpls, addresses, communes, tmp_path)
    member_of = memberships(read_rows(rpls, "cp1252"), places,
                            {"zones_cites": shapes_of(cites, "id_cite")}, 1000)
    found, n_masked = attack(out, member_of)
    assert n_masked > 0 and result["N_MASKED"] > 0
    assert found == []


def _synthetic(tmp_path):
    """Lens 11 dwellings, Liévin 1, Avion 10, Loos-en-Gohelle 25, with file coordinates:
    Lens and Liévin all inside one 1 km INSEE cell, Avion and Loos in others, a QPV-like
    zone cutting across Lens and Avion, and rows placed at their commune only."""
    import random

    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    back = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:3035"),
                                  QgsCoordinateReferenceSystem("EPSG:2154"),
                                  QgsProject.instance())
    rng = random.Random(62)

    def inside_cell(east, north):
        point = back.transform(QgsPointXY(east + rng.uniform(150, 850),
                                          north + rng.uniform(150, 850)))
        return "%.2f" % point.x(), "%.2f" % point.y()

    cells = {"62498": (3785000, 3044000), "62510": (3785000, 3044000),
             "62065": (3787000, 3044000), "62528": (3789000, 3044000)}
    counts = {"62498": 11, "62510": 1, "62065": 10, "62528": 25}
    lines = ["DEPCOM;NBPIECE;CONSTRUCT;DPEENERGIE;FINAN;QPV;X;Y;EPSG"]
    for commune, n in counts.items():
        for k in range(n):
            x, y = ("", "") if k % 5 == 4 else inside_cell(*cells[commune])  # some: commune
            lines.append(";".join([commune, str(rng.randint(1, 5)),
                                   str(rng.choice([1950, 1968, 1985, 2001])),
                                   rng.choice("BCDE"), rng.choice(["10", "12"]),
                                   rng.choice(["1", "2"]), x, y, "2154" if x else ""]))
    rpls = tmp_path / "rpls_differenciation.csv"
    rpls.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a zone over the western half of the Lens/Liévin cell and the Avion cell
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsRectangle, QgsVectorFileWriter, QgsVectorLayer

    from osp_erbm.processing_algs.common import qt_compat
    zone = QgsVectorLayer("Polygon?crs=EPSG:3035", "qpv", "memory")
    zone.dataProvider().addAttributes([QgsField("code", qt_compat.STRING)])
    zone.updateFields()
    feature = QgsFeature(zone.fields())
    feature.setAttributes(["QP062999"])
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(3785000, 3044000, 3785500, 3045000)))
    second = QgsFeature(zone.fields())
    second.setAttributes(["QP062998"])
    second.setGeometry(QgsGeometry.fromRect(QgsRectangle(3787500, 3044000, 3788000, 3045000)))
    zone.dataProvider().addFeatures([feature, second])
    path = str(tmp_path / "qpv.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(zone, path, QgsProject.instance()
                                              .transformContext(), options)
    return str(rpls), path


def test_a_territory_built_to_tempt_differencing_resists(qgis_app, tmp_path):
    rpls, zone = _synthetic(tmp_path)
    out = str(tmp_path / "differenciation.gpkg")
    run("osp:indicateurs_parc_social", {"RPLS": rpls, "ZONES": [zone], "GRID_SIZE": 1000,
                                        "OUTPUT": out})
    published = tables(out)
    lievin = next(r for r in published["communes"] if r["code"] == "62510")
    assert lievin["logements"] is None
    places = located(rpls, tmp=tmp_path)
    assert sum(1 for p in places.values() if p[0] == "commune") == 9
    member_of = memberships(read_rows(rpls, "utf-8"), places,
                            {"zones_qpv": shapes_of(zone, "code")}, 1000)
    found, _ = attack(out, member_of)
    assert found == []
    # the rows placed at their commune only are in no zone and no cell
    grid = {r["code"]: r for r in published["carreaux_1000m"]}
    assert grid["ENSEMBLE"]["logements"] in (None, 47 - 9)
