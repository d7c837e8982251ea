"""A form of ``forms/`` applied to a QGIS layer: tabs, widgets, value maps, read-only
fields, constraints with their French message, defaults, aliases.

Value lists become value maps written into the layer's style: they resolve
without any other layer loaded, in desktop QGIS, QGIS Server or Lizmap, on any
machine (a value relation would point at a layer path of the machine that
built the file)."""
from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorRelation,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
)

from ...osp_qgis import fields as field_names
from ...osp_qgis import forms

DATE = {"field_format": "yyyy-MM-dd", "display_format": "dd/MM/yyyy", "calendar_popup": True,
        "allow_null": True}
DATETIME = {"field_format": "yyyy-MM-ddTHH:mm:ss", "display_format": "dd/MM/yyyy HH:mm",
            "calendar_popup": False, "allow_null": True}


def widget_setup(widget, tables=None):
    """The QGIS editor widget of one field's form entry (``None``: leave as it is)."""
    kind = widget["type"]
    if kind == "ValueMap":
        pairs = forms.value_pairs(widget["values"], tables)
        if pairs is None:
            return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False, "UseHtml": False})
        return QgsEditorWidgetSetup("ValueMap", {"map": [{text: value} for value, text in pairs]})
    if kind == "TextEdit":
        return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": bool(widget.get("multiline")),
                                                 "UseHtml": False})
    if kind == "Date":
        return QgsEditorWidgetSetup("DateTime", dict(DATE))
    if kind == "DateTime":
        return QgsEditorWidgetSetup("DateTime", dict(DATETIME))
    if kind == "CheckBox":
        return QgsEditorWidgetSetup("CheckBox", {"CheckedState": widget.get("checked", "oui"),
                                                 "UncheckedState": widget.get("unchecked", "non")})
    if kind == "Range":
        return QgsEditorWidgetSetup("Range", {"Min": widget.get("min", 0),
                                              "Max": widget.get("max", 2147483647),
                                              "Step": widget.get("step", 1),
                                              "AllowNull": True, "Style": "SpinBox"})
    return QgsEditorWidgetSetup(kind, {})


def _set_label_on_top(config, index, on_top):
    if hasattr(config, "setLabelOnTop"):  # QGIS 3.x; the label style moved in later releases
        config.setLabelOnTop(index, on_top)


def _container(tab, parent, index, relations):
    """A tab of the form: its fields, framed groups, relation editor and inner tabs."""
    container = QgsAttributeEditorContainer(tab["name"], parent)
    container.setIsGroupBox(False)
    for name in tab.get("fields", ()):
        if name in index:
            container.addChildElement(QgsAttributeEditorField(name, index[name], container))
    for group in tab.get("groups", ()):
        box = QgsAttributeEditorContainer(group["name"], container)
        box.setIsGroupBox(True)
        for name in group.get("fields", ()):
            if name in index:
                box.addChildElement(QgsAttributeEditorField(name, index[name], box))
        container.addChildElement(box)
    relation = (relations or {}).get(tab.get("relation"))
    if relation is not None:
        editor = QgsAttributeEditorRelation(relation, container)
        editor.setRelationWidgetTypeId("relation_editor")  # QGIS's own, in any install
        editor.setLabel(tab["name"])
        container.addChildElement(editor)
    for inner in tab.get("tabs", ()):       # tabs within a tab (the operation's money)
        container.addChildElement(_container(inner, container, index, relations))
    return container


def apply_form(layer, spec, tables=None, relations=None):
    """Configure ``layer``'s form from ``spec`` (see :mod:`osp_qgis.forms`).  ``tables``
    gives the rows of ``table:…`` value lists; ``relations`` maps a tab's relation name to
    a QgsRelation for relation editors.  Fields the layer lacks are skipped."""
    fields = layer.fields()
    index = {f.name(): i for i, f in enumerate(fields)}
    for name, i in index.items():
        if name in field_names.ALIASES or (spec["layer"], name) in field_names.LAYER_ALIASES:
            layer.setFieldAlias(i, field_names.alias(name, spec["layer"]))
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    root = config.invisibleRootContainer()
    root.clear()
    for tab in spec["tabs"]:
        if tab.get("optional") and not any(name in index for name in tab.get("fields", ())):
            continue   # e.g. « Historique »: only the shared base's tables have it
        root.addChildElement(_container(tab, root, index, relations))
    read_only = set(spec.get("read_only", ()))
    for name, i in index.items():
        config.setReadOnly(i, name in read_only)
        _set_label_on_top(config, i, bool(spec.get("labels_on_top")))
    layer.setEditFormConfig(config)
    for name, widget in spec.get("widgets", {}).items():
        if name in index:
            layer.setEditorWidgetSetup(index[name], widget_setup(widget, tables))
    for name, constraint in spec.get("constraints", {}).items():
        if name in index:
            layer.setConstraintExpression(index[name], constraint["expression"],
                                          constraint["message"])
            layer.setFieldConstraint(index[name], QgsFieldConstraints.Constraint.ConstraintExpression,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
    for name, default in spec.get("defaults", {}).items():
        if name in index:
            layer.setDefaultValueDefinition(index[name], QgsDefaultValue(
                default["expression"], bool(default.get("on_update"))))
    if spec.get("display_expression"):
        layer.setDisplayExpression(spec["display_expression"])
    return layer
