"""osp:analyselogement — « Couche d'analyse OSP » (Analyse au logement par bailleur)."""
import os

from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...osp_qgis import runtime
from ...osp_qgis import territory as territory_rules
from ...osp_qgis.logements import analyse
from ..common import gpkg_layers, postgres, qt_compat, records_io, territory_layers
from ..common.base import OspAlgorithm
from ..common.gpkg_update import WAIT_FOR_OTHERS, Cancelled, GeoPackageError, GeoPackageUpdate
from ..common.outputs import written_layer
from ..common.postprocess import StyleAndAliases
from ..common.qgis_io import field_index
from . import analyse_io, analyse_territory, polygon_lookup
from . import shared_base as base_import

ANOMALY_FIELDS = (("id_osp", qt_compat.INT), ("ident_rep", qt_compat.STRING),
                  ("ident_int", qt_compat.STRING), ("motif", qt_compat.STRING),
                  ("detail", qt_compat.STRING))


def gpkg_target(destination):
    """``(path, table)`` when the destination is a GeoPackage file, else ``None``."""
    if not destination or destination.startswith(("memory:", "postgres", "postgis")):
        return None
    uri = destination[4:] if destination.startswith("ogr:") else destination
    path, table = uri, analyse.LAYER_NAME
    if "dbname=" in uri:
        parsed = QgsDataSourceUri(uri)
        path, table = parsed.database(), parsed.table() or table
    elif "|layername=" in uri:
        path, table = uri.split("|layername=", 1)
    return (path, table) if path.lower().endswith(".gpkg") else None


