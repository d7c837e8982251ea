"""Bad and hostile files (tests/corpus/hostile.py): each gets row-level anomalies or a
clear French error, nothing is lost, nothing half-written, no formula in an output,
never a traceback."""
import csv
import os
import re
import subprocess
import sys
import zipfile

import pytest
from conftest import REPO

sys.path.insert(0, os.path.join(REPO, "tests", "corpus"))
import hostile

SECRET = "contenu-secret-qui-ne-doit-pas-sortir"


@pytest.fixture(scope="module")
def corpus(qgis_app, sample_data, tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    secret = folder / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    paths = hostile.build(str(folder), str(sample_data))
    paths["external_entity"] = hostile.external_entity(str(folder), str(sample_data),
                                                       str(secret))
    return paths


def join(sample_data, path, out, **extra):
    import processing
    params = {"INPUT": path,
              "PARCELS": os.path.join(str(sample_data), "territoire.gpkg") + "|layername=parcelles",
              "LOCAUX": os.path.join(str(sample_data), "pb0010_local.csv"),
              "OUTPUT": str(out / "logements.gpkg"), "ANOMALIES": str(out / "anomalies.csv")}
    params.update(extra)
    return processing.run("osp:joinbailleurparcelles", params)


def refused(sample_data, path, out, match):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match=match) as error:
        join(sample_data, path, out)
    assert "Traceback" not in str(error.value)
    assert not [n for n in os.listdir(str(out)) if not n.startswith(".")], "sortie partielle"
    return str(error.value)


def dwellings(out):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(str(out / "logements.gpkg"), "l", "ogr")
    names = layer.fields().names()
    return [dict(zip(names, [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
                             for v in f.attributes()])) for f in layer.getFeatures()]


