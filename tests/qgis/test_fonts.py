"""Issue 26, point 13: the plugin's one font (osp_qgis/fonts.py) is the only font its styles
and layouts name, it ships with the plugin and is registered when the plugin loads: on a
machine without any DejaVu font (a fontconfig that knows no font at all), qgis_process still
prints the programmation's PDFs with it, embedded."""
import glob
import os
import re
import shutil
import subprocess

import install_profile
from conftest import REPO


def test_styles_and_layouts_name_only_the_plugins_font():
    from osp_qgis import fonts
    named = set()
    for path in glob.glob(os.path.join(REPO, "resources", "styles", "*.qml")) + \
            glob.glob(os.path.join(REPO, "resources", "layouts", "*.qpt")):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        named |= set(re.findall(r'fontFamily="([^"]*)"', text))
        named |= {d.split(",")[0] for d in re.findall(r'description="([^"]*)"', text)
                  if re.match(r"^[^,]+,\d", d)}
    named.discard("")
    assert named == {fonts.FAMILY}
    for name in fonts.FILES:
        assert os.path.getsize(os.path.join(REPO, "resources", "fonts", name)) > 100000


def test_a_machine_without_the_font_prints_with_the_shipped_one(sample_data, tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                      "<fontconfig><cachedir>%s</cachedir></fontconfig>" % (tmp_path / "cache"),
                      encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen",
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profil"))
    listed = subprocess.run(["fc-list"], env=env, capture_output=True, text=True).stdout
    assert "DejaVu" not in listed          # the machine really has no DejaVu
    install_profile.install(str(tmp_path / "profil"))
    gpkg = str(tmp_path / "programmation.gpkg")
    shutil.copyfile(os.path.join(str(sample_data), "programmation", "programmation.gpkg"), gpkg)
    done = subprocess.run(["qgis_process.bin", "run", "osp:programmation_recap", "--",
                           "OPERATIONS=" + gpkg, "ANNEE=2021",
                           "OUTPUT_XLSX=" + str(tmp_path / "recap.xlsx"),
                           "OUTPUT_FOLDER=" + str(tmp_path / "pdf")], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    pdf = str(tmp_path / "pdf" / "recapitulatif_2021.pdf")
    fonts_used = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts_used, fonts_used
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    assert "TOTAL DEP 59-62" in text
