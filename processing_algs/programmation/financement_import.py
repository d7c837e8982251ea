"""osp:financement_import — « Importer le suivi financier »."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...osp_qgis.programmation import finance_import, finance_sheet
from ...osp_qgis.programmation.workbooks import FIRST_ROW
from ...osp_qgis.sheets import columns
from ..common.anomalies import write_sheet_anomalies
from ..common.base import OspAlgorithm
from ..common.gpkg_update import Cancelled, GeoPackageError
from ..common.outputs import Outputs
from . import postgis, store
from .params import add_programmation, target_of
from .partner_input import plain_sheet, proven_workbook
from .target import StoreError


def _has_header(rows):
    return columns.detect_header_row(rows, finance_import.synonyms()) is not None


class FinancementImport(OspAlgorithm):
    NAME = "financement_import"
    DISPLAY_NAME = "Importer le suivi financier"
    GROUP_ID = "programmation"
    DATABASE_TARGETS = ("OPERATIONS",)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Feuille financière (xlsx, ods, csv)"),
            fileFilter=self.tr("Tableurs (*.xlsx *.xlsm *.ods *.csv *.txt *.xls)")))
        self.addParameter(QgsProcessingParameterString(
            "SHEET", self.tr("Feuille (par défaut : celle qui a un en-tête reconnu)"),
            optional=True))
        add_programmation(self, label="Programmation (GeoPackage ou postgres:… schema=…)")
        self.addParameter(QgsProcessingParameterString(
            "PARTNER", self.tr("Partenaire qui a envoyé le classeur (code bailleur ou sigle "
                               "d'EPCI, vérifié contre la signature)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "ANOMALIES", self.tr("Anomalies de l'import financier"),
            QgsProcessing.SourceType.TypeVector))
        for name, label in (("N_READ", "Lignes lues"), ("N_LINES", "Lignes de financement "
                                                                    "écrites"),
                            ("N_PAYMENTS", "Versements ajoutés"),
                            ("N_OPERATIONS", "Opérations mises à jour"),
                            ("N_REJECTED", "Lignes rejetées")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        sheet_name = self.parameterAsString(parameters, "SHEET", context) or None
        target = target_of(self, parameters, "OPERATIONS", context)
        if target.kind == "gpkg" and not os.path.exists(target.path):
            raise QgsProcessingException(self.tr("La programmation « %s » n'existe pas : la "
                                                 "créer d'abord.") % target.label)
        partner = proven_workbook(self, path, target, parameters, context, feedback)
        if partner is not None:
            meta = partner[0]
            if "finances" not in meta:
                raise QgsProcessingException(self.tr(
                    "« %s » est un classeur partenaire émis avant le suivi financier : il n'a "
                    "pas d'onglet « %s ». Émettre un nouveau classeur.")
                    % (os.path.basename(path), finance_sheet.SHEET))
            headers = meta["finances"]["entetes"]
        else:
            raw = self._plain_sheet(path, sheet_name)
        Outputs(self, parameters, context).check_folders("ANOMALIES")   # before any write
        plans = []

        def change(operations, financements, versements):
            if partner is None:
                plan = finance_import.plan_import(raw.rows, operations, financements,
                                                  versements)
            else:       # under the lock: the conflicts are checked against what is stored
                roles, data, refused = finance_sheet.partner_rows(
                    meta["role"], meta["partenaire"], meta["annee"],
                    meta["finances"]["lignes"], meta["finances"]["emises"], FIRST_ROW,
                    operations, financements)
                plan = finance_import.plan_rows(roles, data, refused, operations,
                                                financements, versements)
            plans.append(plan)
            feedback.setProgress(50)
            if feedback.isCanceled():
                raise Cancelled()
            if not (plan.lines or plan.payments or plan.operations_changed):
                return None
            return plan.operations, plan.financements, plan.versements
        try:
            if target.kind == "gpkg":
                store.update_finance_gpkg(target.path, change, cancelled=feedback.isCanceled)
            else:
                postgis.create_postgis(target)
                postgis.finance_in_transaction(target, change)
        except StoreError as error:
            raise QgsProcessingException(str(error))
        except (Cancelled, GeoPackageError) as error:
            raise QgsProcessingException(str(error) or self.tr("Import annulé : rien n'a été "
                                                               "écrit."))
        plan = plans[-1]
        if partner is None:
            headers = list(raw.rows[0][1]) if raw.rows else []
            index = columns.detect_header_row(raw.rows, finance_import.synonyms())
            if index is not None:
                headers = list(raw.rows[index][1])
        result = write_sheet_anomalies(self, parameters, context, plan.anomalies, headers)
        rejected = len([a for a in plan.anomalies if a[1] not in ("ligne_total",)])
        feedback.pushInfo(self.tr("Lignes lues : %d ; lignes de financement écrites : %d ; "
                                  "versements ajoutés : %d ; opérations mises à jour : %d ; "
                                  "lignes rejetées : %d.")
                          % (plan.read, plan.lines, plan.payments, plan.operations_changed,
                             rejected))
        result.update({"N_READ": plan.read, "N_LINES": plan.lines,
                       "N_PAYMENTS": plan.payments, "N_OPERATIONS": plan.operations_changed,
                       "N_REJECTED": rejected})
        return result

    def _plain_sheet(self, path, sheet_name):
        """Any financial sheet (a payment list, a commitment export), with its header."""
        raw = plain_sheet(self, path, sheet_name, _has_header)
        try:
            finance_import.header(raw.rows)
        except columns.ColumnError as error:
            raise QgsProcessingException(str(error))
        return raw
