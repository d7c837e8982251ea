"""Reading a programmation (GeoPackage or PostGIS, see target.py) and writing the
GeoPackage one (PostGIS: postgis.py).

GeoPackage: written through :class:`gpkg_update.GeoPackageUpdate` (lock, snapshot, online
backup): an interrupted import leaves the file as it was; tables created by GDAL, rows
replaced in one transaction with stable feature ids (id_op, id_note); forms, styles and
the project « Programmation OSP » added by project.py.
"""
import datetime
import os

from osgeo import ogr, osr
from qgis.core import QgsGeometry

from ...osp_qgis.programmation import finance, model
from ...osp_qgis.reference import communes
from ..common.gpkg_update import WAIT_FOR_OTHERS, GeoPackageUpdate
from ..common.qgis_io import GdalErrors
from .geometry import operation_geometry
from .project import save_project, save_styles
from .signing_keys import gpkg_key
from .target import CITES, COMMUNES, StoreError, Target


# -- values ---------------------------------------------------------------------------------
def _python(value):
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime()
    if hasattr(value, "toPyDate"):
        return value.toPyDate()
    return value


def _typed(name, value, kinds):
    if value is None:
        return None
    kind = kinds.get(name)
    if kind == "int":
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "date" and isinstance(value, str):
        return model.parse_date(value)
    if kind == "datetime" and isinstance(value, str):
        return datetime.datetime.fromisoformat(value.replace("/", "-"))
    return value


def read_layer(layer, kinds):
    """Rows of a programmation table as dicts (QGIS values made plain), with ``_geom``."""
    names = [n for n in kinds if layer.fields().indexOf(n) >= 0]
    out = []
    for feature in layer.getFeatures():
        row = {n: _typed(n, _python(feature[n]), kinds) for n in names}
        for n in kinds:
            row.setdefault(n, None)
        row["_geom"] = QgsGeometry(feature.geometry()) if feature.hasGeometry() else None
        out.append(row)
    return out


def read(target):
    """``(operations, notes, cités)`` of a programmation (empty lists when it is new)."""
    if target.kind == "gpkg" and not os.path.exists(target.path):
        return [], [], []
    if target.kind == "postgis" and not target.exists():
        return [], [], []
    operations = target.layer(model.OPERATIONS)
    notes = target.layer(model.AVANCEMENT)
    if not operations.isValid() or not notes.isValid():
        raise StoreError("« %s » n'est pas une programmation OSP (tables operations et "
                         "avancement attendues) : la créer avec « Créer la programmation »."
                         % target.label)
    cites = target.layer(CITES)
    cite_rows = []
    if cites.isValid():
        for feature in cites.getFeatures():
            cite_rows.append({"id_cite": _python(feature["id_cite"]), "nom": _python(feature["nom"]),
                              "communes": _python(feature["communes"]),
                              "_geom": QgsGeometry(feature.geometry())})
    ops = read_layer(operations, model.KINDS)
    for op in ops:
        op.pop("_geom", None)
    return ops, [{k: v for k, v in n.items() if k != "_geom"}
                 for n in read_layer(notes, model.NOTE_KINDS)], cite_rows


# -- writing a GeoPackage -------------------------------------------------------------------
_OGR_TYPES = {"int": "OFTInteger", "double": "OFTReal", "string": "OFTString",
              "date": "OFTDate", "datetime": "OFTDateTime"}


def _commune_rows():
    return [{"insee": insee, "nom": info["nom"]} for insee, info in sorted(communes().items())]


def _ogr_layer(dataset, name, kinds, geometry):
    """The table ``name`` (created when absent; a field added since it was written, e.g.
    the operations' money, is added)."""
    layer = dataset.GetLayerByName(name)
    if layer is not None:
        definition = layer.GetLayerDefn()
        present = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
        for field_name, kind in kinds.items():
            if field_name not in present:
                layer.CreateField(ogr.FieldDefn(field_name, getattr(ogr, _OGR_TYPES[kind])))
        return layer
    srs = None
    if geometry:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(2154)
    layer = dataset.CreateLayer(name, srs, ogr.wkbMultiPolygon if geometry else ogr.wkbNone,
                                options=["GEOMETRY_NAME=geom", "FID=fid"] if geometry
                                else ["FID=fid"])
    for field_name, kind in kinds.items():
        layer.CreateField(ogr.FieldDefn(field_name, getattr(ogr, _OGR_TYPES[kind])))
    return layer


def _set_ogr(feature, name, value):
    if value is None:
        feature.SetFieldNull(name)
    elif isinstance(value, datetime.datetime):
        feature.SetField(name, value.year, value.month, value.day, value.hour, value.minute,
                         value.second, 0)
    elif isinstance(value, datetime.date):
        feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
    else:
        feature.SetField(name, value)


def _replace_rows(dataset, name, rows, kinds, geometry_of=None, key=None):
    """Replace every row of table ``name``; the feature id is the row's ``key`` (id_op,
    id_note…), so that it stays the same from one import to the next."""
    layer = dataset.GetLayerByName(name)
    dataset.ExecuteSQL('DELETE FROM "%s"' % name)  # our own table name, never a value
    definition = layer.GetLayerDefn()
    for row in rows:
        feature = ogr.Feature(definition)
        if key is not None and row.get(key) is not None:
            feature.SetFID(int(row[key]))
        for field_name in kinds:
            _set_ogr(feature, field_name, row.get(field_name))
        if geometry_of is not None:
            geometry = geometry_of(row)
            if geometry is not None:
                feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(geometry.asWkb())))
        if layer.CreateFeature(feature) != 0:
            raise StoreError("Écriture de la table %s impossible." % name)


