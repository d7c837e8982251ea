"""What the Fichiers fonciers say that the landlords' sheets do not: social dwellings nobody
reported, the parcel-by-parcel comparison, and the share of social housing by territory.
Vectorised (pandas); pure Python otherwise."""
import math
from dataclasses import dataclass

from ..ids import departement_of_commune
from ..reference import departements
from ..territory import Territory
from .rules import is_dwelling, is_social_housing

SRU_TARGET = 25   # % of social dwellings the SRU law asks (loi SRU, art. 55): the default

STATUSES = ("conforme", "manquants_bailleur", "absents_ff")
STATUS_LABELS = {"conforme": "Conforme (autant de logements remontés que de logements "
                             "sociaux FF)",
                 "manquants_bailleur": "Logements sociaux FF non remontés par le bailleur",
                 "absents_ff": "Logements remontés absents des logements sociaux FF"}
LEVELS = ("commune", "epci", "departement", "territoire")
NOT_SET = "Non renseigné"
MISSING_COLUMNS = ("idlocal", "idpar", "idcom", "idcomtxt", "dnvoiri", "dindic", "dvoilib",
                   "jannath", "loghlls", "catpro3", "hlmsem")


@dataclass
class CrossCheck:
    method: str
    locaux: int            # locals read and usable
    dwellings: int         # of which dwellings
    social: int            # of which social dwellings (by the method)
    reported: int          # reported dwellings considered
    missing: object        # DataFrame: the social dwellings nobody reported
    parcels: object        # DataFrame indexed by idpar: ff_sociaux, remontes, ecart, statut
    indicators: list       # [dict] per commune, EPCI, département, territory
    sru_target: float      # % of the dwellings the SRU objective asks


def reported_frame(records):
    """The reported dwellings (dicts with ``idlocal``, ``idpar``, ``idcom``) as a frame of
    trimmed, upper-case text (``""`` where unknown)."""
    import pandas
    frame = pandas.DataFrame.from_records(
        [{k: r.get(k) for k in ("idlocal", "idpar", "idcom")} for r in records],
        columns=["idlocal", "idpar", "idcom"])
    for column in frame.columns:
        frame[column] = frame[column].fillna("").astype(str).str.strip().str.upper() \
            .str.replace(" ", "", regex=False)
    frame["idcom"] = frame["idcom"].where(frame["idcom"] != "", frame["idpar"].str[:5])
    return frame


def parcel_status(ff_social, reported):
    """``conforme`` when the counts agree, ``manquants_bailleur`` when the FF know more
    social dwellings than were reported, ``absents_ff`` when more were reported."""
    import numpy
    gap = reported - ff_social
    return numpy.select([gap == 0, gap < 0], ["conforme", "manquants_bailleur"], "absents_ff")


def cross_check(locaux, reported, method="cerema", territory=None,
                sru_target=SRU_TARGET):
    """Compare the FF locals (:func:`rules.prepare`'s frame) with the reported dwellings
    (:func:`reported_frame`)."""
    import pandas
    dwelling = is_dwelling(locaux)
    social = is_social_housing(locaux, method)
    social_rows = locaux[social]
    reported_ids = set(reported["idlocal"][reported["idlocal"] != ""])
    per_parcel = reported[reported["idpar"] != ""].groupby("idpar").size()
    missing = social_rows[~social_rows["idlocal"].isin(reported_ids)].copy()
    missing["logements_remontes_parcelle"] = \
        missing["idpar"].map(per_parcel).fillna(0).astype(int)
    missing = missing[list(MISSING_COLUMNS) + ["logements_remontes_parcelle"]]
    parcels = pandas.DataFrame({"ff_sociaux": social_rows.groupby("idpar").size(),
                                "remontes": per_parcel}).fillna(0).astype(int)
    parcels = parcels[(parcels["ff_sociaux"] > 0) | (parcels["remontes"] > 0)]
    parcels["ecart"] = parcels["remontes"] - parcels["ff_sociaux"]
    parcels["statut"] = parcel_status(parcels["ff_sociaux"], parcels["remontes"])
    parcels["idcom"] = parcels.index.str[:5]
    rows = indicators(locaux, dwelling, social, reported, territory or
                      Territory.from_reference(), sru_target)
    return CrossCheck(method, len(locaux), int(dwelling.sum()), int(social.sum()),
                      len(reported), missing, parcels.sort_index(), rows, sru_target)


