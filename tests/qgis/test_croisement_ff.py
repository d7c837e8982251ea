"""osp:croisement_ff (issue #11) on the sample pipeline: every output against an independent
computation (the generator's truth file, the extract read with ``csv``, the analyse layer
read with ``sqlite3``), once through ``qgis_process`` with the older vintage, the territory
filter, PostGIS locals, hostile extracts, the OSP workbook's sheets, and the two maps
rendered to PNG."""
import collections
import csv
import math
import os
import sqlite3
import subprocess

import pytest
from conftest import REPO

QGIS_PROCESS = "qgis_process.bin"


# -- independent readings -------------------------------------------------------------------
def rows_of(path, delimiter=";"):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def table(gpkg, name, columns="*"):
    connection = sqlite3.connect(gpkg)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute('SELECT %s FROM "%s"' % (columns, name))]
    finally:
        connection.close()


def reported(pipeline):
    """The analyse layer's dwellings: (idlocal, idpar, idcom), upper-case, "" if none."""
    gpkg = pipeline["layer"].split("|")[0]
    out = []
    for r in table(gpkg, "analyse_logement", "idlocal, idpar, idcom"):
        idlocal, idpar, idcom = ((r[k] or "").strip().upper() for k in ("idlocal", "idpar",
                                                                        "idcom"))
        out.append((idlocal, idpar, idcom or idpar[:5]))
    return out


def expected(sample, pipeline, method="cerema", keep=lambda insee: True, reports=None):
    """What the issue asks, computed from the truth file and the extract alone."""
    truth = [r for r in rows_of(os.path.join(sample, "fichiers_fonciers_verite.csv"))
             if keep(r["idcom"])]
    locaux = {r["idlocal"]: r for r in rows_of(os.path.join(sample, "pb0010_local.csv"))}
    social = [r for r in truth if r["social_%s" % method] == "1"]
    dwellings = [r for r in truth if locaux[r["idlocal"]]["logh"] == "t"]
    if reports is None:
        reports = [r for r in reported(pipeline) if keep(r[2])]
    reported_ids = {r[0] for r in reports if r[0]}
    per_parcel = collections.Counter(r[1] for r in reports if r[1])
    missing = {r["idlocal"]: per_parcel.get(r["idpar"], 0) for r in social
               if r["idlocal"] not in reported_ids}
    ff_per_parcel = collections.Counter(r["idpar"] for r in social)
    parcels = {}
    for idpar in set(ff_per_parcel) | set(per_parcel):
        ff, rep = ff_per_parcel.get(idpar, 0), per_parcel.get(idpar, 0)
        parcels[idpar] = (ff, rep, rep - ff, "conforme" if ff == rep else
                          ("manquants_bailleur" if rep < ff else "absents_ff"))
    communes = collections.defaultdict(lambda: [0, 0, 0])
    for r in dwellings:
        communes[r["idcom"]][0] += 1
    for r in social:
        communes[r["idcom"]][1] += 1
    for r in reports:
        if r[2]:
            communes[r[2]][2] += 1
    return {"locaux": len(truth), "dwellings": len(dwellings), "social": len(social),
            "missing": missing, "parcels": parcels, "communes": dict(communes),
            "truth": {r["idlocal"]: r for r in truth}}


@pytest.fixture(scope="module")
def ff_run(qgis_app, sample_data, pipeline, tmp_path_factory):
    import processing
    sample, out = str(sample_data), tmp_path_factory.mktemp("ff")
    gpkg = os.path.join(sample, "territoire.gpkg")
    params = {"LOCAUX": os.path.join(sample, "pb0010_local.csv"), "INPUT": pipeline["layer"],
              "PARCELS": gpkg + "|layername=parcelles",
              "COMMUNES": gpkg + "|layername=communes",
              "MISSING": str(out / "non_remontes.gpkg"),
              "PARCEL_COMPARISON": str(out / "comparaison.gpkg"),
              "INDICATORS": str(out / "indicateurs.gpkg")}
    result = processing.run("osp:croisement_ff", params)
    return {"result": result, "out": out, "params": params,
            "expected": expected(sample, pipeline)}


