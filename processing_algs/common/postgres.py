"""A PostgreSQL server seen from QGIS: which server (a QGIS connection name, ``service=…``
from pg_service.conf, or a connection string, QGIS's password store included), a psycopg2
connection, and the server's refusals in French.  A password never appears in a label, a
log line or an error message."""
import re

from qgis.core import QgsDataSourceUri, QgsProcessingParameterProviderConnection, QgsProviderRegistry

from ...osp_qgis.base_partagee import checks, server_messages
from ...osp_qgis.base_partagee.migrations import SCHEMA


def database_parameter(algorithm):
    """The ``DATABASE`` parameter every algorithm of the shared base takes: the dialog lists
    the PostgreSQL connections of QGIS; ``qgis_process`` and scripts may still give
    ``service=…`` or ``dbname=… host=…`` (any text is accepted, read by :class:`Database`)."""
    return QgsProcessingParameterProviderConnection(
        "DATABASE", algorithm.tr("Base PostgreSQL (connexion QGIS, service=… ou dbname=…)"),
        "postgres")


class BaseError(Exception):
    """French, for the user; never holds a password."""


class Database:
    """A PostgreSQL server and database: ``value`` is a QGIS connection name, or
    ``service=…``, or a connection string (``dbname=… host=… user=…``), optionally prefixed
    by ``postgres:``."""

    def __init__(self, value):
        value = (value or "").strip()
        if value.lower().startswith(("postgres:", "postgis:")):
            value = value.split(":", 1)[1].strip()
        if not value:
            raise BaseError("Base de données non indiquée : nom de connexion QGIS, "
                            "« service=… » ou « dbname=… host=… ».")
        if "=" not in value:
            metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
            try:
                value = metadata.findConnection(value).uri()
            except Exception:
                raise BaseError("Connexion PostgreSQL « %s » inconnue de QGIS (Explorateur "
                                "› PostgreSQL)." % value)
        self.source = QgsDataSourceUri(value)   # as given: a QGIS layer keeps its authcfg
        self.uri = QgsDataSourceUri(value)
        if self.uri.authConfigId():   # QGIS's password store: user and password for libpq
            expanded = QgsDataSourceUri(self.uri.uri(True))
            if expanded.authConfigId() or not expanded.username():
                raise BaseError("Configuration d'authentification QGIS « %s » illisible : "
                                "mot de passe principal non saisi ou configuration absente."
                                % self.uri.authConfigId())
            self.uri = expanded
        self.label = "%s%s" % (self.uri.database() or "service " + self.uri.service(),
                               " (%s)" % self.uri.username() if self.uri.username() else "")

    def scrub(self, text):
        """``text`` without the password (server messages may echo the connection)."""
        password = self.uri.password()
        text = str(text)
        if password:
            text = text.replace(password, "********")
        return re.sub(r"(password\s*=\s*)\S+", r"\1********", text, flags=re.IGNORECASE)

    def connect(self, autocommit=False):
        import psycopg2
        options = {}
        for key, value in (("dbname", self.uri.database()), ("host", self.uri.host()),
                           ("port", self.uri.port()), ("user", self.uri.username()),
                           ("password", self.uri.password()), ("service", self.uri.service()),
                           ("sslmode", _sslmode(self.uri))):
            if value:
                options[key] = value
        try:
            connection = psycopg2.connect(connect_timeout=10, application_name="OSP ERBM",
                                          **options)
        except psycopg2.Error as error:
            raise BaseError("Connexion à PostgreSQL impossible (%s) : %s" % (
                self.label, self.scrub(first_line(error) or "serveur injoignable")))
        connection.autocommit = autocommit
        return connection

    def layer_uri(self, table, geometry="geom", key="fid", with_password=True):
        """The QGIS data source of ``table``; ``with_password=False`` for what is shown or
        saved (an algorithm's output, a project): QGIS then asks for the password, or finds
        it in the connection's authentication, pg_service.conf or .pgpass."""
        uri = QgsDataSourceUri(self.source.uri(False))
        if not with_password:
            uri.setPassword("")
        uri.setDataSource(SCHEMA, table, geometry, "", key)
        return uri.uri(False)


def _sslmode(uri):
    mode = uri.sslMode()
    names = {QgsDataSourceUri.SslMode.SslDisable: "disable",
             QgsDataSourceUri.SslMode.SslAllow: "allow",
             QgsDataSourceUri.SslMode.SslRequire: "require",
             QgsDataSourceUri.SslMode.SslVerifyCa: "verify-ca",
             QgsDataSourceUri.SslMode.SslVerifyFull: "verify-full"}
    return names.get(mode)


def first_line(error):
    """The server's message (its first line), in French when our triggers raised it."""
    text = getattr(error, "pgerror", None) or str(error)
    text = text.strip()
    if text.startswith("ERROR:") or text.startswith("ERREUR:"):
        text = text.split(":", 1)[1].strip()
    return text.splitlines()[0] if text else ""


def explain(error, database):
    """What the user reads about a server error, in French: the session lost (server
    stopped, session ended by an administrator, network), a refusal the server words in
    English (privilege, row security, constraint, missing table: translated, naming the
    table and column), else the OSP's own French message."""
    import psycopg2
    code = getattr(error, "pgcode", None)
    lost = isinstance(error, (psycopg2.OperationalError, psycopg2.InterfaceError)) \
        and code is None
    if lost or code in ("57P01", "57P02", "57P03"):   # admin shutdown, crash, cannot connect
        return ("connexion au serveur perdue en cours de route (serveur arrêté, session "
                "interrompue ou réseau coupé) ; relancer quand le serveur répond")
    diagnostic = getattr(error, "diag", None)
    detail = getattr(diagnostic, "message_detail", None) or ""
    return database.scrub(server_messages.french(code, first_line(error), detail,
                                                 _constraint_messages()))


def _constraint_messages():
    return {name: message for _, name, _, message in checks.form_checks()}
