"""osp:analyselogement: the « Analyse au logement par bailleur » GeoPackage.

What a plain QGIS (without the plugin) gets is read in a separate process by
helpers/inspect_gpkg.py.  Territory and cités are compared with the generator's
own tables (tools/sample_data.py), not with the plugin's code."""
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO, real_territories
from test_join_sample import truth_rows

HELPER = os.path.join(REPO, "tests", "qgis", "helpers", "inspect_gpkg.py")
SHEET = "sia_logements.csv"


def join(sample, sheet, out):
    import processing
    return processing.run("osp:joinbailleurparcelles", {
        "INPUT": os.path.join(sample, "bailleurs", sheet),
        "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
        "LOCAUX": os.path.join(sample, "pb0010_local.csv"),
        "ADDRESSES": os.path.join(sample, "territoire.gpkg") + "|layername=adresses",
        "OUTPUT": out, "ANOMALIES": "TEMPORARY_OUTPUT"})["OUTPUT"]


def analyse(sample, input_layer, output, update=False, feedback=None, **extra):
    import processing
    params = {"INPUT": input_layer,
              "COMMUNES": os.path.join(sample, "territoire.gpkg") + "|layername=communes",
              "EPCI": os.path.join(sample, "territoire.gpkg") + "|layername=epci",
              "CITES": os.path.join(sample, "territoire.gpkg") + "|layername=cites",
              "OUTPUT": output, "UPDATE_EXISTING": update, "ANOMALIES": "TEMPORARY_OUTPUT"}
    params.update(extra)
    return processing.run("osp:analyselogement", params, feedback=feedback)


def features(path, table="analyse_logement"):
    from qgis.core import QgsVectorLayer
    uri = "%s|layername=%s" % (path, table) if table else path
    layer = QgsVectorLayer(uri, "a", "ogr")
    assert layer.isValid()
    return list(layer.getFeatures())


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@pytest.fixture(scope="module")
def built(qgis_app, sample_data, tmp_path_factory):
    out = tmp_path_factory.mktemp("analyse")
    joined = str(out / "join.gpkg")
    join(str(sample_data), SHEET, joined)
    gpkg = str(out / "osp_erbm.gpkg")
    result = analyse(str(sample_data), joined, gpkg)
    return {"dir": out, "join": joined, "gpkg": gpkg, "result": result}


def test_plain_qgis_opens_the_layer_with_form_style_and_constraints(built, artifacts,
                                                                   tmp_path, sample_data):
    # a copy in another folder, opened by a process that never saw the original
    elsewhere = tmp_path / "ailleurs" / "copie de osp.gpkg"
    elsewhere.parent.mkdir()
    shutil.copyfile(built["gpkg"], str(elsewhere))
    report_path = os.path.join(str(built["dir"]), "report.json")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, HELPER, str(elsewhere), report_path,
                           os.path.join(artifacts, "analyse_form"),
                           os.path.join(artifacts, "analyse_map.png")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open(report_path, encoding="utf-8") as handle:
        report = json.load(handle)
    assert report["valid"] and report["count"] == built["result"]["N_DWELLINGS"]
    assert report["layout"] == 1  # tabs (drag-and-drop designer)
    tabs = dict((name, children) for name, children in report["tabs"])
    assert list(tabs) == ["Identifiants", "Programme", "Localisation", "Cité", "Suivi"]
    assert tabs["Identifiants"] == ["ident_rep", "ident_int", "idlocal", "idpar"]
    assert tabs["Programme"] == ["bailleur", "intitule", "type_palu", "num_decision",
                                 "annee_financ", "date_os", "date_fin"]
    assert {"dnvoiri", "dvoilib", "idcomtxt", "epci", "dep", "geoloc_source"} <= \
        set(tabs["Localisation"])
    assert tabs["Cité"][:3] == ["cite_ini", "id_cite", "nom_cite_1"]
    assert tabs["Suivi"][:2] == ["info", "date_maj"]
    widgets = report["widgets"]
    for name in ("bailleur", "type_palu", "dep", "geoloc_source", "statut", "id_cite", "epci"):
        assert widgets[name] == "ValueMap", name
    assert widgets["date_os"] == widgets["date_fin"] == "DateTime"
    assert report["date_maj_default"] == ["now()", True]
    assert {"idcomtxt", "dep", "epci", "nom_cite_1", "l_id_cite", "date_maj"} <= \
        set(report["read_only"])
    assert report["aliases"]["ident_rep"] == "Identifiant RPLS"
    for name in ("idpar", "ident_rep", "idlocal", "date_fin", "annee_financ", "type_palu"):
        check = report["checks"][name]
        assert check["refused"] and check["template_accepted"], name
        assert report["constraints"][name]["hard"]
        assert check["errors"][0].startswith(report["constraints"][name]["description"])
    assert "14 caractères" in report["constraints"]["idpar"]["description"]
    # the default style: categories by landlord, from resources/reference/bailleurs.csv
    with open(os.path.join(REPO, "resources", "reference", "bailleurs.csv"),
              encoding="utf-8") as handle:
        landlords = [(r["code"], r["nom"]) for r in csv.DictReader(handle, delimiter=";")]
    assert report["renderer"]["type"] == "categorizedSymbol"
    assert report["renderer"]["attribute"] == "bailleur"
    assert [tuple(c) for c in report["renderer"]["categories"][:-1]] == landlords
    assert report["labels"]
    assert report["cites_renderer"] == "singleSymbol" and report["cites_labels"]
    assert report["styles"][:3] == ["OSP – par bailleur (défaut)", "OSP – par type PALULOS",
                                    "OSP – par année de financement"]
    # names, not codes, with nothing else loaded (the generator's own tables say which)
    import sample_data as generator
    cite_names = {}
    for insee, commune, _ in generator.COMMUNES:
        cite_names[insee] = commune
    code, text = report["represented"]["epci"]
    # an ERBM sigle reads with its short name (issue 26, point 17), from the territory's
    # EPCI layer (the generator's)
    from osp_qgis.territory import short_epci_name
    assert code in generator.EPCI and \
        text == "%s – %s" % (code, short_epci_name(generator.EPCI[code][1]))
    code, text = report["represented"]["id_cite"]
    source = {f["id_cite"]: f for f in features(os.path.join(str(sample_data), "territoire.gpkg"),
                                                "cites")}
    cite = source[int(code)]
    assert text == "%s – %s" % (cite["nom"], cite_names[cite["insee"]])
    assert report["represented"]["bailleur"][1].endswith("(%s)" % report["represented"]
                                                          ["bailleur"][0])
    # cités of the same name read apart
    labels = report["cite_labels"]
    assert len(labels) == len(set(labels)) == 48
    assert len([l for l in labels if l.startswith("Cité Barrois –")]) == 4
    # every tab fits the default form size: no horizontal scrollbar, ✓/✗ marks visible
    for tab in report["fit"]:
        assert not tab["hbar"], tab
        assert 0 < tab["constraint_right"] <= tab["viewport"], tab
    # moving a point in an edit session records it as placed by hand
    assert report["moved_by_hand"] == {"geoloc_source": "manuel", "date_maj_changed": True}
    assert len(report["form_pngs"]) == 5 and all(os.path.getsize(p) > 5000
                                                 for p in report["form_pngs"])
    assert report["map_colours"] > 5


def test_territory_and_cites_follow_the_generators_tables(built, sample_data):
    import sample_data as generator
    names = {insee: (nom, sigle) for insee, nom, sigle in generator.COMMUNES}
    truth = {t["ident_rep"]: t for t in truth_rows(str(sample_data), SHEET)
             if t["doublon"] == "0" and t["ident_rep"]}
    checked_text = checked_spatial = 0
    for f in features(built["gpkg"]):
        t = truth.get(f["ident_rep"])
        if t is None:
            continue
        assert f["idcomtxt"] == names[t["idcom"]][0]
        assert f["dep"] == t["idcom"][:2]
        assert f["epci"] == names[t["idcom"]][1]
        if t["source"]:
            assert f["id_cite"] == int(t["id_cite"])
            checked_spatial += 1
        elif t["cite_ini"]:
            assert f["id_cite"] == int(t["id_cite"]), "rapprochement par le nom de cité"
            checked_text += 1
        assert f["statut"] == "present" and f["id_osp"] is not None
        assert f["geom_import"] == (f.geometry().asWkt(6) if f.hasGeometry() else None)
        assert f.hasGeometry() == bool(t["source"])  # not located: NULL geometry
    assert checked_spatial > 60 and checked_text >= 2
    ids = [f["id_osp"] for f in features(built["gpkg"])]
    assert len(set(ids)) == len(ids)
    # the cités and EPCI tables travel in the same GeoPackage
    assert len(features(built["gpkg"], "cites")) == 48
    assert {f["code"] for f in features(built["gpkg"], "epci")} >= set(generator.EPCI)


