"""osp:atlas — « Imprimer l'atlas OSP »."""
import os

from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)

from ...osp_qgis.logements import atlas as atlas_rules
from ...osp_qgis.logements import synthesis
from ...osp_qgis.reference import resource_path
from ...osp_qgis.territory import Territory
from ..common import atlas_print as atlas_export
from ..common import layout_items, qt_compat, records_io
from ..common.base import OspAlgorithm
from . import atlas_layout, atlas_pages

SCALE_PARAMETER = {"cite": "CITES", "commune": "COMMUNES", "epci": "EPCI",
                   "departement": "DEPARTEMENTS", "bassin": "BASSIN"}
CODE_FIELDS, NAME_FIELDS = atlas_pages.CODE_FIELDS, atlas_pages.NAME_FIELDS
STYLE_BY = ("type_palu", "bailleur")
STYLE_QML = {"type_palu": "analyse_logement_type_palu.qml", "bailleur": "analyse_logement.qml"}
PAGES = ("A4", "A3")


class Atlas(OspAlgorithm):
    NAME = "atlas"
    DISPLAY_NAME = "Imprimer l'atlas OSP"
    GROUP_ID = "cartes"
    CHOICES = {"SCALE": atlas_rules.SCALES, "STYLE_BY": STYLE_BY, "PAGE": PAGES}
    MAIN_THREAD = True  # builds a layout in the current project

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Logements (couche d'analyse)"), [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterEnum(
            "SCALE", self.tr("Échelle des pages"),
            options=[atlas_rules.SCALE_LABELS[s] for s in atlas_rules.SCALES], defaultValue=2))
        for name, label in (("CITES", "Cités"), ("COMMUNES", "Communes"), ("EPCI", "EPCI"),
                            ("DEPARTEMENTS", "Départements"),
                            ("BASSIN", "Périmètre du Bassin minier"),
                            ("PARCELS", "Parcelles (dessinées à l'échelle de la cité)")):
            self.addParameter(QgsProcessingParameterVectorLayer(
                name, self.tr(label), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            "FILTER", self.tr("Filtre sur les entités (expression, ex. \"sigle\" = 'CALL')"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "BAILLEUR", self.tr("Atlas d'un seul bailleur (ex. M&C)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "STYLE_BY", self.tr("Logements colorés par"),
            options=[self.tr("type PALULOS"), self.tr("bailleur")], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            "PAGE", self.tr("Format"), options=list(PAGES), defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", self.tr("Gabarit de mise en page (.qpt)"),
            extension="qpt", optional=True))
        atlas_export.add_export_parameters(self)

    # -- the data ---------------------------------------------------------------------------
    def _bassin_outline(self, parameters, context, records, crs):
        """Without a perimeter layer: the union of the EPCI (or communes) given, else the
        dwellings' extent."""
        for name in ("EPCI", "COMMUNES"):
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is not None and layer.featureCount() > 0:
                union = QgsGeometry.unaryUnion([f.geometry() for f in layer.getFeatures()
                                                if f.hasGeometry()])
                if not union.isEmpty():
                    return union, layer.crs()
        return self._bassin_from_dwellings(records, crs), crs

    def _bassin_from_dwellings(self, records, crs):
        box = QgsRectangle()
        for r in records:
            if r["geometry"] is not None and not r["geometry"].isEmpty():
                box.combineExtentWith(r["geometry"].boundingBox())
        if box.isEmpty():
            raise QgsProcessingException(self.tr("Aucun logement géolocalisé à cartographier."))
        box.grow(max(box.width(), box.height()) * 0.05 + 100)
        return QgsGeometry.fromRect(box)

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if source is None or not source.isValid():
            raise QgsProcessingException(self.tr("La couche des logements est illisible."))
        scale = self.parameterAsChoice(parameters, "SCALE", context)
        style_by = self.parameterAsChoice(parameters, "STYLE_BY", context)
        bailleur = self.parameterAsString(parameters, "BAILLEUR", context) or None
        records = records_io.read_records(source, feedback)
        if bailleur:
            records = [r for r in records if r["values"].get("bailleur") == bailleur]
        dwellings = [r["values"] for r in records]
        for d in dwellings:
            d.setdefault("geoloc_source", None)
        if not dwellings:
            raise QgsProcessingException(self.tr("Aucun logement à cartographier%s.")
                                         % (" pour le bailleur %s" % bailleur if bailleur else ""))
        crs = source.crs()
        territory = Territory.from_reference()
        coverage_source = self.parameterAsVectorLayer(parameters, SCALE_PARAMETER[scale], context)
        if coverage_source is None and scale != "bassin":
            raise QgsProcessingException(self.tr(
                "L'échelle %s demande la couche « %s ».")
                % (atlas_rules.SCALE_LABELS[scale], SCALE_PARAMETER[scale]))
        entities = atlas_pages.entities(coverage_source, scale, territory)
        entity_crs = coverage_source.crs() if coverage_source is not None else crs
        if scale == "bassin" and not entities:
            outline, entity_crs = self._bassin_outline(parameters, context, records, crs)
            entities = [("bassin", "Bassin minier", outline, None)]
        years = synthesis.year_columns(dwellings)
        kept = self._select(parameters, context, scale, entities, dwellings, coverage_source)
        if not kept:
            raise QgsProcessingException(self.tr("Aucune entité à imprimer (aucun logement, ou "
                                                 "filtre trop strict)."))
        feedback.pushInfo(self.tr("%d pages à l'échelle %s.") % (len(kept),
                                                                atlas_rules.SCALE_LABELS[scale]))
        coverage, figures = atlas_pages.coverage_layers(scale, kept, years, entity_crs)
        context_layer = atlas_pages.context_layer(scale, entities, entity_crs)
        layers = self._map_layers(parameters, context, scale, records, crs, style_by,
                                  context_layer)
        layout = self._layout(parameters, context, scale, coverage, figures, layers,
                              context_layer, source)
        feedback.setProgress(20)
        outputs = self._export(parameters, context, feedback, layout, scale)
        self._add_to_project(context, layout, scale, [coverage, figures, context_layer]
                             + [l for l in layers if l is not None])
        outputs.update({"N_PAGES": len(kept), "LAYOUT": layout.name()})
        return outputs

    def _select(self, parameters, context, scale, entities, dwellings, coverage_source):
        expression_text = self.parameterAsString(parameters, "FILTER", context)
        expression = QgsExpression(expression_text) if expression_text else None
        if expression is not None and expression.hasParserError():
            raise QgsProcessingException(self.tr("Filtre invalide : %s")
                                         % expression.parserErrorString())
        accept = None
        if expression is not None:
            def accept(feature):
                ctx = QgsExpressionContext(
                    QgsExpressionContextUtils.globalProjectLayerScopes(coverage_source))
                ctx.setFeature(feature)
                return expression.evaluate(ctx)
        return atlas_pages.pages(scale, entities, dwellings, accept)

    def _map_layers(self, parameters, context, scale, records, crs, style_by, context_layer):
        names = ("ident_rep", "bailleur", "type_palu", "annee_financ")
        fields = QgsFields()
        for name in names:
            fields.append(QgsField(name, qt_compat.INT if name == "annee_financ"
                                   else qt_compat.STRING))
        dwellings = records_io.memory_layer(fields, QgsWkbTypes.Type.Point, crs,
                                            "Logements réhabilités")
        features = []
        for r in records:
            if r["geometry"] is None or r["geometry"].isEmpty():
                continue
            feature = QgsFeature(dwellings.fields())
            feature.setAttributes([r["values"].get(n) for n in names])
            feature.setGeometry(r["geometry"])
            features.append(feature)
        dwellings.dataProvider().addFeatures(features)
        dwellings.loadNamedStyle(resource_path("styles", STYLE_QML[style_by]),
                                 QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling)
        cites = None
        source = self.parameterAsVectorLayer(parameters, "CITES", context)
        if source is not None and scale != "bassin":
            cites = source.clone()
            cites.setName("Cités minières")
            cites.loadNamedStyle(resource_path("styles", "cites.qml"))
        parcels = None
        source = self.parameterAsVectorLayer(parameters, "PARCELS", context)
        if source is not None and scale == "cite":
            parcels = source.clone()
            parcels.setName("Parcelles")
            parcels.setRenderer(parcels.renderer().defaultRenderer(QgsWkbTypes.GeometryType.PolygonGeometry))
            parcels.renderer().setSymbol(QgsFillSymbol.createSimple({
                "color": "250,248,243,255", "outline_color": "#bdbdbd", "outline_width": "0.1"}))
        background = None
        name = atlas_rules.BACKGROUND[scale]
        source = self.parameterAsVectorLayer(parameters, name, context) if name else None
        if source is not None and name != "CITES":
            background = source.clone()
            background.setName({"EPCI": "EPCI", "COMMUNES": "Communes"}[name])
            background.setRenderer(
                background.renderer().defaultRenderer(QgsWkbTypes.GeometryType.PolygonGeometry))
            background.renderer().setSymbol(QgsFillSymbol.createSimple({
                "color": "255,255,255,0", "outline_color": "#8d8d8d", "outline_width": "0.25",
                "outline_style": "dot"}))
        return [dwellings, cites, parcels, background]

    # -- the layout -------------------------------------------------------------------------
    def _template(self, parameters, context):
        path = self.parameterAsFile(parameters, "TEMPLATE", context)
        if not path:
            page = self.parameterAsChoice(parameters, "PAGE", context)
            path = resource_path("layouts", "atlas_%s.qpt" % page.lower())
        if not os.path.isfile(path):
            raise QgsProcessingException(self.tr("Gabarit « %s » introuvable.") % path)
        document = layout_items.read_template(path)
        if document is None:
            raise QgsProcessingException(self.tr("Gabarit « %s » illisible.") % path)
        return document

    def _layout(self, parameters, context, scale, coverage, figures, layers, context_layer,
                source):
        project = context.project() or QgsProject.instance()  # qgis_process has no project
        return atlas_layout.build(project, self._template(parameters, context), scale, coverage,
                                  figures, layers, context_layer, source,
                                  self._around(parameters, context, scale))

    def _around(self, parameters, context, scale):
        """The territories drawn around the page's entity on the situation map: the
        départements (or EPCI) around the basin, the communes around a cité or a commune."""
        if scale == "bassin":
            name = "DEPARTEMENTS" if self.parameterAsVectorLayer(
                parameters, "DEPARTEMENTS", context) is not None else "EPCI"
            return atlas_layout.outline(self.parameterAsVectorLayer(parameters, name, context),
                                        "245,245,245,255",
                                        NAME_FIELDS["departement"] if name == "DEPARTEMENTS"
                                        else NAME_FIELDS["epci"])
        if scale in ("cite", "commune"):
            return atlas_layout.outline(self.parameterAsVectorLayer(parameters, "COMMUNES",
                                                                    context),
                                        "240,240,240,255", NAME_FIELDS["commune"])
        return None

    def _export(self, parameters, context, feedback, layout, scale):
        return atlas_export.export(self, parameters, context, feedback, layout,
                                   "atlas_%s" % scale)

    @staticmethod
    def _add_to_project(context, layout, scale, layers):
        atlas_export.add_to_project(context, layout, layers)
