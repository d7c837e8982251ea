"""The plugin object QGIS loads: it registers the Processing provider ``osp`` and, in
the desktop, the layer action « Appliquer le formulaire OSP »."""
from qgis.core import QgsApplication, QgsMapLayerType, QgsProject

from .processing_algs.provider import OspProvider

ACTION_TEXT = "Appliquer le formulaire OSP"


class OspErbmPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        if self.provider is None:
            self.provider = OspProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtWidgets import QAction
        self.action = QAction(self.provider.icon(), ACTION_TEXT, self.iface.mainWindow())
        self.action.triggered.connect(self.apply_form_to_current_layer)
        self.iface.addCustomActionForLayerType(self.action, "", QgsMapLayerType.VectorLayer, True)

    def apply_form_to_current_layer(self):
        import processing
        from qgis.core import Qgis
        layer = self.iface.activeLayer()
        cites = next((l for l in QgsProject.instance().mapLayersByName("cites")), None)
        try:
            processing.run("osp:appliquerformulaire", {"INPUT": layer, "CITES": cites})
            self.iface.messageBar().pushMessage("OSP ERBM", "Formulaire OSP appliqué.",
                                                Qgis.Success, 5)
        except Exception as error:  # shown to the user, in French, by the algorithm
            self.iface.messageBar().pushMessage("OSP ERBM", str(error), Qgis.Warning, 10)

    def unload(self):
        if self.action is not None and self.iface is not None:
            self.iface.removeCustomActionForLayerType(self.action)
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
