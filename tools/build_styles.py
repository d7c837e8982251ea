#!/usr/bin/python3
"""Regenerate the QML styles of the « Analyse au logement par bailleur » layer in
resources/styles/ from the reference tables (bailleurs, PALULOS types, sources).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/build_styles.py

The QML files are the data the plugin ships; this script documents how they are
made and rebuilds them when a reference table changes (a new landlord, say).

  analyse_logement.qml            default: categories by landlord, labels at large
                                  scales, the tabbed form, widgets, constraints, aliases
  analyse_logement_type_palu.qml  symbology by PALULOS type
  analyse_logement_annee.qml      symbology by financing year
"""
import os
import sys

from qgis.PyQt.QtGui import QColor

from qgis.core import (QgsApplication, QgsFillSymbol, QgsSingleSymbolRenderer, QgsAttributeEditorContainer, QgsAttributeEditorField,
                       QgsCategorizedSymbolRenderer, QgsDefaultValue, QgsEditFormConfig,
                       QgsEditorWidgetSetup, QgsFieldConstraints, QgsMapLayer, QgsMarkerSymbol,
                       QgsPalLayerSettings, QgsRendererCategory, QgsTextBufferSettings,
                       QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
from osp_qgis import analyse, reference  # noqa: E402
from osp_qgis.ids import PALULOS_TYPES  # noqa: E402

STYLES = os.path.join(REPO, "resources", "styles")
OTHER_COLOUR = "#9e9e9e"
PALU_COLOURS = {"Groupé": "#1a9850", "Isolé": "#fdae61", "Hors": "#4575b4"}
YEAR_RAMP = ("#fde725", "#b5de2b", "#6ece58", "#35b779", "#1f9e89", "#26828e", "#31688e",
             "#3e4989", "#482878", "#440154")
YEARS = range(2017, 2027)
TABS = (
    ("Identifiants", ("ident_rep", "ident_int", "idlocal", "idpar")),
    ("Programme", ("bailleur", "intitule", "type_palu", "num_decision", "annee_financ",
                   "date_os", "date_fin")),
    ("Localisation", ("dnvoiri", "dindic", "dvoilib", "idcom", "idcomtxt", "epci", "dep",
                      "geoloc_source", "geoloc_motif")),
    ("Cité", ("cite_ini", "id_cite", "nom_cite_1", "l_id_cite")),
    ("Suivi", ("info", "date_maj", "statut", "id_osp", "num_rpls_ini", "num_esti_ini")),
)
# (field, expression, French explanation shown when a value is refused)
CONSTRAINTS = (
    ("idpar", "\"idpar\" IS NULL OR regexp_match(\"idpar\", '^([0-9]{2}|2[AB])[0-9]{6}"
              "[0-9A-Z]{2}[0-9]{4}$')",
     "La parcelle (idpar) compte 14 caractères : commune (5), préfixe (3), section (2), "
     "numéro (4), par exemple 62498000AP0347."),
    ("ident_rep", "\"ident_rep\" IS NULL OR regexp_match(\"ident_rep\", '^[0-9]{10}$')",
     "L'identifiant RPLS compte exactement 10 chiffres, zéros de tête compris "
     "(par exemple 0044619057)."),
    ("idlocal", "\"idlocal\" IS NULL OR regexp_match(\"idlocal\", '^([0-9]{2}|2[AB])"
                "[0-9A-Z]{10}$')",
     "L'identifiant fiscal (idlocal) compte 12 caractères : département (2) et invariant (10)."),
    ("date_fin", "\"date_fin\" IS NULL OR \"date_os\" IS NULL OR \"date_fin\" >= \"date_os\"",
     "La date de fin des travaux ne peut pas précéder la date de l'ordre de service."),
    ("annee_financ", "\"annee_financ\" IS NULL OR (\"annee_financ\" >= 2000 AND "
                     "\"annee_financ\" <= 2040)",
     "L'année de financement doit être comprise entre 2000 et 2040."),
    ("type_palu", "\"type_palu\" IS NULL OR \"type_palu\" IN ('Groupé', 'Isolé', 'Hors')",
     "Le type PALULOS est Groupé, Isolé ou Hors."),
)
MOVED_BY_HAND = ("CASE WHEN \"geom_import\" IS NOT NULL AND $geometry IS NOT NULL "
                 "AND geom_to_wkt($geometry, 6) <> \"geom_import\" THEN 'manuel' "
                 "ELSE \"geoloc_source\" END")
QTYPES = {"string": "string", "int": "integer", "date": "date", "datetime": "datetime"}


def template_layer():
    spec = "&".join("field=%s:%s" % (name, QTYPES[kind]) for name, kind, _ in analyse.FIELDS)
    layer = QgsVectorLayer("Point?crs=EPSG:2154&" + spec, analyse.LAYER_TITLE, "memory")
    assert layer.isValid()
    return layer


def marker(colour, size="2.4"):
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour,
                                         "outline_color": "#ffffff", "outline_width": "0.3",
                                         "size": size})


def categorized(field, items):
    """``items`` = [(value, label, colour)]; an « Autre » class catches the rest."""
    categories = [QgsRendererCategory(v, marker(c), l) for v, l, c in items]
    categories.append(QgsRendererCategory("", marker(OTHER_COLOUR), "Autre / non renseigné"))
    return QgsCategorizedSymbolRenderer(field, categories)


def labels():
    settings = QgsPalLayerSettings()
    settings.fieldName = "ident_rep"
    settings.scaleVisibility = True
    settings.maximumScale = 1
    settings.minimumScale = 2500  # only at large scales (1:2 500 and closer)
    text = QgsTextFormat()
    text.setSize(8)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
    return QgsVectorLayerSimpleLabeling(settings)


