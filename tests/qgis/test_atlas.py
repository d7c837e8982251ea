"""osp:atlas: pages per scale, their text (names, the workbook's totals), PNG previews,
single or split PDFs, filters, the layout in the project, batch runs, real territories."""
import os
import re
import subprocess

import pytest
from conftest import real_territories
from test_synthese import dwellings_frame, parse_blocks, sheet_rows

SCALE_INDEX = {"cite": 0, "commune": 1, "epci": 2, "departement": 3, "bassin": 4}
KEY = {"cite": "id_cite", "commune": "idcom", "epci": "epci", "departement": "dep"}


@pytest.fixture(scope="module")
def layers(pipeline, sample_data):
    gpkg = os.path.join(str(sample_data), "territoire.gpkg")
    return {"CITES": gpkg + "|layername=cites", "COMMUNES": gpkg + "|layername=communes",
            "EPCI": gpkg + "|layername=epci", "DEPARTEMENTS": gpkg + "|layername=departements",
            "PARCELS": gpkg + "|layername=parcelles"}


def run_atlas(pipeline, layers, scale, out, **extra):
    import processing
    params = dict(layers, INPUT=pipeline["layer"], SCALE=SCALE_INDEX[scale],
                  OUTPUT_FOLDER=str(out), PNG_PREVIEW=True)
    params.update(extra)
    return processing.run("osp:atlas", params)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def not_blank(png):
    from qgis.PyQt.QtGui import QImage
    image = QImage(png)
    assert not image.isNull(), png
    colours, dark = set(), 0
    for x in range(0, image.width(), 6):
        for y in range(0, image.height(), 6):
            pixel = image.pixel(x, y)
            colours.add(pixel)
            dark += (pixel & 0xFF) < 200
    return len(colours) > 20 and dark > 200


def table_totals(text):
    """(palulos, hors, total) of the figures table's Total row."""
    match = re.search(r"Total[ \t]+(\d+)[ \t]+(\d+)[ \t]+(\d+)", text)
    return tuple(int(v) for v in match.groups())


@pytest.mark.parametrize("scale", ["cite", "commune", "epci", "departement", "bassin"])
def test_each_scale_one_page_per_entity_with_data(pipeline, layers, scale, tmp_path, artifacts):
    frame = dwellings_frame(pipeline["layer"])
    result = run_atlas(pipeline, layers, scale, tmp_path)
    pdfs = sorted(f for f in os.listdir(str(tmp_path)) if f.endswith(".pdf"))
    expected = 1 if scale == "bassin" else frame[KEY[scale]].dropna().nunique()
    assert len(pdfs) == result["N_PAGES"] == expected
    palulos = frame["type_palu"].isin(["Groupé", "Isolé"])
    for name in pdfs:
        text = pdf_text(str(tmp_path / name))
        if scale == "bassin":
            members = frame
            assert "Bassin minier" in text
        else:
            code = re.match(r"%s_([^_.]+)" % scale, name).group(1)
            values = frame[KEY[scale]].astype(str).str.replace(r"\.0$", "", regex=True)
            members = frame[values == code]
            assert len(members) > 0, name
            title = text.strip().splitlines()[0]
            assert code in title or scale == "cite"
        assert "Logements réhabilités : %d" % len(members) in text
        assert table_totals(text) == (int(palulos[members.index].sum()),
                                      int((~palulos[members.index]).sum()), len(members))
        assert "dont non géolocalisés : %d" % int(members["geoloc_source"].isna().sum()) in text
        assert "Source : bailleurs, DDTM 59/62" in text
        # one entity per file: no « Page k / n » that would suggest missing pages
        assert not re.search(r"Page \d+ / \d+", text)
        # the scale bar writes numbers the French way (« 0,5 km », never « 0.5 »)
        assert not re.search(r"\b\d+\.\d+\b", text.split("Source")[-1])
        png = str(tmp_path / name.replace(".pdf", ".png"))
        assert not_blank(png), png
    first = str(tmp_path / pdfs[0]).replace(".pdf", ".png")
    os.replace(first, os.path.join(artifacts, "atlas_%s_%s" % (scale, os.path.basename(first))))


