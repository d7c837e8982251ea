"""osp:programmation_import — « Importer une programmation »."""
import os

from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFile, QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer, QgsWkbTypes)

from ..osp_qgis import columns, locate, sheets
from ..osp_qgis.programmation import roundtrip, sheet as programmation_sheet, workbooks
from . import programmation_io as store
from . import programmation_postgis as postgis
from .programmation_forms import save_styles
from . import qgis_io
from .base import OspAlgorithm
from .outputs import Outputs
from .programmation_params import add_programmation, add_year, read_programmation

BLOCKS = ("bailleur", "epci", "ddtm", "crhh")
HELP = """<p>Met à jour la <b>programmation</b> à partir d'un classeur : le classeur d'un
partenaire (produit par « Classeurs des partenaires ») ou toute feuille de programmation, le
récapitulatif CRHH de 2021 compris (deux lignes d'en-tête « Nombre de logements » au-dessus
de Total / C / BBC / Biosourcés, lignes « TOTAL … » recalculées et non importées, bailleur et
EPCI lus dans le nom de l'opération quand il n'y a pas de colonne).</p>
<p><b>Classeur d'un partenaire</b> : seul le bloc du partenaire (bailleur ou EPCI) de ses
propres opérations est repris ; ses nouvelles lignes deviennent des opérations, ses notes de
l'onglet « Avancement » sont ajoutées (une seule fois). Une opération modifiée par quelqu'un
d'autre depuis l'envoi du classeur n'est pas écrasée : anomalie <i>conflit</i>. Les
modifications de cellules verrouillées sont signalées (<i>modification_hors_bloc</i>) et
ignorées.</p>
<p><b>Autre feuille</b> : <i>BLOCK</i> dit quel bloc elle remplit (bailleur par défaut, epci,
ddtm, crhh) ; les opérations sont retrouvées par leur identifiant, sinon par leur nom et leur
année, et créées sinon ; <i>ANNEE</i> donne l'année quand la feuille ne la dit pas.</p>
<p>Chaque ligne refusée est dans <i>ANOMALIES</i> (ligne, motif, détail, colonnes reçues) ;
les nombres lues, mises à jour, ajoutées, en conflit et rejetées sont donnés. Un import
interrompu laisse la programmation telle qu'elle était.</p>
<p><b>Exemple</b> : <code>qgis_process run osp:programmation_import
--INPUT=programmation_2021_bailleur_MC.xlsx --OPERATIONS=programmation.gpkg
--ANOMALIES=anomalies_import.csv</code></p>"""


