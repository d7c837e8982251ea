"""Parcel layers as the join and the Fichiers fonciers cross-check read them: which field
holds the parcel id (idpar, or the 12-character IDU of EDIGEO), and the parcels of a set of
ids by the quickest plan their source allows (SQL where they are, the QGIS provider
otherwise)."""
import re
from concurrent.futures import ThreadPoolExecutor

from qgis.core import (
    QgsDataSourceUri,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMessageLog,
    QgsProcessingException,
)

from ...osp_qgis import ids
from ...osp_qgis.storage import sqlplan
from . import qt_compat
from .parcel_cache import cached_parcels
from .qgis_io import Cancelled, check_cancelled, field_index, polygon_layer_problem, whole_ogr_table

CHUNK_SIZE = 900


PARCEL_ID_CANDIDATES = ("idpar", "id_par", "id", "idu", "id_parcelle", "idparcelle", "parcelle",
                        "geo_parcelle")


IDPAR_RE = re.compile(ids.IDPAR_PATTERN)


IDU_RE = re.compile(r"^\d{3}[0-9]{3}[0-9A-Z]{2}\d{4}$")


SAMPLE_SIZE = 50


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
            check_cancelled(feedback)
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
            check_cancelled(feedback)
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
