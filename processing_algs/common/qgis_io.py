"""The only place that talks to QGIS data providers for the join.

Fetching by key asks the provider for the needed ids only: on indexed
sources (GeoPackage, SpatiaLite, PostGIS) with ``IN (…)`` requests in chunks
that the provider compiles to SQL on its index; on plain files (GeoJSON,
shapefile, EDIGEO) with one attribute-only pass, then the matching features
by fid.  Memory grows with the dwellings, not with the parcels.
"""
import os
import re

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDataSourceUri,
                       QgsExpression,
                       QgsFeature, QgsFeatureRequest, QgsField, QgsFields, QgsGeometry,
                       QgsMessageLog, QgsPointXY, QgsProcessingException, QgsProject,
                       QgsProviderRegistry,
                       QgsRectangle, QgsVectorLayer, QgsWkbTypes)
from . import qt_compat

from ...osp_qgis import ids
from ...osp_qgis.storage import sqlplan
from ...osp_qgis.addresses import normalise_number, normalise_repetition
from ...osp_qgis.parc_social.geocode import match_addresses, street_key
from ...osp_qgis.sheets.raw import RawSheet, cell_text

CHUNK_SIZE = 900
PARCEL_ID_CANDIDATES = ("idpar", "id_par", "id", "idu", "id_parcelle", "idparcelle", "parcelle",
                        "geo_parcelle")
IDPAR_RE = re.compile(ids.IDPAR_PATTERN)
IDU_RE = re.compile(r"^\d{3}[0-9]{3}[0-9A-Z]{2}\d{4}$")
SAMPLE_SIZE = 50


class Cancelled(Exception):
    pass


def _check(feedback):
    if feedback is not None and feedback.isCanceled():
        raise Cancelled()


def field_index(layer, *names):
    """Index of the first field whose name matches one of ``names`` (any case)."""
    lower = {f.name().lower(): i for i, f in enumerate(layer.fields())}
    for name in names:
        if name and name.lower() in lower:
            return lower[name.lower()]
    return -1


def is_indexed_source(layer):
    """Sources where an ``IN`` filter runs as SQL on an index."""
    provider = layer.dataProvider()
    if provider.name() in ("postgres", "spatialite"):
        return True
    return provider.name() == "ogr" and provider.storageType() in ("GPKG", "SQLite")


def _sample_values(layer, index, n=SAMPLE_SIZE):
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([index]).setLimit(n * 4)
    values = []
    for feature in layer.getFeatures(request):
        value = feature[index]
        if value not in (None, "") and value == value:
            values.append(str(value))
        if len(values) >= n:
            break
    return values


def id_mode(values):
    """``"idpar"`` (14 chars), ``"idu"`` (EDIGEO's 12 chars without département) or None."""
    if values and sum(1 for v in values if IDPAR_RE.match(v)) >= 0.8 * len(values):
        return "idpar"
    if values and sum(1 for v in values if IDU_RE.match(v)) >= 0.8 * len(values):
        return "idu"
    return None


def checked_parcel_layer(layer, wanted=None):
    """``(id field, mode)`` of a parcels layer, or a French QgsProcessingException: not a
    polygon layer, no parcel id field recognised."""
    from qgis.core import QgsProcessingException
    problem = polygon_layer_problem(layer)
    if problem:
        raise QgsProcessingException(problem)
    field, mode = detect_parcel_id_field(layer, wanted)
    if field is None:
        raise QgsProcessingException(
            "Aucun champ identifiant de parcelle reconnu dans « %s » (attendu : idpar, id "
            "ou IDU avec des identifiants de 14 ou 12 caractères). Champs : %s."
            % (layer.name(), ", ".join(layer.fields().names())))
    return field, mode


