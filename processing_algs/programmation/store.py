"""Where the programmation lives: a GeoPackage (the default, one cartographer) or a
PostGIS schema (a team, see programmation_postgis.py).  Reading both, writing the
GeoPackage.

GeoPackage: written through :class:`gpkg_update.GeoPackageUpdate` (lock, snapshot, online
backup): an interrupted import leaves the file as it was; tables created by GDAL, rows
replaced in one transaction with stable feature ids (id_op, id_note); forms, styles and
the project « Programmation OSP » added by programmation_forms.py.
"""
import datetime
import os
import re

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDataSourceUri,
                       QgsGeometry, QgsProject, QgsProviderRegistry,
                       QgsVectorLayer)

from ...osp_qgis.programmation import model
from ..common.base import is_database_uri
from ..common.gpkg_update import WAIT_FOR_OTHERS, GeoPackageUpdate

DEFAULT_SCHEMA = "programmation"
CITES = "cites"
COMMUNES = "communes"     # INSEE code → name, for the names the operations' form shows
RELATION_ID = "avancement_operation"
PROJECT_NAME = "Programmation OSP"
CRS = "EPSG:2154"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class StoreError(Exception):
    """French, for the user."""


# -- targets ----------------------------------------------------------------------------------
class Target:
    """A programmation: ``gpkg`` (``path``) or ``postgis`` (``uri`` QgsDataSourceUri,
    ``schema``).  Written as a path, or ``postgres:<connection string> schema=<name>``
    (``service=…``, ``dbname=… host=…``, or ``connexion=<QGIS connection name>``)."""

    def __init__(self, value):
        value = (value or "").strip()
        if is_database_uri(value):
            self.kind = "postgis"
            rest = value.split(":", 1)[1].strip()
            schema = re.search(r"\bschema=(\"?)([^\"\s]+)\1", rest)
            self.schema = schema.group(2) if schema else DEFAULT_SCHEMA
            rest = re.sub(r"\bschema=(\"?)([^\"\s]+)\1", "", rest).strip()
            connection = re.search(r"\bconnexion=(\"?)([^\"]+?)\1(\s|$)", rest)
            if connection:
                rest = self._connection_uri(connection.group(2))
            self.uri = QgsDataSourceUri(rest)
            if not _IDENTIFIER.match(self.schema):
                raise StoreError("Nom de schéma « %s » refusé : lettres minuscules, chiffres et _ "
                                 "seulement." % self.schema)
            self.path = None
            self.label = "PostGIS %s (schéma %s)" % (self.uri.database() or self.uri.service(),
                                                      self.schema)
        else:
            self.kind = "gpkg"
            self.path = value
            if not self.path.lower().endswith(".gpkg"):
                raise StoreError("La programmation s'écrit dans un GeoPackage (.gpkg) ou dans "
                                 "PostGIS (postgres:service=… schema=…) : « %s »." % value)
            self.label = os.path.basename(self.path)

    @staticmethod
    def _connection_uri(name):
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        try:
            return metadata.findConnection(name).uri()
        except Exception:
            raise StoreError("Connexion PostgreSQL « %s » inconnue de QGIS." % name)

    def exists(self):
        if self.kind == "gpkg":
            return os.path.exists(self.path)
        with self.connect() as connection:
            with connection.cursor() as cursor:
                cursor.execute("SELECT to_regclass(%s)", ("%s.operations" % self.schema,))
                return cursor.fetchone()[0] is not None

    def connect(self):
        from ..base_partagee.database import BaseError, Database
        try:
            return Database(self.uri.uri(False)).connect()
        except BaseError as error:
            raise StoreError(str(error))

    def layer_uri(self, table):
        uri = QgsDataSourceUri(self.uri.uri(False))
        geometry = "geom" if table == model.OPERATIONS or table == CITES else None
        uri.setDataSource(self.schema, table, geometry, "", "fid")
        return uri.uri(False)

    def layer(self, table, name=None):
        if self.kind == "gpkg":
            return QgsVectorLayer("%s|layername=%s" % (self.path, table), name or table, "ogr")
        return QgsVectorLayer(self.layer_uri(table), name or table, "postgres")


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


# -- the signing key of partner workbooks ---------------------------------------------------
KEY_TABLE = "osp_cle_classeurs"      # GeoPackage: a table no layer list shows
POSTGIS_KEY_TABLE = "cle_classeurs"  # PostGIS: readable by the schema's owner and admins only


def _gpkg_key(path, create):
    """The key of a GeoPackage programmation (``None`` when it has none and ``create`` is
    false); written with SQLite in one immediate transaction (two runs make one key)."""
    import sqlite3
    from ...osp_qgis.programmation.signature import new_key
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        if create:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute('CREATE TABLE IF NOT EXISTS "%s" (cle TEXT NOT NULL, cree_le '
                               "TEXT NOT NULL DEFAULT (datetime('now')))" % KEY_TABLE)
        found = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                   "name = ?", (KEY_TABLE,)).fetchone()
        row = connection.execute('SELECT cle FROM "%s" ORDER BY rowid LIMIT 1' % KEY_TABLE) \
            .fetchone() if found else None
        if row is None and create:
            key = new_key()
            connection.execute('INSERT INTO "%s" (cle) VALUES (?)' % KEY_TABLE, (key,))
            row = (key,)
        if connection.in_transaction:
            connection.execute("COMMIT")
        return row[0] if row else None
    except sqlite3.Error as error:
        raise StoreError("Clé de signature des classeurs illisible dans « %s » : %s."
                         % (os.path.basename(path), error))
    finally:
        connection.close()


