#!/usr/bin/python3
"""Open a programmation GeoPackage in a fresh QGIS process WITHOUT the plugin, through the
project stored in it (Projet › Ouvrir depuis › GeoPackage), and print as JSON what a plain
QGIS user gets: layers, relation, form tabs and widgets, the notes the « Avancement » tab
lists, the latest note's date; each tab rendered to PNG.

    inspect_programmation.py FILE.gpkg OUT.json PNG_PREFIX ID_OP
"""
import faulthandler
import json
import sys
from urllib.parse import quote

import form_report
from qgis.core import QgsApplication, QgsProject

faulthandler.enable()
path, out, prefix, id_op = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
app = QgsApplication([], True)
app.initQgis()
assert not [m for m in sys.modules if "osp_erbm" in m or "osp_qgis" in m], "plugin chargé"

project = QgsProject.instance()
report = {"read": project.read("geopackage:%s?projectName=%s" % (path, quote("Programmation OSP")))}
layers = {l.name(): l for l in project.mapLayers().values()}
report["layers"] = {name: [l.isValid(), l.featureCount(), l.source()] for name, l in
                    layers.items()}
report["relations"] = {r.id(): [r.isValid(), r.referencedLayer().name() if r.isValid() else None,
                                r.referencingLayer().name() if r.isValid() else None]
                       for r in project.relationManager().relations().values()}
operations = next(l for l in layers.values() if l.fields().indexOf("id_op") >= 0
                  and l.fields().indexOf("nom") >= 0)
notes = next(l for l in layers.values() if l.fields().indexOf("texte") >= 0)
config = operations.editFormConfig()
report["tabs"] = [t.name() for t in config.tabs()]
fields = operations.fields()
report["widgets"] = form_report.widgets(operations)
report["aliases"] = form_report.aliases(operations)
report["constraints"] = form_report.constraints(operations)
report["note_widgets"] = form_report.widgets(notes)
report["styles"] = operations.listStylesInDatabase()[2]
renderer = operations.renderer()
report["renderer"] = [renderer.type(), getattr(renderer, "classAttribute", lambda: None)(),
                      [[c.value(), c.label()] for c in getattr(renderer, "categories",
                                                                 lambda: [])()]]
report["labels"] = operations.labelsEnabled()
feature = next(f for f in operations.getFeatures() if f["id_op"] == id_op)
report["derniere_note"] = feature["derniere_note"].toString("yyyy-MM-dd") \
    if feature["derniere_note"] else None
registry = QgsApplication.fieldFormatterRegistry()
represented = {}
for name in ("statut", "type_prog", "bailleur", "epci"):
    index = fields.indexOf(name)
    setup = operations.editorWidgetSetup(index)
    represented[name] = [str(feature[name]), registry.fieldFormatter(setup.type()).representValue(
        operations, index, setup.config(), None, feature[name])]
report["represented"] = represented
report["names"] = {name: feature[name] for name in ("communes", "communes_noms", "cites",
                                                    "cites_noms")
                   if fields.indexOf(name) >= 0}
report["crs"] = project.crs().authid()
view = project.viewSettings().defaultViewExtent()
report["view"] = [view.xMinimum(), view.yMinimum(), view.xMaximum(), view.yMaximum()]
extent = operations.extent()
report["operations_extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                               extent.yMaximum()]
scale_tabs = None

from qgis.core import QgsVectorLayerTools
from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsGui
from qgis.PyQt.QtWidgets import QListView, QScrollArea, QTabWidget, QWidget


class Tools(QgsVectorLayerTools):
    """What desktop QGIS gives every form (a standalone application must bring its own:
    the relation editor needs it)."""

    def addFeature(self, *args):
        return False

    def startEditing(self, layer):
        return layer.startEditing()

    def stopEditing(self, layer, allowCancel=True):
        return layer.rollBack()

    def saveEdits(self, layer):
        return True

    def copyMoveFeatures(self, *args):
        return False


QgsGui.editorWidgetRegistry().initEditors()
tools = Tools()
context = QgsAttributeEditorContext()
context.setVectorLayerTools(tools)
operations.startEditing()
form = QgsAttributeForm(operations, feature, context)
form.resize(650, 470)
form.show()
tabs = form.findChildren(QTabWidget)[0]
pngs, fit, listed = [], [], None
report["tab_bar_fits"] = tabs.tabBar().sizeHint().width() <= tabs.width()
for i in range(tabs.count()):
    tabs.setCurrentIndex(i)
    app.processEvents()
    png = "%s_%d.png" % (prefix, i + 1)
    form.grab().save(png)
    pngs.append(png)
    page = tabs.widget(i)
    areas = page.findChildren(QScrollArea)
    hbar = bool(areas) and areas[0].horizontalScrollBar().isVisible()
    wide = []
    if hbar:  # what sticks out: the widest widgets of the tab
        viewport = areas[0].viewport()
        wide = sorted(((w.minimumSizeHint().width(), w.metaObject().className(),
                        w.objectName()) for w in page.findChildren(QWidget)
                       if w.isVisible() and viewport.isAncestorOf(w)), reverse=True)[:8]
    fit.append({"tab": tabs.tabText(i), "hbar": hbar, "wide": wide})
    lists = [v for v in page.findChildren(QListView)
             if v.metaObject().className() == "QgsFeatureListView"]
    if lists:
        listed = lists[0].model().rowCount()
report["form_pngs"] = pngs
report["fit"] = fit
report["relation_rows"] = listed
operations.rollBack()
note = next(f for f in notes.getFeatures() if f["id_op"] == id_op)
notes.startEditing()
note_form = QgsAttributeForm(notes, note, context)
note_form.resize(650, 470)
note_form.show()
app.processEvents()
note_form.grab().save(prefix + "_avancement.png")
notes.rollBack()
report["note_png"] = prefix + "_avancement.png"

with open(out, "w", encoding="utf-8") as handle:
    json.dump(report, handle, ensure_ascii=False, indent=1, default=str)
