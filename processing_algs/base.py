"""One base class for the provider's algorithms: names, group, icon, help."""
from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..osp_qgis.reference import resource_path

HELP_URL = "https://example.invalid/osp_erbm/docs/%s.html"


GROUPS = {"logements": "Logements réhabilités", "cartographie": "Cartographie",
          "syntheses": "Synthèses"}


class OspAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``NAME``, ``DISPLAY_NAME``, ``GROUP_ID`` (a key of :data:`GROUPS`),
    ``HELP`` (French, with an example), ``MAIN_THREAD`` when they touch the current
    project, and implement ``initAlgorithm`` / ``processAlgorithm``."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = "logements"
    HELP = ""
    MAIN_THREAD = False

    def flags(self):
        flags = super().flags()
        return flags | self.FlagNoThreading if self.MAIN_THREAD else flags

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return type(self)()

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return self.tr(GROUPS[self.GROUP_ID])

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(self.HELP)

    def helpUrl(self):  # noqa: N802 (QGIS API name)
        return HELP_URL % self.NAME

    def icon(self):
        return QIcon(resource_path("icons", "osp.svg"))
