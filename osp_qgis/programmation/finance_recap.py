"""The financial recap as the DDTM presents it to the CRHH and the COPIL: per EPCI, then
département, then the whole programme, and per funder — planned, committed, paid, still to
pay; the State's share and the leverage (euros of the other funders per euro of State aid);
the cost per dwelling; the alerts as of a date.  Every sum in integer cents.  Deadlines come
from resources/rates/delais.csv, never from a guess.  Pure Python."""
import calendar
import csv
import datetime
import os
from collections import OrderedDict
from dataclasses import dataclass, field

from .. import french_numbers, reference
from ..territory import Territory
from . import finance
from .recap import departement_of_epci

NEAR_MONTHS = 6          # « échéance proche »: within six months of the date
MEASURES = ("prevu", "engage", "verse", "reste")
MEASURE_LABELS = {"prevu": "Prévu", "engage": "Engagé", "verse": "Versé",
                  "reste": "Reste à verser"}
ALERTS = {"echeance_depassee": "Délai d'achèvement dépassé",
          "echeance_proche": "Délai d'achèvement proche",
          "echeance_a_renseigner": "Délai à renseigner",
          "solde_non_demande": "Achevée sans demande de solde",
          "versement_superieur_engagement": "Versé au-delà de l'engagé",
          "plan_different_du_cout": "Plan de financement ≠ coût total"}


@dataclass
class Recap:
    as_of: datetime.date
    funders: list                                  # funder codes with a line, in table order
    rows: list = field(default_factory=list)       # [(level, code, name, {funder: {measure: cents}}, extra)]
    alerts: list = field(default_factory=list)     # [(id_op, nom, bailleur, epci, motif, detail)]
    operations: list = field(default_factory=list)  # per operation, for the detail sheet


DEADLINES_FILE = os.path.join(reference.RESOURCES_DIR, "rates", "delais.csv")


