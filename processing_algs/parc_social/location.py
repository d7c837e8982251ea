"""Where each RPLS line is: the file's own coordinates when they hold (checked against their
commune), else its BAN address, else its commune; and the RPLS inputs both parc social
algorithms take (osp:geocoder_rpls, osp:indicateurs_parc_social)."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ...osp_qgis.parc_social import geocode
from ..common.communes import commune_geometries
from .rpls_io import LAMBERT93, read_addresses, read_rpls

COMMUNE_MARGIN = 200.0     # metres around a commune's polygon where its points may lie
BAN_MARGIN = 1000.0        # around the box of its BAN addresses, without polygons


def transform_xy(xs, ys, source, target):
    """Arrays of coordinates from ``source`` to ``target`` (QgsCoordinateReferenceSystem);
    NaN stays NaN, a point that cannot be transformed becomes NaN."""
    import numpy as np
    xs, ys = np.asarray(xs, dtype=float).copy(), np.asarray(ys, dtype=float).copy()
    if source == target:
        return xs, ys
    transform = QgsCoordinateTransform(source, target, QgsProject.instance())
    for i in np.flatnonzero(~(np.isnan(xs) | np.isnan(ys))):
        try:
            point = transform.transform(QgsPointXY(xs[i], ys[i]))
            xs[i], ys[i] = point.x(), point.y()
        except Exception:  # QgsCsException: outside the CRS's domain
            xs[i] = ys[i] = np.nan
    return xs, ys


def source_points_to(rows, located, target):
    """The file's own X/Y (in each row's EPSG, Lambert-93 when not given) moved to
    ``target``."""
    import numpy as np
    own = located["source_xy"] == 1
    if not own.any():
        return located
    epsg = rows["epsg"].where(rows["epsg"] != "", "2154")
    for code in epsg[own].unique():
        crs = QgsCoordinateReferenceSystem("EPSG:%s" % code)
        mask = own & (epsg == code)
        if not crs.isValid():
            located.loc[mask, ["gx", "gy"]] = np.nan
            continue
        xs, ys = transform_xy(located.loc[mask, "gx"], located.loc[mask, "gy"], crs, target)
        located.loc[mask, "gx"], located.loc[mask, "gy"] = xs, ys
    return located


def commune_points(layer, crs):
    """INSEE code → point on the commune's surface, in ``crs`` (the BAN's)."""
    if layer is None:
        return {}
    out = {}
    for code, geometry in commune_geometries(layer, crs).items():
        point = geometry.pointOnSurface().asPoint()
        out[code.upper().zfill(5)] = (point.x(), point.y())
    return out


def _within_area(crs, xs, ys):
    """Points (in ``crs``) inside the area where ``crs`` is valid (its published bounds)."""
    import numpy as np
    bounds = crs.bounds()
    lon, lat = transform_xy(xs, ys, crs, QgsCoordinateReferenceSystem("EPSG:4326"))
    if bounds.isEmpty():
        return ~(np.isnan(lon) | np.isnan(lat))
    return (lon >= bounds.xMinimum()) & (lon <= bounds.xMaximum()) & \
        (lat >= bounds.yMinimum()) & (lat <= bounds.yMaximum())


def checked_file_points(rows, communes_layer, ban, ban_crs, target):
    """The file's own X/Y that may be believed: ``(usable, problems)`` (Series on ``rows``):
    a point outside its reference system's area (latitude and longitude swapped, 0/0,
    1e300, Lambert-93 values declared in degrees), outside the area of ``target`` for a
    commune of metropolitan France, or away from the row's commune (its polygon in
    ``communes_layer``, else the box of its BAN addresses) is not used: the row is looked
    up by its address instead, and says why."""
    import numpy as np
    import pandas as pd
    given = rows["x"].notna() & rows["y"].notna() & np.isfinite(rows["x"]) & \
        np.isfinite(rows["y"])
    usable = given.copy()
    problems = pd.Series("", index=rows.index, dtype=object)
    gx = pd.Series(np.nan, index=rows.index)
    gy = pd.Series(np.nan, index=rows.index)
    epsg = rows["epsg"].where(rows["epsg"] != "", "2154")
    for code in epsg[given].unique():
        mask = given & (epsg == code)
        crs = QgsCoordinateReferenceSystem("EPSG:%s" % code)
        if not crs.isValid():
            usable[mask] = False
            problems[mask] = "système de coordonnées EPSG:%s inconnu" % code
            continue
        xs, ys = rows.loc[mask, "x"].values, rows.loc[mask, "y"].values
        inside = _within_area(crs, xs, ys)
        tx, ty = transform_xy(xs, ys, crs, target)
        metropolitan = ~rows.loc[mask, "depcom"].str.startswith("97").values
        inside &= ~metropolitan | _within_area(target, tx, ty)
        bad = mask.copy()
        bad[mask] = ~inside
        usable[bad] = False
        problems[bad] = ("coordonnées X/Y hors du domaine de validité de EPSG:%s (latitude et "
                         "longitude inversées, valeurs d'un autre système ?) : ligne placée "
                         "par son adresse" % code)
        gx[mask], gy[mask] = tx, ty
    far = _away_from_commune(rows, usable, gx, gy, communes_layer, ban, ban_crs, target)
    usable &= ~far
    problems[far] = "coordonnées X/Y hors de la commune " + rows.loc[far, "depcom"] + \
        " : ligne placée par son adresse"
    return usable, problems


def _away_from_commune(rows, usable, gx, gy, communes_layer, ban, ban_crs, target):
    import numpy as np
    import pandas as pd
    far = pd.Series(False, index=rows.index)
    polygons = {}
    if communes_layer is not None:
        polygons = {code.upper().zfill(5): geometry for code, geometry in
                    commune_geometries(communes_layer, target).items()}
    boxes = {}
    if len(ban):
        bx, by = transform_xy(ban["x"].values, ban["y"].values,
                              QgsCoordinateReferenceSystem(ban_crs), target)
        frame = pd.DataFrame({"insee": ban["insee"].values, "x": bx, "y": by}).dropna()
        grouped = frame.groupby("insee")
        boxes = {insee: (x0 - BAN_MARGIN, y0 - BAN_MARGIN, x1 + BAN_MARGIN, y1 + BAN_MARGIN)
                 for insee, x0, y0, x1, y1 in zip(grouped.groups, grouped["x"].min(),
                                                  grouped["y"].min(), grouped["x"].max(),
                                                  grouped["y"].max())}
    engines = {}
    for label in rows.index[usable.values]:
        code = rows.at[label, "depcom"]
        x, y = gx[label], gy[label]
        if np.isnan(x) or np.isnan(y):
            continue
        if code in polygons:
            if code not in engines:
                shape = polygons[code].buffer(COMMUNE_MARGIN, 4)
                engine = QgsGeometry.createGeometryEngine(shape.constGet())
                engine.prepareGeometry()
                engines[code] = engine
            point = QgsGeometry.fromPointXY(QgsPointXY(x, y))
            far[label] = not engines[code].intersects(point.constGet())
        elif code in boxes:
            x0, y0, x1, y1 = boxes[code]
            far[label] = not (x0 <= x <= x1 and y0 <= y <= y1)
    return far


def locate(rows, addresses_path, communes_layer, target, feedback=None, accepted=None):
    """The geocoder's result with ``gx``/``gy`` in ``target``; the file's own coordinates
    are checked first (:func:`checked_file_points`) and the row says why they were not
    used."""
    ban, ban_crs = read_addresses(addresses_path)
    if feedback is not None:
        feedback.pushInfo("%d points adresse lus." % len(ban))
    usable, problems = checked_file_points(rows, communes_layer, ban, ban_crs, target)
    refused = problems != ""
    if refused.any():
        rows.loc[refused, "anomalies"] = (rows.loc[refused, "anomalies"] + "; ").where(
            rows.loc[refused, "anomalies"] != "", "") + problems[refused]
        if feedback is not None:
            feedback.pushWarning("%d lignes dont les coordonnées X/Y ne peuvent pas être "
                                 "crues (hors du domaine de leur système ou de leur commune) "
                                 ": placées par leur adresse." % int(refused.sum()))
    ban_crs = QgsCoordinateReferenceSystem(ban_crs)
    located = geocode.geocode(rows, ban, commune_points(communes_layer, ban_crs), accepted,
                              usable)
    located = located.copy()
    from_ban = located["source_xy"] == 0
    xs, ys = transform_xy(located.loc[from_ban, "gx"], located.loc[from_ban, "gy"], ban_crs,
                          target)
    located.loc[from_ban, "gx"], located.loc[from_ban, "gy"] = xs, ys
    return source_points_to(rows, located, target)


def add_rpls_inputs(algorithm, name="INPUT"):
    algorithm.addParameter(QgsProcessingParameterFile(
        name, algorithm.tr("Fichier RPLS (CSV, XLSX, ODS, GeoPackage…)")))
    algorithm.addParameter(QgsProcessingParameterFile(
        "ADDRESSES", algorithm.tr("Adresses BAN (adresses-XX.csv ou .csv.gz)"),
        optional=True))
    algorithm.addParameter(QgsProcessingParameterVectorLayer(
        "COMMUNES", algorithm.tr("Communes (polygones avec le code INSEE)"),
        [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
    algorithm.addParameter(QgsProcessingParameterString(
        "XY_QUALITY", algorithm.tr("Valeurs de QUALITE_XY à croire (séparées par des "
                                   "virgules ; vide : toutes)"), optional=True))


def located_rows(algorithm, parameters, context, feedback, name="INPUT"):
    """``(frame, roles, rows, located)`` of the RPLS input, points in Lambert-93."""
    path = algorithm.parameterAsFile(parameters, name, context)
    frame, roles, rows = read_rpls(path)
    feedback.pushInfo("%d lignes RPLS lues (%s logements)." % (
        len(rows), geocode.format_int(rows["nb"].fillna(0).sum())))
    feedback.setProgress(20)
    located = locate(
        rows, algorithm.parameterAsFile(parameters, "ADDRESSES", context),
        algorithm.parameterAsVectorLayer(parameters, "COMMUNES", context),
        LAMBERT93, feedback,
        [v for v in algorithm.parameterAsString(parameters, "XY_QUALITY", context).split(",")
         if v.strip()])
    for line in geocode.summary_text(geocode.summary(rows, located)):
        feedback.pushInfo("Localisation " + line)
    return frame, roles, rows, located
