"""The DXF of a delivery: one DXF layer named after the source layer; each object's geometry
(polygons as their closed outlines, as CAD draws parcels and cités) and its label as a TEXT
entity at a point on it — DXF carries no attribute table.  GDAL writes labels as MTEXT, which
some readers (LibreOffice Draw, old CAD viewers) ignore: they are rewritten as TEXT."""
import os

from osgeo import gdal, ogr

from ...osp_qgis.livraison import rules
from .writers import DeliveryError, identifier, label_field

TEXT_SCALE = 80.0   # labels: an 80th of the layer's extent, readable on a whole view


def write_dxf(stage, table, target, anomalies):
    """Returns the objects drawn; each object without geometry is an anomaly line."""
    source = ogr.Open(stage)
    layer = source.GetLayerByName(table)
    output = ogr.GetDriverByName("DXF").CreateDataSource(target)
    if output is None:
        raise DeliveryError("« %s » ne peut pas être écrit : %s" % (
            os.path.basename(target), gdal.GetLastErrorMsg()))
    out = output.CreateLayer("entities", None, ogr.wkbUnknown)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    label = label_field(names)
    name = rules.file_stem("", table).strip("_")
    xmin, xmax, ymin, ymax = layer.GetExtent()
    height = max(1.0, round(max(xmax - xmin, ymax - ymin) / TEXT_SCALE, 1))
    style = 'LABEL(f:"Arial",t:"%%s",s:%gg)' % height
    count = 0
    for feature in layer:
        geometry = feature.GetGeometryRef()
        value = feature.GetField(label) if label else None
        if geometry is None or geometry.IsEmpty():
            anomalies.append((table, identifier(label, value, feature.GetFID()), "",
                              "objet sans géométrie : absent du DXF"))
            continue
        shape = ogr.Feature(out.GetLayerDefn())
        shape.SetField("Layer", name)
        shape.SetGeometry(geometry.Boundary() if geometry.GetDimension() == 2 else geometry)
        out.CreateFeature(shape)
        text = ogr.Feature(out.GetLayerDefn())
        text.SetField("Layer", name)
        text.SetStyleString(style % str(feature.GetFID() if value in (None, "") else value)
                            .replace('"', "'"))
        text.SetGeometry(geometry.PointOnSurface() if geometry.GetDimension() > 0
                         else geometry.Clone())
        out.CreateFeature(text)
        count += 1
    out = output = None                 # the DXF closed before its labels are rewritten
    _mtext_as_text(target)
    return count


def _pairs(handle):
    while True:
        code = handle.readline()
        if not code:
            return
        yield code.strip(), handle.readline().rstrip("\r\n")


def _mtext_as_text(path):
    """Each MTEXT entity becomes a single-line TEXT (same layer, point, height, text); the
    bytes are copied as they are (latin-1 reads and writes any byte unchanged)."""
    partial = path + ".osp.tmp"
    with open(path, encoding="latin-1", newline="") as source, \
            open(partial, "w", encoding="latin-1", newline="\r\n") as target:
        entity = None
        for code, value in _pairs(source):
            if entity is not None and code == "0":
                target.write(_text_entity(entity))
                entity = None
            if code == "0" and value == "MTEXT":
                entity = {}
                continue
            if entity is not None:
                entity.setdefault(code, value)
                continue
            target.write("%3s\n%s\n" % (code, value))
    os.replace(partial, path)


def _text_entity(mtext):
    pairs = [("0", "TEXT"), ("5", mtext.get("5")), ("100", "AcDbEntity"), ("8", mtext.get("8")),
             ("100", "AcDbText"), ("10", mtext.get("10")), ("20", mtext.get("20")),
             ("30", mtext.get("30", "0.0")), ("40", mtext.get("40")), ("1", mtext.get("1")),
             ("7", mtext.get("7")), ("100", "AcDbText")]
    return "".join("%3s\n%s\n" % (code, value) for code, value in pairs if value is not None)