def detect_parcel_id_field(layer, wanted=None):
    """``(field name, mode)`` of the parcel id, or ``(None, None)``."""
    names = [f.name() for f in layer.fields()]
    if wanted:
        index = field_index(layer, wanted)
        return (names[index], id_mode(_sample_values(layer, index)) or "idpar") if index >= 0 \
            else (None, None)
    candidates = [names[i] for i in (field_index(layer, c) for c in PARCEL_ID_CANDIDATES) if i >= 0]
    candidates += [n for n in names if n not in candidates
                   and layer.fields().field(n).type() == qt_compat.STRING]
    for name in candidates:
        mode = id_mode(_sample_values(layer, field_index(layer, name)))
        if mode:
            return name, mode
    return None, None


def _in_expression(field, values):
    return "%s IN (%s)" % (QgsExpression.quotedColumnRef(field),
                           ",".join(QgsExpression.quotedString(v) for v in values))


def iter_matching(layer, field, keys, attributes, with_geometry, feedback=None):
    """Features whose ``field`` value (as text) is in ``keys``: ``(value, feature)``."""
    index = field_index(layer, field)
    attr_indexes = sorted({index} | {i for i in attributes if i >= 0})
    keys = sorted(keys)
    if is_indexed_source(layer):
        for start in range(0, len(keys), CHUNK_SIZE):
            _check(feedback)
            request = QgsFeatureRequest().setFilterExpression(
                _in_expression(layer.fields()[index].name(), keys[start:start + CHUNK_SIZE]))
            request.setSubsetOfAttributes(attr_indexes)
            if not with_geometry:
                request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
            for feature in layer.getFeatures(request):
                yield str(feature[index]), feature
        return
    wanted = set(keys)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([index])
    fids = []
    for n, feature in enumerate(layer.getFeatures(request)):
        if n % 50000 == 0:
            _check(feedback)
        if str(feature[index]) in wanted:
            fids.append(feature.id())
    if not fids:
        return
    request = QgsFeatureRequest().setFilterFids(fids).setSubsetOfAttributes(attr_indexes)
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in layer.getFeatures(request):
        yield str(feature[index]), feature


class ParcelFetcher:
    """``fetcher(idpars) -> {idpar: point on surface}`` in the parcels' CRS.

    A GeoPackage or PostGIS table without a filter is asked in SQL
    (:mod:`osp_qgis.storage.sqlplan`: the keys in a temporary table or an array parameter, one
    indexed join, the point on surface computed by the database, returned as ``(x, y)``);
    any other source through its QGIS provider (returns QgsGeometry points).  ``plan``
    says which: ``"spatialite"``, ``"postgis"`` or ``"fournisseur"``."""

    def __init__(self, layer, field, mode, feedback=None, use_sql=True):
        self.layer, self.field, self.mode, self.feedback = layer, field, mode, feedback
        self.requested = 0
        self.invalid = set()   # parcel ids (as asked) whose geometry is not valid
        self.sql = _sql_parcel_points(layer, field, feedback) if use_sql else None
        self.executor, self.pending = None, []
        self.plan = "fournisseur" if self.sql is None else \
            "postgis" if layer.dataProvider().name() == "postgres" else "spatialite"

    def prefetch(self, idpars, early=False):
        """Start looking ``idpars`` up in a worker thread (GeoPackage plan: the query runs
        inside SQLite, without Python's lock, while Python goes on); :meth:`__call__`
        collects the answers, asking the batches still queued itself (on a second
        connection: both processors compute points on surface).  ``early``: a first part
        of the ids, asked at once by SpatiaLite (its cost follows the keys) but not by a
        server (one pass over the table per query, its parallel workers already on both
        processors: one query once every id is known)."""
        if not idpars or not hasattr(self.sql, "stage") or early and self.plan == "postgis":
            return
        keys = set(idpars)
        for asked, _ in self.pending:   # a key already on its way is not asked again
            keys -= asked
        if not keys:
            return
        if self.executor is None:
            from concurrent.futures import ThreadPoolExecutor
            self.executor = ThreadPoolExecutor(max_workers=1)
        self.pending.append((keys, self.executor.submit(self.sql.stage, self._keys(keys),
                                                        self._cancelled())))

    def __call__(self, idpars):
        self.requested += len(idpars)
        if self.sql is None:
            return self._from_provider(idpars)
        try:
            asked = set()
            pending, self.pending = self.pending, []
            for keys, future in pending:
                if not future.done() and hasattr(self.sql, "help"):   # the batches still
                    self.sql.help(self._cancelled())                   # queued: asked here too
                future.result()
                asked |= keys
            rest = set(idpars) - asked
            if hasattr(self.sql, "stage"):
                if rest:
                    self.sql.stage(self._keys(rest), self._cancelled())
                found = self.sql.collect()
            else:
                found = self.sql(self._keys(rest), self._cancelled())
        except KeyboardInterrupt:
            raise Cancelled()
        except sqlplan.PlanError as error:
            raise QgsProcessingException(
                "La recherche des parcelles dans « %s » a échoué : %s" % (self.layer.name(),
                                                                          error))
        invalid = getattr(self.sql, "invalid", set())
        if self.mode == "idu":
            self.invalid |= {p for p in asked | rest if p[2:] in invalid}
            return {p: found[p[2:]] for p in asked | rest if p[2:] in found}
        self.invalid |= invalid
        return found

    def _keys(self, idpars):
        return {p[2:] for p in idpars} if self.mode == "idu" else idpars

    def _cancelled(self):
        return self.feedback.isCanceled if self.feedback is not None else None

    def _from_provider(self, idpars):
        out = {}
        for idpar, geometry in parcel_geometries(self.layer, self.field, self.mode, idpars,
                                                 self.feedback):
            point = None
            if geometry is not None and not geometry.isEmpty():
                if not geometry.isGeosValid():
                    self.invalid.add(idpar)
                point = geometry.pointOnSurface()
                point = None if point.isEmpty() else point
            if out.get(idpar) is None:  # None: the parcel is there, without geometry
                out[idpar] = point
        return out

    def close(self):
        if self.executor is not None:
            for _, future in self.pending:
                future.cancel()
            self.executor.shutdown(wait=True)
            self.executor, self.pending = None, []
        if self.sql is not None:
            self.sql.close()


