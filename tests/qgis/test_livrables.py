"""osp:livrables read back with GDAL/OGR, the library partners' tools use: per layer and
format the same objects, every attribute equal to the source's through the data dictionary's
names, every vertex within a centimetre of the source transformed independently by PROJ, the
CRS recognised, accents intact, every change of a value listed as an anomaly.  The source is
hostile and written with OGR alone (helpers/livraison_source.py)."""
import csv
import datetime
import os
import zipfile

import pytest
from helpers import livraison_source as source

NAME = "livraison_essai"
SPATIAL = ("gpkg", "tab", "mif", "shp", "geojson", "csv", "dxf")
TABLES = ("xlsx", "xls", "ods")
ALL = SPATIAL + TABLES
LAYERS = ("logements", "cites", "indicateurs")
# formats without an empty text: an empty value and an empty text read back alike
NO_EMPTY_TEXT = ("tab", "mif", "shp", "csv")
CP1252 = ("tab", "mif", "shp")


def run(parameters):
    import processing
    return processing.run("osp:livrables", parameters)


@pytest.fixture(scope="module")
def delivery(qgis_app, tmp_path_factory):
    base = tmp_path_factory.mktemp("livraison")
    src = str(base / "source.gpkg")
    source.build(src)
    out = str(base / "sortie")
    result = run({"LAYERS": ["%s|layername=%s" % (src, t) for t in LAYERS],
                  "FORMATS": ",".join(ALL), "CRS": "EPSG:3950", "NAME": NAME, "ZIP": True,
                  "OUTPUT_FOLDER": out})
    folder = os.path.join(out, NAME)
    with open(os.path.join(folder, "dictionnaire_des_donnees.csv"),
              encoding="utf-8-sig") as handle:
        dictionary = list(csv.DictReader(handle, delimiter=";"))
    with open(os.path.join(folder, "anomalies_livraison.csv"), encoding="utf-8-sig") as h:
        anomalies = list(csv.DictReader(h, delimiter=";"))
    return {"src": src, "out": out, "folder": folder, "result": result,
            "dictionary": dictionary, "anomalies": anomalies}


def path_of(delivery, table, code):
    extension = "dbf" if (code, table) == ("shp", "indicateurs") else code   # a table: .dbf
    return os.path.join(delivery["folder"], "%s_%s.%s" % (NAME, table, extension))


def short_name(delivery, table, field, code):
    for row in delivery["dictionary"]:
        if row["couche"] == table and row["champ"] == field:
            return row.get("nom_%s" % code) or field
    raise AssertionError("%s.%s absent du dictionnaire" % (table, field))


def read_back(path, code):
    """``[{field: value}]`` of the delivered file read with OGR (DXF: its entities) as a
    partner's GDAL reads it (QGIS turns the Shapefile recoding off in its own process)."""
    from osgeo import gdal, ogr
    before = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        return _read(ogr.Open(path), path)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", before)


def _read(ds, path):
    assert ds is not None, path
    layer = ds.GetLayer(0)
    rows = []
    for feature in layer:
        row = {name: source.typed(feature, name) for name in source.field_names(layer)}
        geometry = feature.GetGeometryRef()
        row["_geometry"] = geometry.Clone() if geometry is not None else None
        rows.append(row)
    return rows, layer.GetSpatialRef().Clone() if layer.GetSpatialRef() else None


def expected(value, code):
    """What format ``code`` must give back for a source value, by its documented rules."""
    if isinstance(value, str):
        if code in CP1252:
            value = value[:254].encode("cp1252", "replace").decode("cp1252")
        if code == "csv" and value.startswith(("=", "+", "-", "@")):
            value = "'" + value
    if isinstance(value, datetime.datetime) and code == "shp":
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return value


def same(a, b, code):
    """Values compared as values: numbers as numbers, dates and date-times as moments
    (OGR gives « 2021/02/02 » for a date a CSV holds as text), booleans as 1 / 0."""
    if a in (None, "") and b in (None, "") and code in NO_EMPTY_TEXT:
        return True
    a, b = (int(v) if isinstance(v, bool) else v for v in (a, b))
    if isinstance(a, (datetime.date, datetime.datetime)) and isinstance(b, str):
        b = b.replace("/", "-")
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) < 1e-6
        except (TypeError, ValueError):
            return False
    if isinstance(a, (datetime.date, datetime.datetime)) or isinstance(
            b, (datetime.date, datetime.datetime)):
        return str(a).replace(" ", "T") == str(b).replace(" ", "T")
    if isinstance(a, int) and isinstance(b, str) and b.strip():
        return str(a) == b.strip()      # numbers with empty values: text in MapInfo
    return a == b


