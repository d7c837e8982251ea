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

from ...osp_qgis.programmation import finance_import
from ...osp_qgis.sheets import columns
from ...osp_qgis.sheets import raw as sheets
from ...osp_qgis.sheets.read import read_sheet
from ..common import qgis_io
from ..common.anomalies import write_sheet_anomalies
from ..common.base import OspAlgorithm
from ..common.gpkg_update import Cancelled, GeoPackageError
from ..common.outputs import Outputs
from . import postgis, store
from .params import add_programmation, target_of
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
        try:
            raw = read_sheet(path, sheet_name, _has_header)
        except sheets.SheetError as error:
            raise QgsProcessingException(str(error))
        if raw is None:
            raw = qgis_io.read_table_layer(path, sheet_name)
        if raw is None or not any(not sheets.is_blank(c) for _, c in raw.rows):
            raise QgsProcessingException(self.tr("La feuille « %s » est illisible ou vide.")
                                         % os.path.basename(path))
        try:
            finance_import.header(raw.rows)
        except columns.ColumnError as error:
            raise QgsProcessingException(str(error))
        Outputs(self, parameters, context).check_folders("ANOMALIES")   # before any write
        plans = []

        def change(operations, financements, versements):
            plan = finance_import.plan_import(raw.rows, operations, financements, versements)
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