def test_figures_equal_the_workbook(pipeline, layers, tmp_path):
    import processing
    run_atlas(pipeline, layers, "epci", tmp_path / "atlas", PNG_PREVIEW=False)
    workbook = str(tmp_path / "osp.xlsx")
    processing.run("osp:synthese", {"INPUT": pipeline["layer"], "OUTPUT_XLSX": workbook})
    block = parse_blocks(sheet_rows(workbook, "Synthèses"))["Analyse par EPCI"]
    for name in os.listdir(str(tmp_path / "atlas")):
        code = name[len("epci_"):-len(".pdf")]
        cells = block[code]
        assert table_totals(pdf_text(str(tmp_path / "atlas" / name))) == (
            cells[("Palulos (groupé & isolé)", "Total")], cells[("Hors Palulos", "Total")],
            cells[("Palulos (groupé & isolé)", "Total")] + cells[("Hors Palulos", "Total")])


def test_single_pdf_filter_bailleur_and_layout_in_project(pipeline, layers, tmp_path):
    from qgis.core import QgsProject
    frame = dwellings_frame(pipeline["layer"])
    pdf = str(tmp_path / "communes.pdf")
    result = run_atlas(pipeline, layers, "commune", tmp_path / "x", SPLIT=False, OUTPUT_PDF=pdf,
                       PNG_PREVIEW=False, BAILLEUR="SIA")
    sia = frame[frame["bailleur"] == "SIA"]
    assert pdf_pages(pdf) == result["N_PAGES"] == sia["idcom"].nunique()
    text = pdf_text(pdf)
    assert "Page %d / %d" % (result["N_PAGES"], result["N_PAGES"]) in text
    result = run_atlas(pipeline, layers, "epci", tmp_path / "f", FILTER="\"sigle\" = 'CALL'",
                       PNG_PREVIEW=False)
    assert os.listdir(str(tmp_path / "f")) == ["epci_CALL.pdf"] and result["N_PAGES"] == 1
    layout = QgsProject.instance().layoutManager().layoutByName("OSP – Atlas epci")
    assert layout is not None and layout.atlas().enabled()
    assert layout.atlas().coverageLayer().featureCount() == 1
    assert layout.itemById("carte").atlasDriven()