def deadlines(path=DEADLINES_FILE):
    """``{(aid, deadline): row}`` of resources/rates/delais.csv."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {(row["aide"], row["echeance"]): row
                for row in csv.DictReader(handle, delimiter=";")}


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def completion_deadline(op, rules):
    """``(date or None, rule row or None)`` of the completion deadline (PALULOS)."""
    rule = rules.get(("PALULOS", "achevement"))
    if rule is None or rule["statut"] == "a_renseigner" or not rule["mois"] \
            or op.get("date_notification") is None:
        return None, rule
    months = int(rule["mois"]) + int(rule["prolongation_mois"] or 0)
    return add_months(op["date_notification"], months), rule


def operation_alerts(op, lines, paid_by_line, as_of, rules):
    """``[(motif, detail)]`` of one operation as of ``as_of``."""
    out = []
    finished = op.get("date_achevement") is not None
    state = op.get("etat_financier")
    if not finished and state not in ("solde", "annule", "caduc") and \
            op.get("date_notification") is not None:
        deadline, rule = completion_deadline(op, rules)
        caution = " (règle à vérifier : %s)" % rule["texte"] if rule and \
            rule["statut"] == "a_verifier" else ""
        if deadline is None:
            out.append(("echeance_a_renseigner", "Délai d'achèvement inconnu (%s)."
                        % ("resources/rates/delais.csv")))
        elif as_of > deadline:
            out.append(("echeance_depassee", "Achèvement attendu au plus tard le %s%s."
                        % (deadline.strftime("%d/%m/%Y"), caution)))
        elif as_of > add_months(deadline, -NEAR_MONTHS):
            out.append(("echeance_proche", "Achèvement attendu au plus tard le %s%s."
                        % (deadline.strftime("%d/%m/%Y"), caution)))
    if finished and op.get("date_solde") is None and state != "solde":
        rule = rules.get(("PALULOS", "demande_solde"))
        delay = "délai à renseigner" if rule is None or rule["statut"] == "a_renseigner" \
            else rule["texte"]
        out.append(("solde_non_demande", "Achevée le %s, solde non demandé (%s)."
                    % (op["date_achevement"].strftime("%d/%m/%Y"), delay)))
    for line in lines:
        engaged = finance.cents(line.get("montant_engage"))
        paid = paid_by_line.get(line["id_fin"], 0)
        if paid and (engaged is None or paid > engaged):
            out.append(("versement_superieur_engagement", "%s : versé %s pour %s engagés."
                        % (line["financeur"], _euros(paid), _euros(engaged or 0))))
    cost = finance.cents(op.get("cout_total_ttc"))
    planned = [finance.cents(l.get("montant_prevu")) for l in lines]
    if cost is not None and lines and None not in planned and sum(planned) != cost:
        out.append(("plan_different_du_cout", "Plan %s pour un coût de %s."
                    % (_euros(sum(planned)), _euros(cost))))
    return out


def _euros(amount_cents):
    return french_numbers.euros(finance.euros(amount_cents))


def _empty(funders):
    return {code: {m: 0 for m in MEASURES} for code in funders}


def _dwellings(op):
    for name in ("crhh_nb_valides", "d_nb_total", "b_nb_total"):
        if op.get(name):
            return int(op[name])
    return None


def recap(operations, financements, versements, as_of, year=None, territory=None):
    """The :class:`Recap` of the operations (of ``year`` when given)."""
    territory = territory or Territory.from_reference()
    table = finance.funders()
    rules = deadlines()
    ops = [op for op in operations if year is None or op.get("annee_prog") == year]
    ids = {op["id_op"] for op in ops}
    lines = [l for l in financements if l["id_op"] in ids]
    lines_of = {}
    for line in lines:
        lines_of.setdefault(line["id_op"], []).append(line)
    paid_by_line = {}
    for payment in versements:
        if payment.get("date") is None or payment["date"] <= as_of:
            paid_by_line[payment["id_fin"]] = paid_by_line.get(payment["id_fin"], 0) + \
                (finance.cents(payment["montant"]) or 0)
    used = {l["financeur"] for l in lines}
    departments = {}

    def departement_of(epci):       # one lookup per EPCI, not per operation
        if epci not in departments:
            departments[epci] = departement_of_epci(epci) if epci else None
        return departments[epci]
    result = Recap(as_of, [code for code in table if code in used])
    groups = OrderedDict()
    for op in sorted(ops, key=lambda o: (departement_of(o.get("epci")) or "",
                                         o.get("epci") or "", o.get("nom") or "")):
        own = lines_of.get(op["id_op"], [])
        sums = _empty(result.funders)
        for line in own:
            cell = sums[line["financeur"]]
            cell["prevu"] += finance.cents(line.get("montant_prevu")) or 0
            cell["engage"] += finance.cents(line.get("montant_engage")) or 0
            cell["verse"] += paid_by_line.get(line["id_fin"], 0)
        for cell in sums.values():
            cell["reste"] = max(cell["engage"] - cell["verse"], 0)
        cost = finance.cents(op.get("cout_total_ttc"))
        result.operations.append((op, sums, cost, _dwellings(op)))
        for motif, detail in operation_alerts(op, own, paid_by_line, as_of, rules):
            result.alerts.append((op["id_op"], op.get("nom"), op.get("bailleur"),
                                  op.get("epci"), motif, detail))
        department = departement_of(op.get("epci")) or "?"
        for key in (("epci", op.get("epci") or "?"), ("departement", department),
                    ("total", "59-62")):
            group = groups.setdefault(key, {"sums": _empty(result.funders), "cost": 0,
                                            "dwellings": 0})
            for code, cell in sums.items():
                for measure in MEASURES:
                    group["sums"][code][measure] += cell[measure]
            group["cost"] += cost or 0
            group["dwellings"] += _dwellings(op) or 0
    state = finance.state_funders()
    order = {"epci": 0, "departement": 1, "total": 2}

    def place(key):     # the EPCI of a département, then the département; the programme last
        level, code = key
        department = code if level == "departement" else \
            departement_of(code) or "?" if level == "epci" else "~"
        return (department, order[level], code)
    for level, code in sorted(groups, key=place):
        group = groups[(level, code)]
        name = {"epci": territory.epci_name(code) or code,
                "departement": "Département %s" % code, "total": "ERBM 59-62"}[level]
        result.rows.append((level, code, name, group["sums"], _ratios(group, state)))
    return result


def _ratios(group, state):
    engaged = sum(c["engage"] for c in group["sums"].values())
    state_engaged = sum(c["engage"] for code, c in group["sums"].items() if code in state)
    return {"part_etat": state_engaged / engaged if engaged else None,
            "effet_levier": (engaged - state_engaged) / state_engaged if state_engaged
            else None,
            "cout_par_logement": group["cost"] // group["dwellings"]
            if group["cost"] and group["dwellings"] else None,
            "cout": group["cost"] or None, "logements": group["dwellings"] or None}
