"""The zone sets indicators are given for (pandas, no Qt): communes from the file's own
code, their split by the file's QPV flag, EPCI and département from the reference tables,
the whole file, polygon layers (membership computed by the caller) and INSEE-style grids."""
import math

from ..reference import communes, departements, epcis
from .indicators import Level

ENSEMBLE = "ENSEMBLE"
QPV_PARTS = (("QPV", "en QPV"), ("HORS_QPV", "hors QPV"), ("QPV_NR", "QPV non renseigné"))
UNKNOWN_COMMUNE = "Commune non renseignée"


def _membership(codes):
    import pandas as pd
    return pd.DataFrame({"row": codes.index, "code": codes.values})


def departement_of(insee):
    if not insee:
        return ""
    return insee[:3] if insee.startswith("97") else insee[:2]


def administrative_levels(rows, commune_names=None):
    """Commune (file's code; a « commune non renseignée » zone holds rows without it so that
    the levels nest exactly), commune × QPV flag (when the file has it), EPCI (communes of the
    reference tables), département, ensemble."""
    import pandas as pd
    reference = communes()
    names = dict(commune_names or {})
    depcom = rows["depcom"].fillna("")
    commune_names = {c: names.get(c) or (reference[c]["nom"] if c in reference else c)
                     for c in depcom.unique()}
    if "" in commune_names:
        commune_names[""] = UNKNOWN_COMMUNE
    departement = depcom.map(departement_of)
    levels = []
    epci_of = {c: reference[c]["epci_siren"] for c in commune_names
               if c in reference and reference[c].get("epci_siren")}
    commune = Level("commune", "Commune", _membership(depcom), commune_names,
                    {c: ("epci", epci_of[c]) if c in epci_of else
                     ("departement", departement_of(c)) for c in commune_names})
    if rows["qpv"].notna().any():
        part = rows["qpv"].map(lambda v: QPV_PARTS[2][0] if pd.isna(v) else
                               (QPV_PARTS[0][0] if v == 1 else QPV_PARTS[1][0]))
        codes = depcom + "|" + part
        labels = dict(QPV_PARTS)
        levels.append(Level("commune_qpv", "Commune, en / hors QPV", _membership(codes),
                            {code: "%s — %s" % (commune_names[code.split("|")[0]],
                                                labels[code.split("|")[1]])
                             for code in codes.unique()},
                            {c: ("commune", c.split("|")[0]) for c in codes.unique()}))
    levels.append(commune)
    if epci_of:
        known = depcom.map(epci_of).fillna("")
        epci_names = {siren: info["nom"] for siren, info in epcis().items()}
        inside = known[known != ""]
        levels.append(Level("epci", "EPCI", _membership(inside),
                            {s: epci_names.get(s, s) for s in inside.unique()},
                            {epci_of[c]: ("departement", departement_of(c)) for c in epci_of}))
    dep_names = {d: _departement_name(d) for d in departement.unique()}
    levels.append(Level("departement", "Département", _membership(departement), dep_names,
                        {d: ("ensemble", ENSEMBLE) for d in dep_names}))
    levels.append(Level("ensemble", "Ensemble", _membership(
        pd.Series(ENSEMBLE, index=rows.index)), {ENSEMBLE: "Ensemble du fichier"}))
    return levels


def _departement_name(code):
    if not code:
        return "Département non renseigné"
    return departements().get(code) or "Département %s" % code


def zone_level(name, label, membership, names):
    """A polygon layer's zones; when no row is in two zones, an « ensemble » row for the
    layer's zones and the relation between them (so that secrecy sees it)."""
    overlapping = membership["row"].duplicated().any()
    levels = []
    if not overlapping and len(membership):
        total = name + "_ensemble"
        levels.append(Level(name, label, membership, names,
                            {code: (total, ENSEMBLE) for code in names}))
        ensemble = membership.assign(code=ENSEMBLE)
        levels.append(Level(total, "%s (ensemble)" % label, ensemble,
                            {ENSEMBLE: "Ensemble des zones « %s »" % label}))
    else:
        levels.append(Level(name, label, membership, names))
    return levels


def grid_cells(x, y, size):
    """INSEE-style cell ids (``CRS3035RES200mN2891600E3761200``) of points in EPSG:3035, and
    ``{id: (xmin, ymin, xmax, ymax)}``."""
    import numpy as np
    east = np.floor(x / size) * size
    north = np.floor(y / size) * size
    label = "%dm" % size if size < 1000 or size % 1000 else "%dkm" % (size // 1000)
    ids = ["CRS3035RES%sN%dE%d" % (label, n, e) if not (math.isnan(e) or math.isnan(n))
           else "" for e, n in zip(east, north)]
    bounds = {i: (e, n, e + size, n + size) for i, e, n in zip(ids, east, north) if i}
    return ids, bounds