def whole_ogr_table(layer):
    """``(path, layer name or None)`` of an OGR layer read whole (no filter in QGIS nor in
    its source), else None."""
    if layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if parts.get("subset") or not parts.get("path"):
        return None
    return parts["path"], parts.get("layerName") or None


def _sql_parcel_points(layer, field, feedback=None):
    """The SQL plan for a GeoPackage or PostGIS table read whole (no subset string) or a
    flat file through its indexed GeoPackage copy (:mod:`.parcel_cache`), else None (the
    provider's path)."""
    provider = layer.dataProvider()
    if layer.subsetString() or provider.name() not in ("ogr", "postgres"):
        return None
    try:
        if provider.name() == "postgres":
            uri = QgsDataSourceUri(provider.dataSourceUri(True))   # credentials expanded
            if not uri.table() or uri.table().startswith("(") or uri.sql():
                return None
            return sqlplan.PostgisParcelPoints(uri.connectionInfo(True), uri.schema(),
                                               uri.table(), uri.geometryColumn(), field)
        table = whole_ogr_table(layer)
        if table is None:
            return None
        path, layer_name = table
        if provider.storageType() != "GPKG":    # a flat file: its indexed GeoPackage copy
            from ..logements.parcel_cache import cached_parcels
            cached = cached_parcels(path, layer_name, field, feedback)
            return None if cached is None else \
                sqlplan.ParcelPoints(cached[0], cached[1], field, copy_of=path)
        return sqlplan.ParcelPoints(path, layer_name, field)
    except (sqlplan.PlanError, OSError) as error:
        QgsMessageLog.logMessage("Plan SQL indisponible pour « %s » : %s" % (layer.name(), error),
                                 "OSP ERBM")
        return None


