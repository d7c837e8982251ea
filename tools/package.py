#!/usr/bin/python3
"""Build ``dist/osp_erbm.zip`` (QGIS › Extensions › Installer depuis un ZIP) and
``dist/plugins.xml``, a plugin repository a DDTM can serve with the ZIP (QGIS › Extensions ›
Paramètres › Ajouter un dépôt : the address of plugins.xml).

    /usr/bin/python3 tools/package.py [--url https://serveur/osp/] [ZIP]

``--url`` is where the ZIP will be downloaded from (default: the dist folder as a file://
address, for a repository on a shared drive).  The ZIP's metadata.txt receives the
changelog of CHANGELOG.md (the one source), shown by QGIS's plugin manager.
"""
import configparser
import datetime
import html
import os
import re
import shutil
import sys
import zipfile
from urllib.parse import urljoin
from urllib.request import pathname2url

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = "osp_erbm"
FILES = ("__init__.py", "plugin.py", "README.md", "CHANGELOG.md", "LICENSE")
FOLDERS = ("osp_qgis", "processing_algs", "forms", "resources", "docs", "server_plugin")
ICON = PLUGIN + ".svg"   # beside plugins.xml: the repository shows it


def metadata():
    config = configparser.RawConfigParser()
    config.read(os.path.join(REPO, "metadata.txt"), encoding="utf-8")
    return dict(config.items("general"))


def version():
    return metadata()["version"]


def changelog():
    """CHANGELOG.md as the short text QGIS shows: one line per version and item."""
    lines = []
    with open(os.path.join(REPO, "CHANGELOG.md"), encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip()
            if line.startswith("## "):
                lines.append(line[3:])
            elif line.startswith("- "):
                lines.append(line)
            elif line.startswith("  ") and lines and lines[-1].startswith("- "):
                lines[-1] += " " + line.strip()
    return [re.sub(r"[`*]", "", line) for line in lines]


def metadata_text():
    """metadata.txt with the changelog (continuation lines indented, as configparser reads)."""
    with open(os.path.join(REPO, "metadata.txt"), encoding="utf-8") as handle:
        text = handle.read().rstrip("\n")
    return text + "\nchangelog=" + "\n  ".join(changelog()) + "\n"


def build(out=None):
    out = out or os.path.join(REPO, "dist", PLUGIN + ".zip")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("%s/metadata.txt" % PLUGIN, metadata_text())
        for name in FILES:
            archive.write(os.path.join(REPO, name), "%s/%s" % (PLUGIN, name))
        for folder in FOLDERS:
            for root, dirs, files in os.walk(os.path.join(REPO, folder)):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for name in sorted(files):
                    if name.endswith((".pyc", ".pyo")):
                        continue
                    path = os.path.join(root, name)
                    archive.write(path, "%s/%s" % (PLUGIN, os.path.relpath(path, REPO)))
    return out


def repository_xml(zip_path, url=None):
    """The plugins.xml of a repository that offers ``zip_path``, downloaded from ``url``
    (a folder address; default: the ZIP's folder as file://)."""
    meta = metadata()
    folder = url or "file:" + pathname2url(os.path.dirname(os.path.abspath(zip_path))) + "/"
    if not folder.endswith("/"):
        folder += "/"
    name = os.path.basename(zip_path)
    today = datetime.date.today().isoformat()

    def element(tag, value):
        return "    <%s>%s</%s>" % (tag, html.escape(str(value), quote=False), tag)
    fields = [("description", meta["description"]), ("about", meta["about"]),
              ("version", meta["version"]), ("qgis_minimum_version", meta["qgisminimumversion"]),
              ("qgis_maximum_version", meta["qgismaximumversion"]),
              ("author_name", meta["author"]), ("file_name", name),
              ("download_url", urljoin(folder, name)), ("icon", urljoin(folder, ICON)),
              ("changelog", "\n".join(changelog())), ("tags", meta.get("tags", "")),
              ("category", meta.get("category", "")),
              ("experimental", meta.get("experimental", "False")),
              ("deprecated", meta.get("deprecated", "False")), ("trusted", "False"),
              ("server", "False"), ("create_date", today), ("update_date", today)]
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plugins>\n"
            "  <pyqgis_plugin name=\"%s\" version=\"%s\" plugin_id=\"%s\">\n%s\n"
            "  </pyqgis_plugin>\n</plugins>\n" % (
                html.escape(meta["name"]), html.escape(meta["version"]), PLUGIN,
                "\n".join(element(tag, value) for tag, value in fields)))


def main(argv):
    url = None
    if "--url" in argv:
        index = argv.index("--url")
        url = argv[index + 1]
        argv = argv[:index] + argv[index + 2:]
    out = build(*argv[:1])
    xml_path = os.path.join(os.path.dirname(out), "plugins.xml")
    shutil.copyfile(os.path.join(REPO, metadata()["icon"]),
                    os.path.join(os.path.dirname(out), ICON))
    with open(xml_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(repository_xml(out, url))
    print("%s (version %s)\n%s (dépôt d'extensions)" % (out, version(), xml_path))


if __name__ == "__main__":
    main(sys.argv[1:])
