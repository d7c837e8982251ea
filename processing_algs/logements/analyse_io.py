"""QGIS side of the « Analyse au logement par bailleur » layer: the territory layers'
field names, the OSP style and form, the tables stored beside the dwellings, and the
GeoPackage written atomically (a failed run leaves the previous file byte-identical).
Point-in-polygon lookups: :mod:`.polygon_lookup`."""
import datetime

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsProject,
    QgsWkbTypes,
)
from qgis.PyQt.QtXml import QDomDocument

from ...osp_qgis import forms as osp_forms
from ...osp_qgis.logements import analyse
from ...osp_qgis.reference import resource_path
from ..common import layer_styles, qt_compat
from ..common.forms_qgis import apply_form
from ..common.records_io import memory_layer, python_value
from ..common.territory_layers import CITES_TABLE, EPCI_TABLE

DEFAULT_STYLE = "analyse_logement.qml"
ALTERNATIVE_STYLES = (("analyse_logement_type_palu.qml", "OSP – par type PALULOS"),
                      ("analyse_logement_annee.qml", "OSP – par année de financement"))
DEFAULT_STYLE_NAME = "OSP – par bailleur (défaut)"


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


def _style_xml(layer):
    document = QDomDocument()
    layer.exportNamedStyle(document)
    return document


def _restore_style_xml(layer, document):
    layer.importNamedStyle(document)


def now():
    return datetime.datetime.now().replace(microsecond=0)


def is_compatible(layer):
    """A layer the OSP form can be applied to: a vector layer with the key fields."""
    if layer is None or layer.type() != qt_compat.VECTOR_LAYER:
        return False
    names = {n.lower() for n in layer.fields().names()}
    return {"ident_rep", "idpar", "bailleur", "type_palu"} <= names