def parcel_geometries(layer, field, mode, idpars, feedback=None):
    """``(idpar, geometry)`` of the parcels of ``idpars`` found in ``layer`` (``mode``
    ``idu``: EDIGEO ids without the département); a parcel without geometry gives
    ``None``."""
    if mode == "idu":
        by_key = {}
        for idpar in idpars:
            by_key.setdefault(idpar[2:], []).append(idpar)
    else:
        by_key = {p: [p] for p in idpars}
    for value, feature in iter_matching(layer, field, by_key.keys(), [], True, feedback):
        geometry = QgsGeometry(feature.geometry()) if feature.hasGeometry() else None
        for idpar in by_key.get(value, ()):
            yield idpar, geometry


class LocalFetcher:
    """``fetcher(idlocals) -> {idlocal: idpar}`` from a Fichiers fonciers locaux table."""

    def __init__(self, layer, feedback=None):
        self.layer, self.feedback = layer, feedback
        self.local_index = field_index(layer, "idlocal")
        self.par_index = field_index(layer, "idpar")

    def is_valid(self):
        return self.local_index >= 0 and self.par_index >= 0

    def __call__(self, idlocals):
        field = self.layer.fields()[self.local_index].name()
        out = {}
        for value, feature in iter_matching(self.layer, field, idlocals, [self.par_index], False,
                                            self.feedback):
            try:
                idpar = ids.normalise_idpar(feature[self.par_index])
            except ids.IdError:
                continue
            if idpar:
                out.setdefault(value, idpar)
        return out


class TableLocalFetcher:
    """The same lookup from a text extract QGIS cannot open (UTF-16…), read whole by the
    Fichiers fonciers reader."""

    def __init__(self, path):
        from ...osp_qgis.fichiers_fonciers import read, rules
        try:
            frame = read.read_csv(path)
        except rules.FFError as error:
            raise QgsProcessingException(str(error))
        names = rules.column_map(list(frame.columns))
        self.table = {}
        if "idlocal" in names and "idpar" in names:
            for idlocal, idpar in zip(frame[names["idlocal"]], frame[names["idpar"]]):
                try:
                    idpar = ids.normalise_idpar(idpar)
                except ids.IdError:
                    continue
                if idpar:
                    self.table.setdefault(str(idlocal).strip(), idpar)
        self.valid = "idlocal" in names and "idpar" in names

    def is_valid(self):
        return self.valid

    def __call__(self, idlocals):
        return {i: self.table[i] for i in idlocals if i in self.table}


ADDRESS_FIELDS = {"numero": ("numero", "num", "numvoie", "dnvoiri"),
                  "rep": ("rep", "indrep", "dindic", "suffixe"),
                  "voie": ("nom_voie", "nomvoie", "voie", "dvoilib", "lib_voie"),
                  "insee": ("code_insee", "insee", "depcom", "idcom", "code_commune")}


class AddressFetcher:
    """``fetcher(address keys) -> {key: (point, level, score)}`` from a BAN-like point
    layer, by the plugin's one address matcher (:func:`geocode.match_addresses`): the
    number on the street written, else on the closest street name of the commune (typos),
    else the street's middle (level ``voie``); the score says how sure."""

    def __init__(self, layer, target_crs, feedback=None):
        self.layer, self.feedback = layer, feedback
        self.indexes = {k: field_index(layer, *names) for k, names in ADDRESS_FIELDS.items()}
        self.transform = QgsCoordinateTransform(layer.crs(), target_crs, QgsProject.instance())

    def is_valid(self):
        return all(self.indexes[k] >= 0 for k in ("numero", "voie", "insee"))

    def _ban(self, communes):
        """The BAN points of ``communes`` as the matcher reads them (target CRS)."""
        import pandas as pd   # lazily: pandas costs ≈ 0.3 s of QGIS's start-up
        field = self.layer.fields()[self.indexes["insee"]].name()
        attrs = [i for i in self.indexes.values() if i >= 0]
        rows = []
        for insee, feature in iter_matching(self.layer, field, communes, attrs, True,
                                            self.feedback):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            geometry.transform(self.transform)
            point = geometry.centroid().asPoint()
            rep = feature[self.indexes["rep"]] if self.indexes["rep"] >= 0 else ""
            rows.append((insee, normalise_number(text_value(feature[self.indexes["numero"]])),
                         normalise_repetition(text_value(rep)),
                         street_key(text_value(feature[self.indexes["voie"]])),
                         point.x(), point.y()))
        ban = pd.DataFrame(rows, columns=["insee", "numero", "rep", "voie", "x", "y"])
        return ban[ban["voie"] != ""].reset_index(drop=True)

    def __call__(self, keys):
        import pandas as pd   # lazily, as above
        keys = [k for k in keys if k]
        ban = self._ban({k[0] for k in keys})
        requests = pd.DataFrame({"insee": [k[0] for k in keys],
                                 "numero": [k[1] for k in keys],
                                 "rep": [k[2] for k in keys],
                                 "voie": [street_key(k[3]) for k in keys]})
        found = match_addresses(requests, ban)
        out = {}
        for key, level, score, x, y in zip(keys, found["precision"], found["score"],
                                           found["x"], found["y"]):
            if level and x == x and y == y:   # not NaN
                out[key] = (QgsGeometry.fromPointXY(QgsPointXY(x, y)), level,
                            round(float(score), 3))
        return out


