"""The indicator tables' choropleth styles: class counts in the legend, French aliases, stored
as the GeoPackage's default styles (SQLite: no QGIS connection left open on the file)."""
import os
import sqlite3

from qgis.core import (
    QgsExpression,
    QgsRuleBasedRenderer,
)
from qgis.core import QgsFeatureRequest as Request
from qgis.PyQt.QtXml import QDomDocument

from ...osp_qgis.reference import resource_path


def count_rule_labels(layer):
    """The legend of a rule-based choropleth with the number of zones of each class:
    « 20 à 25 % (12) »."""
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
