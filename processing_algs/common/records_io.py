"""Dwelling records (``{"values", "geometry"}``) read from and written to layers: the
analyse fields, QGIS values made plain Python, a GeoPackage table read column by column
(SQLite, no feature objects) and rows ready for the bulk writer."""
import datetime
from itertools import repeat
from operator import itemgetter

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ...osp_qgis.logements import analyse
from ...osp_qgis.storage import gpkg_read, sqlplan
from . import qt_compat
from .outputs import point_xy
from .qgis_io import field_index, whole_ogr_table

QTYPES = {"string": qt_compat.STRING, "int": qt_compat.INT, "date": qt_compat.DATE,
          "datetime": qt_compat.DATETIME}


def analyse_fields():
    fields = QgsFields()
    for name, kind, alias in analyse.FIELDS:
        f = QgsField(name, QTYPES[kind])
        f.setAlias(alias)
        fields.append(f)
    return fields


def geometry_key(geometry):
    """Where a point is, as the same text the form's default-value expression computes
    (``geom_to_wkt($geometry, 6)``); ``None`` without geometry."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    return geometry.asWkt(6)


def python_value(value):
    """QVariant-ish values as plain Python (NULL -> None, QDate -> date…)."""
    if value is None:
        return None
    if isinstance(value, QVariant) and value.isNull():
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, QDate):
        return value.toPyDate()
    if isinstance(value, QDateTime):
        return value.toPyDateTime()
    return value


def parse_date(value):
    value = python_value(value)
    if value is None or isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%Y/%m/%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    return None


UNIQUE_TEXT = {"ident_rep", "ident_int", "idlocal", "idpar", "idlocal_ini", "idpar_ini",
               "num_rpls_ini", "num_esti_ini", "id_osp"}


BATCH = 20000   # rows converted at a time (a whole large table is never held twice)


def read_records(layer, feedback=None, extra=(), names=None, geometry=True, complete=()):
    """Features of a dwellings layer as ``{"values", "geometry"}`` records with the
    analyse fields it has (case-insensitive), dates parsed, everything else left out
    but the ``extra`` ``(name, type)`` fields; ``names`` restricts the fields read and
    ``geometry=False`` skips geometries (faster on large layers).  ``complete``: fields
    every record holds, as ``None`` when the layer has none — what the caller will set
    on every record anyway, so that each dict is made at its final size (a key added
    later to 420 k dicts makes Python grow each of them: ≈ 1 s).  A whole GeoPackage
    table is read by SQLite column by column, anything else through QGIS's provider:
    the same records either way (tested)."""
    plan = _read_plan(layer, extra, names)
    records = gpkg_records(layer, plan, geometry, feedback, complete)
    return records if records is not None else \
        provider_records(layer, plan, geometry, feedback, complete)


def _read_plan(layer, extra=(), names=None):
    """``[(name, field index, kind)]`` of the record fields ``layer`` has."""
    kinds = {name: kind for name, kind, _ in analyse.FIELDS}
    kinds.update(dict(extra))
    if names is not None:
        kinds = {k: v for k, v in kinds.items() if k in names}
    wanted = {name: field_index(layer, name) for name in kinds}
    return [(name, index, kinds[name]) for name, index in wanted.items() if index >= 0]


class _Records:
    """Records from rows (one value per ``plan`` field) and their shapes, converted column
    by column to plain Python of their record kind, batch after batch.  Repeated texts
    (EPCI, landlord, commune, cité…) share one string object across batches: a large
    layer holds each distinct value once, not once per dwelling."""

    def __init__(self, plan, complete=()):
        self.plan = plan
        self.names = [name for name, _, _ in plan]
        self.names += [name for name in complete if name not in self.names]
        self.shared = {name: {} for name, _, kind in plan
                       if kind == "string" and name not in UNIQUE_TEXT}
        self.records = []

    def add(self, rows, shapes):
        plain = {"string": str, "int": int}
        columns = []
        for (name, _, kind), column in zip(self.plan, zip(*rows)):
            wanted = plain.get(kind)
            column = [v if v is None or v.__class__ is wanted else plain_value(v, kind)
                      for v in column]
            if name in self.shared:
                column = list(map(self.shared[name].setdefault, column, column))
            columns.append(column)
        nothing = [None] * len(shapes)
        columns += [nothing] * (len(self.names) - len(self.plan))
        values = zip(*columns) if columns else [()] * len(shapes)
        names = self.names
        self.records.extend({"values": dict(zip(names, row)), "geometry": shape}
                            for row, shape in zip(values, shapes))


def plain_value(value, kind):
    """A QGIS or SQLite value as the record kind wants it (``None`` when it cannot be)."""
    value = python_value(value)
    if value is None:
        return None
    if kind == "date":
        return parse_date(value)
    if kind == "datetime":
        return parse_datetime(value)
    if kind == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    if kind == "string":
        return str(value)
    return value


def parse_datetime(value):
    """A datetime from a datetime, or from GeoPackage / ISO text (``2026-12-02T15:13:04.250Z``,
    ``2026-12-02 15:13:04``), to the millisecond as QGIS reads it; else ``None``."""
    if isinstance(value, datetime.datetime):
        return value
    text = str(value).strip().rstrip("Z")
    try:
        stamp = datetime.datetime.strptime(text[:19].replace(" ", "T"), "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None
    fraction = text[20:23] if text[19:20] == "." else ""
    return stamp.replace(microsecond=int(fraction.ljust(3, "0")) * 1000) \
        if fraction.isdigit() else stamp


def provider_records(layer, plan, geometry=True, feedback=None, complete=()):
    """:func:`read_records` through QGIS's provider (any source, filtered layers)."""
    request = QgsFeatureRequest().setSubsetOfAttributes(sorted(i for _, i, _ in plan))
    if not geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    indexes = [index for _, index, _ in plan]
    records, rows, shapes = _Records(plan, complete), [], []
    for n, feature in enumerate(layer.getFeatures(request)):
        attributes = feature.attributes()
        rows.append([attributes[i] for i in indexes])
        shapes.append(QgsGeometry(feature.geometry())
                      if geometry and feature.hasGeometry() else None)
        if len(rows) == BATCH:
            records.add(rows, shapes)
            rows, shapes = [], []
            if feedback is not None and feedback.isCanceled():
                break
    records.add(rows, shapes)
    return records.records


