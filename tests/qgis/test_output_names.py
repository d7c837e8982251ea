"""Issue 26, points 1 and 2: every output path QGIS accepts works — dots in the stem (dates
« 2021.12 », « export.csv.gpkg »), spaces, accents, apostrophes, parentheses, a folder whose
name has a dot — for every algorithm that writes files, and an analyse table named « analyse
2021 » or « analyse d'été » (new and updated). Each output is read back and counted."""
import os
import sqlite3

import pytest

AWKWARD = "sorties.v2 (copie d'été)"


def run(algorithm, params):
    import processing
    return processing.run(algorithm, params)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("noms") / AWKWARD
    path.mkdir()
    return path


def features(uri):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(uri, "relue", "ogr")
    assert layer.isValid(), uri
    return layer.featureCount()


def gpkg_tables(path):
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}


@pytest.mark.parametrize("name", ["logements_2021.12.gpkg", "export.csv.gpkg",
                                  "Lévin d'été (v2).gpkg"])
def test_join_writes_any_name(sample_data, qgis_app, folder, name):
    sample = str(sample_data)
    out = str(folder / name)
    anomalies = str(folder / ("anomalies %s.v1.csv" % name[:-5]))
    result = run("osp:joinbailleurparcelles", {
        "INPUT": os.path.join(sample, "bailleurs", "sia_logements.csv"),
        "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
        "OUTPUT": out, "ANOMALIES": anomalies})
    assert features(out) == result["N_LOCATED"] + result["N_NOT_LOCATED"] > 0
    with open(anomalies, encoding="utf-8") as handle:
        assert handle.readline().startswith("ligne")


@pytest.mark.parametrize("table", ["analyse 2021", "analyse d'été", "analyse.2021.12"])
def test_analyse_table_named_by_the_user_new_and_updated(pipeline, sample_data, folder,
                                                         table):
    out = str(folder / ("analyse.%s.gpkg" % abs(hash(table))))
    params = {"INPUT": pipeline["layer"], "COMMUNES": os.path.join(
        str(sample_data), "territoire.gpkg") + "|layername=communes",
        "OUTPUT": "%s|layername=%s" % (out, table), "ANOMALIES": str(folder / "t.2021.csv")}
    first = run("osp:analyselogement", params)
    assert table in gpkg_tables(out)
    assert features("%s|layername=%s" % (out, table)) == first["N_DWELLINGS"]
    params["UPDATE_EXISTING"] = True
    again = run("osp:analyselogement", params)
    assert again["N_DWELLINGS"] == first["N_DWELLINGS"] and again["N_ADDED"] == 0


def test_analyse_layer_file_with_dots(pipeline, sample_data, folder):
    out = str(folder / "osp_erbm.2021.12.gpkg")
    result = run("osp:analyselogement", {"INPUT": pipeline["layer"], "OUTPUT": out})
    assert features(out + "|layername=analyse_logement") == result["N_DWELLINGS"]


def test_fichiers_fonciers_outputs_with_dots(pipeline, sample_data, folder):
    sample = str(sample_data)
    gpkg = os.path.join(sample, "territoire.gpkg")
    outs = {name: str(folder / ("%s.2021.12.gpkg" % name.lower()))
            for name in ("MISSING", "PARCEL_COMPARISON", "INDICATORS")}
    result = run("osp:croisement_ff", dict(outs, LOCAUX=os.path.join(sample, "pb0010_local.csv"),
                                           INPUT=pipeline["layer"],
                                           PARCELS=gpkg + "|layername=parcelles",
                                           COMMUNES=gpkg + "|layername=communes"))
    assert features(outs["MISSING"]) == result["N_MISSING"]
    for name in ("PARCEL_COMPARISON", "INDICATORS"):
        assert features(outs[name]) > 0, name


