#!/usr/bin/python3
"""Deterministic sample data set: a fictional but realistic Bassin-minier territory.

Writes, under ``--out``:
  territoire.gpkg   layers communes, epci, departements, cites, parcelles (idpar indexed),
                    adresses (BAN-like points)
  pb0010_local.csv  Fichiers fonciers locaux, like a Cerema extract (with an older vintage
                    and the truth of each local: tools/sample_fichiers_fonciers.py)
  bailleurs/        landlord sheets with every real-world defect the join must handle:
                    mc_logements_rehabilites.xlsx (the OSP export layout), sia_logements.csv
                    (Windows-1252, ';'), mc_2019.ods (title rows above the header),
                    sia_2021_utf8.csv (UTF-8, ',', quoted commas)
  truth.csv         per sheet row: what the join must produce (independent of the plugin)
  programmation/    the sample programmation (see tools/sample_programmation.py)

Sizes are parameters (``--dwellings``, ``--parcels``); the benchmark uses it at
département scale.  Uses GDAL's Python bindings (python3-gdal) and openpyxl.
"""
import argparse
import csv
import math
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

# Real communes of the Bassin minier (INSEE, name, EPCI sigle) and the ERBM EPCIs.
COMMUNES = (
    ("62119", "Béthune", "CABBALR"), ("62178", "Bruay-la-Buissière", "CABBALR"),
    ("62617", "Nœux-les-Mines", "CABBALR"),
    ("62427", "Hénin-Beaumont", "CAHC"), ("62215", "Carvin", "CAHC"),
    ("62637", "Oignies", "CAHC"),
    ("62498", "Lens", "CALL"), ("62510", "Liévin", "CALL"), ("62065", "Avion", "CALL"),
    ("59172", "Denain", "CAPH"), ("59491", "Raismes", "CAPH"), ("59207", "Escaudain", "CAPH"),
    ("59606", "Valenciennes", "CAVM"), ("59014", "Anzin", "CAVM"), ("59447", "Onnaing", "CAVM"),
    ("59574", "Somain", "CCCO"), ("59008", "Aniche", "CCCO"), ("59456", "Pecquencourt", "CCCO"),
    ("59178", "Douai", "DA"), ("59569", "Sin-le-Noble", "DA"), ("59654", "Waziers", "DA"),
    ("59449", "Orchies", "CCPC"), ("59452", "Ostricourt", "CCPC"),
    ("59586", "Templeuve-en-Pévèle", "CCPC"),
)
EPCI = {
    "CABBALR": ("200072460", "CA de Béthune-Bruay, Artois-Lys Romane"),
    "CAHC": ("246200299", "CA d'Hénin-Carvin"),
    "CALL": ("246200364", "CA de Lens-Liévin"),
    "CAPH": ("200042190", "CA de la Porte du Hainaut"),
    "CAVM": ("245901160", "CA Valenciennes Métropole"),
    "CCCO": ("245901152", "CC Cœur d'Ostrevent"),
    "DA": ("200044618", "CA du Douaisis"),
    "CCPC": ("200041960", "CC Pévèle-Carembault"),
}
DEPARTEMENTS = {"59": "Nord", "62": "Pas-de-Calais"}
CITE_NAMES = ("Cité du 4", "Cité Bellevue", "Cité des Alouettes", "Cité Darcy",
              "Cité Declercq", "Cité Schneider", "Cité Cuvinot", "Cité Barrois",
              "Cité de la Victoire", "Cité Nouméa", "Cité Saint-Pierre", "Cité des Provinces")
STREETS = ("RUE D ARTOIS", "RUE DE PARIS", "RUE ANATOLE FRANCE", "RUE DES ALOUETTES",
           "AVENUE DE LA FOSSE", "RUE DU CHEVALEMENT", "RUE DES MINEURS", "RUE DU TERRIL",
           "RUE EMILE ZOLA", "RUE JEAN JAURES", "RUE DES CORONS", "PLACE DE LA CITE")
