"""osp:publier — « Publier pour les partenaires (QGIS Server, Lizmap) »."""
import os
import shutil
import uuid

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsProjectServerValidator,
)

from ...osp_qgis.files import french_os_error
from ...osp_qgis.publication import lizmap
from ...osp_qgis.publication import tables as kinds
from ..common import postgres
from ..common.base import OspAlgorithm, is_database_uri
from . import catalogue, partners_file, project_writer, sources

PROJECT_FILE = "osp_erbm.qgs"
# the public layers only: what anyone may open without identification (OGC API pages, the
# catalogue); QGIS Server 3.22 refuses to list the OGC API collections to a visitor when the
# project holds layers hidden from them
PUBLIC_PROJECT_FILE = "osp_erbm_public.qgs"
DATA_FOLDER = "donnees"
DEFAULT_TITLE = "OSP ERBM – réhabilitation des logements du Bassin minier"


class Publier(OspAlgorithm):
    NAME = "publier"
    DISPLAY_NAME = "Publier pour les partenaires"
    GROUP_ID = "publication"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            "SOURCE", self.tr("Source : base partagée (connexion, service=…) ou GeoPackages "
                              "séparés par « ; » (ou leur dossier)")))
        self.addParameter(QgsProcessingParameterString(
            "TITLE", self.tr("Titre de la publication"), DEFAULT_TITLE))
        self.addParameter(QgsProcessingParameterString(
            "ABSTRACT", self.tr("Résumé"), multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CONTACT", self.tr("Contact (service, adresse électronique)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Dossier de la publication")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", self.tr("Projet publié (.qgs)")))
        self.addOutput(QgsProcessingOutputFile("PUBLIC_PROJECT", self.tr(
            "Projet des seules couches publiques (.qgs)")))
        for name, label in (("N_PUBLIC", "Couches publiques"),
                            ("N_PARTNER", "Couches des partenaires"),
                            ("N_EXCLUDED", "Tables non publiées")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsString(parameters, "SOURCE", context).strip()
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        info = {"title": self.parameterAsString(parameters, "TITLE", context).strip()
                or DEFAULT_TITLE,
                "abstract": self.parameterAsString(parameters, "ABSTRACT", context).strip(),
                "contact": self.parameterAsString(parameters, "CONTACT", context).strip()}
        target = self._checked_folder(folder)
        work = "%s.osp-%s.tmp" % (target.rstrip("/\\"), uuid.uuid4().hex[:8])
        try:
            os.makedirs(os.path.join(work, DATA_FOLDER))
            published, excluded, partner_rows, editable = self._gather(
                source, work, feedback)
            feedback.setProgress(40)
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Publication annulée : rien n'a été écrit."))
            partners_file.write(os.path.join(work, partners_file.NAME), partner_rows)
            project_path = os.path.join(work, PROJECT_FILE)
            layers, prints = project_writer.build(published, info, project_path, editable,
                                                  atlas_folder=os.path.join(work, DATA_FOLDER))
            public_path = os.path.join(work, PUBLIC_PROJECT_FILE)
            project_writer.build([p for p in published if p[0].kind in kinds.PUBLIC_KINDS],
                                 info, public_path, False)
            feedback.setProgress(70)
            self._check(project_path, feedback)
            self._check(public_path, feedback)
            records = catalogue.write_records(os.path.join(work, catalogue.FOLDER), layers, info)
            catalogue.write_readme(os.path.join(work, "LISEZMOI.txt"), info, layers, excluded,
                                   prints)
            self._swap(work, target)
        except (IOError, OSError) as error:
            raise QgsProcessingException(self.tr("Publication impossible, rien n'a été écrit : "
                                                 "%s") % french_os_error(error)
                                         if isinstance(error, OSError) and error.errno
                                         else str(error))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        n_partner = sum(1 for table, _ in layers if table.kind in kinds.PARTNER_KINDS)
        feedback.pushInfo(self.tr("Publication écrite dans %s : %d couches publiques, %d des "
                                  "partenaires, %d fiches de métadonnées ; %d tables non "
                                  "publiées.") % (target, len(layers) - n_partner, n_partner,
                                                  records, len(excluded)))
        return {"PROJECT": os.path.join(target, PROJECT_FILE),
                "PUBLIC_PROJECT": os.path.join(target, PUBLIC_PROJECT_FILE),
                "N_PUBLIC": len(layers) - n_partner, "N_PARTNER": n_partner,
                "N_EXCLUDED": len(excluded)}

    def _checked_folder(self, folder):
        """The output folder: absent, empty or an earlier publication (replaced)."""
        folder = os.path.abspath(folder)
        if os.path.isfile(folder):
            raise QgsProcessingException(self.tr("« %s » est un fichier : indiquer un dossier.")
                                         % folder)
        if os.path.isdir(folder) and os.listdir(folder) and \
                not os.path.exists(os.path.join(folder, PROJECT_FILE)):
            raise QgsProcessingException(self.tr(
                "Le dossier « %s » n'est pas vide et ne contient pas une publication OSP : "
                "choisir un dossier vide.") % folder)
        parent = os.path.dirname(folder)
        os.makedirs(parent, exist_ok=True)
        return folder

    def _gather(self, source, work, feedback):
        """``(published [(Table, style uri, provider)], excluded [(source, table, reason)],
        partner rows, WFS-T allowed)``."""
        if is_database_uri(source) or "=" in source or (source and not os.path.exists(
                source.split(";")[0].strip())):
            return self._from_database(source, feedback)
        return self._from_geopackages(source, work, feedback)

    def _from_geopackages(self, source, work, feedback):
        paths = []
        for part in (p.strip() for p in source.split(";") if p.strip()):
            if os.path.isdir(part):
                paths += sorted(os.path.join(part, n) for n in os.listdir(part)
                                if n.lower().endswith(".gpkg"))
            elif part.lower().endswith(".gpkg") and os.path.isfile(part):
                paths.append(part)
            else:
                raise QgsProcessingException(self.tr("« %s » n'est ni un GeoPackage ni un "
                                                     "dossier de GeoPackages.") % part)
        if not paths:
            raise QgsProcessingException(self.tr("Aucun GeoPackage à publier dans « %s ».")
                                         % source)
        published, excluded, names = [], [], set()
        rows = partners_file.reference_rows()
        for path in paths:
            found = sources.classified(path)
            keep = [(t, k) for t, k, _ in found if kinds.is_published(k)]
            excluded += [(os.path.basename(path), t, r) for t, k, r in found
                         if not kinds.is_published(k)]
            if not keep:
                continue
            copy = os.path.join(work, DATA_FOLDER, os.path.basename(path))
            sources.copy_tables(path, copy, [t for t, _ in keep])
            for table, kind in keep:
                if kind == "territoire" and table in names:
                    feedback.pushInfo(self.tr("%s › %s : déjà publiée depuis un autre "
                                              "GeoPackage.") % (os.path.basename(path), table))
                    continue
                if kind in kinds.PARTNER_KINDS:
                    sources.add_lizmap_column(copy, table, partners_file.groups_by_field(
                        rows, kinds.PARTNER_FIELDS[kind]))
                name = table if table not in names else "%s_%s" % (
                    os.path.splitext(os.path.basename(path))[0], table)
                names.add(name)
                published.append((sources.Table(kind, name, os.path.join(
                    work, DATA_FOLDER, os.path.basename(path)) + "|layername=" + table,
                    "ogr", os.path.basename(path)), "%s|layername=%s" % (path, table), "ogr"))
            feedback.pushInfo(self.tr("%s : %d tables publiées, %d écartées.") % (
                os.path.basename(path), len(keep), len(found) - len(keep)))
        for origin, table, reason in excluded:
            feedback.pushInfo(self.tr("Non publié : %s › %s (%s).") % (origin, table, reason))
        return published, excluded, rows, True

    def _from_database(self, source, feedback):
        try:
            database = postgres.Database(source)
            rows = partners_file.database_rows(database) or partners_file.reference_rows()
        except postgres.BaseError as error:
            raise QgsProcessingException(str(error))
        tables = sources.database_tables(database)
        feedback.pushInfo(self.tr("Base partagée %s : %d tables publiées (lecture seule sur "
                                  "le web ; chaque partenaire modifie avec son identifiant).")
                          % (database.label, len(tables)))
        return [(t, t.uri, t.provider) for t in tables], [], rows, False

    def _check(self, project_path, feedback):
        """Lizmap's checks and QGIS Server's own validator (names, short names, encodings)."""
        with open(project_path, encoding="utf-8") as handle:
            problems = lizmap.all_problems(handle.read())
        project = QgsProject()
        project.read(project_path)
        valid, results = QgsProjectServerValidator.validate(project)
        if not valid:
            problems += ["%s (%s)" % (QgsProjectServerValidator.displayValidationError(
                result.error), result.identifier) for result in results]
        if problems:
            raise QgsProcessingException(self.tr("Le projet ne passe pas les contrôles de "
                                                 "publication : %s") % " ; ".join(problems))
        feedback.pushInfo(self.tr("Contrôles Lizmap passés : %s.")
                          % ", ".join(label for label, _ in lizmap.CHECKS))

    @staticmethod
    def _swap(work, target):
        """The new publication in place of the old one, in two renames."""
        old = None
        if os.path.exists(target):
            old = "%s.osp-ancien-%s" % (target, uuid.uuid4().hex[:8])
            os.replace(target, old)
        try:
            os.replace(work, target)
        except OSError:
            if old:
                os.replace(old, target)
            raise
        if old:
            shutil.rmtree(old, ignore_errors=True)
