"""From a partner's workbook, or any programmation sheet, to a plan of changes.

A partner (a landlord or an EPCI) receives a workbook with its operations, only its own
block editable; each row carries, hidden, the operation's id, its version and two
fingerprints (its block, the locked columns) as issued.  Reading it back:

* unchanged rows are left alone;
* a changed block is applied when the operation has not changed since the workbook was
  issued (same version), else it is a ``conflit``: never a silent overwrite;
* edits of locked cells are reported (``modification_hors_bloc``) and ignored;
* new rows become new operations of the partner; notes of the « Avancement » sheet are
  appended (once: importing twice adds nothing).

Pure Python: the caller reads the files and writes the result."""
import datetime
import re
from dataclasses import dataclass, field

from .. import forms
from ..territory import match_cite
from . import model
from .sheet import same_name

ROLE_BLOCK = {"bailleur": "b", "epci": "e", "ddtm": "d", "crhh": "crhh"}
TECHNICAL = ("id_op", "version", "empreinte_bloc", "empreinte_fixe")
FIXED = ("nom", "epci", "communes_noms", "cites_noms", "annee_prog", "type_prog", "statut",
         "crhh_nb_valides", "crhh_enveloppe")
NOTE_COLUMNS = ("operation", "date", "auteur", "texte")


def editable_fields(role):
    """The fields a partner of ``role`` fills (its block)."""
    return [name for name, _ in model.block_fields(ROLE_BLOCK[role])]


@dataclass
class Plan:
    updates: dict = field(default_factory=dict)      # id_op -> {field: value}
    additions: list = field(default_factory=list)    # [operation dict]
    notes: list = field(default_factory=list)        # [note dict]
    anomalies: list = field(default_factory=list)    # [(ligne, motif, detail, cells)]
    read: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0

    def reject(self, ligne, motif, detail, cells, conflict=False):
        self.anomalies.append((ligne, motif, detail, cells))
        if conflict:
            self.conflicts += 1
        else:
            self.rejected += 1

    def summary(self):
        return {"lus": self.read, "mis_a_jour": len(self.updates), "ajoutes": len(self.additions),
                "conflits": self.conflicts, "rejetes": self.rejected,
                "inchanges": self.unchanged, "notes": len(self.notes)}


def fixed_digest(values):
    """Fingerprint of the locked columns as a person reads them (text)."""
    return model.block_digest({str(i): "" if v is None else str(model._canonical(v))
                               for i, v in enumerate(values)}, [str(i) for i in range(len(values))])


def coerce_values(raw, names):
    """``{field: value}`` of cell values; ``(values, problems)`` with French problems."""
    values, problems = {}, []
    for name in names:
        try:
            values[name] = model.coerce(name, raw.get(name))
        except (ValueError, TypeError):
            problems.append("%s : « %s » illisible" % (model.OPERATION_FIELDS[
                model.FIELD_NAMES.index(name)][2], raw.get(name)))
    return values, problems


class Context:
    """What identifying operations needs: known landlords and EPCI, cités, communes."""

    def __init__(self, cites=None, bailleurs=None, epcis=None):
        self.bailleurs = model.bailleur_codes() if bailleurs is None else bailleurs
        self.epcis = model.epci_codes() if epcis is None else epcis
        self.cites = list(cites or [])  # [{"id_cite", "nom", "communes"}]
        self._communes = {}

    def communes(self, epci):
        if epci not in self._communes:
            self._communes[epci] = model.communes_of_epci(epci)
        return self._communes[epci]

    def commune_codes(self, text, epci=None):
        """« Lens, Liévin » or « 62498,62510 » -> ["62498", "62510"] (unknown names kept out)."""
        out = []
        for part in str(text or "").replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if part.isascii() and part.isdigit() and len(part) == 5:
                out.append(part)
                continue
            found = self.communes(epci).get(model._upper_words(part)) or \
                self.communes(None).get(model._upper_words(part))
            if found:
                out.append(found[0])
        return out

    def cite_ids(self, text, commune_names=()):
        out = []
        for part in _cite_parts(text):
            if part.isdigit():
                out.append(part)
                continue
            labelled = _LABELLED.match(part)     # « Cité du 4 (Lens) »: the list's label
            if labelled:
                part = labelled.group(1).strip()
                commune_names = [labelled.group(2).strip()]
            candidates = [(c["id_cite"], c["nom"]) for c in self.cites
                          if not commune_names or any(
                              model.fold(n) in model.fold(c.get("communes") or "")
                              for n in commune_names)] or \
                [(c["id_cite"], c["nom"]) for c in self.cites]
            found = match_cite(part, candidates, commune_names)
            if found is not None:
                out.append(str(found))
        return out