def signing_key(target, create=False):
    """The programmation's secret for signing partner workbooks (hex text), created on
    first use when ``create``; ``None`` when it has none. Never leaves the programmation
    except as a signature."""
    if target.kind == "gpkg":
        if not os.path.exists(target.path):
            return None
        return _gpkg_key(target.path, create)
    from .postgis import postgis_key
    return postgis_key(target, create)


# -- geometry -------------------------------------------------------------------------------
def cites_from_layer(layer, territory=None):
    """Cités rows ``{"id_cite", "nom", "communes", "_geom" (EPSG:2154)}`` of a cités layer."""
    from ..logements.analyse_io import (CITE_COMMUNE_FIELDS, CITE_COMMUNE_NAME_FIELDS, CITE_ID_FIELDS, CITE_NAME_FIELDS, python_value)
    from ..common.qgis_io import field_index
    if territory is None:
        from ...osp_qgis.territory import Territory
        territory = Territory.from_reference()
    id_index = field_index(layer, *CITE_ID_FIELDS)
    name_index = field_index(layer, *CITE_NAME_FIELDS)
    if id_index < 0 or name_index < 0:
        raise StoreError("La couche des cités « %s » doit avoir un identifiant (id_cite, "
                         "id_lsm…) et un nom." % layer.name())
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(CRS),
                                       QgsProject.instance())
    codes = [field_index(layer, n) for n in CITE_COMMUNE_FIELDS]
    names = [field_index(layer, n) for n in CITE_COMMUNE_NAME_FIELDS]
    out = []
    for feature in layer.getFeatures():
        communes = []
        for i in codes:
            code = python_value(feature[i]) if i >= 0 else None
            if code and territory.communes.get(str(code), {}).get("nom"):
                communes.append(territory.communes[str(code)]["nom"])
        for i in names:
            name = python_value(feature[i]) if i >= 0 else None
            if name and str(name) not in communes:
                communes.append(str(name))
        geometry = QgsGeometry(feature.geometry())
        if not geometry.isNull():
            geometry.transform(transform)
            geometry.convertToMultiType()
        out.append({"id_cite": python_value(feature[id_index]),
                    "nom": python_value(feature[name_index]),
                    "communes": ", ".join(communes) or None, "_geom": geometry})
    return out


def operation_geometry(op, cites):
    """The union of the operation's cités (EPSG:2154), ``None`` when it has none."""
    wanted = {c for c in str(op.get("cites") or "").split(",") if c}
    parts = [c["_geom"] for c in cites if str(c["id_cite"]) in wanted and c.get("_geom")
             and not c["_geom"].isNull()]
    if not parts:
        return None
    union = QgsGeometry.unaryUnion(parts)
    union.convertToMultiType()
    return union


# -- writing a GeoPackage -------------------------------------------------------------------
_OGR_TYPES = {"int": "OFTInteger", "double": "OFTReal", "string": "OFTString",
              "date": "OFTDate", "datetime": "OFTDateTime"}


def _commune_rows():
    from ...osp_qgis.reference import communes
    return [{"insee": insee, "nom": info["nom"]} for insee, info in sorted(communes().items())]


def _ogr_layer(dataset, name, kinds, geometry):
    from osgeo import ogr, osr
    layer = dataset.GetLayerByName(name)
    if layer is not None:
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
    from osgeo import ogr
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


def _write_snapshot(update, path, operations, notes, cites, extra=None):
    from osgeo import ogr
    from ..common.qgis_io import GdalErrors
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
        dataset.CommitTransaction()
        for name in (model.OPERATIONS, model.AVANCEMENT):
            dataset.ExecuteSQL('CREATE UNIQUE INDEX IF NOT EXISTS "%s_id" ON "%s"(%s)' % (
                name, name, "id_op" if name == model.OPERATIONS else "id_note"))
        dataset = None
    _gpkg_key(update.snapshot, create=True)
    if errors.messages:
        raise StoreError("Écriture de « %s » impossible : %s" % (
            os.path.basename(path), "; ".join(errors.messages)))
    from .project import save_project, save_styles
    style_target = Target(update.snapshot)
    save_styles(style_target, cites)
    save_project(style_target, cites, stored_path=path)
    if extra is not None:
        extra(update.snapshot)
    expected = {model.OPERATIONS: len(operations), model.AVANCEMENT: len(notes),
                COMMUNES: len(_commune_rows())}
    if cites:
        expected[CITES] = len(cites)
    update.commit(expected)
