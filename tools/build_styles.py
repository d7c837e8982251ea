#!/usr/bin/python3
"""Regenerate the QML styles of the « Analyse au logement par bailleur » layer in
resources/styles/ from the reference tables (bailleurs, PALULOS types, sources) and
the form file forms/analyse_logement.json.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/build_styles.py

The QML files are the data the plugin ships; this script documents how they are
made and rebuilds them when a reference table or the form changes.

  analyse_logement.qml            default: categories by landlord, labels at large
                                  scales, the tabbed form, widgets, constraints, aliases
  analyse_logement_type_palu.qml  symbology by PALULOS type
  analyse_logement_annee.qml      symbology by financing year
  cites.qml                       the cités' outlines and names
  operations.qml                  the programmation's operations: cités' areas by status
                                  (labels of forms/operations.json), names at large scales
  ff_non_remontes.qml             FF social dwellings nobody reported (osp:croisement_ff)
  ff_comparaison.qml              parcels by status of the FF comparison
  ff_indicateurs.qml              share of social housing per commune (choropleth, SRU
                                  threshold as a class limit), EPCI and département outlines
"""
import os
import sys

# the same file from one run to the next: Qt orders XML attributes by a seeded hash
os.environ.setdefault("QT_HASH_SEED", "0")

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "tools"))
import plugin_package

from osp_qgis import forms, reference
from osp_qgis.fonts import FAMILY
from osp_qgis.ids import PALULOS_TYPES
from osp_qgis.logements import analyse

STYLES = os.path.dirname(plugin_package.output_path("resources", "styles", "x"))
OTHER_COLOUR = "#9e9e9e"
PALU_COLOURS = {"Groupé": "#1a9850", "Isolé": "#fdae61", "Hors": "#4575b4"}
YEAR_RAMP = ("#fde725", "#b5de2b", "#6ece58", "#35b779", "#1f9e89", "#26828e", "#31688e",
             "#3e4989", "#482878", "#440154")
YEARS = range(2017, 2027)
QTYPES = {"string": "string", "int": "integer", "date": "date", "datetime": "datetime"}
LABEL_DISTANCE = 1.2  # mm between a dwelling's symbol and its label
LABEL_HALO = 0.6      # mm of white halo around the label's text


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
    """The RPLS id beside the dwelling at large scales: placed around the symbol, a
    little away from its edge, so that neither the text nor its halo hides the point."""
    settings = QgsPalLayerSettings()
    settings.fieldName = "ident_rep"
    settings.scaleVisibility = True
    settings.maximumScale = 1
    settings.minimumScale = 2500  # only at large scales (1:2 500 and closer)
    text = QgsTextFormat()
    text.setFont(QFont(FAMILY))
    text.setSize(8)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(LABEL_HALO)
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
    settings.offsetType = QgsPalLayerSettings.FromSymbolBounds
    settings.dist = LABEL_DISTANCE
    return QgsVectorLayerSimpleLabeling(settings)


def configure_form(layer):
    """The form of forms/analyse_logement.json, EPCI names from the reference tables
    (the plugin puts the GeoPackage's own EPCI and cités in the lists when it writes one)."""
    from osp_erbm.processing_algs.common.forms_qgis import apply_form
    from osp_erbm.processing_algs.common.territory_layers import form_tables
    apply_form(layer, forms.form(analyse.LAYER_NAME), form_tables())


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
    operations_style()
    ff_styles()
    parc_social_styles()
    print("Styles écrits dans %s" % STYLES)


