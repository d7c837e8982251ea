#!/usr/bin/python3
"""The sample programmation (called by tools/sample_data.py), independent of the plugin:

  programmation/programmation.gpkg   operations over the sample cités (2021 and 2022): all
                                     three forecast blocks partly filled, CRHH decisions,
                                     reported and annulled operations, avancement notes;
                                     tables written with GDAL in the plugin's schema (no
                                     style: osp:programmation_init adds them)
  programmation/ddtm_2021.xlsx       a DDTM sheet (Prévisionnel DIRBM/DDTM block), two new
                                     operations among the known ones
  programmation/recap_crhh_2021.xlsx the 2021 CRHH recap as the partners received it
                                     (transcribed from the 2021 presentation: two header
                                     rows, TOTAL lines, names carrying landlord and EPCI)

:func:`edit_partner_workbook` makes the edits a landlord makes in its workbook and says
what the import must do with each."""
import datetime
import os
import random

import sample_finance

BLOCK_FIELDS = ("nb_total", "nb_c", "nb_bbc", "nb_bio", "env_total", "env_c", "env_bbc", "obs")
OPERATION_SCHEMA = (
    [("id_op", "int"), ("nom", "string"), ("bailleur", "string"), ("epci", "string"),
     ("communes", "string"), ("cites", "string"), ("annee_prog", "int"),
     ("type_prog", "string"), ("statut", "string")]
    + [("b_" + n, "double" if n.startswith("env") else "string" if n == "obs" else "int")
       for n in BLOCK_FIELDS]
    + [("b_perimetre", "string"), ("b_report", "string"), ("b_rehab_integree", "string"),
       ("b_date_depot", "date")]
    + [("e_" + n, "double" if n.startswith("env") else "string" if n == "obs" else "int")
       for n in BLOCK_FIELDS] + [("e_date_validite", "date")]
    + [("d_" + n, "double" if n.startswith("env") else "string" if n == "obs" else "int")
       for n in BLOCK_FIELDS]
    + [("d_env_min", "double"), ("d_env_max", "double"), ("d_bonus_min", "double"),
       ("d_bonus_max", "double")]
    + [("crhh_nb_valides", "int"), ("crhh_enveloppe", "double"), ("crhh_date", "date"),
       ("num_decision", "string"), ("date_maj", "datetime"), ("maj_par", "string"),
       ("version", "int")])
NOTE_SCHEMA = [("id_note", "int"), ("id_op", "int"), ("date", "date"), ("role", "string"),
               ("auteur", "string"), ("texte", "string"), ("statut", "string")]
STATUTS = ("valide", "prefleche", "propose", "valide", "reporte", "valide", "annule", "propose")
RATE_BBC = 9000.0
NOTES = ("Avant-projet en cours d'élaboration, concertation à lancer.",
         "Concertation réalisée avec les habitants ; dépôt du dossier prévu au printemps.",
         "Ordre de service donné, démarrage des travaux.",
         "Retard : appel d'offres infructueux, relance en cours.",
         "Report de la phase 2 en 2022 demandé par le bailleur.")
