"""osp:fiche_territoire — « Fiches territoire du parc social »."""
from qgis.core import (
    QgsFillSymbol,
    QgsLayoutItemPage,
    QgsLayoutItemShape,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterExpression,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsProperty,
    QgsRuleBasedRenderer,
    QgsUnitTypes,
)

from ..common import atlas_print as atlas_export
from ..common import layout_items
from ..common.base import OspAlgorithm

KEY_FIGURES = (("Logements sociaux", "logements", 0, ""),
               ("Surface habitable moyenne", "surface_moyenne", 1, " m²"),
               ("Année moyenne d'achèvement", "annee_moyenne", None, ""),
               ("En QPV", "part_en_qpv", 1, " %"),
               ("Vacants", "part_vacants", 1, " %"),
               ("Ménages enquêtés (OPS)", "menages", 0, ""),
               ("Ménages sous 60 % du plafond HLM", "part_rev_sous_60", 1, " %"),
               ("Personnes seules", "part_men_seule", 1, " %"),
               ("Familles monoparentales", "part_men_monoparentale", 1, " %"))
TYPOLOGY = (("T1", "part_t1"), ("T2", "part_t2"), ("T3", "part_t3"), ("T4", "part_t4"),
            ("T5+", "part_t5p"))
ENERGY = tuple((label, "part_dpe_" + label.lower()) for label in "ABCDEFG")
ENERGY_COLOURS = ("#009c6d", "#52b153", "#a5cc74", "#f4e70f", "#f0b50f", "#eb8235",
                  "#d7221f")
TYPOLOGY_COLOUR = "#1f4e79"
BAR_MAX = 70.0   # mm for 100 %


def figure_expression(field, decimals, unit, fields):
    """« 1 234,5 m² », « s » when hidden, « – » when the table does not have the field;
    ``decimals`` ``None`` for a year."""
    if field not in fields:
        return "'–'"
    if decimals is None:   # a year: no thousands separator
        return "if(\"%s\" IS NULL, 's', to_string(to_int(\"%s\")))" % (field, field)
    return ("if(\"%s\" IS NULL, 's', format_number(\"%s\", %d, 'fr') || '%s')"
            % (field, field, decimals, unit))


