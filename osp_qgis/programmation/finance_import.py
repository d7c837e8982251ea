"""A financial sheet back (a DDTM payment list, a Région's commitment export, a landlord's
plan): header rules of the join (synonyms: resources/reference/financement_colonnes.csv),
each row matched to its operation by ``id_op``, else its name, else its decision number;
what it says about the operation (cost, dates), its financing line (funder, planned,
engaged) and its payment.  A row that cannot be applied is an anomaly with its reason —
nothing is guessed, nothing is half-applied.  Pure Python."""
import functools
from dataclasses import dataclass, field

from .. import french_numbers
from ..reference import read_reference
from ..sheets import columns
from ..sheets.raw import is_blank, total_label
from . import finance, model
from .sheet import same_name

ANOMALY_COLUMNS = ("ligne", "motif", "detail")
OPERATION_ROLES = ("cout_total_ttc", "date_notification", "date_demarrage", "date_achevement",
                   "date_solde")
LINE_ROLES = ("montant_prevu", "montant_engage", "date_engagement", "reference", "obs")


@functools.lru_cache(maxsize=None)
def synonyms():
    return [(row["role"], row["entete"], row["correspondance"], row["groupe"] or "")
            for row in read_reference("financement_colonnes.csv")]


@dataclass
class FinancePlan:
    operations: list
    financements: list
    versements: list
    read: int = 0
    lines: int = 0        # financing lines created or changed
    payments: int = 0
    operations_changed: int = 0
    anomalies: list = field(default_factory=list)   # [(ligne, motif, detail, cells)]


class RowRefused(Exception):
    def __init__(self, motif, detail):
        super().__init__(detail)
        self.motif, self.detail = motif, detail


def header(rows):
    """``(roles, data rows, skipped)`` of a sheet; :class:`columns.ColumnError` in French."""
    index = columns.detect_header_row(rows, synonyms())
    if index is None:
        raise columns.ColumnError(
            "Aucune ligne d'en-tête financière reconnue (« Opération », « Financeur », "
            "« Montant engagé », « Date de versement »…).")
    width = max(len(c) for _, c in rows)
    headers = list(rows[index][1]) + [""] * (width - len(rows[index][1]))
    roles, _ = columns.map_columns(headers, columns.group_labels(rows, index, width),
                                   synonyms())
    if not {"id_op", "nom", "num_decision"} & set(roles):
        raise columns.ColumnError("Colonne de l'opération (« Identifiant de l'opération », "
                                  "« Opération », « N° de décision ») introuvable.")
    data, skipped = [], []
    for ligne, cells in rows[index + 1:]:
        if is_blank(cells):
            continue
        label = total_label(cells)
        if label is not None:
            skipped.append((ligne, "ligne_total", "Ligne de total « %s » : recalculée, pas "
                            "importée." % label[:60], cells))
            continue
        data.append((ligne, cells))
    return roles, data, skipped


def _cell(cells, roles, role):
    index = roles.get(role)
    if index is None or index >= len(cells):
        return None
    value = cells[index]
    return None if isinstance(value, str) and not value.strip() else value


def _date(value, role):
    try:
        return model.parse_date(value)
    except ValueError:
        raise RowRefused("date_illisible", "%s : « %s » n'est pas une date." % (role, value))


def _amount(value, role):
    try:
        amount = finance.cents(value)
    except finance.AmountError as error:
        raise RowRefused("montant_illisible", "%s : %s." % (role, error))
    if amount is not None and amount < 0:
        raise RowRefused("montant_negatif", "%s : %s est négatif." % (role, value))
    return amount


def _euros(amount_cents):
    return french_numbers.euros(finance.euros(amount_cents))


def find_operation(cells, roles, operations):
    """The operation a row names (id, else name, else decision number)."""
    raw_id = _cell(cells, roles, "id_op")
    if raw_id is not None:
        try:
            wanted = int(float(str(raw_id).strip()))
        except ValueError:
            raise RowRefused("operation_inconnue", "Identifiant « %s » illisible." % raw_id)
        found = [op for op in operations if op["id_op"] == wanted]
        if found:
            return found[0]
        raise RowRefused("operation_inconnue", "Aucune opération d'identifiant %d." % wanted)
    for role, key, compare in (("nom", "nom", same_name),
                               ("num_decision", "num_decision", same_name)):
        text = _cell(cells, roles, role)
        if text is None:
            continue
        found = [op for op in operations if compare(str(op.get(key) or ""), str(text))]
        if len(found) == 1:
            return found[0]
        raise RowRefused("operation_inconnue" if not found else "operation_ambigue",
                         "%s « %s » : %s." % (role, text, "aucune opération" if not found
                                              else "%d opérations" % len(found)))
    raise RowRefused("operation_inconnue", "La ligne ne nomme pas d'opération.")


def plan_import(rows, operations, financements, versements):
    """The :class:`FinancePlan` of a read sheet ``rows`` ``[(ligne, cells)]`` against the
    programmation's current tables (lists of dicts, left untouched)."""
    roles, data, skipped = header(rows)
    return plan_rows(roles, data, skipped, operations, financements, versements)


