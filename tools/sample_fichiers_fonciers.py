#!/usr/bin/python3
"""The sample's Fichiers fonciers extracts (called by tools/sample_data.py), shaped like
Cerema's pb0010_local (column names and types of ../shared/data/fichiers_fonciers/):

  pb0010_local.csv        current vintage: one local per reported dwelling (owner F1a,
                          every loghlls value), private dwellings on the same parcels,
                          landlords' outbuildings (not dwellings), social dwellings the
                          landlords forgot (on a reported parcel or elsewhere in the cités),
                          tax-exempt dwellings of a private owner
  pb0010_local_2013.csv   an older vintage of the same locals: no logh, no catpro3 (dteloc
                          and hlmsem instead)
  fichiers_fonciers_verite.csv
                          per local, what it was made as (``cas``) and whether Cerema's
                          rule (``social_cerema``) and the F1a-owner rule
                          (``social_catpro3``) must count it: written from the generator's
                          intent, not from the plugin's rule

Identifiers: a reported dwelling's idlocal is département + commune + ``0`` + 6 digits
(as in the landlords' sheets); the other locals use 4 (the private stock), 5 (outbuildings),
6 (private dwellings on a landlord's parcel, tax-exempt private ones), 7 (social dwellings
nobody reported) and 8 (the benchmark's extra private stock) in that place, so they never
collide with the sheets' ids, nor with each other, nor with the join's « local inconnu » ids
(9)."""
import csv
import os
import unicodedata

COLUMNS = ("idlocal", "idbat", "idpar", "idcom", "idcomtxt", "ccodep", "ccocom", "invar",
           "ccosec", "dnupla", "dnvoiri", "dindic", "dvoilib", "dteloc", "logh", "loghlls",
           "catpro3", "hlmsem", "jannath")
OLD_COLUMNS = ("idlocal", "idpar", "idcom", "idcomtxt", "dnvoiri", "dindic", "dvoilib",
               "dteloc", "loghlls", "hlmsem", "jannath")
# loghlls of the reported dwellings: NC is the majority in Hauts-de-France
REPORTED_LOGHLLS = ("NC", "NC", "NC", "NC", "OUI PROBABLE", "NC", "OUI", "NC", "OUI PROBABLE",
                    "NON")


def _upper_ascii(text):
    """« Béthune » -> « BETHUNE », as idcomtxt is written in the extracts."""
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "OE"))
    return "".join(c for c in text if not unicodedata.combining(c)).upper()


def _local(parcel, idlocal, commune_name, cas, owner, loghlls, dwelling=True, year=1925,
           numero=None, rep="", street=None):
    social_owner = owner == "F1a"
    cerema = dwelling and social_owner and loghlls != "NON"
    return {"idlocal": idlocal, "idbat": parcel["idpar"] + "A", "idpar": parcel["idpar"],
            "idcom": parcel["insee"], "idcomtxt": _upper_ascii(commune_name),
            "ccodep": parcel["insee"][:2], "ccocom": parcel["insee"][2:], "invar": idlocal[2:],
            "ccosec": parcel["section"].rjust(2, "0"), "dnupla": "%04d" % parcel["numero"],
            "dnvoiri": "%04d" % int(numero if numero is not None else parcel["num_voie"]),
            "dindic": rep, "dvoilib": street or parcel["street"],
            "dteloc": "1" if dwelling else "4", "logh": "t" if dwelling else "f",
            "loghlls": loghlls, "catpro3": owner, "hlmsem": "5" if social_owner else "",
            "jannath": str(year), "cas": cas,
            "social_cerema": int(cerema), "social_catpro3": int(dwelling and social_owner)}