def anomalies(out):
    with open(str(out / "anomalies.csv"), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_utf16_unicode_text_is_read_like_its_csv_twin(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["utf16_unicode_text"], tmp_path)
    expected = hostile.sample_rows(str(sample_data))
    assert result["N_ROWS"] == result["N_LOCATED"] == len(expected)
    assert sorted(d["ident_rep"] for d in dwellings(tmp_path)) == \
        sorted(t["ident_rep"] for t in expected)


def test_a_field_of_200_kilobytes_is_kept_whole(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["huge_field"], tmp_path)
    assert result["N_ROWS"] == 8
    lengths = sorted(len(d["commentaire"]) for d in dwellings(tmp_path))
    assert lengths[-1] == 200000 and lengths[0] == 2


def test_ids_that_lost_digits_are_anomalies_never_invented_ids(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["scientific_ids"], tmp_path)
    out = dwellings(tmp_path)
    rpls = [d["ident_rep"] for d in out]
    assert result["N_ROWS"] == 8 and result["N_DUPLICATES"] == 0
    assert rpls.count("0044619200") == 1          # the real dwelling is not a « doublon »
    assert "0044619057" in rpls                    # all digits kept: a valid id
    assert not {d["idlocal"] for d in out} & {"912161000000"}
    truncated = [a for a in anomalies(tmp_path) if a["motif"] == "identifiant_tronque"]
    assert sorted(int(a["ligne"]) for a in truncated) == [6, 9]
    assert all("notation scientifique" in a["detail"] for a in truncated)
    by_line = {d["ligne_source"]: d for d in out}
    assert by_line[6]["ident_rep"] is None and by_line[6]["num_rpls_ini"] == "4.46192E+07"


def test_full_width_digits_are_the_same_dwelling(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["full_width_digits"], tmp_path)
    assert result["N_ROWS"] == 5 and result["N_DUPLICATES"] == 1
    assert all(d["ident_rep"].isascii() for d in dwellings(tmp_path))


def test_total_lines_are_not_dwellings_and_are_said(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["total_line"], tmp_path)
    assert result["N_ROWS"] == 6 and len(dwellings(tmp_path)) == 6
    totals = [a for a in anomalies(tmp_path) if a["motif"] == "ligne_total"]
    assert sorted(int(a["ligne"]) for a in totals) == [8, 9]


def test_a_header_below_forty_lines_of_notes_is_found(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["deep_header"], tmp_path)
    assert result["N_ROWS"] == result["N_LOCATED"] == 5
    assert min(d["ligne_source"] for d in dwellings(tmp_path)) == 47


def test_a_cover_sheet_is_skipped(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["cover_sheet"], tmp_path)
    assert result["N_ROWS"] == result["N_LOCATED"] == 7


def test_no_header_on_any_sheet_names_the_sheets(corpus, sample_data, tmp_path):
    message = refused(sample_data, corpus["no_header_anywhere"], tmp_path, "en-tête")
    assert "Notice" in message and "Chiffres" in message and "sans_entete.xlsx" in message


def test_vertically_merged_cells_fill_every_row_and_say_so(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["merged_rows"], tmp_path)
    out = dwellings(tmp_path)
    assert result["N_ROWS"] == len(out) == 20
    assert all(d["idcom"] and d["epci"] and d["intitule"] == hostile.INTITULE for d in out)
    merged = {int(a["ligne"]) for a in anomalies(tmp_path) if a["motif"] == "cellule_fusionnee"}
    assert merged == {line for first in range(2, 22, 5) for line in range(first + 1, first + 5)}


def test_formulas_saved_without_values_are_flagged(corpus, sample_data, tmp_path):
    result = join(sample_data, corpus["formulas_without_values"], tmp_path)
    assert result["N_ROWS"] == 6
    flagged = [a for a in anomalies(tmp_path) if a["motif"] == "formule_sans_valeur"]
    assert sorted({int(a["ligne"]) for a in flagged}) == [3, 6]
    assert any("A3" in a["detail"] for a in flagged) and any("D6" in a["detail"] for a in flagged)


def test_old_xls_line_numbers_are_the_spreadsheets(corpus, sample_data, tmp_path):
    assert corpus["old_xls"], "LibreOffice absent : `make test` installe libreoffice-calc"
    result = join(sample_data, corpus["old_xls"], tmp_path)
    assert result["N_ROWS"] == result["N_LOCATED"] == 6
    assert sorted(d["ligne_source"] for d in dwellings(tmp_path)) == list(range(3, 9))


def test_formula_text_stays_text_in_every_output(corpus, sample_data, tmp_path):
    import processing
    result = join(sample_data, corpus["formula_injection"], tmp_path)
    out = dwellings(tmp_path)
    assert result["N_ROWS"] == 10
    intitules = {d["intitule"] for d in out}
    assert hostile.FORMULAS["Intitulé"] in intitules and "=1+1" in intitules  # GeoPackage: as is
    with open(str(tmp_path / "anomalies.csv"), encoding="utf-8") as handle:
        for row in csv.reader(handle):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t")), cell
    # and through the analyse layer into the OSP workbook
    gpkg = str(tmp_path / "osp.gpkg")
    processing.run("osp:analyselogement", {"INPUT": str(tmp_path / "logements.gpkg"),
                                           "OUTPUT": gpkg})
    xlsx = str(tmp_path / "osp.xlsx")
    processing.run("osp:synthese", {"INPUT": gpkg + "|layername=analyse_logement",
                                    "ANOMALIES": str(tmp_path / "anomalies.csv"),
                                    "OUTPUT_XLSX": xlsx})
    with zipfile.ZipFile(xlsx) as archive:
        formulas = [f for name in archive.namelist() if name.startswith("xl/worksheets/")
                    for f in re.findall(r"<f>([^<]*)</f>", archive.read(name).decode("utf-8"))]
        strings = archive.read("xl/sharedStrings.xml").decode("utf-8") \
            if "xl/sharedStrings.xml" in archive.namelist() else ""
    assert formulas and all(f.startswith("SUBTOTAL(") for f in formulas), formulas
    import openpyxl
    book = openpyxl.load_workbook(xlsx)
    texts = {c.value for ws in book for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)}
    assert hostile.FORMULAS["Nom"] in texts and hostile.FORMULAS["Intitulé"] in texts
    assert "cliquer ici" in strings or any("cliquer ici" in t for t in texts)


