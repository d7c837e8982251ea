#!/usr/bin/python3
"""Install the plugin into a QGIS profile folder, as ``qgis_process`` needs it.

    install_profile.py PROFILE_ROOT [--zip dist/osp_erbm.zip]

Creates ``PROFILE_ROOT/profiles/default/python/plugins/osp_erbm`` (a link to this
checkout, or the content of the ZIP) and enables it in ``QGIS/QGIS3.ini``.
Then run ``QGIS_CUSTOM_CONFIG_PATH=PROFILE_ROOT qgis_process.bin …``.
"""
import argparse
import configparser
import os
import shutil
import sys
import zipfile

PLUGIN = "osp_erbm"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def install(root, zip_path=None):
    profile = os.path.join(root, "profiles", "default")
    plugins = os.path.join(profile, "python", "plugins")
    os.makedirs(plugins, exist_ok=True)
    target = os.path.join(plugins, PLUGIN)
    if os.path.islink(target) or os.path.isfile(target):
        os.remove(target)
    elif os.path.isdir(target):
        shutil.rmtree(target)
    if zip_path:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(plugins)
    else:
        os.symlink(REPO, target)
    ini_dir = os.path.join(profile, "QGIS")
    os.makedirs(ini_dir, exist_ok=True)
    ini = os.path.join(ini_dir, "QGIS3.ini")
    config = configparser.RawConfigParser()
    config.optionxform = str
    if os.path.exists(ini):
        config.read(ini)
    if not config.has_section("PythonPlugins"):
        config.add_section("PythonPlugins")
    config.set("PythonPlugins", PLUGIN, "true")
    with open(ini, "w") as handle:
        config.write(handle)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--zip")
    args = parser.parse_args(argv)
    print(install(args.root, args.zip))


if __name__ == "__main__":
    sys.exit(main())
