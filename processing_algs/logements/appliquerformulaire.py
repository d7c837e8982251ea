"""osp:appliquerformulaire — « Appliquer le formulaire OSP » to a compatible layer."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterVectorLayer,
)

from ..common import territory_layers
from ..common.base import OspAlgorithm
from . import analyse_io


class ApplyOspForm(OspAlgorithm):
    NAME = "appliquerformulaire"
    DISPLAY_NAME = "Appliquer le formulaire OSP"
    GROUP_ID = "cartes"
    MAIN_THREAD = True  # works on a layer of the current project

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Couche de logements"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "CITES", self.tr("Cités (pour la liste du champ id_cite)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addOutput(QgsProcessingOutputVectorLayer("OUTPUT", self.tr("Couche stylée")))

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if not analyse_io.is_compatible(layer):
            raise QgsProcessingException(self.tr(
                "La couche « %s » n'a pas les champs d'une couche de logements OSP (ident_rep, "
                "idpar, bailleur, type_palu).") % (layer.name() if layer else ""))
        cites = self.parameterAsVectorLayer(parameters, "CITES", context)
        tables = territory_layers.sibling_tables(layer)
        if cites is not None:
            if analyse_io.field_index(cites, "id_cite") < 0 and \
                    analyse_io.field_index(cites, *territory_layers.CITE_ID_FIELDS) >= 0:
                cites = analyse_io.cites_table_layer(
                    cites, analyse_io.field_index(cites, *territory_layers.CITE_ID_FIELDS),
                    analyse_io.field_index(cites, *territory_layers.CITE_NAME_FIELDS))
            tables["cites"] = territory_layers.table_rows(cites, ("id_cite", "nom", "communes"))
        error = analyse_io.apply_osp_style(layer, tables)
        if error:
            raise QgsProcessingException(error)
        layer.triggerRepaint()
        feedback.pushInfo(self.tr("Formulaire et style OSP appliqués à « %s ».") % layer.name())
        return {"OUTPUT": layer.id()}
