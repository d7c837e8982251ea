"""What the helper scripts report about a layer's form, alike (imported by the scripts of
this folder, which run in a QGIS process without the plugin)."""
from qgis.core import QgsFieldConstraints


def widgets(layer):
    return {f.name(): layer.editorWidgetSetup(i).type() for i, f in enumerate(layer.fields())}


def aliases(layer):
    return {f.name(): layer.attributeDisplayName(i) for i, f in enumerate(layer.fields())}


def constraints(layer):
    """``{field: {"expression", "description", "hard"}}`` of the expression constraints."""
    out = {}
    for f in layer.fields():
        c = f.constraints()
        if c.constraintExpression():
            out[f.name()] = {
                "expression": c.constraintExpression(), "description": c.constraintDescription(),
                "hard": c.constraintStrength(QgsFieldConstraints.ConstraintExpression)
                == QgsFieldConstraints.ConstraintStrengthHard}
    return out
