"""PALULOS subsidy estimates from the rates of resources/rates/palulos.csv.

An estimate is never invented: a rate that is not in the file (the « Étiquette C »
rate of 2021, any year not yet filled) makes the amount ``None``, which the outputs
show as « à renseigner », and :func:`missing` says which rate is lacking."""
import csv
import functools
import os

from ..reference import RESOURCES_DIR

RATES_FILE = os.path.join(RESOURCES_DIR, "rates", "palulos.csv")
BIO_OPTIONS = ("toiture", "mur", "mur_toiture")
COLUMNS = ("PALULOS", "Subvention + biosourcés toiture", "Subvention + biosourcés mur",
           "Subvention + biosourcés mur + toiture")
A_RENSEIGNER = "à renseigner"


@functools.lru_cache(maxsize=None)
def rates(path=RATES_FILE):
    """``{year: {poste: amount or None}}``."""
    out = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            amount = (row.get("montant_par_logement") or "").strip().replace(" ", "")
            out.setdefault(int(row["annee"]), {})[row["poste"]] = \
                float(amount.replace(",", ".")) if amount else None
    return out


def rate(year, poste, table=None):
    table = rates() if table is None else table
    return table.get(year, {}).get(poste)


def estimate(year, nb_c, nb_bbc, nb_bio, table=None):
    """The four amounts of the recap, ``(PALULOS, + toiture, + mur, + mur et toiture)``;
    each ``None`` when a rate it needs is unknown.  A count that is ``None`` counts 0."""
    nb_c, nb_bbc, nb_bio = nb_c or 0, nb_bbc or 0, nb_bio or 0
    base = 0.0
    for poste, count in (("C", nb_c), ("BBC", nb_bbc)):
        if count:
            value = rate(year, poste, table)
            if value is None:
                base = None
                break
            base += value * count
    if base is None:
        return (None,) * 4
    out = [base]
    for option in BIO_OPTIONS:
        bonus = rate(year, "bonus_" + option, table) if nb_bio else 0.0
        out.append(None if bonus is None else base + bonus * nb_bio)
    return tuple(out)


def missing(year, nb_c, nb_bbc, nb_bio, table=None):
    """The rates an estimate lacks, in French (« taux C 2021 »), for the log."""
    out = []
    for poste, count in (("C", nb_c), ("BBC", nb_bbc)):
        if count and rate(year, poste, table) is None:
            out.append("taux %s %s" % (poste, year))
    if nb_bio:
        out += ["bonus %s %s" % (o.replace("_", " + "), year) for o in BIO_OPTIONS
                if rate(year, "bonus_" + o, table) is None]
    return out