def value_map(pairs):
    return QgsEditorWidgetSetup("ValueMap", {"map": [{label: value} for value, label in pairs]})


def configure_form(layer):
    fields = layer.fields()
    for name, _, alias in analyse.FIELDS:
        layer.setFieldAlias(fields.indexOf(name), alias)
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.TabLayout)
    root = config.invisibleRootContainer()
    root.clear()
    for title, names in TABS:
        tab = QgsAttributeEditorContainer(title, root)
        tab.setIsGroupBox(False)
        for name in names:
            tab.addChildElement(QgsAttributeEditorField(name, fields.indexOf(name), tab))
        root.addChildElement(tab)
    for name in analyse.DERIVED_FIELDS:
        config.setReadOnly(fields.indexOf(name), True)
    layer.setEditFormConfig(config)
    widgets = {
        "bailleur": value_map([(code, "%s (%s)" % (nom, code)) for code, nom, _ in
                               reference.bailleurs()]),
        "type_palu": value_map([(t, t) for t in PALULOS_TYPES]),
        "dep": value_map([(code, "%s – %s" % (code, nom))
                          for code, nom in reference.departements().items()]),
        "geoloc_source": value_map(reference.geoloc_sources()),
        # the layers are set by the plugin when it writes the GeoPackage
        "id_cite": QgsEditorWidgetSetup("ValueRelation", {
            "Layer": "", "LayerName": "cites", "Key": "id_cite", "Value": "nom",
            "AllowNull": True, "OrderByValue": True, "AllowMulti": False}),
        "epci": QgsEditorWidgetSetup("ValueRelation", {
            "Layer": "", "LayerName": "epci", "Key": "code", "Value": "nom",
            "AllowNull": True, "OrderByValue": True, "AllowMulti": False}),
        "info": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False}),
        "geom_import": QgsEditorWidgetSetup("Hidden", {}),
        # a year is typed, not scrolled to; the constraint below checks its range
        "annee_financ": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False}),
        "id_osp": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False}),
        "statut": value_map([(analyse.STATUT_PRESENT, "Présent au dernier envoi"),
                             (analyse.STATUT_ABSENT, "Absent du dernier envoi")]),
    }
    for name in ("date_os", "date_fin"):
        widgets[name] = QgsEditorWidgetSetup("DateTime", {
            "field_format": "yyyy-MM-dd", "display_format": "dd/MM/yyyy",
            "calendar_popup": True, "allow_null": True})
    widgets["date_maj"] = QgsEditorWidgetSetup("DateTime", {
        "field_format": "yyyy-MM-ddTHH:mm:ss", "display_format": "dd/MM/yyyy HH:mm",
        "calendar_popup": False, "allow_null": True})
    for name, setup in widgets.items():
        layer.setEditorWidgetSetup(fields.indexOf(name), setup)
    for name, expression, description in CONSTRAINTS:
        index = fields.indexOf(name)
        layer.setConstraintExpression(index, expression, description)
        layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintExpression,
                                 QgsFieldConstraints.ConstraintStrengthHard)
    layer.setDefaultValueDefinition(fields.indexOf("date_maj"), QgsDefaultValue("now()", True))
    layer.setDefaultValueDefinition(fields.indexOf("geoloc_source"),
                                    QgsDefaultValue(MOVED_BY_HAND, True))
    layer.setDisplayExpression("coalesce(\"ident_rep\", \"ident_int\") || ' – ' || "
                               "coalesce(\"idcomtxt\", \"idcom\", '')")


def main():
    app = QgsApplication([], False)
    app.initQgis()
    layer = template_layer()
    configure_form(layer)
    layer.setLabeling(labels())
    layer.setLabelsEnabled(True)
    layer.setRenderer(categorized("bailleur", [(code, nom, colour) for code, nom, colour
                                               in reference.bailleurs()]))
    layer.saveNamedStyle(os.path.join(STYLES, "analyse_logement.qml"))
    symbology = QgsMapLayer.Symbology | QgsMapLayer.Labeling
    layer.setRenderer(categorized("type_palu", [(t, t, PALU_COLOURS[t]) for t in PALULOS_TYPES]))
    layer.saveNamedStyle(os.path.join(STYLES, "analyse_logement_type_palu.qml"),
                         categories=symbology)
    layer.setRenderer(categorized("annee_financ", [(y, str(y), YEAR_RAMP[i % len(YEAR_RAMP)])
                                                   for i, y in enumerate(YEARS)]))
    layer.saveNamedStyle(os.path.join(STYLES, "analyse_logement_annee.qml"), categories=symbology)
    cites_style()
    print("Styles écrits dans %s" % STYLES)


def cites_style():
    """The cités: an outline with the cité's name, under the dwellings."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=id_cite:integer&field=nom:string",
                           "cites", "memory")
    symbol = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#6d4c41",
                                         "outline_width": "0.6", "outline_style": "dash"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    settings = QgsPalLayerSettings()
    settings.fieldName = "nom"
    settings.scaleVisibility = True
    settings.maximumScale = 1
    settings.minimumScale = 25000
    text = QgsTextFormat()
    text.setSize(9)
    text.setColor(QColor("#4e342e"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    layer.setFieldAlias(0, "Identifiant de la cité")
    layer.setFieldAlias(1, "Nom de la cité")
    layer.saveNamedStyle(os.path.join(STYLES, "cites.qml"))


if __name__ == "__main__":
    main()
