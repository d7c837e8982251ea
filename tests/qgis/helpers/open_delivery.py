#!/usr/bin/python3
"""Open every file of a delivery in a fresh QGIS process, without the plugin, as a partner's
QGIS would: print as JSON, per file, whether it loads, its CRS, its objects; render each
spatial file to a PNG and count its drawn pixels.

    open_delivery.py FOLDER OUT.json PNG_FOLDER
"""
import json
import os
import sys

from qgis.core import (
    QgsApplication,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

folder, out, pictures = sys.argv[1], sys.argv[2], sys.argv[3]
app = QgsApplication([], True)
app.initQgis()
assert not [m for m in sys.modules if "osp_erbm" in m or "osp_qgis" in m], "plugin chargé"
os.makedirs(pictures, exist_ok=True)
report = {}
for name in sorted(os.listdir(folder)):
    stem, extension = os.path.splitext(name)
    if extension.lower() not in (".gpkg", ".tab", ".mif", ".shp", ".dbf", ".geojson", ".dxf",
                                 ".csv", ".xlsx", ".xls", ".ods") or \
            stem.startswith(("dictionnaire", "anomalies")) or \
            (extension == ".dbf" and os.path.exists(os.path.join(folder, stem + ".shp"))):
        continue
    layer = QgsVectorLayer(os.path.join(folder, name), stem, "ogr")
    entry = {"valid": layer.isValid(), "count": layer.featureCount(),
             "crs": layer.crs().authid(), "crs_valid": layer.crs().isValid(),
             "spatial": layer.isSpatial(), "fields": layer.fields().names()}
    if layer.isValid() and layer.isSpatial():
        QgsProject.instance().addMapLayer(layer)
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(layer.crs())
        extent = layer.extent()
        extent.scale(1.1)
        settings.setExtent(extent)
        settings.setOutputSize(QSize(500, 400))
        settings.setBackgroundColor(QColor("white"))
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        png = os.path.join(pictures, name.replace(".", "_") + ".png")
        image.save(png)
        drawn = sum(1 for x in range(0, 500, 2) for y in range(0, 400, 2)
                    if image.pixelColor(x, y).name() != "#ffffff")
        entry.update({"png": png, "drawn": drawn})
    report[name] = entry
with open(out, "w", encoding="utf-8") as handle:
    json.dump(report, handle, ensure_ascii=False, indent=1)
# QGIS 3.22 can crash while tearing down a scripted session: the report is complete
os._exit(0)