_LABELLED = re.compile(r"^(.+?)\s*\(([^()]+)\)$")


def _cite_parts(text):
    """The cités a cell names, split at the commas that separate cités (not those inside
    a label's parenthesis: « Cité du 4 (Lens, Liévin) »)."""
    parts, depth, current = [], 0, ""
    for char in str(text or ""):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def identify(values, context, year, partner_role=None, partner=None):
    """Identity of a new operation from what a row gives (and its name's convention)."""
    op = model.empty_operation()
    parsed = model.parse_name(values.get("nom") or "")
    op["nom"] = values.get("nom")
    op["bailleur"] = values.get("bailleur") and model.bailleur_from_sigle(values["bailleur"]) \
        or values.get("bailleur") or parsed["bailleur"]
    op["epci"] = values.get("epci") and model.epci_from_sigle(values["epci"], context.epcis) \
        or values.get("epci") or parsed["epci"]
    if partner_role == "bailleur":
        op["bailleur"] = partner
    elif partner_role == "epci":
        op["epci"] = partner
    communes = context.commune_codes(values.get("communes"), op["epci"])
    if not communes and parsed["commune"]:
        communes = [parsed["commune"]]
    op["communes"] = ",".join(communes) or None
    commune_names = [info[1] for info in context.communes(None).values() if info[0] in communes]
    cites = context.cite_ids(values.get("cites"), commune_names)
    if not cites and parsed["cite"]:
        cites = context.cite_ids(parsed["cite"], commune_names)
    op["cites"] = ",".join(cites) or None
    op["annee_prog"] = values.get("annee_prog") or year
    # the words a partner picks in the lists (« Complémentaire ») or the codes
    op["type_prog"] = forms.value_code(model.OPERATIONS, "type_prog",
                                       values.get("type_prog")) or "annuelle"
    op["statut"] = forms.value_code(model.OPERATIONS, "statut", values.get("statut")) \
        or "propose"
    if not op["nom"]:
        cite_name = next((c["nom"] for c in context.cites if str(c["id_cite"]) in cites), "")
        op["nom"] = model.propose_name(op["bailleur"], op["epci"],
                                       commune_names[0] if commune_names else "", cite_name)
    return op