# The recap of the CRHH 2021 as the presentation of June 2021 shows it (names, dates, report,
# Total, C, BBC, Biosourcés; amounts left to the rates; TOTAL lines as they were printed).
RECAP_2021 = {
    "59": [("CAPH", [("MC CAPH BENAÏN CHABAUD LA TOUR", "01/10/2021", "non", 38, 0, 38, 38),
                     ("MC CAPH ESCAUDAIN SCHNEIDER", "01/08/2021", "non", 39, 0, 39, 39),
                     ("MC CAPH HAÏMES BARATIER", "01/08/2021", "non", 134, 0, 134, 134),
                     ("MC CAPH WALLERS ARSEBERG", "01/08/2021", "non", 107, 0, 107, 107)]),
           ("CAVM", [("MC CAVM ONNAING VICO CUVINOT ANCIENNE", "01/07/2021", "non", 127, 0, 127, 127),
                     ("SA CAVM ONNAING CITE D ONNAING", "01/03/2021", "non", 130, 0, 130, 130)]),
           ("CCCC", [("MC CCCC BENAÏN AGACHE", "01/11/2021", "non", 107, 0, 107, 107),
                     ("MC CCCC MASY CHAMP FLEURI T2", "01/04/2021", "non", 115, 0, 115, 115),
                     ("MC CCCC MASY CHAMP FLEURI T3", "01/07/2021", "non", 114, 0, 114, 114),
                     ("MC CCCC PESCOUENCOURT SARRAIS", "01/04/2021", "non", 111, 0, 111, 111),
                     ("MC CCCC SOMAIN BOIS EMULE", "01/07/2021", "non", 119, 0, 119, 119),
                     ("SA CCCC SOMAIN CHAUMOUR", "01/03/2021", "non", 87, 0, 87, 87)]),
           ("DA", [("MC DA BECHY CROIX DE PIERRE", "01/02/2021", "oui", 276, 0, 276, 0),
                   ("MC DA DOULAI CORONS VERTS", "01/11/2021", "non", 81, 0, 81, 81),
                   ("MC DA LALLAING HAUTS PRES", "01/12/2021", "non", 39, 0, 39, 39)])],
    "62": [("CABBALR", [("MC CABBALR BRUAY LA BUISSIERE ANATOLE FRANCE", "01/04/2021", "non", 78, 0, 78, 78),
                        ("MC CABBALR BRUAY LA BUISSIERE NOUVEAU MONDE", "01/03/2021", "non",
                         105, 0, 105, 105),
                        ("MC CABBALR HOUDAIN VICTOIRE 1ÈRE TRANCHE", "01/04/2021", "non", 124, 0, 124, 124)]),
           ("CACH", [("MC CACH HENIN BEAUMONT DANCY", "01/07/2021", "non", 97, 0, 97, 97),
                     ("MC CACH OIGNIES DEUCHECO", "01/04/2021", "non", 100, 0, 100, 100),
                     ("SA CACH ROUVROY LA MOTTE NOUVEA - TRANCHE2", "01/12/2020", "non", 184, 4, 180, 184)]),
           ("CALL", [("MC CALL HARNES BELEVUE ANCIENNE", "01/03/2021", "non", 122, 0, 122, 122),
                     ("MC CALL LENS 4 T2", "01/04/2021", "non", 130, 0, 130, 130),
                     ("MC CALL LENS 4 T3", "01/03/2021", "non", 130, 0, 130, 130),
                     ("MC CALL LEVIN OBIETTES", "01/09/2021", "non", 31, 0, 31, 31),
                     ("MC CALL SAINS EN SOUSILLE 10", "01/04/2021", "non", 53, 0, 53, 53),
                     ("MC CALL SALLAUMINES 4/11 T1", "01/03/2021", "non", 77, 0, 77, 77),
                     ("MC CALL SALLAUMINES 4/11 T2", "01/03/2021", "non", 73, 0, 73, 73),
                     ("MC CALL SALLAUMINES 5/12", "01/03/2021", "non", 87, 0, 87, 87),
                     ("SA CALL MERICOURT CROISSETTE TRANCHE1", "01/09/2021", "non", 118, 98, 20, 0)])]}
# TOTAL lines as printed in 2021 (some are wrong: they must be recomputed, not imported)
RECAP_2021_PRINTED_TOTALS = {"TOTAL CAPH": 388, "TOTAL CAVM": 257, "TOTAL DA": 428,
                             "TOTAL DEP 59": 1726, "TOTAL DEP 62": 1559,
                             "TOTAL DEP 59-62": 3285}


def _words(text):
    import re
    import unicodedata
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).upper()
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text).split())