BAILLEURS = (("M&C", "MC", 0.7), ("SIA", "SIA", 0.3))
PALULOS = ("Groupé", "Isolé", "Hors")
YEARS = (2017, 2018, 2019, 2020, 2021)

PARCEL_W, PARCEL_H = 16.0, 32.0
ORIGIN_X, ORIGIN_Y = 660000.0, 7020000.0
MARGIN = 150.0
MAX_NUMERO = 9999

# Defects injected on a share of the rows (cycled so that a small set has each several times).
DEFECTS = ("idpar_spaces", "idpar_lower", "idpar_unpadded", "idpar_section_only",
           "idlocal_spaces_no_parcel", "no_parcel_local", "parcel_unknown_local",
           "parcel_unknown", "parcel_invalid", "local_unknown", "address_only", "nothing",
           "parcel_unknown_address",
           "duplicate_rpls", "duplicate_internal", "palulos_variant", "rpls_no_zeros",
           "parcel_without_local")
PALULOS_VARIANTS = {"Groupé": ("GROUPE", "groupé", "G", "Palulos groupé"),
                    "Isolé": ("ISOLE", "isolé", "i"),
                    "Hors": ("Hors Palulos", "HORS", "hors palulos")}


def layout(n_parcels, n_cites_per_commune=2):
    """Cité rectangles and parcel grid sizes for the requested parcel count."""
    n_cites = len(COMMUNES) * n_cites_per_commune
    per_cite = max(4, math.ceil(n_parcels / n_cites))
    rows = max(2, math.ceil(math.sqrt(per_cite / 2)))
    cols = math.ceil(per_cite / rows)
    cite_w, cite_h = cols * PARCEL_W, rows * PARCEL_H
    side = max(2 * cite_w + 3 * MARGIN, cite_h + 2 * MARGIN, 2000.0)
    return n_cites, per_cite, rows, cols, cite_w, cite_h, side


