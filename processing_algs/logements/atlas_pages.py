"""The data of an atlas's pages, shared by osp:atlas (memory layers printed at once) and
osp:publier (written into the publication for QGIS Server's GetPrint): the entities of a
scale read from a territory layer, the coverage layer (one feature per page: key, name,
title, file name, counts), the figures per year and the context layer (every entity, the
page's one outlined)."""
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsProcessingException,
    QgsRuleBasedRenderer,
    QgsWkbTypes,
)

from ...osp_qgis.files import unique_names
from ...osp_qgis.logements import atlas as atlas_rules
from ..common import qt_compat, records_io, territory_layers
from ..common.qgis_io import field_index

CODE_FIELDS = {"cite": territory_layers.CITE_ID_FIELDS, "commune": territory_layers.COMMUNE_ID_FIELDS,
               "epci": territory_layers.EPCI_SIGLE_FIELDS + territory_layers.EPCI_ID_FIELDS,
               "departement": ("code", "dep", "code_dep", "insee_dep", "code_departement"),
               "bassin": ("nom", "name")}
NAME_FIELDS = {"cite": territory_layers.CITE_NAME_FIELDS, "commune": territory_layers.NAME_FIELDS,
               "epci": territory_layers.EPCI_NAME_FIELDS, "departement": ("nom", "name", "libelle"),
               "bassin": ("nom", "name")}


def entities(source, scale, territory):
    """``[(code, name, geometry, feature)]`` of the territory layer ``source`` at ``scale``,
    codes as the dwellings say them (an EPCI's SIREN becomes its ERBM sigle)."""
    if source is None:
        return []
    code_index = field_index(source, *CODE_FIELDS[scale])
    name_index = field_index(source, *NAME_FIELDS[scale])
    if scale != "bassin" and code_index < 0:
        raise QgsProcessingException(
            ("La couche « %s » n'a pas de champ identifiant pour l'échelle %s (%s).")
            % (source.name(), atlas_rules.SCALE_LABELS[scale],
               ", ".join(CODE_FIELDS[scale])))
    out = []
    for feature in source.getFeatures():
        code = records_io.python_value(feature[code_index]) if code_index >= 0 else None
        name = records_io.python_value(feature[name_index]) if name_index >= 0 else None
        if scale == "epci" and code is not None and str(code).isdigit():
            code = territory.epci_code(str(code))   # SIREN -> ERBM sigle when known
        if scale == "epci" and code is not None:     # the reference's spelling
            name = territory.epci_name(code) or name
        if scale == "bassin":
            code, name = "bassin", name or "Bassin minier"
        if code is None or not feature.hasGeometry():
            continue
        out.append((str(code), name, QgsGeometry(feature.geometry()), feature))
    return out


def pages(scale, entities, dwellings, accept=None):
    """The pages ``[(code, name, geometry, members)]`` of ``entities``, in the atlas's
    order (by file name): those ``accept(feature)`` keeps when given (even without
    dwellings), else those with dwellings."""
    kept = []
    for code, name, geometry, feature in entities:
        members = atlas_rules.dwellings_of(dwellings, scale, code)
        if accept is not None and feature is not None:
            if not accept(feature):
                continue
        elif not members:
            continue
        kept.append((code, name, geometry, members))
    return sorted(kept, key=lambda e: atlas_rules.entity_filename(scale, e[0], e[1]))


def coverage_layers(scale, kept, years, entity_crs):
    """The pages ``kept`` ``[(code, name, geometry, dwellings)]`` as a coverage layer and
    their figures per year (memory layers)."""
    fields = [QgsField("cle", qt_compat.STRING), QgsField("nom", qt_compat.STRING),
              QgsField("titre", qt_compat.STRING), QgsField("fichier", qt_compat.STRING),
              QgsField("n_logements", qt_compat.INT), QgsField("non_geoloc", qt_compat.INT)]
    coverage = records_io.memory_layer(fields, QgsWkbTypes.Type.MultiPolygon, entity_crs,
                                       "OSP – pages")
    figures = records_io.memory_layer(
        [QgsField("cle", qt_compat.STRING), QgsField("annee", qt_compat.STRING),
         QgsField("palulos", qt_compat.INT), QgsField("hors", qt_compat.INT),
         QgsField("total", qt_compat.INT)], QgsWkbTypes.Type.NoGeometry, entity_crs,
        "OSP – chiffres par année")
    pages, rows = [], []
    # one file per page, even when two names reduce to the same safe name (A/B, A:B)
    filenames = unique_names([atlas_rules.entity_filename(scale, code, name)
                              for code, name, _, _ in kept])
    for (code, name, geometry, members), filename in zip(kept, filenames):
        table, not_located = atlas_rules.figures(members, years)
        feature = QgsFeature(coverage.fields())
        geometry = QgsGeometry(geometry)
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature.setAttributes([code, name, atlas_rules.entity_title(scale, code, name),
                               filename, len(members),
                               not_located])
        pages.append(feature)
        for annee, palulos, hors, total in table:
            row = QgsFeature(figures.fields())
            row.setAttributes([code, annee, palulos, hors, total])
            rows.append(row)
    coverage.dataProvider().addFeatures(pages)
    figures.dataProvider().addFeatures(rows)
    return coverage, figures


def context_layer(scale, entities, entity_crs):
    """Every entity of the scale: the current one outlined, the others greyed."""
    layer = records_io.memory_layer(
        [QgsField("cle", qt_compat.STRING), QgsField("nom", qt_compat.STRING)],
        QgsWkbTypes.Type.MultiPolygon, entity_crs, "OSP – %s" % atlas_rules.SCALE_LABELS[scale])
    features = []
    for code, name, geometry, _ in entities:
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry(geometry)
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature.setAttributes([code, name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    root = QgsRuleBasedRenderer.Rule(None)
    current = QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#c0392b",
                                    "outline_width": "0.8"}),
        filterExp="\"cle\" = attribute(@atlas_feature, 'cle')",
        label=atlas_rules.SCALE_LABELS[scale] + " imprimée")
    others = QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "200,200,200,110", "outline_color": "#9e9e9e",
                                    "outline_width": "0.3"}),
        elseRule=True, label="Autres")
    root.appendChild(current)
    root.appendChild(others)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer
