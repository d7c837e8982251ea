"""What a bilan says of the dwellings and the households before and after the works: the
energy label change of the renovated dwellings (two RPLS vintages) and the households the
occupation survey (OPS) met before and after their dwelling's works — under statistical
secrecy.  pandas, no Qt.

Why the rules below hold for a whole bilan output: a dwelling has one entity per scale, so
the entities of one output are disjoint, and the output publishes no total over them — no
figure of one entity follows from the others'.  Within an entity:

- labels: the parc social module's protection (:func:`avant_apres.tables`, the entities as
  its zones, their whole as one more zone), classes hidden as it hides them;
- households, per period: the number of surveyed households is shown when at least
  ``threshold`` answered (else nothing of the period is); a share is shown only when the
  households it counts and all the others (non-answers included) are each zero or at least
  ``threshold`` — the share times the count gives both, so both must be publishable.

A survey made in the year of the works says neither « before » nor « after »: left out."""
import math

from ..parc_social import avant_apres

CLASSES = avant_apres.CHANGES
SHARES = (("sous_60", "Ménages sous 60 % du plafond HLM"), ("seules", "Personnes seules"),
          ("monoparentales", "Familles monoparentales"))
PERIODS = (("avant", "Avant travaux"), ("apres", "Après travaux"))
HIDDEN = "s"


def label_changes(dwellings, before_rows, after_rows, threshold):
    """``dwellings`` (frame ``ident_rep``, ``code`` of the entity) → ``{code: {class:
    count or None}}`` (``logements`` included); ``None`` where the secrecy hides."""
    frame = dwellings[dwellings["code"].astype(str) != ""].rename(columns={"code": "epci"})
    if not len(frame):
        return {}
    changes = avant_apres.transitions(frame, before_rows, after_rows)
    evolution, _ = avant_apres.tables(changes, threshold)
    names = ["logements"] + [code for code, _ in CLASSES]
    return {row[0]: {name: _count(value) for name, value in zip(names, row[1:1 + len(names)])}
            for row in evolution.itertuples(index=False) if row[0] != avant_apres.ENSEMBLE}


def _count(value):
    """A published count as an int; ``None`` (hidden) for None or NaN (pandas' hole)."""
    if value is None or value != value:
        return None
    return int(value)


def period(survey_year, works_year):
    """``avant``, ``apres`` or ``None`` (unknown, or surveyed in the year of the works)."""
    if survey_year is None or works_year is None or survey_year == works_year:
        return None
    return "avant" if survey_year < works_year else "apres"


def household_figures(households, dwellings, threshold):
    """``households`` (canonical OPS: ``ident_rep``, ``annee_enquete``, ``poids``,
    ``revenu_plafond``, ``composition``) and ``dwellings`` (``ident_rep``, ``code``,
    ``annee_travaux``) → ``{code: {period: {"menages": n, share: %}}}``, ``None`` where
    the secrecy hides; an entity with no surveyed household is absent."""
    works = {}
    for ident, code, year in zip(dwellings["ident_rep"], dwellings["code"],
                                 dwellings["annee_travaux"]):
        if ident and code:
            works[str(ident)] = (code, year)
    cells = {}
    for row in households.itertuples(index=False):
        found = works.get(str(row.ident_rep or ""))
        if found is None:
            continue
        survey = None if row.annee_enquete is None or (
            isinstance(row.annee_enquete, float) and math.isnan(row.annee_enquete)) \
            else int(row.annee_enquete)
        when = period(survey, found[1])
        if when is None:
            continue
        cell = cells.setdefault(found[0], {}).setdefault(when, {
            "rows": 0, "poids": 0.0, "sous_60": [0, 0.0], "seules": [0, 0.0],
            "monoparentales": [0, 0.0]})
        weight = float(row.poids) if row.poids == row.poids else 1.0
        cell["rows"] += 1
        cell["poids"] += weight
        income = row.revenu_plafond
        for name, hit in (("sous_60", income == income and income is not None and
                           income < 60),
                          ("seules", row.composition == "seule"),
                          ("monoparentales", row.composition == "monoparentale")):
            if hit:
                cell[name][0] += 1
                cell[name][1] += weight
    return {code: {when: _shown(cell, threshold) for when, cell in periods.items()}
            for code, periods in cells.items()}


def _publishable(count, threshold):
    return count == 0 or count >= threshold


def _shown(cell, threshold):
    if cell["rows"] < threshold:
        return dict({"menages": None}, **{name: None for name, _ in SHARES})
    out = {"menages": int(round(cell["poids"]))}
    for name, _ in SHARES:
        hits, weight = cell[name]
        others = cell["rows"] - hits
        out[name] = round(100.0 * weight / cell["poids"], 1) \
            if _publishable(hits, threshold) and _publishable(others, threshold) else None
    return out


def text_of_labels(figures):
    """The page's lines for one entity's label change."""
    if not figures:
        return "Non calculé (RPLS_AVANT et RPLS non donnés, ou aucun logement)."
    lines = ["Logements : %s" % _value(figures.get("logements"))]
    lines += ["%s : %s" % (label, _value(figures.get(code))) for code, label in CLASSES]
    return "\n".join(lines)


def text_of_households(figures, given):
    """The page's lines for one entity's households before and after the works."""
    if not given:
        return "Non calculé (OPS non donnée)."
    if not figures:
        return "Aucun ménage enquêté avant ou après les travaux de ces logements."
    lines = []
    for when, label in PERIODS:
        cell = figures.get(when)
        if cell is None:
            lines.append("%s : aucun ménage enquêté" % label)
            continue
        lines.append("%s : %s ménages" % (label, _value(cell["menages"])))
        lines += ["   %s : %s" % (text, _value(cell[name], " %")) for name, text in SHARES]
    return "\n".join(lines)


def _value(value, unit=""):
    if value is None:
        return HIDDEN
    if isinstance(value, float):
        return ("%.1f" % value).replace(".", ",") + unit
    return "{:,}".format(int(value)).replace(",", "\u202f") + unit
