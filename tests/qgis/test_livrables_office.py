"""A delivery as partners open it without GDAL: XLS, XLSX and ODS converted by LibreOffice
headless (text stays text, accents kept, long tables over several Excel 97 sheets), the DXF
drawn by LibreOffice Draw, every file opened and rendered by a fresh QGIS; and hostile
inputs refused in French with nothing written."""
import csv
import glob
import json
import os
import subprocess
import zipfile

import pytest
from helpers import livraison_source as source

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HELPER = os.path.join(REPO, "tests", "qgis", "helpers", "open_delivery.py")
NAME = "livraison_bureau"


def run(parameters, feedback=None):
    import processing
    return processing.run("osp:livrables", parameters, feedback=feedback)


def failure(parameters, feedback=None):
    """The French message of a delivery that must fail."""
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as raised:
        run(parameters, feedback)
    return str(raised.value)


@pytest.fixture(scope="module")
def office(qgis_app, tmp_path_factory):
    base = tmp_path_factory.mktemp("livraison_bureau")
    src = str(base / "source.gpkg")
    source.build(src)
    out = str(base / "sortie")
    run({"LAYERS": ["%s|layername=%s" % (src, t) for t in ("logements", "cites",
                                                          "indicateurs")],
         "FORMATS": "gpkg,tab,mif,shp,dxf,geojson,csv,xlsx,xls,ods", "CRS": "EPSG:3950",
         "NAME": NAME, "OUTPUT_FOLDER": out})
    return {"src": src, "base": base, "out": out, "folder": os.path.join(out, NAME)}