# -- the counts ---------------------------------------------------------------------------------
def test_counts_equal_the_independent_computation(ff_run):
    result, exp = ff_run["result"], ff_run["expected"]
    assert result["N_LOCAUX"] == exp["locaux"]
    assert result["N_LOGEMENTS_FF"] == exp["dwellings"]
    assert result["N_SOCIAUX_FF"] == exp["social"]
    assert result["N_MISSING"] == len(exp["missing"]) > 0
    assert result["N_REFUSED"] == 0


def test_missing_is_every_unreported_social_dwelling_with_its_parcel_count(ff_run):
    exp = ff_run["expected"]
    rows = table(ff_run["result"]["MISSING"].split("|")[0], "non_remontes")
    assert {r["idlocal"]: r["logements_remontes_parcelle"] for r in rows} == exp["missing"]
    # the dwellings the landlords forgot are all there…
    forgotten = {k for k, r in exp["truth"].items()
                 if r["cas"] in ("oubli_bailleur", "oubli_meme_parcelle")}
    assert forgotten <= {r["idlocal"] for r in rows}
    # …with the landlords' dwellings that never reached a sheet (no reported dwelling on
    # their parcel) and those reported without their fiscal id (the reported dwellings of
    # their parcel are counted: a cartographer can triage them)
    unreported = [r for r in rows if exp["truth"][r["idlocal"]]["cas"] == "remonte"]
    assert {r["logements_remontes_parcelle"] == 0 for r in unreported} == {True, False}
    truth_locals = {r["idlocal"]: r for r in rows_of(os.path.join(
        os.path.dirname(ff_run["params"]["LOCAUX"]), "pb0010_local.csv"))}
    for r in rows[:50]:   # the address and the FF fields come from the extract, as text
        source = truth_locals[r["idlocal"]]
        assert (r["dnvoiri"], r["dvoilib"], r["idcomtxt"], r["jannath"], r["loghlls"],
                r["catpro3"]) == (source["dnvoiri"], source["dvoilib"], source["idcomtxt"],
                                  source["jannath"], source["loghlls"], source["catpro3"])


def test_missing_points_lie_on_their_parcel(ff_run, sample_data):
    from qgis.core import QgsVectorLayer
    points = QgsVectorLayer(ff_run["result"]["MISSING"], "m", "ogr")
    parcels = QgsVectorLayer(os.path.join(str(sample_data), "territoire.gpkg") +
                             "|layername=parcelles", "p", "ogr")
    shapes = {f["idpar"]: f.geometry() for f in parcels.getFeatures()}
    checked = 0
    for feature in points.getFeatures():
        assert feature.hasGeometry(), feature["idlocal"]
        assert shapes[feature["idpar"]].contains(feature.geometry()), feature["idlocal"]
        checked += 1
    assert checked == ff_run["result"]["N_MISSING"]
    assert points.wkbType() in (1, 1001, 3001)   # Point (Z/M variants allowed)


def test_parcel_comparison_equals_the_independent_one(ff_run):
    rows = table(ff_run["result"]["PARCEL_COMPARISON"].split("|")[0], "comparaison")
    got = {r["idpar"]: (r["ff_sociaux"], r["remontes"], r["ecart"], r["statut"]) for r in rows}
    assert got == ff_run["expected"]["parcels"]
    assert {r["statut"] for r in rows} == {"conforme", "manquants_bailleur", "absents_ff"}


def test_indicators_per_commune_epci_departement_and_territory(ff_run):
    import sample_data as generator
    rows = table(ff_run["result"]["INDICATORS"].split("|")[0], "indicateurs")
    communes = ff_run["expected"]["communes"]
    by_level = collections.defaultdict(dict)
    for r in rows:
        by_level[r["niveau"]][r["code"]] = r
    assert set(by_level["commune"]) == set(communes)
    for insee, (dwellings, social, reports) in communes.items():
        r = by_level["commune"][insee]
        assert (r["logements_ff"], r["logements_sociaux_ff"], r["logements_remontes"]) == \
            (dwellings, social, reports)
        assert r["part_sociaux"] == pytest.approx(100.0 * social / dwellings)
        assert r["objectif_sru"] == math.ceil(dwellings / 4)
        assert r["manque_sru"] == max(0, math.ceil(dwellings / 4) - social)
        assert r["couverture"] == pytest.approx(100.0 * reports / social)
    epci_of = {insee: epci for insee, _, epci in generator.COMMUNES}
    totals = collections.defaultdict(lambda: [0, 0, 0])
    for insee, values in communes.items():
        for key in (("epci", epci_of[insee]), ("departement", insee[:2]),
                    ("territoire", "total")):
            totals[key] = [a + b for a, b in zip(totals[key], values)]
    for (level, code), (dwellings, social, reports) in totals.items():
        r = by_level[level][code]
        assert (r["logements_ff"], r["logements_sociaux_ff"], r["logements_remontes"]) == \
            (dwellings, social, reports), (level, code)
    assert len(rows) == len(communes) + len(totals)
    # some sample communes are under the 25 % objective, some above
    shares = [r["part_sociaux"] for r in by_level["commune"].values()]
    assert min(shares) < 25 < max(shares)


