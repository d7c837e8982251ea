"""The only place that talks to QGIS data providers for the join.

Fetching by key asks the provider for the needed ids only: on indexed
sources (GeoPackage, SpatiaLite, PostGIS) with ``IN (…)`` requests in chunks
that the provider compiles to SQL on its index; on plain files (GeoJSON,
shapefile, EDIGEO) with one attribute-only pass, then the matching features
by fid.  Memory grows with the dwellings, not with the parcels.
"""
import operator
import os

from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...osp_qgis.sheets.raw import RawSheet, cell_text
from ...osp_qgis.storage.sqlplan import quoted
from . import qt_compat


class Cancelled(Exception):
    pass


def check_cancelled(feedback):
    if feedback is not None and feedback.isCanceled():
        raise Cancelled()


def field_index(layer, *names):
    """Index of the first field whose name matches one of ``names`` (any case)."""
    lower = {f.name().lower(): i for i, f in enumerate(layer.fields())}
    for name in names:
        if name and name.lower() in lower:
            return lower[name.lower()]
    return -1


def whole_ogr_table(layer):
    """``(path, layer name or None)`` of an OGR layer read whole (no filter in QGIS nor in
    its source), else None."""
    if layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if parts.get("subset") or not parts.get("path"):
        return None
    return parts["path"], parts.get("layerName") or None


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
        self.messages = []
        gdal.PushErrorHandler(lambda level, number, message: self.messages.append(message)
                              if level >= gdal.CE_Failure else None)
        return self

    def __exit__(self, *exc):
        gdal.PopErrorHandler()
        return False


def null_empty_geometries(destination):
    """GeoPackage outputs: store « no geometry » as SQL NULL, not ``POINT EMPTY``.

    QGIS 3.22's file writer turns a feature without geometry into an empty point;
    a NULL is what the data means (a dwelling not located) and what other tools
    expect.  Other formats are left as written.  Returns the rows changed; an
    ``OSError`` when the file cannot be updated (full disk…)."""
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
