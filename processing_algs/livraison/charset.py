"""The formats that declare a one-byte charset (MapInfo, Shapefile, DXF: CP1252 unless
``ENCODING`` says otherwise) cannot hold every character.  Before writing them, a copy of the
staging GeoPackage gets each text the charset lacks with those characters replaced by « ? »
(one per character, found by parameterised SQL, changed through OGR), and the values
changed are returned for the anomaly lines: GDAL would otherwise replace them silently, byte by byte."""
import contextlib
import shutil
import sqlite3

from osgeo import ogr

from ...osp_qgis.livraison import rules
from ...osp_qgis.storage.sqlplan import quoted
from .writers import STAGE_FID, fields_of, identifier, label_field


def encoded_stage(stage, tables, encoding, target):
    """``target``: a copy of ``stage`` whose texts all fit ``encoding``; returns
    ``{table: [(object, field)]}`` of the values changed (nothing changed: ``stage`` itself
    is returned as path, no copy)."""
    changes = {}
    with contextlib.closing(sqlite3.connect(stage)) as db:
        for table in tables:
            fields, _ = fields_of(stage, table)
            for name in [f[0] for f in fields if f[1] == ogr.OFTString]:
                bad = [value for (value,) in db.execute("SELECT DISTINCT %s FROM %s" % (
                    quoted(name), quoted(table))) if rules.encodable(value, encoding)[1]]
                if bad:
                    changes.setdefault(table, {})[name] = bad
    if not changes:
        return stage, {}
    changed = {}
    with contextlib.closing(sqlite3.connect(stage)) as db:
        for table, by_field in changes.items():
            label = label_field([f[0] for f in fields_of(stage, table)[0]])
            for name, values in by_field.items():
                for value in values:
                    for fid, key in db.execute("SELECT %s, %s FROM %s WHERE %s = ?" % (
                            quoted(STAGE_FID), quoted(label) if label else "NULL",
                            quoted(table), quoted(name)), (value,)).fetchall():
                        changed.setdefault(table, []).append(
                            (fid, name, identifier(label, key, fid)))
    shutil.copyfile(stage, target)
    copy = ogr.Open(target, 1)           # OGR keeps the GeoPackage's triggers and index
    for table, rows in changed.items():
        layer = copy.GetLayerByName(table)
        layer.StartTransaction()
        for fid, name, _ in rows:
            feature = layer.GetFeature(fid)
            feature.SetField(name, rules.encodable(feature.GetField(name), encoding)[0])
            layer.SetFeature(feature)
        layer.CommitTransaction()
    copy = None
    return target, {table: [(who, name) for _, name, who in sorted(rows)]
                    for table, rows in changed.items()}
