#!/usr/bin/python3
"""The sample social stock (called by tools/sample_data.py), independent of the plugin:

  parc_social/adresses_ban.csv   BAN-layout address points of the sample territory
                                 (numero, rep, nom_voie, code_insee, x, y; ',' UTF-8)
  parc_social/rpls_bassin.csv    an RPLS landlord-layout file (';', Windows-1252): every ERBM
                                 dwelling and other social dwellings of the cités, street
                                 types abbreviated or not, QPV flag, occupation mode
  parc_social/ops_bassin.csv     the occupation survey: one household per occupied dwelling
                                 that answered (codes or labels, « 37,5 % » incomes), a few
                                 households of unknown dwellings and unreadable answers
  parc_social/rpls_bassin_2015.csv  the same landlord file six years earlier: the ERBM
                                 dwellings before their renovation (worse energy labels, some
                                 not yet diagnosed), the others unchanged
  parc_social/verite.csv         per RPLS row: its cité, commune and point (the test's
                                 independent truth)
"""
import csv
import os
import random

SURVEY_YEAR = 2024
COMPOSITIONS = (("1", "Personne seule"), ("2", "Couple sans enfant"),
                ("3", "Couple avec enfant(s)"), ("4", "Famille monoparentale"), ("5", "Autre"))
ACTIVITIES = (("1", "Emploi"), ("2", "Chômage"), ("3", "Retraité"), ("4", "Autre inactif"))
SHORT_TYPES = {"RUE": ("R", "RUE"), "AVENUE": ("AV", "AVENUE"), "PLACE": ("PL", "PLACE")}


def split_street(street, rng):
    first, _, rest = street.partition(" ")
    return rng.choice(SHORT_TYPES.get(first, (first,))), rest


def generate(out, communes, cites, parcels, dwellings, seed):
    rng = random.Random(seed + 14)
    folder = os.path.join(out, "parc_social")
    os.makedirs(folder, exist_ok=True)
    reps = {(d["insee"], int(d["numero"]), d["voie"]): d["rep"] for d in dwellings if d["rep"]}
    with open(os.path.join(folder, "adresses_ban.csv"), "w", encoding="utf-8",
              newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "numero", "rep", "nom_voie", "code_insee", "x", "y"])
        for n, p in enumerate(parcels):
            rep = reps.get((p["insee"], p["num_voie"], p["street"]), "")
            writer.writerow(["%s_%06d" % (p["insee"], n), p["num_voie"],
                             "bis" if rep else "", p["street"].title(), p["insee"],
                             "%.2f" % ((p["rect"][0] + p["rect"][2]) / 2),
                             "%.2f" % ((p["rect"][1] + p["rect"][3]) / 2)])
    names = {c["insee"]: c["nom"] for c in communes}
    qpv_cites = {c["id_cite"] for c in cites if c["id_cite"] % 3 == 0}
    erbm = {d["idpar"]: d for d in dwellings}
    others = [p for p in parcels if p["idpar"] not in erbm][::3][:int(1.5 * len(dwellings))]
    rows, truth, households, before = [], [], [], []
    ids = rng.sample(range(10000000, 99999999), len(dwellings) + len(others))
    for n, (parcel, dwelling) in enumerate([(erbm[i]["parcel"], erbm[i]) for i in erbm] +
                                           [(p, None) for p in others]):
        ident = dwelling["rpls"] if dwelling else "00%08d" % ids[n]
        year = rng.choice([1905, 1921, 1926, 1930, 1952, 1958]) if dwelling else \
            rng.choice([1965, 1972, 1984, 1998, 2008, 2015])
        label = rng.choice("BCCDDDE") if dwelling else rng.choice("BCCDDE")
        typ, name = split_street(parcel["street"], rng)
        rep = dwelling["rep"] if dwelling else ""
        mode = "2" if rng.random() < 0.06 else "1"
        cite_in_qpv = parcel["cite"] in qpv_cites
        rows.append([ident, parcel["insee"], names[parcel["insee"]].upper(),
                     str(parcel["num_voie"]), rep, typ, name,
                     "I" if dwelling else rng.choice("CI"), str(rng.choice([2, 3, 3, 4, 4, 5])),
                     str(rng.randint(45, 95)), str(year),
                     rng.choice(["12", "12", "10", "14", "99", "16"]), label,
                     rng.choice("CDDEEF"), "1" if cite_in_qpv else "2", mode])
        old = list(rows[-1])
        if dwelling:    # before the works: a worse label, or none yet
            old[12] = rng.choice("DEEFFGG") if rng.random() < 0.92 else ""
        before.append(old)
        truth.append([ident, str(parcel["cite"]), parcel["insee"],
                      "%.2f" % ((parcel["rect"][0] + parcel["rect"][2]) / 2),
                      "%.2f" % ((parcel["rect"][1] + parcel["rect"][3]) / 2)])
        if mode == "1" and rng.random() < 0.75:
            households.append(household(ident, rng))
    # households the survey has but the RPLS does not, and damaged answers
    for _ in range(3):
        households.append(household("00%08d" % rng.randint(10 ** 7, 10 ** 8 - 1), rng))
    households[5][2], households[9][3] = "célibataire à 3", "deux cents"
    rpls_header = ["IDENT_REP", "DEPCOM", "LIBCOM", "NUMVOIE", "INDREP", "TYPVOIE", "NOMVOIE",
                   "TYPECONST", "NBPIECE", "SURFHAB", "CONSTRUCT", "FINAN", "DPEENERGIE",
                   "DPESERRE", "QPV", "MODE"]
    write(os.path.join(folder, "rpls_bassin.csv"), rpls_header, rows, "cp1252", ";")
    write(os.path.join(folder, "rpls_bassin_2015.csv"), rpls_header, before, "cp1252", ";")
    write(os.path.join(folder, "ops_bassin.csv"),
          ["IDENT_REP", "NB_PERSONNES", "COMPOSITION", "AGE_PR", "REVENU_PLAFOND",
           "ACTIVITE_PR", "ANNEE_EMMENAGEMENT", "ANNEE_ENQUETE"], households, "utf-8", ";")
    write(os.path.join(folder, "verite.csv"), ["ident_rep", "id_cite", "insee", "x", "y"],
          truth, "utf-8", ";")
    return {"lignes RPLS": len(rows), "ménages OPS": len(households)}


def household(ident, rng):
    composition = rng.choice(COMPOSITIONS)
    size = {"1": 1, "2": 2, "3": rng.randint(3, 6), "4": rng.randint(2, 4),
            "5": rng.randint(2, 5)}[composition[0]]
    activity = rng.choice(ACTIVITIES)
    age = rng.randint(67, 92) if activity[0] == "3" else rng.randint(19, 64)
    income = rng.choice([rng.uniform(5, 20), rng.uniform(20, 40), rng.uniform(40, 60),
                         rng.uniform(40, 60), rng.uniform(60, 100), rng.uniform(100, 130)])
    return [ident, str(size), rng.choice(composition), str(age),
            ("%.1f %%" % income).replace(".", ","), rng.choice(activity),
            str(rng.randint(1975, SURVEY_YEAR)), str(SURVEY_YEAR)]


def write(path, header, rows, encoding, delimiter):
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
