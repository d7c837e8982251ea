"""Desktop QGIS, in French, under Xvfb, with the plugin installed from the ZIP that
`make package` builds, used as a cartographer would (tests/desktop/probe_desktop.py)."""
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO
from test_toolbox import BOUND_NAMES

sys.path.insert(0, os.path.join(REPO, "tools"))
PROBE = os.path.join(REPO, "tests", "desktop", "probe_desktop.py")
FRENCH_PROFILE = """
[locale]
userLocale=fr
overrideFlag=true

[qgis]
checkVersion=false
"""


@pytest.fixture(scope="module")
def desktop(pipeline, sample_data, tmp_path_factory, artifacts_dir):
    import install_profile
    import package
    for tool in ("xvfb-run", "qgis"):
        if not shutil.which(tool):
            pytest.fail("%s absent : `make test` installe xvfb et qgis" % tool)
    base = tmp_path_factory.mktemp("bureau")
    archive = package.build(str(base / "osp_erbm.zip"))
    profile = base / "profil"
    install_profile.install(str(profile), archive)
    with open(str(profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"), "a",
              encoding="utf-8") as handle:
        handle.write(FRENCH_PROFILE)
    elsewhere = base / "copie ailleurs" / "osp.gpkg"  # a copy, in another folder
    elsewhere.parent.mkdir()
    shutil.copyfile(pipeline["layer"].split("|")[0], str(elsewhere))
    out = base / "sortie"
    out.mkdir()
    programmation = str(base / "programmation.gpkg")  # the sample's, made ready by the plugin
    shutil.copyfile(os.path.join(str(sample_data), "programmation", "programmation.gpkg"),
                    programmation)
    import processing
    processing.run("osp:programmation_init", {
        "OUTPUT": programmation,
        "CITES": os.path.join(str(sample_data), "territoire.gpkg") + "|layername=cites"})
    env = dict(os.environ, OSP_PROBE_OUT=str(out), OSP_PROBE_GPKG=str(elsewhere),
               OSP_PROBE_PROGRAMMATION=programmation, OSP_PROBE_ID_OP="1")
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis",
                           "--profiles-path", str(profile), "--nologo", "--noversioncheck",
                           "--code", PROBE], env=env, capture_output=True, text=True,
                          timeout=600)
    report_path = out / "report.json"
    assert report_path.exists(), done.stdout[-3000:] + done.stderr[-3000:]
    with open(str(report_path), encoding="utf-8") as handle:
        report = json.load(handle)
    assert "error" not in report, report.get("error")
    for path in report.get("screenshots", []):
        shutil.copyfile(path, os.path.join(artifacts_dir, "bureau_" + os.path.basename(path)))
    return report


@pytest.fixture(scope="module")
def artifacts_dir():
    from conftest import ARTIFACTS
    os.makedirs(ARTIFACTS, exist_ok=True)
    return ARTIFACTS


def test_the_zip_plugin_loads_with_its_menu(desktop):
    assert "osp_erbm" in desktop["plugins"]
    assert desktop["menu"][:6] == ["Importer une programmation…", "Récapitulatif CRHH…",
                                   "Localiser les logements…", "Couche d'analyse OSP…",
                                   "Classeur de synthèse OSP…", "Imprimer l'atlas OSP…"]
    assert desktop["menu"][-1] == "Documentation OSP ERBM"


def test_the_form_action_is_offered_where_it_applies_only(desktop):
    assert "Appliquer le formulaire OSP" in desktop["menu_analyse"]
    assert "Appliquer le formulaire OSP" not in desktop["menu_epci"]


def test_lists_show_names_before_and_after_applying_the_form(desktop):
    for state in ("represented_before", "represented_after"):
        for name, (widget, code, text) in desktop[state].items():
            assert widget == "ValueMap", (state, name)
            assert text and text != "(%s)" % code, (state, name, text)
        assert desktop[state]["id_cite"][2] != desktop[state]["id_cite"][1]  # a name, not 12


def test_the_form_fits_without_horizontal_scrolling(desktop):
    assert [t["tab"] for t in desktop["form_650"]] == ["Identifiants", "Programme",
                                                       "Localisation", "Cité", "Suivi"]
    for tab in desktop["form_650"]:
        assert not tab["hbar"], tab


def test_the_toolbox_reads_as_the_workflow(desktop):
    groups = [name for name, _ in desktop["toolbox"]]
    assert groups == sorted(groups) and groups[0].startswith(("1.", "2."))
    assert "Cartographie" not in groups
    for _, algorithms in desktop["toolbox"]:
        for name, tooltip, fits in algorithms:
            # a name an issue made binding may be cut at the default width: its tooltip
            # then shows it whole
            assert fits or (name in BOUND_NAMES and name in tooltip), \
                "nom tronqué dans la boîte à outils : %s" % name
            assert tooltip and len(tooltip) > len(name), name   # the short description


def test_help_reads_in_sentences_not_fragments(desktop):
    text = " ".join(desktop["help_join"].split())
    assert "place chaque logement sur le cadastre" in text
    assert "\nsur le cadastre" not in desktop["help_join"]
    synthese = desktop["help_synthese"]
    assert "Logements : 1 ligne = 1 logement" in " ".join(synthese.split())
    croisement = " ".join(desktop["help_croisement_ff"].split())
    assert "NC est majoritaire dans les Hauts-de-France" in croisement
    indicateurs = " ".join(desktop["help_indicateurs"].split())
    assert "Secret statistique" in indicateurs and "Enquête OPS" in indicateurs


def test_the_programmation_opens_with_its_notes_in_desktop_qgis(desktop, sample_data):
    """Projet › Ouvrir depuis › GeoPackage: both layers, the operation's seven tabs fitting
    650 × 470, and its notes listed in the « Avancement » tab by QGIS's relation editor."""
    import sqlite3
    seen = desktop["programmation"]
    assert seen["read"] and all(seen["layers"].values()), seen
    assert seen["tabs"] == ["Identité", "Bailleur", "EPCI", "DDTM", "CRHH",
                            "Finances", "Avancement"]
    for tab in seen["fit"]:
        assert not tab["hbar"], tab
    connection = sqlite3.connect(os.path.join(str(sample_data), "programmation",
                                              "programmation.gpkg"))
    notes = connection.execute("SELECT count(*) FROM avancement WHERE id_op = 1").fetchone()[0]
    connection.close()
    assert notes and seen["notes_listed"] == notes
