"""A hostile source for osp:livrables, written with OGR alone (not the plugin), and the
independent reading of a delivery: OGR for every file, osr/PROJ for the expected
coordinates.  Used by tests/qgis/test_livrables*.py."""
import datetime
import math

from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

COMMUNES = ("Nœux-les-Mines", "Béthune", "Liévin", "Lens")
CITES = ("Cité Saint-Éloi", "Cité des Électriciens", "Cité n° 12 bis", "Cité Łódź ✓")
FORMULAS = ('=HYPERLINK("http://exemple.invalid";"clic")', "+33 3 21 00 00 00", "@SUM(A1)",
            "-1+2", "of:=1+1", "=1+1")
LONG = ("Observation très longue : " + "é" * 300)[:300]
LONG_NAMES = ("commentaire_de_la_visite_de_chantier_1", "commentaire_de_la_visite_de_chantier_2")
N_DWELLINGS = 40
NULL_GEOMETRIES = (5, 6)


def _srs(code):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(code)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _field(layer, name, kind, subtype=None):
    field = ogr.FieldDefn(name, kind)
    if subtype is not None:
        field.SetSubType(subtype)
    layer.CreateField(field)


def build(path):
    """The source GeoPackage: ``logements`` (points, EPSG:2154, every hostile value),
    ``cites`` (polygons with millimetre vertices), ``indicateurs`` (a table under secrecy),
    ``sans_crs`` (points without CRS), ``ff_locaux`` (licensed rows)."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("logements", _srs(2154), ogr.wkbPoint)
    for name, kind, subtype in (
            ("id_osp", ogr.OFTInteger, None), ("commune", ogr.OFTString, None),
            ("cite", ogr.OFTString, None), ("date_fin", ogr.OFTDate, None),
            ("maj", ogr.OFTDateTime, None), ("rehabilite", ogr.OFTInteger, ogr.OFSTBoolean),
            ("montant_travaux", ogr.OFTReal, None), ("annee_prog", ogr.OFTInteger, None),
            ("observation", ogr.OFTString, None), (LONG_NAMES[0], ogr.OFTString, None),
            (LONG_NAMES[1], ogr.OFTString, None)):
        _field(layer, name, kind, subtype)
    for n in range(1, N_DWELLINGS + 1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id_osp", n)
        feature.SetField("commune", COMMUNES[n % len(COMMUNES)])
        feature.SetField("cite", CITES[n % len(CITES)])
        if n % 7:
            feature.SetField("date_fin", 2020 + n % 5, 1 + n % 12, 1 + n % 28, 0, 0, 0, 0)
            feature.SetField("maj", 2026, 12, 1 + n % 6, n % 24, n % 60, n % 50, 0)
        feature.SetField("rehabilite", n % 2)
        feature.SetField("montant_travaux", round(12345.67 * n + 0.01, 2))
        feature.SetField("annee_prog", 2019 + n % 4)
        feature.SetField("observation", LONG if n == 9 else FORMULAS[n % len(FORMULAS)])
        feature.SetField(LONG_NAMES[0], "premier %d" % n)
        feature.SetField(LONG_NAMES[1], "second %d" % n)
        if n not in NULL_GEOMETRIES:
            feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (%.3f %.3f)" % (
                690000.123 + 37.311 * n, 7030000.456 + 19.007 * n)))
        layer.CreateFeature(feature)
    cites = ds.CreateLayer("cites", _srs(2154), ogr.wkbPolygon)
    _field(cites, "id_cite", ogr.OFTInteger)
    _field(cites, "nom", ogr.OFTString)
    for n in range(1, 6):
        x, y = 680000.001 + 1500.003 * n, 7025000.009 + 800.007 * n
        ring = ", ".join("%.3f %.3f" % (x + 150.0 * math.cos(a / 7.0) + 0.001 * a,
                                        y + 90.0 * math.sin(a / 7.0) + 0.002 * a)
                         for a in range(44)) + ", %.3f %.3f" % (x + 150.0, y)
        feature = ogr.Feature(cites.GetLayerDefn())
        feature.SetField("id_cite", n)
        feature.SetField("nom", CITES[n % 3])
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON ((%.3f %.3f, %s))" % (
            x + 150.0, y, ring)))
        cites.CreateFeature(feature)
    table = ds.CreateLayer("indicateurs", None, ogr.wkbNone)
    for name, kind in (("insee", ogr.OFTString), ("commune", ogr.OFTString),
                       ("logements", ogr.OFTInteger), ("part_sociaux", ogr.OFTReal),
                       ("secret", ogr.OFTString)):
        _field(table, name, kind)
    for n, commune in enumerate(COMMUNES):
        feature = ogr.Feature(table.GetLayerDefn())
        feature.SetField("insee", "62%03d" % (n * 7))       # « 62000 »: text, zeros kept
        feature.SetField("commune", commune)
        if n % 2:
            feature.SetField("secret", "s")
        else:
            feature.SetField("logements", 120 * (n + 1))
            feature.SetField("part_sociaux", 0.125 * (n + 1))
        table.CreateFeature(feature)
    plain = ds.CreateLayer("sans_crs", None, ogr.wkbPoint)
    _field(plain, "nom", ogr.OFTString)
    feature = ogr.Feature(plain.GetLayerDefn())
    feature.SetField("nom", "x")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (1 2)"))
    plain.CreateFeature(feature)
    ff = ds.CreateLayer("ff_locaux", None, ogr.wkbNone)
    for name in ("idlocal", "loghlls", "dteloc"):
        _field(ff, name, ogr.OFTString)
    ds = None


def source_rows(path, table):
    """``[{field: value}, …]`` of a source table in its order, with the geometry's WKT."""
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(table)
    rows = []
    for feature in layer:
        row = {name: typed(feature, name) for name in field_names(layer)}
        geometry = feature.GetGeometryRef()
        row["_geometry"] = geometry.Clone() if geometry is not None else None
        rows.append(row)
    return rows


