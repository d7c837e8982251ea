"""Run inside desktop QGIS (``qgis --code probe_desktop.py``, under Xvfb) by
tests/qgis/test_desktop.py: uses the plugin installed from its ZIP as a cartographer
would, and writes what is seen to $OSP_PROBE_OUT/report.json (+ screenshots)."""
import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QScrollArea, QTabWidget, QTextBrowser
from qgis.utils import iface, plugins

OUT = os.environ["OSP_PROBE_OUT"]
GPKG = os.environ["OSP_PROBE_GPKG"]
PROGRAMMATION = os.environ.get("OSP_PROBE_PROGRAMMATION")
report = {}


def shot(widget, name):
    path = os.path.join(OUT, name)
    widget.grab().save(path)
    report.setdefault("screenshots", []).append(path)


def context_menu(layer):
    iface.layerTreeView().setCurrentLayer(layer)
    QgsApplication.processEvents()
    menu = iface.layerTreeView().menuProvider().createContextMenu()
    texts = [a.text() for a in menu.actions()]
    menu.deleteLater()
    return texts


def represented(layer, name):
    index = layer.fields().indexOf(name)
    setup = layer.editorWidgetSetup(index)
    feature = next(f for f in layer.getFeatures() if f[name] not in (None, ""))
    formatter = QgsApplication.fieldFormatterRegistry().fieldFormatter(setup.type())
    return [setup.type(), str(feature[name]),
            formatter.representValue(layer, index, setup.config(), None, feature[name])]


def form_fit(dialog):
    tabs = dialog.findChildren(QTabWidget)
    out = []
    if not tabs:
        return out
    for i in range(tabs[0].count()):
        tabs[0].setCurrentIndex(i)
        QgsApplication.processEvents()
        area = tabs[0].widget(i).findChildren(QScrollArea)
        out.append({"tab": tabs[0].tabText(i),
                    "hbar": bool(area) and area[0].horizontalScrollBar().isVisible()})
        shot(dialog, "formulaire_onglet_%d.png" % (i + 1))
    return out


def toolbox():
    dock = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
    dock.show()
    from qgis.gui import QgsProcessingToolboxTreeView
    tree = dock.findChild(QgsProcessingToolboxTreeView)
    model = tree.model()
    provider = None
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.data(index) == "OSP ERBM":
            provider = index
    groups = []
    tree.expand(provider)
    for row in range(model.rowCount(provider)):
        group = model.index(row, 0, provider)
        tree.expand(group)
        metrics = tree.fontMetrics()
        algorithms = []
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            text = model.data(index)
            rect = tree.visualRect(index)
            # icon (16 px) and spacing before the text: does the whole name show?
            fits = rect.left() + 24 + metrics.horizontalAdvance(text) <= tree.viewport().width()
            algorithms.append([text, model.data(index, Qt.ItemDataRole.ToolTipRole), fits])
        groups.append([model.data(group), algorithms])
    QgsApplication.processEvents()
    shot(dock, "boite_a_outils.png")
    return groups


def algorithm_dialog(algorithm_id, name):
    import processing
    dialog = processing.createAlgorithmDialog(algorithm_id, {})
    dialog.resize(900, 640)
    dialog.show()
    QgsApplication.processEvents()
    browsers = [b for b in dialog.findChildren(QTextBrowser) if b.toPlainText().strip()]
    text = max((b.toPlainText() for b in browsers), key=len, default="")
    shot(dialog, name)
    dialog.close()
    return text


def programmation():
    """The programmation as a cartographer opens it: Projet › Ouvrir depuis › GeoPackage,
    then an operation's form and its « Avancement » tab listing the notes."""
    from urllib.parse import quote

    from qgis.PyQt.QtWidgets import QListView
    out = {"read": QgsProject.instance().read("geopackage:%s?projectName=%s"
                                               % (PROGRAMMATION, quote("Programmation OSP")))}
    QgsApplication.processEvents()
    layers = {l.name(): l for l in QgsProject.instance().mapLayers().values()}
    out["layers"] = {name: l.isValid() for name, l in layers.items()}
    operations = layers["Opérations de la programmation"]
    wanted = int(os.environ["OSP_PROBE_ID_OP"])
    feature = next(f for f in operations.getFeatures() if f["id_op"] == wanted)
    dialog = iface.getFeatureForm(operations, feature)
    dialog.resize(650, 470)
    dialog.show()
    QgsApplication.processEvents()
    tabs = dialog.findChildren(QTabWidget)[0]
    out["tabs"] = [tabs.tabText(i) for i in range(tabs.count())]
    out["fit"] = form_fit(dialog)
    tabs.setCurrentIndex(tabs.count() - 1)
    QgsApplication.processEvents()
    lists = [v for v in tabs.widget(tabs.count() - 1).findChildren(QListView)
             if v.metaObject().className() == "QgsFeatureListView"]
    out["notes_listed"] = lists[0].model().rowCount() if lists else None
    shot(dialog, "programmation_avancement.png")
    dialog.close()
    return out


def run():
    try:
        report["plugins"] = list(plugins.keys())
        menu = next(a.menu() for a in iface.pluginMenu().actions()
                    if a.menu() and a.text().replace("&", "") == "OSP ERBM")
        report["menu"] = [a.text() for a in menu.actions()]
        analyse = QgsVectorLayer(GPKG + "|layername=analyse_logement",
                                 "Analyse au logement par bailleur", "ogr")
        epci = QgsVectorLayer(GPKG + "|layername=epci", "epci", "ogr")
        QgsProject.instance().addMapLayers([analyse, epci])
        report["menu_analyse"] = context_menu(analyse)
        report["menu_epci"] = context_menu(epci)
        report["represented_before"] = {n: represented(analyse, n) for n in ("epci", "id_cite")}
        iface.layerTreeView().setCurrentLayer(analyse)
        iface.setActiveLayer(analyse)
        menu = iface.layerTreeView().menuProvider().createContextMenu()  # kept alive
        next(a for a in menu.actions() if a.text() == "Appliquer le formulaire OSP").trigger()
        menu.deleteLater()
        QgsApplication.processEvents()
        report["represented_after"] = {n: represented(analyse, n) for n in ("epci", "id_cite")}
        feature = next(f for f in analyse.getFeatures() if f["id_cite"] is not None)
        analyse.startEditing()
        dialog = iface.getFeatureForm(analyse, feature)
        dialog.show()
        QgsApplication.processEvents()
        report["form_size"] = [dialog.width(), dialog.height()]
        report["form_default"] = form_fit(dialog)
        dialog.resize(650, 470)
        QgsApplication.processEvents()
        report["form_650"] = form_fit(dialog)
        dialog.close()
        analyse.rollBack()
        report["toolbox"] = toolbox()
        report["help_join"] = algorithm_dialog("osp:joinbailleurparcelles", "dialogue_jointure.png")
        report["help_synthese"] = algorithm_dialog("osp:synthese", "dialogue_synthese.png")
        report["help_croisement_ff"] = algorithm_dialog("osp:croisement_ff",
                                                        "dialogue_croisement_ff.png")
        report["help_indicateurs"] = algorithm_dialog("osp:indicateurs_parc_social",
                                                      "dialogue_indicateurs_parc_social.png")
        shot(iface.mainWindow(), "fenetre.png")
        if PROGRAMMATION:
            report["programmation"] = programmation()
    except Exception:
        report["error"] = traceback.format_exc()
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=1)
    QgsApplication.exit(0)


QTimer.singleShot(2000, run)