def cites_style():
    """The cités: an outline with the cité's name, under the dwellings."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=id_cite:integer&field=nom:string"
                           "&field=communes:string", "cites", "memory")
    symbol = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#6d4c41",
                                         "outline_width": "0.6", "outline_style": "dash"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    settings = QgsPalLayerSettings()
    settings.fieldName = "nom"
    settings.scaleVisibility = True
    settings.maximumScale = 1
    settings.minimumScale = 25000
    text = QgsTextFormat()
    text.setFont(QFont(FAMILY))
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
    layer.setFieldAlias(2, "Communes")
    layer.saveNamedStyle(os.path.join(STYLES, "cites.qml"))


STATUS_COLOURS = {"propose": "#fdd49e", "prefleche": "#fc8d59", "valide": "#1a9850",
                  "reporte": "#9e9ac8", "annule": "#bdbdbd"}


def operations_style():
    """The operations (the union of their cités): filled by status, named at large scales.
    The form is applied by the plugin from forms/operations.json when it writes a
    programmation; this file carries the symbology."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=nom:string&field=statut:string",
                           "operations", "memory")
    statuses = dict(forms.value_pairs(forms.form("operations")["widgets"]["statut"]["values"]))
    categories = [QgsRendererCategory(code, QgsFillSymbol.createSimple({
        "color": colour, "outline_color": "#5d4037", "outline_width": "0.4"}),
        statuses[code]) for code, colour in STATUS_COLOURS.items()]
    categories.append(QgsRendererCategory("", QgsFillSymbol.createSimple({
        "color": OTHER_COLOUR, "outline_color": "#5d4037"}), "Autre / non renseigné"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("statut", categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = "nom"
    settings.scaleVisibility = True
    settings.maximumScale = 1
    settings.minimumScale = 25000
    text = QgsTextFormat()
    text.setFont(QFont(FAMILY))
    text.setSize(8)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(LABEL_HALO)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    layer.saveNamedStyle(os.path.join(STYLES, "operations.qml"),
                         categories=QgsMapLayer.Symbology | QgsMapLayer.Labeling)


FF_STATUS_COLOURS = {"conforme": "#1a9850", "manquants_bailleur": "#d73027",
                     "absents_ff": "#fdae61"}
# share of social housing (%): lower bound, upper bound, colour; 20 and 25 are the SRU rates
SHARE_CLASSES = ((0, 10, "#fee5d9"), (10, 20, "#fcae91"), (20, 25, "#fb6a4a"),
                 (25, 40, "#9ecae1"), (40, 100.001, "#3182bd"))


def ff_styles():
    """The three outputs of osp:croisement_ff."""
    from qgis.core import QgsRuleBasedRenderer

    from osp_qgis.fichiers_fonciers.crosscheck import STATUS_LABELS
    points = QgsVectorLayer("Point?crs=EPSG:2154&field=idlocal:string", "ff", "memory")
    points.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({
        "name": "diamond", "color": "#d73027", "outline_color": "#ffffff",
        "outline_width": "0.3", "size": "3"})))
    points.saveNamedStyle(os.path.join(STYLES, "ff_non_remontes.qml"),
                          categories=QgsMapLayer.Symbology)
    parcels = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=statut:string", "ff", "memory")
    categories = [QgsRendererCategory(code, QgsFillSymbol.createSimple({
        "color": colour, "outline_color": "#404040", "outline_width": "0.2"}),
        STATUS_LABELS[code]) for code, colour in FF_STATUS_COLOURS.items()]
    parcels.setRenderer(QgsCategorizedSymbolRenderer("statut", categories))
    parcels.saveNamedStyle(os.path.join(STYLES, "ff_comparaison.qml"),
                           categories=QgsMapLayer.Symbology)
    shares = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=niveau:string"
                            "&field=part_sociaux:double", "ff", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for low, high, colour in SHARE_CLASSES:
        label = "%s à %s %%" % (low, int(high)) if high < 100 else "%s %% et plus" % low
        root.appendChild(QgsRuleBasedRenderer.Rule(
            QgsFillSymbol.createSimple({"color": colour, "outline_color": "#ffffff",
                                        "outline_width": "0.2"}),
            0, 0, "\"niveau\" = 'commune' AND \"part_sociaux\" >= %s AND "
                  "\"part_sociaux\" < %s" % (low, high), "Communes : " + label))
    root.appendChild(QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "#d9d9d9", "outline_color": "#ffffff"}), 0, 0,
        "\"niveau\" = 'commune' AND \"part_sociaux\" IS NULL", "Communes : sans logement"))
    root.appendChild(QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#252525",
                                    "outline_width": "0.6"}), 0, 0,
        "\"niveau\" = 'epci'", "EPCI"))
    root.setRuleKey("racine")  # fixed keys: the same file at every build
    for n, rule in enumerate(root.children()):
        rule.setRuleKey("classe_%d" % n)
    shares.setRenderer(QgsRuleBasedRenderer(root))
    shares.saveNamedStyle(os.path.join(STYLES, "ff_indicateurs.qml"),
                          categories=QgsMapLayer.Symbology)


