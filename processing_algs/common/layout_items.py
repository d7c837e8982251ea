"""Layout items made the same way by every printed page (fiches, bilans): labels in
millimetres with their font and colour, the map that follows the atlas; a layout template
(.qpt) read as the XML document QGIS loads."""
from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument


def read_template(path):
    """The template ``path`` (.qpt, UTF-8) as a ``QDomDocument``; ``None`` when it is not
    XML (each caller says so in its own words)."""
    document = QDomDocument()
    with open(path, encoding="utf-8") as handle:
        return document if document.setContent(handle.read()) else None


def label(layout, text, x, y, w, h, size, bold=False, colour="#000000"):
    """A label at (``x``, ``y``) mm, ``w`` × ``h`` mm, ``size`` points; ``text`` may hold
    ``[% expression %]``."""
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont("Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setFontColor(QColor(colour))
    item.setMarginX(0)
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(item)
    return item


def atlas_map(layout, layers, crs, x, y, size, margin):
    """A square map of ``size`` mm at (``x``, ``y``) drawing ``layers``, framed, following
    the atlas feature (``margin``: the share left around it); its id is ``carte``."""
    carte = QgsLayoutItemMap(layout)
    carte.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    carte.attemptResize(QgsLayoutSize(size, size, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    carte.setFrameEnabled(True)
    carte.setLayers(layers)
    carte.setKeepLayerSet(True)
    carte.setCrs(crs)
    carte.setAtlasDriven(True)
    carte.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    carte.setAtlasMargin(margin)
    carte.setId("carte")
    layout.addLayoutItem(carte)
    return carte
