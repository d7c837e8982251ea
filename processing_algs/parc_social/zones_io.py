"""Zone layers (QPV, cités, quartiers…): their code and name fields, and which zone each point
is in (point in polygon)."""

from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsSpatialIndex,
)

from ..common import qgis_io

NAME_FIELDS = ("nom", "libelle", "name", "nom_com", "libgeo", "nom_qp", "lib_qp", "nom_cite",
               "code")


CODE_FIELDS = ("code", "code_qp", "code_quartier", "id_cite", "insee", "code_insee",
               "insee_com", "codgeo", "siren", "id", "fid")


def zone_fields(layer, code_field=None, name_field=None):
    """``(code index, name index)`` of a zone layer."""
    code = qgis_io.field_index(layer, code_field) if code_field else -1
    if code < 0:
        code = qgis_io.field_index(layer, *CODE_FIELDS)
    name = qgis_io.field_index(layer, name_field) if name_field else -1
    if name < 0:
        name = qgis_io.field_index(layer, *NAME_FIELDS)
    return code, name


def zones_of(layer, xs, ys, crs, feedback=None, code_field=None, name_field=None,
             total_field=None):
    """Point-in-polygon of the points ``xs``/``ys`` (in ``crs``, NaN = no point) against
    ``layer``: ``(membership frame row/code, names, geometries, totals)``; a zone's code is
    its code field (feature id when none), its geometry in ``crs``."""
    import numpy as np
    import pandas as pd
    code_index, name_index = zone_fields(layer, code_field, name_field)
    total_index = qgis_io.field_index(layer, total_field) if total_field else -1
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    index, shapes, names, geometries, totals = QgsSpatialIndex(), {}, {}, {}, {}
    for feature in layer.getFeatures():
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            continue
        code = qgis_io.text_value(feature[code_index]) if code_index >= 0 else ""
        code = code or str(feature.id())
        if code in geometries:
            code = "%s_%d" % (code, feature.id())
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        shapes[feature.id()] = (code, engine)
        index.addFeature(feature.id(), geometry.boundingBox())
        names[code] = qgis_io.text_value(feature[name_index]) if name_index >= 0 else code
        names[code] = names[code] or code
        geometries[code] = geometry
        if total_index >= 0:
            value = pd.to_numeric(qgis_io.text_value(feature[total_index]).replace(",", "."),
                                  errors="coerce")
            totals[code] = None if pd.isna(value) else float(value)
    row_ids, codes = [], []
    points = np.flatnonzero(~(np.isnan(xs) | np.isnan(ys)))
    for step, i in enumerate(points):
        if feedback is not None and step % 5000 == 0 and feedback.isCanceled():
            raise QgsProcessingException("Traitement annulé : rien n'a été écrit.")
        point = QgsGeometry.fromPointXY(QgsPointXY(xs[i], ys[i]))
        for fid in index.intersects(point.boundingBox()):
            code, engine = shapes[fid]
            if engine.intersects(point.constGet()):
                row_ids.append(i)
                codes.append(code)
    return pd.DataFrame({"row": np.asarray(row_ids, dtype="int64"),
                         "code": pd.Series(codes, dtype=object)}), names, geometries, totals
