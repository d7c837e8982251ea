"""osp:synthese — « Classeur de synthèse OSP »."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRange,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...osp_qgis import ids
from ...osp_qgis.fichiers_fonciers import crosscheck
from ...osp_qgis.fichiers_fonciers import sheets as ff_workbook
from ...osp_qgis.fichiers_fonciers.rules import METHODS
from ...osp_qgis.files import french_os_error
from ...osp_qgis.logements import report, synthesis, workbook
from ...osp_qgis.logements.locate import identity_key
from ...osp_qgis.programmation import recap
from ...osp_qgis.territory import Territory
from ..common import records_io
from ..common.base import OspAlgorithm
from ..common.outputs import AtomicFiles
from ..common.qgis_io import field_index
from ..fichiers_fonciers import locaux_io as ff_io
from ..programmation import decisions_io
from ..programmation.params import add_ambition, add_programmation, read_programmation

# what the workbook shows or counts: nothing else is read from the layer
READ_FIELDS = {"id_osp", "ident_rep", "ident_int", "idlocal", "idpar", "dep", "idcom",
               "idcomtxt", "epci", "intitule", "bailleur", "type_palu", "num_decision",
               "annee_financ", "geoloc_source", "nom_cite_1", "id_cite", "cite_ini",
               "ligne_source"}

class Synthese(OspAlgorithm):
    NAME = "synthese"
    DISPLAY_NAME = "Classeur de synthèse OSP"
    GROUP_ID = "syntheses"
    FILE_LAYERS = ("LOCAUX",)
    DATABASE_TARGETS = ("OPERATIONS",)
    CHOICES = {"FF_METHOD": METHODS}

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Logements (couche d'analyse ou sortie de la jointure)"),
            [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "ANOMALIES", self.tr("Anomalies de la jointure (doublons)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "DECISIONS", self.tr("Décisions de financement (num_decision, annee, bailleur, "
                                 "nb_logements_finances)"), [QgsProcessing.SourceType.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterRange(
            "YEARS", self.tr("Années (par défaut : toutes celles présentes)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True))
        for name, label in (("EPCI", "Filtre : EPCI (sigle, ex. CALL)"),
                            ("BAILLEUR", "Filtre : bailleur (ex. M&C)"),
                            ("DEPARTEMENT", "Filtre : département (59 ou 62)")):
            self.addParameter(QgsProcessingParameterString(name, self.tr(label), optional=True))
        add_programmation(self, label="Programmation (GeoPackage ou postgres:… schema=…), pour "
                                       "le suivi de l'ambition", optional=True)
        add_ambition(self)
        ff_io.add_locaux(self, optional=True)
        ff_io.add_method(self, "FF_METHOD")
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", self.tr("Classeur OSP"), self.tr("Classeur Excel (*.xlsx)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_HTML", self.tr("Rapport HTML"), self.tr("HTML (*.html)"), optional=True,
            createByDefault=False))
        for name, label in (("N_DWELLINGS", "Logements"), ("N_OPERATIONS", "Opérations"),
                            ("N_NOT_REPORTED", "Logements financés non remontés"),
                            ("N_DUPLICATES", "Logements remontés deux fois"),
                            ("N_NOT_LOCATED", "Logements non géolocalisables"),
                            ("N_FF_MISSING", "Logements sociaux FF non remontés")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def _decisions(self, layer, feedback):
        try:
            return decisions_io.read_decisions(layer, lambda text: feedback.reportError(text,
                                                                                      False))
        except ValueError as error:
            raise QgsProcessingException(str(error))

    def _duplicates(self, layer):
        if layer is None:
            return []
        motif, detail, ligne = (field_index(layer, "motif"), field_index(layer, "detail"),
                                field_index(layer, "ligne"))
        if motif < 0 or detail < 0:
            raise QgsProcessingException(self.tr(
                "La table « %s » n'est pas une table d'anomalies de la jointure (champs motif, "
                "detail).") % layer.name())
        return [(f[ligne] if ligne >= 0 else None, f[detail]) for f in layer.getFeatures()
                if f[motif] == "doublon"]

    def _trajectory(self, parameters, context, dwellings, decisions, filters):
        """The « Suivi de l'ambition » of the operations given (same filters as the
        dwellings), ``None`` without a programmation."""
        if not self.parameterAsString(parameters, "OPERATIONS", context):
            return None
        _, operations, _, _ = read_programmation(self, parameters, context, must_exist=True)
        operations = recap.filter_operations(operations, filters["epci"], filters["bailleur"],
                                             filters["departement"])
        return recap.trajectory(operations, dwellings, decisions,
                                self.parameterAsInt(parameters, "AMBITION_START", context), 10,
                                self.parameterAsInt(parameters, "AMBITION", context))

    def _fichiers_fonciers(self, parameters, context, share, filters, feedback):
        """The cross-check with the Fichiers fonciers of the partner's share, ``None``
        without ``LOCAUX`` or with a landlord filter (the FF do not name landlords)."""
        layer = ff_io.locaux_source(self, parameters, context)
        if layer is None:
            return None
        if filters["bailleur"]:
            feedback.reportError(self.tr("Filtre bailleur : les Fichiers fonciers ne nomment pas "
                                         "le bailleur, leur croisement est laissé de côté."),
                                 False)
            return None
        locaux, _ = ff_io.usable_locaux(layer, feedback)
        locaux = crosscheck.filter_locaux(locaux, Territory.from_reference(), filters["epci"],
                                          filters["departement"])
        result = crosscheck.cross_check(locaux, crosscheck.reported_frame(share),
                                        self.parameterAsChoice(parameters, "FF_METHOD",
                                                               context),
                                        sru_target=ff_io.sru_target(self, parameters, context))
        feedback.pushInfo(self.tr("Fichiers fonciers : %d logements sociaux, %d non remontés.")
                          % (result.social, len(result.missing)))
        return result

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(self.tr("La couche des logements est illisible."))
        if field_index(layer, "ident_rep") < 0 and field_index(layer, "ident_int") < 0:
            raise QgsProcessingException(self.tr(
                "La couche « %s » n'est pas une couche de logements : il lui faut au moins le "
                "champ ident_rep (RPLS) ou ident_int (identifiant bailleur). Utiliser la sortie "
                "de « Localiser les logements » ou la couche d'analyse.")
                % layer.name())
        records = records_io.read_records(layer, feedback, extra=(("ligne_source", "int"),),
                                          names=READ_FIELDS, geometry=False)
        dwellings = [r["values"] for r in records]
        for d in dwellings:
            d.setdefault("geoloc_source", None)
        filters = {k: self.parameterAsString(parameters, k.upper(), context) or None
                   for k in ("epci", "bailleur", "departement")}
        share = synthesis.filter_dwellings(dwellings, **filters)
        decisions = synthesis.filter_decisions(
            self._decisions(self.parameterAsVectorLayer(parameters, "DECISIONS", context),
                            feedback),
            share, filters["bailleur"], restricted=bool(filters["epci"] or filters["departement"]))
        kept = {identity_key(d) for d in share}
        duplicates = [(ligne, detail) for ligne, detail in
                      self._duplicates(self.parameterAsVectorLayer(parameters, "ANOMALIES",
                                                                   context))
                      if not any(filters.values()) or synthesis.duplicate_key(detail) in kept]
        years = None
        if parameters.get("YEARS") not in (None, ""):
            low, high = self.parameterAsRange(parameters, "YEARS", context)
            years = (int(low), int(high))
            if not (ids.YEAR_MIN <= years[0] <= years[1] <= ids.YEAR_MAX):
                raise QgsProcessingException(self.tr(
                    "Années %d à %d refusées : une période entre %d et %d, la première année "
                    "avant la dernière (par exemple 2017,2026).")
                    % (years[0], years[1], ids.YEAR_MIN, ids.YEAR_MAX))
        feedback.pushInfo(self.tr("%d logements retenus sur %d.") % (len(share), len(dwellings)))
        trajectory = self._trajectory(parameters, context, share, decisions, filters)
        ff = self._fichiers_fonciers(parameters, context, share, filters, feedback)
        ff_sheets, ff_lines = [], []
        if ff is not None:
            ff_sheets = ff_workbook.extra_sheets(ff)
            ff_lines = ff_workbook.quality_lines(ff)
        feedback.setProgress(30)
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        if not xlsx.lower().endswith(".xlsx"):
            xlsx += ".xlsx"
        html = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        outputs = {"OUTPUT_XLSX": xlsx}
        try:
            with AtomicFiles() as files:  # both folders checked before anything is written
                xlsx_temporary = files.temporary(xlsx, self.tr("Classeur OSP"))
                html_temporary = files.temporary(html, self.tr("Rapport HTML")) if html else None
                result = workbook.write_workbook(xlsx_temporary, share, decisions, duplicates,
                                                 years, trajectory, ff_lines, ff_sheets)
                feedback.setProgress(90)
                if html_temporary:
                    title = "OSP ERBM – Synthèse" + "".join(" – %s" % v for v in filters.values()
                                                            if v)
                    with open(html_temporary, "w", encoding="utf-8") as handle:
                        handle.write(report.html_report(result, title))
                    outputs["OUTPUT_HTML"] = html
        except OSError as error:
            raise QgsProcessingException(self.tr("Écriture du classeur impossible : %s")
                                         % french_os_error(error))
        for ident, year, ligne in result["invalid_years"]:
            feedback.reportError(self.tr("Logement %s (ligne %s) : année de financement « %s » "
                                         "invalide, comptée en « Non renseignée ».")
                                 % (ident, ligne or "?", year), False)
        feedback.pushInfo(result["sentence"])
        quality = result["quality"]
        outputs.update({
            "N_DWELLINGS": len(share), "N_OPERATIONS": len(result["operations"]),
            "N_NOT_REPORTED": sum(q.not_reported for q in quality),
            "N_DUPLICATES": sum(len(q.duplicates) for q in quality),
            "N_NOT_LOCATED": sum(len(q.not_located) for q in quality),
            "N_FF_MISSING": len(ff.missing) if ff is not None else None})
        feedback.pushInfo(self.tr("Classeur écrit : %s") % os.path.abspath(xlsx))
        feedback.setProgress(100)
        return outputs
