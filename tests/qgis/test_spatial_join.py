"""The analyse layer's point-in-polygon as one spatial join (osp_qgis/spatial_join.py through
PolygonLookup.containing_each) answers exactly as the point-by-point reference (QGIS's GEOS
engine, one request per point): same polygons, same order (smallest first), on generated
polygons (holes, multipolygons, nested and overlapping, shared edges) with points on
vertices, edges and in holes, on the real communes, EPCI and cités of Nord and
Pas-de-Calais in another CRS than the points, and when SpatiaLite cannot take the polygons
(curves: point by point)."""
import os
import random

import pytest
from conftest import shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def polygon_layer(wkts, crs="EPSG:2154"):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer

    from osp_erbm.processing_algs.common import qt_compat
    layer = QgsVectorLayer("MultiPolygon?crs=%s" % crs if not any("CURVE" in w.upper()
                                                                 for w in wkts)
                           else "MultiSurface?crs=%s" % crs, "p", "memory")
    layer.dataProvider().addAttributes([QgsField("code", qt_compat.STRING)])
    layer.updateFields()
    features = []
    for n, wkt in enumerate(wkts):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(["P%d" % n])
        geometry = QgsGeometry.fromWkt(wkt)
        assert not geometry.isNull(), wkt
        feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def lookup_of(layer, points_crs="EPSG:2154"):
    from qgis.core import QgsCoordinateReferenceSystem

    from osp_erbm.processing_algs.logements import polygon_lookup
    return polygon_lookup.PolygonLookup(layer, [0], QgsCoordinateReferenceSystem(points_crs))


def points(xys):
    from qgis.core import QgsGeometry, QgsPointXY
    return [None if xy is None else QgsGeometry.fromPointXY(QgsPointXY(*xy)) for xy in xys]


def assert_same_as_point_by_point(lookup, geometries):
    joined = lookup.containing_each(geometries)
    expected = [lookup.containing(g) for g in geometries]
    assert joined == expected
    return joined


def square(x, y, side):
    return [(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)]


def ring_wkt(ring):
    return "(%s)" % ", ".join("%r %r" % xy for xy in ring)


@st.composite
def scenes(draw):
    """Polygons on a small integer grid (shared edges and vertices are common) with
    holes and several parts, and points on their vertices, edge midpoints and anywhere."""
    polygons, special = [], []
    for _ in range(draw(st.integers(1, 6))):
        parts = []
        for _ in range(draw(st.integers(1, 2))):
            x, y = draw(st.integers(0, 8)), draw(st.integers(0, 8))
            side = draw(st.integers(1, 6))
            outer = square(x, y, side)
            rings = [ring_wkt(outer)]
            special.extend(outer[:4])
            special.extend(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                           for a, b in zip(outer, outer[1:]))
            if side >= 3 and draw(st.booleans()):
                hole = square(x + 1, y + 1, side - 2)
                rings.append(ring_wkt(hole[::-1]))
                special.append((x + side / 2, y + side / 2))
            parts.append("(%s)" % ", ".join(rings))
        if draw(st.booleans()):   # a triangle: slanted edges
            x, y = draw(st.integers(0, 8)), draw(st.integers(0, 8))
            tri = [(x, y), (x + 4, y), (x, y + 3), (x, y)]
            parts.append("(%s)" % ring_wkt(tri))
            special.append((x + 2, y + 1.5))   # on the slanted edge
        polygons.append("MULTIPOLYGON(%s)" % ", ".join(parts))
    anywhere = draw(st.lists(st.tuples(st.floats(-1, 16), st.floats(-1, 16)), max_size=30))
    chosen = draw(st.lists(st.sampled_from(special), max_size=30)) if special else []
    extra = [None] if draw(st.booleans()) else []
    return polygons, chosen + anywhere + extra


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scene=scenes())
def test_spatial_join_answers_as_point_by_point(qgis_app, scene):
    polygons, xys = scene
    lookup = lookup_of(polygon_layer(polygons))
    assert_same_as_point_by_point(lookup, points(xys))


def test_a_point_in_nested_polygons_gets_all_of_them_smallest_first(qgis_app):
    lookup = lookup_of(polygon_layer([
        "MULTIPOLYGON(((0 0, 100 0, 100 100, 0 100, 0 0)))",
        "MULTIPOLYGON(((10 10, 20 10, 20 20, 10 20, 10 10)))",
        "MULTIPOLYGON(((5 5, 50 5, 50 50, 5 50, 5 5)))",
        "MULTIPOLYGON(((200 0, 300 0, 300 100, 200 100, 200 0)))"]))
    joined = assert_same_as_point_by_point(lookup, points([(15, 15), (30, 30), (150, 50),
                                                           (100, 50), None, (250, 50)]))
    assert joined == [[["P1"], ["P2"], ["P0"]], [["P2"], ["P0"]], [], [["P0"]], [],
                      [["P3"]]]


