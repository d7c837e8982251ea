#!/usr/bin/python3
"""Regenerate the atlas templates resources/layouts/atlas_a4.qpt and atlas_a3.qpt.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/build_layouts.py

The templates hold the page design only; osp:atlas fills in the layers, the
coverage and the figures table at run time, finding items by these ids:
titre, sous_titre, carte, apercu, tableau (attribute table frame), non_geoloc,
legende, echelle, nord, page.  A user's own template keeps these ids.
"""
import os
import sys

from qgis.core import (
    QgsApplication,
    QgsBasicNumericFormat,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "tools"))
import plugin_package

from osp_qgis.fonts import FAMILY

OUT = os.path.dirname(plugin_package.output_path("resources", "layouts", "x"))
BLUE = QColor("#1f4e79")


def place(item, x, y, w, h, k):
    item.attemptMove(QgsLayoutPoint(x * k, y * k, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w * k, h * k, QgsUnitTypes.LayoutMillimeters))


def label(layout, ident, text, x, y, w, h, k, size, bold=False, italic=False, align=None):
    item = QgsLayoutItemLabel(layout)
    item.setId(ident)
    item.setText(text)
    font = QFont(FAMILY, int(round(size * k)))
    font.setBold(bold)
    font.setItalic(italic)
    item.setFont(font)  # QGIS 3.22: font + colour (text formats came with 3.24)
    item.setFontColor(BLUE if bold else QColor("#333333"))
    if align is not None:
        item.setHAlign(align)
    layout.addLayoutItem(item)
    place(item, x, y, w, h, k)
    return item


def map_item(layout, ident, x, y, w, h, k):
    item = QgsLayoutItemMap(layout)
    item.setId(ident)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor("#7f7f7f"))
    layout.addLayoutItem(item)
    place(item, x, y, w, h, k)
    item.setExtent(QgsRectangle(0, 0, w * k, h * k))  # a valid extent with the item's aspect
    return item


def build(page, k):
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("OSP – Atlas")
    layout.pageCollection().page(0).setPageSize(page, QgsLayoutItemPage.Landscape)
    label(layout, "titre", "[% attribute(@atlas_feature, 'titre') %]", 10, 6, 277, 11, k, 17,
          bold=True)
    label(layout, "sous_titre", "[% @osp_sous_titre %]", 10, 17, 277, 7, k, 9, italic=True)
    carte = map_item(layout, "carte", 10, 26, 190, 167, k)
    map_item(layout, "apercu", 205, 26, 82, 52, k)
    label(layout, "titre_tableau", "Logements réhabilités : [% attribute(@atlas_feature, "
          "'n_logements') %]", 205, 80, 82, 6, k, 10, bold=True)
    label(layout, "non_geoloc", "dont non géolocalisés : "
          "[% attribute(@atlas_feature, 'non_geoloc') %]", 205, 86, 82, 5, k, 8.5)
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setHeaderTextFormat(QgsTextFormat.fromQFont(QFont(FAMILY, int(round(8 * k)),
                                                            QFont.Bold)))
    table.setContentTextFormat(QgsTextFormat.fromQFont(QFont(FAMILY, int(round(8 * k)))))
    table.setGridStrokeWidth(0.2)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("tableau")
    place(frame, 205, 92, 82, 56, k)
    table.addFrame(frame)
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legende")
    legend.setTitle("Légende")
    legend.setResizeToContents(False)
    for style, size, bold in ((QgsLegendStyle.Title, 10, True),
                              (QgsLegendStyle.Group, 9, True),
                              (QgsLegendStyle.Subgroup, 8.5, True),
                              (QgsLegendStyle.Symbol, 8, False),
                              (QgsLegendStyle.SymbolLabel, 8, False)):
        font = QFont(FAMILY, int(round(size * k)))
        font.setBold(bold)
        legend.setStyleFont(style, font)
    layout.addLayoutItem(legend)
    place(legend, 205, 150, 82, 52, k)
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("echelle")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(carte)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(25 * k)
    scalebar.setMaximumBarWidth(45 * k)
    scalebar.setFont(QFont(FAMILY, int(round(8 * k))))
    french = QgsBasicNumericFormat()  # « 0,5 km », « 1 500 m »: French separators
    french.setDecimalSeparator(",")
    french.setThousandsSeparator("\u202f")
    french.setShowThousandsSeparator(True)
    scalebar.setNumericFormat(french)
    scalebar.setBackgroundEnabled(False)
    layout.addLayoutItem(scalebar)
    place(scalebar, 10, 194, 60, 10, k)  # under the map, never over the dwellings
    nord = QgsLayoutItemPicture(layout)
    nord.setId("nord")
    nord.setBackgroundEnabled(False)
    layout.addLayoutItem(nord)
    place(nord, 193, 194, 7, 10, k)
    label(layout, "page", "Page [% @atlas_featurenumber %] / [% @atlas_totalfeatures %]",
          227, 203, 60, 5, k, 8, align=Qt.AlignRight)
    return layout


def build_programmation():
    """The programmation's PDFs (recap, one per landlord, one per EPCI): title, version
    line, a table spread over as many pages as needed (osp:programmation_recap fills it),
    source line and page number (repeated on every page by the algorithm)."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("OSP – Programmation")
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Landscape)
    label(layout, "titre", "Programmation", 10, 6, 277, 10, 1, 15, bold=True)
    label(layout, "sous_titre", "version", 10, 16, 277, 6, 1, 9, italic=True)
    table = QgsLayoutItemManualTable.create(layout)
    table.setHeaderTextFormat(QgsTextFormat.fromQFont(QFont(FAMILY, 7, QFont.Weight.Bold)))
    table.setContentTextFormat(QgsTextFormat.fromQFont(QFont(FAMILY, 7)))
    table.setGridStrokeWidth(0.15)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("tableau")
    place(frame, 10, 24, 277, 172, 1)
    table.addFrame(frame)
    label(layout, "source", "Source : OSP ERBM – DDTM 59/62", 10, 199, 200, 5, 1, 7)
    label(layout, "page", "Page [% @layout_page %] / [% @layout_numpages %]", 227, 199, 60, 5,
          1, 7, align=Qt.AlignmentFlag.AlignRight)
    return layout


def save(layout, name):
    """The template, written the same way every time: item ids (QGIS draws a random
    uuid per item) replaced by ids derived from the file's name and their order, so that a
    regenerated template differs only when the design does (attribute order is fixed by
    ``QT_HASH_SEED=0``, set by ``make generate``)."""
    import re
    import uuid
    path = os.path.join(OUT, name)
    assert layout.saveAsTemplate(path, QgsReadWriteContext())
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    found = {}
    for match in re.finditer(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}",
                             text):
        found.setdefault(match.group(0), "{%s}" % uuid.uuid5(uuid.NAMESPACE_URL, "osp-erbm/%s/%d"
                                                             % (name, len(found))))
    text = re.sub(r"\{[0-9a-f-]{36}\}", lambda m: found.get(m.group(0), m.group(0)), text)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def main():
    app = QgsApplication([], False)
    app.initQgis()
    os.makedirs(OUT, exist_ok=True)
    for name, page, k in (("atlas_a4.qpt", "A4", 1.0), ("atlas_a3.qpt", "A3", 420 / 297)):
        save(build(page, k), name)
    save(build_programmation(), "programmation_a4.qpt")
    print("Gabarits écrits dans %s" % OUT)


if __name__ == "__main__":
    main()
    # QGIS 3.22 may crash while tearing itself down after the files are written: the files
    # are complete here, so leave without the teardown (the exit status stays the truth)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