def gpkg_records(layer, plan, geometry=True, feedback=None, complete=()):
    """:func:`read_records` by SQLite for a whole GeoPackage table whose columns SQLite
    and QGIS read alike (:data:`gpkg_read.PLAIN_TYPES`); ``None`` for any other layer."""
    table = gpkg_table_of(layer)
    if table is None:
        return None
    try:
        path, table = table
        table, geometry_column, columns = gpkg_read.layout(path, table)
        names = [layer.fields().at(index).name().lower() for _, index, _ in plan]
        if any(name not in columns or columns[name][1] not in gpkg_read.PLAIN_TYPES.get(kind, ())
               for name, (_, _, kind) in zip(names, plan)):
            return None
        records, width = _Records(plan, complete), len(names)
        for rows in gpkg_read.read_rows(path, table, [columns[n][0] for n in names],
                                        geometry_column if geometry else None, BATCH):
            shapes = [None] * len(rows)
            if geometry and geometry_column:
                for n, row in enumerate(rows):
                    wkb = gpkg_read.wkb_of(row[width])
                    if wkb is not None:
                        shapes[n] = QgsGeometry()
                        shapes[n].fromWkb(wkb)
            records.add(rows, shapes)
            if feedback is not None and feedback.isCanceled():
                break
        return records.records
    except sqlplan.PlanError:
        return None


def gpkg_table_of(layer):
    """``(path, layer name or None)`` of a layer reading a whole GeoPackage table without
    unsaved edits (those only QGIS's provider sees), else None."""
    if layer.isModified() or layer.dataProvider().storageType() != "GPKG":
        return None
    return whole_ogr_table(layer)


def memory_layer(fields, wkb_type, crs, name):
    """A memory layer of ``fields`` (QgsFields or a list of QgsField)."""
    geometry = QgsWkbTypes.displayString(wkb_type) if wkb_type != QgsWkbTypes.Type.NoGeometry \
        else "None"
    uri = "%s?crs=%s" % (geometry, crs.authid() or "EPSG:2154") if geometry != "None" else "None"
    layer = QgsVectorLayer(uri, name, "memory")
    if crs.isValid() and geometry != "None":
        layer.setCrs(crs)
    layer.dataProvider().addAttributes(fields.toList() if isinstance(fields, QgsFields)
                                       else list(fields))
    layer.updateFields()
    return layer


def to_variant(value, kind):
    if value is None:
        return None
    if kind == "date":
        return QDate(value.year, value.month, value.day)
    if kind == "datetime":
        return QDateTime(value) if not isinstance(value, QDateTime) else value
    return value


def gpkg_value(value, kind):
    """A record's value as GDAL stores it in a GeoPackage (dates as ISO text)."""
    if value is None:
        return None
    if kind == "date":
        return value.isoformat()[:10]
    if kind == "datetime":
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (value.microsecond // 1000)
    return value


class RecordColumns:
    """The analyse fields of ``records`` as columns (dates as GeoPackage text) and their
    points, a chunk at a time (:meth:`chunks`, as :class:`gpkg_write.PointColumns`): ready
    for :func:`gpkg_write.bulk_insert_points` without a second copy of a large layer."""

    def __init__(self, records):
        self.records = records
        self.dates = {}   # dates repeat (one update time, a few start and end dates)

    def chunks(self, size):
        for start in range(0, len(self.records), size):
            yield self._columns(self.records[start:start + size])

    def _columns(self, records):
        values = [record["values"] for record in records]
        names = [name for name, _, _ in analyse.FIELDS]
        try:   # records holding every field (read with ``complete``): one C call per record
            columns = list(zip(*map(itemgetter(*names), values))) or [()] * len(names)
        except KeyError:   # no Python frame per value either
            columns = [list(map(dict.get, values, repeat(name))) for name in names]
        for n, (name, kind, _) in enumerate(analyse.FIELDS):
            column = columns[n]
            if kind in ("date", "datetime"):
                texts = self.dates.setdefault(name, {})
                for value in set(column) - texts.keys():
                    texts[value] = gpkg_value(value, kind)
                columns[n] = [texts[value] for value in column]
        return columns, [point_xy(record["geometry"]) for record in records]


def records_layer(records, crs):
    """A memory layer of the analyse fields holding ``records`` (``[]``: the empty layer
    that creates the table before a bulk insert)."""
    fields = analyse_fields()
    layer = memory_layer(fields, QgsWkbTypes.Type.Point, crs, analyse.LAYER_TITLE)
    kinds = [kind for _, kind, _ in analyse.FIELDS]
    features = []
    for record in records:
        feature = QgsFeature(fields)
        feature.setAttributes([to_variant(record["values"].get(name), kind)
                               for (name, _, _), kind in zip(analyse.FIELDS, kinds)])
        if record["geometry"] is not None and not record["geometry"].isEmpty():
            feature.setGeometry(record["geometry"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer
