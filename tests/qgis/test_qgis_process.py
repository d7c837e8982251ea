"""Headless batch use: the plugin installed in a temporary profile, from the
checkout and from the ZIP that `make package` builds, run by qgis_process."""
import csv
import os
import subprocess
import sys
import zipfile

from conftest import REPO

sys.path.insert(0, os.path.join(REPO, "tools"))
import install_profile
import package

QGIS_PROCESS = "qgis_process.bin"


def qgis_process(profile, *args):
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([QGIS_PROCESS] + list(args), env=env, capture_output=True, text=True,
                          timeout=300)


def test_qgis_process_runs_the_join_like_a_users_batch(sample_data, tmp_path):
    profile = tmp_path / "profile"
    install_profile.install(str(profile))
    sample = str(sample_data)
    out, anomalies = tmp_path / "logements.gpkg", tmp_path / "anomalies.csv"
    done = qgis_process(profile, "run", "osp:joinbailleurparcelles", "--",
                        "INPUT=" + os.path.join(sample, "bailleurs", "mc_2019.ods"),
                        "PARCELS=" + os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
                        "LOCAUX=" + os.path.join(sample, "pb0010_local.csv"),
                        "OUTPUT=%s" % out, "ANOMALIES=%s" % anomalies)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Lignes lues : " in done.stdout  # the French summary reaches the log
    from test_join_sample import truth_rows
    truth = truth_rows(sample, "mc_2019.ods")
    n_dup = sum(1 for t in truth if t["doublon"] == "1")
    assert "N_DUPLICATES:\t%d" % n_dup in done.stdout
    assert "N_ROWS:\t%d" % len(truth) in done.stdout
    with open(anomalies, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sum(1 for r in rows if r["motif"] == "doublon") == n_dup
    assert out.exists()


def test_help_is_french_with_an_example(tmp_path):
    profile = tmp_path / "profile"
    install_profile.install(str(profile))
    done = qgis_process(profile, "help", "osp:joinbailleurparcelles")
    assert done.returncode == 0, done.stderr
    assert "Localiser les logements" in done.stdout
    assert "Exemple" in done.stdout and "qgis_process run osp:joinbailleurparcelles" in done.stdout
    for name in ("INPUT", "SHEET", "PARCELS", "PARCEL_ID_FIELD", "LOCAUX", "ADDRESSES",
                 "FIELD_RPLS", "FIELD_INTERNAL_ID", "FIELD_LOCAL", "FIELD_PARCEL", "FIELD_COMMUNE",
                 "FIELD_DEPARTEMENT", "FIELD_EPCI", "FIELD_INTITULE", "FIELD_BAILLEUR",
                 "FIELD_PALULOS", "FIELD_DECISION", "FIELD_ANNEE", "OUTPUT", "ANOMALIES"):
        assert name in done.stdout, name


def test_zip_package_installs_and_loads(sample_data, tmp_path):
    archive = package.build(str(tmp_path / "osp_erbm.zip"))
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    assert "osp_erbm/metadata.txt" in names and "osp_erbm/__init__.py" in names
    assert not [n for n in names if n.startswith("osp_erbm/tests/") or "__pycache__" in n]
    profile = tmp_path / "profile"
    target = install_profile.install(str(profile), archive)
    assert not os.path.islink(target)
    done = qgis_process(profile, "list")
    assert done.returncode == 0, done.stderr
    assert "osp:joinbailleurparcelles" in done.stdout
    assert "OSP ERBM" in done.stdout