def test_a3_and_own_template(pipeline, layers, tmp_path):
    from osp_qgis.reference import resource_path
    run_atlas(pipeline, layers, "departement", tmp_path / "a3", PAGE=1, PNG_PREVIEW=False)
    for name in os.listdir(str(tmp_path / "a3")):
        info = subprocess.run(["pdfinfo", str(tmp_path / "a3" / name)], capture_output=True,
                              text=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert abs(width - 1190.5) < 3 and abs(height - 842) < 3   # A3 landscape, points
    custom = str(tmp_path / "mine.qpt")
    with open(resource_path("layouts", "atlas_a4.qpt"), encoding="utf-8") as handle:
        text = handle.read().replace("Logements réhabilités : ", "Logements rénovés : ")
    with open(custom, "w", encoding="utf-8") as handle:
        handle.write(text)
    run_atlas(pipeline, layers, "departement", tmp_path / "own", TEMPLATE=custom,
              PNG_PREVIEW=False)
    assert all("Logements rénovés" in pdf_text(str(tmp_path / "own" / n))
               for n in os.listdir(str(tmp_path / "own")))


def test_missing_coverage_layer_is_a_french_error(pipeline, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="demande la couche"):
        processing.run("osp:atlas", {"INPUT": pipeline["layer"], "SCALE": 0,
                                     "OUTPUT_FOLDER": str(tmp_path)})


def test_qgis_process_batch_prints_one_pdf_per_epci(pipeline, layers, tmp_path):
    from test_qgis_process import install_profile, qgis_process
    profile = tmp_path / "profile"
    install_profile.install(str(profile))
    out = tmp_path / "atlas"
    done = qgis_process(profile, "run", "osp:atlas", "--", "INPUT=" + pipeline["layer"],
                        "SCALE=2", "EPCI=" + layers["EPCI"], "OUTPUT_FOLDER=%s" % out)
    assert done.returncode == 0, done.stdout + done.stderr
    frame = dwellings_frame(pipeline["layer"])
    assert sorted(os.listdir(str(out))) == sorted("epci_%s.pdf" % e
                                                  for e in frame["epci"].dropna().unique())


def test_real_bassin_minier_epci_and_cites(qgis_app, tmp_path, artifacts):
    """Dwellings drawn at random inside the 59 real ERBM cités, enriched against the real
    communes, EPCI and cités, then printed at EPCI and cité scale."""
    import processing
    from qgis.core import QgsFeature, QgsVectorLayer
    cites, communes, epci = real_territories()
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=ident_rep:string&field=bailleur:string"
                           "&field=type_palu:string&field=annee_financ:integer"
                           "&field=geoloc_source:string", "l", "memory")
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
    to_l93 = QgsCoordinateTransform(cites.crs(), QgsCoordinateReferenceSystem("EPSG:2154"),
                                    QgsProject.instance())
    features, n = [], 0
    for cite in cites.getFeatures():
        geometry = cite.geometry()
        geometry.transform(to_l93)
        for point in geometry.randomPointsInPolygon(6, seed=cite["id_lsm"]):
            f = QgsFeature(layer.fields())
            n += 1
            f.setAttributes(["%010d" % n, "M&C" if n % 3 else "SIA",
                             ("Groupé", "Isolé", "Hors")[n % 3], 2018 + n % 4, "parcelle"])
            from qgis.core import QgsGeometry
            f.setGeometry(QgsGeometry.fromPointXY(point))
            features.append(f)
    layer.dataProvider().addFeatures(features)
    gpkg = str(tmp_path / "bassin.gpkg")
    processing.run("osp:analyselogement", {"INPUT": layer, "COMMUNES": communes, "EPCI": epci,
                                           "CITES": cites, "OUTPUT": gpkg})
    uri = gpkg + "|layername=analyse_logement"
    result = processing.run("osp:atlas", {"INPUT": uri, "SCALE": 2, "EPCI": epci,
                                          "CITES": cites, "COMMUNES": communes,
                                          "OUTPUT_FOLDER": str(tmp_path / "epci"),
                                          "PNG_PREVIEW": True, "STYLE_BY": 1})
    names = sorted(os.listdir(str(tmp_path / "epci")))
    assert "epci_CALL.pdf" in names and result["N_PAGES"] >= 7
    assert "CA de Lens - Liévin (CALL)" in pdf_text(str(tmp_path / "epci" / "epci_CALL.pdf"))
    for name in ("epci_CALL.png", "epci_CAPH.png"):
        assert not_blank(str(tmp_path / "epci" / name))
        os.replace(str(tmp_path / "epci" / name), os.path.join(artifacts, "atlas_reel_" + name))
    two = [c["id_lsm"] for c in cites.getFeatures()][:2]
    result = processing.run("osp:atlas", {"INPUT": uri, "SCALE": 0, "CITES": cites,
                                          "FILTER": "\"id_lsm\" IN (%d, %d)" % tuple(two),
                                          "OUTPUT_FOLDER": str(tmp_path / "cites"),
                                          "PNG_PREVIEW": True})
    pngs = sorted(f for f in os.listdir(str(tmp_path / "cites")) if f.endswith(".png"))
    assert result["N_PAGES"] == 2 and len(pngs) == 2
    for name in pngs:
        assert not_blank(str(tmp_path / "cites" / name))
        os.replace(str(tmp_path / "cites" / name), os.path.join(artifacts, "atlas_reel_" + name))