def text_value(value):
    """A feature's value as the text a sheet cell would give (``""`` for NULL)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return cell_text(value)


def read_table_layer(path, sheet=None):
    """A table QGIS can open (XLS, DBF, GPKG table, …) as a :class:`RawSheet`.

    An Excel 97-2003 sheet is read with GDAL's header detection off: every row is
    data, numbered as the spreadsheet numbers it, and the join finds the header
    itself.  Other tables: the field names are the header (line 1), feature n is on
    line n + 1."""
    from osgeo import gdal
    is_xls = path.lower().endswith(".xls")
    uri = path if not sheet else "%s|layername=%s" % (path, sheet)
    previous = gdal.GetConfigOption("OGR_XLS_HEADERS")
    if is_xls:
        gdal.SetConfigOption("OGR_XLS_HEADERS", "DISABLE")
    try:
        layer = QgsVectorLayer(uri, "bailleur", "ogr")
        if not layer.isValid():
            return None
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        if is_xls:
            rows = [(n, [text_value(v) for v in feature.attributes()])
                    for n, feature in enumerate(layer.getFeatures(request), start=1)]
        else:
            rows = [(1, [f.name() for f in layer.fields()])]
            rows += [(n, [text_value(v) for v in feature.attributes()])
                     for n, feature in enumerate(layer.getFeatures(request), start=2)]
        return RawSheet(rows=rows, sheet_name=layer.name())
    finally:
        if is_xls:
            gdal.SetConfigOption("OGR_XLS_HEADERS", previous)


_QTYPES = {"string": qt_compat.STRING, "int": qt_compat.INT, "double": qt_compat.DOUBLE,
           "date": qt_compat.DATE, "datetime": qt_compat.DATETIME}


def make_fields(specs):
    """QgsFields from ``[(name, "string"|"int", alias)]``."""
    fields = QgsFields()
    for name, kind, alias in specs:
        field = QgsField(name, _QTYPES[kind])
        field.setAlias(alias)
        fields.append(field)
    return fields


def make_feature(fields, values, geometry=None, getter=None):
    """A feature of ``fields`` from a dict.  In loops pass ``getter`` =
    :func:`attribute_getter` (``values`` must then hold every field name)."""
    feature = QgsFeature(fields)
    feature.setAttributes(list(getter(values)) if getter is not None
                          else [values.get(n) for n in fields.names()])
    if geometry is not None:
        feature.setGeometry(geometry if not isinstance(geometry, tuple)
                            else QgsGeometry.fromPointXY(QgsPointXY(*geometry)))
    return feature


def attribute_getter(fields):
    """values dict -> attribute list, in C (operator.itemgetter), for many features."""
    import operator
    names = fields.names()
    getter = operator.itemgetter(*names)
    return (lambda values: (getter(values),)) if len(names) == 1 else getter


def polygon_layer_problem(layer):
    """French reason why ``layer`` cannot be the parcels layer, or ''."""
    if layer is None or not layer.isValid():
        return "La couche des parcelles est introuvable ou illisible."
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        return ("La couche des parcelles « %s » ne contient pas de polygones (type : %s)."
                % (layer.name(), QgsWkbTypes.displayString(layer.wkbType())))
    return crs_problem(layer, "des parcelles")


def crs_problem(layer, role):
    """French reason why ``layer``'s coordinates cannot be in its CRS (Lambert 93
    metres read as WGS 84 degrees, say), or ''."""
    crs = layer.crs()
    extent = layer.extent()
    if not crs.isValid() or extent.isNull():
        return ""
    bounds = crs.bounds()  # the CRS's area of use, in WGS 84
    if bounds.isNull() or bounds.isEmpty():
        return ""
    if crs.isGeographic():
        limits = QgsRectangle(-180, -90, 180, 90)
    else:
        try:
            limits = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                            QgsProject.instance()).transformBoundingBox(bounds)
        except Exception:  # QgsCsException: bounds that cannot be projected
            return ""
        limits.grow(max(limits.width(), limits.height()))  # generous: the area of use is small
    if limits.contains(extent):
        return ""
    hint = ""
    if crs.isGeographic() and abs(extent.xMaximum()) > 1000:
        hint = " Les valeurs (%.0f, %.0f) ressemblent à des mètres (Lambert 93, EPSG:2154 ?)." \
            % (extent.xMinimum(), extent.yMinimum())
    return ("Les coordonnées de la couche %s « %s » sortent des limites de son système de "
            "coordonnées (%s) : le SCR déclaré n'est sans doute pas le bon.%s Définir le bon SCR "
            "de la couche (Propriétés › Source) puis relancer." % (
                role, layer.name(), crs.authid() or crs.description(), hint))


class GdalErrors:
    """Collect GDAL's errors inside a ``with`` block (GDAL only prints them)."""

    def __enter__(self):
        from osgeo import gdal
        self.messages = []
        gdal.PushErrorHandler(lambda level, number, message: self.messages.append(message)
                              if level >= gdal.CE_Failure else None)
        return self

    def __exit__(self, *exc):
        from osgeo import gdal
        gdal.PopErrorHandler()
        return False