# -- partner workbooks ----------------------------------------------------------------------
def plan_partner(operations, notes, meta, rows, note_rows, context):
    """The plan of one partner workbook.  ``meta`` = ``{"role", "partenaire", "annee"}``;
    ``rows`` = ``[{"ligne", "cells", "values": {column: cell}}]`` where the columns are
    :data:`TECHNICAL`, :data:`FIXED` and the editable fields; ``note_rows`` likewise with
    :data:`NOTE_COLUMNS`."""
    role, partner, year = meta["role"], meta["partenaire"], meta.get("annee")
    prefix = ROLE_BLOCK[role]
    names = editable_fields(role)
    by_id = {op["id_op"]: op for op in operations}
    plan = Plan()
    for row in rows:
        values, ligne, cells = row["values"], row["ligne"], row["cells"]
        if all(values.get(n) in (None, "") for n in names + ["nom", "epci", "communes_noms",
                                                              "cites_noms"]):
            continue
        plan.read += 1
        raw_id = values.get("id_op")
        values = _without_unsaved_formulas(row, names, by_id.get(_int_or_none(raw_id)), plan)
        new, problems = coerce_values(values, names)
        if problems:
            plan.reject(ligne, "valeur_illisible", "; ".join(problems) + ".", cells)
            continue
        if raw_id in (None, ""):
            identity = {"nom": values.get("nom"), "epci": values.get("epci"),
                        "communes": values.get("communes_noms"), "cites": values.get("cites_noms"),
                        "type_prog": values.get("type_prog")}
            op = identify(identity, context, year, role, partner)
            op.update(new)
            same = [o for o in operations + plan.additions
                    if same_name(o.get("nom"), op.get("nom"))
                    and o.get("annee_prog") == op.get("annee_prog")]
            if any(model.block_digest(o, names) == model.block_digest(op, names) for o in same):
                plan.unchanged += 1   # already imported (the same workbook again)
                continue
            if same:
                op["nom"] = distinct_name(op["nom"], operations + plan.additions,
                                          op.get("annee_prog"))
            problems = model.check_operation(op, context.bailleurs, context.epcis)
            if problems:
                plan.reject(ligne, problems[0][1], " ".join(p[2] for p in problems), cells)
                continue
            plan.additions.append(op)
            continue
        try:
            id_op = int(float(raw_id))
        except (TypeError, ValueError):
            plan.reject(ligne, "identifiant_illisible", "Identifiant d'opération « %s » "
                        "illisible (colonne technique modifiée ?)." % raw_id, cells)
            continue
        op = by_id.get(id_op)
        if op is None:
            plan.reject(ligne, "operation_inconnue", "Opération %d inconnue de la base : "
                        "supprimée depuis l'envoi du classeur ?" % id_op, cells)
            continue
        owner = op.get("bailleur") if role == "bailleur" else op.get("epci")
        if role in ("bailleur", "epci") and owner != partner:
            plan.reject(ligne, "hors_perimetre", "L'opération « %s » n'est pas de %s : "
                        "ligne ignorée." % (op.get("nom"), partner), cells)
            continue
        fixed = [values.get(n) for n in FIXED]
        if values.get("empreinte_fixe") and fixed_digest(fixed) != values["empreinte_fixe"]:
            plan.anomalies.append((ligne, "modification_hors_bloc", "Des cellules verrouillées "
                                   "de « %s » ont été modifiées : ces modifications ne sont "
                                   "pas reprises (seul le bloc %s l'est)."
                                   % (op.get("nom"), model.BLOCK_TITLES.get(prefix, prefix)),
                                   cells))
        if model.block_digest(new, names) == values.get("empreinte_bloc"):
            plan.unchanged += 1
            continue
        if model.block_digest(new, names) == model.block_digest(op, names):
            plan.unchanged += 1   # already there (the same workbook imported again)
            continue
        issued = values.get("version")
        try:
            issued = int(float(issued)) if issued not in (None, "") else None
        except (TypeError, ValueError):
            issued = None
        if issued != op.get("version"):
            plan.reject(ligne, "conflit", "L'opération « %s » a été modifiée (version %s, "
                        "par %s le %s) depuis l'envoi du classeur (version %s) : la saisie n'est "
                        "pas reprise ; renvoyer un classeur à jour." % (
                            op.get("nom"), op.get("version"), op.get("maj_par") or "?",
                            _date_text(op.get("date_maj")), issued), cells, conflict=True)
            continue
        merged = dict(op)
        merged.update(new)
        problems = [p for p in model.check_block(merged, prefix)]
        if problems:
            plan.reject(ligne, problems[0][1], " ".join(p[2] for p in problems), cells)
            continue
        plan.updates[id_op] = new
    first_new_note = meta.get("premiere_note", 0)
    plan.notes = _plan_notes([r for r in note_rows if r["ligne"] >= first_new_note],
                             operations + plan.additions, notes, role, partner, plan)
    return plan


def _int_or_none(value):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _without_unsaved_formulas(row, names, op, plan):
    """The row's values where a cell of the block holds a formula the spreadsheet saved no
    value for: that value is unknown, so the stored one is kept (``formule_sans_valeur``)."""
    unsaved = [n for n in names if n in row.get("sans_valeur", ())]
    if not unsaved:
        return row["values"]
    values = dict(row["values"])
    for name in unsaved:
        values[name] = None if op is None else op.get(name)
    plan.anomalies.append((row["ligne"], "formule_sans_valeur", "Formule sans valeur "
                           "enregistrée (classeur non recalculé avant l'envoi) dans %s : la "
                           "valeur connue est gardée." % ", ".join(
                               "« %s »" % model.OPERATION_FIELDS[model.FIELD_NAMES.index(n)][2]
                               for n in unsaved), row["cells"]))
    return values