def field_names(layer):
    definition = layer.GetLayerDefn()
    return [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]


def typed(feature, name):
    """A field's value as Python: dates and date-times as ``datetime`` objects."""
    if not feature.IsFieldSetAndNotNull(name):
        return None
    index = feature.GetFieldIndex(name)
    kind = feature.GetFieldDefnRef(index).GetType()
    if kind in (ogr.OFTDate, ogr.OFTDateTime):
        y, m, d, hh, mm, ss = feature.GetFieldAsDateTime(index)[:6]
        moment = datetime.datetime(y, m, d, hh, mm, int(round(ss)))
        return moment.date() if kind == ogr.OFTDate else moment
    return feature.GetField(index)


def transformed(geometry, target):
    """The source geometry in EPSG:``target``, transformed by osr (PROJ) alone."""
    copy = geometry.Clone()
    copy.Transform(osr.CoordinateTransformation(_srs(2154), _srs(target)))
    return copy


def vertices(geometry):
    points = []

    def walk(g):
        if g.GetGeometryCount():
            for i in range(g.GetGeometryCount()):
                walk(g.GetGeometryRef(i))
        else:
            points.extend(g.GetPoint_2D(i) for i in range(g.GetPointCount()))
    walk(geometry)
    return points


def max_distance(a, b, reverse=False):
    """The largest distance between matching vertices (``inf`` if the counts differ);
    ``reverse``: ``b``'s vertices taken in the other direction."""
    pa, pb = vertices(a), vertices(b)
    if reverse:
        pb = pb[::-1]
    if len(pa) != len(pb):
        return float("inf")
    return max((math.hypot(x1 - x2, y1 - y2) for (x1, y1), (x2, y2) in zip(pa, pb)),
               default=0.0)


def same_crs(srs, code):
    """``(EPSG code found, largest gap in metres)``: the code the file's CRS declares (or
    that PROJ identifies), and how far 50 points across the Bassin minier land from where
    EPSG:``code`` puts them when both are taken to geographic coordinates."""
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    found = srs.GetAuthorityCode("PROJCS") or srs.GetAuthorityCode(None)
    if not found:
        matches = [m for m, confidence in srs.FindMatches() if confidence >= 70]
        found = matches[0].GetAuthorityCode(None) if matches else None
    reference = _srs(code)
    to_file = osr.CoordinateTransformation(_srs(4326), srs)
    to_reference = osr.CoordinateTransformation(_srs(4326), reference)
    gap = 0.0
    for i in range(50):
        lon, lat = 2.3 + 0.03 * i, 50.25 + 0.01 * i
        x1, y1, _ = to_file.TransformPoint(lon, lat)
        x2, y2, _ = to_reference.TransformPoint(lon, lat)
        gap = max(gap, math.hypot(x1 - x2, y1 - y2))
    return found, gap