def null_empty_geometries(destination):
    """GeoPackage outputs: store « no geometry » as SQL NULL, not ``POINT EMPTY``.

    QGIS 3.22's file writer turns a feature without geometry into an empty point;
    a NULL is what the data means (a dwelling not located) and what other tools
    expect.  Other formats are left as written.  Returns the rows changed; an
    ``OSError`` when the file cannot be updated (full disk…)."""
    from osgeo import ogr
    path, _, layer_part = destination.partition("|layername=")
    if not path.lower().endswith(".gpkg") or not os.path.exists(path):
        return 0
    with GdalErrors() as errors:
        dataset = ogr.Open(path, 1)
        if dataset is None:
            raise OSError("GeoPackage « %s » illisible : %s" % (path, "; ".join(errors.messages)))
        try:
            layer = dataset.GetLayerByName(layer_part) if layer_part else dataset.GetLayer(0)
            if layer is None or not layer.GetGeometryColumn():
                return 0
            from ...osp_qgis.storage.sqlplan import quoted
            table, column = quoted(layer.GetName()), quoted(layer.GetGeometryColumn())
            result = dataset.ExecuteSQL("SELECT count(*) FROM %s WHERE %s IS NOT NULL AND "
                                        "ST_IsEmpty(%s)" % (table, column, column))
            count = result.GetNextFeature().GetField(0) if result is not None else 0
            if result is not None:
                dataset.ReleaseResultSet(result)
            if count:
                dataset.ExecuteSQL("UPDATE %s SET %s = NULL WHERE %s IS NOT NULL AND "
                                   "ST_IsEmpty(%s)" % (table, column, column, column))
        finally:
            dataset = None
    if errors.messages:
        raise OSError("; ".join(errors.messages))
    return count