def distinct_name(name, operations, year):
    """``name`` followed by the first free tranche number (« … T2 ») among the operations of
    ``year``: two operations of a year never share a name (the recap shows names)."""
    taken = {model.fold(o.get("nom") or "") for o in operations if o.get("annee_prog") == year}
    number = 2
    while model.fold("%s T%d" % (name, number)) in taken:
        number += 1
    return "%s T%d" % (name, number)


def _date_text(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%d/%m/%Y")
    return "?"


def _plan_notes(note_rows, operations, existing, role, partner, plan):
    """New avancement notes: operation named, date and text required, once only; only on
    the sender's own operations, signed with its verified role and name (the sheet's
    « Auteur » cell is not an identity)."""
    seen = {(n.get("id_op"), n.get("date"), (n.get("texte") or "").strip()) for n in existing}
    out = []
    note_role = {"bailleur": "bailleur", "epci": "epci"}.get(role, "ddtm_drbm")
    owner_field = {"bailleur": "bailleur", "epci": "epci"}.get(role)
    for row in note_rows:
        values, ligne, cells = row["values"], row["ligne"], row["cells"]
        if all(values.get(n) in (None, "") for n in NOTE_COLUMNS):
            continue
        named = [o for o in operations if same_name(o.get("nom"), values.get("operation"))]
        op = next((o for o in named if not owner_field or o.get(owner_field) == partner),
                  named[0] if named else None)
        try:
            date = model.parse_date(values.get("date"))
        except ValueError:
            date = False
        text = (str(values.get("texte") or "")).strip()
        if op is None:
            plan.reject(ligne, "note_sans_operation", "Onglet Avancement : note pour « %s » : "
                        "opération introuvable." % values.get("operation"), cells)
            continue
        if owner_field and op.get(owner_field) != partner:
            plan.reject(ligne, "hors_perimetre", "Onglet Avancement : l'opération « %s » n'est "
                        "pas de %s : note ignorée." % (op.get("nom"), partner), cells)
            continue
        if not date or not text:
            plan.reject(ligne, "note_incomplete", "Onglet Avancement : note de « %s » sans date valide "
                        "ou sans texte." % op.get("nom"), cells)
            continue
        key = (op.get("id_op"), date, text)
        if key in seen:
            continue
        seen.add(key)
        out.append({"id_note": None, "id_op": op.get("id_op"), "date": date, "role": note_role,
                    "auteur": partner, "texte": text,
                    "statut": "publie", "_operation": op})
    return out


# -- applying -------------------------------------------------------------------------------
def apply_plan(operations, notes, plan, who, now=None):
    """``(operations, notes)`` after the plan: updated operations get version + 1,
    ``date_maj`` and ``maj_par``; new ones the next ids and version 1."""
    now = now or datetime.datetime.now().replace(microsecond=0)
    out = []
    for op in operations:
        op = dict(op)
        change = plan.updates.get(op.get("id_op"))
        if change:
            op.update(change)
            op["version"] = (op.get("version") or 0) + 1
            op["date_maj"], op["maj_par"] = now, who
        out.append(op)
    next_id = max([o.get("id_op") or 0 for o in out] + [0]) + 1
    new_ids = {}  # id(operation of the plan) -> its new id_op
    for op in plan.additions:
        new_ids[id(op)] = next_id
        op = dict(op)
        op["id_op"], next_id = next_id, next_id + 1
        op["version"], op["date_maj"], op["maj_par"] = 1, now, who
        out.append(op)
    new_notes = [dict(n) for n in notes]
    next_note = max([n.get("id_note") or 0 for n in new_notes] + [0]) + 1
    for note in plan.notes:
        operation = note.get("_operation")
        note = {k: v for k, v in note.items() if not k.startswith("_")}
        if note.get("id_op") is None and operation is not None:
            note["id_op"] = new_ids.get(id(operation))
        note["id_note"], next_note = next_note, next_note + 1
        new_notes.append(note)
    return out, new_notes