@pytest.mark.parametrize("code", [c for c in ALL if c != "dxf"])
@pytest.mark.parametrize("table", LAYERS)
def test_every_attribute_comes_back(delivery, table, code):
    src_rows = source.source_rows(delivery["src"], table)
    rows, _ = read_back(path_of(delivery, table, code), code)
    assert len(rows) == len(src_rows)
    key = {"logements": "id_osp", "cites": "id_cite", "indicateurs": "insee"}[table]
    by_key = {str(row[short_name(delivery, table, key, code)]): row for row in rows}
    differences = []
    for src in src_rows:
        got = by_key[str(src[key])]
        for field, value in src.items():
            if field == "_geometry":
                continue
            want = expected(value, code)
            have = got[short_name(delivery, table, field, code)]
            if code == "ods" and str(want).startswith("of:="):
                continue   # GDAL's ODS reader evaluates such a text: see test_livrables_office
            if not same(want, have, code):
                differences.append((src[key], field, want, have))
    assert not differences, differences[:5]


@pytest.mark.parametrize("code", SPATIAL)
@pytest.mark.parametrize("table", ("logements", "cites"))
def test_every_vertex_within_a_centimetre(delivery, table, code):
    from osgeo import ogr
    src_rows = source.source_rows(delivery["src"], table)
    key = {"logements": "id_osp", "cites": "id_cite"}[table]
    truth = {str(r[key]): source.transformed(r["_geometry"], 3950) for r in src_rows
             if r["_geometry"] is not None}
    rows, _ = read_back(path_of(delivery, table, code), code)
    if code == "dxf":    # a shape, then its label (TEXT) at a point on it
        shapes = [r for r in rows if not r.get("Text")]
        labels = [r for r in rows if r.get("Text")]
        assert {r["Layer"] for r in rows} == {table}
        assert [r["Text"] for r in labels] == list(truth)
        got = {label["Text"]: shape["_geometry"] for shape, label in zip(shapes, labels)}
    elif code == "csv":
        name = short_name(delivery, table, key, code)
        got = {str(r[name]): ogr.CreateGeometryFromWkt(r["WKT"]) for r in rows if r["WKT"]}
    else:
        name = short_name(delivery, table, key, code)
        got = {str(r[name]): r["_geometry"] for r in rows if r["_geometry"] is not None}
    assert set(got) == set(truth)
    worst = max(min(source.max_distance(truth[k], got[k]),   # Shapefile turns rings
                    source.max_distance(truth[k], got[k], reverse=True)) for k in truth)
    assert worst <= 0.01, "%s : écart maximal %.4f m" % (code, worst)


@pytest.mark.parametrize("code", ("gpkg", "tab", "mif", "shp", "geojson"))
def test_crs_is_recognised_as_cc50(delivery, code):
    """GeoPackage, Shapefile (.prj) and GeoJSON carry the EPSG code; MapInfo carries its
    own definition (datum 33 GRS 80, the CC50 projection), which GDAL identifies as EPSG:3950
    and which puts points where EPSG:3950 does."""
    _, srs = read_back(path_of(delivery, "logements", code), code)
    found, gap = source.same_crs(srs, 3950)
    assert found == "3950"
    assert gap < 0.001
    if code in ("tab", "mif"):
        assert "MapInfo" in open(os.path.join(delivery["folder"], "LISEZMOI_utf8.txt"),
                                 encoding="utf-8").read()


def test_accents_are_intact_in_the_bytes(delivery):
    """The CP1252 formats hold « Nœux-les-Mines » as CP1252 bytes and declare it."""
    folder = delivery["folder"]
    for suffix in (".dat", ".mid", ".dbf"):
        with open(os.path.join(folder, "%s_logements%s" % (NAME, suffix)), "rb") as handle:
            data = handle.read()
        assert "Nœux-les-Mines".encode("cp1252") in data
        assert "Cité Saint-Éloi".encode("cp1252") in data
        assert "Béthune".encode("utf-8") not in data
    with open(os.path.join(folder, "%s_logements.cpg" % NAME)) as handle:
        assert handle.read().strip().upper() == "CP1252"
    with open(os.path.join(folder, "%s_logements.mif" % NAME), encoding="cp1252") as handle:
        assert 'Charset "WindowsLatin1"' in handle.read()