class ProgrammationImport(OspAlgorithm):
    NAME = "programmation_import"
    DISPLAY_NAME = "Importer une programmation"
    SHORT = ("Reprend un classeur de partenaire ou une feuille de programmation (bloc du "
             "partenaire, nouvelles opérations, notes) sans écraser les saisies des autres.")
    GROUP_ID = "programmation"
    HELP = HELP
    DATABASE_TARGETS = ("OPERATIONS",)
    CHOICES = {"BLOCK": BLOCKS}

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
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
            "BLOCK", self.tr("Bloc rempli par une feuille qui n'est pas un classeur partenaire"),
            options=[self.tr("Prévisionnel bailleur"), self.tr("Prévisionnel EPCI"),
                     self.tr("Prévisionnel DIRBM/DDTM"), self.tr("Décision CRHH")],
            defaultValue=0))
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
    def _plan(self, path, sheet_name, operations, notes, context_rows, block, year, feedback):
        """``(plan, anomaly columns, who)``."""
        if path.lower().endswith((".xlsx", ".xlsm")):
            try:
                partner = workbooks.read_partner(path)
            except Exception:
                partner = None  # not a partner workbook (or damaged): read as any sheet
            if partner is not None:
                meta, rows, note_rows = partner
                feedback.pushInfo(self.tr("Classeur du partenaire %s (%s), programmation %s.")
                                  % (meta["partenaire"], meta["role"], meta["annee"]))
                plan = roundtrip.plan_partner(operations, notes, meta, rows, note_rows,
                                              context_rows)
                return plan, meta["entetes"], meta["partenaire"]
        try:
            raw = sheets.read_sheet(path, sheet_name, programmation_sheet.has_header)
        except sheets.SheetError as error:
            raise QgsProcessingException(str(error))
        if raw is None:
            raw = qgis_io.read_table_layer(path, sheet_name)
        if raw is None or not any(not sheets.is_blank(c) for _, c in raw.rows):
            raise QgsProcessingException(self.tr("La feuille « %s » est illisible ou vide.")
                                         % os.path.basename(path))
        try:
            parsed = programmation_sheet.read(raw.rows)
        except columns.ColumnError as error:
            raise QgsProcessingException("%s (%s, feuille « %s »)" % (error,
                                                                     os.path.basename(path),
                                                                     raw.sheet_name))
        if parsed.year is None and year is None and "annee_prog" not in parsed.roles:
            raise QgsProcessingException(self.tr(
                "Année de programmation inconnue : la feuille ne la dit pas (titre « Programmation "
                "2021 » ou colonne Année) ; indiquer le paramètre ANNEE."))
        plan = roundtrip.plan_sheet(operations, parsed, block, year, context_rows)
        plan.anomalies = [(l, m, d, c) for l, m, d, c in parsed.skipped] + plan.anomalies
        return plan, parsed.headers, "import %s" % os.path.basename(path)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        path = self.parameterAsFile(parameters, "INPUT", context)
        if not path or not os.path.isfile(path):
            raise QgsProcessingException(self.tr("Le classeur « %s » est introuvable.") % path)
        block = self.parameterAsChoice(parameters, "BLOCK", context)
        year = self.parameterAsInt(parameters, "ANNEE", context) \
            if parameters.get("ANNEE") not in (None, "") else None
        target, operations, notes, cites = read_programmation(self, parameters, context)
        cites_layer = self.parameterAsVectorLayer(parameters, "CITES", context)
        if cites_layer is not None:
            stored = {c["id_cite"] for c in cites}
            cites += [c for c in store.cites_from_layer(cites_layer) if c["id_cite"] not in stored]
        context_rows = roundtrip.Context(cites=cites)
        plan, headers, who = self._plan(path, self.parameterAsString(parameters, "SHEET", context)
                                        or None, operations, notes, context_rows, block, year,
                                        feedback)
        feedback.setProgress(50)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Import annulé : rien n'a été écrit."))
        new_operations, new_notes = roundtrip.apply_plan(operations, notes, plan, who)
        Outputs(self, parameters, context).check_folders("ANOMALIES")  # before any write
        self._write(target, operations, notes, new_operations, new_notes, cites, plan, feedback)
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

    def _write(self, target, operations, notes, new_operations, new_notes, cites, plan,
               feedback):
        try:
            if target.kind == "gpkg":
                store.write_gpkg(target.path, new_operations, new_notes, cites,
                                 cancelled=feedback.isCanceled)
                return
            if not target.exists():
                postgis.create_postgis(target)
                save_styles(target, cites)
            old_ids = {op["id_op"] for op in operations}
            old_notes = {n["id_note"] for n in notes}
            versions = {op["id_op"]: op.get("version") for op in operations}
            postgis.write_postgis(target, new_operations, new_notes, cites, list(plan.updates),
                                versions, [op["id_op"] for op in new_operations
                                           if op["id_op"] not in old_ids],
                                [n for n in new_notes if n["id_note"] not in old_notes])
        except store.StoreError as error:
            raise QgsProcessingException(str(error))
        except Exception as error:  # GeoPackageError: French already
            if type(error).__name__ in ("GeoPackageError", "Cancelled"):
                raise QgsProcessingException(str(error) or self.tr("Import annulé : rien n'a "
                                                                   "été écrit."))
            raise

    def _anomalies(self, parameters, context, plan, headers):
        column_fields = locate.column_fields(headers, range(len(headers)),
                                             {"fid", "ligne", "motif", "detail"})
        fields = qgis_io.make_fields(list(locate.ANOMALY_FIELDS)
                                     + [(name, "string", header) for _, name, header
                                        in column_fields])
        rows = []
        for ligne, motif, detail, cells in sorted(plan.anomalies, key=lambda a: (a[0], a[1])):
            rows.append([ligne, motif, detail] + [cells[i] if i < len(cells) and cells[i] != ""
                                                  else None for i, _, _ in column_fields])
        with Outputs(self, parameters, context) as outputs:
            dest = outputs.write("ANOMALIES", fields, QgsWkbTypes.Type.NoGeometry, None, rows)
        return {"ANOMALIES": dest}