def test_indicator_polygons_are_the_communes_and_their_unions(ff_run, sample_data):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(ff_run["result"]["INDICATORS"], "i", "ogr")
    communes = QgsVectorLayer(os.path.join(str(sample_data), "territoire.gpkg") +
                              "|layername=communes", "c", "ogr")
    areas = {f["insee"]: f.geometry().area() for f in communes.getFeatures()}
    for feature in layer.getFeatures():
        if feature["niveau"] == "commune":
            assert feature.geometry().area() == pytest.approx(areas[feature["code"]])
        if feature["niveau"] == "territoire":
            assert feature.geometry().area() == pytest.approx(
                sum(areas[c] for c in ff_run["expected"]["communes"]), rel=1e-6)


def test_outputs_carry_french_aliases_and_their_style(ff_run):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(ff_run["result"]["PARCEL_COMPARISON"], "c", "ogr")
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "statut"
    assert {c.value() for c in layer.renderer().categories()} == \
        {"conforme", "manquants_bailleur", "absents_ff"}
    indicators = QgsVectorLayer(ff_run["result"]["INDICATORS"], "i", "ogr")
    assert indicators.renderer().type() == "RuleRenderer"
    alias = indicators.attributeAlias(indicators.fields().indexOf("part_sociaux"))
    assert "%" in alias and "sociaux" in alias.lower()


# -- maps as people see them ---------------------------------------------------------------
def render(layers, extent, path, size=(900, 900)):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setOutputSize(QSize(*size))
    settings.setOutputDpi(96)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(path)
    return image, settings


def test_parcel_comparison_map(ff_run, artifacts):
    """Each parcel is drawn in its status colour (pixel at its point on surface)."""
    from qgis.core import QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtGui import QColor
    layer = QgsVectorLayer(ff_run["result"]["PARCEL_COMPARISON"], "c", "ogr")
    colours = {c.value(): c.symbol().color().name() for c in layer.renderer().categories()}
    features = [f for f in layer.getFeatures()]
    missing = [f for f in features if f["statut"] == "manquants_bailleur"]
    centre = missing[0].geometry().centroid().asPoint()
    extent = QgsRectangle(centre.x() - 150, centre.y() - 150, centre.x() + 150,
                          centre.y() + 150)
    image, settings = render([layer], extent, os.path.join(artifacts, "ff_comparaison.png"))
    transform = settings.mapToPixel()
    checked = 0
    for feature in layer.getFeatures(extent):
        inner = feature.geometry().buffer(-3, 4)
        if inner.isEmpty():
            continue
        pixel = transform.transform(inner.pointOnSurface().asPoint())
        x, y = int(round(pixel.x())), int(round(pixel.y()))
        if 2 < x < 898 and 2 < y < 898:
            assert QColor(image.pixel(x, y)).name() == colours[feature["statut"]]
            checked += 1
    assert checked >= 3


def test_indicators_choropleth(ff_run, artifacts):
    """Communes filled by their class of share; the EPCI drawn as outlines on top."""
    from qgis.core import QgsFeatureRequest, QgsRenderContext, QgsVectorLayer
    from qgis.PyQt.QtGui import QColor
    layer = QgsVectorLayer(ff_run["result"]["INDICATORS"], "i", "ogr")
    image, settings = render([layer], layer.extent().buffered(500),
                             os.path.join(artifacts, "ff_part_logements_sociaux.png"))
    context = QgsRenderContext.fromMapSettings(settings)
    renderer = layer.renderer().clone()
    renderer.startRender(context, layer.fields())
    transform = settings.mapToPixel()
    checked = set()
    request = QgsFeatureRequest().setFilterExpression("\"niveau\" = 'commune'")
    for feature in layer.getFeatures(request):
        inner = feature.geometry().buffer(-300, 4)
        symbols = renderer.symbolsForFeature(feature, context)
        fill = [s for s in symbols if s.color().alpha() == 255]
        assert len(fill) == 1, feature["code"]
        pixel = transform.transform(inner.pointOnSurface().asPoint())
        colour = QColor(image.pixel(int(pixel.x()), int(pixel.y()))).name()
        assert colour == fill[0].color().name(), (feature["code"], feature["part_sociaux"])
        checked.add(colour)
    renderer.stopRender(context)
    assert len(checked) >= 3      # the classes really differ across the sample