def test_sql_like_text_and_quoted_names_are_plain_data(corpus, sample_data, tmp_path):
    from qgis.core import QgsVectorLayer
    parcels = os.path.join(str(sample_data), "territoire.gpkg") + "|layername=parcelles"
    before = QgsVectorLayer(parcels, "p", "ogr").featureCount()
    target = "ogr:dbname='%s' table=\"lo'gements; DROP TABLE x\" (geom)" % (tmp_path / "o.gpkg")
    result = join(sample_data, corpus["sql_like_values"], tmp_path, OUTPUT=target)
    assert result["N_ROWS"] == 11
    layer = QgsVectorLayer(result["OUTPUT"], "o", "ogr")
    texts = {f["intitule"] for f in layer.getFeatures()} | {f["bailleur"]
                                                           for f in layer.getFeatures()}
    assert set(hostile.SQL_TEXTS) <= texts
    assert QgsVectorLayer(parcels, "p", "ogr").featureCount() == before
    assert "parcelle_invalide" in {a["motif"] for a in anomalies(tmp_path)}


def test_html_in_values_is_escaped_in_the_report(corpus, sample_data, tmp_path):
    import processing
    join(sample_data, corpus["html_text"], tmp_path)
    html = str(tmp_path / "rapport.html")
    processing.run("osp:synthese", {"INPUT": str(tmp_path / "logements.gpkg"),
                                    "OUTPUT_XLSX": str(tmp_path / "s.xlsx"), "OUTPUT_HTML": html})
    with open(html, encoding="utf-8") as handle:
        text = handle.read()
    assert "<script>" not in text and "&lt;script&gt;" in text


@pytest.mark.parametrize("case,match", [
    ("broken_xml", "endommagé"), ("xml_bomb", "(endommagé|illisible)"),
    ("password_protected", "protégé par un mot de passe"), ("zip_archive", "archive")])
def test_damaged_or_hostile_containers_are_refused_in_french(corpus, sample_data, tmp_path,
                                                            case, match):
    refused(sample_data, corpus[case], tmp_path, match)


def test_an_external_entity_never_reaches_an_output(corpus, sample_data, tmp_path):
    from qgis.core import QgsProcessingException
    try:
        join(sample_data, corpus["external_entity"], tmp_path)
    except QgsProcessingException as error:
        assert SECRET not in str(error) and "Traceback" not in str(error)
    for name in os.listdir(str(tmp_path)):
        with open(str(tmp_path / name), "rb") as handle:
            assert SECRET.encode() not in handle.read(), name


# -- layers that are not what they say -------------------------------------------------------
def test_parcels_without_geometry_are_not_called_absent(qgis_app, sample_data, tmp_path):
    import processing
    source = os.path.join(str(sample_data), "territoire.gpkg") + "|layername=parcelles"
    hollow = str(tmp_path / "parcelles.gpkg")
    truth = hostile.sample_rows(str(sample_data), 4)
    ids = ",".join("'%s'" % t["idpar"] for t in truth[:2])
    processing.run("native:extractbyexpression", {"INPUT": source, "EXPRESSION": "true",
                                                  "OUTPUT": hollow})
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(hollow, "p", "ogr")
    layer.dataProvider().changeGeometryValues(
        {f.id(): __import__("qgis.core").core.QgsGeometry()
         for f in layer.getFeatures("\"idpar\" IN (%s)" % ids)})
    del layer
    sheet = hostile.write_csv(str(tmp_path / "l.csv"), [hostile.row_cells(t) for t in truth])
    out = tmp_path / "out"
    out.mkdir()
    result = join(sample_data, sheet, out, PARCELS=hollow, LOCAUX=None)
    assert result["N_LOCATED"] == 2
    motifs = [a["motif"] for a in anomalies(out)]
    assert motifs.count("parcelle_sans_geometrie") == 2 and "parcelle_inconnue" not in motifs


