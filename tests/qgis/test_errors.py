"""Bad input gets a clear French error and writes nothing partial."""
import os

import pytest


def params(sample, tmp_path, **extra):
    p = {"INPUT": os.path.join(sample, "bailleurs", "sia_logements.csv"),
         "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
         "OUTPUT": str(tmp_path / "out.gpkg"), "ANOMALIES": str(tmp_path / "anomalies.csv")}
    p.update(extra)
    return p


def run_expecting_error(p, match, feedback=None):
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match=match):
        processing.run("osp:joinbailleurparcelles", p, feedback=feedback)
    assert not os.path.exists(p["OUTPUT"]), "sortie partielle écrite"
    assert not os.path.exists(p["ANOMALIES"]), "anomalies partielles écrites"


def test_missing_sheet_file(qgis_app, sample_data, tmp_path):
    run_expecting_error(params(str(sample_data), tmp_path, INPUT=str(tmp_path / "absent.xlsx")),
                        "introuvable")


def test_sheet_without_identifier_columns(qgis_app, sample_data, tmp_path):
    sheet = tmp_path / "noms.csv"
    sheet.write_text("Nom;Prénom;Ville\nDupont;Jean;Lens\n", encoding="utf-8")
    run_expecting_error(params(str(sample_data), tmp_path, INPUT=str(sheet)),
                        "Aucune (ligne d'en-tête|colonne d'identifiant)")


def test_unreadable_workbook(qgis_app, sample_data, tmp_path):
    sheet = tmp_path / "casse.xlsx"
    sheet.write_bytes(b"PK\x03\x04 ceci n'est pas un classeur")
    run_expecting_error(params(str(sample_data), tmp_path, INPUT=str(sheet)), "illisible")


def test_empty_sheet(qgis_app, sample_data, tmp_path):
    sheet = tmp_path / "vide.csv"
    sheet.write_text("\n\n", encoding="utf-8")
    run_expecting_error(params(str(sample_data), tmp_path, INPUT=str(sheet)), "vide")


def test_parcels_layer_of_points(qgis_app, sample_data, tmp_path):
    points = os.path.join(str(sample_data), "territoire.gpkg") + "|layername=adresses"
    run_expecting_error(params(str(sample_data), tmp_path, PARCELS=points),
                        "(polygones|Incorrect parameter value)")


def test_parcels_without_id_field(qgis_app, sample_data, tmp_path):
    cites = os.path.join(str(sample_data), "territoire.gpkg") + "|layername=cites"
    run_expecting_error(params(str(sample_data), tmp_path, PARCELS=cites),
                        "Aucun champ identifiant de parcelle")


def test_locaux_without_idlocal(qgis_app, sample_data, tmp_path):
    communes = os.path.join(str(sample_data), "territoire.gpkg") + "|layername=communes"
    run_expecting_error(params(str(sample_data), tmp_path, LOCAUX=communes), "idlocal et idpar")


def test_cancelled_run_writes_nothing(qgis_app, sample_data, tmp_path):
    from qgis.core import QgsProcessingFeedback
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    run_expecting_error(params(str(sample_data), tmp_path), "annulé", feedback)
