"""Access control of the OSP publication, enforced by QGIS Server itself (not by the viewer):
for every request the user's partner is read from the headers (identite.py) and

- unauthorised layers are hidden (capabilities, maps, features, prints);
- partner layers are filtered twice: an expression for every feature request and an SQL
  subset on the provider, so that no request parameter (FILTER, EXP_FILTER, SELECTION,
  FEATURE_ID, OGC API filter, an expression reading the layer again) widens what is seen;
- an EPCI does not read a landlord's private fields;
- a WFS-T update is allowed on the partner's own operations and its own block only;
  inserts and deletes are refused;
- the server cache is keyed per partner.

What a layer is comes from the custom properties ``osp_acces/*`` that osp:publier wrote in the
project; a layer without them is treated as a partner layer nobody may read."""
import os
import threading

from qgis.core import QgsFeatureRequest
from qgis.server import QgsAccessControlFilter, QgsServerException, QgsServerFilter

from . import identite, transactions

PREFIX = "osp_acces/"
_partners_cache = {}
_blocks_cache = {}
_lock = threading.Lock()


def layer_config(layer):
    """``{"genre", "bailleur", "epci", "prives", "blocs"}`` of a published layer."""
    def value(key):
        return str(layer.customProperty(PREFIX + key, "") or "")
    blocks = {}
    for item in value("blocs").split(","):
        if "=" in item:
            kind, prefix = item.split("=", 1)
            blocks[kind.strip()] = prefix.strip()
    return {"genre": value("genre") or "inconnu", "bailleur": value("champ_bailleur"),
            "epci": value("champ_epci"),
            "prives": {f for f in value("prives").split(",") if f},
            "blocs": blocks}


def partners_of(project_path):
    """The partners table beside the project, read once per change of the file."""
    path = os.path.join(os.path.dirname(project_path or ""), "partenaires.csv")
    try:
        stamp = os.path.getmtime(path)
    except OSError:
        return {}
    with _lock:
        cached = _partners_cache.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, identite.read_partners(path))
            _partners_cache[path] = cached
        return cached[1]


def blocks_of(project_path):
    """The blocks of each layer of the published project, read once per change of it."""
    try:
        stamp = os.path.getmtime(project_path)
        with _lock:
            cached = _blocks_cache.get(project_path)
            if cached is None or cached[0] != stamp:
                with open(project_path, "rb") as handle:
                    cached = (stamp, transactions.layer_blocks(handle.read()))
                _blocks_cache[project_path] = cached
            return cached[1]
    except (OSError, ValueError):
        return {}


class TransactionGuard(QgsServerFilter):
    """Reads a WFS Transaction before the server runs it (see transactions.py)."""

    def __init__(self, server_iface, control):
        super().__init__(server_iface)
        self.iface, self.control = server_iface, control

    def requestReady(self):
        handler = self.iface.requestHandler()
        parameters = {k.upper(): v for k, v in handler.parameterMap().items()}
        if parameters.get("SERVICE", "").upper() != "WFS" or \
                parameters.get("REQUEST", "").upper() != "TRANSACTION":
            return
        access = self.control.access()
        if access.kind == "etat" and access.admin:
            return
        if access.kind == "anonyme" or parameters.get("OPERATION"):
            refused = ["modification refusée"]
        else:
            refused = transactions.problems(bytes(handler.data()), access.kind,
                                            blocks_of(self.iface.configFilePath()))
        if refused:
            handler.setServiceException(QgsServerException(
                "Modification refusée : %s." % " ; ".join(refused), 403))


class OspAccessControl(QgsAccessControlFilter):

    def __init__(self, server_iface):
        super().__init__(server_iface)
        self.iface = server_iface

    # -- who ---------------------------------------------------------------------------------
    def access(self):
        handler = self.iface.requestHandler()
        user_header, groups_header = identite.header_names()
        user = groups = ""
        if handler is not None:
            user = handler.requestHeader(user_header) or ""
            groups = handler.requestHeader(groups_header) or ""
        if not user and user_header.upper() == "REMOTE_USER":
            user = self.iface.getEnv("REMOTE_USER") or ""
        return identite.access_of(user, groups, partners_of(self.iface.configFilePath()))

    # -- what --------------------------------------------------------------------------------
    def layerPermissions(self, layer):
        rights = QgsAccessControlFilter.LayerPermissions()
        rights.canRead = rights.canInsert = rights.canUpdate = rights.canDelete = False
        config = layer_config(layer)
        if config["genre"] == "public":
            rights.canRead = True
            return rights
        if config["genre"] not in ("logements", "operations"):
            return rights
        access = self.access()
        rights.canRead = access.kind != "anonyme"
        rights.canUpdate = config["genre"] == "operations" and (
            access.kind in config["blocs"] or (access.kind == "etat" and access.admin))
        return rights

    def _partner_layer(self, layer):
        config = layer_config(layer)
        return config if config["genre"] in ("logements", "operations") else None

    def layerFilterExpression(self, layer):
        config = self._partner_layer(layer)
        if config is None:
            return "" if layer_config(layer)["genre"] == "public" else "FALSE"
        return identite.row_filter(self.access(), config["bailleur"], config["epci"]) or ""

    def layerFilterSubsetString(self, layer):
        config = self._partner_layer(layer)
        if config is None:
            return "" if layer_config(layer)["genre"] == "public" else "1 = 0"
        return identite.row_subset(self.access(), config["bailleur"], config["epci"])

    def authorizedLayerAttributes(self, layer, attributes):
        config = self._partner_layer(layer)
        if config is None or self.access().kind in ("etat", "bailleur"):
            return attributes
        return [a for a in attributes if a not in config["prives"]]

    def allowToEdit(self, layer, feature):
        """Only an update of the partner's own operation, within its block (the stored row
        is read from the provider: the request cannot claim another owner)."""
        config = self._partner_layer(layer)
        if config is None or config["genre"] != "operations":
            return False
        access = self.access()
        if access.kind == "etat" and access.admin:
            return True
        prefix = config["blocs"].get(access.kind)
        field = config.get(access.kind)
        if not prefix or not field or not feature.id() or feature.id() < 0:
            return False
        stored = next(layer.dataProvider().getFeatures(QgsFeatureRequest(feature.id())), None)
        if stored is None or not stored.isValid():
            return False
        if str(stored[field]) not in access.codes or str(feature[field]) not in access.codes:
            return False
        for index, name in enumerate(layer.fields().names()):
            if name.startswith(prefix) or name in ("version", "maj_par", "date_maj"):
                continue
            if index < len(feature.attributes()) and stored[name] != feature[name]:
                return False
        return True

    def cacheKey(self):
        return self.access().cache_key()


class OspAccesServer:
    """Registers the access control (priority 100: before any other plugin's)."""

    def __init__(self, server_iface):
        self.control = OspAccessControl(server_iface)
        server_iface.registerAccessControl(self.control, 100)
        self.guard = TransactionGuard(server_iface, self.control)
        server_iface.registerFilter(self.guard, 100)
