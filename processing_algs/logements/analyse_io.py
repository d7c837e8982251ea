"""QGIS side of the « Analyse au logement par bailleur » layer: the territory layers'
field names, the OSP style and form, the tables stored beside the dwellings, and the
GeoPackage written atomically (a failed run leaves the previous file byte-identical).
Point-in-polygon lookups: :mod:`.polygon_lookup`."""
import os

from qgis.core import (QgsCoordinateTransformContext, QgsFeature, QgsField, QgsFields,
                       QgsGeometry, QgsMapLayer, QgsProject, QgsVectorFileWriter, QgsVectorLayer,
                       QgsWkbTypes)
from ..common import layer_styles, qt_compat

from ...osp_qgis.logements import analyse
from ...osp_qgis import forms as osp_forms
from ...osp_qgis.reference import resource_path
from ..common.forms_qgis import apply_form
from ..common.qgis_io import field_index, null_empty_geometries
from ..common.records_io import (RecordColumns, memory_layer, python_value, read_records, records_layer)

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
    from ...osp_qgis.territory import Territory, short_epci_name
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


def apply_osp_style(layer, tables=None):
    """Load the OSP style and form into ``layer``; the form's lists of EPCI and cités
    become value maps built from ``tables`` (see :func:`form_tables`), plain text
    fields when a table is missing.  Returns an error message or ''."""
    message, ok = layer.loadNamedStyle(resource_path("styles", DEFAULT_STYLE))
    if not ok:
        return message
    apply_form(layer, osp_forms.form(analyse.LAYER_NAME), tables)
    return ""


def save_styles_in_database(layer, keep_existing=False):
    """The layer's current style and form as the default style in ``layer_styles``
    (GeoPackage or PostGIS), and the alternative symbologies beside it; saving again
    replaces them (or, with ``keep_existing``, leaves the stored ones as they are)."""
    error = layer_styles.save(layer, DEFAULT_STYLE_NAME, "Style et formulaire OSP ERBM", True,
                              keep_existing)
    if error:
        return error
    default_xml = _style_xml(layer)
    for qml, name in ALTERNATIVE_STYLES:
        layer.loadNamedStyle(resource_path("styles", qml),
                             QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling)
        error = layer_styles.save(layer, name, "Variante de symbologie OSP ERBM", False,
                                  keep_existing)
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
    return layer_styles.save(layer, "OSP – " + os.path.splitext(qml)[0], "Style OSP ERBM", True)


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
    from ...osp_qgis.storage import gpkg_write, sqlplan
    names = [name for name, _, _ in analyse.FIELDS]
    try:
        gpkg_write.bulk_insert_points(path, table, names, RecordColumns(records))
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
    from ...osp_qgis.ids import IdError, normalise_year
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
