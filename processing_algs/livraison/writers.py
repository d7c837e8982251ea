"""Writing one layer of a delivery in one format with GDAL, from the layer already transformed
to the delivery's CRS (the staging GeoPackage): the target layer created with its fields
(names mapped by rules.short_names, widths, types the format lacks made explicit), then
filled by ``gdal.VectorTranslate`` from one SQL select on the stage — texts cut, CSV text
kept text — so that 420 000 objects never pass through Python.  What changes a value is
found by SQL first and listed as an anomaly; MapInfo bounds are fitted so that every vertex
keeps its centimetre.  DXF: dxf.py; characters an encoding lacks: charset.py."""
import contextlib
import os
import sqlite3

from osgeo import gdal, ogr

from ...osp_qgis.livraison import rules
from ...osp_qgis.storage.sqlplan import quoted


class DeliveryError(Exception):
    """French, for the user."""


LABEL_FIELDS = ("id_osp", "id_op", "ident_rep", "id_fin", "id_cite", "insee", "code", "nom")
NUMBERS = (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal)
MAPINFO = ("tab", "mif")
NATIVE_BOOLEANS = ("gpkg", "geojson")
FIXED_WIDTH = ("tab", "shp")          # one record of fixed width per object
FIXED_WIDTH_LIMIT = 2 ** 31 - 1        # bytes of a DBF or a MapInfo .dat
NUMBER_WIDTH = 24
STAGE_FID = "fid"      # the staging GeoPackage's FID column (livrables.py writes it so)
# a text a spreadsheet would run as a formula (storage.textsafe): a leading apostrophe in CSV
CSV_TEXT = ("CASE WHEN substr({f}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13)) "
            "THEN '''' || {f} ELSE {f} END")


def label_field(names):
    """The field that names an object in anomaly lines and DXF labels (``None``: its fid)."""
    return next((name for name in LABEL_FIELDS if name in names), None)


def identifier(name, value, fid):
    """How an anomaly line names an object: « id_osp=12 », else « objet 12 »."""
    if name and value not in (None, ""):
        return "%s=%s" % (name, value)
    return "objet %s" % fid


def fields_of(stage, table):
    """``[(name, OGR type, is boolean)]`` of a staged table, and its geometry column."""
    source = ogr.Open(stage)
    layer = source.GetLayerByName(table)
    definition = layer.GetLayerDefn()
    fields = [(definition.GetFieldDefn(i).GetName(), definition.GetFieldDefn(i).GetType(),
               definition.GetFieldDefn(i).GetSubType() == ogr.OFSTBoolean)
              for i in range(definition.GetFieldCount())]
    geometry = layer.GetGeometryColumn() if layer.GetGeomType() != ogr.wkbNone else None
    return fields, geometry


