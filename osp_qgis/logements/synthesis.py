"""The counts behind the OSP workbook, the HTML report and (later) the atlas tables.

Pure Python: dwellings are dicts with the analyse-layer field names.  Every
number shown to partners is computed here once.
"""
import re
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field

from ..french_numbers import integer
from ..ids import PALULOS_GROUPE, PALULOS_ISOLE, YEAR_MAX, YEAR_MIN

GROUP_PALULOS = "Palulos (groupé & isolé)"
GROUP_HORS = "Hors Palulos"
GROUPS = (GROUP_PALULOS, GROUP_HORS)
NO_YEAR = "Non renseignée"
NOT_SET = "Non renseigné"
BASSIN = "Bassin minier"
# (block title, function giving the row label of a dwelling)
BLOCKS = (
    ("Analyse par EPCI", lambda d: d.get("epci")),
    ("Analyse par Département", lambda d: d.get("dep")),
    ("Analyse par Bailleur", lambda d: d.get("bailleur")),
    ("Analyse par Commune", lambda d: commune_label(d)),
    ("Analyse par Cité", lambda d: cite_label(d)),
    ("Bassin minier", lambda d: BASSIN),
)


def commune_label(d):
    name, code = d.get("idcomtxt"), d.get("idcom")
    if name and code:
        return "%s (%s)" % (name, code)
    return name or code


def cite_label(d):
    """A cité by its name and id: two cités may share a name (« Cité du 4 »)."""
    name, ident = d.get("nom_cite_1"), d.get("id_cite")
    if name and ident is not None:
        return "%s (%s)" % (name, ident)
    return name


def palulos_group(dwelling):
    """« Palulos » for Groupé and Isolé; « Hors Palulos » for Hors and unknown types."""
    return GROUP_PALULOS if dwelling.get("type_palu") in (PALULOS_GROUPE, PALULOS_ISOLE) \
        else GROUP_HORS


def is_located(dwelling):
    return bool(dwelling.get("geoloc_source"))


def plausible_year(value):
    """A financing year the programme can have (``20190`` typed for 2019 is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and YEAR_MIN <= value <= YEAR_MAX


def year_columns(dwellings, years=None):
    """The year columns: the requested range, else every year from the first to the last
    present (empty years included); « Non renseignée » when a dwelling has none or an
    implausible one (listed by :func:`invalid_years`)."""
    present = sorted({d["annee_financ"] for d in dwellings
                      if plausible_year(d.get("annee_financ"))})
    if years:
        columns = list(range(years[0], years[1] + 1))
    elif present:
        columns = list(range(present[0], present[-1] + 1))
    else:
        columns = []
    if any(not plausible_year(d.get("annee_financ")) for d in dwellings):
        columns.append(NO_YEAR)
    return columns


def year_of(dwelling):
    year = dwelling.get("annee_financ")
    return year if plausible_year(year) else NO_YEAR


def invalid_years(dwellings):
    """``[(identifier, year as given, ligne)]`` of dwellings whose year is filled but
    implausible: counted as « Non renseignée », listed in the Qualité sheets."""
    return [(d.get("ident_rep") or d.get("ident_int"), d.get("annee_financ"),
             d.get("ligne_source")) for d in dwellings
            if d.get("annee_financ") not in (None, "") and not plausible_year(d.get("annee_financ"))]


@dataclass
class Crosstab:
    title: str
    years: list
    rows: list                                       # [(label, {group: [counts per year]})]
    total: dict = field(default_factory=dict)        # {group: [counts per year]}

    def row_total(self, counts):
        return sum(counts)


def crosstab(title, dwellings, label_of, years, columns_of=None):
    """Counts of dwellings per row label × (group, year), with a Total row.

    ``columns_of`` = the ``(group, year)`` of each dwelling, when the caller computed
    them once for several tables."""
    cells = defaultdict(Counter)
    wanted = set(years)
    if columns_of is None:
        columns_of = [(palulos_group(d), year_of(d)) for d in dwellings]
    for d, column in zip(dwellings, columns_of):
        if column[1] in wanted:
            cells[label_of(d) or NOT_SET][column] += 1
    labels = sorted(cells, key=lambda l: (l == NOT_SET, str(l)))
    rows = [(label, {g: [cells[label][(g, y)] for y in years] for g in GROUPS})
            for label in labels]
    total = {g: [sum(r[1][g][i] for r in rows) for i in range(len(years))] for g in GROUPS}
    return Crosstab(title=title, years=years, rows=rows, total=total)


def synthesis_blocks(dwellings, years):
    columns_of = [(palulos_group(d), year_of(d)) for d in dwellings]
    return [crosstab(title, dwellings, label_of, years, columns_of)
            for title, label_of in BLOCKS]


@dataclass
class Operation:
    bailleur: str
    intitule: str
    annee: object
    type_palu: str
    dep: str
    epci: str
    cites: list
    reported: int
    located: int
    num_decision: str
    financed: object          # None when the decision is not in DECISIONS
    gap: object               # financed - reported, None when unknown


def operations(dwellings, decisions):
    """One row per operation (intitulé + n° de décision)."""
    groups = OrderedDict()
    for d in sorted(dwellings, key=lambda d: (str(d.get("bailleur") or ""),
                                              str(d.get("intitule") or ""),
                                              str(d.get("num_decision") or ""))):
        groups.setdefault((d.get("intitule"), d.get("num_decision")), []).append(d)
    out = []
    for (intitule, decision), members in groups.items():
        first = members[0]
        cites = sorted({m.get("nom_cite_1") or m.get("cite_ini") for m in members
                        if m.get("nom_cite_1") or m.get("cite_ini")})
        financed = decisions.get(decision, {}).get("nb") if decision else None
        out.append(Operation(
            bailleur=first.get("bailleur"), intitule=intitule,
            annee=_most_common(m.get("annee_financ") for m in members),
            type_palu=_most_common(m.get("type_palu") for m in members),
            dep=_most_common(m.get("dep") for m in members),
            epci=_most_common(m.get("epci") for m in members), cites=cites,
            reported=len(members), located=sum(1 for m in members if is_located(m)),
            num_decision=decision, financed=financed,
            gap=None if financed is None else financed - len(members)))
    return out


def _most_common(values):
    counts = Counter(v for v in values if v not in (None, ""))
    return counts.most_common(1)[0][0] if counts else None


_DUPLICATE_KEY = re.compile(r"\(identifiant (RPLS|bailleur) ([^)]+)\)")


def duplicate_key(detail):
    """``("rpls"|"int", id)`` named in a ``doublon`` anomaly's detail (see locate.py)."""
    match = _DUPLICATE_KEY.search(detail or "")
    if not match:
        return None
    return ("rpls" if match.group(1) == "RPLS" else "int", match.group(2).strip())