def build_operations(communes, cites, dwellings, rng):
    """``(operations, notes)``: one operation per cité in 2021, a second tranche in 2022 for
    one cité in three."""
    epci_of = {c[0]: c[2] for c in communes}
    name_of = {c[0]: c[1] for c in communes}
    decisions = {}
    for d in dwellings:
        decisions.setdefault((d["parcel"]["cite"], d["annee"]), d["decision"])
    operations, notes = [], []
    for n, cite in enumerate(cites):
        for year in (2021, 2022) if n % 3 == 0 else (2021,):
            k = len(operations)
            bailleur = "M&C" if (cite["id_cite"] % 10) < 7 else "SIA"
            sigle = "MC" if bailleur == "M&C" else "SIA"
            total = 30 + (k * 37) % 110
            with_c = k % 9 == 4
            c = 6 if with_c else 0
            bio = total if k % 4 == 0 else (total // 2 if k % 4 == 1 else 0)
            statut = STATUTS[k % len(STATUTS)] if year == 2021 else "propose"
            cite_words = _words(cite["nom"]).replace("CITE ", "", 1)
            op = {"id_op": k + 1, "nom": " ".join(p for p in (
                      sigle, epci_of[cite["insee"]], _words(name_of[cite["insee"]]), cite_words,
                      "T2" if year == 2022 else "") if p),
                  "bailleur": bailleur, "epci": epci_of[cite["insee"]],
                  "communes": cite["insee"], "cites": str(cite["id_cite"]), "annee_prog": year,
                  "type_prog": "complementaire" if k % 7 == 3 else "annuelle", "statut": statut,
                  "b_nb_total": total, "b_nb_c": c, "b_nb_bbc": total - c, "b_nb_bio": bio,
                  "b_env_total": None if with_c else RATE_BBC * total, "b_env_c": None,
                  "b_env_bbc": None if with_c else RATE_BBC * total,
                  "b_obs": "Matériaux biosourcés mur + toiture" if bio == total else None,
                  "b_perimetre": "Rues de la cité %s" % cite["nom"],
                  "b_report": "oui" if statut == "reporte" else "non",
                  "b_rehab_integree": "oui" if k % 5 == 0 else "non",
                  "b_date_depot": datetime.date(year, 1 + (k * 5) % 12, 1),
                  "date_maj": datetime.datetime(year - 1, 12, 15, 10, 0), "maj_par": bailleur,
                  "version": 1}
            if k % 5 in (0, 1, 3):   # the EPCI's forecast, sometimes revised down
                op.update({"e_nb_total": total - (k % 2) * 4, "e_nb_c": c,
                           "e_nb_bbc": total - (k % 2) * 4 - c, "e_nb_bio": min(bio, total - 4),
                           "e_date_validite": datetime.date(year, 6, 30)})
                op["version"] += 1
            if k % 5 in (0, 2):      # the DDTM's forecast
                op.update({"d_nb_total": total, "d_nb_c": c, "d_nb_bbc": total - c,
                           "d_nb_bio": bio, "d_env_min": RATE_BBC * (total - c) * 0.9,
                           "d_env_max": RATE_BBC * (total - c), "d_bonus_min": 0.0,
                           "d_bonus_max": 2500.0 * bio, "d_obs": "Calendrier à confirmer"})
                op["version"] += 1
            if statut == "valide":
                op.update({"crhh_nb_valides": op.get("d_nb_total") or total,
                           "crhh_enveloppe": RATE_BBC * (total - c) + 6 * 0,
                           "crhh_date": datetime.date(year, 2, 8),
                           "num_decision": decisions.get((cite["id_cite"], year))})
            operations.append(op)
            for j in range((k % 3) + 1):
                notes.append({"id_note": len(notes) + 1, "id_op": k + 1,
                              "date": datetime.date(year, 3 + 2 * j, 10 + j),
                              "role": ("bailleur", "epci", "ddtm_drbm")[(k + j) % 3],
                              "auteur": ("Chargé d'opération", "Service habitat EPCI",
                                         "DDTM – SHRU")[(k + j) % 3],
                              "texte": NOTES[(k + j) % len(NOTES)],
                              "statut": "brouillon" if (k + j) % 11 == 10 else "publie"})
    return operations, notes


def write_programmation_gpkg(path, operations, notes, cites):
    from osgeo import ogr, osr
    ogr.UseExceptions()
    if os.path.exists(path):
        os.remove(path)
    types = {"int": ogr.OFTInteger, "double": ogr.OFTReal, "string": ogr.OFTString,
             "date": ogr.OFTDate, "datetime": ogr.OFTDateTime}
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    rects = {c["id_cite"]: c["rect"] for c in cites}
    for name, schema, rows, geometry in (("operations", OPERATION_SCHEMA, operations, True),
                                         ("avancement", NOTE_SCHEMA, notes, False)):
        layer = ds.CreateLayer(name, srs if geometry else None,
                               ogr.wkbMultiPolygon if geometry else ogr.wkbNone,
                               options=(["GEOMETRY_NAME=geom"] if geometry else []) + ["FID=fid"])
        for field, kind in schema:
            layer.CreateField(ogr.FieldDefn(field, types[kind]))
        ds.StartTransaction()
        for row in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for field, kind in schema:
                value = row.get(field)
                if value is None:
                    continue
                if kind == "date":
                    feature.SetField(field, value.year, value.month, value.day, 0, 0, 0, 0)
                elif kind == "datetime":
                    feature.SetField(field, value.year, value.month, value.day, value.hour,
                                     value.minute, value.second, 0)
                else:
                    feature.SetField(field, value)
            if geometry:
                x0, y0, x1, y1 = rects[int(row["cites"])]
                feature.SetGeometry(ogr.CreateGeometryFromWkt(
                    "MULTIPOLYGON(((%r %r,%r %r,%r %r,%r %r,%r %r)))"
                    % (x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)))
            layer.CreateFeature(feature)
        ds.CommitTransaction()
    ds = None


def write_ddtm_sheet(path, operations, rng):
    """The DDTM's forecasts for some 2021 operations, and two operations it adds."""
    import openpyxl
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Prévisionnel DDTM"
    ws.append(["Programmation 2021 – prévisionnel DIRBM/DDTM"])
    ws.append([])
    ws.append(["Programmes", "Total", "C", "BBC", "Biosourcés", "Enveloppe mini",
               "Enveloppe maxi", "Observations"])
    chosen = [op for op in operations if op["annee_prog"] == 2021 and op["statut"] != "annule"
              and op.get("d_nb_total") is None][:6]
    for op in chosen:
        total = op["b_nb_total"] + 2
        ws.append([op["nom"], total, 0, total, op["b_nb_bio"], RATE_BBC * total * 0.9,
                   RATE_BBC * total, "Estimation DDTM"])
    ws.append(["MC CALL LENS CITE DU 4 T4", 40, 0, 40, 0, 324000, 360000, "Nouvelle tranche"])
    ws.append(["SIA CAHC OIGNIES DECLERCQ", 25, 5, 20, 0, None, None, "Nouvelle opération"])
    ws.append(["TOTAL", sum(op["b_nb_total"] + 2 for op in chosen) + 65])
    book.save(path)
    return chosen


def write_recap_2021(path):
    """The recap sheet of the CRHH 2021, laid out as it was exported."""
    import openpyxl
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Programmation 2021"
    ws.append(["Programmation 2021 — version du 25/03/2021 à 09h52"])
    ws.append([])
    ws.append(["Programmes", "Date de dépôt prévisionnelle", "Raport", "Nombre de logements",
               None, None, None, "Subv. Prév.", None, None, None])
    ws.append([None, None, None, "Total", "C", "BBC", "Biosourcés", "PALULOS",
               "Subvention + biosourcés toiture", "Subvention + biosourcés mur",
               "Subvention + biosourcés mur + toiture"])
    for cell in ("A3:A4", "B3:B4", "C3:C4", "D3:G3", "H3:K3"):
        ws.merge_cells(cell)
    ws.append(["Version du 25/03/2021 à 09h52"])
    for dep, epcis in RECAP_2021.items():
        for epci, rows in epcis:
            for name, date, report, total, c, bbc, bio in rows:
                day, month, year = (int(p) for p in date.split("/"))
                ws.append([name, datetime.date(year, month, day), report, total, c, bbc, bio,
                           RATE_BBC * bbc, None, None, None])
            printed = RECAP_2021_PRINTED_TOTALS.get("TOTAL %s" % epci,
                                                    sum(r[3] for r in rows))
            ws.append(["TOTAL %s" % epci, None, None, printed])
        ws.append(["TOTAL DEP %s" % dep, None, None, RECAP_2021_PRINTED_TOTALS["TOTAL DEP %s"
                                                                               % dep]])
    ws.append(["TOTAL DEP 59-62", None, None, RECAP_2021_PRINTED_TOTALS["TOTAL DEP 59-62"]])
    book.save(path)


def generate(out, communes, cites, dwellings, seed=20210615):
    rng = random.Random(seed)
    folder = os.path.join(out, "programmation")
    os.makedirs(folder, exist_ok=True)
    operations, notes = build_operations(communes, cites, dwellings, rng)
    write_programmation_gpkg(os.path.join(folder, "programmation.gpkg"), operations, notes, cites)
    write_ddtm_sheet(os.path.join(folder, "ddtm_2021.xlsx"), operations, rng)
    write_recap_2021(os.path.join(folder, "recap_crhh_2021.xlsx"))
    counts = sample_finance.generate(folder, operations)
    return dict({"operations": len(operations), "notes": len(notes)}, **counts)


def edit_partner_workbook(path, cites=()):
    """A landlord's edits in its workbook, and what the import must make of each:
    ``{"updated": {nom: new total}, "rejected": [nom], "locked_edit": nom, "added": nom,
    "notes": [(operation, texte)]}``."""
    import openpyxl
    book = openpyxl.load_workbook(path)
    ws = book["Opérations"]
    names_row = next(r for r in range(1, 12) if ws.cell(row=r, column=1).value == "id_op")
    names = {ws.cell(row=names_row, column=c).value: c for c in range(1, ws.max_column + 1)}
    rows = [r for r in range(names_row + 1, ws.max_row + 1)
            if ws.cell(row=r, column=names["id_op"]).value is not None]
    expect = {"updated": {}, "rejected": [], "locked_edit": None, "added": None, "notes": []}

    def put(row, field, value):
        ws.cell(row=row, column=names[field], value=value)

    for row in rows[:2]:   # revised forecasts, consistent
        total = (ws.cell(row=row, column=names["b_nb_total"]).value or 0) + 10
        put(row, "b_nb_total", total)
        put(row, "b_nb_c", 0)
        put(row, "b_nb_bbc", total)
        put(row, "b_nb_bio", total // 2)
        put(row, "b_obs", "Révision après concertation")
        expect["updated"][ws.cell(row=row, column=names["nom"]).value] = total
    if len(rows) > 2:      # C + BBC ≠ total: refused
        row = rows[2]
        put(row, "b_nb_total", 50)
        put(row, "b_nb_c", 10)
        put(row, "b_nb_bbc", 30)
        expect["rejected"].append(ws.cell(row=row, column=names["nom"]).value)
    if len(rows) > 3:      # a locked cell typed over (protection removed by the landlord)
        row = rows[3]
        expect["locked_edit"] = ws.cell(row=row, column=names["nom"]).value
        put(row, "nom", expect["locked_edit"] + " (renommée)")
    new = rows[-1] + 1 if rows else names_row + 1
    cite = next(iter(cites), None)
    put(new, "epci", cite["epci"] if cite else "CALL")
    put(new, "communes_noms", cite["commune"] if cite else "Lens")
    put(new, "cites_noms", cite["nom"] if cite else None)
    put(new, "b_nb_total", 42)
    put(new, "b_nb_c", 0)
    put(new, "b_nb_bbc", 42)
    put(new, "b_nb_bio", 0)
    expect["added"] = 42
    notes = book["Avancement"]
    names_row = next(r for r in range(1, 12) if notes.cell(row=r, column=1).value == "operation")
    row = names_row + 1
    while notes.cell(row=row, column=1).value is not None:
        row += 1
    for k, source in enumerate(rows[:2]):
        operation = ws.cell(row=source, column=names["nom"]).value
        text = "Ordre de service signé (note %d du bailleur)." % (k + 1)
        notes.cell(row=row + k, column=1, value=operation)
        notes.cell(row=row + k, column=2, value=datetime.date(2021, 9, 15 + k))
        notes.cell(row=row + k, column=3, value="Chargée d'opération")
        notes.cell(row=row + k, column=4, value=text)
        expect["notes"].append((operation, text))
    book.save(path)
    return expect