def test_workbook_report_atlas_with_dots(pipeline, sample_data, folder):
    xlsx, html = str(folder / "OSP_synthese.2021.12.xlsx"), str(folder / "rapport v1.0.html")
    run("osp:synthese", {"INPUT": pipeline["layer"], "OUTPUT_XLSX": xlsx, "OUTPUT_HTML": html})
    import openpyxl
    assert "Synthèses" in openpyxl.load_workbook(xlsx, read_only=True).sheetnames
    assert os.path.getsize(html) > 1000
    gpkg = os.path.join(str(sample_data), "territoire.gpkg")
    atlas = folder / "atlas.2021 (EPCI)"
    result = run("osp:atlas", {"INPUT": pipeline["layer"], "SCALE": "epci",
                               "EPCI": gpkg + "|layername=epci", "OUTPUT_FOLDER": str(atlas)})
    assert len([f for f in os.listdir(str(atlas)) if f.endswith(".pdf")]) == result["N_PAGES"]
    single = str(folder / "atlas bassin.2021.12.pdf")
    run("osp:atlas", {"INPUT": pipeline["layer"], "SCALE": "epci", "SPLIT": False,
                      "EPCI": gpkg + "|layername=epci", "OUTPUT_PDF": single})
    with open(single, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_programmation_outputs_with_dots(sample_data, folder):
    import shutil
    sample = str(sample_data)
    gpkg = str(folder / "programmation.2021.12.gpkg")
    shutil.copyfile(os.path.join(sample, "programmation", "programmation.gpkg"), gpkg)
    init = run("osp:programmation_init", {"OUTPUT": gpkg})
    assert init["N_OPERATIONS"] > 0
    books = folder / "classeurs.2021 (v1)"
    written = run("osp:programmation_formulaires", {"OPERATIONS": gpkg, "ANNEE": 2021,
                                                    "OUTPUT_FOLDER": str(books)})
    assert len(os.listdir(str(books))) == written["N_WORKBOOKS"] > 0
    recap = str(folder / "recap.2021.12.xlsx")
    pdfs = folder / "pdf.2021"
    result = run("osp:programmation_recap", {"OPERATIONS": gpkg, "ANNEE": 2021,
                                             "OUTPUT_XLSX": recap, "OUTPUT_FOLDER": str(pdfs)})
    assert len(os.listdir(str(pdfs))) == result["N_PDF"]
    anomalies = str(folder / "anomalies.import.2021.12.csv")
    run("osp:programmation_import", {"INPUT": os.path.join(str(books), sorted(
        os.listdir(str(books)))[0]), "OPERATIONS": gpkg, "ANOMALIES": anomalies})
    assert os.path.exists(anomalies)


def test_social_stock_outputs_with_dots(sample_data, folder):
    sample = str(sample_data)
    rpls = os.path.join(sample, "parc_social", "rpls_bassin.csv")
    geo = str(folder / "rpls.geo.2024.gpkg")
    located = run("osp:geocoder_rpls", {"INPUT": rpls, "OUTPUT": geo, "ADDRESSES": os.path.join(
        sample, "parc_social", "adresses_ban.csv")})
    assert features(geo) == located["N_ROWS"]
    out, book = str(folder / "parc.social.2024.gpkg"), str(folder / "parc social.2024.xlsx")
    run("osp:indicateurs_parc_social", {"RPLS": rpls, "OUTPUT": out, "WORKBOOK": book,
                                        "COMMUNES": os.path.join(sample, "territoire.gpkg")
                                        + "|layername=communes"})
    assert {"communes", "epci"} <= gpkg_tables(out)
    fiches = folder / "fiches.2024 (EPCI)"
    done = run("osp:fiche_territoire", {"INPUT": out + "|layername=epci",
                                        "OUTPUT_FOLDER": str(fiches)})
    assert len([f for f in os.listdir(str(fiches)) if f.endswith(".pdf")]) == done["N_PAGES"]


# -- issue 26, point 3: no algorithm ever reaches QGIS's « overwrite style? » dialog ----------
def _qgis_process(profile, algorithm, timeout=240, **params):
    import subprocess
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    args = ["qgis_process.bin", "run", algorithm, "--"] + ["%s=%s" % kv for kv in params.items()]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)


def _lock_styles(gpkg):
    """A trigger refuses every deletion from layer_styles (as a full disk or a protected
    table would): QGIS would then ask « overwrite? » in a modal box."""
    with sqlite3.connect(gpkg) as db:
        db.execute("CREATE TRIGGER garder_styles BEFORE DELETE ON layer_styles BEGIN "
                   "SELECT RAISE(ABORT, 'styles protégés'); END")