def indicators(locaux, dwelling, social, reported, territory, sru_target=SRU_TARGET):
    """Per commune, EPCI, département and for the whole territory: FF dwellings, FF social
    dwellings, their share (%), the SRU objective and the dwellings lacking to reach it,
    dwellings reported by the landlords, coverage (reported ÷ FF social, %)."""
    import pandas
    counts = pandas.DataFrame({
        "logements_ff": dwelling.groupby(locaux["idcom"]).sum(),
        "logements_sociaux_ff": social.groupby(locaux["idcom"]).sum(),
        "logements_remontes": reported[reported["idcom"] != ""].groupby("idcom").size(),
    }).fillna(0).astype(int)
    ff_names = locaux[locaux["idcomtxt"] != ""].groupby("idcom")["idcomtxt"].first()
    communes = []
    for insee, row in counts.iterrows():   # one row per commune: a few thousand at most
        info = territory.communes.get(insee, {})
        epci = territory.epci_code(info.get("epci_siren")) or NOT_SET
        communes.append(dict({k: int(v) for k, v in row.items()}, niveau="commune", code=insee,
                             nom=info.get("nom") or ff_names.get(insee) or insee,
                             epci=epci, communes=[insee],
                             departement=info.get("dep") or departement_of_commune(insee)))
    out = sorted(communes, key=lambda r: (r["departement"], r["code"]))
    epci_names = {territory.epci_code(s): i.get("nom") for s, i in territory.epcis.items()}
    for level, key, names in (("epci", "epci", epci_names),
                              ("departement", "departement", departements())):
        groups = {}
        for row in communes:
            groups.setdefault(row[key], []).append(row)
        for code in sorted(groups, key=lambda c: (c == NOT_SET, c)):
            out.append(_sum_row(groups[code], level, code, names.get(code) or code))
    if communes:
        out.append(_sum_row(communes, "territoire", "total", "Territoire étudié"))
    for row in out:
        _shares(row, sru_target)
    return out


def _sum_row(rows, level, code, name):
    return {"niveau": level, "code": code, "nom": name,
            "logements_ff": sum(r["logements_ff"] for r in rows),
            "logements_sociaux_ff": sum(r["logements_sociaux_ff"] for r in rows),
            "logements_remontes": sum(r["logements_remontes"] for r in rows),
            "communes": [r["code"] for r in rows]}


def _shares(row, target):
    dwellings, social = row["logements_ff"], row["logements_sociaux_ff"]
    row["part_sociaux"] = 100.0 * social / dwellings if dwellings else None
    row["objectif_sru"] = int(math.ceil(target * dwellings / 100.0 - 1e-9))
    row["manque_sru"] = max(0, row["objectif_sru"] - social)
    row["couverture"] = 100.0 * row["logements_remontes"] / social if social else None
    return row


def filter_locaux(locaux, territory, epci=None, departement=None):
    """The locals of a partner's share (an EPCI by its sigle, a département), placed by
    their commune as the dwellings are (:meth:`Territory.describe`)."""
    if not epci and not departement:
        return locaux
    places = {insee: territory.describe(insee) for insee in locaux["idcom"].unique()}
    keep = locaux["idcom"].map(lambda insee: (not epci or places[insee]["epci"] == epci) and
                               (not departement or places[insee]["dep"] == departement))
    return locaux[keep.astype(bool)]
