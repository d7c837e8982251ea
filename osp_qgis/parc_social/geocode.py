"""Geolocation of RPLS rows on BAN address points, in pandas (no Qt).

Order, for every row (none is ever dropped):

1. ``xy_source`` — the file's own ``X``/``Y`` (with ``EPSG``), score 1;
2. ``numero`` — number + repetition index + street of the commune found in BAN: the street
   exactly (score 1) or, failing that, the closest street name of the commune
   (:data:`FUZZY_MIN` ≤ similarity, score = similarity); a repetition index BAN does not have
   falls back to the plain number (score × 0.9);
3. ``voie`` — the street is found but not the number: the street's middle point (the BAN
   point of its median number), score 0.5 × similarity;
4. ``commune`` — the commune is known: its point (``commune_points``, e.g. a point on the
   commune polygon) or, when none is given, the mean of its BAN points; without either the
   row has no geometry but keeps its precision; score 0.1;
5. ``non_localise`` — neither coordinates nor a readable commune code, score 0.

Street names are compared by :func:`street_key`: capitals, no accents nor punctuation, the
street type expanded (``R`` → ``RUE``, ``AV`` → ``AVENUE``, ``resources/reference/
street_types.csv``) and the articles (« de », « la », « l' »…) dropped.
"""
import difflib
import functools
import gzip
import io
import os

from ..addresses import normalise_number, normalise_repetition, normalise_street
from ..french_numbers import integer
from ..sheets.csv_sheets import decode_text, sniff_delimiter

LEVELS = ("xy_source", "numero", "voie", "commune", "non_localise")
# points precise enough to be counted in sub-commune zones and grid cells (the others count
# in their commune only)
FINE_LEVELS = ("xy_source", "numero", "voie")
LEVEL_LABELS = {"xy_source": "coordonnées du fichier", "numero": "au numéro",
                "voie": "à la voie", "commune": "à la commune",
                "non_localise": "non localisé"}
FUZZY_MIN = 0.85
ARTICLES = frozenset(("DE", "DU", "DES", "LA", "LE", "LES", "L", "D", "ET", "A", "AU",
                      "AUX", "EN"))


class AddressError(Exception):
    """A BAN file without its columns; French, for the user."""


@functools.lru_cache(maxsize=200000)
def street_key(name):
    """``Av. de la République`` → ``AVENUE REPUBLIQUE``."""
    words = normalise_street(name).split()
    kept = [w for w in words[1:] if w not in ARTICLES]
    return " ".join(words[:1] + kept)


BAN_COLUMNS = {"numero": ("numero",), "rep": ("rep", "suffixe", "indice_repetition"),
               "nom_voie": ("nom_voie", "voie_nom", "nom_afnor"),
               "code_insee": ("code_insee", "insee_com", "code_commune"),
               "x": ("x",), "y": ("y",), "lon": ("lon", "long", "longitude"),
               "lat": ("lat", "latitude")}


def ban_addresses(table, name="adresses"):
    """A BAN table (columns as text, any of :data:`BAN_COLUMNS`' names) → ``(frame, crs)``:
    ``insee``, ``numero``, ``rep``, ``voie`` (street key), ``x``, ``y``; ``crs`` is
    ``"EPSG:2154"`` for ``x``/``y`` (Lambert-93 in BAN files) or ``"EPSG:4326"`` for
    ``lon``/``lat``. Points without coordinates are left out (they cannot place anything)."""
    import pandas as pd
    lower = {str(c).strip().lower(): c for c in table.columns}
    found = {}
    for role, names in BAN_COLUMNS.items():
        for candidate in names:
            if candidate in lower:
                found[role] = lower[candidate]
                break
    missing = [r for r in ("numero", "nom_voie", "code_insee") if r not in found]
    if missing or not ({"x", "y"} <= set(found) or {"lon", "lat"} <= set(found)):
        raise AddressError("« %s » n'a pas la forme d'un fichier d'adresses BAN : colonnes "
                           "numero, rep, nom_voie, code_insee et x, y (ou lon, lat) attendues ; "
                           "colonnes lues : %s." % (name, ", ".join(map(str, table.columns))))
    xy = ("x", "y") if {"x", "y"} <= set(found) else ("lon", "lat")

    def text(role):
        if role not in found:
            return pd.Series([""] * len(table), index=table.index, dtype=object)
        values = table[found[role]].fillna("").astype(str).str.strip()
        return values.where(~values.isin(["NA", "NaN", "nan", "None"]), "")

    out = pd.DataFrame({
        "insee": text("code_insee").str.upper().str.zfill(5),
        "numero": text("numero").map(normalise_number),
        "rep": text("rep").map(normalise_repetition),
        "voie": text("nom_voie").map(street_key),
        "x": pd.to_numeric(text(xy[0]).str.replace(",", ".", regex=False), errors="coerce"),
        "y": pd.to_numeric(text(xy[1]).str.replace(",", ".", regex=False), errors="coerce")})
    out = out[out["x"].notna() & out["y"].notna() & (out["voie"] != "")]
    return out.reset_index(drop=True), ("EPSG:2154" if xy == ("x", "y") else "EPSG:4326")


