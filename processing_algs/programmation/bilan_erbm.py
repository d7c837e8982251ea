"""osp:bilan_erbm — « Bilans de l'ERBM » (états de sortie)."""
import datetime

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutItemPage,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

from ...osp_qgis import files, french_numbers
from ...osp_qgis.parc_social.indicators import DEFAULT_THRESHOLD
from ...osp_qgis.programmation import bilan, bilan_situation, bilan_workbook, finance
from ...osp_qgis.reference import read_reference
from ...osp_qgis.scales import DWELLING_KEY, SCALE_LABELS, SCALES
from ...osp_qgis.territory import Territory
from ..common import atlas_print as atlas_export
from ..common import layout_items, qt_compat
from ..common.base import OspAlgorithm
from ..common.outputs import AtomicFiles
from ..parc_social import rpls_io
from . import store
from .params import add_programmation, read_programmation

DWELLING_FIELDS = ("ident_rep", "annee_financ", "date_fin", "id_cite", "idcom", "epci", "dep",
                   "nom_cite_1", "idcomtxt",
                   "geoloc_source", "type_palu")
BLUE, GREY = "#1f4e79", "#595959"


def _text(value, unit=""):
    return "–" if value is None else french_numbers.integer(value) + unit


def _plain(value):
    """A QGIS value as Python: NULL → None, QDate → date."""
    if value is None or str(value) == "NULL":
        return None
    if hasattr(value, "toPyDate"):
        return value.toPyDate() if value.isValid() else None
    return value


def _square(geometry):
    """The square around ``geometry``'s bounding box, on its centre."""
    box = geometry.boundingBox()
    half = max(box.width(), box.height(), 100.0) / 2
    centre = box.center()
    return QgsGeometry.fromRect(QgsRectangle(centre.x() - half, centre.y() - half,
                                             centre.x() + half, centre.y() + half))