def empty_geometries_as_null(stage, table):
    """QGIS's writer stores an object without geometry as an empty one: back to none."""
    source = gdal.OpenEx(stage, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = source.GetLayerByName(table)
    if layer is None or layer.GetGeomType() == ogr.wkbNone:
        return
    column = quoted(layer.GetGeometryColumn())
    source.ExecuteSQL("UPDATE %s SET %s = NULL WHERE %s IS NOT NULL AND ST_IsEmpty(%s)" % (
        quoted(table), column, column, column))
    source = None


def numbers_with_nulls(stage, table):
    """Numeric fields of ``table`` holding an empty value: MapInfo has no empty number (it
    would write 0), so they are written there as text."""
    fields, _ = fields_of(stage, table)
    numeric = [name for name, kind, _ in fields if kind in NUMBERS]
    if not numeric:
        return set()
    with contextlib.closing(sqlite3.connect(stage)) as db:
        row = db.execute("SELECT %s FROM %s" % (", ".join(
            "sum(%s IS NULL)" % quoted(name) for name in numeric), quoted(table))).fetchone()
    return {name for name, count in zip(numeric, row) if count}


def _bounds(extent):
    """MapInfo's coordinate bounds fitted to the layer (its extent and a margin): MapInfo
    stores integer coordinates over the bounds, so tight bounds keep the centimetre that
    the driver's default bounds lose."""
    xmin, xmax, ymin, ymax = extent
    margin = max(xmax - xmin, ymax - ymin, 1000.0) * 0.1
    return "%f,%f,%f,%f" % (xmin - margin, ymin - margin, xmax + margin, ymax + margin)


def _options(code, layer, encoding):
    dataset, creation = [], []
    spatial = layer.GetGeomType() != ogr.wkbNone
    if code in MAPINFO:
        if code == "mif":
            dataset.append("FORMAT=MIF")
        if spatial:
            creation.append("BOUNDS=" + _bounds(layer.GetExtent()))
        creation.append("ENCODING=" + encoding)
    elif code == "shp":
        creation.append("ENCODING=" + encoding)
    elif code == "csv":
        creation += ["SEPARATOR=SEMICOLON", "WRITE_BOM=YES", "STRING_QUOTING=IF_NEEDED"]
        if spatial:
            creation.append("GEOMETRY=AS_WKT")
    elif code == "geojson":
        creation += ["RFC7946=NO", "WRITE_NAME=NO"]
    return dataset, creation


def _column(code, name, kind, boolean, nullable, text_limit):
    """``(SQL expression, OGR type, OGR subtype)`` of one field written in format ``code``."""
    field = quoted(name)
    if code == "shp" and kind == ogr.OFTDateTime:     # Shapefile has no date-time: ISO text
        return "strftime('%Y-%m-%dT%H:%M:%S', {})".format(field), ogr.OFTString, ogr.OFSTNone
    if code in MAPINFO and kind in NUMBERS and name in nullable:
        return "CAST({} AS TEXT)".format(field), ogr.OFTString, ogr.OFSTNone
    if boolean:
        if code in NATIVE_BOOLEANS:
            return field, kind, ogr.OFSTBoolean
        return "CAST({} AS INTEGER)".format(field), ogr.OFTInteger, ogr.OFSTNone
    if kind == ogr.OFTString:
        if text_limit:
            field = "substr({}, 1, {:d})".format(field, text_limit)
        if code == "csv":
            field = CSV_TEXT.format(f=field)
    return field, kind, ogr.OFSTNone


def cut_texts(stage, table, code, anomalies):
    """One anomaly line per text longer than the format holds (found by SQL)."""
    spec = rules.formats()[code]
    limit = int(spec["longueur_texte"]) if spec["longueur_texte"] else None
    if not limit:
        return
    fields, _ = fields_of(stage, table)
    label = label_field([f[0] for f in fields])
    with contextlib.closing(sqlite3.connect(stage)) as db:
        for name, kind, _ in fields:
            if kind != ogr.OFTString:
                continue
            rows = db.execute("SELECT {fid}, {label}, length({f}) FROM {t} WHERE length({f}) > ? "
                              "ORDER BY {fid}".format(fid=quoted(STAGE_FID), f=quoted(name),
                                                      label=quoted(label) if label else "NULL",
                                                      t=quoted(table)), (limit,))
            for fid, value, length in rows:
                anomalies.append((table, identifier(label, value, fid), name,
                                  "texte de %d caractères coupé à %d (%s)" % (
                                      length, limit, spec["libelle"])))


@contextlib.contextmanager
def _shapefile_encoding(code, encoding):
    """QGIS turns the Shapefile driver's recoding off (SHAPE_ENCODING empty) for its own
    reading; a delivery's DBF must be recoded to the encoding its .cpg declares."""
    if code != "shp":
        yield
        return
    before = gdal.GetThreadLocalConfigOption("SHAPE_ENCODING", None)
    gdal.SetThreadLocalConfigOption("SHAPE_ENCODING", encoding)
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("SHAPE_ENCODING", before)


def write_layer(stage, table, code, target, encoding, anomalies):
    """Write ``table`` of the staging GeoPackage as ``target`` in format ``code``;
    ``anomalies`` receives ``(layer, object, field, detail)`` for each text cut.  Returns
    the objects written."""
    spec = rules.formats()[code]
    source = gdal.OpenEx(stage, gdal.OF_VECTOR)
    layer = source.GetLayerByName(table)
    fields, geometry = fields_of(stage, table)
    problem = rules.columns_problem(table, len(fields), code) or rules.rows_problem(
        table, layer.GetFeatureCount(), code)
    if problem:
        raise DeliveryError(problem)
    driver = gdal.GetDriverByName(spec["pilote"])
    if driver is None:
        raise DeliveryError("Format %s indisponible dans GDAL." % spec["libelle"])
    cut_texts(stage, table, code, anomalies)
    mapped = rules.short_names([f[0] for f in fields], int(spec["longueur_nom"])
                               if spec["longueur_nom"] else None)
    nullable = numbers_with_nulls(stage, table) if code in MAPINFO else set()
    text_limit = int(spec["longueur_texte"]) if spec["longueur_texte"] else None
    columns = [(name, mapped[name]) + _column(code, name, kind, boolean, nullable, text_limit)
               for name, kind, boolean in fields]
    widths = _widths(stage, table, columns) if text_limit else {}   # formats with widths
    problem = too_big(code, table, layer.GetFeatureCount(), columns, widths)
    if problem:
        raise DeliveryError(problem)
    dataset_options, layer_options = _options(code, layer, encoding)
    stem = os.path.splitext(os.path.basename(target))[0]
    spatial = geometry is not None and spec["geometrie"] != "non"
    with _shapefile_encoding(code, encoding):
        output = driver.Create(target, 0, 0, 0, gdal.GDT_Unknown, options=dataset_options)
        if output is None:
            raise DeliveryError("« %s » ne peut pas être écrit : %s" % (
                os.path.basename(target), gdal.GetLastErrorMsg()))
        out = output.CreateLayer(stem, layer.GetSpatialRef() if spatial else None,
                                 layer.GetGeomType() if spatial else ogr.wkbNone,
                                 options=layer_options)
        if out is None:
            raise DeliveryError("Couche %s non créée dans %s : %s" % (
                table, os.path.basename(target), gdal.GetLastErrorMsg()))
        _create_fields(out, columns, widths)
        select = ", ".join("%s AS %s" % (expression, quoted(short))
                           for _, short, expression, _, _ in columns)
        if spatial:
            select = ", ".join(filter(None, (select, quoted(geometry))))
        done = gdal.VectorTranslate(output, source, options=gdal.VectorTranslateOptions(
            SQLStatement="SELECT %s FROM %s ORDER BY %s" % (
                select or quoted(STAGE_FID), quoted(table), quoted(STAGE_FID)),
            accessMode="append", layerName=stem))
        if done is None:
            raise DeliveryError("%s : %s non écrit : %s" % (table, spec["libelle"],
                                                              gdal.GetLastErrorMsg()))
        done = out = output = None
        written = ogr.Open(target)      # the objects the closed file holds, as it is read
        count = written.GetLayer(0).GetFeatureCount() if written else 0
        written = None
    return count


def _widths(stage, table, columns):
    """``{short name: width}`` of the written texts: the longest value (at least 1), so that
    fixed-width files (DBF, MapInfo .dat) hold no column of blanks."""
    texts = [(short, expression) for _, short, expression, kind, _ in columns
             if kind == ogr.OFTString]
    if not texts:
        return {}
    with contextlib.closing(sqlite3.connect(stage)) as db:
        row = db.execute("SELECT %s FROM %s" % (", ".join(
            "max(length(%s))" % expression for _, expression in texts), quoted(table))).fetchone()
    return {short: max(1, longest or 0) for (short, _), longest in zip(texts, row)}


def too_big(code, table, rows, columns, widths):
    """A French reason when a fixed-width file (DBF, MapInfo .dat: 2 Go at most) would be too
    big, else ``None``."""
    if code not in FIXED_WIDTH:
        return None
    record = sum(widths.get(short, NUMBER_WIDTH) for _, short, _, _, _ in columns) + 1
    if rows * record <= FIXED_WIDTH_LIMIT:
        return None
    return ("« %s » : %d objets de %d octets dépasseraient les 2 Go d'un fichier %s ; livrer "
            "moins de champs ou en GeoPackage." % (table, rows, record,
                                                   rules.formats()[code]["libelle"]))


def _create_fields(out, columns, widths):
    for name, short, _, kind, subtype in columns:
        created = ogr.FieldDefn(short, kind)
        created.SetSubType(subtype)
        if kind == ogr.OFTString and short in widths:
            created.SetWidth(widths[short])
        elif kind == ogr.OFTReal:
            created.SetWidth(24)
            created.SetPrecision(6)
        if out.CreateField(created) != 0:
            raise DeliveryError("Champ « %s » non créé : %s" % (name, gdal.GetLastErrorMsg()))
