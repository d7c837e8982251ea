#!/usr/bin/python3
"""Open an OSP GeoPackage in a fresh QGIS process WITHOUT the plugin and print, as
JSON, what a plain QGIS user gets: form, widgets, constraints, style, checks.

    inspect_gpkg.py FILE.gpkg OUT.json [FORM_PNG_PREFIX MAP_PNG]
"""
import faulthandler
import json
import sys

import form_report
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsFieldConstraints,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtCore import QDate

faulthandler.enable()
path, out = sys.argv[1], sys.argv[2]
app = QgsApplication([], True)
app.initQgis()
assert not [m for m in sys.modules if "osp_erbm" in m or "osp_qgis" in m], "plugin chargé"

project = QgsProject.instance()
layer = QgsVectorLayer(path + "|layername=analyse_logement", "Analyse au logement par bailleur",
                       "ogr")
project.addMapLayer(layer)  # alone: no cités or EPCI layer loaded, as on another machine
fields = layer.fields()
config = layer.editFormConfig()
report = {"valid": layer.isValid(), "count": layer.featureCount(), "layout": int(config.layout())}
report["tabs"] = [[t.name(), [c.name() for c in t.children()]] for t in config.tabs()]
report["widgets"] = form_report.widgets(layer)
report["read_only"] = [f.name() for i, f in enumerate(fields) if config.readOnly(i)]
report["aliases"] = form_report.aliases(layer)
report["constraints"] = form_report.constraints(layer)
renderer = layer.renderer()
report["renderer"] = {"type": renderer.type(),
                      "attribute": getattr(renderer, "classAttribute", lambda: None)(),
                      "categories": [[c.value(), c.label()] for c in renderer.categories()]
                      if renderer.type() == "categorizedSymbol" else []}
report["labels"] = layer.labelsEnabled()
cites = QgsVectorLayer(path + "|layername=cites", "cites", "ogr")  # read, never added
report["cites_renderer"] = cites.renderer().type() if cites.isValid() else None
report["cites_labels"] = cites.labelsEnabled() if cites.isValid() else None
report["styles"] = layer.listStylesInDatabase()[2]
defaults = layer.defaultValueDefinition(fields.indexOf("date_maj"))
report["date_maj_default"] = [defaults.expression(), defaults.applyOnUpdate()]

# the lists show names with nothing else loaded: what the field formatter gives
registry = QgsApplication.fieldFormatterRegistry()
represented = {}
for name in ("id_cite", "epci", "bailleur", "dep"):
    index = fields.indexOf(name)
    setup = layer.editorWidgetSetup(index)
    feature = next(f for f in layer.getFeatures() if f[name] not in (None, ""))
    text = registry.fieldFormatter(setup.type()).representValue(layer, index, setup.config(),
                                                                 None, feature[name])
    represented[name] = [str(feature[name]), text]
report["represented"] = represented
report["cite_labels"] = [list(item.keys())[0] for item in
                         layer.editorWidgetSetup(fields.indexOf("id_cite")).config()["map"]]

# each constraint refuses a violating value, with its French explanation
template = next(layer.getFeatures())
violations = {"idpar": "62498AP347", "ident_rep": "44619057", "idlocal": "59456055",
              "date_fin": QDate(2015, 1, 1), "annee_financ": 1850, "type_palu": "Palulos"}
checks = {}
for name, bad in violations.items():
    feature = QgsFeature(template)
    if name == "date_fin":
        feature.setAttribute("date_os", QDate(2016, 11, 14))
    feature.setAttribute(name, bad)
    ok, errors = QgsVectorLayerUtils.validateAttribute(
        layer, feature, fields.indexOf(name), QgsFieldConstraints.ConstraintStrengthHard)
    good = QgsFeature(template)
    good_ok, _ = QgsVectorLayerUtils.validateAttribute(
        layer, good, fields.indexOf(name), QgsFieldConstraints.ConstraintStrengthHard)
    checks[name] = {"refused": not ok, "errors": errors, "template_accepted": good_ok}
report["checks"] = checks

# a point moved by hand in an edit session: geoloc_source becomes « manuel », date_maj set
layer.startEditing()
feature = next(f for f in layer.getFeatures() if f.hasGeometry())
point = feature.geometry().asPoint()
layer.changeGeometry(feature.id(), QgsGeometry.fromPointXY(QgsPointXY(point.x() + 5,
                                                                      point.y() + 5)))
moved = layer.getFeature(feature.id())
report["moved_by_hand"] = {"geoloc_source": moved["geoloc_source"],
                           "date_maj_changed": moved["date_maj"] != feature["date_maj"]}
layer.rollBack()

if len(sys.argv) > 4:
    from qgis.gui import QgsAttributeForm, QgsGui
    QgsGui.editorWidgetRegistry().initEditors()  # a standalone application must do it
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    from qgis.PyQt.QtWidgets import QTabWidget
    feature = next(f for f in layer.getFeatures() if f["id_cite"] is not None)
    from qgis.PyQt.QtWidgets import QLabel, QScrollArea
    layer.startEditing()  # as the cartographer sees it when editing: widgets enabled
    form = QgsAttributeForm(layer, feature)
    form.resize(650, 470)  # the default size of a feature form
    form.show()
    tabs = form.findChildren(QTabWidget)
    pngs, fit = [], []
    for i in range(tabs[0].count() if tabs else 1):
        if tabs:
            tabs[0].setCurrentIndex(i)
        app.processEvents()
        png = "%s_%d.png" % (sys.argv[3], i + 1)
        form.grab().save(png)
        pngs.append(png)
        page = tabs[0].widget(i)
        area = page.findChildren(QScrollArea)[0]
        viewport = area.viewport()
        statuses = [w for w in page.findChildren(QLabel) if w.objectName() == "ConstraintStatus"
                    and w.isVisible()]
        right = max((w.mapTo(viewport, w.rect().topRight()).x() for w in statuses), default=0)
        fit.append({"tab": tabs[0].tabText(i), "hbar": area.horizontalScrollBar().isVisible(),
                    "constraint_right": right, "viewport": viewport.width()})
    report["form_pngs"] = pngs
    report["fit"] = fit
    layer.rollBack()
    settings = QgsMapSettings()
    settings.setLayers([layer, cites])
    settings.setDestinationCrs(layer.crs())
    extent = layer.extent()
    extent.scale(1.05)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(1000, 700))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(sys.argv[4])
    image = job.renderedImage()
    report["map_colours"] = len({image.pixel(x, y) for x in range(0, 1000, 5)
                                 for y in range(0, 700, 5)})

with open(out, "w", encoding="utf-8") as handle:
    json.dump(report, handle, ensure_ascii=False, indent=1, default=str)