# -- parameters, sources, vintages --------------------------------------------------------
def test_qgis_process_with_the_older_vintage_and_the_catpro3_method(ff_run, sample_data,
                                                                      pipeline, tmp_path):
    """hlmsem / dteloc instead of catpro3 / logh, ``METHOD=catpro3`` by name."""
    import install_profile
    sample = str(sample_data)
    profile = tmp_path / "profil"
    install_profile.install(str(profile))
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [QGIS_PROCESS, "run", "osp:croisement_ff", "--",
         "LOCAUX=" + os.path.join(sample, "pb0010_local_2013.csv"), "INPUT=" + pipeline["layer"],
         "PARCELS=%s|layername=parcelles" % os.path.join(sample, "territoire.gpkg"),
         "METHOD=catpro3", "SRU_TARGET=20", "MISSING=" + str(tmp_path / "m.gpkg"),
         "PARCEL_COMPARISON=" + str(tmp_path / "p.gpkg"),
         "INDICATORS=" + str(tmp_path / "i.gpkg")],
        env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    values = dict(l.split(":\t", 1) for l in done.stdout.splitlines() if ":\t" in l)
    exp = expected(sample, pipeline, "catpro3")
    assert int(float(values["N_SOCIAUX_FF"])) == exp["social"]
    assert int(float(values["N_MISSING"])) == len(exp["missing"])
    rows = table(str(tmp_path / "i.gpkg"), "i")
    total = next(r for r in rows if r["niveau"] == "territoire")
    assert total["objectif_sru"] == math.ceil(total["logements_ff"] * 20 / 100)
    assert set(r["idlocal"] for r in table(str(tmp_path / "m.gpkg"), "m")) == \
        set(exp["missing"])


def test_territory_restricts_the_check(ff_run, sample_data, pipeline, tmp_path):
    import processing
    from qgis.core import QgsGeometry, QgsVectorLayer
    sample = str(sample_data)
    communes = QgsVectorLayer(os.path.join(sample, "territoire.gpkg") + "|layername=communes",
                              "c", "ogr")
    chosen = sorted(ff_run["expected"]["communes"])[:2]
    communes.setSubsetString("insee IN ('%s', '%s')" % tuple(chosen))
    assert len(list(communes.getFeatures())) == 2
    params = dict(ff_run["params"], TERRITORY=communes, COMMUNES=None,
                  MISSING="TEMPORARY_OUTPUT", PARCEL_COMPARISON="TEMPORARY_OUTPUT",
                  INDICATORS="TEMPORARY_OUTPUT")
    result = processing.run("osp:croisement_ff", params)
    # the reported dwellings inside: by their point, or by their parcel when not located
    area = QgsGeometry.unaryUnion([f.geometry() for f in communes.getFeatures()])
    parcels = QgsVectorLayer(os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
                             "p", "ogr")
    inside_parcels = {f["idpar"] for f in parcels.getFeatures()
                      if area.contains(f.geometry().pointOnSurface())}
    dwellings = QgsVectorLayer(pipeline["layer"], "d", "ogr")
    reports = []
    for f in dwellings.getFeatures():
        idlocal, idpar, idcom = ((f[k] or "").strip().upper() if f[k] else ""
                                 for k in ("idlocal", "idpar", "idcom"))
        if (area.contains(f.geometry()) if f.hasGeometry() else idpar in inside_parcels):
            reports.append((idlocal, idpar, idcom or idpar[:5]))
    assert len(reports) > 10
    exp = expected(sample, pipeline, keep=lambda insee: insee in chosen, reports=reports)
    assert {f["idlocal"] for f in result["MISSING"].getFeatures()} == set(exp["missing"])
    assert result["N_SOCIAUX_FF"] == exp["social"]
    indicators = {f["code"]: f for f in result["INDICATORS"].getFeatures()
                  if f["niveau"] == "commune"}
    assert set(indicators) == set(chosen)
    for insee in chosen:
        assert indicators[insee]["logements_remontes"] == exp["communes"][insee][2]


