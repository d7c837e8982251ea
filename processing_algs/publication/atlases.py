"""The atlases of the publication, printed by QGIS Server's ``GetPrint``.

For each scale whose territory layer is published beside the dwellings (cités, communes,
EPCI, départements, the whole basin), the pages as osp:atlas makes them — coverage (one
feature per page), figures per year, context (every entity, the page's one outlined) — are
written into ``donnees/atlas.gpkg`` and a print layout « Atlas – <échelle> » driven by that
coverage is saved in the project.  ``GetPrint&TEMPLATE=Atlas – EPCI&ATLAS_PK=<fid>`` prints
the page of that feature as osp:atlas prints it; the dwellings on its map are those the
requester may read (the access control filters them as on any map).  The pages' tables are
public aggregates (counts of renovated dwellings per entity and year)."""
import os
from urllib.parse import quote

from qgis.core import (
    QgsDataSourceUri,
    QgsLayoutItemMap,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...osp_qgis.logements import atlas as atlas_rules
from ...osp_qgis.logements import synthesis
from ...osp_qgis.reference import resource_path
from ...osp_qgis.territory import Territory
from ..common import records_io
from ..common.layout_items import read_template
from ..logements import atlas_layout, atlas_pages

FILE = "atlas.gpkg"
TEMPLATE = ("layouts", "atlas_a4.qpt")
# the published tables whose features are the pages of each scale, by preference
SCALE_TABLES = (("cite", ("cites",)), ("commune", ("communes",)), ("epci", ("epci",)),
                ("departement", ("departements",)), ("bassin", ("bassin", "ensemble")))
PARTS = (("", "pages"), ("_chiffres", "chiffres par année"), ("_contexte", "entités"))


def layout_name(scale):
    """« Atlas – EPCI », the ``TEMPLATE`` of a GetPrint request."""
    return "Atlas – %s" % atlas_rules.SCALE_LABELS[scale]


def _template():
    document = read_template(resource_path(*TEMPLATE))
    if document is None:
        raise IOError("gabarit %s illisible" % os.path.join(*TEMPLATE))
    return document


def _store(path, layer, table):
    """``layer`` written as table ``table`` of the GeoPackage ``path``; the stored layer."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if os.path.exists(path) else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, path, layer.transformContext(), options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise IOError("table %s non écrite : %s" % (table, message))
    stored = QgsVectorLayer("%s|layername=%s" % (path, table), table, "ogr")
    if not stored.isValid():
        raise IOError("table %s illisible après écriture" % table)
    return stored


def _source_table(table):
    """The name of the table in its source (a published name may carry its file's)."""
    if "|layername=" in table.uri:
        return table.uri.split("|layername=")[-1].split("|")[0]
    return QgsDataSourceUri(table.uri).table() or table.name


def _polygons(out):
    """``{source table name: layer}`` of the published polygon layers (first of each)."""
    found = {}
    for table, layer in out:
        if layer.isSpatial() and layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry:
            found.setdefault(_source_table(table), layer)
    return found


def scale_pages(scale, source, dwellings, territory):
    """``(entities, kept)`` of a scale: every entity of ``source`` and those with dwellings
    ``[(code, name, geometry, members)]``, in the atlas's order (by file name)."""
    try:
        entities = atlas_pages.entities(source, scale, territory)
    except QgsProcessingException:
        return [], []       # no identifier for this scale in that table
    return entities, atlas_pages.pages(scale, entities, dwellings)


def _situation_extent(layout):
    """``(index, "xmin,ymin,xmax,ymax")`` of the layout's map that no atlas drives (the
    situation map of an EPCI, département or basin page): QGIS Server drops such a map
    from a GetPrint that gives no ``MAP<index>:EXTENT``; ``None`` when every map follows
    the atlas."""
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    for index, item in enumerate(maps):
        if not item.atlasDriven():
            box = item.extent()
            return index, ",".join("%.2f" % v for v in (box.xMinimum(), box.yMinimum(),
                                                         box.xMaximum(), box.yMaximum()))
    return None


def get_print_query(entry, fid):
    """The GetPrint query string of page ``fid`` (its ``fid`` in the coverage table)."""
    query = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetPrint&FORMAT=pdf&CRS=EPSG:2154" \
        "&TEMPLATE=%s&ATLAS_PK=%s" % (quote(entry["layout"]), fid)
    if entry["situation"] is not None:
        query += "&MAP%d:EXTENT=%s" % entry["situation"]
    return query


def add(project, out, folder, taken, short_name, configure):
    """The atlas layouts of the project and their layers: ``(layers, prints)``, the layers
    ``[(table name, layer)]`` already in the project, public; ``prints`` per layout
    ``{"scale", "layout", "coverage" (short name), "situation"}``.  ``out``
    ``[(Table, layer)]``: the published layers; ``folder``: the publication's data folder;
    ``short_name(text, taken)`` and ``configure(layer)``: the project writer's naming and
    access rules."""
    dwellings_layer = next((layer for table, layer in out if table.kind == "logements"
                            and layer.isSpatial()), None)
    if dwellings_layer is None:
        return [], []
    polygons = _polygons(out)
    dwellings = [r["values"] for r in records_io.read_records(dwellings_layer, geometry=False)]
    years = synthesis.year_columns(dwellings)
    territory = Territory.from_reference()
    path = os.path.join(folder, FILE)
    added, prints, group = [], [], None
    for scale, names in SCALE_TABLES:
        source = next((polygons[n] for n in names if n in polygons), None)
        if source is None:
            continue
        entities, kept = scale_pages(scale, source, dwellings, territory)
        if not kept:
            continue
        coverage, figures = atlas_pages.coverage_layers(scale, kept, years, source.crs())
        context = atlas_pages.context_layer(scale, entities, source.crs())
        stored = []
        for layer, (suffix, label) in zip((coverage, figures, context), PARTS):
            table = "atlas_%s%s" % (scale, suffix)
            copy = _store(path, layer, table)
            copy.setName("Atlas %s – %s" % (atlas_rules.SCALE_LABELS[scale], label))
            copy.setShortName(short_name(table, taken))
            copy.setTitle(copy.name())
            copy.setAbstract("Pages de l'atlas « %s » (agrégats publics)." % layout_name(scale))
            if layer is context:    # the page's entity outlined (@atlas_feature)
                copy.setRenderer(layer.renderer().clone())
            configure(copy)
            project.addMapLayer(copy, False)
            if group is None:
                group = project.layerTreeRoot().addGroup("Pages des atlas")
                group.setCustomProperty("wmsShortName", "pages_atlas")
            group.addLayer(copy).setItemVisibilityChecked(False)
            stored.append(copy)
            added.append((table, copy))
        cites = polygons.get("cites") if scale != "bassin" else None
        layout = atlas_layout.build(project, _template(), scale, stored[0], stored[1],
                                    [dwellings_layer, cites, None, None], stored[2],
                                    dwellings_layer, None)
        layout.setName(layout_name(scale))
        page = layout.itemById("page")
        if page is not None:    # one page a request: « Page 3 / 8 » would mislead
            page.setVisibility(False)
        project.layoutManager().addLayout(layout)
        prints.append({"scale": scale, "layout": layout.name(),
                       "coverage": stored[0].shortName(),
                       "situation": _situation_extent(layout)})
    return added, prints
