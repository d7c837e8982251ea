"""The join on real public parcels of ../shared/data: Etalab GeoJSON (91216) and
EDIGEO sheets (13029, 25354), with sheets generated from their real ids.

The expected parcel of each row is rebuilt here from the parcel's own
``commune/prefixe/section/numero`` (or EDIGEO ``IDU``) and its polygon is read
with the json module, independently of the plugin's code."""
import csv
import glob
import json
import random
import tarfile

import pytest
from conftest import shared_path


def write_sheet(path, rows):
    with open(path, "w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["N° RPLS", "Parcelle", "Code INSEE", "Opération", "Palulos"])
        writer.writerows(rows)


def run(sheet, parcels, **extra):
    import processing
    params = {"INPUT": sheet, "PARCELS": parcels, "OUTPUT": "TEMPORARY_OUTPUT",
              "ANOMALIES": "TEMPORARY_OUTPUT"}
    params.update(extra)
    return processing.run("osp:joinbailleurparcelles", params)


def etalab_parcels():
    with open(shared_path("cadastre", "cadastre-91216-parcelles.json"), encoding="utf-8") as h:
        return json.load(h)["features"]


def spellings(p, rng):
    commune, prefixe, section, numero = (p["properties"][k] for k in
                                         ("commune", "prefixe", "section", "numero"))
    return rng.choice([
        "%s %s %s %s" % (commune, prefixe, section, numero),           # spaced, unpadded
        ("%s%s%s%s" % (commune, prefixe, section.rjust(2, "0"), numero.zfill(4))).lower(),
        "%s%s%s%s" % (commune, prefixe, section, numero),              # unpadded number
        "%s%s" % (section, numero) if prefixe == "000" else p["id"],   # section + number only
    ])


def test_etalab_91216_parcels_with_every_id_spelling(qgis_app, tmp_path):
    from qgis.core import QgsGeometry, QgsPointXY
    features = etalab_parcels()
    rng = random.Random(91216)
    chosen = rng.sample(features, 400)
    rows, expected = [], {}
    for n, p in enumerate(chosen):
        rows.append(["%08d" % (44600000 + n), spellings(p, rng), "91216", "OP 2020 G", "groupe"])
        expected[n + 2] = p
    rows.append(["44700001", "91216000ZZ9999", "91216", "OP", "G"])        # unknown
    rows.append(["44700002", "91216-?", "91216", "OP", "G"])               # invalid
    rows.append(["%08d" % 44600000, chosen[0]["id"], "91216", "OP", "G"])  # duplicate
    sheet = str(tmp_path / "epinay.csv")
    write_sheet(sheet, rows)
    result = run(sheet, shared_path("cadastre", "cadastre-91216-parcelles.json"))
    layer = result["OUTPUT"]
    assert layer.crs().authid() == "EPSG:4326"
    out = {f["ligne_source"]: f for f in layer.getFeatures()}
    for line, p in expected.items():
        f = out[line]
        assert f["idpar"] == p["id"] and f["geoloc_source"] == "parcelle", (line, f["idpar_ini"])
        rings = p["geometry"]["coordinates"]
        polygon = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]
                                             for ring in rings]) \
            if p["geometry"]["type"] == "Polygon" else QgsGeometry.fromMultiPolygonXY(
                [[[QgsPointXY(x, y) for x, y in ring] for ring in poly] for poly in rings])
        assert polygon.contains(f.geometry()), line
    assert out[len(chosen) + 2]["geoloc_motif"] == "parcelle_inconnue"
    assert out[len(chosen) + 3]["geoloc_motif"] == "parcelle_invalide"
    assert result["N_DUPLICATES"] == 1 and result["N_ROWS"] == len(rows)
    assert result["N_LOCATED"] == 400


def extract(archive, tmp_path):
    target = tmp_path / archive.split("/")[-1].split(".")[0]
    target.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(target)
    return glob.glob(str(target / "**" / "*.THF"), recursive=True)[0]


def test_edigeo_idu_without_departement(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer
    thf = extract(shared_path("cadastre", "edigeo", "edigeo-130290000A01.tar.bz2"), tmp_path)
    uri = thf + "|layername=PARCELLE_id"
    layer = QgsVectorLayer(uri, "edigeo", "ogr")
    assert layer.isValid()
    polygons = {f["IDU"]: f.geometry() for f in layer.getFeatures()}
    idus = sorted(polygons)[:60]
    rows = [["%08d" % n, "13" + idu, "13029", "OP", "Hors"] for n, idu in enumerate(idus)]
    rows += [["%08d" % (n + 100), idu[6:], "13029", "OP", "Hors"]      # section + numero only
             for n, idu in enumerate(idus[:10])]
    sheet = str(tmp_path / "edigeo.csv")
    write_sheet(sheet, rows)
    result = run(sheet, uri)
    out = list(result["OUTPUT"].getFeatures())
    assert result["N_LOCATED"] == 70 and result["N_NOT_LOCATED"] == 0
    for f in out:
        assert f["idpar"].startswith("13029")
        assert polygons[f["idpar"][2:]].contains(f.geometry())
    assert result["OUTPUT"].crs() == layer.crs()  # IGNF:LAMB93 as GDAL reads EDIGEO


def test_edigeo_multi_sheet_commune_merged_first(qgis_app, tmp_path):
    """Eight EDIGEO sheets of commune 25354, merged with native:mergevectorlayers
    (the usual way to make one layer of several sheets), then joined."""
    import processing
    archives = sorted(glob.glob(shared_path("cadastre", "edigeo") + "/edigeo-25354*.tar.bz2"))
    assert len(archives) == 8
    uris = [extract(a, tmp_path) + "|layername=PARCELLE_id" for a in archives]
    merged = processing.run("native:mergevectorlayers",
                            {"LAYERS": uris, "CRS": "EPSG:2154",
                             "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    by_idu = {f["IDU"]: f.geometry() for f in merged.getFeatures()}
    rng = random.Random(25354)
    idus = rng.sample(sorted(by_idu), 80)
    sheet = str(tmp_path / "multi.csv")
    write_sheet(sheet, [["%08d" % n, "25" + idu, "25354", "OP", "Isolé"]
                        for n, idu in enumerate(idus)])
    result = run(sheet, merged, PARCEL_ID_FIELD="IDU")
    assert result["N_LOCATED"] == 80
    for f in result["OUTPUT"].getFeatures():
        assert by_idu[f["idpar"][2:]].contains(f.geometry())


def test_real_bassin_minier_communes_are_not_parcels(qgis_app, tmp_path):
    """A polygon layer without parcel ids (real communes) is refused in French."""
    from qgis.core import QgsProcessingException
    sheet = str(tmp_path / "s.csv")
    write_sheet(sheet, [["1", "62498000AP0347", "62498", "OP", "G"]])
    with pytest.raises(QgsProcessingException, match="Aucun champ identifiant de parcelle"):
        run(sheet, shared_path("territoires", "communes_bassin_minier.geojson"))
