"""The published project (.qgs, read by QGIS Server and Lizmap): the layers with their styles,
French aliases and forms, in two groups (public, partners), short names, the WMS/WFS/OGC API
capabilities (title, abstract, keywords, contact, published layers), EPSG:2154 and the data's
extent, the access-control properties the server plugin reads, relative paths."""
import os
import re
import unicodedata
from xml.sax.saxutils import escape

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ...osp_qgis.publication import tables as kinds
from . import atlases

CRS = "EPSG:2154"
TITLES = {"analyse_logement": "Logements réhabilités", "logements": "Logements réhabilités",
          "operations": "Opérations programmées", "cites": "Cités minières", "epci": "EPCI",
          "communes": "Communes", "departements": "Départements", "ensemble": "Ensemble",
          "communes_qpv": "Communes, en et hors QPV", "dpe_avant_apres":
          "Étiquette énergie avant / après travaux", "dpe_transitions":
          "Étiquette énergie : transitions"}
GROUPS = {"public": "Données publiques", "partenaires": "Données des partenaires"}
ROOT_NAME = "osp_erbm"   # the project's short name (WMS root layer, OGC API collections)
ACCESS = "osp_acces/"


def short_name(text, taken):
    """An OGC name: ASCII letters, digits and ``_``, not starting with a digit, unique."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9_]+", "_", ascii_text).strip("_").lower() or "couche"
    if base[0].isdigit():
        base = "c_" + base
    name, n = base, 2
    while name in taken:
        name, n = "%s_%d" % (base, n), n + 1
    taken.add(name)
    return name


def title_of(table, source_label):
    title = TITLES.get(table.name) or table.name.replace("_", " ").capitalize()
    if table.kind == "indicateurs" and table.name in ("communes", "epci", "departements",
                                                      "ensemble", "communes_qpv"):
        title = "Parc social – " + title
    elif table.name.startswith("zones_"):
        title = "Parc social – zones " + table.name[6:].replace("_", " ")
    elif table.name.startswith("carreaux_"):
        title = "Parc social – carreaux de " + table.name[9:]
    return title


def style_document(uri, provider):
    """The default style (symbology, form, aliases) of the source table, as XML."""
    layer = QgsVectorLayer(uri, "style", provider)
    document = QDomDocument()
    if layer.isValid():
        layer.exportNamedStyle(document)
    return document


def extent_degrees(layer):
    """The layer's extent in degrees (WGS 84), for the catalogue."""
    extent = layer.extent()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    if layer.crs() != wgs84 and not extent.isEmpty():
        extent = QgsCoordinateTransform(layer.crs(), wgs84, QgsProject.instance()) \
            .transformBoundingBox(extent)
    if extent.isEmpty() or not layer.isSpatial():   # a table: the Nord and Pas-de-Calais
        return (1.55, 49.95, 4.25, 51.10)
    return (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())


def configure_access(layer, kind):
    if kind in kinds.PUBLIC_KINDS:
        layer.setCustomProperty(ACCESS + "genre", "public")
        return
    bailleur, epci = kinds.PARTNER_FIELDS[kind]
    layer.setCustomProperty(ACCESS + "genre", kind)
    layer.setCustomProperty(ACCESS + "champ_bailleur", bailleur)
    layer.setCustomProperty(ACCESS + "champ_epci", epci)
    layer.setCustomProperty(ACCESS + "prives", ",".join(kinds.PRIVATE_FIELDS.get(kind, ())))
    if kind == "operations":
        layer.setCustomProperty(ACCESS + "blocs", ",".join(
            "%s=%s" % item for item in sorted(kinds.EDITABLE_PREFIXES.items())))


