#!/usr/bin/python3
"""Build ``dist/osp_erbm.zip``, installable through QGIS « Installer depuis un ZIP »."""
import configparser
import os
import sys
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = "osp_erbm"
FILES = ("__init__.py", "plugin.py", "metadata.txt", "README.md", "LICENSE")
FOLDERS = ("osp_qgis", "processing_algs", "forms", "resources")


def version():
    config = configparser.RawConfigParser()
    config.read(os.path.join(REPO, "metadata.txt"), encoding="utf-8")
    return config.get("general", "version")


def build(out=os.path.join(REPO, "dist", PLUGIN + ".zip")):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in FILES:
            if os.path.exists(os.path.join(REPO, name)):
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


if __name__ == "__main__":
    print("%s (version %s)" % (build(*sys.argv[1:2]), version()))
