"""What the toolbox and the dialogs show: help in one piece with working examples, groups
in the order of the work, names that fit, help pages shipped in the plugin, no dead link,
lists that accept names."""
import configparser
import os
import re
import subprocess
import sys

import pytest
from conftest import REPO

sys.path.insert(0, os.path.join(REPO, "tools"))


def osp_algorithms():
    from qgis.core import QgsApplication
    provider = QgsApplication.processingRegistry().providerById("osp")
    return sorted(provider.algorithms(), key=lambda a: a.name())


def test_help_is_one_paragraph_flow_with_a_runnable_example_syntax(qgis_app):
    for algorithm in osp_algorithms():
        text = algorithm.shortHelpString()
        assert "\n" not in text, algorithm.name()     # every newline would be a visible break
        assert "Exemple" in text, algorithm.name()
        examples = re.findall(r"<code>(qgis_process run [^<]+)</code>", text)
        names = {p.name() for p in algorithm.parameterDefinitions()}
        for example in examples:
            assert example.split()[2] == algorithm.id()
            assert " -- " not in example            # one syntax: --NAME=value
            used = re.findall(r"--([A-Z_]+)=", example)
            assert used and set(used) <= names, (algorithm.name(), set(used) - names)
        # a tool working on the project's layers shows its console call instead
        console = re.findall(r'<code>processing\.run\("%s", \{([^<]+)\}\)</code>'
                             % algorithm.id(), text)
        assert examples or console, algorithm.name()
        for call in console:
            assert set(re.findall(r'"([A-Z_]+)":', call)) <= names


# display names an issue made binding, even if longer than the toolbox's default width
BOUND_NAMES = {"Croiser avec les Fichiers fonciers"}


def test_groups_read_as_the_workflow_and_differ_from_qgis_own(qgis_app):
    from qgis.core import QgsApplication

    from osp_erbm.processing_algs.common.base import GROUPS
    native = {a.group() for p in QgsApplication.processingRegistry().providers()
              if p.id() != "osp" for a in p.algorithms()}
    ours = list(GROUPS.values())
    assert ours == sorted(ours)                       # the toolbox's alphabetical order
    assert not set(ours) & native
    for algorithm in osp_algorithms():
        assert algorithm.group() in ours
        assert len(algorithm.displayName()) <= 28 or algorithm.displayName() in BOUND_NAMES, \
            algorithm.displayName()
        assert 20 < len(algorithm.shortDescription()) < 200, algorithm.name()
    assert GROUPS["programmation"] < GROUPS["logements"] < GROUPS["syntheses"] < GROUPS["cartes"]


def test_help_pages_are_shipped_current_and_open_locally(qgis_app):
    import build_help
    from qgis.PyQt.QtCore import QUrl
    algorithms = osp_algorithms()
    expected = build_help.pages(algorithms)
    folder = os.path.join(REPO, "resources", "help")
    for name, content in expected.items():
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            assert handle.read() == content, "%s à régénérer (tools/build_help.py)" % name
    for algorithm in algorithms:
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile() and os.path.exists(url.toLocalFile()), algorithm.name()
        with open(url.toLocalFile(), encoding="utf-8") as handle:
            page = handle.read()
        for definition in algorithm.parameterDefinitions():
            assert "<code>%s</code>" % definition.name() in page
    with open(os.path.join(folder, "index.html"), encoding="utf-8") as handle:
        index = handle.read()
    for link in re.findall(r'href="([^"]+)"', index):
        assert os.path.exists(os.path.join(folder, link)), link


def test_no_link_that_cannot_work(qgis_app):
    config = configparser.RawConfigParser()
    config.read(os.path.join(REPO, "metadata.txt"), encoding="utf-8")
    general = dict(config.items("general"))
    assert not [k for k, v in general.items() if "example.invalid" in v or "://" in v]
    assert general["supportsqt6"] == "True" and general["qgisminimumversion"] == "3.22"
    assert "traitements" in general["tags"] and "processing" not in general["tags"]
    folder = os.path.join(REPO, "resources", "help")
    pages = [n for n in os.listdir(folder) if n.endswith(".html")]
    pages += [os.path.join("textes", n) for n in os.listdir(os.path.join(folder, "textes"))]
    for name in pages:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            assert "http" not in handle.read(), name


def test_lists_take_names_as_well_as_ranks(pipeline, sample_data, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    gpkg = os.path.join(str(sample_data), "territoire.gpkg")
    base = {"INPUT": pipeline["layer"], "EPCI": gpkg + "|layername=epci", "SPLIT": True}
    by_name = processing.run("osp:atlas", dict(base, SCALE="epci", STYLE_BY="bailleur",
                                               PAGE="A4", OUTPUT_FOLDER=str(tmp_path / "a")))
    by_rank = processing.run("osp:atlas", dict(base, SCALE=2, STYLE_BY=1, PAGE=0,
                                               OUTPUT_FOLDER=str(tmp_path / "b")))
    assert by_name["N_PAGES"] == by_rank["N_PAGES"] > 1
    assert sorted(os.listdir(str(tmp_path / "a"))) == sorted(os.listdir(str(tmp_path / "b")))
    with pytest.raises(QgsProcessingException, match="epci"):
        processing.run("osp:atlas", dict(base, SCALE="canton",
                                         OUTPUT_FOLDER=str(tmp_path / "c")))


def test_qgis_process_accepts_scale_by_name(pipeline, sample_data, tmp_path):
    import install_profile
    profile = tmp_path / "profil"
    install_profile.install(str(profile))
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    gpkg = os.path.join(str(sample_data), "territoire.gpkg")
    done = subprocess.run(["qgis_process.bin", "run", "osp:atlas", "--INPUT=" + pipeline["layer"],
                           "--SCALE=epci", "--EPCI=%s|layername=epci" % gpkg,
                           "--OUTPUT_FOLDER=%s" % (tmp_path / "atlas")], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Incorrect parameter" not in done.stdout + done.stderr
    assert len([n for n in os.listdir(str(tmp_path / "atlas")) if n.endswith(".pdf")]) > 1
