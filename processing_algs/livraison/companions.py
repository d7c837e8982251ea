"""What a delivery ships beside its layers — the data dictionary (XLSX and CSV), the anomaly
lines, the LISEZMOI in CP1252 and UTF-8 —, and how it lands: the finished folder swapped in
whole, its ZIP made in the work folder and moved beside it."""
import csv
import datetime
import os
import shutil
import uuid
import zipfile

from osgeo import ogr
from qgis.core import QgsProviderRegistry

from ...osp_qgis.livraison import rules
from ...osp_qgis.storage import xlsx_layout

DICTIONARY = "dictionnaire_des_donnees"
ANOMALIES = "anomalies_livraison.csv"
README, README_UTF8 = "LISEZMOI.txt", "LISEZMOI_utf8.txt"


def staged_fields(stage, table, layer):
    """``[(name, type, alias, comment)]`` of the staged table — the very fields every writer
    maps —, the alias and comment taken from the source layer."""
    source = ogr.Open(stage)
    definition = source.GetLayerByName(table).GetLayerDefn()
    source_fields = layer.fields()
    out = []
    for i in range(definition.GetFieldCount()):
        field = definition.GetFieldDefn(i)
        kind = ogr.GetFieldTypeName(field.GetType())
        if field.GetSubType() == ogr.OFSTBoolean:
            kind = "Boolean"
        index = source_fields.lookupField(field.GetName())
        alias = comment = ""
        if index >= 0:
            alias = source_fields.at(index).alias()
            comment = source_fields.at(index).comment()
        out.append((field.GetName(), kind, alias, comment))
    return out


def layer_source(layer):
    """« osp_erbm.gpkg (analyse_logement) » : where a delivered layer comes from."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    if not path:
        return layer.name()
    table = parts.get("layerName")
    return "%s (%s)" % (os.path.basename(path), table) if table else os.path.basename(path)


def entry(path, code, layer, crs, count, encoding=None):
    """The LISEZMOI's line of one delivered file."""
    spec = rules.formats()[code]
    if encoding is None:
        encoding = "" if spec["geometrie"] == "non" else spec["encodage"]
    spatial = layer.isSpatial() and spec["geometrie"] != "non"
    return {"fichier": os.path.basename(path), "format": spec["libelle"],
            "crs": "%s (%s)" % (crs.authid(), rules.CRS_NAMES.get(
                crs.authid(), crs.description())) if spatial else "sans géométrie",
            "encodage": encoding, "objets": count, "source": layer_source(layer),
            "date": datetime.date.today().strftime("%d/%m/%Y")}


def write(folder, name, entries, anomalies, dictionary, notes):
    if dictionary:
        columns = list(dictionary[0])
        _csv(os.path.join(folder, DICTIONARY + ".csv"), columns,
             [[row[c] for c in columns] for row in dictionary])
        _dictionary_xlsx(os.path.join(folder, DICTIONARY + ".xlsx"), columns, dictionary)
    if anomalies:
        _csv(os.path.join(folder, ANOMALIES), ["couche", "objet", "champ", "detail"],
             anomalies)
    text = rules.readme(name, entries, notes)
    with open(os.path.join(folder, README), "w", encoding="cp1252", errors="replace",
              newline="\r\n") as handle:
        handle.write(text)
    with open(os.path.join(folder, README_UTF8), "w", encoding="utf-8",
              newline="\n") as handle:
        handle.write(text)


def _csv(path, header, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)


def _dictionary_xlsx(path, columns, rows):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Dictionnaire"
    xlsx_layout.header_row(sheet, 1, columns, xlsx_layout.Styles())
    for r, row in enumerate(rows, 2):
        for c, column in enumerate(columns, 1):
            xlsx_layout.put(sheet, r, c, row[column])
    sheet.freeze_panes = "A2"
    xlsx_layout.fit_columns(sheet)
    book.save(path)


def swap(finished, target):
    """The finished folder in place of ``target`` (an older delivery of the same name is
    replaced only once the new one is complete)."""
    old = None
    if os.path.exists(target):
        old = "%s.osp-ancien-%s" % (target, uuid.uuid4().hex[:8])
        os.replace(target, old)
    os.replace(finished, target)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def zip_folder(folder, name, path):
    """The archive ``path`` holding exactly the delivery's folder (its files under
    ``name/``)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for file_name in sorted(os.listdir(folder)):
            archive.write(os.path.join(folder, file_name), "%s/%s" % (name, file_name))