def build(published, info, path, editable=True, atlas_folder=None):
    """Write the project ``path`` (.qgs) from ``published`` ``[(Table, style source uri,
    provider)]``; ``info``: ``title``, ``abstract``, ``contact``; with ``atlas_folder``, the
    atlases' pages written there and their layouts added (GetPrint).  Returns what the
    catalogue says of each layer ``[(Table, {"name", "short", "abstract", "crs",
    "extent"})]`` and the atlases' GetPrint entries (``atlases.add``)."""
    project = QgsProject()
    crs = QgsCoordinateReferenceSystem(CRS)
    project.setCrs(crs)
    project.setTitle(info["title"])
    project.setTrustLayerMetadata(True)
    root = project.layerTreeRoot()
    groups = {key: root.addGroup(name) for key, name in GROUPS.items()}
    for key, group in groups.items():
        group.setCustomProperty("wmsShortName", "donnees_" + key)
    taken, out, extent = set(), [], None
    for table, style_uri, style_provider in published:
        layer = QgsVectorLayer(table.uri, title_of(table, info["title"]), table.provider)
        if not layer.isValid():
            raise IOError("la table %s (%s) ne s'ouvre pas" % (table.name, table.source))
        layer.importNamedStyle(style_document(style_uri, style_provider))
        layer.setName(title_of(table, info["title"]))
        layer.setShortName(short_name(table.name, taken))
        layer.setTitle(layer.name())
        layer.setAbstract("%s — source : %s." % (
            "Données des partenaires, chacun ne voit que les siennes"
            if table.kind in kinds.PARTNER_KINDS else "Donnée publique", table.source))
        layer.setKeywordList("ERBM, Bassin minier, logement social")
        configure_access(layer, table.kind)
        project.addMapLayer(layer, False)
        group = groups["partenaires" if table.kind in kinds.PARTNER_KINDS else "public"]
        group.addLayer(layer)
        out.append((table, layer))
        layer_extent = layer.extent()
        if layer.crs() != crs and not layer_extent.isEmpty():
            layer_extent = QgsCoordinateTransform(layer.crs(), crs, project) \
                .transformBoundingBox(layer_extent)
        if layer.isSpatial() and not layer_extent.isEmpty():
            if extent is None:
                extent = QgsRectangle(layer_extent)
            else:
                extent.combineExtentWith(layer_extent)
    extra, prints = [], []
    if atlas_folder is not None:
        extra, prints = atlases.add(project, out, atlas_folder, taken, short_name,
                            lambda layer: configure_access(layer, "territoire"))
    _capabilities(project, out, info, extent, editable, [layer for _, layer in extra])
    if not project.write(path):
        raise IOError("projet non écrit : %s" % project.error())
    _relative_layout_sources(path)
    return [(table, {"name": layer.name(), "short": layer.shortName(),
                     "abstract": layer.abstract(), "crs": layer.crs().authid() or CRS,
                     "extent": extent_degrees(layer)}) for table, layer in out], prints


def _relative_layout_sources(path):
    """The layers a layout's maps and tables name are written with their absolute source
    (QGIS resolves them by id, the source is a fallback): made relative to the project as
    its layers' sources are, so that the folder can be moved and names no machine's path.
    The folder is looked for as QGIS writes it in an attribute (« & », « < », « " »
    escaped)."""
    folder = os.path.dirname(os.path.abspath(path))
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    for prefix in {folder, folder.replace(os.sep, "/")}:
        written = escape(prefix, {'"': "&quot;"})
        text = text.replace('"%s/' % written, '"./').replace('"%s%s' % (written, os.sep), '"./')
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _capabilities(project, layers, info, extent, editable, atlas_layers=()):
    ids = [layer.id() for _, layer in layers] + [layer.id() for layer in atlas_layers]
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", info["title"])
    project.writeEntry("WMSRootName", "/", ROOT_NAME)
    project.writeEntry("WMSServiceAbstract", "/", info.get("abstract") or "")
    project.writeEntry("WMSKeywordList", "/", ["ERBM", "Bassin minier", "logement social",
                                               "réhabilitation", "OSP"])
    contact = info.get("contact") or ""
    project.writeEntry("WMSContactOrganization", "/", contact or "DDTM du Pas-de-Calais")
    project.writeEntry("WMSContactPerson", "/", contact or "Pôle MCSIG")
    if "@" in contact:
        project.writeEntry("WMSContactMail", "/", re.search(r"\S+@\S+", contact).group(0))
    project.writeEntry("WMSCrsList", "/", ["EPSG:2154", "EPSG:4326", "EPSG:3857"])
    project.writeEntry("WMSUseLayerIDs", "/", False)
    project.writeEntry("WMSAddWktGeometry", "/", True)
    project.writeEntry("WMSFeatureInfoUseAttributeFormSettings", "/", True)
    project.writeEntry("WMSMaxAtlasFeatures", "/", 1)     # GetPrint: one atlas page a request
    project.writeEntry("WFSLayers", "/", ids)
    for layer_id in ids:
        project.writeEntry("WFSLayersPrecision", "/%s" % layer_id, 2)   # an entry key
    updatable = [layer.id() for table, layer in layers
                 if editable and table.kind == "operations"]
    project.writeEntry("WFSTLayers", "Update", updatable)
    project.writeEntry("WFSTLayers", "Insert", [])
    project.writeEntry("WFSTLayers", "Delete", [])
    if extent is not None:
        extent.grow(max(extent.width(), extent.height()) * 0.02)
        project.writeEntry("WMSExtent", "/", [repr(extent.xMinimum()), repr(extent.yMinimum()),
                                              repr(extent.xMaximum()), repr(extent.yMaximum())])
        project.viewSettings().setDefaultViewExtent(
            QgsReferencedRectangle(extent, project.crs()))
