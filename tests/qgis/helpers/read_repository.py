"""Read a plugin repository (plugins.xml address) with QGIS's own plugin installer code
(pyplugin_installer.installer_data: the parser the « Extensions » dialog uses) and print what
it found as JSON.  Run in its own process: the installer reads and writes QGIS settings."""
import json
import sys

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QEventLoop, QTimer

app = QgsApplication([], False)
app.initQgis()
sys.path.insert(0, "/usr/share/qgis/python")
from pyplugin_installer import installer_data

repositories = installer_data.Repositories()
key = "OSP ERBM (test)"
repositories.mRepositories = {key: {"url": sys.argv[1], "authcfg": "", "enabled": True,
                                    "valid": True, "Relay": installer_data.Relay(key),
                                    "xmlData": None, "state": 0, "error": ""}}
loop = QEventLoop()
repositories.checkingDone.connect(loop.quit)
QTimer.singleShot(30000, loop.quit)
repositories.requestFetching(key)
loop.exec_() if hasattr(loop, "exec_") else loop.exec()
cache = installer_data.plugins.repoCache.get(key, [])
print(json.dumps({"state": repositories.mRepositories[key]["state"],
                  "loaded": installer_data.Repositories.STATE_LOADED,
                  "error": repositories.mRepositories[key]["error"],
                  "plugins": [{k: v for k, v in p.items() if isinstance(v, (str, bool, int))}
                              for p in cache]}))