def test_every_changed_value_is_an_anomaly_line(delivery):
    """Computed from the source: the 300-character text cut to 254 and the characters CP1252
    lacks replaced, in each CP1252 format; the objects without geometry absent from the
    DXF; nothing else."""
    src_rows = source.source_rows(delivery["src"], "logements")
    want = set()
    for label in ("MapInfo TAB", "MapInfo MIF/MID", "Shapefile"):
        for row in src_rows:
            for field, value in row.items():
                if not isinstance(value, str):
                    continue
                if len(value) > 254:
                    want.add(("id_osp=%d" % row["id_osp"], field, "coupé", label))
                try:
                    value[:254].encode("cp1252")
                except UnicodeEncodeError:
                    want.add(("id_osp=%d" % row["id_osp"], field, "encodage", label))
    for n in source.NULL_GEOMETRIES:
        want.add(("id_osp=%d" % n, "", "géométrie", "DXF"))
    got = set()
    for line in delivery["anomalies"]:
        what = "coupé" if "coupé" in line["detail"] else "encodage" if "encodage" in \
            line["detail"] else "géométrie" if "géométrie" in line["detail"] else line["detail"]
        fmt = "DXF" if what == "géométrie" else line["detail"].rsplit("(", 1)[1].rstrip(")")
        got.add((line["objet"], line["champ"], what, fmt))
        assert line["couche"] == "logements"
    assert got == want
    assert delivery["result"]["N_ANOMALIES"] == len(delivery["anomalies"])


def test_dictionary_names_are_unique_and_fit(delivery):
    rows = delivery["dictionary"]
    for table in LAYERS:
        for code, limit in (("shp", 10), ("tab", 31), ("mif", 31)):
            names = [r["nom_%s" % code] for r in rows if r["couche"] == table]
            assert len({n.lower() for n in names}) == len(names)
            assert all(len(n) <= limit for n in names)
    long_shp = [r["nom_shp"] for r in rows if r["champ"] in source.LONG_NAMES]
    assert long_shp == ["commentair", "commenta_1"]
    first = next(r for r in rows if r["champ"] == "id_osp")
    assert set(first) >= {"couche", "champ", "alias", "type", "unite", "description"}
    remarks = {r["champ"]: r["remarque"] for r in rows if r["couche"] == "logements"}
    assert "ISO 8601" in remarks["maj"] and "Shapefile" in remarks["maj"]
    assert "booléen" in remarks["rehabilite"]
    masked = {r["champ"]: r["remarque"] for r in rows if r["couche"] == "indicateurs"}
    assert "MapInfo" in masked["logements"] and not masked["insee"]


def test_readme_lists_every_file(delivery):
    from osgeo import ogr
    folder = delivery["folder"]
    text = open(os.path.join(folder, "LISEZMOI_utf8.txt"), encoding="utf-8").read()
    assert open(os.path.join(folder, "LISEZMOI.txt"), encoding="cp1252").read().replace(
        "\r\n", "\n") == text
    listed = {}
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 7 and parts[0] != "fichier":
            listed[parts[0]] = parts
    main_files = [f for f in os.listdir(folder) if f.startswith(NAME) and f.rsplit(".", 1)[1]
                  in ALL + ("dbf",) and not (f.endswith(".dbf") and "indicateurs" not in f)]
    assert sorted(listed) == sorted(main_files)
    assert delivery["result"]["N_FILES"] == len(main_files)
    sources = ogr.Open(delivery["src"])
    for file_name, (_, _, crs, encoding, count, _, _) in listed.items():
        code = file_name.rsplit(".", 1)[1].replace("dbf", "shp")
        table = file_name[len(NAME) + 1:].rsplit(".", 1)[0]
        n = sources.GetLayerByName(table).GetFeatureCount()
        if code == "dxf":
            n -= len(source.NULL_GEOMETRIES) if table == "logements" else 0
        assert int(count) == n, (file_name, count, n)
        if table != "indicateurs" and code in SPATIAL:
            assert crs == "EPSG:3950 (RGF93 v1 / CC50)"
        assert encoding == ("CP1252" if code in CP1252 + ("dxf",) else
                            "" if code in TABLES else "UTF-8")
    assert "indicateurs : valeurs sous le secret statistique masquées" in text
    assert all(ord(c) < 256 or c in "œŒ€’«»…" for c in text)


def test_zip_holds_exactly_the_folder(delivery):
    with zipfile.ZipFile(delivery["result"]["ZIP_FILE"]) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert sorted(names) == sorted("%s/%s" % (NAME, f) for f in os.listdir(
        delivery["folder"]))
    assert not [f for f in os.listdir(delivery["out"]) if f.endswith(".tmp")]


def test_formats_by_index_and_plain_lambert93(delivery, tmp_path):
    from osgeo import ogr
    result = run({"LAYERS": ["%s|layername=cites" % delivery["src"]], "FORMATS": [1, 3],
                  "NAME": "l93", "OUTPUT_FOLDER": str(tmp_path)})
    files = sorted(f for f in os.listdir(result["OUTPUT_FOLDER"]) if f.startswith("l93_"))
    assert [f.rsplit(".", 1)[1] for f in files if f.endswith((".tab", ".shp"))] == [
        "shp", "tab"]
    shapefile = ogr.Open(os.path.join(result["OUTPUT_FOLDER"], "l93_cites.shp"))
    assert source.same_crs(shapefile.GetLayer(0).GetSpatialRef(), 2154)[0] == "2154"
