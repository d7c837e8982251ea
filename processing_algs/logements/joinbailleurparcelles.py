"""osp:joinbailleurparcelles — « Localiser les logements » (joindre une table bailleur aux parcelles)."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from ...osp_qgis import reference, runtime
from ...osp_qgis.logements import join_columns, locate
from ...osp_qgis.sheets import columns
from ...osp_qgis.sheets import raw as sheets
from ...osp_qgis.sheets.read import read_sheet
from ...osp_qgis.storage.gpkg_write import PointColumns
from ..common import parcels as parcel_layers
from ..common import postgres, qgis_io
from ..common.base import OspAlgorithm
from ..common.outputs import Outputs, point_xy
from ..common.postprocess import StyleAndAliases
from ..fichiers_fonciers import locaux_io as ff_io
from . import database_table, join_sources

FIELD_PARAMETERS = (
    ("FIELD_RPLS", "rpls", "Colonne de l'identifiant RPLS"),
    ("FIELD_INTERNAL_ID", "internal_id", "Colonne de l'identifiant du logement chez le bailleur"),
    ("FIELD_LOCAL", "local", "Colonne de l'identifiant fiscal (idlocal / invariant)"),
    ("FIELD_PARCEL", "parcel", "Colonne de la parcelle (idpar)"),
    ("FIELD_COMMUNE", "commune", "Colonne du code INSEE de la commune"),
    ("FIELD_DEPARTEMENT", "departement", "Colonne du département"),
    ("FIELD_EPCI", "epci", "Colonne de l'EPCI"),
    ("FIELD_INTITULE", "intitule", "Colonne de l'intitulé de l'opération"),
    ("FIELD_BAILLEUR", "bailleur", "Colonne du nom du bailleur"),
    ("FIELD_PALULOS", "palulos", "Colonne du type PALULOS"),
    ("FIELD_DECISION", "decision", "Colonne du n° de décision de financement"),
    ("FIELD_ANNEE", "annee", "Colonne de l'année de financement"),
)


class JoinBailleurParcelles(OspAlgorithm):
    NAME = "joinbailleurparcelles"
    DISPLAY_NAME = "Localiser les logements"
    GROUP_ID = "logements"
    FILE_LAYERS = ("LOCAUX",)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Table bailleur (xlsx, ods, csv… ou postgres:<connexion>)"),
            behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=self.tr("Tables (*.xlsx *.xlsm *.ods *.csv *.txt *.tsv *.dbf *.gpkg);;"
                               "Tous les fichiers (*.*)")))
        self.addParameter(QgsProcessingParameterString(
            "SHEET", self.tr("Feuille (par défaut : la première feuille non vide) ou, "
                             "dans une base, schéma.table"),
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "PARCELS", self.tr("Parcelles cadastrales"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "PARCEL_ID_FIELD", self.tr("Champ identifiant de parcelle (détecté si vide)"),
            parentLayerParameterName="PARCELS", optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "LOCAUX", self.tr("Locaux des Fichiers fonciers (pb0010_local : idlocal, idpar)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "ADDRESSES", self.tr("Points adresses (BAN : numero, rep, nom_voie, code_insee)"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        for name, _, label in FIELD_PARAMETERS:
            parameter = QgsProcessingParameterString(name, self.tr(label), optional=True)
            parameter.setFlags(parameter.flags()
                               | QgsProcessingParameterString.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Logements localisés"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "ANOMALIES", self.tr("Anomalies"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("N_ROWS", self.tr("Lignes lues")))
        self.addOutput(QgsProcessingOutputNumber("N_LOCATED", self.tr("Logements localisés")))
        self.addOutput(QgsProcessingOutputNumber("N_NOT_LOCATED",
                                                 self.tr("Logements non localisés")))
        self.addOutput(QgsProcessingOutputNumber("N_DUPLICATES", self.tr("Doublons")))

    # -- reading -----------------------------------------------------------------------------
    def _read_sheet(self, path, sheet):
        if database_table.is_database_input(path):
            try:
                return database_table.read_database_table(path, sheet)
            except postgres.BaseError as error:
                raise QgsProcessingException(str(error))
        if not path or not os.path.isfile(path):
            raise QgsProcessingException(self.tr("Le fichier de la table bailleur « %s » est "
                                                 "introuvable.") % (path or ""))
        synonyms = reference.column_synonyms()
        try:
            raw = read_sheet(path, sheet, lambda rows: columns.has_header(rows, synonyms))
        except sheets.SheetError as error:
            raise QgsProcessingException(str(error))
        if raw is None:
            raw = qgis_io.read_table_layer(path, sheet)
        if raw is None or not any(not sheets.is_blank(c) for _, c in raw.rows):
            raise QgsProcessingException(self.tr("La table bailleur « %s » est illisible ou "
                                                 "vide.") % os.path.basename(path))
        return raw

    @classmethod
    def _where(cls, path, raw):
        """Where the header was looked for, for messages: « dans la feuille « X » de
        « f.xlsx » », or « dans aucune des feuilles de « f.xlsx » (A, B) »."""
        name = cls._name(path, raw)
        if raw.sheet_name in raw.tried:  # no sheet had a header: all were tried
            return " dans aucune des feuilles de « %s » (%s)" % (name, ", ".join(raw.tried))
        if raw.sheet_name and raw.sheet_name != name:
            return " dans la feuille « %s » de « %s »" % (raw.sheet_name, name)
        return " dans « %s »" % name

    @staticmethod
    def _name(path, raw):
        """The input as messages name it: the file's name, or the database table (never
        the connection text, which may hold a password)."""
        return raw.sheet_name if database_table.is_database_input(path) \
            else os.path.basename(path)

    def _parcels(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "PARCELS", context)
        field, mode = parcel_layers.checked_parcel_layer(
            layer, self.parameterAsString(parameters, "PARCEL_ID_FIELD", context))
        fetcher = parcel_layers.ParcelFetcher(layer, field, mode, feedback,
                                        use_sql=os.environ.get("OSP_PLAN") != "fournisseur")
        access = {"spatialite": "SQL (SpatiaLite, jointure indexée)" + (
                      " sur sa copie GeoPackage" if getattr(fetcher.sql, "copy_of", None)
                      else ""),
                  "postgis": "SQL sur le serveur PostGIS (seul le résultat revient)"}.get(
            fetcher.plan, "indexé par lots" if parcel_layers.is_indexed_source(layer)
            else "en une lecture")
        feedback.pushInfo(self.tr("Parcelles : « %s », identifiant « %s »%s, accès %s.") % (
            layer.name(), field, " (IDU EDIGEO, département déduit des fiches)"
            if mode == "idu" else "", access))
        return layer, fetcher

    def _optional_fetchers(self, parameters, context, parcels_layer, feedback):
        fetch_locals = fetch_addresses = None
        locaux = ff_io.locaux_source(self, parameters, context)
        if locaux is not None:
            fetch_locals = join_sources.TableLocalFetcher(locaux) if isinstance(locaux, str) \
                else join_sources.LocalFetcher(locaux, feedback)
            if not fetch_locals.is_valid():
                raise QgsProcessingException(self.tr(
                    "La table des locaux « %s » doit avoir les champs idlocal et idpar.")
                    % (locaux if isinstance(locaux, str) else locaux.name()))
        addresses = self.parameterAsVectorLayer(parameters, "ADDRESSES", context)
        if addresses is not None:
            problem = qgis_io.crs_problem(addresses, "d'adresses")
            if problem:
                raise QgsProcessingException(problem)
            fetch_addresses = join_sources.AddressFetcher(addresses, parcels_layer.crs(), feedback)
            if not fetch_addresses.is_valid():
                raise QgsProcessingException(self.tr(
                    "La couche d'adresses « %s » doit avoir les champs numero, nom_voie et "
                    "code_insee.") % addresses.name())
        return fetch_locals, fetch_addresses

    # -- run ---------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        with runtime.paused_gc():
            return self._run(parameters, context, feedback)

    def _run(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        sheet = self.parameterAsString(parameters, "SHEET", context) or None
        if database_table.is_database_input(path):   # one COPY: no progress until it ends
            feedback.pushInfo(self.tr("Lecture de la table bailleur dans la base (texte de "
                                      "chaque colonne, en une fois)…"))
        raw = self._read_sheet(path, sheet)
        feedback.pushInfo(self.tr("Table « %s », feuille « %s » : %d lignes%s.")
                          % (self._name(path, raw), raw.sheet_name, len(raw.rows),
                             ", encodage %s" % raw.encoding if raw.encoding else ""))
        for warning in raw.warnings:
            feedback.reportError(warning, False)
        explicit = {role: self.parameterAsString(parameters, name, context)
                    for name, role, _ in FIELD_PARAMETERS}
        try:
            colmap = columns.detect_columns(raw.rows, reference.column_synonyms(), explicit,
                                            self._where(path, raw))
        except columns.ColumnError as error:
            raise QgsProcessingException(str(error))
        ligne_header = raw.rows[colmap.header_index][0]
        feedback.pushInfo(self.tr("En-tête ligne %d ; colonnes reconnues : %s.") % (
            ligne_header, ", ".join("%s → %s" % (colmap.headers[i], columns.ROLE_LABELS[r])
                                    for r, i in sorted(colmap.roles.items(), key=lambda x: x[1]))))
        if raw.delimiter:   # a CSV row shorter than its header was cut: said, not silent
            for ligne, motif, detail in locate.short_row_notes(raw.rows, colmap.header_index):
                raw.note(ligne, motif, detail)
        parcels, fetch_parcels = self._parcels(parameters, context, feedback)
        fetch_locals, fetch_addresses = self._optional_fetchers(parameters, context, parcels,
                                                                feedback)
        feedback.setProgress(10)
        try:
            result = join_columns.join(raw.take_rows(), colmap, reference.palulos_variants(),
                                       fetch_parcels, fetch_locals, fetch_addresses, raw.notes,
                                       texts_shared=raw.texts_shared)
        except qgis_io.Cancelled:
            raise QgsProcessingException(self.tr("Traitement annulé : rien n'a été écrit."))
        finally:
            fetch_parcels.close()
        if fetch_parcels.invalid:
            result.anomalies = sorted(
                result.anomalies + locate.invalid_parcel_anomalies(result, fetch_parcels.invalid),
                key=lambda a: (a.ligne, a.motif))
        feedback.setProgress(70)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Traitement annulé : rien n'a été écrit."))
        results = self._write(parameters, context, feedback, raw, colmap, result, parcels.crs())
        for line in locate.summary_lines(result):
            feedback.pushInfo(line)
        results.update({"N_ROWS": result.rows_read, "N_LOCATED": result.n_located,
                        "N_NOT_LOCATED": result.n_not_located,
                        "N_DUPLICATES": result.n_duplicates})
        return results

    def _write(self, parameters, context, feedback, raw, colmap, result, crs):
        extras = locate.extra_fields(colmap)
        out_fields = qgis_io.make_fields(
            list(locate.CORE_FIELDS) + [(name, "string", header) for _, name, header in extras])
        all_columns = locate.anomaly_column_fields(colmap)
        anomaly_fields = qgis_io.make_fields(
            list(locate.ANOMALY_FIELDS) + [(name, "string", header)
                                           for _, name, header in all_columns])
        total = max(1, result.n_dwellings)
        dwellings = PointColumns(
            [result.values[name] for name in locate.CORE_FIELD_NAMES]
            + [result.others[index] for index, _, _ in extras],
            [point_xy(point) for point in result.points])

        def anomalies():
            indexes = [index for index, _, _ in all_columns]
            for anomaly in result.anomalies:
                cells = anomaly.cells
                yield [anomaly.ligne, anomaly.motif, anomaly.detail] + [
                    _cell(cells, index) for index in indexes]

        with Outputs(self, parameters, context, feedback) as outputs:
            outputs.check_folders("OUTPUT", "ANOMALIES")  # both, before writing either
            dest_id = outputs.write(
                "OUTPUT", out_fields, QgsWkbTypes.Type.Point, crs, dwellings,
                progress=lambda n: feedback.setProgress(70 + 25 * n / total), points=True)
            try:
                qgis_io.null_empty_geometries(dest_id)
            except OSError as error:
                raise QgsProcessingException(self.tr("Écriture de « %s » impossible : %s")
                                             % (dest_id, error))
            anomalies_id = outputs.write("ANOMALIES", anomaly_fields, QgsWkbTypes.Type.NoGeometry,
                                         None, anomalies())
        feedback.setProgress(100)
        StyleAndAliases.attach(context, dest_id, out_fields, "logements_geoloc.qml")
        StyleAndAliases.attach(context, anomalies_id, anomaly_fields)
        return {"OUTPUT": dest_id, "ANOMALIES": anomalies_id}


def _cell(cells, index):
    return cells[index] if index < len(cells) and cells[index] != "" else None
