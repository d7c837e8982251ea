"""Which programmation an algorithm works on: a GeoPackage (one cartographer) or a PostGIS
schema (a team), named by the user as a path or ``postgres:… schema=…``."""
import os
import re

from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer

from ...osp_qgis.programmation import model
from ..common.base import is_database_uri
from ..common.postgres import BaseError, Database

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
