"""RPLS files, whatever their layout (classic open data, recent geolocalised file, landlord
file, rows aggregated per address with a count column): the columns are recognised by
``resources/reference/rpls_colonnes.csv``; the rows become one canonical pandas table of
text, numbered as the user sees them. Nothing is invented: an unreadable value is empty and
the row says why (``anomalies``)."""
import functools
import re

from ..reference import read_reference, synonyms
from ..sheets.columns import has_header
from .frames import Anomalies, read_number, sheet_table
from .frames import column as _column
from .frames import number as _number

LABELS = ("A", "B", "C", "D", "E", "F", "G")
FIRST_YEAR, LAST_YEAR = 1000, 2100  # RPLS keeps medieval buildings bought and converted
INSEE = re.compile(r"^(\d{2}|2A|2B|97\d)\d{2,3}$")


class RplsError(Exception):
    """A file that is not an RPLS table; French, for the user."""


def rpls_synonyms():
    """``[(role, folded header, kind, group)]`` of ``rpls_colonnes.csv``."""
    return synonyms("rpls_colonnes.csv")


@functools.lru_cache(maxsize=None)
def financing_classes():
    """FINAN code -> ``(label, class)`` (PLAI, PLUS, PLS, PLI, Autre)."""
    return {row["code"]: (row["libelle"], row["classe"])
            for row in read_reference("rpls_financements.csv")}


def has_rpls_header(rows):
    return has_header(rows, rpls_synonyms())


def rpls_frame(rows, name="RPLS"):
    """``rows`` ``[(ligne, [cells])]`` of a sheet -> ``(frame, roles)``: one column per
    header (text, as read; duplicate names numbered), ``ligne`` the sheet's row number;
    ``roles`` maps a role of ``rpls_colonnes.csv`` to its column name."""
    table = sheet_table(rows, rpls_synonyms())
    if table is None:
        raise RplsError("« %s » : aucune ligne d'en-tête RPLS reconnue (DEPCOM, NUMVOIE, "
                        "NOMVOIE, NBPIECE, SURFHAB…) parmi les premières lignes." % name)
    frame, roles, headers, header_line = table
    if "depcom" not in roles and not {"x", "y"} <= set(roles):
        raise RplsError("« %s » : ni code commune (DEPCOM) ni coordonnées (X, Y) dans "
                        "l'en-tête (ligne %d) : %s." % (name, header_line,
                                                         ", ".join(h for h in headers if h)))
    return frame, roles


def canonical(frame, roles):
    """The canonical RPLS table: ``ligne``, ``depcom``, address parts, ``nb`` (dwellings the
    row stands for: the count column of aggregated files, else 1), ``nbpiece``, ``surfhab``
    (the row's total surface), ``construct``, ``finan``/``finan_classe``, ``dpe_energie``,
    ``dpe_ges`` (A–G or empty), ``qpv`` (1 in, 0 out, NaN unknown), ``vacant`` (1/0/NaN),
    ``x``/``y``/``epsg``, ``precision_source``/``score_source`` (the precision and score of
    a geocoded file's points, empty otherwise), and ``anomalies`` (French, ``; ``-joined)."""
    import numpy as np
    import pandas as pd
    out = pd.DataFrame({"ligne": frame["ligne"].values}, index=frame.index)
    problems = Anomalies(frame.index)
    flag = problems.flag

    depcom = _column(frame, roles, "depcom").str.upper().str.zfill(5)
    depcom = depcom.where(depcom != "00000", "")
    valid = depcom.str.match(INSEE.pattern)
    flag((depcom != "") & ~valid, "code commune illisible")
    out["depcom"] = depcom.where(valid, "")
    for role in ("libcom", "numvoie", "indrep", "typvoie", "nomvoie", "ident_rep", "ident_int",
                 "typeconst", "qualite_xy"):
        out[role] = _column(frame, roles, role)
    if "nb" in roles:
        nb = _number(_column(frame, roles, "nb"))
        bad = nb.isna() | (nb <= 0) | (nb != np.floor(nb))
        flag(bad, "nombre de logements illisible")
        out["nb"] = nb.where(~bad)
    else:
        out["nb"] = 1.0
    pieces = read_number(frame, roles, "nbpiece", "nombre de pièces", flag)
    flag(pieces.notna() & ((pieces < 1) | (pieces > 20)), "nombre de pièces hors limites")
    out["nbpiece"] = pieces.where((pieces >= 1) & (pieces <= 20))
    surface = read_number(frame, roles, "surfhab", "surface", flag)
    flag(surface.notna() & (surface <= 0), "surface nulle ou négative")
    out["surfhab"] = surface.where(surface > 0)
    year = read_number(frame, roles, "construct", "année d'achèvement", flag)
    plausible = (year >= FIRST_YEAR) & (year <= LAST_YEAR)
    flag(year.notna() & ~plausible, "année d'achèvement hors limites")
    out["construct"] = year.where(plausible)
    finan = _column(frame, roles, "finan").str.replace(r"\.0$", "", regex=True)
    classes = financing_classes()
    out["finan"] = finan
    out["finan_classe"] = finan.map(lambda code: classes[code][1] if code in classes
                                    else ("Autre" if code else ""))
    for role, name in (("dpeenergie", "dpe_energie"), ("dpeserre", "dpe_ges")):
        label = _column(frame, roles, role).str.upper()
        out[name] = label.where(label.isin(LABELS), "")
    out["qpv"] = qpv_flag(_column(frame, roles, "qpv"))
    mode = _column(frame, roles, "mode").str.replace(r"\.0$", "", regex=True)
    out["vacant"] = np.where(mode == "", np.nan, (mode == "2").astype(float))
    # a file the geocoder wrote (osp:geocoder_rpls) says how precise each of its points is
    out["precision_source"] = _column(frame, roles, "precision_source").str.lower()
    out["score_source"] = _number(_column(frame, roles, "score_source"))
    out["x"] = _number(_column(frame, roles, "x"))
    out["y"] = _number(_column(frame, roles, "y"))
    epsg = _column(frame, roles, "epsg").str.replace(r"^EPSG:", "", regex=True)
    out["epsg"] = epsg.where(epsg.str.fullmatch(r"\d{4,5}"), "")
    out["anomalies"] = problems.text
    return out


def qpv_flag(values):
    """RPLS's QPV column: ``1``/oui → 1, ``2``/``0``/non → 0, a QPV code (``QP059012``,
    ``QN…``) → 1, empty or unknown → NaN."""
    import numpy as np
    text = values.astype(str).str.strip().str.upper().str.replace(r"\.0$", "", regex=True)
    inside = text.isin(["1", "OUI", "O", "TRUE", "VRAI"]) | text.str.match(r"^Q[PN]\d")
    outside = text.isin(["2", "0", "NON", "N", "FALSE", "FAUX"])
    return np.where(inside, 1.0, np.where(outside, 0.0, np.nan))