def test_lambert_coordinates_read_as_wgs84_are_refused(qgis_app, sample_data, tmp_path):
    from osgeo import ogr
    geojson = tmp_path / "parcelles_l93.geojson"
    source = ogr.Open(os.path.join(str(sample_data), "territoire.gpkg"))
    layer = source.GetLayerByName("parcelles")
    features = []
    for n, feature in enumerate(layer):
        if n == 200:
            break
        features.append('{"type":"Feature","properties":{"id":"%s"},"geometry":%s}'
                        % (feature.GetField("idpar"), feature.GetGeometryRef().ExportToJson()))
    geojson.write_text('{"type":"FeatureCollection","features":[%s]}' % ",".join(features),
                       encoding="utf-8")  # no « crs »: GeoJSON means WGS 84
    sheet = hostile.write_csv(str(tmp_path / "l.csv"),
                              [hostile.row_cells(t) for t in hostile.sample_rows(
                                  str(sample_data), 3)])
    out = tmp_path / "out"
    out.mkdir()
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="sortent des limites") as error:
        join(sample_data, sheet, out, PARCELS=str(geojson))
    assert "EPSG:2154" in str(error.value)


def test_synthese_refuses_a_layer_that_is_not_dwellings(qgis_app, sample_data, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="pas une couche de logements"):
        processing.run("osp:synthese", {
            "INPUT": os.path.join(str(sample_data), "territoire.gpkg") + "|layername=parcelles",
            "OUTPUT_XLSX": str(tmp_path / "s.xlsx")})
    assert os.listdir(str(tmp_path)) == []


def test_synthese_with_a_mistyped_year_and_unreadable_decision_is_still_written(
        qgis_app, tmp_path):
    import processing
    from qgis.core import QgsFeature, QgsVectorLayer
    layer = QgsVectorLayer("None?field=ident_rep:string&field=annee_financ:integer"
                           "&field=num_decision:string&field=type_palu:string", "l", "memory")
    rows = [("0000000001", 2019, "2019A", "Groupé"), ("0000000002", 20190, "2019A", "Groupé"),
            ("0000000003", 2020, "2020B", "Hors")]
    feats = []
    for values in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("num_decision;annee;bailleur;nb_logements_finances\n2019A;2019;M&C;deux\n"
                         "2020B;2020;SIA;4\n", encoding="utf-8")
    xlsx = str(tmp_path / "s.xlsx")
    result = processing.run("osp:synthese", {"INPUT": layer, "DECISIONS": str(decisions),
                                             "OUTPUT_XLSX": xlsx})
    assert result["N_DWELLINGS"] == 3 and result["N_NOT_REPORTED"] == 3
    import openpyxl
    book = openpyxl.load_workbook(xlsx)
    assert book["Synthèses"].max_column < 30                 # no column for year 20190
    detail = [r for r in book["Qualité (logements)"].iter_rows(values_only=True)]
    assert ("0000000002", None, "Année de financement invalide", None, "20190") in detail


def test_synthese_output_in_a_folder_that_cannot_exist_writes_nothing(pipeline, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="dossier"):
        processing.run("osp:synthese", {"INPUT": pipeline["layer"],
                                        "OUTPUT_XLSX": str(tmp_path / "s.xlsx"),
                                        "OUTPUT_HTML": str(blocker / "sous" / "r.html")})
    assert sorted(os.listdir(str(tmp_path))) == ["fichier"]


