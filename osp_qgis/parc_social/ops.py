"""The occupation survey (OPS, « enquête sur l'occupation du parc social »): one row per
household, columns recognised by ``resources/reference/ops_colonnes.csv``, coded answers by
``ops_modalites.csv`` (codes 1–5 or labels, any case or accents). Accepted layout:

=====================  ==========================================================
column (any synonym)   content
=====================  ==========================================================
IDENT_REP              the dwelling's RPLS id (link to the RPLS rows), or the address
                       (DEPCOM, NUMVOIE, INDREP, TYPVOIE, NOMVOIE) of the dwelling
NB_PERSONNES           household size
COMPOSITION            1 personne seule, 2 couple sans enfant, 3 couple avec enfant(s),
                       4 famille monoparentale, 5 autre
AGE_PR                 age of the reference person (years)
REVENU_PLAFOND         income as a percentage of the HLM ceiling (« 37 », « 37,5 %»)
ACTIVITE_PR            1 emploi, 2 chômage, 3 retraite, 4 autre inactif
ANNEE_EMMENAGEMENT     year (or date) the household moved in
ANNEE_ENQUETE          survey year (else the ``survey_year`` given)
POIDS                  households the row stands for (default 1)
=====================  ==========================================================
"""
import functools
import re

from ..addresses import normalise_number, normalise_repetition
from ..ids import RPLS_LENGTH, fold
from ..reference import read_reference, synonyms
from ..sheets.columns import has_header
from .frames import Anomalies, read_number, sheet_table
from .frames import column as _column
from .frames import number as _number
from .geocode import rpls_street

YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


class OpsError(Exception):
    """A file that is not an OPS table; French, for the user."""


def ops_synonyms():
    return synonyms("ops_colonnes.csv")


@functools.lru_cache(maxsize=None)
def answer_codes():
    """``{variable: {folded answer: category}}``."""
    out = {}
    for row in read_reference("ops_modalites.csv"):
        out.setdefault(row["variable"], {})[fold(row["valeur"])] = row["categorie"]
    return out


def has_ops_header(rows):
    return has_header(rows, ops_synonyms())


def ops_frame(rows, name="OPS"):
    """``rows`` of a sheet → ``(frame of text, roles)``; French :class:`OpsError`."""
    table = sheet_table(rows, ops_synonyms())
    if table is None:
        raise OpsError("« %s » : aucune ligne d'en-tête OPS reconnue (IDENT_REP, COMPOSITION, "
                       "AGE_PR, REVENU_PLAFOND…) parmi les premières lignes." % name)
    frame, roles, _, _ = table
    if "ident_rep" not in roles and not {"depcom", "nomvoie"} <= set(roles):
        raise OpsError("« %s » : ni identifiant RPLS (IDENT_REP) ni adresse (DEPCOM, NOMVOIE) "
                       "pour rattacher les ménages aux logements." % name)
    return frame, roles


def _coded(values, variable):
    codes = answer_codes()[variable]
    return values.str.replace(r"\.0$", "", regex=True).map(
        lambda text: codes.get(fold(text), "") if text else "")


def canonical(frame, roles, survey_year=None):
    """One row per household: ``ligne``, ``ident_rep`` (10 digits or empty), address parts,
    ``poids``, ``nb_personnes``, ``composition``, ``age_pr``, ``revenu_plafond`` (%),
    ``activite_pr``, ``anciennete`` (years since moving in, at the survey),
    ``annee_enquete``, ``anomalies``."""
    import numpy as np
    import pandas as pd
    out = pd.DataFrame({"ligne": frame["ligne"].values}, index=frame.index)
    problems = Anomalies(frame.index)
    flag = problems.flag

    ident = _column(frame, roles, "ident_rep").str.replace(r"\.0$", "", regex=True)
    digits = ident.str.fullmatch(r"\d{1,%d}" % RPLS_LENGTH)
    flag((ident != "") & ~digits, "identifiant RPLS illisible")
    out["ident_rep"] = ident.where(digits, "").str.zfill(RPLS_LENGTH).where(digits, "")
    out["depcom"] = _column(frame, roles, "depcom").str.upper().str.zfill(5) \
        .where(_column(frame, roles, "depcom") != "", "")
    for role in ("numvoie", "indrep", "typvoie", "nomvoie"):
        out[role] = _column(frame, roles, role)
    if "poids" in roles:
        weight = _number(_column(frame, roles, "poids"))
        bad = weight.isna() | (weight <= 0)
        flag(bad, "poids illisible")
        out["poids"] = weight.where(~bad)
    else:
        out["poids"] = 1.0
    size = read_number(frame, roles, "nb_personnes", "taille du ménage", flag)
    flag(size.notna() & ((size < 1) | (size > 30)), "taille du ménage hors limites")
    out["nb_personnes"] = size.where((size >= 1) & (size <= 30))
    for variable in ("composition", "activite_pr"):
        raw = _column(frame, roles, variable)
        coded = _coded(raw, variable)
        flag((raw != "") & (coded == ""), "%s « inconnue »" % variable.replace("_pr", ""))
        out[variable] = coded
    age = read_number(frame, roles, "age_pr", "âge du référent", flag)
    flag(age.notna() & ((age < 14) | (age > 120)), "âge du référent hors limites")
    out["age_pr"] = age.where((age >= 14) & (age <= 120))
    income_text = _column(frame, roles, "revenu_plafond").str.replace("%", "", regex=False)
    income = _number(income_text)
    flag((income_text.str.strip() != "") & income.isna(), "revenu illisible")
    flag(income.notna() & (income < 0), "revenu négatif")
    out["revenu_plafond"] = income.where(income >= 0)
    moved = _column(frame, roles, "annee_emmenagement").str.extract(YEAR, expand=False)
    moved = pd.to_numeric(moved, errors="coerce")
    survey = _number(_column(frame, roles, "annee_enquete")) if "annee_enquete" in roles \
        else pd.Series(np.nan, index=frame.index)
    if survey_year:
        survey = survey.fillna(float(survey_year))
    seniority = survey - moved
    flag(seniority < 0, "emménagement postérieur à l'enquête")
    out["anciennete"] = seniority.where(seniority >= 0)
    out["annee_enquete"] = survey
    out["anomalies"] = problems.text
    return out


def link_households(households, rows):
    """For each household, the index of an RPLS row of its dwelling: same ``ident_rep``,
    else same address (commune, number, repetition index, street); NaN when none."""
    import numpy as np
    import pandas as pd
    by_id = {}
    if "ident_rep" in rows:
        ids = rows["ident_rep"].str.replace(r"\.0$", "", regex=True)
        ids = ids.where(~ids.str.fullmatch(r"\d{1,%d}" % RPLS_LENGTH), ids.str.zfill(RPLS_LENGTH))
        for index, ident in zip(rows.index, ids):
            if ident:
                by_id.setdefault(ident, index)
    keys = _address_keys(rows)
    by_address = {}
    for index, key in zip(rows.index, keys):
        if key:
            by_address.setdefault(key, index)
    household_keys = _address_keys(households)
    link = [by_id.get(ident, by_address.get(key, np.nan)) if ident
            else by_address.get(key, np.nan) if key else np.nan
            for ident, key in zip(households["ident_rep"], household_keys)]
    return pd.Series(link, index=households.index, dtype=float)


def _address_keys(frame):
    street = rpls_street(frame["typvoie"], frame["nomvoie"])
    return [(d, normalise_number(n), normalise_repetition(r), s) if d and s else None
            for d, n, r, s in zip(frame["depcom"], frame["numvoie"], frame["indrep"], street)]
