"""osp:livrables — « Préparer une livraison »."""
import os
import shutil
import uuid

from qgis.core import (
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
)

from ...osp_qgis.files import FileProblem, check_folder_writable, french_os_error, unique_names
from ...osp_qgis.livraison import rules
from ..common.base import OspAlgorithm
from . import charset, companions, dxf, office, writers

DEFAULT_NAME = "livraison_osp"
CANCELLED = "Livraison annulée : rien n'a été écrit."


def layer_label(layer):
    """The layer's table name when it comes from a file of several (« analyse_logement » of
    osp_erbm.gpkg), else its name: file names must be explicit."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return parts.get("layerName") or layer.name()


def crs_unknown(crs):
    """No CRS, or a GeoPackage's « Undefined geographic / Cartesian SRS » (srs_id 0, -1)."""
    return not crs.isValid() or (not crs.authid() and crs.description().startswith(
        "Undefined"))


class Livrables(OspAlgorithm):
    NAME = "livrables"
    DISPLAY_NAME = "Préparer une livraison"
    GROUP_ID = "publication"
    CHOICES = {"FORMATS": rules.format_codes()}

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "LAYERS", self.tr("Couches et tables à livrer"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterEnum(
            "FORMATS", self.tr("Formats"),
            options=[row["libelle"] for row in rules.formats().values()], allowMultiple=True,
            defaultValue=[0]))
        self.addParameter(QgsProcessingParameterCrs(
            "CRS", self.tr("Système de coordonnées (EPSG:3950 pour Lambert 93 CC50)"),
            "EPSG:2154"))
        self.addParameter(QgsProcessingParameterString(
            "ENCODING", self.tr("Encodage de TAB, MIF, SHP et DXF (vide : CP1252)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "NAME", self.tr("Nom de la livraison"), DEFAULT_NAME))
        self.addParameter(QgsProcessingParameterBoolean(
            "ZIP", self.tr("Archive ZIP de la livraison"), False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Dossier où écrire la livraison")))
        self.addOutput(QgsProcessingOutputFile("ZIP_FILE", self.tr("Archive ZIP")))
        for name, label in (("N_FILES", "Fichiers écrits"), ("N_ANOMALIES", "Anomalies")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        if not layers:
            raise QgsProcessingException(self.tr("Aucune couche à livrer."))
        formats = self._formats(parameters, context)
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if not crs.isValid():
            raise QgsProcessingException(self.tr("Système de coordonnées invalide."))
        name = rules.file_stem(self.parameterAsString(parameters, "NAME", context).strip()
                               or DEFAULT_NAME, "").strip("_")
        encoding = self.parameterAsString(parameters, "ENCODING", context).strip()
        if encoding and rules.encoding_problem(encoding):
            raise QgsProcessingException(rules.encoding_problem(encoding))
        parent = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        try:
            check_folder_writable(os.path.join(parent, name), name)
        except FileProblem as error:
            raise QgsProcessingException(str(error))
        target = os.path.join(parent, name)
        work = os.path.join(parent, ".%s.osp-%s.tmp" % (name, uuid.uuid4().hex[:8]))
        try:
            os.makedirs(work)
            entries, anomalies, notes = self._deliver(layers, formats, crs, encoding, name,
                                                      work, context, feedback)
            zip_path = None
            if self.parameterAsBool(parameters, "ZIP", context):
                zip_path = os.path.join(parent, name + ".zip")
                companions.zip_folder(os.path.join(work, name), name,
                                      os.path.join(work, name + ".zip"))
            companions.swap(os.path.join(work, name), target)
            if zip_path:
                os.replace(os.path.join(work, name + ".zip"), zip_path)
        except writers.DeliveryError as error:
            raise QgsProcessingException(str(error))
        except OSError as error:
            raise QgsProcessingException(self.tr("Livraison impossible, rien n'a été écrit : "
                                                 "%s") % french_os_error(error))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        feedback.pushInfo(self.tr("Livraison « %s » : %d fichiers, %d anomalies.") % (
            target, len(entries), len(anomalies)))
        return {"OUTPUT_FOLDER": target, "ZIP_FILE": zip_path, "N_FILES": len(entries),
                "N_ANOMALIES": len(anomalies)}

    def _formats(self, parameters, context):
        indexes = self.parameterAsEnums(self._with_indexes(parameters), "FORMATS", context)
        codes = [rules.format_codes()[i] for i in indexes]
        if not codes:
            raise QgsProcessingException(self.tr("Aucun format choisi."))
        return codes

    def _stage(self, layers, crs, work, context, feedback):
        """Every layer written once into a GeoPackage in the delivery's CRS (objects without
        geometry kept without): ``[(table, source layer)]``."""
        stage = os.path.join(work, "stage.gpkg")
        labels = [layer_label(l) for l in layers]
        tables = unique_names([rules.short_names([t], 40)[t].lower() for t in labels])
        out = []
        for layer, table in zip(layers, tables):
            refused = rules.refusal(layer.name(), [f.name() for f in layer.fields()])
            if refused:
                raise writers.DeliveryError(refused)
            if layer.isSpatial() and crs_unknown(layer.crs()):
                raise writers.DeliveryError(
                    "La couche « %s » n'a pas de système de coordonnées : le déclarer "
                    "(Propriétés de la couche › Source) avant de la livrer." % layer.name())
            feedback.pushInfo(self.tr("%s : transformation en %s…") % (layer.name(),
                                                                      crs.authid()))
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName, options.layerName, options.fileEncoding = "GPKG", table, "UTF-8"
            options.layerOptions = ["FID=" + writers.STAGE_FID]
            options.feedback = feedback
            options.actionOnExistingFile = (
                QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
                if os.path.exists(stage)
                else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
            if layer.isSpatial():
                options.ct = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
            error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
                layer, stage, context.transformContext(), options)
            if feedback.isCanceled():
                raise writers.DeliveryError(CANCELLED)
            if error != QgsVectorFileWriter.WriterError.NoError:
                raise writers.DeliveryError("La couche « %s » n'a pas pu être transformée : %s"
                                            % (layer.name(), message))
            writers.empty_geometries_as_null(stage, table)
            out.append((table, layer))
        return stage, out

    def _deliver(self, layers, formats, crs, encoding, name, work, context, feedback):
        stage, tables = self._stage(layers, crs, work, context, feedback)
        folder = os.path.join(work, name)
        os.makedirs(folder)
        charset_formats = [c for c in formats if rules.formats()[c]["encodage"] != "UTF-8"]
        one_byte = encoding or "CP1252"
        anomalies, dictionary, notes = [], [], rules.format_notes(formats)
        encoded, changed = stage, {}
        if charset_formats:
            encoded, changed = charset.encoded_stage(stage, [t for t, _ in tables], one_byte,
                                                     os.path.join(work, "stage_encodage.gpkg"))
        entries = []
        step = 100.0 / max(1, len(formats) * len(tables))
        for table, layer in tables:
            fields = companions.staged_fields(stage, table, layer)
            dictionary += rules.dictionary_rows(table, fields, formats,
                                                writers.numbers_with_nulls(stage, table))
            notes += rules.layer_notes(table, [f[0] for f in fields])
            for code in formats:
                if feedback.isCanceled():
                    raise writers.DeliveryError(CANCELLED)
                if code == "dxf" and not layer.isSpatial():
                    continue      # DXF has no table without drawing
                spec = rules.formats()[code]
                charset_file = code in charset_formats
                drawn = writers.label_field([f[0] for f in fields])   # all a DXF writes
                for who, field in changed.get(table, []) if charset_file else ():
                    if code == "dxf" and field != drawn:
                        continue
                    anomalies.append((table, who, field, "caractères absents de l'encodage %s "
                                      "remplacés par « ? » (%s)" % (one_byte, spec["libelle"])))
                feedback.pushInfo(self.tr("%s : %s…") % (layer.name(), spec["libelle"]))
                path = os.path.join(folder, "%s.%s" % (rules.file_stem(name, table),
                                                       rules.extension(code,
                                                                       layer.isSpatial())))
                count = self._write(encoded if charset_file else stage, table, code, path,
                                    one_byte if charset_file else spec["encodage"], anomalies,
                                    work)
                entries.append(companions.entry(path, code, layer, crs, count,
                                                one_byte if charset_file else None))
                feedback.setProgress(feedback.progress() + step)
        companions.write(folder, name, entries, anomalies, dictionary, notes)
        return entries, anomalies, notes

    @staticmethod
    def _write(stage, table, code, path, encoding, anomalies, work):
        if code == "xlsx":
            return office.write_xlsx(stage, table, path, anomalies)
        if code == "xls":
            temporary = os.path.join(work, os.path.basename(path) + "x")
            count = office.write_xlsx(stage, table, temporary, anomalies, "xls")
            office.write_xls(temporary, path)
            return count
        if code == "dxf":
            return dxf.write_dxf(stage, table, path, anomalies)
        count = writers.write_layer(stage, table, code, path, encoding, anomalies)
        if code == "ods":
            office.ods_text_only(path)
        return count