class BilanErbm(OspAlgorithm):
    NAME = "bilan_erbm"
    DISPLAY_NAME = "Bilans de l'ERBM"
    GROUP_ID = "programmation"
    CHOICES = {"SCALE": SCALES}
    DATABASE_TARGETS = ("OPERATIONS",)
    MAIN_THREAD = True   # builds a layout in the current project

    def initAlgorithm(self, config=None):
        add_programmation(self)
        self.addParameter(QgsProcessingParameterVectorLayer(
            "DWELLINGS", self.tr("Logements réhabilités (couche d'analyse OSP)"),
            [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterEnum(
            "SCALE", self.tr("Échelle des bilans"),
            options=[SCALE_LABELS[s] for s in SCALES], defaultValue=2))
        self.addParameter(QgsProcessingParameterString(
            "FILTER", self.tr("Entités (codes ou noms séparés par des virgules ; toutes si "
                              "vide)"), optional=True))
        for name, label in (
                ("RPLS_AVANT", rpls_io.BEFORE_WORKS_LABEL),
                ("RPLS", "RPLS récent (étiquettes après travaux)"),
                ("OPS", "Enquête occupation du parc social (ménages avant / après travaux)")):
            self.addParameter(QgsProcessingParameterFile(
                name, self.tr(label), optional=True,
                fileFilter=self.tr("Tables (*.csv *.txt *.xlsx *.ods *.xls)")))
        atlas_export.add_export_parameters(self)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", self.tr("Tableau des bilans (XLSX)"), self.tr("Classeur (*.xlsx)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("N_ENTITIES", self.tr("Bilans")))

    def processAlgorithm(self, parameters, context, feedback):
        target, operations, _, cites = read_programmation(self, parameters, context,
                                                          must_exist=True)
        financements, versements = store.read_finance(target)
        layer = self.parameterAsVectorLayer(parameters, "DWELLINGS", context)
        missing = [n for n in ("epci", "idcom") if layer.fields().indexOf(n) < 0]
        if missing:
            raise QgsProcessingException(self.tr(
                "« %s » n'est pas une couche d'analyse OSP (champs %s absents).")
                % (layer.name(), ", ".join(missing)))
        scale = self.parameterAsChoice(parameters, "SCALE", context)
        dwellings, points = self._dwellings(layer, feedback)
        names = bilan.entity_names(scale, operations, dwellings, self._names(scale, cites))
        codes, unknown = bilan.wanted(names, self.parameterAsString(parameters, "FILTER",
                                                                    context))
        if unknown:
            raise QgsProcessingException(self.tr("FILTER : %s ne nomme aucune entité de "
                                                 "l'échelle « %s » (exemples : %s).")
                                         % (", ".join("« %s »" % w for w in unknown),
                                            SCALE_LABELS[scale], ", ".join(sorted(names)[:5])))
        if not codes:
            raise QgsProcessingException(self.tr("Aucune entité à l'échelle « %s » dans ces "
                                                 "données.") % SCALE_LABELS[scale])
        as_of = datetime.date.today()
        pages = bilan.pages(scale, codes, names, operations, dwellings, financements,
                            versements, as_of)
        feedback.pushInfo(self.tr("%d bilan(s) à l'échelle « %s ».")
                          % (len(pages), SCALE_LABELS[scale]))
        situation = self._situation(parameters, context, feedback, scale, dwellings)
        coverage, shapes = self._coverage(scale, pages, dwellings, points, cites, layer.crs(),
                                          layer.extent(), context, situation)
        outputs = {}
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        if xlsx:
            try:
                with AtomicFiles() as out:
                    bilan_workbook.write(out.temporary(xlsx, self.tr("Tableau des bilans")),
                                         scale, pages, as_of, situation)
            except (OSError, files.FileProblem) as error:
                raise QgsProcessingException(self.tr("Tableau non écrit : %s") % (
                    files.french_os_error(error) if isinstance(error, OSError) else error))
            outputs["OUTPUT_XLSX"] = xlsx
        layout, shown = self._layout(context, coverage, shapes, layer, scale, as_of)
        atlas_export.add_to_project(context, layout, [coverage] + shown)   # kept alive
        outputs.update(atlas_export.export(self, parameters, context, feedback, layout,
                                           "bilans_erbm"))
        outputs.update({"N_ENTITIES": len(pages), "N_PAGES": len(pages),
                        "LAYOUT": layout.name()})
        return outputs

    # -- data ----------------------------------------------------------------------------
    @staticmethod
    def _dwellings(layer, feedback):
        names = [n for n in DWELLING_FIELDS if layer.fields().indexOf(n) >= 0]
        rows, points = [], []
        for feature in layer.getFeatures():
            if feedback.isCanceled():
                raise QgsProcessingException("Bilans annulés : rien n'a été écrit.")
            row = {n: feature[n] for n in names}
            rows.append({n: _plain(v) for n, v in row.items()})
            points.append(QgsGeometry(feature.geometry()) if feature.hasGeometry() else None)
        return rows, points

    @staticmethod
    def _names(scale, cites):
        """The names the reference tables give to the codes of ``scale``."""
        territory = Territory.from_reference()
        if scale == "cite":
            return {str(c["id_cite"]): c["nom"] for c in cites}
        if scale == "commune":
            return {insee: info["nom"] for insee, info in territory.communes.items()}
        if scale == "epci":
            return {info.get("sigle") or siren: info["nom"]
                    for siren, info in territory.epcis.items()}
        if scale == "departement":
            return {row["code"]: row["nom"] for row in read_reference("departements.csv")}
        return {}

    def _situation(self, parameters, context, feedback, scale, dwellings):
        """``(labels, households, ops given)`` per entity code, under secrecy."""
        import pandas as pd
        paths = {n: self.parameterAsFile(parameters, n, context) for n in
                 ("RPLS_AVANT", "RPLS", "OPS")}
        if bool(paths["RPLS_AVANT"]) != bool(paths["RPLS"]):
            raise QgsProcessingException(self.tr(
                "L'étiquette énergie avant → après demande les deux RPLS : RPLS_AVANT (avant "
                "les travaux) et RPLS (récent)."))
        frame = pd.DataFrame({
            "ident_rep": [str(d.get("ident_rep") or "").strip() for d in dwellings],
            "code": [bilan.dwelling_code(d, scale) or "" for d in dwellings],
            "annee_travaux": [bilan.works_year(d) for d in dwellings]})
        labels, households = {}, {}
        if paths["RPLS"]:
            _, _, before = rpls_io.read_rpls(paths["RPLS_AVANT"])
            _, _, after = rpls_io.read_rpls(paths["RPLS"])
            labels = bilan_situation.label_changes(frame[["ident_rep", "code"]], before, after,
                                                   DEFAULT_THRESHOLD)
        if paths["OPS"]:
            households = bilan_situation.household_figures(
                rpls_io.read_households(paths["OPS"]), frame, DEFAULT_THRESHOLD)
            feedback.pushInfo(self.tr("Ménages enquêtés avant ou après les travaux : %d "
                                      "entité(s).") % len(households))
        return labels, households, bool(paths["OPS"])

    def _coverage(self, scale, pages, dwellings, points, cites, crs, extent, context,
                  situation):
        """``(coverage, shapes)``: the entity's shape — the cité's outline when known, else
        the hull of its dwellings (150 m around), else the extent of all dwellings — in
        ``shapes``; the square around it, with the figures as text, in ``coverage`` (a
        map driven by the atlas takes its feature's proportions: a square keeps it
        square)."""
        layer = QgsVectorLayer("MultiPolygon?crs=%s" % crs.authid(), "Bilans – entités",
                               "memory")
        fields = ["code", "nom", "titre", "fichier"] + [m for m, _ in bilan.MEASURES] + \
            ["money", "part_etat", "effet_levier", "cout_logement", "energie", "menages"]
        provider = layer.dataProvider()
        provider.addAttributes([QgsField(n, qt_compat.STRING) for n in fields])
        layer.updateFields()
        shapes = QgsVectorLayer("MultiPolygon?crs=%s" % crs.authid(), "Bilans – contours",
                                "memory")
        shapes.dataProvider().addAttributes([QgsField("code", qt_compat.STRING)])
        shapes.updateFields()
        outlines = []
        points_of = {}      # each entity's points, gathered once
        for dwelling, point in zip(dwellings, points):
            if point:
                points_of.setdefault(bilan.dwelling_code(dwelling, scale), []).append(point)
        cite_shapes = {str(c["id_cite"]): c.get("_geom") for c in cites}
        to_layer = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"), crs,
                                          context.transformContext())
        features = []
        for code, name, title, stem, counts, money, ratios in pages:
            geometry = None
            if scale == "cite" and cite_shapes.get(code) is not None:
                geometry = QgsGeometry(cite_shapes[code])
                geometry.transform(to_layer)
            if geometry is None:
                own = points_of.get(code)
                if own:
                    geometry = QgsGeometry.unaryUnion(own).convexHull().buffer(150, 8)
                elif points_of:
                    geometry = QgsGeometry.fromRect(extent)
            feature = QgsFeature(layer.fields())
            if geometry is not None:
                outline = QgsFeature(shapes.fields())
                outline.setGeometry(geometry)
                outline.setAttributes([code])
                outlines.append(outline)
                feature.setGeometry(_square(geometry))
            values = {"code": code, "nom": name, "titre": title, "fichier": stem,
                      "money": bilan_workbook.money_text(money),
                      "part_etat": "–" if ratios.get("part_etat") is None else
                      french_numbers.decimal(100 * ratios["part_etat"], 1) + " %",
                      "effet_levier": "–" if ratios.get("effet_levier") is None else
                      french_numbers.decimal(ratios["effet_levier"], 2) + " € / €",
                      "cout_logement": "–" if ratios.get("cout_par_logement") is None else
                      french_numbers.euros(finance.euros(ratios["cout_par_logement"]))}
            values.update({m: _text(counts[m]) for m, _ in bilan.MEASURES})
            labels, households, ops_given = situation
            values["energie"] = bilan_situation.text_of_labels(labels.get(code)) \
                if labels else bilan_situation.text_of_labels(None)
            values["menages"] = bilan_situation.text_of_households(households.get(code),
                                                                   ops_given)
            feature.setAttributes([values[n] for n in fields])
            features.append(feature)
        provider.addFeatures(features)
        layer.updateExtents()
        shapes.dataProvider().addFeatures(outlines)
        shapes.updateExtents()
        return layer, shapes

    # -- the page ------------------------------------------------------------------------
    def _layout(self, context, coverage, shapes, dwellings, scale, as_of):
        project = context.project() or QgsProject.instance()
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.setName("OSP – Bilans ERBM (%s)" % SCALE_LABELS[scale])
        layout.pageCollection().page(0).setPageSize(
            "A4", QgsLayoutItemPage.Orientation.Portrait)
        label = layout_items.label
        label(layout, "Bilan de l'ERBM – [% \"titre\" %]", 12, 10, 186, 12, 16, True, BLUE)
        label(layout, "Situation au %s ; sources : programmation OSP (DDTM 59/62), "
                      "logements remontés par les bailleurs" % as_of.strftime("%d/%m/%Y"),
              12, 22, 186, 6, 8, colour=GREY)
        points = dwellings.clone()
        points.setName("Bilans – logements")
        key = DWELLING_KEY[scale]
        mine = "to_string(\"%s\") = attribute(@atlas_feature, 'code')" % key if key else ""
        root = QgsRuleBasedRenderer.Rule(None)
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": "#d7301f", "outline_color": "#7f0000",
             "size": "1.6"}), 0, 0, mine, "Logements réhabilités de l'entité"))
        if key:
            root.appendChild(QgsRuleBasedRenderer.Rule(QgsMarkerSymbol.createSimple(
                {"name": "circle", "color": "#bdbdbd", "outline_style": "no", "size": "1.0"}),
                0, 0, "ELSE", "Autres logements réhabilités"))
        points.setRenderer(QgsRuleBasedRenderer(root))
        outline = shapes
        outline.setRenderer(QgsRuleBasedRenderer(self._outline_rule()))
        layout_items.atlas_map(layout, [points, outline], coverage.crs(), 12, 30, 100, 0.15)
        label(layout, "Trajectoire", 118, 30, 80, 7, 11, True, BLUE)
        y = 38
        for measure, text in bilan.MEASURES:
            label(layout, text, 118, y, 58, 10, 8, colour="#404040")
            label(layout, "[%% \"%s\" %%]" % measure, 178, y, 22, 10, 10, True)
            y += 12
        label(layout, "Financeurs (euros) : prévu / engagé / versé", 12, 136, 186, 7, 11,
              True, BLUE)
        label(layout, "[% \"money\" %]", 12, 144, 186, 42, 9)
        label(layout, "Étiquette énergie avant → après", 12, 188, 90, 7, 11, True, BLUE)
        label(layout, "[% \"energie\" %]", 12, 196, 90, 40, 8)
        label(layout, "Ménages (enquête OPS)", 108, 188, 90, 7, 11, True, BLUE)
        label(layout, "[% \"menages\" %]", 108, 196, 90, 40, 8)
        label(layout, "Part de l'État dans l'engagé : [% \"part_etat\" %] – effet de levier : "
                      "[% \"effet_levier\" %] – coût par logement : [% \"cout_logement\" %]",
              12, 238, 186, 12, 9, True)
        label(layout, "Une opération sur plusieurs communes ou cités compte dans chacune. "
                      "Logements financés par l'État : logements validés des opérations dont "
                      "la ligne de l'État est engagée. « s » : secret statistique (moins de "
                      "%d logements ou ménages)." % DEFAULT_THRESHOLD, 12, 252, 186, 14, 7,
              colour=GREY)
        label(layout, "OSP ERBM – [% format_date(now(), 'dd/MM/yyyy') %] – page "
                      "[% @atlas_featurenumber %] / [% @atlas_totalfeatures %]",
              12, 284, 186, 6, 7, colour="#808080").setId("page")
        atlas = layout.atlas()
        atlas.setCoverageLayer(coverage)
        atlas.setEnabled(True)
        atlas.setHideCoverage(False)
        atlas.setFilenameExpression("\"fichier\"")
        atlas.setPageNameExpression("\"nom\"")
        return layout, [points, outline]

    @staticmethod
    def _outline_rule():
        root = QgsRuleBasedRenderer.Rule(None)
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": BLUE, "outline_width": "0.6"}), 0, 0,
            "\"code\" = attribute(@atlas_feature, 'code')", "Entité du bilan"))
        return root

