"""QGIS side of the social-stock module: reading RPLS files and layers, BAN addresses,
commune points, coordinate transforms and zone membership (point in polygon)."""
import os

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeatureRequest,
                       QgsGeometry, QgsPointXY, QgsProcessingException, QgsProject,
                       QgsSpatialIndex, QgsVectorLayer, QgsWkbTypes)

from ...osp_qgis.parc_social import geocode, rpls
from ...osp_qgis.sheets.raw import RawSheet, SheetError, read_sheet
from ..common import qgis_io
from ..fichiers_fonciers.locaux_io import commune_geometries

LAMBERT93 = QgsCoordinateReferenceSystem("EPSG:2154")
NAME_FIELDS = ("nom", "libelle", "name", "nom_com", "libgeo", "nom_qp", "lib_qp", "nom_cite",
               "code")
CODE_FIELDS = ("code", "code_qp", "code_quartier", "id_cite", "insee", "code_insee",
               "insee_com", "codgeo", "siren", "id", "fid")


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


def read_ops(path, rows, survey_year=None):
    """The OPS file → canonical households with ``rpls_row`` (their RPLS row, NaN when
    none). French errors."""
    from ...osp_qgis.parc_social import ops
    try:
        frame, roles = ops.ops_frame(sheet_rows(path, ops.has_ops_header),
                                     os.path.basename(path))
    except ops.OpsError as error:
        raise QgsProcessingException(str(error))
    households = ops.canonical(frame, roles, survey_year)
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


COMMUNE_MARGIN = 200.0     # metres around a commune's polygon where its points may lie
BAN_MARGIN = 1000.0        # around the box of its BAN addresses, without polygons


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
        from ..fichiers_fonciers.locaux_io import commune_geometries
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


def count_rule_labels(layer):
    """The legend of a rule-based choropleth with the number of zones of each class:
    « 20 à 25 % (12) »."""
    from qgis.core import QgsExpression, QgsFeatureRequest as Request, QgsRuleBasedRenderer
    renderer = layer.renderer()
    if not isinstance(renderer, QgsRuleBasedRenderer):
        return
    for rule in renderer.rootRule().children():
        request = Request(QgsExpression(rule.filterExpression())).setFlags(
            Request.Flag.NoGeometry).setNoAttributes()
        count = sum(1 for _ in layer.getFeatures(request))
        rule.setLabel("%s (%d)" % (rule.label(), count))


def choropleth_styles(layer, styles, default, aliases):
    """``[(name, qml text, is default)]``: each of ``styles`` (files of resources/styles) whose
    field ``layer`` has, with French aliases and the class counts of ``layer``'s features."""
    from qgis.PyQt.QtXml import QDomDocument

    from ...osp_qgis.reference import resource_path
    names = {f.name() for f in layer.fields()}
    out = []
    for qml in sorted(styles, key=lambda name: name != default):
        field = os.path.splitext(qml)[0].replace("parc_social_", "")
        if field not in names:
            continue
        layer.loadNamedStyle(resource_path("styles", qml))
        for name, text in aliases.items():
            index = layer.fields().indexOf(name)
            if index >= 0:
                layer.setFieldAlias(index, text)
        count_rule_labels(layer)
        document = QDomDocument()
        layer.exportNamedStyle(document)
        out.append(("OSP %s" % field[:25], document.toString(), qml == default))
    return out


LAYER_STYLES = """CREATE TABLE IF NOT EXISTS layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256),
    f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256),
    styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN,
    description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT
    (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"""


def store_styles(path, table, styles, geometry_column="geom"):
    """Styles into the GeoPackage's ``layer_styles`` (the table QGIS reads its default
    style from), written with SQLite: no QGIS connection stays open on the file."""
    import sqlite3
    with sqlite3.connect(path) as db:
        db.execute(LAYER_STYLES)
        db.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier) "
                   "VALUES ('layer_styles', 'attributes', 'layer_styles')")
        db.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName IN (%s)"
                   % ",".join("?" * len(styles)), [table] + [name for name, _, _ in styles])
        db.executemany(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
            "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
            "owner, ui) VALUES ('', '', ?, ?, ?, ?, '', ?, ?, '', '')",
            [(table, geometry_column, name, qml, 1 if default else 0,
              "Carte OSP ERBM") for name, qml, default in styles])
    db.close()


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