def test_project_algorithms_run_in_the_main_thread(qgis_app):
    from qgis.core import QgsApplication, QgsProcessingAlgorithm
    registry = QgsApplication.processingRegistry()
    for name, main_thread in (("osp:atlas", True), ("osp:appliquerformulaire", True),
                              ("osp:joinbailleurparcelles", False), ("osp:synthese", False)):
        flags = registry.algorithmById(name).flags()
        assert bool(flags & QgsProcessingAlgorithm.FlagNoThreading) == main_thread, name
    assert registry.algorithmById("osp:atlas").group() == "5. Cartes et atlas"
    assert registry.algorithmById("osp:synthese").group() == "4. Synthèses et indicateurs"


def test_map_furniture_stays_off_the_map_and_the_locator_shows_context(pipeline, layers,
                                                                        tmp_path, artifacts):
    """North arrow and scale bar under the map frame; the Bassin page's locator shows the
    départements (not an empty frame), the cité page's the communes around the cité."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtGui import QImage
    for scale in ("bassin", "cite"):
        run_atlas(pipeline, layers, scale, tmp_path / scale)
        layout = QgsProject.instance().layoutManager().layoutByName("OSP – Atlas %s" % scale)
        carte = layout.itemById("carte").sceneBoundingRect()
        for ident in ("nord", "echelle"):
            item = layout.itemById(ident).sceneBoundingRect()
            assert not item.intersects(carte), ident
        apercu = layout.itemById("apercu")
        names = [l.name() for l in apercu.layers()]
        assert len(names) >= 2, names                       # the entity and its context
        png = sorted(f for f in os.listdir(str(tmp_path / scale)) if f.endswith(".png"))[0]
        image = QImage(str(tmp_path / scale / png))
        box = apercu.sceneBoundingRect()
        k = image.width() / layout.pageCollection().page(0).rect().width()
        colours = {image.pixel(int(x * k), int(y * k))
                   for x in range(int(box.left()) + 2, int(box.right()) - 2)
                   for y in range(int(box.top()) + 2, int(box.bottom()) - 2)}
        assert len(colours) > 6, scale                       # not one flat pink box
        image.save(os.path.join(artifacts, "atlas_situation_%s.png" % scale))


def test_entities_whose_names_collide_get_distinct_files(pipeline, tmp_path):
    """« A/B » and « A:B » both reduce to epci_A_B: each gets its own file, none leaves the
    folder (« ../.. » in a name)."""
    import processing
    from qgis.core import QgsFeature, QgsRectangle, QgsVectorLayer
    source = QgsVectorLayer(pipeline["layer"], "l", "ogr")
    extent = source.extent()
    epci = QgsVectorLayer("MultiPolygon?crs=%s&field=sigle:string&field=nom:string"
                          % source.crs().authid(), "epci", "memory")
    codes = ["A/B", "A:B", "../../evil"]
    features = []
    width = extent.width() / 3
    from qgis.core import QgsGeometry
    for i, code in enumerate(codes):
        f = QgsFeature(epci.fields())
        f.setAttributes([code, "EPCI %d" % i])
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(
            extent.xMinimum() + i * width, extent.yMinimum(),
            extent.xMinimum() + (i + 1) * width, extent.yMaximum())))
        features.append(f)
    epci.dataProvider().addFeatures(features)
    out = tmp_path / "atlas"
    result = processing.run("osp:atlas", {"INPUT": pipeline["layer"], "SCALE": "epci",
                                          "EPCI": epci, "FILTER": "true",
                                          "OUTPUT_FOLDER": str(out)})
    pdfs = sorted(f for f in os.listdir(str(out)) if f.endswith(".pdf"))
    assert result["N_PAGES"] == len(pdfs) == 3
    assert os.listdir(str(tmp_path)) == ["atlas"]