def test_a_style_that_cannot_be_replaced_fails_in_french_without_hanging(pipeline, sample_data,
                                                                       tmp_path):
    import shutil

    import install_profile
    profile = tmp_path / "profil"
    install_profile.install(str(profile))
    sample = str(sample_data)
    analyse = str(tmp_path / "analyse.gpkg")
    run("osp:analyselogement", {"INPUT": pipeline["layer"], "OUTPUT": analyse})
    programmation = str(tmp_path / "programmation.gpkg")
    shutil.copyfile(os.path.join(sample, "programmation", "programmation.gpkg"), programmation)
    run("osp:programmation_init", {"OUTPUT": programmation})
    books = tmp_path / "classeurs"
    run("osp:programmation_formulaires", {"OPERATIONS": programmation, "ANNEE": 2021,
                                          "PARTNER": "SIA", "OUTPUT_FOLDER": str(books)})
    book = str(books / "programmation_2021_bailleur_SIA.xlsx")
    import sample_programmation
    sample_programmation.edit_partner_workbook(book)
    for gpkg in (analyse, programmation):
        _lock_styles(gpkg)
    with open(analyse, "rb") as handle:
        before = {analyse: handle.read()}
    with open(programmation, "rb") as handle:
        before[programmation] = handle.read()
    runs = [("osp:analyselogement", {"INPUT": pipeline["layer"], "OUTPUT": analyse,
                                     "UPDATE_EXISTING": "true"}),
            ("osp:programmation_init", {"OUTPUT": programmation}),
            ("osp:programmation_import", {"INPUT": book, "OPERATIONS": programmation,
                                          "ANOMALIES": str(tmp_path / "a.csv")})]
    for algorithm, params in runs:
        done = _qgis_process(profile, algorithm, **params)      # a hang would time out
        text = done.stdout + done.stderr
        assert done.returncode != 0, algorithm
        assert "n'ont pas pu être supprimés" in text and "Traceback" not in text, algorithm
    for gpkg, content in before.items():
        with open(gpkg, "rb") as handle:
            assert handle.read() == content, gpkg
    assert not [f for f in os.listdir(str(tmp_path)) if ".tmp." in f]


# -- issue 26, points 4 and 17: one file per partner, French numbers, a total per partner ----
def test_partners_with_the_same_safe_name_get_two_pdfs(qgis_app, sample_data, tmp_path):
    import shutil
    import subprocess
    gpkg = str(tmp_path / "programmation.gpkg")
    shutil.copyfile(os.path.join(str(sample_data), "programmation", "programmation.gpkg"), gpkg)
    with sqlite3.connect(gpkg) as db:
        ids = [r[0] for r in db.execute("SELECT id_op FROM operations WHERE annee_prog = 2021 "
                                        "ORDER BY id_op LIMIT 2")]
    from osgeo import ogr  # GDAL's GeoPackage functions for the spatial index triggers
    dataset = ogr.Open(gpkg, 1)
    for id_op, epci in zip(ids, ("A/B", "A:B")):
        dataset.ExecuteSQL("UPDATE operations SET epci = '%s' WHERE id_op = %d" % (epci, id_op))
    dataset = None
    folder = tmp_path / "pdf"
    result = run("osp:programmation_recap", {"OPERATIONS": gpkg, "ANNEE": 2021,
                                             "OUTPUT_XLSX": str(tmp_path / "r.xlsx"),
                                             "OUTPUT_FOLDER": str(folder)})
    names = sorted(os.listdir(str(folder)))
    assert len(names) == result["N_PDF"]
    assert {"epci_A_B_2021.pdf", "epci_A_B_2021_2.pdf"} <= set(names)
    texts = [subprocess.run(["pdftotext", "-layout", str(folder / n), "-"],
                            capture_output=True, text=True).stdout
             for n in ("epci_A_B_2021.pdf", "epci_A_B_2021_2.pdf")]
    assert sorted(t.split("\n")[0].strip() for t in texts) == \
        ["Programmation 2021 – A/B", "Programmation 2021 – A:B"]
    landlord = subprocess.run(["pdftotext", "-layout", str(folder / "bailleur_MC_2021.pdf"),
                               "-"], capture_output=True, text=True).stdout
    assert "TOTAL Maisons & Cités" in landlord
