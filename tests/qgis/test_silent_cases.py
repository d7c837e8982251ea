"""Issue 26, point 5: what was silent is said — a CSV row shorter than its header (a line cut
by a line break inside a cell), a parcel whose contour crosses itself (« bow-tie »), in every
way the join reads parcels (SQL on the GeoPackage, QGIS's provider, SQL on PostGIS); a
year range that no workbook can hold; a stray cell in column XFD."""
import csv
import os

import pytest
from test_join_postgis import export, pg_uri

VALID = "62498000AB0001"
BOWTIE = "62498000AB0002"


def run(algorithm, params):
    import processing
    return processing.run(algorithm, params)


def anomalies(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def parcels(qgis_app, tmp_path_factory):
    """Two parcels of Lens: a square, and a « bow-tie » whose contour crosses itself."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProject, QgsVectorFileWriter, QgsVectorLayer

    from osp_erbm.processing_algs.common import qt_compat
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154", "parcelles", "memory")
    layer.dataProvider().addAttributes([QgsField("idpar", qt_compat.STRING)])
    layer.updateFields()
    features = []
    for idpar, wkt in ((VALID, "POLYGON((686000 7033000,686040 7033000,686040 7033040,"
                               "686000 7033040,686000 7033000))"),
                       (BOWTIE, "POLYGON((686100 7033000,686140 7033040,686140 7033000,"
                                "686100 7033040,686100 7033000))")):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([idpar])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    path = str(tmp_path_factory.mktemp("parcelles") / "parcelles.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "parcelles"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance()
                                              .transformContext(), options)
    return path + "|layername=parcelles"


def _sheet(tmp_path):
    path = tmp_path / "bailleur.csv"
    path.write_text("RPLS;Parcelle;Commune;Bailleur;Adresse;Observations\n"
                    "0000000001;%s;62498;SIA;1 rue A;\n"
                    "0000000002;%s;62498;SIA;2 rue B;\n"
                    "0000000003;%s;62498;SIA;3 rue\n"
                    "C;ok\n" % (VALID, BOWTIE, VALID), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("plan", ["spatialite", "fournisseur"])
def test_cut_rows_and_bow_tie_parcels_are_anomalies(parcels, tmp_path, monkeypatch, plan):
    if plan == "fournisseur":
        monkeypatch.setenv("OSP_PLAN", "fournisseur")
    result = run("osp:joinbailleurparcelles", {
        "INPUT": _sheet(tmp_path), "PARCELS": parcels, "OUTPUT": str(tmp_path / "o.gpkg"),
        "ANOMALIES": str(tmp_path / "a.csv")})
    rows = anomalies(str(tmp_path / "a.csv"))
    found = sorted((int(r["ligne"]), r["motif"]) for r in rows)
    assert (3, "geometrie_parcelle_invalide") in found
    assert (4, "ligne_incomplete") in found
    bowtie = next(r for r in rows if r["motif"] == "geometrie_parcelle_invalide")
    assert BOWTIE in bowtie["detail"] and "n'est pas valide" in bowtie["detail"]
    assert result["N_LOCATED"] == 3           # still placed, and said


def test_bow_tie_parcels_on_postgis(parcels, postgis, tmp_path):
    from qgis.core import QgsVectorLayer
    export(QgsVectorLayer(parcels, "p", "ogr"), pg_uri(postgis, "parcelles_noeud"))
    layer = QgsVectorLayer(pg_uri(postgis, "parcelles_noeud"), "parcelles", "postgres")
    assert layer.isValid()
    run("osp:joinbailleurparcelles", {"INPUT": _sheet(tmp_path), "PARCELS": layer,
                                      "OUTPUT": str(tmp_path / "o.gpkg"),
                                      "ANOMALIES": str(tmp_path / "a.csv")})
    motifs = [r["motif"] for r in anomalies(str(tmp_path / "a.csv"))]
    assert "geometrie_parcelle_invalide" in motifs


def test_years_no_workbook_can_hold_are_refused_in_french(pipeline, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="Années 2016 à 40000 refusées"):
        run("osp:synthese", {"INPUT": pipeline["layer"], "YEARS": "2016,40000",
                             "OUTPUT_XLSX": str(tmp_path / "s.xlsx")})
    assert not os.path.exists(str(tmp_path / "s.xlsx"))


def test_a_stray_cell_in_column_xfd_is_not_a_column(sample_data, tmp_path):
    import openpyxl
    sample = str(sample_data)
    book = openpyxl.load_workbook(os.path.join(sample, "bailleurs",
                                               "mc_logements_rehabilites.xlsx"))
    book.active.cell(row=1, column=16384, value="x")
    path = str(tmp_path / "xfd.xlsx")
    book.save(path)
    result = run("osp:joinbailleurparcelles", {
        "INPUT": path, "PARCELS": os.path.join(sample, "territoire.gpkg") +
        "|layername=parcelles", "OUTPUT": str(tmp_path / "o.gpkg"),
        "ANOMALIES": str(tmp_path / "a.csv")})
    assert result["N_ROWS"] > 100
    with open(str(tmp_path / "a.csv"), encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert len(header) < 60


def test_a_folder_given_for_a_file_is_refused_in_french(sample_data, tmp_path):
    from qgis.core import QgsProcessingException
    sample = str(sample_data)
    folder = tmp_path / "dossier.csv"
    folder.mkdir()
    parcels = os.path.join(sample, "territoire.gpkg") + "|layername=parcelles"
    sheet = os.path.join(sample, "bailleurs", "sia_logements.csv")
    for params in ({"INPUT": str(tmp_path), "OUTPUT": str(tmp_path / "o.gpkg"),
                    "ANOMALIES": str(tmp_path / "a.csv")},
                   {"INPUT": sheet, "OUTPUT": str(tmp_path / "o.gpkg"),
                    "ANOMALIES": str(folder)},
                   {"INPUT": sheet, "OUTPUT": str(tmp_path), "ANOMALIES": str(tmp_path / "b.csv")}):
        with pytest.raises(QgsProcessingException, match="est un dossier"):
            run("osp:joinbailleurparcelles", dict(params, PARCELS=parcels))
    assert sorted(os.listdir(str(tmp_path))) == ["dossier.csv"]
    assert not os.path.exists(str(tmp_path) + ".gpkg")


def test_a_utf16_fichiers_fonciers_extract_is_accepted_as_locaux(pipeline, sample_data,
                                                                  tmp_path):
    """Issue 26, point 6: QGIS cannot open a UTF-16 CSV, the plugin reads it: LOCAUX takes
    it (cross-check and join), with the same figures as the UTF-8 extract."""
    sample = str(sample_data)
    source = os.path.join(sample, "pb0010_local.csv")
    with open(source, encoding="utf-8") as handle:
        text = handle.read()
    utf16 = str(tmp_path / "pb0010_local_utf16.csv")
    with open(utf16, "w", encoding="utf-16") as handle:
        handle.write(text)
    from qgis.core import QgsVectorLayer
    assert not QgsVectorLayer(utf16, "l", "ogr").isValid() or \
        QgsVectorLayer(utf16, "l", "ogr").featureCount() <= 0
    gpkg = os.path.join(sample, "territoire.gpkg")
    figures = []
    for locaux in (source, utf16):
        out = tmp_path / os.path.basename(locaux).replace(".csv", "")
        out.mkdir()
        result = run("osp:croisement_ff", {
            "LOCAUX": locaux, "INPUT": pipeline["layer"], "PARCELS": gpkg + "|layername=parcelles",
            "MISSING": str(out / "m.gpkg"), "PARCEL_COMPARISON": str(out / "p.gpkg"),
            "INDICATORS": str(out / "i.gpkg")})
        joined = run("osp:joinbailleurparcelles", {
            "INPUT": os.path.join(sample, "bailleurs", "sia_logements.csv"),
            "PARCELS": gpkg + "|layername=parcelles", "LOCAUX": locaux,
            "OUTPUT": str(out / "j.gpkg"), "ANOMALIES": str(out / "a.csv")})
        figures.append((result["N_LOCAUX"], result["N_MISSING"], joined["N_LOCATED"]))
    assert figures[0] == figures[1] and figures[0][0] > 0


def test_the_join_finds_real_addresses_with_the_typos_landlords_make(parcels, tmp_path):
    """Issue 26, point 8: one address matcher. Real Bondy addresses written as landlords
    write them (a letter missing, doubled or swapped, street type abbreviated): the join's
    ADDRESSES fallback finds each on its BAN point, with the level and the score."""
    import random

    import pandas as pd
    from conftest import shared_path
    from qgis.core import QgsVectorLayer
    ban_path = shared_path("adresses", "ban_adresses_93010.csv")
    raw = pd.read_csv(ban_path, dtype=str, keep_default_na=False)
    raw = raw[(raw["rep"] == "") & (raw["nom_voie"].str.len() > 12)]
    raw = raw.drop_duplicates(["numero", "nom_voie"], keep=False)
    streets = raw.groupby("nom_voie").head(1).sample(n=25, random_state=93)
    rng = random.Random(93)

    def typo(name):
        first, _, rest = name.partition(" ")
        position = rng.randrange(len(first) + 2, len(name) - 2)
        change = rng.choice(("drop", "double", "swap"))
        if change == "drop":
            name = name[:position] + name[position + 1:]
        elif change == "double":
            name = name[:position] + name[position] + name[position:]
        else:
            name = name[:position] + name[position + 1] + name[position] + name[position + 2:]
        return {"Rue": "R.", "Avenue": "Av.", "Allée": "All."}.get(first, first) + \
            name[len(first):]

    lines = ["RPLS;Commune;Numéro;Voie;Bailleur"]
    expected = {}
    for n, row in enumerate(streets.itertuples(index=False), start=1):
        lines.append("%010d;93010;%s;%s;SIA" % (n, row.numero, typo(row.nom_voie)))
        expected[n + 1] = (float(row.x), float(row.y))
    sheet = tmp_path / "bailleur_bondy.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clean = tmp_path / "ban.csv"
    raw[["numero", "rep", "nom_voie", "code_insee", "x", "y"]].to_csv(clean, index=False)
    addresses = QgsVectorLayer("file://%s?delimiter=,&xField=x&yField=y&crs=EPSG:2154"
                               % clean, "adresses", "delimitedtext")
    assert addresses.isValid()
    result = run("osp:joinbailleurparcelles", {
        "INPUT": str(sheet), "PARCELS": parcels, "ADDRESSES": addresses,
        "OUTPUT": str(tmp_path / "o.gpkg"), "ANOMALIES": str(tmp_path / "a.csv")})
    assert result["N_LOCATED"] == len(expected)
    layer = QgsVectorLayer(str(tmp_path / "o.gpkg"), "o", "ogr")
    scores = []
    for feature in layer.getFeatures():
        x, y = expected[feature["ligne_source"]]
        point = feature.geometry().asPoint()
        assert abs(point.x() - x) < 1 and abs(point.y() - y) < 1, feature["ligne_source"]
        assert feature["geoloc_source"] == "adresse"
        assert feature["geoloc_precision"] == "numero"
        assert 0.85 <= feature["geoloc_score"] <= 1.0
        scores.append(feature["geoloc_score"])
    assert sum(1 for s in scores if s < 1.0) >= 20   # the typos were found, not exact keys
