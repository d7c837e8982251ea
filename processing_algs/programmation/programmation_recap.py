"""osp:programmation_recap — « Récapitulatif de la programmation (CRHH) »."""
import datetime
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorLayer,
)

from ...osp_qgis import files, forms
from ...osp_qgis.french_numbers import euros, integer
from ...osp_qgis.programmation import finance, model, rates, recap, recap_workbook
from ...osp_qgis.reference import read_reference
from ..common import records_io
from ..common.base import OspAlgorithm
from ..common.outputs import AtomicFiles
from . import decisions_io, store
from .params import add_ambition, add_programmation, add_year, read_programmation
from .pdf import PdfError, write_pdf

BLOCK_CODES = (None, "b", "e", "d", "crhh")


class ProgrammationRecap(OspAlgorithm):
    NAME = "programmation_recap"
    DISPLAY_NAME = "Récapitulatif CRHH"
    GROUP_ID = "programmation"
    DATABASE_TARGETS = ("OPERATIONS",)
    # its PDFs come from a print layout: QGIS refuses layout labels in background threads
    # (one warning per label in the dialog), so it runs on the main thread as the atlas does
    MAIN_THREAD = True
    CHOICES = {"BLOCK": ("auto", "bailleur", "epci", "ddtm", "crhh")}

    def initAlgorithm(self, config=None):
        add_programmation(self)
        add_year(self, this_year=True)
        self.addParameter(QgsProcessingParameterEnum(
            "BLOCK", self.tr("Bloc des chiffres"), options=[
                self.tr("Le plus avancé de chaque opération"), self.tr("Prévisionnel bailleur"),
                self.tr("Prévisionnel EPCI"), self.tr("Prévisionnel DIRBM/DDTM"),
                self.tr("Décision CRHH")], defaultValue=0, optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "DWELLINGS", self.tr("Logements réhabilités (couche d'analyse, pour le suivi de "
                                 "l'ambition)"), [QgsProcessing.SourceType.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "DECISIONS", self.tr("Décisions de financement (num_decision, annee, "
                                 "nb_logements_finances)"), [QgsProcessing.SourceType.TypeVector],
            optional=True))
        add_ambition(self)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", self.tr("Récapitulatif (classeur)"), self.tr("Classeur Excel (*.xlsx)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Dossier des PDF (récapitulatif, bailleurs, EPCI)")))
        self.addOutput(QgsProcessingOutputNumber("N_OPERATIONS", self.tr("Opérations")))
        self.addOutput(QgsProcessingOutputNumber("N_PDF", self.tr("PDF écrits")))

    def processAlgorithm(self, parameters, context, feedback):
        target, operations, notes, _ = read_programmation(self, parameters, context,
                                                          must_exist=True)
        year = self.parameterAsInt(parameters, "ANNEE", context)
        block = BLOCK_CODES[self.CHOICES["BLOCK"].index(
            self.parameterAsChoice(parameters, "BLOCK", context)
            if parameters.get("BLOCK") not in (None, "") else "auto")]
        lines = recap.recap_lines(operations, year, block)
        count = sum(1 for l in lines if l.kind == "operation")
        if not count:
            raise QgsProcessingException(self.tr("Aucune opération programmée en %d dans « %s ».")
                                         % (year, target.label))
        for missing in sorted({m for l in lines if l.kind == "operation" for m in l.missing}):
            feedback.reportError(self.tr("Taux ou montant manquant : %s — les sommes concernées "
                                         "sont « à renseigner » (resources/rates/palulos.csv).")
                                 % missing, False)
        latest = recap.latest_notes(notes)
        traj = recap.trajectory(operations, self._dwellings(parameters, context),
                                self._decisions(parameters, context, feedback),
                                self.parameterAsInt(parameters, "AMBITION_START", context), 10,
                                self.parameterAsInt(parameters, "AMBITION", context))
        financements, versements = store.read_finance(target)
        if financements:
            recap.add_money(traj, operations, financements, versements,
                            finance.state_funders())
        when = datetime.datetime.now()
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        try:
            with AtomicFiles() as out:
                recap_workbook.recap_workbook(out.temporary(xlsx, self.tr("Récapitulatif")),
                                              year, lines, latest, traj, when)
                files.check_folder_writable(os.path.join(folder, "x.pdf"), "PDF")
                n_pdf = self._pdfs(folder, year, lines, operations, latest, when, block, out)
        except (OSError, files.FileProblem, PdfError) as error:
            raise QgsProcessingException(self.tr("Récapitulatif non écrit : %s") % (
                files.french_os_error(error) if isinstance(error, OSError) else error))
        feedback.pushInfo(self.tr("%d opérations, %d PDF dans %s.") % (count, n_pdf, folder))
        return {"OUTPUT_XLSX": xlsx, "OUTPUT_FOLDER": folder, "N_OPERATIONS": count,
                "N_PDF": n_pdf}

    def _dwellings(self, parameters, context):
        layer = self.parameterAsVectorLayer(parameters, "DWELLINGS", context)
        if layer is None:
            return None
        return [r["values"] for r in records_io.read_records(
            layer, names={"epci", "annee_financ", "geoloc_source", "num_decision"},
            geometry=False)]

    def _decisions(self, parameters, context, feedback):
        try:
            return decisions_io.read_decisions(
                self.parameterAsVectorLayer(parameters, "DECISIONS", context),
                lambda text: feedback.reportError(text, False))
        except ValueError as error:
            raise QgsProcessingException(str(error))

    def _pdfs(self, folder, year, lines, operations, latest, when, block, out):
        title = recap_workbook.recap_title(year, when)
        headers = ["Programmes", "Dépôt prév.", "Report", "Total", "C", "BBC", "Bio."] + \
            ["PALULOS", "+ bio toiture", "+ bio mur", "+ bio mur et toiture"]
        rows = [(line.kind, [line.label, _date(line.date_depot), line.report]
                 + [integer(n) for n in (line.total, line.c, line.bbc, line.bio)]
                 + [_euros(a) for a in line.amounts]) for line in lines]
        write_pdf(out.temporary(os.path.join(folder, "recapitulatif_%d.pdf" % year)), title,
                  "Bloc : %s" % (recap_workbook.BLOCK_SOURCE.get(block) or "le plus avancé de chaque "
                                 "opération"), headers, rows,
                  (78, 18, 12, 13, 10, 11, 11, 30, 31, 31, 32), numeric=range(3, 11))
        count = 1
        names = {r["code"]: r["nom"] for r in read_reference("bailleurs.csv")}
        partners = sorted({("bailleur", op["bailleur"]) for op in operations
                           if op.get("bailleur") and op.get("annee_prog") == year} |
                          {("epci", op["epci"]) for op in operations
                           if op.get("epci") and op.get("annee_prog") == year})
        # two partners whose names reduce to the same file name (« A/B », « A:B ») get two
        # files, never one overwriting the other
        filenames = files.unique_names([files.safe_filename("%s_%s_%d" % (
            role, model.operation_sigle(partner) if role == "bailleur" else partner, year))
            for role, partner in partners])
        for (role, partner), filename in zip(partners, filenames):
            ops = [l for l in lines if l.kind == "operation" and
                   l.operation.get("bailleur" if role == "bailleur" else "epci") == partner]
            label = names.get(partner, partner) if role == "bailleur" else partner
            headers = ["Opération", "Statut", "Logements", "C", "BBC", "Bio.",
                       "PALULOS (estimation)", "Dernier avancement"]
            rows, sums = [], [0, 0, 0, 0, 0.0]
            for line in ops:
                note = latest.get(line.operation.get("id_op"))
                text = "%s – %s : %s" % (_date(note.get("date")), note.get("auteur") or "",
                                         note.get("texte")) if note else ""
                statut = forms.value_label(model.OPERATIONS, "statut",
                                           line.operation.get("statut"))
                rows.append(("operation", [line.label, statut] + [integer(n) for n in (
                    line.total, line.c, line.bbc, line.bio)] + [_euros(line.amounts[0]), text]))
                sums = _add(sums, [line.total, line.c, line.bbc, line.bio, line.amounts[0]])
            if ops:   # the partner's total, as the CRHH recap has one per EPCI
                rows.append(("total", ["TOTAL %s" % label, ""] + [integer(n) for n in sums[:4]]
                             + [_euros(sums[4]), ""]))
            path = os.path.join(folder, filename + ".pdf")
            write_pdf(out.temporary(path), "Programmation %d – %s" % (year, label),
                      "Version du %s à %s" % (when.strftime("%d/%m/%Y"), when.strftime("%Hh%M")),
                      headers, rows, (70, 18, 21, 10, 10, 10, 28, 110), numeric=range(2, 7))
            count += 1
        return count


def _date(value):
    return value.strftime("%d/%m/%Y") if isinstance(value, (datetime.date,
                                                            datetime.datetime)) else ""


def _euros(amount):
    return rates.A_RENSEIGNER if amount is None else euros(amount)


def _add(sums, values):
    """Column sums of a partner's operations; an unknown amount (rate « à renseigner »)
    makes its sum unknown, as in the recap's totals; a count left empty adds nothing."""
    out = list(sums)
    for i, value in enumerate(values):
        if out[i] is None:
            continue
        if value is None:
            out[i] = None if i == 4 else out[i]
        else:
            out[i] += value
    return out
