"""osp:croisement_ff — « Croiser avec les Fichiers fonciers »."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from ...osp_qgis.fichiers_fonciers import crosscheck, rules
from ...osp_qgis.fields import alias
from ..common import communes as commune_layers
from ..common import parcels as parcel_layers
from ..common import qgis_io
from ..common.base import OspAlgorithm
from ..common.gpkg_layers import save_default_style
from ..common.outputs import Outputs, destination_file, sink_layer_name
from ..common.postprocess import StyleAndAliases
from . import locaux_io as ff_io

MISSING_FIELDS = crosscheck.MISSING_COLUMNS
PARCEL_FIELDS = (("idpar", "string"), ("idcom", "string"), ("ff_sociaux", "int"),
                 ("remontes", "int"), ("ecart", "int"), ("statut", "string"))
INDICATOR_FIELDS = (("niveau", "string"), ("code", "string"), ("nom", "string"),
                    ("logements_ff", "int"), ("logements_sociaux_ff", "int"),
                    ("part_sociaux", "double"), ("objectif_sru", "int"), ("manque_sru", "int"),
                    ("logements_remontes", "int"), ("couverture", "double"))
STYLES = {"MISSING": "ff_non_remontes.qml", "PARCEL_COMPARISON": "ff_comparaison.qml",
          "INDICATORS": "ff_indicateurs.qml"}


def fields_of(layer, specs):
    return qgis_io.make_fields([(name, kind, alias(name, layer)) for name, kind in specs])


class CroisementFF(OspAlgorithm):
    NAME = "croisement_ff"
    DISPLAY_NAME = "Croiser avec les Fichiers fonciers"
    GROUP_ID = "croisements"
    FILE_LAYERS = ("LOCAUX",)
    CHOICES = {"METHOD": rules.METHODS}

    def initAlgorithm(self, config=None):
        ff_io.add_locaux(self)
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Logements remontés (sortie de la jointure ou couche d'analyse)"),
            [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "PARCELS", self.tr("Parcelles (géométrie des sorties)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "TERRITORY", self.tr("Territoire à contrôler (polygones)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "COMMUNES", self.tr("Communes (polygones avec le code INSEE, pour la carte des "
                                "indicateurs)"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        ff_io.add_method(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "MISSING", self.tr("Logements sociaux FF non remontés"),
            QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "PARCEL_COMPARISON", self.tr("Comparaison par parcelle"),
            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "INDICATORS", self.tr("Part de logements sociaux par territoire"),
            QgsProcessing.SourceType.TypeVectorPolygon))
        for name, label in (("N_LOCAUX", "Locaux lus"), ("N_LOGEMENTS_FF", "Logements FF"),
                            ("N_SOCIAUX_FF", "Logements sociaux FF"),
                            ("N_MISSING", "Logements sociaux FF non remontés"),
                            ("N_REFUSED", "Locaux illisibles")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    # -- inputs ------------------------------------------------------------------------------
    def _parcels(self, parameters, context):
        layer = self.parameterAsVectorLayer(parameters, "PARCELS", context)
        return (layer,) + parcel_layers.checked_parcel_layer(layer)

    def _locaux(self, parameters, context, territory, feedback):
        locaux, refused = ff_io.usable_locaux(
            ff_io.locaux_source(self, parameters, context), feedback)
        if territory is not None:
            locaux = locaux[locaux["idpar"].map(territory.keeps_parcel).astype(bool)]
        return locaux, refused

    # -- run ---------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        parcels, id_field, mode = self._parcels(parameters, context)
        method = self.parameterAsChoice(parameters, "METHOD", context)
        target = ff_io.sru_target(self, parameters, context)
        territory_layer = self.parameterAsVectorLayer(parameters, "TERRITORY", context)
        territory = ff_io.Territory(territory_layer, parcels, id_field, mode, feedback) \
            if territory_layer is not None else None
        Outputs(self, parameters, context).check_folders("MISSING", "PARCEL_COMPARISON",
                                                         "INDICATORS")
        locaux, refused = self._locaux(parameters, context, territory, feedback)
        feedback.setProgress(30)
        dwellings = self.parameterAsVectorLayer(parameters, "INPUT", context)
        reported = crosscheck.reported_frame(ff_io.reported_dwellings(dwellings, territory))
        result = crosscheck.cross_check(locaux, reported, method, sru_target=target)
        feedback.pushInfo(self.tr("%d locaux, %d logements, %d logements sociaux (méthode %s) ; "
                                  "%d logements remontés ; %d logements sociaux FF non remontés.")
                          % (result.locaux, result.dwellings, result.social, method,
                             result.reported, len(result.missing)))
        feedback.setProgress(50)
        wanted = set(result.missing["idpar"]) | set(result.parcels.index)
        shapes = dict(parcel_layers.parcel_geometries(parcels, id_field, mode, wanted, feedback))
        unknown = len(wanted - set(shapes))
        if unknown:
            feedback.reportError(self.tr("%d parcelles des Fichiers fonciers ou des logements "
                                         "sont absentes de « %s » : sans géométrie.")
                                 % (unknown, parcels.name()), False)
        communes_layer = self.parameterAsVectorLayer(parameters, "COMMUNES", context)
        communes = commune_layers.commune_geometries(communes_layer, parcels.crs()) \
            if communes_layer is not None else None
        feedback.setProgress(70)
        outputs = self._write(parameters, context, result, shapes, communes, parcels.crs())
        outputs.update({"N_LOCAUX": result.locaux, "N_LOGEMENTS_FF": result.dwellings,
                        "N_SOCIAUX_FF": result.social, "N_MISSING": len(result.missing),
                        "N_REFUSED": len(refused)})
        return outputs

    def _write(self, parameters, context, result, shapes, communes, crs):
        missing_fields = fields_of("ff_non_remontes", [(n, "string") for n in MISSING_FIELDS]
                                   + [("logements_remontes_parcelle", "int")])
        parcel_fields = fields_of("ff_comparaison", PARCEL_FIELDS)
        indicator_fields = fields_of("ff_indicateurs", INDICATOR_FIELDS)

        def missing_rows():
            for row in result.missing.itertuples(index=False):
                shape = shapes.get(row.idpar)
                point = shape.pointOnSurface() if shape is not None and not shape.isEmpty() \
                    else None
                yield [getattr(row, n) or None for n in MISSING_FIELDS] + \
                    [int(row.logements_remontes_parcelle)], point

        def parcel_rows():
            for idpar, row in result.parcels.iterrows():
                yield [idpar, row["idcom"], int(row["ff_sociaux"]), int(row["remontes"]),
                       int(row["ecart"]), row["statut"]], shapes.get(idpar)

        def indicator_rows():
            for row in result.indicators:
                geometry = commune_layers.union(communes.get(c) for c in row["communes"]) \
                    if communes is not None else None
                yield [row[name] for name, _ in INDICATOR_FIELDS], geometry

        sinks = (("MISSING", missing_fields, QgsWkbTypes.Type.Point, missing_rows()),
                 ("PARCEL_COMPARISON", parcel_fields, QgsWkbTypes.Type.MultiPolygon,
                  parcel_rows()),
                 ("INDICATORS", indicator_fields, QgsWkbTypes.Type.MultiPolygon
                  if communes is not None else QgsWkbTypes.Type.NoGeometry, indicator_rows()))
        with Outputs(self, parameters, context) as outputs:
            written = [(name, fields, outputs.write(name, fields, kind, crs, rows))
                       for name, fields, kind, rows in sinks]
        dests = {}
        for name, fields, dest in written:
            dests[name] = dest
            path, layer_name = destination_file(dest)
            if path and path.lower().endswith(".gpkg") and os.path.exists(path):
                qgis_io.null_empty_geometries(dest)
                table = layer_name or sink_layer_name(path)
                save_default_style("%s|layername=%s" % (path, table), STYLES[name],
                                   {f.name(): f.alias() for f in fields})
            StyleAndAliases.attach(context, dest, fields, STYLES[name])
        return dests
