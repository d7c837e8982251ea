"""The programmation's forms, styles and project: the operations' and notes' forms from
forms/*.json saved as default styles, and the project « Programmation OSP » stored in the
GeoPackage with the relation operations → avancement (the operations' « Avancement » tab
lists the notes; the list shows the latest note's date)."""
import os

from qgis.core import (
    QgsAttributeEditorRelation,
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsMapLayer,
    QgsPathResolver,
    QgsProject,
    QgsReferencedRectangle,
    QgsRelation,
    QgsRelationContext,
)

from ...osp_qgis import fields as field_names
from ...osp_qgis import forms as osp_forms
from ...osp_qgis.programmation import finance, model
from ...osp_qgis.reference import resource_path
from ..common import layer_styles, qt_compat
from ..common.forms_qgis import apply_form
from ..common.territory_layers import form_tables
from .target import CITES, COMMUNES, CRS, PROJECT_NAME, RELATION_ID, StoreError

OPERATIONS_STYLE = "operations.qml"   # symbology by status (tools/build_styles.py)


def _form_tables(cites):
    tables = form_tables()
    tables["cites"] = [{k: c.get(k) for k in ("id_cite", "nom", "communes")} for c in cites or ()]
    return tables


def _save_default_style(layer, name, keep_existing=False):
    error = layer_styles.save(layer, name, "Formulaire OSP ERBM", True, keep_existing)
    if error:
        raise StoreError("Style non enregistré : %s." % error)


# the programmation's tables, their titles and their default style's name
TABLES = ((model.OPERATIONS, "Opérations de la programmation", "OSP – opérations"),
          (model.AVANCEMENT, "Avancement des opérations", "OSP – avancement"),
          (finance.FINANCEMENTS, "Plan de financement", "OSP – financements"),
          (finance.VERSEMENTS, "Versements", "OSP – versements"))
# child table -> (relation id, its name in the operations' form)
RELATIONS = {model.AVANCEMENT: (RELATION_ID, "Avancement"),
             finance.FINANCEMENTS: ("financements_operation", "Plan de financement"),
             finance.VERSEMENTS: ("versements_operation", "Versements")}


def styled_layers(target, cites=None):
    """``{table: layer}`` of the programmation with their forms (value lists from
    ``cites``); the financial tables when the programmation has them."""
    tables = _form_tables(cites)
    out = {}
    for table, title, _ in TABLES:
        layer = target.layer(table, title)
        if not layer.isValid():
            if table in (finance.FINANCEMENTS, finance.VERSEMENTS):
                continue     # a programmation written before the financial follow-up
            raise StoreError("Tables de la programmation illisibles dans %s." % target.label)
        apply_form(layer, osp_forms.form(table), tables)
        out[table] = layer
    out[model.OPERATIONS].loadNamedStyle(resource_path("styles", OPERATIONS_STYLE),
                                         categories=QgsMapLayer.StyleCategory.Symbology
                                         | QgsMapLayer.StyleCategory.Labeling)
    return out


def save_styles(target, cites=None, keep_existing=False):
    """The forms and styles as the tables' default styles (``keep_existing``: a stored one
    is left as it is — its id and the DDTM's edits)."""
    layers = styled_layers(target, cites)
    for table, _, name in TABLES:
        layer = layers.get(table)
        if layer is not None and layer.dataProvider().isSaveAndLoadStyleToDatabaseSupported():
            _save_default_style(layer, name, keep_existing)