def write_gpkg(path, operations, notes, cites, cancelled=None, extra=None):
    """Write the whole programmation into the GeoPackage ``path`` (created if absent),
    safely (see module docstring); ``extra(snapshot)`` runs before the commit."""
    return update_gpkg(path, lambda *_: (operations, notes, cites), cancelled, extra)


def read_finance(target):
    """``(financements, versements)`` of a programmation (empty lists when it has none)."""
    out = []
    for table, kinds in ((finance.FINANCEMENTS, finance.FIN_KINDS),
                         (finance.VERSEMENTS, finance.PAY_KINDS)):
        layer = target.layer(table)
        rows = read_layer(layer, kinds) if layer.isValid() else []
        for row in rows:
            row.pop("_geom", None)
        out.append(rows)
    return tuple(out)


def update_finance_gpkg(path, change, cancelled=None):
    """The financial import of a GeoPackage programmation, under its write lock:
    ``change(operations, financements, versements)`` returns what they become (or ``None``:
    nothing to write); the operations' other tables are kept.  Returns ``(update, written)``."""
    with GeoPackageUpdate(path, cancelled=cancelled, wait_for_others=WAIT_FOR_OTHERS) as update:
        snapshot = Target(update.snapshot)
        operations, notes, cites = read(snapshot)
        financements, versements = read_finance(snapshot)
        del snapshot
        wanted = change(operations, financements, versements)
        if wanted is None:
            return update, False
        new_operations, new_financements, new_versements = wanted
        _write_snapshot(update, path, new_operations, notes, cites,
                        finance_rows=(new_financements, new_versements))
    return update, True


def update_gpkg(path, change, cancelled=None, extra=None):
    """Read the programmation of ``path`` *under its write lock*, let ``change(operations,
    notes, cités)`` say what it becomes — ``(operations, notes, cités)``, or ``None`` for
    « nothing to write » — and write that: two runs at once never read the same state,
    so the second sees (and keeps) what the first wrote. Returns ``(update, written)``."""
    with GeoPackageUpdate(path, cancelled=cancelled, wait_for_others=WAIT_FOR_OTHERS) as update:
        if update.existed:
            snapshot = Target(update.snapshot)
            current = read(snapshot)
            del snapshot
        else:
            current = ([], [], [])
        wanted = change(*current)
        if wanted is None:
            return update, False
        _write_snapshot(update, path, *wanted, extra=extra)
    return update, True


def _write_snapshot(update, path, operations, notes, cites, extra=None, finance_rows=None):
    with GdalErrors() as errors:
        driver = ogr.GetDriverByName("GPKG")
        dataset = ogr.Open(update.snapshot, 1) if os.path.exists(update.snapshot) \
            else driver.CreateDataSource(update.snapshot)
        if dataset is None:
            raise StoreError("GeoPackage « %s » illisible : %s" % (
                os.path.basename(path), "; ".join(errors.messages)))
        _ogr_layer(dataset, model.OPERATIONS, model.KINDS, True)
        _ogr_layer(dataset, model.AVANCEMENT, model.NOTE_KINDS, False)
        if cites:
            _ogr_layer(dataset, CITES, {"id_cite": "int", "nom": "string",
                                        "communes": "string"}, True)
        finance_tables = ((finance.FINANCEMENTS, finance.FIN_KINDS, "id_fin"),
                          (finance.VERSEMENTS, finance.PAY_KINDS, "id_vers"))
        for table, kinds, _ in finance_tables:      # a programmation has them, even empty
            _ogr_layer(dataset, table, kinds, False)
        dataset.StartTransaction()
        _replace_rows(dataset, model.OPERATIONS, operations, model.KINDS,
                      lambda op: operation_geometry(op, cites), key="id_op")
        _replace_rows(dataset, model.AVANCEMENT, notes, model.NOTE_KINDS, key="id_note")
        if cites:
            _replace_rows(dataset, CITES, cites, {"id_cite": "int", "nom": "string",
                                                  "communes": "string"},
                          lambda c: c.get("_geom"), key="id_cite")
        _ogr_layer(dataset, COMMUNES, {"insee": "string", "nom": "string"}, False)
        _replace_rows(dataset, COMMUNES, _commune_rows(), {"insee": "string", "nom": "string"})
        for (table, kinds, key), rows in zip(finance_tables, finance_rows or (None, None)):
            if rows is not None:
                _replace_rows(dataset, table, rows, kinds, key=key)
        dataset.CommitTransaction()
        for name in (model.OPERATIONS, model.AVANCEMENT):
            dataset.ExecuteSQL('CREATE UNIQUE INDEX IF NOT EXISTS "%s_id" ON "%s"(%s)' % (
                name, name, "id_op" if name == model.OPERATIONS else "id_note"))
        dataset = None
    gpkg_key(update.snapshot, create=True)
    if errors.messages:
        raise StoreError("Écriture de « %s » impossible : %s" % (
            os.path.basename(path), "; ".join(errors.messages)))
    style_target = Target(update.snapshot)
    save_styles(style_target, cites)
    save_project(style_target, cites, stored_path=path)
    if extra is not None:
        extra(update.snapshot)
    expected = {model.OPERATIONS: len(operations), model.AVANCEMENT: len(notes),
                COMMUNES: len(_commune_rows())}
    if finance_rows is not None:
        expected.update({finance.FINANCEMENTS: len(finance_rows[0]),
                         finance.VERSEMENTS: len(finance_rows[1])})
    if cites:
        expected[CITES] = len(cites)
    update.commit(expected)
