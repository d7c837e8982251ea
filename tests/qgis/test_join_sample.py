"""osp:joinbailleurparcelles on the generated sample: every row against the truth file
written by the generator (what it corrupted, hence what the join must say)."""
import csv
import os

import pytest

SHEETS = ("mc_logements_rehabilites.xlsx", "sia_logements.csv", "mc_2019.ods",
          "sia_2021_utf8.csv")


def truth_rows(sample, sheet):
    with open(os.path.join(sample, "truth.csv"), encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle, delimiter=";") if r["fichier"] == sheet]


def run_join(sample, sheet, out_dir=None, **extra):
    import processing
    params = {"INPUT": os.path.join(sample, "bailleurs", sheet),
              "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
              "LOCAUX": os.path.join(sample, "pb0010_local.csv"),
              "ADDRESSES": os.path.join(sample, "territoire.gpkg") + "|layername=adresses",
              "OUTPUT": "TEMPORARY_OUTPUT", "ANOMALIES": "TEMPORARY_OUTPUT"}
    if out_dir is not None:
        params["OUTPUT"] = os.path.join(out_dir, "logements.gpkg")
        params["ANOMALIES"] = os.path.join(out_dir, "anomalies.csv")
    params.update(extra)
    return processing.run("osp:joinbailleurparcelles", params)


def layer_of(result, key):
    from qgis.core import QgsVectorLayer
    value = result[key]
    return value if not isinstance(value, str) else QgsVectorLayer(value, key, "ogr")


def parcel_polygons(sample):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
                           "p", "ogr")
    return {f["idpar"]: f.geometry() for f in layer.getFeatures()}


@pytest.mark.parametrize("sheet", SHEETS)
def test_every_row_matches_the_generator_truth(qgis_app, sample_data, sheet):
    result = run_join(str(sample_data), sheet)
    out = {f["ligne_source"]: f for f in layer_of(result, "OUTPUT").getFeatures()}
    anomalies = {}
    for f in layer_of(result, "ANOMALIES").getFeatures():
        anomalies.setdefault(f["ligne"], []).append(f["motif"])
    truth = truth_rows(str(sample_data), sheet)
    polygons = parcel_polygons(str(sample_data))
    mismatches = []
    for t in truth:
        line = int(t["ligne"])
        if t["doublon"] == "1":
            if line in out or anomalies.get(line) != ["doublon"]:
                mismatches.append((line, t["defaut"], "doublon attendu"))
            continue
        f = out.get(line)
        if f is None:
            mismatches.append((line, t["defaut"], "ligne absente"))
            continue
        got = (f["ident_rep"] or "", f["ident_int"] or "", f["idpar"] or "",
               f["geoloc_source"] or "", f["geoloc_motif"] or "", f["type_palu"],
               f["annee_financ"], f["idcom"], f["bailleur"],
               sorted(anomalies.get(line, [])))
        expected = (t["ident_rep"], t["ident_int"], t["idpar"], t["source"], t["motif"],
                    t["type_palu"], int(t["annee"]), t["idcom"], t["bailleur"],
                    sorted(filter(None, t["anomalies"].split("|"))))
        if got != expected:
            mismatches.append((line, t["defaut"], got, expected))
        if t["source"]:
            # the point lies in the dwelling's real parcel, whatever key located it
            assert polygons[t["idpar_reel"]].contains(f.geometry()), (line, t["defaut"])
        else:
            assert f.geometry().isNull() or f.geometry().isEmpty()
    assert mismatches == []
    # conservation: rows read = features + duplicates, nothing silently dropped
    n_dup = sum(1 for t in truth if t["doublon"] == "1")
    assert result["N_ROWS"] == len(truth) == len(out) + n_dup
    assert result["N_DUPLICATES"] == n_dup
    assert result["N_LOCATED"] == sum(1 for t in truth if t["source"] and t["doublon"] == "0")
    assert result["N_LOCATED"] + result["N_NOT_LOCATED"] == len(out)


def test_every_defect_of_the_issue_is_in_the_sample(sample_data):
    import sample_data as generator
    defects = {t["defaut"] for s in SHEETS for t in truth_rows(str(sample_data), s)}
    assert set(generator.DEFECTS) <= defects
    motifs = {t["motif"] for s in SHEETS for t in truth_rows(str(sample_data), s)}
    assert {"parcelle_inconnue", "parcelle_invalide", "local_inconnu",
            "sans_localisation"} <= motifs
    sources = {t["source"] for s in SHEETS for t in truth_rows(str(sample_data), s)}
    assert {"parcelle", "local_ff", "adresse"} <= sources


