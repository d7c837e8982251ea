"""The CRHH recap as partners know it, and the ERBM trajectory (« Suivi de l'ambition »).

Recap: one line per operation of the year, grouped by département then EPCI, with
« TOTAL <EPCI> », « TOTAL DEP 59 », « TOTAL DEP 62 », « TOTAL DEP 59-62 » lines; counts
and amounts from one block (chosen, or the most advanced one of each operation).
Pure Python: the workbook and the PDFs only show these lines."""
import functools
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from ..territory import Territory
from . import model, rates
from .finance import cents

NOT_SET = "Non renseigné"


@dataclass
class Line:
    kind: str                  # "operation", "total_epci", "total_dep", "total"
    label: str
    total: object = None
    c: object = None
    bbc: object = None
    bio: object = None
    amounts: tuple = (None, None, None, None)
    date_depot: object = None
    report: object = None
    operation: dict = None
    block: str = None
    missing: list = field(default_factory=list)   # rates lacking for the amounts
    count: int = 0                                 # operations under a total line


# the ERBM's ambition: dwellings renovated over AMBITION_YEARS years from AMBITION_START
# (the defaults of the AMBITION / AMBITION_START parameters)
AMBITION = 23000
AMBITION_START = 2017
AMBITION_YEARS = 10

@functools.lru_cache(maxsize=None)
def departement_of_epci(epci):
    """The département of an EPCI (of its first commune in the reference), looked up once
    per EPCI."""
    territory = Territory.from_reference()
    for insee, info in territory.communes.items():
        if territory.epci_code(info.get("epci_siren")) == epci:
            return info.get("dep") or insee[:2]
    return None


def departement_of(op):
    dep = departement_of_epci(op.get("epci")) if op.get("epci") else None
    if dep is None and op.get("communes"):
        first = str(op["communes"]).split(",")[0].strip()
        dep = first[:3] if first.startswith("97") else first[:2]
    return dep or NOT_SET


def counts(op, block):
    """``(block used, total, c, bbc, bio, amounts, missing)`` of an operation.  For the CRHH
    decision the split comes from the forecast block that has the same total (else unknown)
    and the PALULOS amount is the envelope decided."""
    year = op.get("annee_prog")
    used = block or model.most_advanced_block(op)
    if used is None:
        return None, None, None, None, None, (None,) * 4, []
    if used == "crhh":
        total = op.get("crhh_nb_valides")
        split = next((p for p in ("d", "e", "b") if op.get("%s_nb_total" % p) == total
                      and total is not None), None)
        c = bbc = bio = None
        if split:
            c, bbc, bio = (op.get("%s_%s" % (split, n)) for n in ("nb_c", "nb_bbc", "nb_bio"))
        base = op.get("crhh_enveloppe")
        amounts = [base]
        for option in rates.BIO_OPTIONS:
            bonus = rates.rate(year, "bonus_" + option) if bio else 0.0
            amounts.append(None if base is None or bonus is None or (bio is None and split)
                           else base + (bonus or 0) * (bio or 0))
        lacking = [] if base is not None else ["enveloppe CRHH"]
        return used, total, c, bbc, bio, tuple(amounts), lacking
    get = lambda n: op.get("%s_%s" % (used, n))
    total, c, bbc, bio = get("nb_total"), get("nb_c"), get("nb_bbc"), get("nb_bio")
    if c is None and bbc is None and total:
        return used, total, c, bbc, bio, (None,) * 4, ["répartition C / BBC"]
    return used, total, c, bbc, bio, rates.estimate(year, c, bbc, bio), \
        rates.missing(year, c, bbc, bio)


def _add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return a + b


def _total_line(kind, label, lines):
    out = Line(kind=kind, label=label, count=sum(l.count or 1 for l in lines))
    for name in ("total", "c", "bbc", "bio"):
        values = [getattr(l, name) for l in lines if getattr(l, name) is not None]
        setattr(out, name, sum(values) if values else None)
    amounts = []
    for i in range(4):
        values = [l.amounts[i] for l in lines]
        amounts.append(None if any(v is None for v in values) else sum(values))
    out.amounts = tuple(amounts)
    out.missing = sorted({m for l in lines for m in l.missing})
    return out