# -- the disk says no -----------------------------------------------------------------------
def _mount_script(mounts):
    lines = ["set -e"]
    for folder, options in mounts:
        lines.append("mkdir -p '%s' && mount -t tmpfs -o %s tmpfs '%s'" % (folder, options,
                                                                           folder))
    lines.append('exec "$@"')
    return "\n".join(lines)


def run_with_filesystems(profile, mounts, args):
    """qgis_process in a private mount namespace where ``mounts`` are small or read-only
    tmpfs; without that right, a file-size limit stands for the full disk."""
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    command = ["qgis_process.bin"] + list(args)
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0:
        return subprocess.run(["unshare", "-m", "bash", "-c", _mount_script(mounts), "bash"]
                              + command, env=env, capture_output=True, text=True, timeout=300)
    import resource
    import signal

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300,
                          preexec_fn=limit)


@pytest.fixture(scope="module")
def profile(qgis_app, tmp_path_factory):
    import install_profile
    folder = tmp_path_factory.mktemp("profil")
    install_profile.install(str(folder))
    return folder


def test_anomalies_on_a_read_only_place_fail_and_leave_no_output(sample_data, profile,
                                                                 tmp_path):
    ro = tmp_path / "lecture_seule"
    done = run_with_filesystems(profile, [(str(ro), "size=1m,ro")], [
        "run", "osp:joinbailleurparcelles", "--",
        "INPUT=" + os.path.join(str(sample_data), "bailleurs", "sia_logements.csv"),
        "PARCELS=%s|layername=parcelles" % os.path.join(str(sample_data), "territoire.gpkg"),
        "OUTPUT=%s" % (tmp_path / "logements.gpkg"), "ANOMALIES=%s" % (ro / "anomalies.csv")])
    assert done.returncode != 0, done.stdout
    assert "lecture seule" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not os.path.exists(str(tmp_path / "logements.gpkg"))


def test_outputs_on_a_full_disk_fail_and_leave_nothing(sample_data, profile, tmp_path):
    full = tmp_path / "plein"
    sample = str(sample_data)
    base = ["run", "osp:joinbailleurparcelles", "--",
            "INPUT=" + os.path.join(sample, "bailleurs", "mc_2019.ods"),
            "PARCELS=%s|layername=parcelles" % os.path.join(sample, "territoire.gpkg")]
    for outputs in (["OUTPUT=%s" % (full / "logements.gpkg"),
                     "ANOMALIES=%s" % (tmp_path / "anomalies.csv")],
                    ["OUTPUT=%s" % (tmp_path / "logements.gpkg"),
                     "ANOMALIES=%s" % (full / "anomalies.csv")]):
        done = run_with_filesystems(profile, [(str(full), "size=8k")], base + outputs)
        assert done.returncode != 0, done.stdout
        assert "Traceback" not in done.stdout + done.stderr
        assert not os.path.exists(str(tmp_path / "logements.gpkg"))
        assert not os.path.exists(str(tmp_path / "anomalies.csv"))


def test_analyse_layer_on_a_full_disk_keeps_the_previous_file(pipeline, profile, tmp_path):
    full = tmp_path / "plein"
    done = run_with_filesystems(profile, [(str(full), "size=64k")], [
        "run", "osp:analyselogement", "--", "INPUT=%s" % (pipeline["dir"] / "tous.gpkg"),
        "OUTPUT=%s" % (full / "osp.gpkg")])
    assert done.returncode != 0
    text = done.stdout + done.stderr
    assert "Traceback" not in text and ("plein" in text or "place" in text), text[-600:]


def test_qgis_process_reports_errors_without_traceback(corpus, sample_data, profile, tmp_path):
    for case in ("password_protected", "broken_xml", "no_header_anywhere"):
        done = run_with_filesystems(profile, [], [
            "run", "osp:joinbailleurparcelles", "--", "INPUT=" + corpus[case],
            "PARCELS=%s|layername=parcelles" % os.path.join(str(sample_data), "territoire.gpkg"),
            "OUTPUT=%s" % (tmp_path / "l.gpkg"), "ANOMALIES=%s" % (tmp_path / "a.csv")])
        assert done.returncode != 0 and "Traceback" not in done.stdout + done.stderr, case
        assert not os.path.exists(str(tmp_path / "l.gpkg"))