def build_locaux(dwellings, parcels, communes, private_stock=True):
    """Every local of the extract, with what it is (``cas``) and how it must be counted
    (``private_stock``: the rest of each commune's private housing, 0 to 3 dwellings per
    parcel; the benchmark sizes its extract itself)."""
    names = {c[0]: c[1] for c in communes}
    out = []
    by_parcel = {}
    for n, d in enumerate(dwellings):
        p = d["parcel"]
        by_parcel[p["idpar"]] = p
        loghlls = REPORTED_LOGHLLS[n % len(REPORTED_LOGHLLS)]
        out.append(_local(p, d["idlocal"], names[d["insee"]],
                          "remonte_non_exonere" if loghlls == "NON" else "remonte", "F1a",
                          loghlls, year=1900 + n % 40, numero=d["numero"], rep=d["rep"],
                          street=d["voie"]))
        prefix = p["insee"]
        if n % 3 == 0:     # a private house on the same parcel
            out.append(_local(p, "%s6%06d" % (prefix, n), names[p["insee"]],
                              "prive_meme_parcelle", "P1a", ("NC", "NON")[n % 2]))
        if n % 7 == 0:     # the landlord's outbuilding: not a dwelling
            out.append(_local(p, "%s5%06d" % (prefix, n), names[p["insee"]],
                              "dependance_bailleur", "F1a", "NC", dwelling=False))
        if n % 11 == 0:    # a second social dwelling on the parcel, never reported
            out.append(_local(p, "%s7%06d" % (prefix, n), names[p["insee"]],
                              "oubli_meme_parcelle", "F1a", ("NC", "OUI")[n % 2]))
    others = [p for p in parcels if p["idpar"] not in by_parcel]
    for k, p in enumerate(others[::50]):   # social dwellings no landlord reported
        out.append(_local(p, "%s7%06d" % (p["insee"], 500000 + k), names[p["insee"]],
                          "oubli_bailleur", "F1a", ("NC", "OUI", "OUI PROBABLE")[k % 3],
                          year=1920 + k % 30))
    for k, p in enumerate(others[25::60]):  # tax exemption, but a private owner
        out.append(_local(p, "%s6%06d" % (p["insee"], 500000 + k), names[p["insee"]],
                          "exoneration_proprietaire_prive", "P1a", "OUI", year=2005))
    # the rest of each commune's housing: 0 to 3 private dwellings per parcel depending on
    # the commune, so that shares of social housing differ (some communes under 25 %)
    rank = {c[0]: k for k, c in enumerate(communes)}
    counters = {}   # per commune: six digits are enough at département scale
    for p in (others if private_stock else ()):
        for j in range(rank[p["insee"]] % 4):
            counter = counters[p["insee"]] = counters.get(p["insee"], 0) + 1
            out.append(_local(p, "%s4%06d" % (p["insee"], counter), names[p["insee"]],
                              "prive", "P1a", ("NC", "NON", "NC")[j], year=1950 + counter % 60))
    return out


def write_locaux(path, locaux, extra_private=0, parcels=(), communes=()):
    """The current vintage; ``extra_private`` more private dwellings spread over the other
    parcels (the benchmark's million-row extract)."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        for local in locaux:
            writer.writerow([local[c] for c in COLUMNS])
        if extra_private:
            names = {c[0]: c[1] for c in communes}
            used = {l["idpar"] for l in locaux}
            others = [p for p in parcels if p["idpar"] not in used] or list(parcels)
            for n in range(extra_private):
                p = others[n % len(others)]
                local = _local(p, "%s8%06d" % (p["insee"], n % 1000000), names.get(p["insee"], ""),
                               "prive", "P1a", ("NC", "NON")[n % 2])
                writer.writerow([local[c] for c in COLUMNS])


def write_old_vintage(path, locaux):
    """The same locals as a 2013 extract: dwellings by dteloc, HLM owners by hlmsem (5, or 6
    for a SEM), no logh, no catpro3."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(OLD_COLUMNS)
        for n, local in enumerate(locaux):
            row = dict(local)
            if row["hlmsem"] and n % 13 == 0:
                row["hlmsem"] = "6"
            row["dteloc"] = ("1", "2")[n % 2] if local["logh"] == "t" else "4"
            writer.writerow([row[c] for c in OLD_COLUMNS])


def write_truth(path, locaux):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(("idlocal", "idpar", "idcom", "cas", "social_cerema", "social_catpro3"))
        for local in locaux:
            writer.writerow([local[c] for c in ("idlocal", "idpar", "idcom", "cas",
                                                 "social_cerema", "social_catpro3")])


def generate(out, dwellings, parcels, communes):
    locaux = build_locaux(dwellings, parcels, communes)
    write_locaux(os.path.join(out, "pb0010_local.csv"), locaux)
    write_old_vintage(os.path.join(out, "pb0010_local_2013.csv"), locaux)
    write_truth(os.path.join(out, "fichiers_fonciers_verite.csv"), locaux)
    return {"locaux": len(locaux),
            "logements sociaux FF": sum(l["social_cerema"] for l in locaux)}