PRECISION_COLOURS = (("xy_source", "Coordonnées du fichier", "#1a9850"),
                     ("numero", "Au numéro (BAN)", "#66bd63"), ("voie", "À la voie", "#fdae61"),
                     ("commune", "À la commune", "#d73027"))
# choropleths of osp:indicateurs_parc_social: field, [(low, high, label)], colours
CHOROPLETH_CLASSES = {
    "logements": [(0, 50, "moins de 50"), (50, 200, "50 à 200"), (200, 1000, "200 à 1 000"),
                  (1000, 5000, "1 000 à 5 000"), (5000, 1e12, "5 000 et plus")],
    "part_sociaux": [(0, 10, "moins de 10 %"), (10, 20, "10 à 20 %"), (20, 25, "20 à 25 %"),
                     (25, 40, "25 à 40 %"), (40, 100.001, "40 % et plus")],
    "annee_moyenne": [(0, 1949, "avant 1949"), (1949, 1975, "1949 à 1974"),
                      (1975, 1990, "1975 à 1989"), (1990, 2006, "1990 à 2005"),
                      (2006, 3000, "après 2005")],
    "surface_moyenne": [(0, 50, "moins de 50 m²"), (50, 60, "50 à 60 m²"),
                        (60, 70, "60 à 70 m²"), (70, 80, "70 à 80 m²"),
                        (80, 1e6, "80 m² et plus")],
    "part_en_qpv": [(0, 0.001, "aucun"), (0.001, 25, "moins de 25 %"), (25, 50, "25 à 50 %"),
                    (50, 75, "50 à 75 %"), (75, 100.001, "75 % et plus")]}
RAMP = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")


def parc_social_styles():
    """osp:geocoder_rpls (points by precision) and the choropleths of
    osp:indicateurs_parc_social: one rule per class, a hatched class for the values hidden by
    statistical secrecy; the plugin adds the number of zones of each class to its label."""
    from qgis.core import QgsRuleBasedRenderer
    points = QgsVectorLayer("Point?crs=EPSG:2154&field=geoloc_precision:string", "rpls",
                            "memory")
    points.setRenderer(QgsCategorizedSymbolRenderer("geoloc_precision", [
        QgsRendererCategory(code, marker(colour), label)
        for code, label, colour in PRECISION_COLOURS]))
    points.saveNamedStyle(os.path.join(STYLES, "rpls_geolocalise.qml"),
                          categories=QgsMapLayer.Symbology)
    for field, classes in CHOROPLETH_CLASSES.items():
        layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=%s:double&field=secret:string"
                               % field, "parc", "memory")
        root = QgsRuleBasedRenderer.Rule(None)
        for (low, high, label), colour in zip(classes, RAMP):
            root.appendChild(QgsRuleBasedRenderer.Rule(
                QgsFillSymbol.createSimple({"color": colour, "outline_color": "#ffffff",
                                            "outline_width": "0.2"}), 0, 0,
                "\"%s\" >= %s AND \"%s\" < %s" % (field, low, field, high), label))
        root.appendChild(QgsRuleBasedRenderer.Rule(
            QgsFillSymbol.createSimple({"color": "#bdbdbd", "outline_color": "#ffffff",
                                        "style": "b_diagonal"}), 0, 0,
            "\"%s\" IS NULL" % field, "secret (s) ou non renseigné"))
        root.setRuleKey("racine")
        for n, rule in enumerate(root.children()):
            rule.setRuleKey("classe_%d" % n)
        layer.setRenderer(QgsRuleBasedRenderer(root))
        layer.saveNamedStyle(os.path.join(STYLES, "parc_social_%s.qml" % field),
                             categories=QgsMapLayer.Symbology)


if __name__ == "__main__":
    main()
    # QGIS 3.22 may crash while tearing itself down after the files are written: the files
    # are complete here, so leave without the teardown (the exit status stays the truth)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
