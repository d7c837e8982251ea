"""`make package` writes a plugin repository (plugins.xml) beside the ZIP: QGIS's own plugin
installer code reads it and finds the plugin, its version and a download address that is the
ZIP; the ZIP carries the licence and the changelog of CHANGELOG.md."""
import configparser
import json
import os
import subprocess
import sys
import zipfile
from urllib.parse import urlparse
from urllib.request import url2pathname

from conftest import REPO

sys.path.insert(0, os.path.join(REPO, "tools"))
import package

HELPER = os.path.join(REPO, "tests", "qgis", "helpers", "read_repository.py")


def build(tmp_path, url=None):
    argv = [str(tmp_path / "dist" / "osp_erbm.zip")]
    if url:
        argv = ["--url", url] + argv
    package.main(argv)
    return tmp_path / "dist"


def read_with_qgis(address, profile):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile))
    done = subprocess.run([sys.executable, HELPER, address], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_qgis_plugin_installer_reads_the_repository(tmp_path):
    dist = build(tmp_path)
    found = read_with_qgis((dist / "plugins.xml").as_uri(), tmp_path / "profile")
    assert found["state"] == found["loaded"], found["error"]
    [plugin] = found["plugins"]
    assert plugin["id"] == "osp_erbm" and plugin["name"] == "OSP ERBM"
    assert plugin["version_available"] == package.version()
    zip_path = url2pathname(urlparse(plugin["download_url"]).path)
    assert os.path.samefile(zip_path, str(dist / "osp_erbm.zip"))
    assert os.path.exists(url2pathname(urlparse(plugin["icon"]).path))
    with open(os.path.join(REPO, "CHANGELOG.md"), encoding="utf-8") as handle:
        first_version = next(line[3:].strip() for line in handle if line.startswith("## "))
    assert plugin["changelog"].startswith(first_version)


def test_a_served_repository_points_at_its_server(tmp_path):
    dist = build(tmp_path, "https://intranet.ddtm/osp")
    text = (dist / "plugins.xml").read_text(encoding="utf-8")
    assert "<download_url>https://intranet.ddtm/osp/osp_erbm.zip</download_url>" in text


def test_the_zip_carries_licence_changelog_and_metadata(tmp_path):
    dist = build(tmp_path)
    with zipfile.ZipFile(str(dist / "osp_erbm.zip")) as archive:
        names = set(archive.namelist())
        metadata = archive.read("osp_erbm/metadata.txt").decode("utf-8")
        licence = archive.read("osp_erbm/LICENSE").decode("utf-8")
    assert {"osp_erbm/CHANGELOG.md", "osp_erbm/resources/help/textes/synthese.html"} <= names
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 2" in licence
    config = configparser.ConfigParser()   # as QGIS reads a plugin's metadata
    config.read_string(metadata)
    changelog = config.get("general", "changelog").splitlines()
    assert changelog[0].startswith(package.version())
    assert any(line.startswith("- ") for line in changelog)
    assert config.get("general", "version") == package.version()
