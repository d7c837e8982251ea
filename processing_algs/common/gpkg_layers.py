"""Layers written into one GeoPackage with their default styles: memory layers by GDAL,
dwellings in bulk (SpatiaLite), empty geometries stored as NULL, a style of resources/styles
saved as a table's default."""
import os
import sqlite3

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ...osp_qgis.logements import analyse
from ...osp_qgis.reference import resource_path
from ...osp_qgis.storage import gpkg_write, sqlplan
from ..common import layer_styles
from ..common.qgis_io import null_empty_geometries
from ..common.records_io import RecordColumns, read_records, records_layer


def save_default_style(uri, qml, aliases=None):
    """``resources/styles/<qml>`` as the default style of a GeoPackage table, with the
    French field ``aliases`` ``{name: alias}`` when given (opened anywhere, the table shows
    them)."""
    layer = QgsVectorLayer(uri, "style", "ogr")
    message, ok = layer.loadNamedStyle(resource_path("styles", qml))
    if not ok:
        return message
    for field, text in (aliases or {}).items():
        index = layer.fields().indexOf(field)
        if index >= 0:
            layer.setFieldAlias(index, text)
    return layer_styles.save(layer, "OSP – " + os.path.splitext(qml)[0], "Style OSP ERBM", True)


def write_layers(path, layers, finish=None, context=None, bulk=None):
    """Write ``[(memory layer, table name)]`` into the GeoPackage ``path`` (other tables
    kept), store no-geometry as NULL, then run ``finish(path)`` (styles).  ``bulk``:
    ``(table, records)`` appended in one SQLite transaction to that table once GDAL has
    created it (from its empty layer in ``layers``).  An ``IOError`` in French when GDAL
    cannot write."""
    transform_context = context.transformContext() if context is not None \
        else QgsCoordinateTransformContext()
    for layer, table in layers:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
                                        if os.path.exists(path)
                                        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, path, transform_context, options)
        if error != QgsVectorFileWriter.WriterError.NoError:
            raise IOError("table %s : %s" % (table, message))
    if bulk is not None:
        _bulk_records(path, *bulk)
    for _, table in layers:
        null_empty_geometries("%s|layername=%s" % (path, table))
    if finish is not None:
        finish(path)


def _bulk_records(path, table, records):
    """The analyse records appended in bulk (SpatiaLite), or by QGIS's provider when
    SpatiaLite cannot be loaded."""
    names = [name for name, _, _ in analyse.FIELDS]
    try:
        gpkg_write.bulk_insert_points(path, table, names, RecordColumns(records))
        return
    except sqlplan.PlanError:
        pass
    except sqlite3.Error as error:
        raise IOError("table %s : %s" % (table, error))
    layer = QgsVectorLayer("%s|layername=%s" % (path, table), table, "ogr")
    source = records_layer(records, layer.crs())
    if not layer.dataProvider().addFeatures(list(source.getFeatures())):
        raise IOError("table %s : %s" % (table, layer.dataProvider().lastError()))


def read_table(path, table):
    """Records of ``table`` in the GeoPackage ``path`` (``[]`` when it has no such table);
    the layer is released before returning, so that the file can be written."""
    layer = QgsVectorLayer("%s|layername=%s" % (path, table), "existant", "ogr")
    try:
        return read_records(layer) if layer.isValid() else []
    finally:
        del layer
