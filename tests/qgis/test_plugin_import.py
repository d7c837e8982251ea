"""Loading the plugin does not load pandas or openpyxl (issue #12): they are imported when
an algorithm runs, not when QGIS starts.  The time itself is measured by ``make bench``."""
import os
import subprocess

from conftest import QGIS_PLUGINS, REPO

PROBE = """
import sys
sys.path.insert(0, %r)
sys.path.insert(0, %r)
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
before = set(sys.modules)
import osp_erbm
plugin = osp_erbm.classFactory(None)
plugin.initProcessing()
loaded = set(sys.modules) - before
print("LOADED " + " ".join(sorted(loaded)))
"""


def test_loading_the_plugin_leaves_heavy_modules_for_later(tmp_path):
    root = tmp_path / "plugins"
    root.mkdir()
    os.symlink(REPO, str(root / "osp_erbm"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(["/usr/bin/python3", "-c", PROBE % (QGIS_PLUGINS, str(root))],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(l for l in done.stdout.splitlines() if l.startswith("LOADED "))
    loaded = set(line.split()[1:])
    assert "osp_erbm.processing_algs.provider" in loaded   # the probe did load the plugin
    heavy = {m for m in loaded if m.split(".")[0] in ("pandas", "openpyxl", "psycopg2")}
    assert not heavy, sorted(heavy)