def plan_rows(roles, data, skipped, operations, financements, versements):
    """The :class:`FinancePlan` of ``data`` ``[(ligne, cells)]`` whose columns ``roles``
    names (``{role: index}``), ``skipped`` rows already refused."""
    plan = FinancePlan([dict(op) for op in operations], [dict(f) for f in financements],
                       [dict(v) for v in versements], anomalies=list(skipped))
    next_fin = max([f["id_fin"] for f in plan.financements] + [0]) + 1
    next_pay = max([v["id_vers"] for v in plan.versements] + [0]) + 1
    for ligne, cells in data:
        plan.read += 1
        try:
            op = find_operation(cells, roles, plan.operations)
            changes = _operation_changes(cells, roles, op)
            line, line_changes = _line(cells, roles, op, plan.financements, next_fin)
            payment = _payment(cells, roles, line, line_changes, plan.versements, next_pay)
        except RowRefused as refused:
            plan.anomalies.append((ligne, refused.motif, refused.detail, cells))
            continue
        if changes:
            op.update(changes)
            plan.operations_changed += 1
        if line_changes:
            if line["id_fin"] == next_fin:
                plan.financements.append(line)
                next_fin += 1
            line.update(line_changes)
            plan.lines += 1
        if payment is not None:
            plan.versements.append(payment)
            next_pay += 1
            plan.payments += 1
    return plan


def _operation_changes(cells, roles, op):
    changes = {}
    cost = _amount(_cell(cells, roles, "cout_total_ttc"), "cout_total_ttc")
    if cost is not None:
        changes["cout_total_ttc"] = finance.euros(cost)
    for role in OPERATION_ROLES[1:]:
        value = _cell(cells, roles, role)
        if value is not None:
            changes[role] = _date(value, role)
    dated = dict(op, **changes)
    problems = finance.date_order_problems(dated)
    if problems:
        raise RowRefused("dates_incoherentes", "; ".join(problems))
    return {k: v for k, v in changes.items() if op.get(k) != v}


def _line(cells, roles, op, financements, next_id):
    """The financing line the row writes or pays (created when new) and what changes."""
    text = _cell(cells, roles, "financeur")
    if text is None:
        if any(_cell(cells, roles, r) is not None for r in LINE_ROLES + ("montant_verse",)):
            raise RowRefused("financeur_absent", "Montant sans financeur.")
        return None, {}
    code = finance.funder_code(str(text))
    if code is None:
        raise RowRefused("financeur_inconnu", "Financeur « %s » inconnu (liste : "
                         "resources/reference/financeurs.csv)." % text)
    line = next((f for f in financements if f["id_op"] == op["id_op"]
                 and f["financeur"] == code), None)
    if line is None:
        line = {name: None for name in finance.FIN_KINDS}
        line.update({"id_fin": next_id, "id_op": op["id_op"], "financeur": code})
    changes = {}
    for role in ("montant_prevu", "montant_engage"):
        amount = _amount(_cell(cells, roles, role), role)
        if amount is not None:
            changes[role] = finance.euros(amount)
    value = _cell(cells, roles, "date_engagement")
    if value is not None:
        changes["date_engagement"] = _date(value, "date_engagement")
    for role in ("reference", "obs"):
        value = _cell(cells, roles, role)
        if value is not None:
            changes[role] = str(value).strip()
    merged = dict(line, **changes)
    planned, engaged = finance.cents(merged["montant_prevu"]), \
        finance.cents(merged["montant_engage"])
    if planned is not None and engaged is not None and engaged > planned and \
            not (merged.get("obs") or "").strip():
        raise RowRefused("engage_superieur_prevu", "Engagé %s au-delà du prévu %s sans "
                         "observation." % (_euros(engaged), _euros(planned)))
    changes = {k: v for k, v in changes.items() if line.get(k) != v}
    if line["id_fin"] == next_id and not changes:
        changes = {"financeur": code}        # a new line named without amounts
    return line, changes


def _payment(cells, roles, line, line_changes, versements, next_id):
    amount = _amount(_cell(cells, roles, "montant_verse"), "montant_verse")
    when = _cell(cells, roles, "date_versement")
    if amount is None and when is None:
        return None
    if line is None:
        raise RowRefused("financeur_absent", "Versement sans financeur.")
    if amount is None or when is None:
        raise RowRefused("versement_incomplet", "Un versement a une date et un montant.")
    when = _date(when, "date_versement")
    kind = _cell(cells, roles, "type_versement")
    kind = str(kind).strip().lower() if kind is not None else None
    if kind is not None and kind not in finance.PAYMENT_TYPES:
        raise RowRefused("type_inconnu", "Type de versement « %s » (avance, acompte, solde)."
                         % kind)
    paid = [v for v in versements if v["id_fin"] == line["id_fin"]]
    if any(v["date"] == when and finance.cents(v["montant"]) == amount for v in paid):
        raise RowRefused("versement_en_double", "Versement du %s de %s déjà enregistré."
                         % (when.strftime("%d/%m/%Y"), _euros(amount)))
    engaged = finance.cents(dict(line, **line_changes).get("montant_engage"))
    total = sum(finance.cents(v["montant"]) or 0 for v in paid) + amount
    if engaged is None or total > engaged:
        raise RowRefused("versement_superieur_engagement", "Versé %s au total pour %s "
                         "engagés." % (_euros(total), _euros(engaged) if engaged is not None
                                       else "aucun montant"))
    reference = _cell(cells, roles, "reference_versement")
    return {"id_vers": next_id, "id_fin": line["id_fin"], "id_op": line["id_op"],
            "date": when, "montant": finance.euros(amount), "type": kind,
            "reference": str(reference).strip() if reference is not None else None}