def test_gpkg_output_fields_crs_and_anomaly_columns(qgis_app, sample_data, tmp_path):
    from qgis.core import QgsWkbTypes
    result = run_join(str(sample_data), "mc_logements_rehabilites.xlsx", str(tmp_path))
    layer = layer_of(result, "OUTPUT")
    assert layer.isValid() and layer.crs().authid() == "EPSG:2154"
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PointGeometry
    names = layer.fields().names()
    for name in ("ident_rep", "ident_int", "idlocal", "idpar", "idcom", "dep", "epci",
                 "intitule", "bailleur", "type_palu", "num_decision", "annee_financ",
                 "geoloc_source", "geoloc_motif", "ligne_source"):
        assert name in names
    assert "id" in names  # the sheet's own « Id » column is kept as text
    assert layer.featureCount() == result["N_LOCATED"] + result["N_NOT_LOCATED"]
    import sqlite3  # not located = SQL NULL geometry, not an empty point
    with sqlite3.connect(os.path.join(str(tmp_path), "logements.gpkg")) as db:
        table = db.execute("select table_name from gpkg_contents").fetchone()[0]
        nulls = db.execute('select count(*) from "%s" where geom is null' % table).fetchone()[0]
    assert nulls == result["N_NOT_LOCATED"] > 0
    with open(os.path.join(str(tmp_path), "anomalies.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:3] == ["ligne", "motif", "detail"]
    assert "rpsl" in rows[0] and "bailleur" in rows[0] and "bailleur_2" in rows[0]
    doublon = next(r for r in rows if r["motif"] == "doublon")
    assert doublon["detail"].startswith("Doublon de la ligne")


def render_map(layer, sample_data, path):
    """The styled output over its parcels, rendered offscreen (a test artifact to look at)."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    parcels = QgsVectorLayer(os.path.join(str(sample_data), "territoire.gpkg")
                             + "|layername=parcelles", "parcelles", "ogr")
    parcels.renderer().symbol().setColor(QColor("#f4f1ea"))
    settings = QgsMapSettings()
    settings.setLayers([layer, parcels])
    settings.setDestinationCrs(layer.crs())
    point = next(f.geometry().asPoint() for f in layer.getFeatures() if f.hasGeometry())
    # a close-up around one dwelling, at a scale where labels show
    settings.setExtent(QgsRectangle(point.x() - 60, point.y() - 130, point.x() + 240,
                                    point.y() + 70))
    settings.setOutputSize(QSize(900, 600))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    assert image.save(path)
    colours = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, 600, 7)}
    assert len(colours) > 3, "carte vide"


def test_loaded_output_gets_french_aliases(qgis_app, sample_data, tmp_path, artifacts):
    import processing
    from qgis.core import QgsProject
    params = {"INPUT": os.path.join(str(sample_data), "bailleurs", "sia_logements.csv"),
              "PARCELS": os.path.join(str(sample_data), "territoire.gpkg") + "|layername=parcelles",
              "OUTPUT": os.path.join(str(tmp_path), "l.gpkg"),
              "ANOMALIES": os.path.join(str(tmp_path), "a.gpkg")}
    result = processing.runAndLoadResults("osp:joinbailleurparcelles", params)
    layers = [l for l in QgsProject.instance().mapLayers().values()
              if l.source().startswith(os.path.join(str(tmp_path), "l.gpkg"))]
    assert len(layers) == 1, result
    layer = layers[0]
    try:
        assert layer.attributeDisplayName(layer.fields().indexOf("ident_rep")) == \
            "Identifiant RPLS"
        assert layer.attributeDisplayName(layer.fields().indexOf("geoloc_motif")) == \
            "Motif de non-géolocalisation"
        renderer = layer.renderer()
        assert renderer.type() == "categorizedSymbol"
        assert renderer.classAttribute() == "geoloc_source"
        assert [c.value() for c in renderer.categories()] == ["parcelle", "local_ff", "adresse"]
        render_map(layer, sample_data, os.path.join(artifacts, "join_output_map.png"))
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_explicit_field_mapping_and_sheet_parameter(qgis_app, sample_data, tmp_path):
    import openpyxl
    path = tmp_path / "libre.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["rien ici"])
    ws = book.create_sheet("Logements 2020")
    ws.append(["Num", "Ref X", "Commune du logement"])
    truth = [t for t in truth_rows(str(sample_data), "sia_logements.csv")
             if t["defaut"] == "" and t["doublon"] == "0"][:5]
    for n, t in enumerate(truth):
        ws.append(["L%d" % n, t["idpar"], t["idcom"]])
    book.save(path)
    result = run_join(str(sample_data), "ignored", INPUT=str(path), SHEET="Logements 2020",
                      FIELD_INTERNAL_ID="Num", FIELD_PARCEL="Ref X",
                      FIELD_COMMUNE="Commune du logement", LOCAUX=None, ADDRESSES=None)
    feats = list(layer_of(result, "OUTPUT").getFeatures())
    assert [f["idpar"] for f in feats] == [t["idpar"] for t in truth]
    assert all(f["geoloc_source"] == "parcelle" for f in feats)
    assert [f["ident_int"] for f in feats] == ["L%d" % n for n in range(5)]


def test_any_table_qgis_opens_and_shapefile_parcels(qgis_app, sample_data, tmp_path):
    """A GeoPackage attribute table as the landlord's sheet (SHEET = its layer name),
    and parcels as a shapefile."""
    from osgeo import ogr
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer
    truth = [t for t in truth_rows(str(sample_data), "sia_logements.csv")
             if t["defaut"] == "" and t["doublon"] == "0"][:20]
    table = str(tmp_path / "envoi.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(table)
    layer = ds.CreateLayer("logements_2020", geom_type=ogr.wkbNone)
    for name in ("ident_rep", "idpar", "depcom"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for t in truth:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("ident_rep", t["ident_rep"])
        feature.SetField("idpar", t["idpar"].lower())
        feature.SetField("depcom", t["idcom"])
        layer.CreateFeature(feature)
    ds = None
    parcels = QgsVectorLayer(os.path.join(str(sample_data), "territoire.gpkg")
                             + "|layername=parcelles", "p", "ogr")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    shp = str(tmp_path / "parcelles.shp")
    error = QgsVectorFileWriter.writeAsVectorFormatV3(parcels, shp,
                                                      QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError
    result = run_join(str(sample_data), "x", INPUT=table, SHEET="logements_2020", PARCELS=shp,
                      LOCAUX=None, ADDRESSES=None)
    feats = {f["ident_rep"]: f for f in layer_of(result, "OUTPUT").getFeatures()}
    assert result["N_ROWS"] == 20 and result["N_LOCATED"] == 20
    assert all(feats[t["ident_rep"]]["idpar"] == t["idpar"] for t in truth)
    assert sorted(f["ligne_source"] for f in feats.values()) == list(range(2, 22))


@pytest.mark.parametrize("sheet", ["mc_logements_rehabilites.xlsx", "sia_logements.csv"])
def test_anomalies_csv_written_directly_reads_like_the_qgis_writer(qgis_app, sample_data,
                                                                   tmp_path, sheet):
    """The anomalies CSV (rows written by osp_qgis.storage.csv_write, not feature by feature) holds
    what QGIS's own writer puts in a GeoPackage for the same run, read back through QGIS:
    same fields, rows and values (texts as texts, NULL as an empty cell)."""
    from qgis.core import NULL, QgsVectorLayer

    from osp_qgis.storage.textsafe import csv_text

    def null(value):
        return value is None or (not isinstance(value, (str, int)) and value == NULL)

    sample = str(sample_data)
    as_csv = run_join(sample, sheet, ANOMALIES=str(tmp_path / "anomalies.csv"))
    as_gpkg = run_join(sample, sheet, ANOMALIES=str(tmp_path / "anomalies.gpkg"))
    from_csv = QgsVectorLayer(as_csv["ANOMALIES"], "csv", "ogr")
    from_gpkg = QgsVectorLayer(as_gpkg["ANOMALIES"], "gpkg", "ogr")
    names = [n for n in from_gpkg.fields().names() if n != "fid"]
    assert from_csv.fields().names() == names
    expected = [["" if null(f[n]) else csv_text(str(f[n])) for n in names]
                for f in from_gpkg.getFeatures()]
    got = [["" if null(f[n]) else f[n] for n in names] for f in from_csv.getFeatures()]
    assert len(got) >= 5 and got == expected
    with open(str(tmp_path / "anomalies.csv"), encoding="utf-8", newline="") as handle:
        assert handle.readline().startswith("ligne,motif,detail,")