def test_locals_from_postgis_give_the_same_result(ff_run, sample_data, pipeline, postgis):
    import processing
    from qgis.core import QgsVectorLayer
    from test_join_postgis import export, pg_uri
    locaux = QgsVectorLayer(ff_run["params"]["LOCAUX"], "l", "ogr")
    export(locaux, pg_uri(postgis, "ff_pb0010_local", geom=None))
    # the types of Cerema's dumps: logh boolean (recent vintages), jannath integer
    postgis["psql"]("alter table ff_pb0010_local alter column logh type boolean using "
                    "logh = 't', alter column jannath type integer using "
                    "nullif(jannath, '')::integer, alter column idlocal type varchar(12), "
                    "alter column idpar type varchar(14)")
    layer = QgsVectorLayer(pg_uri(postgis, "ff_pb0010_local", geom=None), "locaux", "postgres")
    assert layer.isValid()
    params = dict(ff_run["params"], LOCAUX=layer, COMMUNES=None,
                  MISSING="TEMPORARY_OUTPUT", PARCEL_COMPARISON="TEMPORARY_OUTPUT",
                  INDICATORS="TEMPORARY_OUTPUT")
    result = processing.run("osp:croisement_ff", params)
    assert {f["idlocal"] for f in result["MISSING"].getFeatures()} == \
        set(ff_run["expected"]["missing"])
    assert result["N_SOCIAUX_FF"] == ff_run["expected"]["social"]


def test_locals_from_a_geopackage_table(ff_run, tmp_path):
    import processing
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer
    locaux = QgsVectorLayer(ff_run["params"]["LOCAUX"], "l", "ogr")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "pb0010_local_62"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        locaux, str(tmp_path / "ff.gpkg"), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    params = dict(ff_run["params"], LOCAUX=str(tmp_path / "ff.gpkg") +
                  "|layername=pb0010_local_62", COMMUNES=None, MISSING="TEMPORARY_OUTPUT",
                  PARCEL_COMPARISON="TEMPORARY_OUTPUT", INDICATORS="TEMPORARY_OUTPUT")
    result = processing.run("osp:croisement_ff", params)
    assert {f["idlocal"] for f in result["MISSING"].getFeatures()} == \
        set(ff_run["expected"]["missing"])
    assert result["N_LOCAUX"] == ff_run["result"]["N_LOCAUX"]


def test_locals_as_a_delimited_text_layer(ff_run):
    """The layer a user adds with « Ajouter une couche de texte délimité »."""
    import processing
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import QUrl
    url = QUrl.fromLocalFile(ff_run["params"]["LOCAUX"]).toString() + "?delimiter=%3B"
    layer = QgsVectorLayer(url, "locaux", "delimitedtext")
    assert layer.isValid() and layer.providerType() == "delimitedtext"
    params = dict(ff_run["params"], LOCAUX=layer, COMMUNES=None, MISSING="TEMPORARY_OUTPUT",
                  PARCEL_COMPARISON="TEMPORARY_OUTPUT", INDICATORS="TEMPORARY_OUTPUT")
    result = processing.run("osp:croisement_ff", params)
    assert result["N_MISSING"] == ff_run["result"]["N_MISSING"]
    assert result["N_LOCAUX"] == ff_run["result"]["N_LOCAUX"]


@pytest.mark.parametrize("content, match", [
    ("a;b\n1;2\n", "introuvable"),
    ("idlocal;idpar;logh\n620010000001;62001000AB0001;t\n", "ni catpro3 ni hlmsem")])
def test_hostile_extracts_get_a_french_error_and_write_nothing(ff_run, tmp_path, content,
                                                                match):
    import processing
    from qgis.core import QgsProcessingException
    path = tmp_path / "locaux.csv"
    path.write_text(content, encoding="utf-8")
    params = dict(ff_run["params"], LOCAUX=str(path),
                  MISSING=str(tmp_path / "m.gpkg"), PARCEL_COMPARISON=str(tmp_path / "p.gpkg"),
                  INDICATORS=str(tmp_path / "i.gpkg"))
    with pytest.raises(QgsProcessingException, match=match):
        processing.run("osp:croisement_ff", params)
    assert not any(os.path.exists(str(tmp_path / n)) for n in ("m.gpkg", "p.gpkg", "i.gpkg"))


