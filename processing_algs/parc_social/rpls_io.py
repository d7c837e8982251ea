"""Reading the social-stock inputs: RPLS files and layers (any form), the OPS survey, BAN
addresses, the renovated dwellings of the analyse layer (location.py places them)."""
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...osp_qgis.parc_social import geocode, ops, rpls
from ...osp_qgis.sheets.raw import RawSheet, SheetError
from ...osp_qgis.sheets.read import read_sheet
from ..common import qgis_io

LAMBERT93 = QgsCoordinateReferenceSystem("EPSG:2154")


# the parameter of an RPLS before the works, the same words wherever it is asked for
BEFORE_WORKS_LABEL = "RPLS d'un millésime antérieur (étiquettes avant travaux)"

def sheet_rows(path, accept):
    """The rows of a table file: a sheet (CSV, XLSX, ODS; ``accept`` picks the sheet with a
    header) or any table or point layer QGIS opens. French errors."""
    try:
        sheet = read_sheet(path, accept=accept)
    except SheetError as error:
        raise QgsProcessingException(str(error))
    if sheet is None:
        sheet = _layer_rows(path)
    if sheet is None:
        raise QgsProcessingException("« %s » ne s'ouvre pas comme une table."
                                     % os.path.basename(path))
    return sheet.rows


def read_rpls(path):
    """An RPLS file (CSV, XLSX, ODS, or any table or point layer QGIS opens) →
    ``(frame, roles, canonical rows)``. A point layer's geometry gives ``X``/``Y``/``EPSG``
    when the table has none. French errors."""
    try:
        frame, roles = rpls.rpls_frame(sheet_rows(path, rpls.has_rpls_header),
                                       os.path.basename(path))
    except rpls.RplsError as error:
        raise QgsProcessingException(str(error))
    return frame, roles, rpls.canonical(frame, roles)


def _layer_rows(path):
    layer = QgsVectorLayer(path, "rpls", "ogr")
    if not layer.isValid():
        return None
    keys = set(layer.primaryKeyAttributes())   # a GeoPackage's fid: not the file's data
    kept = [i for i in range(layer.fields().count()) if i not in keys]
    names = [layer.fields()[i].name() for i in kept]
    with_points = layer.geometryType() == QgsWkbTypes.GeometryType.PointGeometry and \
        not ({"x", "y"} & {n.lower() for n in names})
    header = names + (["X", "Y", "EPSG"] if with_points else [])
    rows = [(1, header)]
    epsg = layer.crs().authid().replace("EPSG:", "")
    request = QgsFeatureRequest()
    if not with_points:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for n, feature in enumerate(layer.getFeatures(request), start=2):
        attributes = feature.attributes()
        cells = [qgis_io.text_value(attributes[i]) for i in kept]
        if with_points:
            if feature.hasGeometry() and not feature.geometry().isEmpty():
                point = feature.geometry().centroid().asPoint()
                cells += [repr(point.x()), repr(point.y()), epsg]
            else:
                cells += ["", "", ""]
        rows.append((n, cells))
    return RawSheet(rows=rows, sheet_name=layer.name())


def read_households(path, survey_year=None):
    """The OPS file → canonical households (not linked to an RPLS file). French errors."""
    try:
        frame, roles = ops.ops_frame(sheet_rows(path, ops.has_ops_header),
                                     os.path.basename(path))
    except ops.OpsError as error:
        raise QgsProcessingException(str(error))
    return ops.canonical(frame, roles, survey_year)


def read_ops(path, rows, survey_year=None):
    """The OPS file → canonical households with ``rpls_row`` (their RPLS row, NaN when
    none). French errors."""
    households = read_households(path, survey_year)
    households["rpls_row"] = ops.link_households(households, rows)
    return households


def read_addresses(path):
    if not path:
        import pandas as pd
        return pd.DataFrame(columns=["insee", "numero", "rep", "voie", "x", "y"]), "EPSG:2154"
    try:
        return geocode.read_ban(path)
    except geocode.AddressError as error:
        raise QgsProcessingException(str(error))


def renovated_dwellings(layer):
    """The analyse layer's dwellings: ``ident_rep`` and ``epci`` (French error when the
    layer has no RPLS id)."""
    import pandas as pd
    ident = qgis_io.field_index(layer, "ident_rep", "rpls")
    epci = qgis_io.field_index(layer, "epci")
    if ident < 0:
        raise QgsProcessingException("La couche « %s » n'a pas de champ ident_rep : ce n'est "
                                     "pas une couche d'analyse OSP." % layer.name())
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    values = [(qgis_io.text_value(f[ident]), qgis_io.text_value(f[epci]) if epci >= 0 else "")
              for f in layer.getFeatures(request)]
    return pd.DataFrame(values, columns=["ident_rep", "epci"])