def recap_lines(operations, year, block=None):
    """The recap of programming year ``year`` (annulled operations left out): operation
    lines and total lines, in the order of the 2021 recap."""
    kept = [op for op in operations if op.get("annee_prog") == year
            and op.get("statut") != "annule"]
    groups = OrderedDict()
    for op in sorted(kept, key=lambda o: (departement_of(o), o.get("epci") or "~",
                                          model.fold(o.get("nom") or ""))):
        groups.setdefault(departement_of(op), OrderedDict()).setdefault(
            op.get("epci") or NOT_SET, []).append(op)
    lines, dep_totals = [], []
    for dep, epcis in groups.items():
        epci_totals = []
        for epci, ops in epcis.items():
            op_lines = []
            for op in ops:
                used, total, c, bbc, bio, amounts, lacking = counts(op, block)
                reported = "oui" if op.get("b_report") == "oui" or op.get("statut") == "reporte" \
                    else "non"
                op_lines.append(Line("operation", op.get("nom") or "", total, c, bbc, bio,
                                     amounts, op.get("b_date_depot"), reported, op, used,
                                     lacking))
            lines += op_lines
            epci_total = _total_line("total_epci", "TOTAL %s" % epci, op_lines)
            lines.append(epci_total)
            epci_totals.append(epci_total)
        dep_total = _total_line("total_dep", "TOTAL DEP %s" % dep, epci_totals)
        lines.append(dep_total)
        dep_totals.append((dep, dep_total))
    if dep_totals:
        label = "TOTAL DEP %s" % "-".join(d for d, _ in dep_totals)
        lines.append(_total_line("total", label, [t for _, t in dep_totals]))
    return lines


def partner_operations(operations, year, role, partner):
    """The operations of one landlord (``role="bailleur"``) or one EPCI, for its PDF."""
    key = "bailleur" if role == "bailleur" else "epci"
    return [op for op in operations if op.get(key) == partner and op.get("annee_prog") == year]


def filter_operations(operations, epci=None, bailleur=None, departement=None):
    """The operations of a partner's workbook (same filters as the dwellings')."""
    return [op for op in operations
            if (not epci or op.get("epci") == epci)
            and (not bailleur or op.get("bailleur") == bailleur)
            and (not departement or departement_of(op) == str(departement))]


def latest_notes(notes, published_only=True):
    """``{id_op: the latest note}`` (by date, then id)."""
    out = {}
    for note in notes:
        if published_only and note.get("statut") not in (None, "publie"):
            continue
        key = note.get("id_op")
        current = out.get(key)
        rank = (note.get("date") or model.datetime.date.min, note.get("id_note") or 0)
        if current is None or rank > (current.get("date") or model.datetime.date.min,
                                      current.get("id_note") or 0):
            out[key] = note
    return out


# -- ERBM trajectory --------------------------------------------------------------------------
MEASURES = ("programmes", "valides", "finances", "remontes", "geolocalises")
MEASURE_LABELS = {"programmes": "Logements programmés", "valides": "Validés par le CRHH",
                  "finances": "Financés (décisions)", "remontes": "Remontés par les bailleurs",
                  "geolocalises": "Géolocalisés"}


@dataclass
class Trajectory:
    years: list
    by_epci: dict          # epci -> measure -> [per year]
    total: dict            # measure -> [per year]
    cumulative: dict       # measure -> [cumulative per year]
    ambition: list         # cumulative ambition per year
    money: dict = None     # money measure -> [cents per year] (financements given)
    money_by_epci: dict = None   # epci -> money measure -> [cents per year]


