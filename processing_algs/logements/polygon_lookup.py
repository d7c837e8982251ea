"""Which polygons of a layer (communes, EPCI, cités) contain the dwellings' points: one
spatial join per layer (:mod:`osp_qgis.storage.spatial_join`, SpatiaLite), or point by point with
QGIS's prepared GEOS engine — the reference, and the path for invalid or curved
polygons."""
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPoint,
    QgsProject,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ...osp_qgis.storage import spatial_join, sqlplan
from ...osp_qgis.storage.sqlplan import PlanError
from ..common.records_io import python_value


class PolygonLookup:
    """Which polygons of a layer contain a point (given in ``points_crs``)."""

    def __init__(self, layer, attribute_indexes, points_crs):
        self.layer = layer
        self.transform = QgsCoordinateTransform(points_crs, layer.crs(), QgsProject.instance())
        self.index = QgsSpatialIndex()
        self.items, self.areas = {}, {}
        request = QgsFeatureRequest().setSubsetOfAttributes(
            [i for i in attribute_indexes if i >= 0])
        for feature in layer.getFeatures(request):
            if not feature.hasGeometry():
                continue
            geometry = QgsGeometry(feature.geometry())
            self.index.addFeature(feature)
            self.items[feature.id()] = (geometry, [python_value(feature[i]) if i >= 0 else None
                                                   for i in attribute_indexes], None)
            self.areas[feature.id()] = geometry.area()

    def containing(self, point):
        if point is None or point.isNull() or point.isEmpty():
            return []
        local = QgsGeometry(point)
        local.transform(self.transform)
        found = []
        for fid in self.index.intersects(local.boundingBox()):
            if self._engine(fid).intersects(local.constGet()):
                found.append((self.areas[fid], fid, self.items[fid][1]))
        found.sort(key=lambda item: item[:2])  # the smallest polygon first
        return [attrs for _, _, attrs in found]

    def containing_each(self, points, feedback=None):
        """:meth:`containing` for every point of ``points`` (QgsGeometry or None): see
        :func:`containing_each`."""
        found = containing_each([self], points, feedback)
        return None if found is None else found[0]

    def _polygons(self):
        """``([(fid, area, wkb)] of valid polygons, [fid of invalid ones])``: GEOS answers
        for an invalid polygon depend on how it is asked, so those are asked as
        :meth:`containing` asks (:class:`PlanError` for curves, which QGIS segmentizes its
        own way)."""
        valid, invalid = [], []
        for fid, (geometry, _, _) in self.items.items():
            if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                raise PlanError("curved polygon %s" % fid)
            if geometry.isGeosValid():
                valid.append((fid, self.areas[fid], bytes(geometry.asWkb())))
            else:
                invalid.append(fid)
        return valid, invalid

    def _engine(self, fid):
        """The prepared GEOS engine of polygon ``fid``, made the first time it is asked."""
        geometry, attrs, engine = self.items[fid]
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
            engine.prepareGeometry()
            self.items[fid] = (geometry, attrs, engine)
        return engine

    def _add_hits_of(self, fid, keys, x, y):
        """The points (``x``, ``y``: numpy arrays, NaN without a point) an invalid polygon
        contains — its box first, then its prepared engine, as :meth:`containing` — added
        to ``keys``, kept smallest first."""
        import numpy
        box, engine = self.items[fid][0].boundingBox(), self._engine(fid)
        inside = numpy.flatnonzero((x >= box.xMinimum()) & (x <= box.xMaximum())
                                   & (y >= box.yMinimum()) & (y <= box.yMaximum()))
        for i in inside.tolist():
            if engine.intersects(QgsPoint(float(x[i]), float(y[i]))):
                keys[i].append(fid)
                keys[i].sort(key=lambda key: (self.areas[key], key))



NO_HITS = []   # shared by every point in no polygon (never changed)


def containing_each(lookups, points, feedback=None):
    """``[lookup.containing(p) for p in points]`` for each of ``lookups`` (same points'
    CRS; ``None`` for a missing layer, answered by ``None``), as one spatial join in
    SpatiaLite per CRS of their layers (:mod:`spatial_join`), not one request per point;
    point by point when SpatiaLite cannot take the polygons (curves).  ``None`` when
    cancelled."""
    import numpy
    found = [None] * len(lookups)
    cancelled = feedback.isCanceled if feedback is not None else None
    for group in _by_layer_crs(lookups):
        xs, ys, apart = _coordinates(points, lookups[group[0]].transform)
        try:
            polygons = [lookups[g]._polygons() for g in group]
            keys = spatial_join.containing([valid for valid, _ in polygons], xs, ys,
                                           cancelled)
        except sqlplan.PlanError:
            for g in group:
                found[g] = [lookups[g].containing(point) for point in points]
            continue
        if keys is None:
            return None
        if any(invalid for _, invalid in polygons):
            x = numpy.array([numpy.nan if v is None else v for v in xs], dtype=float)
            y = numpy.array([numpy.nan if v is None else v for v in ys], dtype=float)
        for g, hits, (_, invalid) in zip(group, keys, polygons):
            lookup = lookups[g]
            for fid in invalid:
                lookup._add_hits_of(fid, hits, x, y)
            found[g] = [[lookup.items[key][1] for key in each] if each else NO_HITS
                        for each in hits]
            for i in apart:
                found[g][i] = lookup.containing(points[i])
    return found


def _by_layer_crs(lookups):
    """Indexes of ``lookups`` (``None`` left out) grouped by the CRS their points are
    moved into."""
    groups = []
    for n, lookup in enumerate(lookups):
        if lookup is None:
            continue
        crs = lookup.transform.destinationCrs()
        group = next((g for g in groups if lookups[g[0]].transform.destinationCrs() == crs),
                     None)
        if group is None:
            groups.append([n])
        else:
            group.append(n)
    return groups


def _coordinates(points, transform):
    """``(xs, ys, apart)``: each point's coordinates moved by ``transform`` (``None``
    without a point), and the indexes of geometries that are not a plain point (asked
    one by one)."""
    xs, ys, apart = [None] * len(points), [None] * len(points), []
    same = transform.isShortCircuited()
    for i, geometry in enumerate(points):
        point = geometry.constGet() if geometry is not None else None
        if point is None:
            continue
        if point.__class__ is not QgsPoint:
            apart.append(i)
            continue
        x, y = point.x(), point.y()
        if x != x or y != y:   # an empty point
            continue
        if not same:
            moved = QgsGeometry(geometry)
            moved.transform(transform)
            x, y = moved.constGet().x(), moved.constGet().y()
        xs[i], ys[i] = x, y
    return xs, ys, apart