def test_many_points_several_batches_and_cancel(qgis_app, monkeypatch):
    from osp_erbm.osp_qgis.storage import spatial_join
    monkeypatch.setattr(spatial_join, "BATCH", 997)
    rng = random.Random(12)
    cells = ["MULTIPOLYGON((%s))" % ring_wkt(square(x * 1000, y * 1000, 1000))
             for x in range(10) for y in range(10)]
    lookup = lookup_of(polygon_layer(cells))
    xys = [(rng.uniform(-500, 10500), rng.uniform(-500, 10500)) for _ in range(5000)]
    xys += [(x * 1000, y * 1000) for x in range(11) for y in range(11)]   # shared corners
    geometries = points(xys)
    joined = assert_same_as_point_by_point(lookup, geometries)
    assert sum(1 for hits in joined if len(hits) == 4) == 81   # inner corners: 4 cells

    class Stop:
        calls = 0

        def isCanceled(self):
            self.calls += 1
            return True
    stop = Stop()
    assert lookup.containing_each(geometries, stop) is None and stop.calls == 1


def test_curved_polygons_are_looked_up_point_by_point(qgis_app):
    layer = polygon_layer(["MULTISURFACE(CURVEPOLYGON(CIRCULARSTRING(0 0, 10 10, 20 0, "
                           "10 -10, 0 0)))",
                           "MULTISURFACE(((30 0, 40 0, 40 10, 30 10, 30 0)))"])
    lookup = lookup_of(layer)
    joined = assert_same_as_point_by_point(lookup, points([(10, 0), (19.5, 0), (35, 5),
                                                           (50, 50)]))
    assert [bool(h) for h in joined] == [True, True, True, False]


@pytest.fixture(scope="module")
def real_layers(qgis_app):
    from qgis.core import QgsVectorLayer
    layers = {}
    for name in ("communes_59_62.geojson", "epci_59_62.geojson", "cites_erbm.geojson"):
        path = shared_path("territoires", name)   # skips with its reason without ../shared
        layer = QgsVectorLayer(path, name, "ogr")
        assert layer.isValid(), path
        layers[name] = layer
    return layers


def test_real_territories_in_another_crs_than_the_points(real_layers):
    """Points in Lambert 93, polygons in WGS 84 (the files' CRS): the points are moved
    into the polygons' CRS exactly as the point-by-point lookup moves them."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
    communes = real_layers["communes_59_62.geojson"]
    to_l93 = QgsCoordinateTransform(communes.crs(), QgsCoordinateReferenceSystem("EPSG:2154"),
                                    QgsProject.instance())
    rng = random.Random(59)
    xys = []
    cites = list(real_layers["cites_erbm.geojson"].getFeatures())
    for feature in cites:   # points in and around every cité
        box = to_l93.transformBoundingBox(feature.geometry().boundingBox())
        xys += [(rng.uniform(box.xMinimum() - 200, box.xMaximum() + 200),
                 rng.uniform(box.yMinimum() - 200, box.yMaximum() + 200)) for _ in range(40)]
    box = to_l93.transformBoundingBox(communes.extent())
    xys += [(rng.uniform(box.xMinimum(), box.xMaximum()),
             rng.uniform(box.yMinimum(), box.yMaximum())) for _ in range(3000)]
    geometries = points(xys)
    from osp_erbm.processing_algs.logements import polygon_lookup
    lookups = []
    for name, layer in real_layers.items():
        index = 0 if name != "cites_erbm.geojson" else layer.fields().indexOf("id_cite")
        lookup = polygon_lookup.PolygonLookup(layer, [max(index, 0)],
                                          QgsCoordinateReferenceSystem("EPSG:2154"))
        assert not lookup.transform.isShortCircuited()
        assert len(lookup._polygons()[0]) > 0.9 * len(lookup.items)   # the SQL join
        lookups.append(lookup)
    # and one layer in the points' CRS: two joins, one per CRS
    lookups.append(lookup_of(polygon_layer([
        "MULTIPOLYGON((%s))" % ring_wkt([(x, y), (x + 5000, y), (x, y + 5000), (x, y)])
        for x, y in xys[:50]])))
    joined = polygon_lookup.containing_each(lookups, geometries)
    for lookup, found in zip(lookups, joined):
        assert found == [lookup.containing(g) for g in geometries]
    for (name, _), found in zip(real_layers.items(), joined):
        located = sum(1 for hits in found if hits)
        assert located > (len(cites) * 5 if name == "cites_erbm.geojson" else 1000), name
    assert sum(1 for hits in joined[-1] if len(hits) > 1) > 10


def test_no_polygons_or_no_points(qgis_app):
    from osp_erbm.osp_qgis.storage import spatial_join
    assert spatial_join.containing([[]], [1.0, None], [2.0, None]) == [[[], []]]
    lookup = lookup_of(polygon_layer(["MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)))"]))
    assert lookup.containing_each([]) == [] and lookup.containing_each([None]) == [[]]
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen"