def rpls_street(typvoie, nomvoie):
    """The street key of an RPLS address: type and name joined (the type may be abbreviated
    or repeated inside the name)."""
    import pandas as pd
    typ = typvoie.fillna("").astype(str).str.strip()
    name = nomvoie.fillna("").astype(str).str.strip()
    typ_key = typ.map(lambda t: normalise_street(t + " X")[:-2] if t else "")
    name_key = name.map(normalise_street)
    repeated = (typ_key != "") & pd.Series([n.startswith(t + " ") or n == t
                                            for n, t in zip(name_key, typ_key)],
                                           index=name.index)
    joined = (typ + " " + name).str.strip().where(~repeated, name)
    return joined.map(street_key).where(name != "", "")


def _close_streets(candidates, wanted):
    """``[(street, ratio)]`` of ``candidates`` with a similarity to ``wanted`` of at least
    :data:`FUZZY_MIN`, best first."""
    found = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < FUZZY_MIN or matcher.quick_ratio() < FUZZY_MIN:
            continue
        ratio = matcher.ratio()
        if ratio >= FUZZY_MIN:
            found.append((candidate, ratio))
    return sorted(found, key=lambda item: (-item[1], item[0]))


def match_streets(pairs, ban):
    """``pairs`` ``(insee, street key)`` of the rows → dict to the BAN streets it may be,
    ``[(street, similarity)]`` best first: the street itself when BAN has it, else the close
    street names of the same commune (the caller prefers, among equally close names, one
    that has the row's number)."""
    streets = ban.groupby("insee")["voie"].unique().to_dict()
    known = set(zip(ban["insee"], ban["voie"]))
    out = {}
    for insee, street in pairs:
        if not street:
            continue
        if (insee, street) in known:
            out[(insee, street)] = [(street, 1.0)]
            continue
        close = _close_streets(streets.get(insee, ()), street)
        if close:
            out[(insee, street)] = close
    return out


def _pick(candidates, insee, number, rep, points):
    """``(street, ratio, point, exact rep)`` among ``candidates``: the best ratio having the
    number (with its repetition index, else plain), else the best ratio without point."""
    if not candidates:
        return "", 0.0, None, False
    for street, ratio in candidates:
        if ratio < candidates[0][1] - 1e-9:
            break
        if number:
            point = points.get((insee, number, rep, street))
            if point is not None:
                return street, ratio, point, True
            if rep:
                point = points.get((insee, number, "", street))
                if point is not None:
                    return street, ratio, point, False
    return candidates[0][0], candidates[0][1], None, False


