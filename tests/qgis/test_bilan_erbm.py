"""osp:bilan_erbm on the sample: every figure of the bilans' table equals SQLite's count or
sum over the programmation and the analyse layer; a PDF per entity that reads right and was
looked at; FILTER and SCALE by name or index; unknown names refused in French."""
import os
import shutil
import sqlite3
import subprocess

import openpyxl
import pytest


def run(algorithm, parameters):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(algorithm, parameters, context=context,
                          feedback=QgsProcessingFeedback())


@pytest.fixture(scope="module")
def bilans(qgis_app, sample_data, pipeline, tmp_path_factory):
    sample, out = str(sample_data), tmp_path_factory.mktemp("bilans")
    gpkg = str(out / "programmation.gpkg")
    shutil.copyfile(os.path.join(sample, "programmation", "programmation.gpkg"), gpkg)
    run("osp:programmation_init", {"OUTPUT": gpkg, "CITES": os.path.join(
        sample, "territoire.gpkg") + "|layername=cites"})
    for name in ("financement_plan", "mandats_ddtm"):
        run("osp:financement_import", {
            "INPUT": os.path.join(sample, "programmation", name + ".xlsx"), "OPERATIONS": gpkg,
            "ANOMALIES": str(out / ("a_%s.csv" % name))})
    result = run("osp:bilan_erbm", {"OPERATIONS": gpkg, "DWELLINGS": pipeline["layer"],
                                    "SCALE": "epci", "OUTPUT_FOLDER": str(out / "pdf"),
                                    "OUTPUT_XLSX": str(out / "bilans.xlsx")})
    return {"gpkg": gpkg, "analyse": pipeline["layer"].split("|")[0], "out": out,
            "result": result}


def expected(gpkg, analyse):
    """Per EPCI, from SQLite alone: operations, programmed, validated, financed by the
    State, dwellings sent back and geolocated; State engaged and paid (cents)."""
    out = {}
    with sqlite3.connect(gpkg) as db:
        for epci, n, programmed, valid in db.execute(
                "SELECT epci, count(*), sum(coalesce(d_nb_total, e_nb_total, b_nb_total, 0)), "
                "sum(coalesce(crhh_nb_valides, 0)) FROM operations "
                "WHERE coalesce(statut, '') <> 'annule' AND epci IS NOT NULL GROUP BY epci"):
            out[epci] = {"ops": n, "programmes": programmed, "valides": valid}
        for epci, financed in db.execute(
                "SELECT o.epci, sum(coalesce(o.crhh_nb_valides, 0)) FROM operations o "
                "WHERE coalesce(o.statut, '') <> 'annule' AND o.id_op IN (SELECT id_op FROM "
                "financements WHERE financeur = 'ETAT' AND montant_engage > 0) GROUP BY 1"):
            out[epci]["finances_etat"] = financed
        for epci, engaged in db.execute(
                "SELECT o.epci, round(sum(f.montant_engage) * 100) FROM financements f "
                "JOIN operations o USING (id_op) WHERE f.financeur = 'ETAT' AND "
                "coalesce(o.statut, '') <> 'annule' GROUP BY 1"):
            out[epci]["etat_engage"] = int(engaged)
    with sqlite3.connect(analyse) as db:
        for epci, n, located in db.execute(
                "SELECT epci, count(*), sum(geoloc_source IS NOT NULL AND geoloc_source <> '') "
                "FROM analyse_logement WHERE epci IS NOT NULL GROUP BY epci"):
            out.setdefault(epci, {})
            out[epci].update({"remontes": n, "geolocalises": located})
    return out


def test_every_figure_is_sqlites(bilans):
    want = expected(bilans["gpkg"], bilans["analyse"])
    ws = openpyxl.load_workbook(str(bilans["out"] / "bilans.xlsx"))["Bilans"]
    headers = [c.value for c in ws[3]]
    rows = {r[0]: dict(zip(headers, r)) for r in ws.iter_rows(min_row=4, values_only=True)}
    assert set(rows) == set(want)
    assert bilans["result"]["N_ENTITIES"] == len(want)
    for epci, cell in want.items():
        row = rows[epci]
        assert row["Opérations"] == cell.get("ops", 0), epci
        assert row["Logements programmés"] == cell.get("programmes", 0), epci
        assert row["Logements validés par le CRHH"] == cell.get("valides", 0), epci
        assert row["Logements financés par l'État"] == cell.get("finances_etat", 0), epci
        assert row["Logements réhabilités remontés par les bailleurs"] == \
            cell.get("remontes", 0), epci
        assert row["Logements géolocalisés"] == cell.get("geolocalises", 0), epci
        engaged = row.get("État – PALULOS / ERBM – Engagé (€)")
        assert round((engaged or 0) * 100) == cell.get("etat_engage", 0), epci


def test_one_pdf_per_epci_that_reads_right(bilans, artifacts):
    folder = bilans["out"] / "pdf"
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == bilans["result"]["N_ENTITIES"]
    assert "bilan_epci_CAHC.pdf" in names
    pdf = str(folder / "bilan_epci_CAHC.pdf")
    text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Bilan de l'ERBM – EPCI : CA d'Hénin-Carvin (CAHC)" in text
    assert "Logements validés par le CRHH" in text and "Part de l'État" in text
    want = expected(bilans["gpkg"], bilans["analyse"])["CAHC"]
    assert str(want["remontes"]) in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf,
                    os.path.join(artifacts, "bilan_epci_CAHC")], check=True)


def test_filter_and_scale_by_name_or_index(bilans, pipeline, tmp_path):
    result = run("osp:bilan_erbm", {"OPERATIONS": bilans["gpkg"],
                                    "DWELLINGS": pipeline["layer"], "SCALE": 4,
                                    "OUTPUT_FOLDER": str(tmp_path / "bassin")})
    assert result["N_ENTITIES"] == 1
    assert os.listdir(str(tmp_path / "bassin")) == ["bilan_bassin_minier.pdf"]
    result = run("osp:bilan_erbm", {"OPERATIONS": bilans["gpkg"],
                                    "DWELLINGS": pipeline["layer"], "SCALE": "epci",
                                    "FILTER": "CAHC, CA de Lens - Liévin",
                                    "OUTPUT_FOLDER": str(tmp_path / "deux")})
    assert sorted(os.listdir(str(tmp_path / "deux"))) == ["bilan_epci_CAHC.pdf",
                                                           "bilan_epci_CALL.pdf"]


def test_an_unknown_entity_is_a_french_error(bilans, pipeline, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="ne nomme aucune entité"):
        run("osp:bilan_erbm", {"OPERATIONS": bilans["gpkg"], "DWELLINGS": pipeline["layer"],
                               "SCALE": "epci", "FILTER": "Atlantide",
                               "OUTPUT_FOLDER": str(tmp_path / "x")})
    assert not os.path.exists(str(tmp_path / "x"))
