"""The atlas's print layout (osp:atlas): the template filled with the page's map, the
situation map, the legend, the north arrow, the figures table and the subtitle."""
import datetime
import os

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutTableColumn,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessingException,
    QgsReadWriteContext,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from ...osp_qgis.logements import atlas as atlas_rules
from ..common import records_io
from ..common.qgis_io import field_index

NORTH_ARROW = "arrows/NorthArrow_02.svg"


def build(project, template, scale, coverage, figures, layers, context_layer, source, around):
    """The atlas layout from ``template`` (QDomDocument): the map of the page's entity
    (``layers``: dwellings, cités, parcels, background), the situation map with ``around``,
    the legend, the north arrow, the figures table, the subtitle with the data's date."""
    dwellings, cites, parcels, background = layers
    layout = QgsPrintLayout(project)
    items, ok = layout.loadFromTemplate(template, QgsReadWriteContext())
    if not ok:
        raise QgsProcessingException("Le gabarit n'a pas pu être chargé.")
    layout.setName("OSP – Atlas %s" % scale)
    carte = layout.itemById("carte")
    if not isinstance(carte, QgsLayoutItemMap):
        raise QgsProcessingException(
            "Le gabarit doit contenir une carte d'identifiant « carte ».")
    map_layers = [l for l in (dwellings, cites, background, parcels, context_layer)
                  if l is not None]
    carte.setLayers(map_layers)
    carte.setKeepLayerSet(True)
    carte.setCrs(dwellings.crs())
    carte.setAtlasDriven(True)
    carte.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    carte.setAtlasMargin(0.12)
    apercu = layout.itemById("apercu")
    if isinstance(apercu, QgsLayoutItemMap):
        locator(scale, apercu, carte, context_layer, around, layers, dwellings.crs(), project)
    legend = layout.itemById("legende")
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setLinkedMap(carte)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in (dwellings, cites):
            if layer is not None:
                root.addLayer(layer)
        legend.setLegendFilterByMapEnabled(True)
    nord = layout.itemById("nord")
    if isinstance(nord, QgsLayoutItemPicture):
        for folder in QgsApplication.svgPaths():
            if os.path.exists(os.path.join(folder, NORTH_ARROW)):
                nord.setPicturePath(os.path.join(folder, NORTH_ARROW))
                break
    table = next((m for m in layout.multiFrames()
                  if isinstance(m, QgsLayoutItemAttributeTable)), None)
    if table is not None:
        table.setVectorLayer(figures)
        table.setFilterFeatures(True)
        table.setFeatureFilter("\"cle\" = attribute(@atlas_feature, 'cle')")
        columns = []
        for attribute, heading in (("annee", "Année"), ("palulos", "Palulos"),
                                   ("hors", "Hors Palulos"), ("total", "Total")):
            column = QgsLayoutTableColumn(heading)
            column.setAttribute(attribute)
            columns.append(column)
        table.setColumns(columns)
        table.setMaximumNumberOfFeatures(100)
    echelle = layout.itemById("echelle")
    if isinstance(echelle, QgsLayoutItemScaleBar) and scale == "cite":
        echelle.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)  # a cité spans a few hundred metres
        echelle.setUnitLabel("m")
    data_date = source_date(source)
    QgsExpressionContextUtils.setLayoutVariable(
        layout, "osp_sous_titre", "Données au %s – %s" % (data_date,
                                                           atlas_rules.SOURCE_LINE))
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setHideCoverage(True)
    atlas.setFilenameExpression("\"fichier\"")
    atlas.setSortFeatures(True)
    atlas.setSortExpression("\"fichier\"")
    atlas.setPageNameExpression("\"titre\"")
    return layout


def outline(source, fill, label_field=None):
    """A territory layer drawn as context on the situation map (``None`` without one)."""
    if source is None:
        return None
    outline = source.clone()
    outline.setRenderer(outline.renderer().defaultRenderer(QgsWkbTypes.GeometryType.PolygonGeometry))
    outline.renderer().setSymbol(QgsFillSymbol.createSimple({
        "color": fill, "outline_color": "#9e9e9e", "outline_width": "0.15"}))
    index = field_index(outline, *label_field) if label_field else -1
    if index >= 0:
        settings = QgsPalLayerSettings()
        settings.fieldName = outline.fields()[index].name()
        text = QgsTextFormat()
        text.setSize(6.5)
        text.setColor(QColor("#616161"))
        settings.setFormat(text)
        settings.placement = QgsPalLayerSettings.Placement.OverPoint
        outline.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        outline.setLabelsEnabled(True)
    return outline


def locator(scale, apercu, carte, context_layer, around, layers, crs, project):
    """The situation map: where the page's entity is.

    Bassin: the départements (or EPCI) around the basin, no frame; cité and commune:
    the surrounding communes, named, following the atlas; EPCI and département: all
    the entities of the scale, the page's one outlined, the map's extent framed."""
    situation = [context_layer]
    if around is not None:
        situation.append(around)
        layers.append(around)
    apercu.setLayers(situation)
    apercu.setKeepLayerSet(True)
    apercu.setCrs(crs)
    reference = around if around is not None and scale == "bassin" else context_layer
    extent = reference.extent()
    if reference.crs() != crs:
        extent = QgsCoordinateTransform(reference.crs(), crs, project).transformBoundingBox(
            extent)
    extent.grow(max(extent.width(), extent.height()) * 0.03)
    apercu.zoomToExtent(extent)
    overview = apercu.overview()
    if scale == "bassin":
        overview.setEnabled(False)  # the map shows the whole basin: nothing to frame
        return
    overview.setLinkedMap(carte)
    overview.setFrameSymbol(QgsFillSymbol.createSimple({
        "color": "192,57,43,60", "outline_color": "#c0392b", "outline_width": "0.6"}))
    if scale in ("cite", "commune"):  # zoomed on the entity's surroundings
        apercu.setAtlasDriven(True)
        apercu.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
        apercu.setAtlasMargin(3.0 if scale == "cite" else 1.5)


def source_date(layer):
    """The date of the latest change of the dwellings (today when unknown)."""
    index = layer.fields().indexOf("date_maj")
    if index >= 0:
        latest = layer.maximumValue(index)
        value = records_io.python_value(latest)
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.strftime("%d/%m/%Y")
    return datetime.date.today().strftime("%d/%m/%Y")
