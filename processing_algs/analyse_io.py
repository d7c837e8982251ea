"""QGIS side of the « Analyse au logement par bailleur » layer: reading territory
layers, point-in-polygon lookups, the OSP style and form, and the GeoPackage
written atomically (a failed run leaves the previous file byte-identical)."""
import os

from qgis.core import (QgsCoordinateTransform, QgsCoordinateTransformContext, QgsFeature,
                       QgsFeatureRequest, QgsField, QgsFields, QgsGeometry, QgsMapLayer,
                       QgsProject, QgsSpatialIndex, QgsVectorFileWriter, QgsVectorLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from . import qt_compat

from ..osp_qgis import analyse
from ..osp_qgis import forms as osp_forms
from ..osp_qgis.reference import resource_path
from .forms_qgis import apply_form
from .qgis_io import field_index, null_empty_geometries

QTYPES = {"string": qt_compat.STRING, "int": qt_compat.INT, "date": qt_compat.DATE,
          "datetime": qt_compat.DATETIME}
DEFAULT_STYLE = "analyse_logement.qml"
ALTERNATIVE_STYLES = (("analyse_logement_type_palu.qml", "OSP – par type PALULOS"),
                      ("analyse_logement_annee.qml", "OSP – par année de financement"))
DEFAULT_STYLE_NAME = "OSP – par bailleur (défaut)"
CITES_TABLE = "cites"
EPCI_TABLE = "epci"
COMMUNE_ID_FIELDS = ("insee", "code_insee", "insee_com", "codgeo", "code", "idcom", "depcom")
NAME_FIELDS = ("nom", "nom_com", "libelle", "name", "nom_commune")
EPCI_ID_FIELDS = ("siren", "code_siren", "epci_siren", "siren_epci")
EPCI_NAME_FIELDS = ("nom", "epci_nom", "nom_epci", "name", "libelle")
EPCI_SIGLE_FIELDS = ("sigle", "epci_sigle")
CITE_ID_FIELDS = ("id_cite", "id_lsm", "idcite", "id")
CITE_NAME_FIELDS = ("nom", "nom_cite", "name", "libelle")
CITE_COMMUNE_FIELDS = ("insee", "code_insee", "idcom")
CITE_COMMUNE_NAME_FIELDS = ("commune_1", "commune_2", "commune_3", "commune")


def analyse_fields():
    fields = QgsFields()
    for name, kind, alias in analyse.FIELDS:
        f = QgsField(name, QTYPES[kind])
        f.setAlias(alias)
        fields.append(f)
    return fields


def geometry_key(geometry):
    """Where a point is, as the same text the form's default-value expression computes
    (``geom_to_wkt($geometry, 6)``); ``None`` without geometry."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    return geometry.asWkt(6)


def python_value(value):
    """QVariant-ish values as plain Python (NULL -> None, QDate -> date…)."""
    if value is None:
        return None
    if isinstance(value, QVariant) and value.isNull():
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, QDate):
        return value.toPyDate()
    if isinstance(value, QDateTime):
        return value.toPyDateTime()
    return value


def parse_date(value):
    import datetime
    value = python_value(value)
    if value is None or isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%Y/%m/%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    return None


UNIQUE_TEXT = {"ident_rep", "ident_int", "idlocal", "idpar", "idlocal_ini", "idpar_ini",
               "num_rpls_ini", "num_esti_ini", "id_osp"}


def read_records(layer, feedback=None, extra=(), names=None, geometry=True):
    """Features of a dwellings layer as ``{"values", "geometry"}`` records with the
    analyse fields it has (case-insensitive), dates parsed, everything else left out
    but the ``extra`` ``(name, type)`` fields; ``names`` restricts the fields read and
    ``geometry=False`` skips geometries (faster on large layers)."""
    kinds = {name: kind for name, kind, _ in analyse.FIELDS}
    kinds.update(dict(extra))
    if names is not None:
        kinds = {k: v for k, v in kinds.items() if k in names}
    wanted = {name: field_index(layer, name) for name in kinds}
    wanted = {k: v for k, v in wanted.items() if v >= 0}
    request = QgsFeatureRequest().setSubsetOfAttributes(sorted(wanted.values()))
    if not geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    plan = [(name, index, kinds[name]) for name, index in wanted.items()]
    records = []
    plain = {"string": str, "int": int}
    # repeated texts (EPCI, landlord, commune, cité…) share one string object: a large
    # layer holds each distinct value once, not once per dwelling
    shared = {name: {} for name, _, kind in plan if kind == "string" and name not in UNIQUE_TEXT}
    for n, feature in enumerate(layer.getFeatures(request)):
        attributes = feature.attributes()
        values = {}
        for name, index, kind in plan:
            value = attributes[index]
            if value.__class__ is plain.get(kind):
                if name in shared:
                    value = shared[name].setdefault(value, value)
                values[name] = value  # the usual case: already the right Python type
                continue
            value = python_value(value)
            if kind == "date":
                value = parse_date(value)
            elif kind == "int" and value is not None:
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    value = None
            elif kind == "string" and value is not None:
                value = str(value)
            values[name] = value
        shape = QgsGeometry(feature.geometry()) if geometry and feature.hasGeometry() else None
        records.append({"values": values, "geometry": shape})
        if n % 10000 == 0 and feedback is not None and feedback.isCanceled():
            break
    return records


class PolygonLookup:
    """Which polygons of a layer contain a point (given in ``points_crs``)."""

    def __init__(self, layer, attribute_indexes, points_crs):
        self.layer = layer
        self.transform = QgsCoordinateTransform(points_crs, layer.crs(), QgsProject.instance())
        self.index = QgsSpatialIndex()
        self.items, self.areas = {}, {}
        request = QgsFeatureRequest().setSubsetOfAttributes(
            [i for i in attribute_indexes if i >= 0])
        for feature in layer.getFeatures(request):
            if not feature.hasGeometry():
                continue
            geometry = QgsGeometry(feature.geometry())
            self.index.addFeature(feature)
            self.items[feature.id()] = (geometry, [python_value(feature[i]) if i >= 0 else None
                                                   for i in attribute_indexes], None)
            self.areas[feature.id()] = geometry.area()

    def containing(self, point):
        if point is None or point.isNull() or point.isEmpty():
            return []
        local = QgsGeometry(point)
        local.transform(self.transform)
        found = []
        for fid in self.index.intersects(local.boundingBox()):
            geometry, attrs, engine = self.items[fid]
            if engine is None:
                engine = QgsGeometry.createGeometryEngine(geometry.constGet())
                engine.prepareGeometry()
                self.items[fid] = (geometry, attrs, engine)
            if engine.intersects(local.constGet()):
                found.append((self.areas[fid], attrs))
        found.sort(key=lambda item: item[0])  # the smallest polygon first
        return [attrs for _, attrs in found]


def memory_layer(fields, wkb_type, crs, name):
    """A memory layer of ``fields`` (QgsFields or a list of QgsField)."""
    geometry = QgsWkbTypes.displayString(wkb_type) if wkb_type != QgsWkbTypes.Type.NoGeometry \
        else "None"
    uri = "%s?crs=%s" % (geometry, crs.authid() or "EPSG:2154") if geometry != "None" else "None"
    layer = QgsVectorLayer(uri, name, "memory")
    if crs.isValid() and geometry != "None":
        layer.setCrs(crs)
    layer.dataProvider().addAttributes(fields.toList() if isinstance(fields, QgsFields)
                                       else list(fields))
    layer.updateFields()
    return layer


def to_variant(value, kind):
    if value is None:
        return None
    if kind == "date":
        return QDate(value.year, value.month, value.day)
    if kind == "datetime":
        return QDateTime(value) if not isinstance(value, QDateTime) else value
    return value


def gpkg_value(value, kind):
    """A record's value as GDAL stores it in a GeoPackage (dates as ISO text)."""
    if value is None:
        return None
    if kind == "date":
        return value.isoformat()[:10]
    if kind == "datetime":
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (value.microsecond // 1000)
    return value


def gpkg_rows(records):
    """``(attribute tuple, (x, y) or None)`` of ``records`` in the analyse fields' order,
    ready for :func:`gpkg_write.bulk_insert_points`."""
    plan = [(name, kind) for name, kind, _ in analyse.FIELDS]
    dated = [i for i, (_, kind) in enumerate(plan) if kind in ("date", "datetime")]
    for record in records:
        values = record["values"]
        attributes = [values.get(name) for name, _ in plan]
        for i in dated:
            attributes[i] = gpkg_value(attributes[i], plan[i][1])
        geometry = record["geometry"]
        point = None
        if geometry is not None and not geometry.isEmpty():
            xy = geometry.asPoint()
            point = (xy.x(), xy.y())
        yield attributes, point


def records_layer(records, crs):
    """A memory layer of the analyse fields holding ``records`` (``[]``: the empty layer
    that creates the table before a bulk insert)."""
    fields = analyse_fields()
    layer = memory_layer(fields, QgsWkbTypes.Type.Point, crs, analyse.LAYER_TITLE)
    kinds = [kind for _, kind, _ in analyse.FIELDS]
    features = []
    for record in records:
        feature = QgsFeature(fields)
        feature.setAttributes([to_variant(record["values"].get(name), kind)
                               for (name, _, _), kind in zip(analyse.FIELDS, kinds)])
        if record["geometry"] is not None and not record["geometry"].isEmpty():
            feature.setGeometry(record["geometry"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def cites_table_layer(cites, id_index, name_index, communes_of=None):
    """The cités as written into the GeoPackage: ``id_cite``, ``nom``, ``communes`` (the
    names of their communes, so that two « Cité Barrois » read apart) + polygon.
    ``communes_of(feature)`` gives those names."""
    fields = QgsFields()
    fields.append(QgsField("id_cite", qt_compat.INT))
    fields.append(QgsField("nom", qt_compat.STRING))
    fields.append(QgsField("communes", qt_compat.STRING))
    layer = memory_layer(fields, QgsWkbTypes.Type.MultiPolygon, cites.crs(), CITES_TABLE)
    features = []
    for source in cites.getFeatures():
        feature = QgsFeature(fields)
        feature.setAttributes([python_value(source[id_index]), python_value(source[name_index]),
                               communes_of(source) if communes_of is not None else None])
        geometry = QgsGeometry(source.geometry())
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def epci_table_layer(choices):
    fields = QgsFields()
    fields.append(QgsField("code", qt_compat.STRING))
    fields.append(QgsField("nom", qt_compat.STRING))
    layer = memory_layer(fields, QgsWkbTypes.Type.NoGeometry, QgsProject.instance().crs(), EPCI_TABLE)
    features = []
    for code, nom in choices:
        feature = QgsFeature(fields)
        feature.setAttributes([code, nom])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def table_rows(layer, names):
    """``[{name: value}]`` of a small table (value lists of the form)."""
    indexes = {name: field_index(layer, name) for name in names}
    return [{name: python_value(feature[i]) if i >= 0 else None for name, i in indexes.items()}
            for feature in layer.getFeatures()]


def form_tables(epci_choices=None, cites=None):
    """The rows behind the form's ``table:epci`` and ``table:cites`` value lists, from
    EPCI choices ``[(code, nom)]`` (default: the reference tables) and a cités layer
    (``id_cite``, ``nom``, ``communes``)."""
    from ..osp_qgis.territory import Territory
    if epci_choices is None:
        epci_choices = Territory.from_reference().epci_choices()
    tables = {"epci": [{"code": code, "nom": nom,
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


def apply_osp_style(layer, tables=None):
    """Load the OSP style and form into ``layer``; the form's lists of EPCI and cités
    become value maps built from ``tables`` (see :func:`form_tables`), plain text
    fields when a table is missing.  Returns an error message or ''."""
    message, ok = layer.loadNamedStyle(resource_path("styles", DEFAULT_STYLE))
    if not ok:
        return message
    apply_form(layer, osp_forms.form(analyse.LAYER_NAME), tables)
    return ""


def _delete_styles_named(layer, names):
    """QGIS 3.22 asks « overwrite? » in a modal box when a style name exists (it would
    hang headless): remove ours first, the others are left alone."""
    count, ids, styles, _, _ = layer.listStylesInDatabase()
    for style_id, name in zip(ids, styles):
        if name in names:
            layer.deleteStyleFromDatabase(style_id)


def save_styles_in_database(layer):
    """The layer's current style and form as the default style in ``layer_styles``
    (GeoPackage or PostGIS), and the alternative symbologies beside it; saving again
    replaces them."""
    _delete_styles_named(layer, {DEFAULT_STYLE_NAME} | {n for _, n in ALTERNATIVE_STYLES})
    error = layer.saveStyleToDatabase(DEFAULT_STYLE_NAME, "Style et formulaire OSP ERBM",
                                      True, "")
    if error:
        return error
    default_xml = _style_xml(layer)
    for qml, name in ALTERNATIVE_STYLES:
        layer.loadNamedStyle(resource_path("styles", qml),
                             QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling)
        error = layer.saveStyleToDatabase(name, "Variante de symbologie OSP ERBM", False, "")
        if error:
            return error
    _restore_style_xml(layer, default_xml)
    return ""


def save_default_style(uri, qml, aliases=None):
    """``resources/styles/<qml>`` as the default style of a GeoPackage table, with the
    French field ``aliases`` ``{name: alias}`` when given (opened anywhere, the table shows
    them)."""
    layer = QgsVectorLayer(uri, "style", "ogr")
    message, ok = layer.loadNamedStyle(resource_path("styles", qml))
    if not ok:
        return message
    for field, text in (aliases or {}).items():
        index = layer.fields().indexOf(field)
        if index >= 0:
            layer.setFieldAlias(index, text)
    name = "OSP – " + os.path.splitext(qml)[0]
    _delete_styles_named(layer, {name})
    return layer.saveStyleToDatabase(name, "Style OSP ERBM", True, "")


def _style_xml(layer):
    from qgis.PyQt.QtXml import QDomDocument
    document = QDomDocument()
    layer.exportNamedStyle(document)
    return document


def _restore_style_xml(layer, document):
    layer.importNamedStyle(document)


def write_layers(path, layers, finish=None, context=None, bulk=None):
    """Write ``[(memory layer, table name)]`` into the GeoPackage ``path`` (other tables
    kept), store no-geometry as NULL, then run ``finish(path)`` (styles).  ``bulk``:
    ``(table, records)`` appended in one SQLite transaction to that table once GDAL has
    created it (from its empty layer in ``layers``).  An ``IOError`` in French when GDAL
    cannot write."""
    transform_context = context.transformContext() if context is not None \
        else QgsCoordinateTransformContext()
    for layer, table in layers:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
                                        if os.path.exists(path)
                                        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, path, transform_context, options)
        if error != QgsVectorFileWriter.WriterError.NoError:
            raise IOError("table %s : %s" % (table, message))
    if bulk is not None:
        _bulk_records(path, *bulk)
    for _, table in layers:
        null_empty_geometries("%s|layername=%s" % (path, table))
    if finish is not None:
        finish(path)


def _bulk_records(path, table, records):
    """The analyse records appended in bulk (SpatiaLite), or by QGIS's provider when
    SpatiaLite cannot be loaded."""
    import sqlite3
    from ..osp_qgis import gpkg_write, sqlplan
    names = [name for name, _, _ in analyse.FIELDS]
    try:
        gpkg_write.bulk_insert_points(path, table, names, gpkg_rows(records))
        return
    except sqlplan.PlanError:
        pass
    except sqlite3.Error as error:
        raise IOError("table %s : %s" % (table, error))
    layer = QgsVectorLayer("%s|layername=%s" % (path, table), table, "ogr")
    source = records_layer(records, layer.crs())
    if not layer.dataProvider().addFeatures(list(source.getFeatures())):
        raise IOError("table %s : %s" % (table, layer.dataProvider().lastError()))


def read_table(path, table):
    """Records of ``table`` in the GeoPackage ``path`` (``[]`` when it has no such table);
    the layer is released before returning, so that the file can be written."""
    layer = QgsVectorLayer("%s|layername=%s" % (path, table), "existant", "ogr")
    try:
        return read_records(layer) if layer.isValid() else []
    finally:
        del layer


def now():
    import datetime
    return datetime.datetime.now().replace(microsecond=0)


def is_compatible(layer):
    """A layer the OSP form can be applied to: a vector layer with the key fields."""
    if layer is None or layer.type() != qt_compat.VECTOR_LAYER:
        return False
    names = {n.lower() for n in layer.fields().names()}
    return {"ident_rep", "idpar", "bailleur", "type_palu"} <= names



DECISION_FIELDS = {"num_decision": ("num_decision", "decision", "n_decision", "numero_decision"),
                   "annee": ("annee", "annee_financ", "millesime"),
                   "bailleur": ("bailleur",),
                   "nb": ("nb_logements_finances", "nb_logements", "logements_finances", "nb")}


def financed_count(value):
    """The number of dwellings a decision financed: an integer, ``None`` when empty,
    ``False`` when unreadable (« 12 logts », « abc »)."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and value >= 0 else False
    text = str(value).strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if text.isascii() and text.isdigit():
        return int(text)
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return False
    return int(number) if number.is_integer() and number >= 0 else False


def read_decisions(layer, warn):
    """``{num_decision: {"nb", "annee", "bailleur"}}`` of a decisions table; an unreadable
    count is said through ``warn(French text)`` and kept as unknown; a table without the
    needed fields is a ``ValueError`` in French."""
    from ..osp_qgis.ids import IdError, normalise_year
    if layer is None:
        return {}
    idx = {k: field_index(layer, *names) for k, names in DECISION_FIELDS.items()}
    if idx["num_decision"] < 0 or idx["nb"] < 0:
        raise ValueError("La table des décisions « %s » doit avoir les champs num_decision et "
                         "nb_logements_finances." % layer.name())
    out = {}
    for line, feature in enumerate(layer.getFeatures(), start=2):
        number = python_value(feature[idx["num_decision"]])
        if number in (None, ""):
            continue
        value = lambda k: python_value(feature[idx[k]]) if idx[k] >= 0 else None
        try:
            annee = normalise_year(str(value("annee") or ""))
        except IdError:
            annee = None
        count = financed_count(value("nb"))
        if count is False:
            warn("Décisions « %s », ligne %d (décision %s) : nombre de logements financés « %s » "
                 "illisible ; la décision est gardée sans nombre." % (layer.name(), line, number,
                                                                    value("nb")))
            count = None
        out[str(number).strip()] = {"nb": count, "annee": annee, "bailleur": value("bailleur")}
    return out
