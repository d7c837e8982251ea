"""Commune polygons read from a user's layer (INSEE code → polygon in a target CRS) and their
unions (EPCI, départements)."""
from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
)

from ..common import qgis_io
from ..common.qgis_io import field_index
from .territory_layers import COMMUNE_ID_FIELDS


def commune_code_index(layer):
    """The index of a communes layer's INSEE code field; French error without one."""
    index = field_index(layer, *COMMUNE_ID_FIELDS)
    if index < 0:
        raise QgsProcessingException(
            "La couche des communes « %s » doit avoir un code INSEE (%s)."
            % (layer.name(), ", ".join(COMMUNE_ID_FIELDS)))
    return index


def commune_geometries(layer, target_crs):
    """``{INSEE code: polygon}`` of a communes layer, in ``target_crs``."""
    index = commune_code_index(layer)
    transform = QgsCoordinateTransform(layer.crs(), target_crs, QgsProject.instance())
    out = {}
    for feature in layer.getFeatures():
        code = qgis_io.text_value(feature[index])
        if code and feature.hasGeometry():
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(transform)
            out[code] = geometry
    return out


def union(geometries):
    parts = [g for g in geometries if g is not None and not g.isEmpty()]
    if not parts:
        return None
    merged = QgsGeometry.unaryUnion(parts)
    merged.convertToMultiType()
    return merged
