"""osp:programmation_formulaires — « Classeurs des partenaires »."""
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...osp_qgis import files
from ...osp_qgis.programmation import model, roundtrip, workbooks
from ...osp_qgis.reference import read_reference
from ..common.base import OspAlgorithm
from ..common.outputs import AtomicFiles
from . import store
from .params import add_programmation, add_year, read_programmation
from .signing_keys import signing_key
from .target import StoreError


class ProgrammationFormulaires(OspAlgorithm):
    NAME = "programmation_formulaires"
    DISPLAY_NAME = "Classeurs des partenaires"
    GROUP_ID = "programmation"
    DATABASE_TARGETS = ("OPERATIONS",)

    def initAlgorithm(self, config=None):
        add_programmation(self)
        add_year(self)
        self.addParameter(QgsProcessingParameterString(
            "PARTNER", self.tr("Un seul partenaire (code bailleur ou sigle d'EPCI)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Dossier des classeurs")))
        self.addOutput(QgsProcessingOutputNumber("N_WORKBOOKS", self.tr("Classeurs écrits")))

    def processAlgorithm(self, parameters, context, feedback):
        target, operations, notes, cites = read_programmation(self, parameters, context,
                                                              must_exist=True)
        try:
            key = signing_key(target, create=True)
        except StoreError as error:
            raise QgsProcessingException(str(error))
        year = self.parameterAsInt(parameters, "ANNEE", context)
        financements, versements = store.read_finance(target)
        names = {r["code"]: r["nom"] for r in read_reference("bailleurs.csv")}
        context_rows = roundtrip.Context(cites=cites)
        wanted = (self.parameterAsString(parameters, "PARTNER", context) or "").strip()
        partners = self._partners(operations, year, wanted, names, context_rows)
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        written = 0
        try:
            filenames = files.unique_names([files.safe_filename("programmation_%d_%s_%s" % (
                year, role, model.operation_sigle(code) if role == "bailleur" else code))
                for role, code in partners])
            with AtomicFiles() as out:
                for (role, code), filename in zip(partners, filenames):
                    if feedback.isCanceled():
                        raise QgsProcessingException(self.tr("Annulé : aucun classeur écrit."))
                    label = names.get(code, code) if role == "bailleur" else code
                    path = out.temporary(os.path.join(folder, filename + ".xlsx"),
                                         self.tr("Classeurs des partenaires"))
                    n = workbooks.partner_workbook(path, role, code, label, year, operations,
                                                   notes, context_rows, key,
                                                   financements=financements,
                                                   versements=versements)
                    feedback.pushInfo(self.tr("%s : %d opération(s).") % (filename + ".xlsx", n))
                    written += 1
        except OSError as error:
            raise QgsProcessingException(self.tr("Classeurs non écrits : %s")
                                         % files.french_os_error(error))
        return {"OUTPUT_FOLDER": folder, "N_WORKBOOKS": written}

    def _partners(self, operations, year, wanted, names, context_rows):
        of_year = [op for op in operations if op.get("annee_prog") == year]
        if wanted:
            code = model.bailleur_from_sigle(wanted) or (wanted if wanted in names else None)
            if code:
                return [("bailleur", code)]
            sigle = model.epci_from_sigle(wanted, context_rows.epcis)
            if sigle:
                return [("epci", sigle)]
            raise QgsProcessingException(self.tr("« %s » n'est ni un bailleur (%s) ni un EPCI "
                                                 "connu.") % (wanted, ", ".join(sorted(names))))
        if not of_year:
            raise QgsProcessingException(self.tr("Aucune opération programmée en %d.") % year)
        return sorted({("bailleur", op["bailleur"]) for op in of_year if op.get("bailleur")}) + \
            sorted({("epci", op["epci"]) for op in of_year if op.get("epci")})