def libreoffice(args, work):
    done = subprocess.run(["soffice", "--headless", "--norestore"] + args,
                          capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, HOME=str(work)))
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.parametrize("code", ("xlsx", "xls", "ods"))
def test_libreoffice_reads_text_as_text(office, code, tmp_path):
    """Converted to CSV by LibreOffice: every formula-looking text comes back as the text
    itself (a formula would come back as its result), accents intact."""
    path = os.path.join(office["folder"], "%s_logements.%s" % (NAME, code))
    libreoffice(["--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir",
                 str(tmp_path), path], tmp_path)
    converted = glob.glob(str(tmp_path / "*.csv"))
    assert len(converted) == 1
    with open(converted[0], encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert len(body) == source.N_DWELLINGS
    column = header.index("observation")
    texts = {row[column] for row in body}
    assert set(source.FORMULAS) <= texts
    assert {row[header.index("commune")] for row in body} == set(source.COMMUNES)
    dates = [row[header.index("date_fin")] for row in body if row[header.index("date_fin")]]
    assert dates and all(len(d.split("/")) == 3 for d in dates), dates[:3]   # dd/mm/…


def test_spreadsheets_hold_no_formula(office):
    import openpyxl
    book = openpyxl.load_workbook(os.path.join(office["folder"], "%s_logements.xlsx" % NAME))
    cells = [c for row in book.active.iter_rows() for c in row if c.value is not None]
    assert cells and not [c for c in cells if c.data_type == "f"]
    assert not book.active.protection.sheet
    with zipfile.ZipFile(os.path.join(office["folder"], "%s_logements.ods" % NAME)) as ods:
        content = ods.read("content.xml").decode("utf-8")
    assert "table:formula" not in content and "<text:p>of:=1+1</text:p>" in content
    assert 'office:value-type="date" office:date-value="2021-02-02' in content


def test_libreoffice_draw_renders_the_dxf(office, tmp_path, artifacts):
    from qgis.PyQt.QtGui import QImage
    for table in ("cites", "logements"):
        path = os.path.join(office["folder"], "%s_%s.dxf" % (NAME, table))
        libreoffice(["--convert-to", "png", "--outdir", str(tmp_path), path], tmp_path)
        png = str(tmp_path / ("%s_%s.png" % (NAME, table)))
        image = QImage(png)
        assert not image.isNull()
        drawn = sum(1 for x in range(image.width()) for y in range(image.height())
                    if image.pixelColor(x, y).lightness() < 200)
        assert drawn > 200, (table, drawn)      # outlines or points, and their labels
        image.save(os.path.join(artifacts, "livraison_dxf_%s.png" % table))


def test_fresh_qgis_opens_and_draws_every_file(office, tmp_path, artifacts):
    out = str(tmp_path / "qgis.json")
    done = subprocess.run(["/usr/bin/python3", HELPER, office["folder"], out,
                           str(tmp_path / "png")], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    with open(out, encoding="utf-8") as handle:
        report = json.load(handle)
    counts = {"logements": source.N_DWELLINGS, "cites": 5, "indicateurs": 4}
    assert len(report) == 29      # 10 formats × 3 layers, no DXF for the table
    for name, entry in report.items():
        assert entry["valid"], name
        table = name[len(NAME) + 1:].rsplit(".", 1)[0]
        code = name.rsplit(".", 1)[1]
        want = counts[table]
        if code == "dxf":      # a shape and its label per drawn object
            want = 2 * (want - (len(source.NULL_GEOMETRIES) if table == "logements" else 0))
        assert entry["count"] == want, (name, entry["count"], want)
        if table != "indicateurs" and code in ("gpkg", "tab", "mif", "shp", "geojson"):
            assert entry["crs"] == "EPSG:3950", (name, entry["crs"])
        if entry["spatial"] and code != "csv":
            assert entry["drawn"] > 10, name
    cites_tab = report["%s_cites.tab" % NAME]
    image = cites_tab["png"]
    os.replace(image, os.path.join(artifacts, "livraison_qgis_cites_tab.png"))


def test_long_table_continues_over_excel97_sheets(qgis_app, tmp_path):
    from osgeo import ogr
    src = str(tmp_path / "longue.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(src)
    layer = ds.CreateLayer("longue", None, ogr.wkbNone)
    for name, kind in (("id_osp", ogr.OFTInteger), ("commune", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    ds.StartTransaction()
    for n in range(1, 70001):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id_osp", n)
        feature.SetField("commune", source.COMMUNES[n % 4])
        layer.CreateFeature(feature)
    ds.CommitTransaction()
    ds = None
    result = run({"LAYERS": [src + "|layername=longue"], "FORMATS": "xls,xlsx",
                  "NAME": "longue", "OUTPUT_FOLDER": str(tmp_path / "sortie")})
    xls = ogr.Open(os.path.join(result["OUTPUT_FOLDER"], "longue_longue.xls"))
    sheets = [xls.GetLayer(i) for i in range(xls.GetLayerCount())]
    assert [s.GetName() for s in sheets] == ["longue (1)", "longue (2)"]
    assert [s.GetFeatureCount() for s in sheets] == [65535, 4465]
    ids = [f.GetField("id_osp") for s in sheets for f in s]
    assert ids == list(range(1, 70001))
    xlsx = ogr.Open(os.path.join(result["OUTPUT_FOLDER"], "longue_longue.xlsx"))
    assert xlsx.GetLayerCount() == 1 and xlsx.GetLayer(0).GetFeatureCount() == 70000
    last = [f for f in xlsx.GetLayer(0)][-1]
    assert (last.GetField("id_osp"), last.GetField("commune")) == (70000, source.COMMUNES[0])


@pytest.mark.parametrize("case", ("sans_crs", "ff_locaux", "encodage", "proc", "fichier"))
def test_hostile_inputs_fail_in_french_and_write_nothing(office, case, tmp_path):
    parameters = {"LAYERS": ["%s|layername=cites" % office["src"]], "FORMATS": "tab",
                  "NAME": "refus", "OUTPUT_FOLDER": str(tmp_path / "sortie")}
    want = {"sans_crs": "n'a pas de système de coordonnées", "ff_locaux": "Fichiers fonciers",
            "encodage": "Encodage « KLINGON » inconnu", "proc": "refus",
            "fichier": "refus"}[case]
    if case in ("sans_crs", "ff_locaux"):
        parameters["LAYERS"].append("%s|layername=%s" % (office["src"], case))
    elif case == "encodage":
        parameters["ENCODING"] = "KLINGON"
    elif case == "proc":
        parameters["OUTPUT_FOLDER"] = "/proc/osp_livraison"
    else:
        blocker = tmp_path / "un_fichier.txt"
        blocker.write_text("x")
        parameters["OUTPUT_FOLDER"] = str(blocker / "sortie")
    message = failure(parameters)
    assert want in message, message
    assert "Traceback" not in message
    if case not in ("proc", "fichier"):
        assert not os.path.exists(str(tmp_path / "sortie" / "refus"))
        leftovers = os.listdir(str(tmp_path / "sortie")) if os.path.exists(
            str(tmp_path / "sortie")) else []
        assert not leftovers, leftovers


def test_a_failed_delivery_leaves_the_previous_one(office, tmp_path):
    out = str(tmp_path / "sortie")
    first = run({"LAYERS": ["%s|layername=cites" % office["src"]], "FORMATS": "shp",
                 "NAME": "suivi", "OUTPUT_FOLDER": out})
    before = sorted(os.listdir(first["OUTPUT_FOLDER"]))
    failure({"LAYERS": ["%s|layername=%s" % (office["src"], t) for t in ("cites", "sans_crs")],
             "FORMATS": "tab", "NAME": "suivi", "OUTPUT_FOLDER": out})
    assert sorted(os.listdir(first["OUTPUT_FOLDER"])) == before
    assert sorted(os.listdir(out)) == ["suivi"]


def test_xls_without_libreoffice_says_so(office, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))      # a machine without LibreOffice
    message = failure({"LAYERS": ["%s|layername=indicateurs" % office["src"]],
                       "FORMATS": "xls", "NAME": "sans_lo",
                       "OUTPUT_FOLDER": str(tmp_path / "sortie")})
    assert "demande LibreOffice" in message
    assert not os.path.exists(str(tmp_path / "sortie" / "sans_lo"))


def test_cancel_writes_nothing(office, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException):
        run({"LAYERS": ["%s|layername=cites" % office["src"]], "FORMATS": "tab,shp",
             "NAME": "annule", "OUTPUT_FOLDER": str(tmp_path / "sortie")}, feedback)
    assert not os.path.exists(str(tmp_path / "sortie" / "annule"))
