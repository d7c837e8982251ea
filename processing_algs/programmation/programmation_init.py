"""osp:programmation_init — « Créer la programmation »."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
)

from ..common.base import OspAlgorithm
from . import postgis, store
from .geometry import cites_from_layer
from .params import target_of
from .project import save_styles
from .signing_keys import signing_key
from .target import StoreError


class ProgrammationInit(OspAlgorithm):
    NAME = "programmation_init"
    DISPLAY_NAME = "Créer la programmation"
    GROUP_ID = "programmation"
    DATABASE_TARGETS = ("OUTPUT",)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "CITES", self.tr("Cités minières (polygones : identifiant, nom)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Programmation (GeoPackage, ou postgres:… schema=…)"),
            self.tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber("N_OPERATIONS",
                                                 self.tr("Opérations dans la programmation")))
        self.addOutput(QgsProcessingOutputString("PROGRAMMATION", self.tr("Programmation")))

    def processAlgorithm(self, parameters, context, feedback):
        target = target_of(self, parameters, "OUTPUT", context, output=True)
        cites_layer = self.parameterAsVectorLayer(parameters, "CITES", context)
        new_cites = cites_from_layer(cites_layer) if cites_layer is not None else None
        counts = []

        def completed(operations, notes, cites):
            """Nothing lost: the operations and notes as they are, the cités given."""
            counts[:] = [operations, notes, new_cites if new_cites is not None else cites]
            return tuple(counts)

        try:
            if target.kind == "gpkg":
                store.update_gpkg(target.path, completed, cancelled=feedback.isCanceled)
            else:
                completed(*store.read(target))
                postgis.create_postgis(target)
                postgis.write_postgis(target, counts[0], counts[1], counts[2], [], {}, [], [])
                save_styles(target, counts[2])
                signing_key(target, create=True)
            operations, notes, cites = counts
        except StoreError as error:
            raise QgsProcessingException(str(error))
        except Exception as error:  # GeoPackageError and the like: French already
            raise QgsProcessingException(str(error))
        feedback.pushInfo(self.tr("Programmation prête : %s (%d opérations, %d notes, %d cités).")
                          % (target.label, len(operations), len(notes), len(cites)))
        return {"OUTPUT": target.path or parameters.get("OUTPUT"),
                "PROGRAMMATION": target.path or target.label, "N_OPERATIONS": len(operations)}
