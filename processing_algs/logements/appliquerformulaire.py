"""osp:appliquerformulaire — « Appliquer le formulaire OSP » to a compatible layer."""
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputVectorLayer,
                       QgsProcessingParameterVectorLayer)

from . import analyse_io
from ..common.base import OspAlgorithm

HELP = """<p>Applique à une couche de logements (qui a au moins les champs ident_rep, idpar,
bailleur et type_palu) le style par défaut et le formulaire OSP : onglets Identifiants,
Programme, Localisation, Cité, Suivi ; listes de valeurs (bailleurs, EPCI et cités affichés par
leur nom) ; dates ; contraintes expliquées en français. La couche est modifiée dans le projet
(pas les données). Les listes des EPCI et des cités viennent des tables epci et cites du même
GeoPackage, sinon des tables de référence du plugin et de la couche CITES donnée.</p>
<p><b>Exemple</b> : une ancienne couche « Analyse au logement par bailleur » ouverte depuis un
Shapefile reçoit le formulaire OSP, avec les cités de la couche « cites » du projet ; depuis la
console Python : <code>processing.run("osp:appliquerformulaire", {"INPUT": iface.activeLayer(),
"CITES": "cites"})</code>. Aussi proposé par un clic droit sur une couche de logements
(« Appliquer le formulaire OSP »).</p>"""


class ApplyOspForm(OspAlgorithm):
    NAME = "appliquerformulaire"
    DISPLAY_NAME = "Appliquer le formulaire OSP"
    SHORT = "Donne à une couche de logements du projet le style et le formulaire OSP."
    GROUP_ID = "cartes"
    HELP = HELP
    MAIN_THREAD = True  # works on a layer of the current project

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Couche de logements"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "CITES", self.tr("Cités (pour la liste du champ id_cite)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addOutput(QgsProcessingOutputVectorLayer("OUTPUT", self.tr("Couche stylée")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if not analyse_io.is_compatible(layer):
            raise QgsProcessingException(self.tr(
                "La couche « %s » n'a pas les champs d'une couche de logements OSP (ident_rep, "
                "idpar, bailleur, type_palu).") % (layer.name() if layer else ""))
        cites = self.parameterAsVectorLayer(parameters, "CITES", context)
        tables = analyse_io.sibling_tables(layer)
        if cites is not None:
            if analyse_io.field_index(cites, "id_cite") < 0 and \
                    analyse_io.field_index(cites, *analyse_io.CITE_ID_FIELDS) >= 0:
                cites = analyse_io.cites_table_layer(
                    cites, analyse_io.field_index(cites, *analyse_io.CITE_ID_FIELDS),
                    analyse_io.field_index(cites, *analyse_io.CITE_NAME_FIELDS))
            tables["cites"] = analyse_io.table_rows(cites, ("id_cite", "nom", "communes"))
        error = analyse_io.apply_osp_style(layer, tables)
        if error:
            raise QgsProcessingException(error)
        layer.triggerRepaint()
        feedback.pushInfo(self.tr("Formulaire et style OSP appliqués à « %s ».") % layer.name())
        return {"OUTPUT": layer.id()}