def test_commune_incoherente_reported_and_territory_wins(qgis_app, built, sample_data, tmp_path):
    from qgis.core import QgsVectorLayer
    copy = str(tmp_path / "join.gpkg")
    shutil.copyfile(built["join"], copy)
    layer = QgsVectorLayer(copy, "j", "ogr")
    located = [f for f in layer.getFeatures() if f["geoloc_source"] == "parcelle"][:3]
    layer.startEditing()
    for f in located:
        layer.changeAttributeValue(f.id(), layer.fields().indexOf("idcom"), "59178")
    assert layer.commitChanges()
    result = analyse(str(sample_data), copy, str(tmp_path / "osp.gpkg"))
    anomalies = list(result["ANOMALIES"].getFeatures())
    incoherent = [a for a in anomalies if a["motif"] == "commune_incoherente"]
    assert result["N_INCOHERENT"] == 3 == len(incoherent)
    assert {a["ident_rep"] for a in incoherent} == {f["ident_rep"] for f in located}
    assert all("59178" in a["detail"] for a in incoherent)
    out = {f["ident_rep"]: f for f in features(str(tmp_path / "osp.gpkg"))}
    for f in located:
        assert out[f["ident_rep"]]["idcom"] == f["idpar"][:5]  # where the parcel is


def subset(layer_path, expression):
    import processing
    return processing.run("native:extractbyexpression", {
        "INPUT": layer_path, "EXPRESSION": expression, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]


def test_reimport_keeps_hand_edits_flags_absent_and_adds_new(qgis_app, built, sample_data,
                                                            tmp_path):
    from qgis.core import QgsGeometry, QgsPointXY, QgsVectorLayer
    sample = str(sample_data)
    located = [f for f in features(built["join"], None) if f["geoloc_source"] == "parcelle"]
    new_ones = [f["ident_rep"] for f in located[-5:]]       # arrive in the second delivery
    gone = [f["ident_rep"] for f in located[10:14]]         # missing from the second delivery
    quoted = lambda ids: ",".join("'%s'" % i for i in ids)
    first = subset(built["join"], '"ident_rep" IS NULL OR "ident_rep" NOT IN (%s)'
                   % quoted(new_ones))
    second = subset(built["join"], '"ident_rep" IS NULL OR "ident_rep" NOT IN (%s)' % quoted(gone))
    gpkg = str(tmp_path / "osp.gpkg")
    analyse(sample, first, gpkg)
    before = {f["ident_rep"]: f for f in features(gpkg)}
    count_before = len(features(gpkg))

    # the cartographer's hand work: a note, a point moved in the form's edit session,
    # and a point moved by a tool writing straight to the provider
    layer = QgsVectorLayer(gpkg + "|layername=analyse_logement", "a", "ogr")
    note_on, moved_in_form, moved_raw = located[0]["ident_rep"], located[1]["ident_rep"], \
        located[2]["ident_rep"]
    ids = {f["ident_rep"]: f.id() for f in layer.getFeatures()}
    layer.startEditing()
    layer.changeAttributeValue(ids[note_on], layer.fields().indexOf("info"),
                               "Vérifié sur place le 12/03")
    p = before[moved_in_form].geometry().asPoint()
    form_point = QgsGeometry.fromPointXY(QgsPointXY(p.x() + 7, p.y() - 3))
    layer.changeGeometry(ids[moved_in_form], form_point)
    assert layer.commitChanges()
    p = before[moved_raw].geometry().asPoint()
    raw_point = QgsGeometry.fromPointXY(QgsPointXY(p.x() - 4, p.y() + 9))
    layer.dataProvider().changeGeometryValues({ids[moved_raw]: raw_point})
    del layer

    result = analyse(sample, second, gpkg, update=True)
    after = {f["ident_rep"]: f for f in features(gpkg) if f["ident_rep"]}
    assert result["N_ADDED"] == 5 and result["N_ABSENT"] == 4 and result["N_MANUAL_KEPT"] == 2
    assert after[note_on]["info"] == "Vérifié sur place le 12/03"
    for ident, point in ((moved_in_form, form_point), (moved_raw, raw_point)):
        assert after[ident]["geoloc_source"] == "manuel"
        assert after[ident].geometry().equals(point)
    for ident in gone:
        assert after[ident]["statut"] == "absent_dernier_envoi"   # flagged, never deleted
    for ident in new_ones:
        assert after[ident]["statut"] == "present"
        assert after[ident]["id_osp"] > max(f["id_osp"] for f in before.values())
    for ident, f in before.items():
        if ident:
            assert after[ident]["id_osp"] == f["id_osp"]            # stable ids
    assert len(features(gpkg)) == count_before + 5  # nothing deleted, the 5 new added

    # another landlord's delivery leaves these dwellings alone
    other = join(sample, "mc_2019.ods", str(tmp_path / "mc.gpkg"))
    result = analyse(sample, other, gpkg, update=True)
    assert result["N_ABSENT"] == 0
    again = {f["ident_rep"]: f for f in features(gpkg) if f["ident_rep"]}
    assert all(again[i]["statut"] == "present" for i in new_ones)


def test_interrupted_run_leaves_the_previous_file_byte_identical(qgis_app, built, sample_data,
                                                                tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    gpkg = str(tmp_path / "osp.gpkg")
    shutil.copyfile(built["gpkg"], gpkg)
    before = digest(gpkg)

    class CancelHalfWay(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress >= 30:
                self.cancel()

    with pytest.raises(QgsProcessingException, match="annulé"):
        analyse(str(sample_data), built["join"], gpkg, update=True, feedback=CancelHalfWay())
    assert digest(gpkg) == before
    assert os.listdir(str(tmp_path)) == ["osp.gpkg"]


def test_failure_while_writing_leaves_file_and_no_temporary(qgis_app, built, tmp_path):
    from qgis.core import QgsVectorLayer

    from osp_erbm.processing_algs.common import gpkg_layers
    from osp_erbm.processing_algs.common.gpkg_update import GeoPackageUpdate
    gpkg = str(tmp_path / "osp.gpkg")
    shutil.copyfile(built["gpkg"], gpkg)
    before = digest(gpkg)
    layer = QgsVectorLayer(built["join"], "j", "ogr")

    def fail(temporary):
        assert os.path.exists(temporary)
        raise IOError("disque plein")

    with pytest.raises(IOError):
        with GeoPackageUpdate(gpkg) as update:
            gpkg_layers.write_layers(update.snapshot, [(layer, "analyse_logement")], fail)
            update.commit({"analyse_logement": layer.featureCount()})
    assert digest(gpkg) == before
    assert os.listdir(str(tmp_path)) == ["osp.gpkg"]


def test_real_cites_and_communes_of_the_bassin_minier(qgis_app, tmp_path):
    """Dwellings placed in the 59 real ERBM cités (WGS 84) get the right cité and a
    commune named like the cité's own commune; unplaced ones are matched by name."""
    import processing
    from qgis.core import QgsFeature, QgsVectorLayer

    from osp_qgis.ids import fold
    cites, communes, epci = real_territories()
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=ident_rep:string&field=idcom:string"
                           "&field=bailleur:string&field=type_palu:string&field=idpar:string"
                           "&field=cite_ini:string&field=geoloc_source:string", "l", "memory")
    feats, expected = [], {}
    for n, cite in enumerate(cites.getFeatures()):
        f = QgsFeature(layer.fields())
        rpls = "%010d" % (n + 1)
        f.setAttributes([rpls, None, "M&C", "Groupé", None, None, "parcelle"])
        f.setGeometry(cite.geometry().pointOnSurface())
        feats.append(f)
        expected[rpls] = cite
    declercq = next(c for c in cites.getFeatures() if c["nom"] == "Cité Declercq")
    f = QgsFeature(layer.fields())
    f.setAttributes(["0099999999", "62637", "M&C", "Groupé", None, "CITE DECLERCQ", None])
    feats.append(f)  # not located: found by the landlord's cité name in Oignies
    layer.dataProvider().addFeatures(feats)
    gpkg = str(tmp_path / "bassin.gpkg")
    result = processing.run("osp:analyselogement", {
        "INPUT": layer, "COMMUNES": communes, "EPCI": epci, "CITES": cites, "OUTPUT": gpkg})
    out = {f["ident_rep"]: f for f in features(gpkg)}
    assert result["N_DWELLINGS"] == len(feats)
    erbm = {"CABBALR", "CAHC", "CALL", "CAPH", "CAVM", "CCCO", "DA", "CCPC"}
    same_commune = 0
    for rpls, cite in expected.items():
        f = out[rpls]
        assert f["id_cite"] == cite["id_lsm"] and f["nom_cite_1"] == cite["nom"]
        assert f["dep"] in ("59", "62") and f["idcom"][:2] == f["dep"]
        named = {fold(cite[k]) for k in ("commune_1", "commune_2", "commune_3") if cite[k]}
        same_commune += fold(f["idcomtxt"]) in named
        assert f["epci"] in erbm or f["epci"] == "200093201", f["epci"]
    assert same_commune >= 0.9 * len(expected)
    assert out["0099999999"]["id_cite"] == declercq["id_lsm"]
    assert out["0099999999"]["idcomtxt"] == "Oignies"


def test_apply_osp_form_to_a_compatible_layer(qgis_app, built):
    import processing
    from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer
    layer = QgsVectorLayer(built["join"], "logements", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        processing.run("osp:appliquerformulaire", {"INPUT": layer})
        assert [t.name() for t in layer.editFormConfig().tabs()][0] == "Identifiants"
        assert layer.renderer().classAttribute() == "bailleur"
        communes = QgsVectorLayer(os.path.join(os.path.dirname(built["gpkg"]), "osp_erbm.gpkg")
                                  + "|layername=epci", "epci", "ogr")
        QgsProject.instance().addMapLayer(communes)
        with pytest.raises(QgsProcessingException, match="n'a pas les champs"):
            processing.run("osp:appliquerformulaire", {"INPUT": communes})
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_postgis_as_destination(qgis_app, built, sample_data, postgis):
    from qgis.core import QgsDataSourceUri, QgsVectorLayer
    uri = QgsDataSourceUri()
    uri.setConnection(postgis["host"], str(postgis["port"]), postgis["dbname"], postgis["user"],
                      "")
    uri.setDataSource("public", "analyse_logement", "geom", "", "fid")
    result = analyse(str(sample_data), built["join"], "postgis:" + uri.uri(False))
    count = postgis["psql"]("select count(*) from public.analyse_logement").strip()
    assert int(count) == result["N_DWELLINGS"]
    styles = postgis["psql"]("select stylename, useasdefault from public.layer_styles "
                             "where f_table_name = 'analyse_logement'")
    assert "OSP – par bailleur (défaut)|t" in styles
    # a second run into the same table replaces table and styles (QGIS 3.22 would ask
    # « overwrite? » in a modal box for a style name already there)
    again = analyse(str(sample_data), built["join"], "postgis:" + uri.uri(False))
    assert int(postgis["psql"]("select count(*) from public.analyse_logement").strip()) \
        == again["N_DWELLINGS"] == result["N_DWELLINGS"]
    assert postgis["psql"]("select count(*) from public.layer_styles where f_table_name = "
                           "'analyse_logement' and useasdefault").strip() == "1"
    layer = QgsVectorLayer(uri.uri(False), "pg", "postgres")
    assert layer.isValid() and layer.renderer().classAttribute() == "bailleur"
    assert [t.name() for t in layer.editFormConfig().tabs()][0] == "Identifiants"


def test_output_loaded_in_project_has_title_style_and_form(qgis_app, built, sample_data,
                                                           tmp_path):
    import processing
    from qgis.core import QgsProject
    params = {"INPUT": built["join"],
              "CITES": os.path.join(str(sample_data), "territoire.gpkg") + "|layername=cites",
              "OUTPUT": str(tmp_path / "charge.gpkg")}
    try:
        processing.runAndLoadResults("osp:analyselogement", params)
        layers = QgsProject.instance().mapLayersByName("Analyse au logement par bailleur")
        assert len(layers) == 1
        assert layers[0].renderer().classAttribute() == "bailleur"
        assert layers[0].editFormConfig().tabs()[0].name() == "Identifiants"
        processing.runAndLoadResults("osp:analyselogement", dict(params,
                                                                 OUTPUT="TEMPORARY_OUTPUT"))
        layers = QgsProject.instance().mapLayersByName("Analyse au logement par bailleur")
        assert len(layers) == 2  # a temporary output is a GeoPackage too, styled the same
        for layer in layers:
            assert layer.renderer().classAttribute() == "bailleur"
            assert layer.editFormConfig().tabs()[0].name() == "Identifiants"
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_labels_beside_the_points_never_hide_them(built, artifacts):
    """At large scale the RPLS label sits beside the dwelling: every symbol's centre keeps
    its landlord colour (text and halo elsewhere), and the labels are really drawn."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    layer = QgsVectorLayer(built["gpkg"] + "|layername=analyse_logement", "a", "ogr")
    layer.loadDefaultStyle()
    points = [f.geometry().asPoint() for f in layer.getFeatures() if f.hasGeometry()]
    point = max(points, key=lambda p: sum(1 for q in points if abs(p.x() - q.x()) < 90
                                          and abs(p.y() - q.y()) < 60))  # the densest spot
    extent = QgsRectangle(point.x() - 100, point.y() - 70, point.x() + 100, point.y() + 70)

    def render(with_labels):
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(layer.crs())
        settings.setOutputSize(QSize(1000, 700))
        settings.setOutputDpi(96)
        settings.setExtent(extent)
        settings.setBackgroundColor(QColor("white"))
        settings.setFlag(QgsMapSettings.DrawLabeling, with_labels)
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        return job.renderedImage(), settings

    image, settings = render(True)
    plain, _ = render(False)
    image.save(os.path.join(artifacts, "analyse_labels_1000.png"))
    assert settings.scale() < 2500  # labels are on at this scale
    colours = {c.value(): c.symbol().color().name() for c in layer.renderer().categories()}
    transform = settings.mapToPixel()
    checked = 0
    for feature in layer.getFeatures(extent):
        pixel = transform.transform(feature.geometry().asPoint())
        x, y = int(round(pixel.x())), int(round(pixel.y()))
        if not (5 < x < 995 and 5 < y < 695):
            continue
        found = QColor(image.pixel(x, y)).name()
        expected = colours.get(feature["bailleur"], colours.get(""))
        assert found == expected, (feature["ident_rep"], found, expected)
        checked += 1
    assert checked >= 5
    drawn = sum(1 for x in range(0, 1000, 2) for y in range(0, 700, 2)
                if image.pixel(x, y) != plain.pixel(x, y))
    assert drawn > 200  # the labels are there


def test_bulk_written_rows_equal_what_qgis_writer_writes(qgis_app, built, tmp_path):
    """The analyse table is appended in one SQLite transaction; GDAL's own writer, fed
    the same records through a memory layer, must store exactly the same rows (ids, texts,
    dates, datetimes, point blobs) and the spatial index must find every point."""
    import sqlite3

    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

    from osp_erbm.osp_qgis.logements import analyse
    from osp_erbm.processing_algs.common import gpkg_layers, qgis_io, records_io
    source = QgsVectorLayer(built["gpkg"] + "|layername=analyse_logement", "a", "ogr")
    records = records_io.read_records(source)
    assert any(r["values"].get("date_maj") for r in records)
    reference = str(tmp_path / "writer.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "analyse_logement"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        records_io.records_layer(records, source.crs()), reference,
        QgsCoordinateTransformContext(), options)[0]
    assert error == QgsVectorFileWriter.WriterError.NoError
    # QGIS 3.22 writes a missing point as POINT EMPTY; the plugin stores SQL NULL
    qgis_io.null_empty_geometries(reference + "|layername=analyse_logement")
    bulk = str(tmp_path / "bulk.gpkg")
    gpkg_layers.write_layers(bulk, [(records_io.records_layer([], source.crs()),
                                    "analyse_logement")], bulk=("analyse_logement", records))
    names = ", ".join('"%s"' % n for n in ["fid", "geom"] + [f[0] for f in
                                                              analyse.FIELDS])

    def rows(path):
        with sqlite3.connect(path) as connection:
            return connection.execute("SELECT %s FROM analyse_logement ORDER BY fid"
                                      % names).fetchall()
    expected = rows(reference)
    assert len(expected) == len(records) and rows(bulk) == expected
    with sqlite3.connect(bulk) as connection:
        indexed = connection.execute("SELECT count(*) FROM rtree_analyse_logement_geom"
                                     ).fetchone()[0]
        extent = connection.execute("SELECT min_x, max_x FROM gpkg_contents WHERE "
                                    "table_name = 'analyse_logement'").fetchone()
    located = [r for r in records if r["geometry"] is not None]
    assert indexed == len(located) > 0
    xs = [r["geometry"].asPoint().x() for r in located]
    assert extent == pytest.approx((min(xs), max(xs)))