class AnalyseLogement(OspAlgorithm):
    NAME = "analyselogement"
    DISPLAY_NAME = "Couche d'analyse OSP"
    GROUP_ID = "logements"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Logements (sortie de la jointure ou couche aux mêmes champs)"),
            [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "COMMUNES", self.tr("Communes (polygones : code INSEE, nom) — sinon table de "
                                "référence"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "EPCI", self.tr("EPCI (polygones, ou table commune → EPCI : SIREN, nom, sigle)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "CITES", self.tr("Cités minières (polygones : identifiant, nom)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "UPDATE_EXISTING", self.tr("Mettre à jour la couche existante sans perte"),
            defaultValue=False))
        output = QgsProcessingParameterVectorDestination(
            "OUTPUT", self.tr("Analyse au logement par bailleur"), QgsProcessing.SourceType.TypeVectorPoint)
        self.addParameter(output)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "ANOMALIES", self.tr("Anomalies de territoire"), QgsProcessing.SourceType.TypeVector,
            optional=True, createByDefault=False))
        for name, label in (("N_DWELLINGS", "Logements dans la couche"),
                            ("N_ADDED", "Logements ajoutés"), ("N_UPDATED", "Logements mis à jour"),
                            ("N_ABSENT", "Logements absents du dernier envoi"),
                            ("N_MANUAL_KEPT", "Points placés à la main conservés"),
                            ("N_INCOHERENT", "Communes incohérentes")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    # -- run ---------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        with runtime.paused_gc():  # millions of short values, none in a reference cycle
            return self._run(parameters, context, feedback)

    def _run(self, parameters, context, feedback):
        source = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if source is None or not source.isValid():
            raise QgsProcessingException(self.tr("La couche des logements est illisible."))
        if field_index(source, "ident_rep") < 0 and field_index(source, "ident_int") < 0:
            raise QgsProcessingException(self.tr(
                "La couche « %s » n'a ni ident_rep ni ident_int : est-ce bien une sortie de la "
                "jointure ?") % source.name())
        crs = source.crs()
        cites = self.parameterAsVectorLayer(parameters, "CITES", context)
        records = records_io.read_records(
            source, feedback, complete=analyse.fields_every_dwelling_gets(cites is not None))
        feedback.pushInfo(self.tr("%d logements lus.") % len(records))
        feedback.setProgress(10)
        territory, communes_lookup, epci_lookup = analyse_territory.territory_of(
            self.parameterAsVectorLayer(parameters, "COMMUNES", context),
            self.parameterAsVectorLayer(parameters, "EPCI", context), crs, feedback)
        cites_lookup, cite_fields = analyse_territory.cites_of(cites, crs)
        feedback.setProgress(25)
        problems = self._enrich(records, territory, communes_lookup, epci_lookup, cites_lookup,
                                feedback)
        feedback.setProgress(60)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Traitement annulé : rien n'a été écrit."))
        destination = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        update = self.parameterAsBoolean(parameters, "UPDATE_EXISTING", context)
        target = gpkg_target(destination)
        shared = base_import.shared_base_of(destination)
        if shared is not None:
            return self._import_shared(shared, source, records, problems, feedback, context,
                                       destination)
        if update and target is None:
            raise QgsProcessingException(self.tr(
                "La mise à jour sans perte (UPDATE_EXISTING) s'applique à une couche "
                "GeoPackage : choisir un fichier .gpkg en sortie."))
        for record in records:
            record["values"].setdefault("geoloc_source", None)
        cites_layer = analyse_territory.cites_table(cites, cite_fields, territory,
                                                   communes_lookup)
        if target is not None:
            path, table = target
            try:
                with GeoPackageUpdate(path, cancelled=feedback.isCanceled,
                                      wait_for_others=WAIT_FOR_OTHERS if update else 0) \
                        as gpkg:
                    for name in gpkg.removed:
                        feedback.pushInfo(self.tr("Copie temporaire laissée par une exécution "
                                                  "interrompue supprimée : %s") % name)
                    existing = gpkg_layers.read_table(gpkg.snapshot, table) \
                        if update and gpkg.existed else None
                    records, stats = self._merge(existing, records)
                    feedback.setProgress(75)
                    if feedback.isCanceled():
                        raise Cancelled()
                    result = self._write_gpkg(gpkg, table, records, crs, cites_layer,
                                              territory.epci_choices(), context, feedback)
            except Cancelled:
                raise QgsProcessingException(self.tr("Traitement annulé : « %s » n'a pas été "
                                                     "modifié.") % os.path.basename(path))
            except GeoPackageError as error:
                raise QgsProcessingException(str(error))
        else:
            records, stats = self._merge(None, records)
            result = self._write_sink(parameters, context, records, crs, territory_layers.form_tables(
                territory.epci_choices(), cites_layer))
        self._write_anomalies(parameters, context, problems, records, result)
        for line in (self.tr("Logements dans la couche : %d") % len(records),
                     self.tr("Ajoutés : %d, mis à jour : %d, absents du dernier envoi : %d, "
                             "points placés à la main conservés : %d")
                     % (stats.added, stats.updated, stats.absent, stats.manual_kept),
                     self.tr("Communes incohérentes : %d")
                     % sum(1 for p in problems if p[1] == "commune_incoherente")):
            feedback.pushInfo(line)
        result.update({"N_DWELLINGS": len(records), "N_ADDED": stats.added,
                       "N_UPDATED": stats.updated, "N_ABSENT": stats.absent,
                       "N_MANUAL_KEPT": stats.manual_kept,
                       "N_INCOHERENT": sum(1 for p in problems if p[1] == "commune_incoherente")})
        feedback.setProgress(100)
        return result

    def _import_shared(self, database, source, records, problems, feedback, context,
                       destination):
        """Into the shared base's ``osp.logements``: always a merge, in one transaction.
        The layer QGIS opens afterwards and the result carry no password."""
        for record in records:
            record["values"].setdefault("geoloc_source", None)
        try:
            records, stats, id_import = base_import.import_dwellings(
                database, records, problems, self._merge, source.name(), feedback.isCanceled)
        except postgres.BaseError as error:
            raise QgsProcessingException(str(error))
        feedback.pushInfo(self.tr("Import n° %d dans la base partagée %s : %d logements ; "
                                  "ajoutés : %d, mis à jour : %d, absents du dernier envoi : "
                                  "%d, points placés à la main conservés : %d.")
                          % (id_import, database.label, len(records), stats.added,
                             stats.updated, stats.absent, stats.manual_kept))
        feedback.setProgress(100)
        public = database.layer_uri(base_import.TABLE, with_password=False)
        base_import.load_without_password(context, destination, "postgres://" + public,
                                          self.tr("Analyse au logement (base partagée)"))
        return {"OUTPUT": public,"N_DWELLINGS": len(records),
                "N_ADDED": stats.added, "N_UPDATED": stats.updated, "N_ABSENT": stats.absent,
                "N_MANUAL_KEPT": stats.manual_kept,
                "N_INCOHERENT": sum(1 for p in problems if p[1] == "commune_incoherente")}

    def _enrich(self, records, territory, communes_lookup, epci_lookup, cites_lookup, feedback):
        problems = []
        all_cites, candidates_of = {}, {}
        if cites_lookup is not None:
            for _, attrs, _ in cites_lookup.items.values():
                all_cites.setdefault(attrs[0], attrs)
        points = [record["geometry"] for record in records]
        # one spatial join per layer of polygons, not one request per dwelling
        hits = polygon_lookup.containing_each([communes_lookup, epci_lookup, cites_lookup],
                                              points, feedback)
        if hits is None:   # cancelled
            return problems
        communes_hits, epci_hits, cites_hits = hits
        feedback.setProgress(45)
        for n, record in enumerate(records):
            values = record["values"]
            spatial = None
            if communes_hits is not None and communes_hits[n]:
                spatial = (str(communes_hits[n][0][0]), communes_hits[n][0][1])
            for motif, detail in territory_rules.assign_commune(
                    values, territory, spatial, communes_lookup is not None):
                problems.append((record, motif, detail))
            if epci_hits is not None and epci_hits[n]:
                values["epci"] = territory.epci_code(str(epci_hits[n][0][0]))
            if cites_hits is not None:
                cites_here = [(a[0], a[1]) for a in cites_hits[n]]
                commune = (values.get("idcom"), values.get("idcomtxt"))
                candidates = candidates_of.get(commune)
                if candidates is None:   # once per commune, not once per dwelling
                    candidates = candidates_of[commune] = \
                        analyse_territory.cites_of_commune(all_cites, values)
                territory_rules.assign_cite(values, cites_here, candidates,
                                            [values.get("idcomtxt") or ""])
            if n % 20000 == 0:
                feedback.setProgress(45 + 15 * n / max(1, len(records)))
                if feedback.isCanceled():
                    break
        return problems

    @staticmethod
    def _merge(existing, records):
        """The new delivery merged into the existing dwellings (``None``: a new layer)."""
        now = analyse_io.now()
        if existing is not None:
            return analyse.merge_reimport(existing, records, records_io.geometry_key, now)
        for record in records:
            record["values"].update(statut=analyse.STATUT_PRESENT, date_maj=now,
                                    geom_import=records_io.geometry_key(record["geometry"]))
        analyse.number_new(records)
        return records, analyse.MergeStats(added=len(records))

    def _write_gpkg(self, gpkg, table, records, crs, cites_layer, epci_choices, context,
                    feedback):
        """The layers written into the update's snapshot, then committed to the file."""
        path = gpkg.target
        layers = [(records_io.records_layer([], crs), table),
                  (analyse_io.epci_table_layer(epci_choices), territory_layers.EPCI_TABLE)]
        expected = {table: len(records), territory_layers.EPCI_TABLE: len(epci_choices)}
        if cites_layer is not None:
            layers.append((cites_layer, territory_layers.CITES_TABLE))
            expected[territory_layers.CITES_TABLE] = cites_layer.featureCount()
        tables = territory_layers.form_tables(epci_choices, cites_layer)

        def styles(snapshot):
            layer = QgsVectorLayer("%s|layername=%s" % (snapshot, table), analyse.LAYER_TITLE,
                                   "ogr")
            error = analyse_io.apply_osp_style(layer, tables) or \
                analyse_io.save_styles_in_database(layer)
            if error:
                raise QgsProcessingException(self.tr("Style non enregistré : %s") % error)
            if cites_layer is not None:
                error = gpkg_layers.save_default_style(
                    "%s|layername=%s" % (snapshot, territory_layers.CITES_TABLE), "cites.qml")
                if error:
                    raise QgsProcessingException(self.tr("Style non enregistré : %s") % error)

        try:
            gpkg_layers.write_layers(gpkg.snapshot, layers, styles, context,
                                    bulk=(table, records))
            if feedback.isCanceled():
                raise Cancelled()
            gpkg.commit(expected)
        except (IOError, OSError) as error:
            raise QgsProcessingException(self.tr("Écriture de « %s » impossible : %s")
                                         % (path, error))
        uri = "%s|layername=%s" % (path, table)
        self._load_as_title(context, uri)
        feedback.pushInfo(self.tr("Couche écrite : %s (table %s), style et formulaire enregistrés "
                                  "par défaut.") % (path, table))
        return {"OUTPUT": uri}

    def _load_as_title(self, context, uri):
        """Load the written table (not the bare .gpkg path) under its French title."""
        to_load = context.layersToLoadOnCompletion()
        destination = next((k for k in to_load if k == uri or uri.startswith(k)
                            or k.startswith("ogr:")), None)
        if destination is None:
            return
        details = to_load.pop(destination)
        details.name = analyse.LAYER_TITLE
        to_load[uri] = details
        context.setLayersToLoadOnCompletion(to_load)
        StyleAndAliases.attach(context, uri, records_io.analyse_fields(),
                               StyleAndAliases.FROM_DATABASE)

    def _write_sink(self, parameters, context, records, crs, tables=None):
        fields = records_io.analyse_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          QgsWkbTypes.Type.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.tr("Impossible de créer la couche de sortie."))
        layer = records_io.records_layer(records, crs)
        for feature in layer.getFeatures():
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        StyleAndAliases.attach(context, dest, fields, analyse_io.DEFAULT_STYLE)
        written = written_layer(dest, context, analyse.LAYER_TITLE)
        if written is not None and written.dataProvider().isSaveAndLoadStyleToDatabaseSupported():
            error = analyse_io.apply_osp_style(written, tables) or \
                analyse_io.save_styles_in_database(written)
            if error:
                raise QgsProcessingException(self.tr("Style non enregistré : %s") % error)
        return {"OUTPUT": dest}

    def _write_anomalies(self, parameters, context, problems, records, result):
        if parameters.get("ANOMALIES") in (None, ""):
            return
        fields = QgsFields()
        for name, kind in ANOMALY_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, "ANOMALIES", context, fields,
                                          QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            return
        for record, motif, detail in problems:
            feature = QgsFeature(fields)
            v = record["values"]
            feature.setAttributes([v.get("id_osp"), v.get("ident_rep"), v.get("ident_int"),
                                   motif, detail])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        result["ANOMALIES"] = dest
