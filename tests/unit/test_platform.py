"""The plugin runs where the cartographers are: QGIS 3.22 to QGIS 4 (Qt6), Windows with its
Python 3.9.  Static checks of the shipped code (tools/check_qt6.py, vermin)."""
import ast
import os
import subprocess
import sys

import pytest
from conftest import REPO

sys.path.insert(0, os.path.join(REPO, "tools"))
VERMIN = os.path.join(REPO, "build", "tools-venv", "bin", "vermin")


def shipped_python():
    import check_qt6
    return check_qt6.package_files()


def test_python_39_is_enough():
    if not os.path.exists(VERMIN):
        pytest.fail("vermin absent : `make test` l'installe (tools/ensure_deps.sh)")
    done = subprocess.run([VERMIN, "--no-tips", "--violations", "-t=3.9-", "--eval-annotations"]
                          + shipped_python(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run([VERMIN, "--no-tips"] + shipped_python(), capture_output=True,
                          text=True, timeout=300)
    minimum = done.stdout.split("Minimum required versions:")[1].split()[0]
    assert tuple(int(n) for n in minimum.split(".")) <= (3, 9), done.stdout


def test_nothing_left_for_qt6_and_qgis_4():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(["/usr/bin/python3", os.path.join(REPO, "tools", "check_qt6.py")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_checker_sees_what_qt6_refuses(tmp_path):
    sample = tmp_path / "ancien.py"
    sample.write_text("from PyQt5.QtCore import QVariant\nfrom qgis.core import QgsProcessing\n"
                      "t = QgsProcessing.TypeVectorPoint\nf = QVariant.String\n"
                      "dialog.exec_()\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(["/usr/bin/python3", os.path.join(REPO, "tools", "check_qt6.py"),
                           str(sample)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 1
    for found in ("PyQt5", "QgsProcessing.SourceType.TypeVectorPoint", "QVariant.String",
                  "exec_"):
        assert found in done.stdout, found


def _open_calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id == "open":
            yield node


def test_text_files_are_written_and_read_with_an_explicit_encoding():
    """Windows opens text in its ANSI code page unless told: every text open() says."""
    missing = []
    for path in shipped_python():
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
        for call in _open_calls(tree):
            mode = call.args[1] if len(call.args) > 1 else next(
                (k.value for k in call.keywords if k.arg == "mode"), None)
            binary = isinstance(mode, ast.Constant) and "b" in str(mode.value)
            if not binary and not any(k.arg == "encoding" for k in call.keywords):
                missing.append("%s:%d" % (os.path.relpath(path, REPO), call.lineno))
    assert missing == []


def test_paths_are_joined_by_os_path_not_by_slashes():
    suspicious = []
    for path in shipped_python():
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                for side in (node.left, node.right):
                    if isinstance(side, ast.Constant) and isinstance(side.value, str) and \
                            side.value in ("/", "\\"):
                        suspicious.append("%s:%d" % (os.path.relpath(path, REPO), node.lineno))
    assert suspicious == []
