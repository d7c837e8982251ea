"""The import of a sheet that is not a partner workbook (the DDTM's sheet, the CRHH recap of
2021…): nobody proves who sent it, so the person running the import chooses the block it
fills; operations are found by id, else by name and year, and created otherwise."""

from . import model
from .roundtrip import ROLE_BLOCK, Plan, coerce_values, identify
from .sheet import cell, same_name


# -- any sheet ------------------------------------------------------------------------------
def plan_sheet(operations, sheet, block, year, context):
    """The plan of a plain programmation sheet (:class:`osp_qgis.programmation.sheet.
    ProgrammationSheet`) filling ``block`` (``bailleur``, ``epci``, ``ddtm``, ``crhh``):
    rows found by id or by name (and year) update that block; the others are added."""
    prefix = ROLE_BLOCK[block]
    fields = [name for name, _ in model.block_fields(prefix)]
    suffixes = {name: (name.split("_", 1)[1] if prefix != "crhh" else name) for name in fields}
    plan = Plan()
    year = sheet.year or year
    for ligne, cells in sheet.rows:
        raw = {}
        for name in fields:
            role = suffixes[name]
            role = {"crhh_nb_valides": "crhh_nb_valides"}.get(role, role)
            raw[name] = cell(cells, sheet.roles, role)
        if prefix == "crhh" and raw.get("crhh_nb_valides") is None:
            raw["crhh_nb_valides"] = cell(cells, sheet.roles, "nb_total")
        identity = {role: cell(cells, sheet.roles, role) for role in
                    ("id_op", "nom", "bailleur", "epci", "communes", "cites", "annee_prog",
                     "type_prog", "statut")}
        if all(v is None for v in list(raw.values()) + [identity["nom"], identity["id_op"]]):
            continue
        plan.read += 1
        new, problems = coerce_values(raw, fields)
        try:
            row_year = model.coerce("annee_prog", identity["annee_prog"]) or year
        except ValueError:
            problems.append("année « %s » illisible" % identity["annee_prog"])
            row_year = year
        if problems:
            plan.reject(ligne, "valeur_illisible", "; ".join(problems) + ".", cells)
            continue
        if row_year is None:
            plan.reject(ligne, "annee_absente", "Année de programmation inconnue : indiquer le "
                        "paramètre ANNEE ou une colonne Année.", cells)
            continue
        new = {k: v for k, v in new.items() if v is not None}
        existing = _find(operations, identity, row_year)
        if existing is None and identity["id_op"] not in (None, ""):
            plan.reject(ligne, "operation_inconnue", "Opération %s inconnue de la base."
                        % identity["id_op"], cells)
            continue
        if existing is not None:
            if all(existing.get(k) == v for k, v in new.items()):
                plan.unchanged += 1
                continue
            merged = dict(existing)
            merged.update(new)
            problems = model.check_block(merged, prefix)
            if problems:
                plan.reject(ligne, problems[0][1], " ".join(p[2] for p in problems), cells)
                continue
            plan.updates[existing["id_op"]] = new
            continue
        try:
            values = {k: model.coerce(k, v) if k in ("annee_prog",) else v
                      for k, v in identity.items()}
        except ValueError:
            values = dict(identity)
        op = identify(values, context, row_year)
        op.update(new)
        if prefix == "crhh":
            op["statut"] = identity.get("statut") or "valide"
        problems = model.check_operation(op, context.bailleurs, context.epcis)
        if problems:
            plan.reject(ligne, problems[0][1], " ".join(p[2] for p in problems), cells)
            continue
        plan.additions.append(op)
    return plan


def _find(operations, identity, year):
    raw = identity.get("id_op")
    if raw not in (None, ""):
        try:
            wanted = int(float(raw))
        except (TypeError, ValueError):
            return None
        return next((o for o in operations if o.get("id_op") == wanted), None)
    return next((o for o in operations if same_name(o.get("nom"), identity.get("nom"))
                 and o.get("annee_prog") == year), None)