def test_damaged_rows_of_the_extract_are_counted_not_lost(ff_run, tmp_path):
    import processing
    lines = open(ff_run["params"]["LOCAUX"], encoding="utf-8").read().splitlines()
    bad = lines[:3] + ["62;;;;;;;;;;;;;;;;;;", lines[1]] + lines[3:]
    path = tmp_path / "abime.csv"
    path.write_text("\n".join(bad) + "\n", encoding="utf-8")
    params = dict(ff_run["params"], LOCAUX=str(path), COMMUNES=None,
                  MISSING="TEMPORARY_OUTPUT", PARCEL_COMPARISON="TEMPORARY_OUTPUT",
                  INDICATORS="TEMPORARY_OUTPUT")
    result = processing.run("osp:croisement_ff", params)
    assert result["N_REFUSED"] == 2              # the damaged line and the repeated local
    assert result["N_LOCAUX"] == ff_run["result"]["N_LOCAUX"]
    assert result["N_MISSING"] == ff_run["result"]["N_MISSING"]


# -- the OSP workbook ----------------------------------------------------------------------
def test_the_workbook_gains_the_ff_sheets_and_quality_line(ff_run, pipeline, tmp_path):
    import openpyxl
    import processing
    base = {"INPUT": pipeline["layer"], "ANOMALIES": pipeline["anomalies"],
            "DECISIONS": pipeline["decisions"], "LOCAUX": ff_run["params"]["LOCAUX"]}
    result = processing.run("osp:synthese", dict(base, OUTPUT_XLSX=str(tmp_path / "a.xlsx")))
    exp = ff_run["expected"]
    assert result["N_FF_MISSING"] == len(exp["missing"])
    book = openpyxl.load_workbook(str(tmp_path / "a.xlsx"))
    quality = book["Qualité"]
    line = [r for r in quality.iter_rows(values_only=True)
            if isinstance(r[0], str) and r[0].startswith("Logements sociaux des Fichiers")]
    assert len(line) == 1 and line[0][5] == len(exp["missing"])
    sheet = book["Fichiers fonciers"]
    communes = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True)
                if r[0] == "Commune"}
    assert set(communes) == set(exp["communes"])
    for insee, (dwellings, social, reports) in exp["communes"].items():
        assert communes[insee][3:5] == (dwellings, social) and communes[insee][8] == reports
    listed = [r[0] for r in book["FF non remontés"].iter_rows(min_row=4, values_only=True)]
    assert sorted(listed) == sorted(exp["missing"])
    assert all(isinstance(v, str) for v in listed)          # ids stay text
    # one EPCI's workbook: its communes only; a landlord's: no FF (they do not name him)
    epci = "CALL"
    result = processing.run("osp:synthese", dict(base, EPCI=epci,
                                                 OUTPUT_XLSX=str(tmp_path / "b.xlsx")))
    import sample_data as generator
    own = {insee for insee, _, e in generator.COMMUNES if e == epci}
    book = openpyxl.load_workbook(str(tmp_path / "b.xlsx"))
    assert {r[1] for r in book["Fichiers fonciers"].iter_rows(min_row=5, values_only=True)
            if r[0] == "Commune"} == own & set(exp["communes"])
    assert result["N_FF_MISSING"] == sum(1 for k in exp["missing"]
                                         if exp["truth"][k]["idcom"] in own)
    result = processing.run("osp:synthese", dict(base, BAILLEUR="M&C",
                                                 OUTPUT_XLSX=str(tmp_path / "c.xlsx")))
    assert "Fichiers fonciers" not in openpyxl.load_workbook(str(tmp_path / "c.xlsx")).sheetnames
    assert not result["N_FF_MISSING"]


def test_help_names_the_rule(qgis_app):
    from qgis.core import QgsApplication
    algorithm = QgsApplication.processingRegistry().algorithmById("osp:croisement_ff")
    assert algorithm is not None
    help_text = algorithm.shortHelpString()
    assert "NC" in help_text and "F1a" in help_text
    assert os.path.exists(os.path.join(REPO, "resources", "reference",
                                       "fichiers_fonciers_regle.csv"))