def trajectory(operations, dwellings=None, decisions=None, start=AMBITION_START,
               span=AMBITION_YEARS, ambition=AMBITION):
    """Per EPCI and year: dwellings programmed (forecasts, annulled left out), validated by
    the CRHH, financed (decisions, placed in an EPCI by the operation carrying the decision,
    else by its dwellings), reported by landlords, geolocated; cumulated for the basin
    against the programme's ambition (``ambition`` dwellings over ``span`` years)."""
    years = list(range(start, start + span))
    cells = defaultdict(lambda: defaultdict(lambda: [0] * len(years)))

    def add(epci, measure, year, n):
        if year in years and n:
            cells[epci or NOT_SET][measure][years.index(year)] += n

    decision_epci = {}
    for op in operations:
        if op.get("statut") == "annule":
            continue
        forecast = next((p for p in ("d", "e", "b") if op.get("%s_nb_total" % p) is not None),
                        None)
        if forecast:
            add(op.get("epci"), "programmes", op.get("annee_prog"),
                op.get("%s_nb_total" % forecast))
        if op.get("crhh_nb_valides") is not None:
            year = op["crhh_date"].year if op.get("crhh_date") else op.get("annee_prog")
            add(op.get("epci"), "valides", year, op["crhh_nb_valides"])
        if op.get("num_decision"):
            decision_epci[op["num_decision"]] = op.get("epci")
    votes = defaultdict(lambda: defaultdict(int))
    for d in dwellings or ():
        add(d.get("epci"), "remontes", d.get("annee_financ"), 1)
        if d.get("geoloc_source"):
            add(d.get("epci"), "geolocalises", d.get("annee_financ"), 1)
        if d.get("num_decision"):
            votes[d["num_decision"]][d.get("epci")] += 1
    for number, info in (decisions or {}).items():
        epci = decision_epci.get(number)
        if epci is None and votes.get(number):
            epci = max(votes[number].items(), key=lambda kv: (kv[1], str(kv[0])))[0]
        add(epci, "finances", info.get("annee"), info.get("nb"))
    by_epci = {e: {m: list(cells[e][m]) for m in MEASURES} for e in sorted(cells)}
    total = {m: [sum(by_epci[e][m][i] for e in by_epci) for i in range(len(years))]
             for m in MEASURES}
    cumulative = {}
    for m in MEASURES:
        running, out = 0, []
        for value in total[m]:
            running += value
            out.append(running)
        cumulative[m] = out
    step = ambition / float(span)
    return Trajectory(years, by_epci, total, cumulative,
                      [round(step * (i + 1)) for i in range(len(years))])


# -- the money of the trajectory ----------------------------------------------------------------
MONEY_MEASURES = ("engage", "verse", "engage_etat", "verse_etat")
MONEY_LABELS = {"engage": "Engagé, tous financeurs (€)", "verse": "Versé, tous financeurs (€)",
                "engage_etat": "dont État engagé (€)", "verse_etat": "dont État versé (€)"}


def add_money(traj, operations, financements, versements, state_funders):
    """``traj`` with the money per year: commitments at their ``date_engagement``, payments
    at their date, all funders and the State's (``state_funders``), in cents, per EPCI of the
    operation; a commitment or payment without date, or outside the years, is not placed."""
    epci_of = {op["id_op"]: op.get("epci") or NOT_SET for op in operations
               if op.get("statut") != "annule"}
    funder_of = {f["id_fin"]: f["financeur"] for f in financements}
    cells = defaultdict(lambda: {m: [0] * len(traj.years) for m in MONEY_MEASURES})

    def add(id_op, measure, when, amount):
        if id_op in epci_of and when is not None and when.year in traj.years and amount:
            cells[epci_of[id_op]][measure][traj.years.index(when.year)] += amount

    for line in financements:
        amount = cents(line.get("montant_engage"))
        add(line["id_op"], "engage", line.get("date_engagement"), amount)
        if line["financeur"] in state_funders:
            add(line["id_op"], "engage_etat", line.get("date_engagement"), amount)
    for payment in versements:
        amount = cents(payment.get("montant"))
        add(payment["id_op"], "verse", payment.get("date"), amount)
        if funder_of.get(payment["id_fin"]) in state_funders:
            add(payment["id_op"], "verse_etat", payment.get("date"), amount)
    traj.money_by_epci = {e: cells[e] for e in sorted(cells)}
    traj.money = {m: [sum(cells[e][m][i] for e in cells) for i in range(len(traj.years))]
                  for m in MONEY_MEASURES}
    return traj
