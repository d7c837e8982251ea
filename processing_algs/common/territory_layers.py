"""The user's territory layers (cités, communes, EPCI) as the forms' value lists see them:
the field names each may use (``resources/reference/champs_territoire.csv``), and the
small tables ``epci`` and ``cites`` behind the ``table:`` value lists of the forms."""
from qgis.core import QgsVectorLayer

from ...osp_qgis.reference import territory_fields
from ...osp_qgis.territory import Territory, short_epci_name
from .qgis_io import field_index
from .records_io import python_value

CITES_TABLE = "cites"
EPCI_TABLE = "epci"
COMMUNE_ID_FIELDS = territory_fields("commune", "id")
NAME_FIELDS = territory_fields("commune", "nom")
EPCI_ID_FIELDS = territory_fields("epci", "id")
EPCI_NAME_FIELDS = territory_fields("epci", "nom")
EPCI_SIGLE_FIELDS = territory_fields("epci", "sigle")
CITE_ID_FIELDS = territory_fields("cite", "id")
CITE_NAME_FIELDS = territory_fields("cite", "nom")
CITE_COMMUNE_FIELDS = territory_fields("cite", "insee")
CITE_COMMUNE_NAME_FIELDS = territory_fields("cite", "commune")


def table_rows(layer, names):
    """``[{name: value}]`` of a small table (value lists of the form)."""
    indexes = {name: field_index(layer, name) for name in names}
    return [{name: python_value(feature[i]) if i >= 0 else None for name, i in indexes.items()}
            for feature in layer.getFeatures()]


def form_tables(epci_choices=None, cites=None):
    """The rows behind the form's ``table:epci`` and ``table:cites`` value lists, from
    EPCI choices ``[(code, nom)]`` (default: the reference tables) and a cités layer
    (``id_cite``, ``nom``, ``communes``)."""
    if epci_choices is None:
        epci_choices = Territory.from_reference().epci_choices()
    tables = {"epci": [{"code": code, "nom": nom, "nom_court": short_epci_name(nom),
                        "sigle": None if str(code).isdigit() else code}
                       for code, nom in epci_choices]}
    if cites is not None:
        tables["cites"] = table_rows(cites, ("id_cite", "nom", "communes"))
    return tables


def sibling_tables(layer):
    """The value-list tables stored beside ``layer`` in its GeoPackage (``epci``,
    ``cites``), as :func:`form_tables` gives them; reference EPCI when absent."""
    source = layer.source() if layer is not None else ""
    path = source.split("|")[0]
    epci_choices = cites = None
    if path.lower().endswith(".gpkg"):
        epci = QgsVectorLayer("%s|layername=%s" % (path, EPCI_TABLE), EPCI_TABLE, "ogr")
        if epci.isValid():
            epci_choices = [(r["code"], r["nom"]) for r in table_rows(epci, ("code", "nom"))]
        sibling = QgsVectorLayer("%s|layername=%s" % (path, CITES_TABLE), CITES_TABLE, "ogr")
        cites = sibling if sibling.isValid() else None
    return form_tables(epci_choices, cites)