def build_territory(n_parcels, rng):
    n_cites, per_cite, rows, cols, cite_w, cite_h, side = layout(n_parcels)
    communes, cites, parcels = [], [], []
    remaining = n_parcels
    cite_id = 0
    for k, (insee, name, sigle) in enumerate(COMMUNES):
        cx, cy = ORIGIN_X + (k % 6) * side, ORIGIN_Y - (k // 6) * side
        communes.append({"insee": insee, "nom": name, "dep": insee[:2], "sigle": sigle,
                         "rect": (cx, cy - side, cx + side, cy)})
        streets = rng.sample(STREETS, 6)  # street names unique within a commune
        for j in range(2):
            cite_id += 1
            x0 = cx + MARGIN + j * (cite_w + MARGIN)
            y1 = cy - MARGIN
            n_here = min(per_cite, remaining)
            remaining -= n_here
            # alternate single-letter sections ("C" -> "0C") and two-letter ones ("AP")
            section = "ABCDEFGHKLMN"[cite_id % 12] if cite_id % 2 else \
                "A" + "BCDEFGHKLMNP"[cite_id % 12]
            cite = {"id_cite": cite_id, "nom": "%s" % CITE_NAMES[(cite_id - 1) % len(CITE_NAMES)],
                    "insee": insee, "section": section,
                    "rect": (x0, y1 - cite_h, x0 + cite_w, y1),
                    "streets": streets[3 * j:3 * j + 3]}
            cites.append(cite)
            for p in range(n_here):
                r, c = divmod(p, cols)
                px, py = x0 + c * PARCEL_W, y1 - (r + 1) * PARCEL_H
                # a section holds at most 9 999 parcels: large cités span several sections
                block, numero = divmod(p, MAX_NUMERO)
                numero += 1
                parcel_section = section if block == 0 else \
                    "Y" + "ABCDEFGHKLMNPRSTUVWX"[(10 * j + block) % 20]
                idpar = "%s000%s%04d" % (insee, parcel_section.rjust(2, "0"), numero)
                parcels.append({"idpar": idpar, "insee": insee, "section": parcel_section,
                                "numero": numero, "cite": cite_id,
                                "rect": (px, py, px + PARCEL_W, py + PARCEL_H),
                                "street": cite["streets"][r % 3],
                                "num_voie": (r // 3) * cols * 2 + 2 * c + 1})
    return communes, cites, parcels


def rect_wkt(rect):
    x0, y0, x1, y1 = rect
    return "POLYGON((%r %r,%r %r,%r %r,%r %r,%r %r))" % (x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)


def build_dwellings(parcels, cites, n_dwellings, rng):
    """One dwelling per chosen parcel (mining houses), spread over the parcels."""
    step = max(1, len(parcels) // max(1, n_dwellings))
    chosen = parcels[::step][:n_dwellings]
    cite_by_id = {c["id_cite"]: c for c in cites}
    rpls_pool = rng.sample(range(10000000, 99999999), len(chosen))
    dwellings = []
    operations = {}
    for n, parcel in enumerate(chosen):
        cite = cite_by_id[parcel["cite"]]
        insee = parcel["insee"]
        bailleur = "M&C" if (parcel["cite"] % 10) < 7 else "SIA"
        prefix = "MC" if bailleur == "M&C" else "SIA"
        year = YEARS[(parcel["cite"] + n // 97) % len(YEARS)]
        key = (parcel["cite"], year)
        if key not in operations:
            palu = PALULOS[(parcel["cite"] + year) % 3]
            commune = next(c for c in COMMUNES if c[0] == insee)
            operations[key] = {
                "intitule": "%s %s %s %s %d %s" % (prefix, commune[2], commune[1].upper(),
                                                   cite["nom"].upper(), year, palu[0]),
                "palu": palu,
                "decision": "%dDD0%s%05d" % (year, insee[:2], len(operations) + 1),
                "sigle": commune[2]}
        op = operations[key]
        invariant = "%s%07d" % (insee[2:], n + 1)
        dwellings.append({
            "rpls": "00%08d" % rpls_pool[n],
            "internal": ("SOG%06d" % (150000 + n)) if bailleur == "M&C"
            else "066859-%03d-%03d" % (n // 1000, n % 1000),
            "idlocal": insee[:2] + invariant, "idpar": parcel["idpar"], "insee": insee,
            "dep": insee[:2], "epci": op["sigle"], "intitule": op["intitule"],
            "bailleur": bailleur, "palu": op["palu"], "decision": op["decision"], "annee": year,
            "numero": str(parcel["num_voie"]), "rep": "B" if n % 17 == 3 else "",
            "voie": parcel["street"], "cite": cite["nom"], "parcel": parcel})
    return dwellings


class Row:
    """One sheet row and what the join must make of it."""

    def __init__(self, dwelling):
        self.d = dwelling
        self.cells = {}
        self.expect = {"ident_rep": dwelling["rpls"], "ident_int": dwelling["internal"],
                       "idpar": dwelling["idpar"], "source": "parcelle", "motif": "",
                       "doublon": 0, "anomalies": [], "type_palu": dwelling["palu"],
                       "annee": dwelling["annee"]}


def apply_defect(row, defect, has_address, rng):
    d, e = row.d, row.expect
    insee, section, numero = d["insee"], d["parcel"]["section"], d["parcel"]["numero"]
    row.rpls, row.internal, row.idlocal = d["rpls"], d["internal"], d["idlocal"]
    row.idpar, row.palu = d["idpar"], d["palu"]
    row.address = (d["numero"], d["rep"], d["voie"]) if has_address else ("", "", "")
    if defect == "idpar_spaces":
        row.idpar = "%s 000 %s %d" % (insee, section, numero)
    elif defect == "idpar_lower":
        row.idpar = d["idpar"].lower()
    elif defect == "idpar_unpadded":
        row.idpar = "%s000%s%d" % (insee, section, numero)
    elif defect == "idpar_section_only":
        row.idpar = "%s%d" % (section, numero)
    elif defect == "idlocal_spaces_no_parcel":
        row.idpar = ""
        row.idlocal = "%s %s %s" % (d["idlocal"][:2], d["idlocal"][2:5], d["idlocal"][5:])
        e["source"] = "local_ff"
    elif defect == "no_parcel_local":
        row.idpar = ""
        e["source"] = "local_ff"
    elif defect == "parcel_unknown_local":
        row.idpar = "%s000ZZ%04d" % (insee, 9000 + numero % 999)
        e["source"], e["anomalies"] = "local_ff", ["parcelle_inconnue"]
    elif defect == "parcel_unknown_address":
        row.idpar = "%s000ZZ%04d" % (insee, 9000 + numero % 999)
        row.idlocal = ""
        if has_address:
            e.update(source="adresse", idpar=row.idpar, anomalies=["parcelle_inconnue"])
        else:
            e.update(source="", motif="parcelle_inconnue", idpar=row.idpar,
                     anomalies=["parcelle_inconnue"])
    elif defect == "parcel_unknown":
        row.idpar = "%s000ZZ%04d" % (insee, 9000 + numero % 999)
        row.idlocal = ""
        row.address = ("", "", "")
        e.update(source="", motif="parcelle_inconnue", idpar=row.idpar,
                 anomalies=["parcelle_inconnue"])
    elif defect == "parcel_invalid":
        row.idpar = "%s-??-%d" % (insee, numero)
        row.idlocal = ""
        row.address = ("", "", "")
        e.update(source="", motif="parcelle_invalide", idpar="", anomalies=["parcelle_invalide"])
    elif defect == "local_unknown":
        row.idpar = ""
        row.idlocal = "%s%s9%06d" % (insee[:2], insee[2:], numero)
        row.address = ("", "", "")
        e.update(source="", motif="local_inconnu", idpar="", anomalies=["local_inconnu"])
    elif defect == "address_only":
        row.idpar = row.idlocal = ""
        if has_address:
            e.update(source="adresse", idpar="")
        else:
            e.update(source="", motif="sans_localisation", idpar="",
                     anomalies=["sans_localisation"])
    elif defect == "nothing":
        row.idpar = row.idlocal = ""
        row.address = ("", "", "")
        e.update(source="", motif="sans_localisation", idpar="", anomalies=["sans_localisation"])
    elif defect == "parcel_without_local":   # located by its parcel; the FF cross-check
        row.idlocal = ""                       # lists its local as not reported
    elif defect == "palulos_variant":
        row.palu = rng.choice(PALULOS_VARIANTS[d["palu"]])
    elif defect == "rpls_no_zeros":
        row.rpls = d["rpls"].lstrip("0")
    elif defect == "duplicate_internal":
        row.rpls = ""
        e["ident_rep"] = ""


def plan_rows(dwellings, has_address, rng, defect_every=4):
    """Rows of one sheet, defects cycled over every ``defect_every``-th row,
    duplicates appended as extra rows later in the sheet."""
    rows, extras = [], []
    for n, d in enumerate(dwellings):
        row = Row(d)
        defect = DEFECTS[(n // defect_every) % len(DEFECTS)] if n % defect_every == 0 else None
        apply_defect(row, defect, has_address, rng)
        row.defect = defect or ""
        rows.append(row)
        if defect in ("duplicate_rpls", "duplicate_internal"):
            twin = Row(d)
            apply_defect(twin, defect, has_address, rng)
            twin.defect = defect
            twin.expect.update(doublon=1, anomalies=["doublon"], first=row)
            extras.append(twin)
    # duplicates come back a few rows later (as landlords resend a block)
    position = {id(row): n for n, row in enumerate(rows)}
    after = {}
    for k, twin in enumerate(extras):
        slot = min(len(rows) - 1, position[id(twin.expect["first"])] + 2 + k % 5)
        after.setdefault(slot, []).append(twin)
    out = []
    for n, row in enumerate(rows):
        out.append(row)
        out.extend(after.get(n, ()))
    return out


# --- writers --------------------------------------------------------------------------------
OSP_HEADER = ("Id", "RPSL", "Bailleur", "Fiscal", "Parcelle", "Département", "Commune", "EPCI",
              "Intitulé", "Bailleur", "Palulos", "N° de la décision (SISAL ou fictif)")


def write_xlsx_osp(path, rows):
    """The OSP « logements réhabilités » export: group row, RPSL typo, Bailleur twice,
    RPLS ids stored as numbers (Excel lost their zeros)."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Logements"
    sheet.append(["Identifiants"] + [None] * 7 + ["Programme"] + [None] * 3)
    sheet.merge_cells("A1:H1")
    sheet.merge_cells("I1:L1")
    sheet.append(list(OSP_HEADER))
    lines = []
    for n, row in enumerate(rows, start=1):
        d = row.d
        rpls = int(row.rpls) if row.rpls else None
        sheet.append([n, rpls, row.internal, row.idlocal or None, row.idpar or None,
                      int(d["dep"]), int(d["insee"]), d["epci"], d["intitule"], d["bailleur"],
                      row.palu, d["decision"]])
        lines.append(sheet.max_row)
        if n == 40:
            sheet.append([])  # a blank row in the middle
    book.save(path)
    return lines


def write_csv(path, rows, encoding, delimiter, header, cells_of, blank_after=None):
    lines = []
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        line = 1
        for n, row in enumerate(rows, start=1):
            writer.writerow(cells_of(row))
            line += 1
            lines.append(line)
            if blank_after and n == blank_after:
                writer.writerow([])
                line += 1
    return lines


SIA_HEADER = ("N° RPLS", "Réf. bailleur", "Invariant", "Référence cadastrale", "Code INSEE",
              "EPCI", "Opération", "Organisme", "Type Palulos", "N° décision",
              "Année de financement", "Numéro", "Indice de répétition", "Libellé voie", "Cité")


def sia_cells(row):
    d = row.d
    return [row.rpls, row.internal, row.idlocal, row.idpar, d["insee"], d["epci"],
            d["intitule"], d["bailleur"], row.palu, d["decision"], str(d["annee"]),
            row.address[0], row.address[1], row.address[2], d["cite"]]


UTF8_HEADER = ("ident_rep", "ident_int", "idlocal", "idpar", "depcom", "epci", "intitule",
               "bailleur", "type_palu", "num_decision", "adresse", "commentaire")


def utf8_cells(row):
    d = row.d
    address = " ".join(p for p in (row.address[0], {"B": "bis"}.get(row.address[1], ""),
                                   row.address[2].title()) if p)
    return [row.rpls, row.internal, row.idlocal, row.idpar, d["insee"], d["epci"],
            d["intitule"], d["bailleur"], row.palu, d["decision"], address,
            "Travaux, lot 2 ; « Réception » faite"]


ODS_HEADER = ("ident_rep", "ident_int", "idlocal", "idpar", "depcom", "epci", "intitule",
              "bailleur", "type_palu", "num_decision", "annee_financ", "cite_ini")


def ods_cells(row):
    d = row.d
    rpls = int(row.rpls) if row.rpls else ""  # a number cell: zeros lost as in Excel
    return [rpls, row.internal, row.idlocal, row.idpar, d["insee"], d["epci"],
            d["intitule"], d["bailleur"], row.palu, d["decision"], d["annee"], d["cite"]]


def _ods_cell(value):
    if value in (None, ""):
        return "<table:table-cell/>"
    if isinstance(value, int):
        return ('<table:table-cell office:value-type="float" office:value="%d">'
                '<text:p>%d</text:p></table:table-cell>' % (value, value))
    return ('<table:table-cell office:value-type="string"><text:p>%s</text:p>'
            '</table:table-cell>' % escape(str(value)))


def write_ods(path, sheet_name, table_rows):
    """A minimal, valid OpenDocument spreadsheet (mimetype, manifest, content)."""
    body = "".join("<table:table-row>%s</table:table-row>" % "".join(_ods_cell(v) for v in r)
                   for r in table_rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="%s">%s</table:table>'
        '</office:spreadsheet></office:body></office:document-content>'
        % (escape(sheet_name), body))
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)


def write_ods_sheet(path, rows):
    table = [["Logements réhabilités 2019 – Maisons & Cités"], [],
             list(ODS_HEADER)]
    lines = []
    for row in rows:
        cells = ods_cells(row)
        table.append(cells)
        lines.append(len(table))
    write_ods(path, "Logements 2019", table)
    return lines


# --- GeoPackage -----------------------------------------------------------------------------
def write_gpkg(path, communes, cites, parcels, addresses=True):
    from osgeo import ogr, osr
    ogr.UseExceptions()
    if os.path.exists(path):
        os.remove(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)

    def layer(name, gtype, fields):
        lyr = ds.CreateLayer(name, srs, gtype, options=["GEOMETRY_NAME=geom", "FID=fid"])
        for fname, ftype in fields:
            lyr.CreateField(ogr.FieldDefn(fname, ftype))
        return lyr

    def write(lyr, items, values_of, geom_of):
        ds.StartTransaction()
        defn = lyr.GetLayerDefn()
        for item in items:
            feature = ogr.Feature(defn)
            for key, value in values_of(item).items():
                feature.SetField(key, value)
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkt(geom_of(item)))
            lyr.CreateFeature(feature)
        ds.CommitTransaction()

    text, integer = ogr.OFTString, ogr.OFTInteger
    lyr = layer("communes", ogr.wkbMultiPolygon, [("insee", text), ("nom", text), ("dep", text),
                                                  ("epci_siren", text), ("epci_sigle", text)])
    write(lyr, communes, lambda c: {"insee": c["insee"], "nom": c["nom"], "dep": c["dep"],
                                    "epci_siren": EPCI[c["sigle"]][0], "epci_sigle": c["sigle"]},
          lambda c: "MULTI" + rect_wkt(c["rect"]).replace("POLYGON(", "POLYGON((") + ")")
    lyr = layer("epci", ogr.wkbMultiPolygon, [("siren", text), ("nom", text), ("sigle", text)])
    epci_geoms = {}
    for c in communes:
        geom = ogr.CreateGeometryFromWkt(rect_wkt(c["rect"]))
        epci_geoms[c["sigle"]] = geom if c["sigle"] not in epci_geoms \
            else epci_geoms[c["sigle"]].Union(geom)
    write(lyr, sorted(epci_geoms), lambda s: {"siren": EPCI[s][0], "nom": EPCI[s][1], "sigle": s},
          lambda s: ogr.ForceToMultiPolygon(epci_geoms[s]).ExportToWkt())
    lyr = layer("departements", ogr.wkbMultiPolygon, [("code", text), ("nom", text)])
    dep_geoms = {}
    for c in communes:
        geom = ogr.CreateGeometryFromWkt(rect_wkt(c["rect"]))
        dep_geoms[c["dep"]] = geom if c["dep"] not in dep_geoms else dep_geoms[c["dep"]].Union(geom)
    write(lyr, sorted(dep_geoms), lambda d: {"code": d, "nom": DEPARTEMENTS[d]},
          lambda d: ogr.ForceToMultiPolygon(dep_geoms[d]).ExportToWkt())
    lyr = layer("cites", ogr.wkbMultiPolygon, [("id_cite", integer), ("nom", text), ("insee", text)])
    write(lyr, cites, lambda c: {"id_cite": c["id_cite"], "nom": c["nom"], "insee": c["insee"]},
          lambda c: "MULTI" + rect_wkt(c["rect"]).replace("POLYGON(", "POLYGON((") + ")")
    lyr = layer("parcelles", ogr.wkbMultiPolygon, [("idpar", text), ("commune", text), ("prefixe", text),
                                                   ("section", text), ("numero", text)])
    write(lyr, parcels, lambda p: {"idpar": p["idpar"], "commune": p["insee"], "prefixe": "000",
                                   "section": p["section"].rjust(2, "0"),
                                   "numero": "%04d" % p["numero"]},
          lambda p: "MULTI" + rect_wkt(p["rect"]).replace("POLYGON(", "POLYGON((") + ")")
    ds.ExecuteSQL("CREATE INDEX parcelles_idpar ON parcelles(idpar)")
    if not addresses:
        ds = None
        return
    lyr = layer("adresses", ogr.wkbPoint, [("numero", integer), ("rep", text), ("nom_voie", text),
                                           ("code_insee", text)])
    write(lyr, parcels, lambda p: {"numero": p["num_voie"], "rep": "", "nom_voie": p["street"],
                                   "code_insee": p["insee"]},
          lambda p: "POINT(%r %r)" % ((p["rect"][0] + p["rect"][2]) / 2,
                                      (p["rect"][1] + p["rect"][3]) / 2))
    ds = None


def fix_address_reps(dwellings, gpkg_path):
    """Addresses with a repetition index (bis) exist in the BAN layer too."""
    from osgeo import ogr
    ds = ogr.Open(gpkg_path, 1)
    for d in dwellings:
        if d["rep"]:
            ds.ExecuteSQL("UPDATE adresses SET rep = 'B' WHERE code_insee = '%s' AND numero = %d "
                          "AND nom_voie = '%s'" % (d["insee"], int(d["numero"]), d["voie"]))
    ds = None


def write_decisions(path, dwellings):
    """Financing decisions (CRHH): dwellings financed per decision.  Some decisions
    financed more dwellings than the landlords reported (the « non remontés »)."""
    counts, info = {}, {}
    for d in dwellings:
        counts[d["decision"]] = counts.get(d["decision"], 0) + 1
        info[d["decision"]] = (d["annee"], d["bailleur"])
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["num_decision", "annee", "bailleur", "nb_logements_finances"])
        for n, number in enumerate(sorted(counts)):
            extra = 2 if n % 3 == 0 else 0
            writer.writerow([number, info[number][0], info[number][1], counts[number] + extra])


def generate_bench(out, n_dwellings, n_parcels, n_locaux, seed=20210615):
    """Benchmark data: the territory (no address layer), a Fichiers fonciers extract of
    ``n_locaux`` rows, one landlord CSV with every dwelling (defects cycled as in the
    sample) and one where only the fiscal id is given (located through the FF)."""
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    communes, cites, parcels = build_territory(n_parcels, rng)
    dwellings = build_dwellings(parcels, cites, n_dwellings, rng)
    write_gpkg(os.path.join(out, "territoire.gpkg"), communes, cites, parcels, addresses=False)
    import sample_fichiers_fonciers as ff
    locaux = ff.build_locaux(dwellings, parcels, COMMUNES, private_stock=False)
    ff.write_locaux(os.path.join(out, "pb0010_local.csv"), locaux,
                    max(0, n_locaux - len(locaux)), parcels, COMMUNES)
    write_decisions(os.path.join(out, "decisions.csv"), dwellings)
    rows = plan_rows(dwellings, True, rng)
    write_csv(os.path.join(out, "bench_logements.csv"), rows, "cp1252", ";", SIA_HEADER,
              sia_cells)
    ff_rows = [Row(d) for d in dwellings]
    for row in ff_rows:
        apply_defect(row, "no_parcel_local", False, rng)
    write_csv(os.path.join(out, "bench_ff.csv"), ff_rows, "cp1252", ";", SIA_HEADER, sia_cells)
    return {"parcelles": len(parcels), "logements": len(dwellings), "lignes": len(rows),
            "locaux": max(n_locaux, len(locaux))}


def generate(out, n_dwellings=600, n_parcels=6000, seed=20210615):
    rng = random.Random(seed)
    os.makedirs(os.path.join(out, "bailleurs"), exist_ok=True)
    communes, cites, parcels = build_territory(n_parcels, rng)
    dwellings = build_dwellings(parcels, cites, n_dwellings, rng)
    gpkg = os.path.join(out, "territoire.gpkg")
    write_gpkg(gpkg, communes, cites, parcels)
    fix_address_reps(dwellings, gpkg)
    # Fichiers fonciers know every dwelling (an FF extract is exhaustive), and more
    import sample_fichiers_fonciers
    fichiers_fonciers = sample_fichiers_fonciers.generate(out, dwellings, parcels, COMMUNES)
    # each landlord sends its own sheets: Maisons & Cités two, SIA Habitat two
    mc = [d for d in dwellings if d["bailleur"] == "M&C"]
    sia = [d for d in dwellings if d["bailleur"] == "SIA"]
    sheets = (
        ("mc_logements_rehabilites.xlsx", mc[:len(mc) // 2], False,
         lambda p, r: write_xlsx_osp(p, r)),
        ("sia_logements.csv", sia[:len(sia) // 2], True,
         lambda p, r: write_csv(p, r, "cp1252", ";", SIA_HEADER, sia_cells, blank_after=25)),
        ("mc_2019.ods", mc[len(mc) // 2:], False,
         lambda p, r: write_ods_sheet(p, r)),
        ("sia_2021_utf8.csv", sia[len(sia) // 2:], True,
         lambda p, r: write_csv(p, r, "utf-8", ",", UTF8_HEADER, utf8_cells)),
    )
    truth = []
    for name, part, has_address, writer in sheets:
        rows = plan_rows(part, has_address, rng)
        lines = writer(os.path.join(out, "bailleurs", name), rows)
        for line, row in zip(lines, rows):
            e = row.expect
            truth.append({"fichier": name, "ligne": line, "defaut": row.defect,
                          "ident_rep": e["ident_rep"], "ident_int": e["ident_int"],
                          "idpar": e["idpar"],
                          "idpar_reel": row.d["idpar"], "source": e["source"],
                          "motif": e["motif"], "doublon": e["doublon"],
                          "anomalies": "|".join(e["anomalies"]), "type_palu": e["type_palu"],
                          "annee": e["annee"], "idcom": row.d["insee"], "epci": row.d["epci"],
                          "bailleur": row.d["bailleur"], "id_cite": row.d["parcel"]["cite"],
                          "cite_ini": row.d["cite"] if name != "mc_logements_rehabilites.xlsx"
                          and name != "sia_2021_utf8.csv" else ""})
    write_decisions(os.path.join(out, "decisions.csv"), dwellings)
    import sample_programmation
    programmation = sample_programmation.generate(out, COMMUNES, cites, dwellings, seed)
    import sample_parc_social
    parc_social = sample_parc_social.generate(out, communes, cites, parcels, dwellings, seed)
    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(truth[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(truth)
    return {"communes": len(communes), "cites": len(cites), "parcelles": len(parcels),
            "logements": len(dwellings), "lignes": len(truth),
            "opérations programmées": programmation["operations"],
            "locaux des Fichiers fonciers": fichiers_fonciers["locaux"], **parc_social}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--dwellings", type=int, default=600)
    parser.add_argument("--parcels", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=20210615)
    parser.add_argument("--bench", action="store_true",
                        help="données de banc d'essai (une grande table, sans adresses)")
    parser.add_argument("--locaux", type=int, default=0)
    args = parser.parse_args(argv)
    if args.bench:
        counts = generate_bench(args.out, args.dwellings, args.parcels, args.locaux, args.seed)
    else:
        counts = generate(args.out, args.dwellings, args.parcels, args.seed)
    print("Jeu d'exemple écrit dans %s : %s" % (args.out, ", ".join(
        "%d %s" % (v, k) for k, v in counts.items())))


if __name__ == "__main__":
    sys.exit(main())