def street_middles(ban):
    """``(insee, street)`` → ``(x, y)`` of the BAN point with the street's median number."""
    numbered = ban.assign(n=ban["numero"].where(ban["numero"] != "", "0").astype(int))
    numbered = numbered.sort_values(["insee", "voie", "n", "rep"], kind="mergesort")
    grouped = numbered.groupby(["insee", "voie"], sort=False)
    positions = grouped.cumcount()
    sizes = grouped["n"].transform("size")
    median = numbered[positions == (sizes - 1) // 2]
    return {(i, v): (x, y) for i, v, x, y in zip(median["insee"], median["voie"],
                                                  median["x"], median["y"])}


def commune_means(ban):
    means = ban.groupby("insee")[["x", "y"]].mean()
    return {insee: (row.x, row.y) for insee, row in means.iterrows()}


def trusted_xy(rows, accepted=None, usable=None):
    """Rows whose own X/Y are used: finite coordinates that passed the caller's checks
    (``usable``: inside the reference system's area and the row's commune) and, when
    ``accepted`` (the QUALITE_XY values the user trusts) is given, a quality among them; a
    geocoded file's points placed only at the commune (or less) are not used as points. The
    others are matched on the BAN like rows without coordinates."""
    import numpy as np
    ok = rows["x"].notna() & rows["y"].notna() & np.isfinite(rows["x"]) & \
        np.isfinite(rows["y"])
    if usable is not None:
        ok &= usable
    if "precision_source" in rows:
        given = rows["precision_source"].fillna("")
        ok &= (given == "") | given.isin(FINE_LEVELS)
    if accepted:
        wanted = {str(a).strip().upper() for a in accepted if str(a).strip()}
        ok &= rows["qualite_xy"].astype(str).str.strip().str.upper().isin(wanted)
    return ok


def geocode(rows, ban, commune_points=None, accepted_quality=None, usable_xy=None):
    """``rows``: the canonical RPLS table (:func:`rpls.canonical`), ``ban``: the frame of
    :func:`ban_addresses` (may be empty). Returns a frame on ``rows``' index:
    ``geoloc_precision``, ``geoloc_score``, ``geoloc_voie`` (the BAN street used), ``gx``,
    ``gy`` (in the BAN's CRS; NaN without point) and ``source_xy`` (1 when ``gx``/``gy`` are
    the file's own coordinates, in its ``epsg``). ``accepted_quality``: see
    :func:`trusted_xy`."""
    import numpy as np
    import pandas as pd
    out = pd.DataFrame(index=rows.index)
    out["geoloc_precision"] = "non_localise"
    out["geoloc_score"] = 0.0
    out["geoloc_voie"] = ""
    out["gx"] = np.nan
    out["gy"] = np.nan
    out["source_xy"] = 0

    has_xy = trusted_xy(rows, accepted_quality, usable_xy)
    out.loc[has_xy, ["gx", "gy"]] = rows.loc[has_xy, ["x", "y"]].values
    # a geocoded file keeps the precision and score its points were found with
    given = rows["precision_source"].fillna("") if "precision_source" in rows else \
        pd.Series("", index=rows.index)
    out.loc[has_xy, "geoloc_precision"] = given[has_xy].where(given[has_xy] != "",
                                                              "xy_source")
    score = rows["score_source"] if "score_source" in rows else \
        pd.Series(np.nan, index=rows.index)
    out.loc[has_xy, "geoloc_score"] = score[has_xy].where(score[has_xy].notna(), 1.0)
    out.loc[has_xy, "source_xy"] = 1

    todo = ~has_xy & (rows["depcom"] != "")
    requests = pd.DataFrame({"insee": rows["depcom"],
                             "voie": rpls_street(rows["typvoie"], rows["nomvoie"]),
                             "numero": rows["numvoie"].map(normalise_number),
                             "rep": rows["indrep"].map(normalise_repetition)},
                            index=rows.index)[todo]
    found = match_addresses(requests, ban)
    placed = found[found["precision"] != ""]
    out.loc[placed.index, "geoloc_precision"] = placed["precision"]
    out.loc[placed.index, "geoloc_score"] = placed["score"]
    out.loc[placed.index, "geoloc_voie"] = placed["geoloc_voie"]
    out.loc[placed.index, "gx"] = placed["x"]
    out.loc[placed.index, "gy"] = placed["y"]

    at_commune = todo.copy()
    at_commune[placed.index] = False
    centres = dict(commune_means(ban)) if len(ban) else {}
    centres.update(commune_points or {})
    centre = pd.Series([centres.get(i) for i in rows["depcom"]], index=rows.index,
                       dtype=object)
    out.loc[at_commune, "geoloc_precision"] = "commune"
    out.loc[at_commune, "geoloc_score"] = 0.1
    _set_points(out, at_commune, centre)
    return out


def match_addresses(requests, ban):
    """The plugin's one address matcher (the geocoder's, and the join's ADDRESSES): each
    request ``insee``, ``voie`` (:func:`street_key`), ``numero``, ``rep`` → a frame on the
    same index: ``precision`` (``numero``: the BAN point of the number, on the street found
    exactly or the closest street name of the commune; ``voie``: the street found but not
    the number, its middle point; ``""``: no street), ``score`` (the similarity, × 0.9 when
    the repetition index was not found, × 0.5 at the street's middle), ``geoloc_voie`` (the
    BAN street used), ``x``, ``y`` (in the BAN's CRS, NaN without point)."""
    import numpy as np
    import pandas as pd
    out = pd.DataFrame({"precision": "", "score": 0.0, "geoloc_voie": "", "x": np.nan,
                        "y": np.nan}, index=requests.index)
    if not len(requests) or not len(ban):
        return out
    matched = match_streets(set(zip(requests["insee"], requests["voie"])), ban)
    points = {(i, n, r, v): (x, y) for i, n, r, v, x, y in
              zip(ban["insee"], ban["numero"], ban["rep"], ban["voie"], ban["x"], ban["y"])}
    picked = [_pick(matched.get((i, v), ()), i, n, r, points) for i, v, n, r in
              zip(requests["insee"], requests["voie"], requests["numero"], requests["rep"])]
    street = pd.Series([p[0] for p in picked], index=requests.index, dtype=object)
    ratio = pd.Series([p[1] for p in picked], index=requests.index, dtype=float)
    point = pd.Series([p[2] for p in picked], index=requests.index, dtype=object)
    exact = pd.Series([p[3] for p in picked], index=requests.index, dtype=bool)
    at_number = point.notna()
    out.loc[at_number, "precision"] = "numero"
    out.loc[at_number, "score"] = (ratio * np.where(exact, 1.0, 0.9))[at_number]
    out.loc[at_number, "geoloc_voie"] = street[at_number]
    _set_xy(out, at_number, point)
    middles = street_middles(ban)
    at_street = ~at_number & (street != "")
    middle = pd.Series([middles.get((i, v)) for i, v in zip(requests["insee"], street)],
                       index=requests.index, dtype=object)
    out.loc[at_street, "precision"] = "voie"
    out.loc[at_street, "score"] = (0.5 * ratio)[at_street]
    out.loc[at_street, "geoloc_voie"] = street[at_street]
    _set_xy(out, at_street, middle)
    return out


def _set_xy(out, mask, points):
    chosen = points[mask & points.notna()]
    if len(chosen):
        out.loc[chosen.index, "x"] = [p[0] for p in chosen]
        out.loc[chosen.index, "y"] = [p[1] for p in chosen]


def _set_points(out, mask, points):
    chosen = points[mask & points.notna()]
    if len(chosen):
        out.loc[chosen.index, "gx"] = [p[0] for p in chosen]
        out.loc[chosen.index, "gy"] = [p[1] for p in chosen]


def summary(rows, located):
    """Per precision level (all :data:`LEVELS`, in order): rows and dwellings (weighted by
    ``nb``) and their shares (%), and how many have a point."""
    import pandas as pd
    weights = rows["nb"].fillna(0)
    total_rows, total_dwellings = len(rows), float(weights.sum())
    out = []
    for level in LEVELS:
        mask = located["geoloc_precision"] == level
        n_rows, dwellings = int(mask.sum()), float(weights[mask].sum())
        out.append({"niveau": level, "libelle": LEVEL_LABELS[level], "lignes": n_rows,
                    "logements": dwellings,
                    "part_lignes": round(100.0 * n_rows / total_rows, 1) if total_rows else 0.0,
                    "part_logements": round(100.0 * dwellings / total_dwellings, 1)
                    if total_dwellings else 0.0,
                    "avec_point": int((mask & located["gx"].notna()).sum())})
    return pd.DataFrame(out)


def summary_text(table):
    """One French line per level with something in it."""
    lines = []
    for row in table.itertuples(index=False):
        if row.lignes:
            lines.append("%s : %d lignes (%s %%), %s logements (%s %%)%s" % (
                row.libelle, row.lignes, str(row.part_lignes).replace(".", ","),
                format_int(row.logements), str(row.part_logements).replace(".", ","),
                "" if row.avec_point == row.lignes else
                " — %d sans point" % (row.lignes - row.avec_point)))
    return lines


def format_int(value):
    return integer(value)



def read_ban(path):
    """A BAN address file (``adresses-XX.csv``, also ``.csv.gz``; ``;`` or ``,``; UTF-8 or
    Latin-1) → :func:`ban_addresses`. French :class:`AddressError` when unreadable."""

    import pandas as pd

    name = os.path.basename(path)
    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as handle:
            data = handle.read()
    except (OSError, EOFError) as error:
        raise AddressError("Lecture de « %s » impossible : %s." % (
            name, getattr(error, "strerror", None) or error))
    text, _ = decode_text(data)
    del data
    if not text.strip():
        raise AddressError("« %s » est vide." % name)
    try:
        table = pd.read_csv(io.StringIO(text), sep=sniff_delimiter(text[:200000]), dtype=str,
                            keep_default_na=False, na_filter=False)
    except (ValueError, pd.errors.ParserError) as error:
        raise AddressError("« %s » illisible comme fichier d'adresses : %s." % (name, error))
    return ban_addresses(table, name)
