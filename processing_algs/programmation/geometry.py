"""The programmation's geometries: cités read from the user's layer (in EPSG:2154, with the
names of their communes) and each operation's outline, the union of its cités."""
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject

from ...osp_qgis.territory import Territory
from ..common.qgis_io import field_index
from ..common.records_io import python_value
from ..common.territory_layers import (
    CITE_COMMUNE_FIELDS,
    CITE_COMMUNE_NAME_FIELDS,
    CITE_ID_FIELDS,
    CITE_NAME_FIELDS,
)
from .target import CRS, StoreError


def cites_from_layer(layer, territory=None):
    """Cités rows ``{"id_cite", "nom", "communes", "_geom" (EPSG:2154)}`` of a cités layer."""
    if territory is None:
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
