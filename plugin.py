"""The plugin object QGIS loads: it registers the Processing provider ``osp`` and, in
the desktop, the menu « Extensions › OSP ERBM » (main algorithms and the help shipped
with the plugin) and the layer action « Appliquer le formulaire OSP » on the layers it
applies to."""
import os

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QAction

from .processing_algs.base_partagee import versioning
from .processing_algs.common import qt_compat
from .processing_algs.logements.analyse_io import is_compatible
from .processing_algs.provider import MENU, OspProvider

MENU_TITLE = "&OSP ERBM"
ACTION_TEXT = "Appliquer le formulaire OSP"
HELP_INDEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "resources", "help",
                          "index.html")


class OspErbmPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None
        self.menu_actions = []

    def initProcessing(self):
        if self.provider is None:
            self.provider = OspProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)
            # edits of the shared base keep its optimistic lock (processing_algs/versioning)
            project = QgsProject.instance()
            versioning.watch_layers(project.mapLayers().values())
            project.layersAdded.connect(versioning.watch_layers)

    def initGui(self):
        self.initProcessing()
        if self.iface is None:
            return
        window = self.iface.mainWindow()
        for algorithm_id in MENU:
            algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
            if algorithm is None:
                continue
            action = QAction(algorithm.icon(), algorithm.displayName() + "…", window)
            action.setToolTip(algorithm.shortDescription())
            action.setObjectName("osp_menu_" + algorithm.name())
            action.triggered.connect(lambda checked=False, a=algorithm_id: self.open_dialog(a))
            self.iface.addPluginToMenu(MENU_TITLE, action)
            self.menu_actions.append(action)
        help_action = QAction(self.provider.icon(), "Documentation OSP ERBM", window)
        help_action.setObjectName("osp_menu_aide")
        help_action.triggered.connect(self.open_help)
        self.iface.addPluginToMenu(MENU_TITLE, help_action)
        self.menu_actions.append(help_action)
        self.action = QAction(self.provider.icon(), ACTION_TEXT, window)
        self.action.triggered.connect(self.apply_form_to_current_layer)
        # offered on the compatible layers only, as they come into the project
        self.iface.addCustomActionForLayerType(self.action, "", qt_compat.VECTOR_LAYER,
                                               False)
        project = QgsProject.instance()
        self.offer_action(project.mapLayers().values())
        project.layersAdded.connect(self.offer_action)

    def offer_action(self, layers):
        for layer in layers:
            if is_compatible(layer):
                self.iface.addCustomActionForLayer(self.action, layer)

    @staticmethod
    def open_dialog(algorithm_id):
        import processing
        processing.execAlgorithmDialog(algorithm_id, {})

    @staticmethod
    def open_help():
        QDesktopServices.openUrl(QUrl.fromLocalFile(HELP_INDEX))

    def apply_form_to_current_layer(self):
        import processing
        layer = self.iface.activeLayer()
        cites = next((l for l in QgsProject.instance().mapLayersByName("cites")), None)
        try:
            processing.run("osp:appliquerformulaire", {"INPUT": layer, "CITES": cites})
            self.iface.messageBar().pushMessage("OSP ERBM", "Formulaire OSP appliqué.",
                                                Qgis.MessageLevel.Success, 5)
        except Exception as error:  # shown to the user, in French, by the algorithm
            self.iface.messageBar().pushMessage("OSP ERBM", str(error), Qgis.MessageLevel.Warning, 10)

    def unload(self):
        try:
            QgsProject.instance().layersAdded.disconnect(versioning.watch_layers)
        except (TypeError, RuntimeError):
            pass
        if self.iface is not None:
            for action in self.menu_actions:
                self.iface.removePluginMenu(MENU_TITLE, action)
            self.menu_actions = []
            if self.action is not None:
                self.iface.removeCustomActionForLayerType(self.action)
                try:
                    QgsProject.instance().layersAdded.disconnect(self.offer_action)
                except (TypeError, RuntimeError):
                    pass
                self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
