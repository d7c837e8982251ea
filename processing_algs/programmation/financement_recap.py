"""osp:financement_recap — « Récapitulatif financier »."""
import datetime
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...osp_qgis import files, french_numbers
from ...osp_qgis.programmation import finance, finance_recap, finance_workbook, model
from ..common.base import OspAlgorithm
from ..common.outputs import AtomicFiles
from . import pdf, store
from .params import add_programmation, add_year, read_programmation


def as_of_date(text):
    """The « as of » date: ``DATE`` (« 31/12/2026 », « 2026-12-31 »), today when empty."""
    if not (text or "").strip():
        return datetime.date.today()
    try:
        return model.parse_date(text)
    except ValueError:
        raise QgsProcessingException("Date « %s » illisible (jj/mm/aaaa)." % text)


def pdf_rows(recap, keep):
    """Table rows of the operations ``keep(op)`` selects, one per funder line, a total."""
    funders = finance.funders()
    rows, totals = [], {m: 0 for m in finance_recap.MEASURES}
    for op, sums, _, _ in recap.operations:
        if not keep(op):
            continue
        for code, cell in sums.items():
            if any(cell.values()):
                rows.append(("operation", [op.get("nom"), funders[code]["libelle"]] + [
                    french_numbers.euros(finance.euros(cell[m])) for m in
                    finance_recap.MEASURES]))
                for measure in finance_recap.MEASURES:
                    totals[measure] += cell[measure]
    rows.append(("total", ["TOTAL", ""] + [french_numbers.euros(finance.euros(totals[m]))
                                           for m in finance_recap.MEASURES]))
    return rows


class FinancementRecap(OspAlgorithm):
    NAME = "financement_recap"
    DISPLAY_NAME = "Récapitulatif financier"
    GROUP_ID = "programmation"
    DATABASE_TARGETS = ("OPERATIONS",)

    def initAlgorithm(self, config=None):
        add_programmation(self)
        add_year(self, label="Année de programmation (toutes par défaut)", optional=True)
        self.addParameter(QgsProcessingParameterString(
            "DATE", self.tr("Situation au (jj/mm/aaaa ; aujourd'hui par défaut)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", self.tr("Récapitulatif financier (XLSX)"),
            self.tr("Classeur Excel (*.xlsx)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Dossier des PDF (un par EPCI et par bailleur)"),
            optional=True))
        for name, label in (("N_OPERATIONS", "Opérations"), ("N_ALERTS", "Alertes"),
                            ("N_PDF", "PDF écrits")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):
        target, operations, _, _ = read_programmation(self, parameters, context,
                                                      must_exist=True)
        financements, versements = store.read_finance(target)
        year = self.parameterAsInt(parameters, "ANNEE", context) \
            if parameters.get("ANNEE") not in (None, "") else None
        as_of = as_of_date(self.parameterAsString(parameters, "DATE", context))
        recap = finance_recap.recap(operations, financements, versements, as_of, year)
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        written = 0
        with AtomicFiles() as outputs:
            finance_workbook.write(outputs.temporary(xlsx), recap)
            if folder:
                os.makedirs(folder, exist_ok=True)
                written = self._pdfs(outputs, folder, recap, as_of, feedback)
        for _, _, _, _, motif, detail in recap.alerts:
            feedback.pushWarning(self.tr("Alerte : %s – %s") % (
                finance_recap.ALERTS[motif], detail))
        feedback.pushInfo(self.tr("%d opérations, %d alertes au %s, %d PDF.") % (
            len(recap.operations), len(recap.alerts), as_of.strftime("%d/%m/%Y"), written))
        return {"OUTPUT_XLSX": xlsx, "OUTPUT_FOLDER": folder or None,
                "N_OPERATIONS": len(recap.operations), "N_ALERTS": len(recap.alerts),
                "N_PDF": written}

    def _pdfs(self, outputs, folder, recap, as_of, feedback):
        headers = ["Opération", "Financeur"] + [finance_recap.MEASURE_LABELS[m]
                                                for m in finance_recap.MEASURES]
        groups = [("epci", code, lambda op, c=code: op.get("epci") == c)
                  for code in sorted({op.get("epci") for op, _, _, _ in recap.operations
                                      if op.get("epci")})]
        groups += [("bailleur", code, lambda op, c=code: op.get("bailleur") == c)
                   for code in sorted({op.get("bailleur") for op, _, _, _ in recap.operations
                                       if op.get("bailleur")})]
        names = files.unique_names(["financement_%s_%s" % (kind, files.safe_filename(code))
                                    for kind, code, _ in groups])
        for (kind, code, keep), name in zip(groups, names):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Récapitulatif annulé : rien n'a été "
                                                     "remplacé."))
            pdf.write_pdf(outputs.temporary(os.path.join(folder, name + ".pdf")),
                          "Suivi financier – %s %s" % ("EPCI" if kind == "epci"
                                                       else "bailleur", code),
                          "Situation au %s" % as_of.strftime("%d/%m/%Y"), headers,
                          pdf_rows(recap, keep), [34, 22, 11, 11, 11, 11], numeric=(2, 3, 4, 5))
        return len(groups)
