"""The territory of the analyse layer: reference tables completed by the COMMUNES, EPCI and
CITES layers, their polygon lookups, and the cités stored beside the dwellings."""
from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProcessingException, QgsProject, QgsWkbTypes

from ...osp_qgis import territory as territory_rules
from ...osp_qgis.ids import fold
from ..common import records_io, territory_layers
from ..common.qgis_io import field_index
from . import analyse_io
from .polygon_lookup import PolygonLookup


def territory_of(communes, epci, points_crs, feedback):
    """The territory (reference tables, completed by the COMMUNES and EPCI layers when
    given) and the polygon lookups of those layers: ``(territory, communes lookup or None,
    EPCI lookup or None)``."""
    territory = territory_rules.Territory.from_reference()
    communes_lookup = epci_lookup = None
    if communes is not None:
        insee, nom = field_index(communes, *territory_layers.COMMUNE_ID_FIELDS), \
            field_index(communes, *territory_layers.NAME_FIELDS)
        if insee < 0:
            raise QgsProcessingException(
                "La couche des communes « %s » n'a pas de champ code INSEE (insee, code…)."
                % communes.name())
        communes_lookup = PolygonLookup(communes, [insee, nom], points_crs)
        for values in (attrs for _, attrs, _ in communes_lookup.items.values()):
            code = str(values[0]) if values[0] is not None else None
            if code and values[1] and code in territory.communes:
                territory.communes[code]["nom"] = values[1]
        feedback.pushInfo("Communes : %d polygones." % len(communes_lookup.items))
    if epci is not None:
        siren = field_index(epci, *territory_layers.EPCI_ID_FIELDS)
        nom = field_index(epci, *territory_layers.EPCI_NAME_FIELDS)
        sigle = field_index(epci, *territory_layers.EPCI_SIGLE_FIELDS)
        if siren < 0:
            raise QgsProcessingException(
                "La couche des EPCI « %s » n'a pas de champ SIREN." % epci.name())
        insee = field_index(epci, "insee", "code_insee", "depcom")
        for feature in epci.getFeatures():
            code = str(records_io.python_value(feature[siren]) or "")
            info = territory.epcis.setdefault(code, {"nom": None, "sigle": None})
            if nom >= 0 and feature[nom]:
                info["nom"] = feature[nom]
            if sigle >= 0 and feature[sigle]:
                info["sigle"] = feature[sigle]
            if insee >= 0 and feature[insee]:  # a commune -> EPCI table
                territory.communes.setdefault(str(feature[insee]), {"nom": None, "dep": None})
                territory.communes[str(feature[insee])]["epci_siren"] = code
        if QgsWkbTypes.geometryType(epci.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry:
            epci_lookup = PolygonLookup(epci, [siren], points_crs)
    return territory, communes_lookup, epci_lookup


def cites_of(cites, points_crs):
    """``(lookup, (id index, name index))`` of the CITES layer (``(None, None)``
    without one)."""
    if cites is None:
        return None, None
    id_index = field_index(cites, *territory_layers.CITE_ID_FIELDS)
    name_index = field_index(cites, *territory_layers.CITE_NAME_FIELDS)
    if id_index < 0 or name_index < 0:
        raise QgsProcessingException(
            "La couche des cités « %s » doit avoir un identifiant (id_cite, id_lsm…) et un "
            "nom (nom)." % cites.name())
    commune_indexes = [field_index(cites, n) for n in territory_layers.CITE_COMMUNE_FIELDS
                       + territory_layers.CITE_COMMUNE_NAME_FIELDS]
    lookup = PolygonLookup(cites, [id_index, name_index] + commune_indexes, points_crs)
    return lookup, (id_index, name_index)


def _cite_communes(cites, territory, communes_lookup):
    """``feature -> "Lens, Liévin"``: the communes of a cité, from its own fields
    (INSEE codes or names), else from the commune containing it."""
    codes = [field_index(cites, n) for n in territory_layers.CITE_COMMUNE_FIELDS]
    names = [field_index(cites, n) for n in territory_layers.CITE_COMMUNE_NAME_FIELDS]
    transform = None
    if communes_lookup is not None:  # cité CRS -> the dwellings' CRS the lookup expects
        transform = QgsCoordinateTransform(cites.crs(), communes_lookup.transform.sourceCrs(),
                                           QgsProject.instance())

    def communes_of(feature):
        found = []
        for i in codes:
            code = records_io.python_value(feature[i]) if i >= 0 else None
            name = territory.communes.get(str(code), {}).get("nom") if code else None
            if name and name not in found:
                found.append(name)
        for i in names:
            name = records_io.python_value(feature[i]) if i >= 0 else None
            if name and str(name) not in found:
                found.append(str(name))
        if not found and communes_lookup is not None and feature.hasGeometry():
            point = QgsGeometry(feature.geometry().pointOnSurface())
            point.transform(transform)
            found = [str(h[1]) for h in communes_lookup.containing(point)[:1] if h[1]]
        return ", ".join(found) or None
    return communes_of


def cites_of_commune(all_cites, values):
    """``[(id, nom)]`` of the cités of the dwelling's commune (by INSEE code or name), else
    of every cité: the candidates its landlord's cité name is matched against."""
    insee, name = values.get("idcom"), fold(values.get("idcomtxt") or "")
    chosen = [(a[0], a[1]) for a in all_cites.values()
              if insee and insee in [str(x) for x in a[2:] if x]
              or name and name in [fold(str(x)) for x in a[2:] if x]]
    return chosen or [(a[0], a[1]) for a in all_cites.values()]


def cites_table(cites, cite_fields, territory, communes_lookup):
    """The cités as stored beside the dwellings, with their communes' names."""
    if cites is None:
        return None
    return analyse_io.cites_table_layer(
        cites, *cite_fields, communes_of=_cite_communes(cites, territory, communes_lookup))
