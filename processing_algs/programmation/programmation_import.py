"""osp:programmation_import — « Importer une programmation »."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...osp_qgis.programmation import roundtrip, sheet_plan
from ...osp_qgis.programmation import sheet as programmation_sheet
from ...osp_qgis.sheets import columns
from ..common.anomalies import write_sheet_anomalies
from ..common.base import OspAlgorithm
from ..common.gpkg_update import Cancelled, GeoPackageError
from ..common.outputs import Outputs
from . import postgis, store
from .geometry import cites_from_layer
from .params import add_programmation, add_year, target_of
from .partner_input import plain_sheet, proven_workbook
from .project import save_styles
from .target import StoreError

BLOCKS = ("bailleur", "epci", "ddtm", "crhh")


class ProgrammationImport(OspAlgorithm):
    NAME = "programmation_import"
    DISPLAY_NAME = "Importer une programmation"
    GROUP_ID = "programmation"
    DATABASE_TARGETS = ("OPERATIONS",)
    CHOICES = {"BLOCK": BLOCKS}

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Classeur ou feuille (xlsx, ods, csv)"),
            fileFilter=self.tr("Tableurs (*.xlsx *.xlsm *.ods *.csv *.txt *.xls)")))
        self.addParameter(QgsProcessingParameterString(
            "SHEET", self.tr("Feuille (par défaut : celle qui a un en-tête reconnu)"),
            optional=True))
        add_programmation(self, label="Programmation à mettre à jour (GeoPackage, créé s'il "
                                       "n'existe pas, ou postgres:… schema=…)")
        add_year(self, label="Année de programmation (si la feuille ne la dit pas)",
                 optional=True)
        self.addParameter(QgsProcessingParameterEnum(
            "BLOCK", self.tr("Bloc rempli par une feuille qui n'est pas un classeur partenaire "
                             "(à choisir : aucun par défaut)"),
            options=[self.tr("Prévisionnel bailleur"), self.tr("Prévisionnel EPCI"),
                     self.tr("Prévisionnel DIRBM/DDTM"), self.tr("Décision CRHH")],
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "PARTNER", self.tr("Partenaire qui a envoyé le classeur (code bailleur ou sigle "
                               "d'EPCI, vérifié contre la signature)"), optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "CITES", self.tr("Cités minières (pour reconnaître les cités des nouvelles "
                             "opérations)"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "ANOMALIES", self.tr("Anomalies de l'import"), QgsProcessing.SourceType.TypeVector))
        for name, label in (("N_READ", "Lignes lues"), ("N_UPDATED", "Opérations mises à jour"),
                            ("N_ADDED", "Opérations ajoutées"), ("N_CONFLICTS", "Conflits"),
                            ("N_REJECTED", "Lignes rejetées"), ("N_NOTES", "Notes ajoutées")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    # -- reading ---------------------------------------------------------------------------
    def _plain_sheet(self, path, sheet_name, block, year, parameters, context):
        """The parsed sheet of any programmation table (BLOCK required: no signature says
        whose block it fills)."""
        raw = plain_sheet(self, path, sheet_name, programmation_sheet.has_header)
        try:
            parsed = programmation_sheet.read(raw.rows)
        except columns.ColumnError as error:
            raise QgsProcessingException("%s (%s, feuille « %s »)" % (error,
                                                                     os.path.basename(path),
                                                                     raw.sheet_name))
        if (self.parameterAsString(parameters, "PARTNER", context) or "").strip():
            raise QgsProcessingException(self.tr(
                "PARTNER vérifie l'expéditeur d'un classeur partenaire signé ; « %s » n'en est "
                "pas un : laisser PARTNER vide et choisir BLOCK.") % os.path.basename(path))
        if parsed.year is None and year is None and "annee_prog" not in parsed.roles:
            raise QgsProcessingException(self.tr(
                "Année de programmation inconnue : la feuille ne la dit pas (titre « Programmation "
                "2021 » ou colonne Année) ; indiquer le paramètre ANNEE."))
        if block is None:
            raise QgsProcessingException(self.tr(
                "« %s » n'est pas un classeur partenaire signé : rien ne dit quel bloc il "
                "remplit. Choisir le bloc (BLOCK : bailleur, epci, ddtm ou crhh) en tant que "
                "personne qui lance l'import ; rien n'a été écrit.") % os.path.basename(path))
        return parsed

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        if not path or not os.path.isfile(path):
            raise QgsProcessingException(self.tr("Le classeur « %s » est introuvable.") % path)
        block = self.parameterAsChoice(parameters, "BLOCK", context) \
            if parameters.get("BLOCK") not in (None, "") else None
        year = self.parameterAsInt(parameters, "ANNEE", context) \
            if parameters.get("ANNEE") not in (None, "") else None
        target = target_of(self, parameters, "OPERATIONS", context)
        cites_layer = self.parameterAsVectorLayer(parameters, "CITES", context)
        extra_cites = cites_from_layer(cites_layer) if cites_layer is not None else []
        partner = proven_workbook(self, path, target, parameters, context, feedback)
        if partner is not None:
            meta, rows, note_rows = partner
            headers, who = meta["entetes"], meta["partenaire"]

            def plan_of(operations, notes, context_rows):
                return roundtrip.plan_partner(operations, notes, meta, rows, note_rows,
                                              context_rows)
        else:
            parsed = self._plain_sheet(path, self.parameterAsString(parameters, "SHEET", context)
                                       or None, block, year, parameters, context)
            headers, who = parsed.headers, "import %s" % os.path.basename(path)

            def plan_of(operations, notes, context_rows):
                plan = sheet_plan.plan_sheet(operations, parsed, block, year, context_rows)
                plan.anomalies = list(parsed.skipped) + plan.anomalies
                return plan
        Outputs(self, parameters, context).check_folders("ANOMALIES")  # before any write
        plan = self._apply(target, plan_of, who, extra_cites, feedback)
        result = self._anomalies(parameters, context, plan, headers)
        summary = plan.summary()
        feedback.pushInfo(self.tr("Lignes lues : %(lus)d ; mises à jour : %(mis_a_jour)d ; "
                                  "ajoutées : %(ajoutes)d ; conflits : %(conflits)d ; rejetées : "
                                  "%(rejetes)d ; inchangées : %(inchanges)d ; notes : %(notes)d.")
                          % summary)
        result.update({"N_READ": summary["lus"], "N_UPDATED": summary["mis_a_jour"],
                       "N_ADDED": summary["ajoutes"], "N_CONFLICTS": summary["conflits"],
                       "N_REJECTED": summary["rejetes"], "N_NOTES": summary["notes"]})
        return result

    def _apply(self, target, plan_of, who, extra_cites, feedback):
        """Read the programmation under its lock, plan, write (see programmation_io)."""
        planned = []

        def planned_on(operations, notes, cites):
            stored = {c["id_cite"] for c in cites}
            added = [c for c in extra_cites if c["id_cite"] not in stored]
            plan = plan_of(operations, notes, roundtrip.Context(cites=cites + added))
            planned.append(plan)
            feedback.setProgress(50)
            if feedback.isCanceled():
                raise Cancelled()
            return plan, added

        def gpkg_change(operations, notes, cites):
            plan, added = planned_on(operations, notes, cites)
            if not (plan.updates or plan.additions or plan.notes or added):
                return None   # nothing changes: the file is left as it is
            new_operations, new_notes = roundtrip.apply_plan(operations, notes, plan, who)
            return new_operations, new_notes, cites + added

        try:
            if target.kind == "gpkg":
                store.update_gpkg(target.path, gpkg_change, cancelled=feedback.isCanceled)
                return planned[-1]
            if not target.exists():
                postgis.create_postgis(target)
                save_styles(target, extra_cites)
            return postgis.import_in_transaction(target, planned_on, who)
        except StoreError as error:
            raise QgsProcessingException(str(error))
        except (Cancelled, GeoPackageError) as error:
            raise QgsProcessingException(str(error) or self.tr("Import annulé : rien n'a "
                                                               "été écrit."))

    def _anomalies(self, parameters, context, plan, headers):
        return write_sheet_anomalies(self, parameters, context, plan.anomalies, headers)