@dataclass
class Quality:
    decision: str
    annee: object
    bailleur: str
    financed: int
    reported: int
    not_reported: int
    duplicates: list          # [(ident, ligne of the extra row)]
    not_located: list         # [(ident, ligne)]


def quality(dwellings, decisions, duplicate_rows):
    """Per financing decision: financed, reported, not reported (when positive),
    reported twice, not geolocated.  ``duplicate_rows`` = ``[(ligne, detail)]`` of the
    join's ``doublon`` anomalies."""
    by_key = {}
    for d in dwellings:
        if d.get("ident_rep"):
            by_key[("rpls", d["ident_rep"])] = d
        if d.get("ident_int"):
            by_key.setdefault(("int", d["ident_int"]), d)
    dup_by_decision = defaultdict(list)
    for ligne, detail in duplicate_rows:
        key = duplicate_key(detail)
        owner = by_key.get(key) if key else None
        dup_by_decision[owner.get("num_decision") if owner else None].append(
            (key[1] if key else "ligne %s" % ligne, ligne))
    reported = Counter(d.get("num_decision") for d in dwellings)
    not_located = defaultdict(list)
    for d in dwellings:
        if not is_located(d):
            not_located[d.get("num_decision")].append(
                (d.get("ident_rep") or d.get("ident_int"), d.get("ligne_source")))
    numbers = sorted(set(decisions) | set(reported), key=lambda n: (n is None, str(n)))
    out = []
    for number in numbers:
        info = decisions.get(number, {})
        financed = info.get("nb")
        out.append(Quality(
            decision=number, annee=info.get("annee"), bailleur=info.get("bailleur"),
            financed=financed, reported=reported.get(number, 0),
            not_reported=max(0, (financed or 0) - reported.get(number, 0))
            if financed is not None else 0,
            duplicates=dup_by_decision.get(number, []),
            not_located=not_located.get(number, [])))
    return out


def quality_sentence(rows, dwellings=None):
    """« parmi les 2 247 logements financés PALULOS entre 2018 et 2020, 35 n'ont pas été
    remontés, 16 ont été remontés deux fois, 41 ne sont pas géolocalisables »."""
    financed_rows = [q for q in rows if q.financed is not None]
    financed = sum(q.financed for q in financed_rows)
    years = sorted({q.annee for q in financed_rows if q.annee})
    not_reported = sum(q.not_reported for q in rows)
    duplicates = sum(len(q.duplicates) for q in rows)
    not_located = sum(len(q.not_located) for q in rows)
    if years and years[0] != years[-1]:
        period = "entre %d et %d" % (years[0], years[-1])
    elif years:
        period = "en %d" % years[0]
    else:
        period = "sur la période"
    if not financed_rows:
        return ("Aucune décision de financement fournie : %s logements ont été remontés deux "
                "fois, %s ne sont pas géolocalisables."
                % (integer(duplicates), integer(not_located)))
    return ("Parmi les %s logements financés PALULOS %s, %s n'ont pas été remontés, %s ont été "
            "remontés deux fois, %s ne sont pas géolocalisables."
            % (integer(financed), period, integer(not_reported),
               integer(duplicates), integer(not_located)))


def filter_dwellings(dwellings, epci=None, bailleur=None, departement=None):
    """A partner's share: one EPCI, one landlord, one département (any combination)."""
    return [d for d in dwellings
            if (not epci or d.get("epci") == epci)
            and (not bailleur or d.get("bailleur") == bailleur)
            and (not departement or d.get("dep") == departement)]


def filter_decisions(decisions, dwellings, bailleur=None, restricted=False):
    """Decisions of the partner's share: the landlord's, and, when the share is a
    territory, those with at least one of its dwellings."""
    kept = {}
    numbers = {d.get("num_decision") for d in dwellings}
    for number, info in decisions.items():
        if bailleur and info.get("bailleur") and info["bailleur"] != bailleur:
            continue
        if restricted and number not in numbers:
            continue
        kept[number] = info
    return kept