class FicheTerritoire(OspAlgorithm):
    NAME = "fiche_territoire"
    DISPLAY_NAME = "Fiches territoire"
    GROUP_ID = "cartes"
    MAIN_THREAD = True

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Indicateurs du parc social (table d'osp:indicateurs_parc_social)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterExpression(
            "FILTER", self.tr("Zones à imprimer (expression, ex. \"niveau\" = 'Commune')"),
            parentLayerParameterName="INPUT", optional=True))
        atlas_export.add_export_parameters(self)

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsVectorLayer(parameters, "INPUT", context)
        names = set(source.fields().names())
        if not {"niveau", "code", "nom", "logements"} <= names:
            raise QgsProcessingException(
                "« %s » n'est pas une table d'osp:indicateurs_parc_social (champs niveau, code, "
                "nom, logements attendus)." % source.name())
        coverage = source.clone()
        expression = self.parameterAsString(parameters, "FILTER", context).strip()
        condition = "NOT is_empty_or_null($geometry)"
        if expression:
            condition = "(%s) AND %s" % (expression, condition)
        coverage.setSubsetString("")
        kept = [f.id() for f in coverage.getFeatures(condition)]
        if not kept:
            raise QgsProcessingException("Aucune zone à imprimer (filtre trop strict, ou zones "
                                         "sans contour).")
        coverage.setName("Fiches – zones")
        feedback.pushInfo("%d fiches." % len(kept))
        context_layer = self._context(source)
        layout = self._layout(context, coverage, context_layer, names, condition)
        outputs = atlas_export.export(self, parameters, context, feedback, layout,
                                      "fiches_territoire")
        atlas_export.add_to_project(context, layout, [coverage, context_layer])
        outputs.update({"N_PAGES": len(kept), "LAYOUT": layout.name()})
        return outputs

    @staticmethod
    def _context(source):
        """The zones drawn on the map: the page's zone filled, its neighbours grey."""
        layer = source.clone()
        layer.setName("Fiches – voisinage")
        root = QgsRuleBasedRenderer.Rule(None)
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
            {"color": "#fb6a4a", "outline_color": "#a50f15", "outline_width": "0.6"}), 0, 0,
            "@atlas_featureid = $id", "Zone de la fiche"))
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
            {"color": "#eeeeee", "outline_color": "#9e9e9e", "outline_width": "0.2"}), 0, 0,
            "\"niveau\" = attribute(@atlas_feature, 'niveau') AND @atlas_featureid <> $id",
            "Autres zones"))
        layer.setRenderer(QgsRuleBasedRenderer(root))
        return layer

    def _layout(self, context, coverage, context_layer, fields, condition):
        project = context.project() or QgsProject.instance()
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.setName("OSP – Fiches territoire")
        page = layout.pageCollection().page(0)
        page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
        layout_items.label(layout, "[% \"nom\" %]", 12, 10, 186, 12, 18, bold=True, colour="#1f4e79")
        layout_items.label(layout, "[% \"niveau\" %] – [% \"code\" %] – source : RPLS, enquête OPS, "
                            "BAN ; « s » : secret statistique", 12, 22, 186, 6, 8,
                    colour="#595959")
        layout_items.atlas_map(layout, [context_layer], coverage.crs(), 12, 30, 110, 0.6)
        layout_items.label(layout, "Chiffres clés", 128, 30, 70, 7, 11, bold=True, colour="#1f4e79")
        y = 38
        for label, field, decimals, unit in KEY_FIGURES:
            layout_items.label(layout, label, 128, y, 50, 9, 8, colour="#404040")
            layout_items.label(layout, "[%% %s %%]" % figure_expression(field, decimals, unit, fields),
                        179, y, 22, 9, 10, bold=True)
            y += 11
        self._bars(layout, "Typologie (part des logements, %)", TYPOLOGY,
                   [TYPOLOGY_COLOUR] * len(TYPOLOGY), 150, fields)
        self._bars(layout, "Étiquette énergie (part des logements, %)", ENERGY, ENERGY_COLOURS,
                   210, fields)
        layout_items.label(layout, "OSP ERBM – [% format_date(now(), 'dd/MM/yyyy') %] – page "
                            "[% @atlas_featurenumber %] / [% @atlas_totalfeatures %]",
                    12, 284, 186, 6, 7, colour="#808080")
        atlas = layout.atlas()
        atlas.setCoverageLayer(coverage)
        atlas.setEnabled(True)
        atlas.setHideCoverage(False)
        atlas.setFilterFeatures(True)
        atlas.setFilterExpression(condition)
        atlas.setSortFeatures(True)
        atlas.setSortExpression("\"niveau\" || ' ' || \"nom\"")
        atlas.setFilenameExpression(
            "'fiche_' || regexp_replace(lower(\"niveau\" || '_' || \"code\"), '[^a-z0-9_]+', "
            "'_')")
        atlas.setPageNameExpression("\"nom\"")
        return layout

    def _bars(self, layout, title, bars, colours, top, fields):
        """A horizontal bar chart made of layout shapes whose width follows the atlas
        feature's shares (native items: printable and editable in any QGIS)."""
        layout_items.label(layout, title, 12, top, 150, 7, 10, bold=True, colour="#1f4e79")
        y = top + 8
        for (label, field), colour in zip(bars, colours):
            layout_items.label(layout, label, 12, y, 12, 6, 9, bold=True)
            bar = QgsLayoutItemShape(layout)
            bar.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
            bar.setSymbol(QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"}))
            bar.attemptMove(QgsLayoutPoint(26, y + 0.8, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
            bar.attemptResize(QgsLayoutSize(1, 4.4, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
            width = "max(0.2, coalesce(\"%s\", 0) * %s / 100)" % (field, BAR_MAX) \
                if field in fields else "0.2"
            bar.dataDefinedProperties().setProperty(
                QgsLayoutObject.DataDefinedProperty.ItemWidth, QgsProperty.fromExpression(width))
            layout.addLayoutItem(bar)
            value = "[%% %s %%]" % figure_expression(field, 1, " %", fields)
            layout_items.label(layout, value, 26 + BAR_MAX + 3, y, 30, 6, 9)
            y += 7
