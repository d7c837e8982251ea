"""What a publication is made of: the tables of the source (the shared base's ``osp`` schema,
or a cartographer's GeoPackages), each classified (osp_qgis/publication/tables.py) — only
partner and public tables are published; GeoPackage tables are copied, table by table, into
the publication's own GeoPackages, so that nothing else (licensed rows, the workbooks'
signing key, notes) is even in the folder."""
import os
import sqlite3

from osgeo import gdal, ogr
from qgis.core import QgsDataSourceUri, QgsProcessingException

from ...osp_qgis.base_partagee.migrations import SCHEMA
from ...osp_qgis.publication import tables as kinds

LIZMAP_FIELD = "acces_lizmap"   # groups allowed to see the row (Lizmap « filtre par login »)
# the shared base's tables and views published, with their key and geometry column
DATABASE_TABLES = (("logements_publication", "fid", "geom", "logements"),
                   ("operations_publication", "fid", "geom", "operations"),
                   ("cites", "fid", "geom", "territoire"))


class Table:
    """One published table: ``kind`` (tables.py), ``name`` (its layer name),
    ``uri``/``provider`` (where QGIS reads it), ``source`` (where it came from)."""

    def __init__(self, kind, name, uri, provider, source, title=None):
        self.kind, self.name, self.uri, self.provider = kind, name, uri, provider
        self.source, self.title = source, title or name


def gpkg_tables(path):
    """``[(table, [fields])]`` of the layers of a GeoPackage (gpkg_contents), read with
    SQLite: nothing is opened for writing."""
    try:
        with sqlite3.connect("file:%s?mode=ro" % path, uri=True) as connection:
            names = [r[0] for r in connection.execute(
                "SELECT table_name FROM gpkg_contents ORDER BY table_name")]
            return [(name, [r[1] for r in connection.execute(
                'PRAGMA table_info("%s")' % name.replace('"', '""'))]) for name in names]
    except sqlite3.Error as error:
        raise QgsProcessingException("« %s » n'est pas un GeoPackage lisible : %s."
                                     % (os.path.basename(path), error))


def classified(path):
    """``[(table, kind, French reason)]`` of a GeoPackage."""
    found = gpkg_tables(path)
    out = []
    for table, fields in found:
        if table == "layer_styles":
            continue
        siblings = [f for t, f in found if t != table]
        kind, reason = kinds.classify(table, fields, siblings)
        out.append((table, kind, reason))
    return out


def copy_tables(source, target, names):
    """Copy the tables ``names`` of the GeoPackage ``source`` into ``target`` (created),
    feature ids kept; nothing else of the source is copied."""
    for index, name in enumerate(names):
        options = gdal.VectorTranslateOptions(
            format="GPKG", layers=[name], accessMode="update" if index else None,
            layerName=name, options=["-preserve_fid"])
        done = gdal.VectorTranslate(target, source, options=options)
        if done is None:
            raise QgsProcessingException("Copie de la table %s de « %s » impossible : %s."
                                         % (name, os.path.basename(source),
                                            gdal.GetLastErrorMsg()))
        done = None


def add_lizmap_column(path, table, partner_field_groups):
    """A text column listing, for each row, the groups that may see it (Lizmap's « filtre
    par login » reads it): ``partner_field_groups`` is ``[(field, {code: group})]``.  Written
    through GDAL's feature API (the GeoPackage's spatial index triggers need GDAL)."""
    dataset = ogr.Open(path, 1)
    layer = dataset.GetLayerByName(table)
    layer.CreateField(ogr.FieldDefn(LIZMAP_FIELD, ogr.OFTString))
    dataset.StartTransaction()
    for feature in layer:
        groups = sorted({groups_of.get(str(feature.GetField(field)))
                         for field, groups_of in partner_field_groups
                         if feature.GetField(field) is not None} - {None})
        feature.SetField(LIZMAP_FIELD, ",".join(groups))
        layer.SetFeature(feature)
    dataset.CommitTransaction()
    dataset = None


def database_tables(database):
    """The shared base's published tables, read through ``service=``/the connection without
    its password (the server finds it in pg_service.conf or .pgpass)."""
    out = []
    for table, key, geometry, kind in DATABASE_TABLES:
        uri = QgsDataSourceUri(database.source.uri(False))
        uri.setPassword("")
        uri.setAuthConfigId("")
        uri.setDataSource(SCHEMA, table, geometry, "", key)
        uri.setUseEstimatedMetadata(True)
        out.append(Table(kind, table.replace("_publication", ""), uri.uri(False), "postgres",
                         database.label))
    return out
