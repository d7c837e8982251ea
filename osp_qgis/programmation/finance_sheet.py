"""The « Suivi financier » sheet of a partner's workbook: each of the partner's operations
with its financing lines — the ones the partner writes in yellow (a landlord: its plan, its
cost and dates; an EPCI: its own line), the others grey for information (the State's lines
are the DDTM's) — and empty rows for new lines.

Each issued row carries, in hidden columns signed with the workbook (:mod:`signature`), the
operation and line it stands for and two fingerprints: of what the partner may change, and
of what it only reads.  :func:`partner_rows` turns the returned sheet into the rows the
financial import applies (:func:`finance_import.plan_rows`), after the checks that no cell
can fool: the line is the signed one, the partner writes it, nobody changed it since the
workbook was issued (else a conflict), a new line is on the partner's own operation.
Pure Python (openpyxl for writing)."""
from ..storage import xlsx_layout as wb
from . import finance, model
from . import workbook_cells as cells
from .finance_import import RowRefused
from .roundtrip import fixed_digest

SHEET = "Suivi financier"
TECHNICAL = ("id_op", "id_fin", "premiere", "empreinte_ligne", "empreinte_fixe")
OPERATION_MONEY = ("cout_total_ttc", "date_demarrage", "date_achevement", "date_solde")
LINE = ("montant_prevu", "montant_engage", "date_engagement", "reference", "obs")
COLUMNS = TECHNICAL + ("operation", "financeur") + OPERATION_MONEY + LINE + ("deja_verse",)
LABELS = {"id_op": "Identifiant (technique)", "id_fin": "Ligne (technique)",
          "premiere": "Première ligne de l'opération (technique)",
          "empreinte_ligne": "Empreinte saisie (technique)",
          "empreinte_fixe": "Empreinte du reste (technique)", "operation": "Opération",
          "financeur": "Financeur", "cout_total_ttc": "Coût total TTC (€)",
          "date_demarrage": "Ordre de service", "date_achevement": "Achèvement des travaux",
          "date_solde": "Demande de solde", "montant_prevu": "Montant prévu (€)",
          "montant_engage": "Montant engagé (€)", "date_engagement": "Date d'engagement",
          "reference": "Référence (décision, délibération, convention)",
          "obs": "Observation", "deja_verse": "Déjà versé (€)"}
AMOUNTS = ("cout_total_ttc", "montant_prevu", "montant_engage", "deja_verse")
DATES = ("date_demarrage", "date_achevement", "date_solde", "date_engagement")
NEW_ROWS = 20