def project_with_relation(target, cites=None):
    """A QGIS project with both layers, the relation operations → avancement, the
    operations' form with its « Avancement » tab, and the latest note's date as a field
    of the list."""
    project = QgsProject()
    layers = styled_layers(target, cites)
    operations = layers[model.OPERATIONS]
    names = _name_layers(target)
    project.addMapLayers(list(layers.values()) + names)
    _add_name_fields(operations, names)
    project.setCrs(QgsCoordinateReferenceSystem(CRS))
    extent = _view_extent(operations, names)
    if extent is not None:
        project.viewSettings().setDefaultViewExtent(
            QgsReferencedRectangle(extent, QgsCoordinateReferenceSystem(CRS)))
    relations = {}
    for table, (relation_id, name) in RELATIONS.items():
        if table not in layers:
            continue
        relation = QgsRelation(QgsRelationContext(project))  # not QgsProject.instance()'s
        relation.setId(relation_id)
        relation.setName(name)
        relation.setReferencedLayer(operations.id())
        relation.setReferencingLayer(layers[table].id())
        relation.addFieldPair("id_op", "id_op")
        if not relation.isValid():
            raise StoreError("Relation opérations → %s invalide dans %s." % (table,
                                                                             target.label))
        project.relationManager().addRelation(relation)
        relations[table] = relation
    apply_form(operations, osp_forms.form(model.OPERATIONS), _form_tables(cites), relations)
    operations.addExpressionField(
        "relation_aggregate('%s', 'max', \"date\")" % RELATION_ID,
        QgsField("derniere_note", qt_compat.DATE))
    operations.setFieldAlias(operations.fields().indexOf("derniere_note"), "Dernier avancement")
    _bind_relation_editors(operations, project)
    return project


def _name_layers(target):
    """The cités and the communes of the programmation (names for the operations' form);
    absent tables are left out."""
    out = []
    for table, title in ((CITES, "Cités"), (COMMUNES, "Communes")):
        layer = target.layer(table, title)
        if layer.isValid():
            out.append(layer)
    return out


NAMES_EXPRESSION = ("aggregate(layer:='{layer}', aggregate:='concatenate', expression:=\"nom\", "
                    "filter:=array_contains(string_to_array(attribute(@parent, '{field}'), ','), "
                    "to_string(\"{key}\")), concatenator:=', ')")


def _add_name_fields(operations, name_layers):
    """``cites_noms`` and ``communes_noms``: the names behind the operation's codes, read in
    the cités and communes tables of the same file (the Identité tab shows names)."""
    keys = {"Cités": ("cites", "id_cite", "cites_noms"),
            "Communes": ("communes", "insee", "communes_noms")}
    for layer in name_layers:
        field, key, name = keys[layer.name()]
        operations.addExpressionField(NAMES_EXPRESSION.format(layer=layer.id(), field=field,
                                                              key=key),
                                      QgsField(name, qt_compat.STRING))
        operations.setFieldAlias(operations.fields().indexOf(name),
                                 field_names.alias(name, model.OPERATIONS))


def _view_extent(operations, name_layers):
    """Where the project opens: the operations (else the cités), a little margin."""
    for layer in [operations] + [l for l in name_layers if l.name() == "Cités"]:
        extent = layer.extent()
        if layer.featureCount() and not extent.isEmpty() and extent.width() > 0:
            return extent.buffered(max(extent.width(), extent.height()) * 0.05)
    return None


def _bind_relation_editors(layer, project):
    """Resolve the form's relation editors against ``project``: setting a layer's form
    resolves them against QgsProject.instance() (the user's project in desktop QGIS, which
    does not hold this relation), and QGIS 3.22 writes an unresolved editor without its
    relation.  The layer's form is changed in place (its elements are shared)."""
    pending = [layer.editFormConfig().invisibleRootContainer()]
    found = 0
    while pending:
        element = pending.pop()
        if isinstance(element, QgsAttributeEditorRelation):
            if not element.init(project.relationManager()):
                raise StoreError("Relation « %s » introuvable pour le formulaire."
                                 % element.name())
            found += 1
        elif hasattr(element, "children"):
            pending.extend(element.children())
    return found


def save_project(target, cites=None, stored_path=None):
    """The project « Programmation OSP » stored in the GeoPackage (Projet › Ouvrir depuis
    › GeoPackage).  ``stored_path``: the file the layers will be read from once the
    working copy ``target`` replaces it (the project names it relative to itself)."""
    if target.kind != "gpkg":
        return
    project = project_with_relation(target, cites)
    uri = "geopackage:%s?projectName=%s" % (target.path, PROJECT_NAME.replace(" ", "%20"))
    working, final = os.path.abspath(target.path), os.path.abspath(stored_path or target.path)

    def final_path(path):
        return final + path[len(working):] if path.startswith(working) else path

    writer = QgsPathResolver.setPathWriter(final_path)
    try:
        written = project.write(uri)
    finally:
        QgsPathResolver.removePathWriter(writer)
    if not written:
        raise StoreError("Projet QGIS non enregistré dans « %s »." % target.label)