def test_every_hostile_file_given_as_rpls_gets_an_answer_in_french(corpus, tmp_path):
    """The social-stock geocoder reads the same files: each is either read (every row out)
    or refused with a French message, with no traceback, no partial output, no secret."""
    import processing
    from qgis.core import QgsProcessingException
    answered = 0
    for name, path in sorted(corpus.items()):
        path = path[0] if isinstance(path, tuple) else path
        out = tmp_path / name
        out.mkdir()
        try:
            result = processing.run("osp:geocoder_rpls", {"INPUT": path,
                                                          "OUTPUT": str(out / "g.gpkg")})
        except QgsProcessingException as error:
            text = str(error)
            assert "Traceback" not in text and SECRET not in text, (name, text)
            assert re.search(r"[éèàç»«]", text), (name, text)     # French, for the user
            assert not [n for n in os.listdir(str(out)) if not n.startswith(".")], name
            answered += 1
            continue
        assert result["N_ROWS"] == sum(result["N_" + level.upper()] for level in
                                       ("xy_source", "numero", "voie", "commune",
                                        "non_localise")), name
        answered += 1
    assert answered == len(corpus)


def test_every_hostile_file_given_as_addresses_or_survey_is_refused_in_french(corpus,
                                                                             tmp_path):
    """The same files as the BAN extract or as the OPS survey of a valid RPLS: a French
    refusal, no traceback, no file written."""
    import processing
    from qgis.core import QgsProcessingException
    rpls = tmp_path / "rpls.csv"
    rpls.write_text("DEPCOM;NUMVOIE;NOMVOIE\n62498;1;RUE X\n", encoding="utf-8")
    for name, path in sorted(corpus.items()):
        path = path[0] if isinstance(path, tuple) else path
        for parameter in ("ADDRESSES", "OPS"):
            out = tmp_path / ("%s_%s" % (name, parameter))
            out.mkdir()
            with pytest.raises(QgsProcessingException) as error:
                processing.run("osp:indicateurs_parc_social", {
                    "RPLS": str(rpls), parameter: path, "OUTPUT": str(out / "i.gpkg")})
            text = str(error.value)
            assert "Traceback" not in text and SECRET not in text, (name, parameter, text)
            assert re.search(r"[éèàç»«]", text), (name, parameter, text)
            assert not [n for n in os.listdir(str(out)) if not n.startswith(".")], name


@pytest.mark.parametrize("encoding", ["UTF-8", "windows-1252"])
def test_formula_text_is_neutralised_in_anomalies_csv_of_any_encoding(corpus, sample_data,
                                                                      tmp_path, encoding):
    """UTF-8 anomalies are written by osp_qgis.storage.csv_write, other encodings by QGIS's writer:
    in both, a text the spreadsheet would run gets its apostrophe."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    context = QgsProcessingContext()
    context.setDefaultEncoding(encoding)
    params = {"INPUT": corpus["formula_injection"],
              "PARCELS": os.path.join(str(sample_data), "territoire.gpkg")
              + "|layername=parcelles",
              "OUTPUT": str(tmp_path / "logements.gpkg"),
              "ANOMALIES": str(tmp_path / "anomalies.csv")}
    params["FIELD_PARCEL"] = "Intitulé"   # no parcel found: every row is an anomaly
    processing.run("osp:joinbailleurparcelles", params, context=context,
                   feedback=QgsProcessingFeedback())
    with open(str(tmp_path / "anomalies.csv"), encoding=encoding, newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert any("=1+1" in cell for cell in cells) and any("=2+2" in cell for cell in cells)
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t"))]