def canonical(name, value):
    """A cell as compared: amounts in cents, dates in ISO, text stripped; what cannot be read
    stays its text (the import then says why)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if name in AMOUNTS:
            return finance.cents(value)
        if name in DATES:
            return model.parse_date(value).isoformat()
    except ValueError:
        pass
    return str(value).strip()


def editable(role, funder, first_of_operation):
    """The columns a partner fills on a row of ``funder`` (``None``: the operation's row
    without a line)."""
    names = list(LINE) if funder is not None and finance.may_write(role, funder) else []
    if role == "bailleur" and first_of_operation:
        names = list(OPERATION_MONEY) + names
    return names


def _digest(values, names):
    return model.block_digest({n: canonical(n, values.get(n)) for n in names}, list(names))


def _issued_values(op, line, first):
    values = dict(line or {})
    if first:
        values.update({n: op.get(n) for n in OPERATION_MONEY})
    return values


def issued_rows(role, operations, financements, versements):
    """``[(values, editable names)]`` of the rows issued for ``operations`` (the partner's):
    per operation its lines in the order of financeurs.csv (one empty row when it has none);
    ``values`` holds every column of :data:`COLUMNS`."""
    order = {code: i for i, code in enumerate(finance.funders())}
    labels = {code: row["libelle"] for code, row in finance.funders().items()}
    paid = {}
    for payment in versements:
        paid[payment["id_fin"]] = paid.get(payment["id_fin"], 0) + \
            (finance.cents(payment["montant"]) or 0)
    lines_of = {}
    for line in financements:
        lines_of.setdefault(line["id_op"], []).append(line)
    out = []
    for op in operations:
        lines = sorted(lines_of.get(op["id_op"], ()),
                       key=lambda f: (order.get(f["financeur"], len(order)), f["id_fin"]))
        for index, line in enumerate(lines or [None]):
            first = index == 0
            funder = line["financeur"] if line else None
            values = _issued_values(op, line, first)
            names = editable(role, funder, first)
            values.update({"id_op": op["id_op"], "id_fin": line["id_fin"] if line else None,
                           "premiere": 1 if first else 0,
                           "operation": op.get("nom"), "financeur": labels.get(funder, funder),
                           "deja_verse": finance.euros(paid.get(line["id_fin"], 0))
                           if line else None})
            shown = [values.get(n) for n in COLUMNS[len(TECHNICAL):] if n not in names]
            values["empreinte_ligne"] = _digest(values, names)
            values["empreinte_fixe"] = fixed_digest(shown)
            out.append((values, names))
    return out


def partner_rows(role, partner, year, returned, issued_count, first_row, operations,
                 financements):
    """``(roles, data, anomalies)`` of a proven sheet ``returned`` (rows as read by
    :func:`partner_return.read_partner`): ``data`` ``[(ligne, cells)]`` for
    :func:`finance_import.plan_rows` with ``roles`` mapping each column name to its index —
    only what the partner may write and changed; the rest, with its reason, in
    ``anomalies`` ``[(ligne, motif, detail, cells)]``."""
    roles = {name: index for index, name in enumerate(COLUMNS)}
    roles["nom"] = roles.pop("operation")
    roles.pop("deja_verse")
    key = "bailleur" if role == "bailleur" else "epci"
    mine = {op["id_op"]: op for op in operations
            if op.get(key) == partner and op.get("annee_prog") == year}
    lines = {f["id_fin"]: f for f in financements}
    issued_lines = set()
    data, anomalies = [], []
    for row in returned:
        cells = [row["values"].get(n) for n in COLUMNS]
        shown = ["" if c is None else str(c) for c in cells]
        try:
            if row["ligne"] < first_row + issued_count:
                issued_lines.add(_int(row["values"].get("id_fin")))
                kept, locked = _issued_row(role, row["values"], mine, lines)
                if locked:
                    anomalies.append((row["ligne"], "cellule_verrouillee", locked, shown))
            else:
                kept = _new_row(role, row["values"], mine, operations, lines, issued_lines)
        except RowRefused as refused:
            anomalies.append((row["ligne"], refused.motif, refused.detail, shown))
            continue
        if kept is not None:
            data.append((row["ligne"], [kept.get(n) for n in COLUMNS]))
    return roles, data, anomalies


def _issued_row(role, values, mine, lines):
    """``(cells to apply or None, French notice of grey cells typed over or None)``."""
    op = mine.get(_int(values.get("id_op")))
    if op is None:      # signed, so only if the operation left the partner since
        raise RowRefused("operation_retiree",
                         "L'opération n'est plus la vôtre ou n'existe plus "
                         "dans la programmation : ligne non reprise.")
    id_fin = _int(values.get("id_fin"))
    line = lines.get(id_fin) if id_fin is not None else None
    if id_fin is not None and (line is None or line["id_op"] != op["id_op"]):
        raise RowRefused("conflit",
                         "Cette ligne de financement a été supprimée depuis l'envoi "
                         "du classeur : saisie non reprise.")
    funder = line["financeur"] if line else None
    first = _int(values.get("premiere")) == 1     # signed: it holds the cost and dates
    names = editable(role, funder, first)
    shown = [values.get(n) for n in COLUMNS[len(TECHNICAL):] if n not in names]
    locked = None
    if fixed_digest(shown) != values.get("empreinte_fixe"):
        locked = ("Cellule grise modifiée (opération, financeur, déjà versé, ou ligne écrite "
                  "par %s) : non reprise ; pour la corriger, écrire à la DDTM."
                  % _writer(funder))
    if _digest(values, names) == values.get("empreinte_ligne"):
        return None, locked
    current = _digest(_issued_values(op, line, first), names)
    if current != values.get("empreinte_ligne"):
        raise RowRefused("conflit",
                         "La ligne a été modifiée par un autre partenaire depuis "
                         "l'envoi du classeur : votre saisie n'est pas reprise ; "
                         "demander un classeur à jour.")
    kept = {n: values.get(n) for n in names}
    writes_line = funder is not None and finance.may_write(role, funder)
    kept.update({"id_op": op["id_op"], "operation": None,
                 "financeur": finance.funders()[funder]["libelle"] if writes_line else None})
    return kept, locked


def _new_row(role, values, mine, operations, lines, issued_lines):
    written = {n: values.get(n) for n in ("operation", "financeur") + LINE}
    if all(canonical(n, v) is None for n, v in written.items()) and \
            all(canonical(n, values.get(n)) is None for n in OPERATION_MONEY):
        return None
    if any(canonical(n, values.get(n)) is not None for n in OPERATION_MONEY):
        raise RowRefused("cellule_verrouillee",
                         "Coût et dates s'écrivent sur la première ligne "
                         "de l'opération, pas sur une nouvelle ligne.")
    name = values.get("operation")
    found = [op for op in mine.values() if model.fold(op.get("nom") or "") ==
             model.fold(str(name or ""))]
    if not found:
        other = any(model.fold(op.get("nom") or "") == model.fold(str(name or ""))
                    for op in operations)
        raise RowRefused("operation_d_un_autre_partenaire" if other else "operation_inconnue",
                      "« %s » %s : ligne non reprise." % (
                          name, "n'est pas une de vos opérations" if other
                          else "n'est pas une opération de votre classeur"))
    op = found[0]
    code = finance.funder_code(str(values.get("financeur") or ""))
    if code is None:
        raise RowRefused("financeur_inconnu",
                         "Financeur « %s » inconnu (liste du classeur)."
                         % (values.get("financeur") or ""))
    if not finance.may_write(role, code):
        raise RowRefused("ligne_non_permise",
                         "Une ligne « %s » est écrite par %s, pas par vous."
                         % (finance.funders()[code]["libelle"], _writer(code)))
    existing = [f for f in lines.values() if f["id_op"] == op["id_op"] and
                f["financeur"] == code]
    if existing:
        issued = existing[0]["id_fin"] in issued_lines
        raise RowRefused("ligne_deja_presente" if issued else "conflit",
                         "L'opération a déjà une ligne « %s » : la modifier sur sa ligne%s."
                         % (finance.funders()[code]["libelle"], "" if issued else
                            " (ajoutée depuis l'envoi : demander un classeur à jour)"))
    kept = {n: values.get(n) for n in LINE}
    kept.update({"id_op": op["id_op"], "financeur": code})
    return kept


def _writer(funder):
    if funder in finance.state_funders():
        return "la DDTM"
    if funder == "EPCI":
        return "l'EPCI"
    return "le bailleur" if funder else "la DDTM"


def _int(value):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


# -- writing ---------------------------------------------------------------------------------
def write_sheet(ws, role, rows, lists, styles, header_row, names_row, first_row):
    """Fill ``ws`` with the issued ``rows`` (:func:`issued_rows`) and empty rows for new
    lines; ``lists``: ranges of the partner's operations and of the funders it writes.
    Returns the rows to sign ``[[sheet row, id_op, id_fin, premiere, empreintes…]]``."""
    wb.put(ws, 1, len(TECHNICAL) + 1, "Suivi financier de vos opérations").font = \
        styles.title_font                      # the technical columns are hidden
    wb.put(ws, 2, len(TECHNICAL) + 1,
           "Cellules jaunes : ce que vous écrivez (%s). Grises : pour information (lignes de "
           "l'État écrites par la DDTM). Une ligne vide en bas = une nouvelle ligne de "
           "financement." % ("votre plan de financement, le coût et les dates de vos "
                            "opérations" if role == "bailleur" else "la ligne de l'EPCI"))
    wb.header_row(ws, header_row, [LABELS[n] for n in COLUMNS], styles)
    for column, name in enumerate(COLUMNS, start=1):
        ws.cell(row=names_row, column=column, value=name)
    ws.row_dimensions[names_row].hidden = True
    signed, row = [], first_row
    for values, open_names in rows:
        for column, name in enumerate(COLUMNS, start=1):
            cells.styled(ws, row, column, values.get(name), _kind(name),
                         name not in open_names, styles, plain=name in TECHNICAL[:3],
                         euro=cells.CENTS_FORMAT)
        signed.append([row] + [values[n] for n in TECHNICAL])
        row += 1
    last = row + NEW_ROWS - 1
    for new in range(row, last + 1):
        for column, name in enumerate(COLUMNS, start=1):
            cells.styled(ws, new, column, None, _kind(name),
                         name not in ("operation", "financeur") + LINE, styles,
                         euro=cells.CENTS_FORMAT)
    from openpyxl.utils import get_column_letter
    column_of = {n: get_column_letter(i) for i, n in enumerate(COLUMNS, start=1)}
    cells.list_rule(ws, lists["operations"], "%s%d:%s%d" % (column_of["operation"], row,
                                                            column_of["operation"], last))
    cells.list_rule(ws, lists["financeurs"], "%s%d:%s%d" % (column_of["financeur"], row,
                                                            column_of["financeur"], last))
    for letter in (column_of[n] for n in TECHNICAL):
        ws.column_dimensions[letter].hidden = True
    wb.fit_columns(ws, skip_rows=(1, 2, names_row))
    for name in AMOUNTS:
        ws.column_dimensions[column_of[name]].width = 16
    ws.column_dimensions[column_of["reference"]].width = 30
    wb.fit_heights(ws, header_row, header_row)
    ws.freeze_panes = ws.cell(row=first_row, column=len(TECHNICAL) + 3)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    wb.print_setup(ws, "%d:%d" % (header_row, header_row))
    return signed


def _kind(name):
    if name in AMOUNTS:
        return "double"
    if name in DATES:
        return "date"
    return "int" if name in TECHNICAL[:3] else "string"


def writable_funders(role):
    """Labels of the funders whose lines ``role`` writes (the new lines' drop-down)."""
    return [row["libelle"] for code, row in finance.funders().items()
            if finance.may_write(role, code)]
