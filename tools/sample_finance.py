"""The money of the sample programmation (tools/sample_programmation.py), as partners send
it: a landlords' financing plan (several funders per operation, one plan that does not sum
to the cost, one decision notified in 2019 and never completed, one operation finished
without balance claim) and the DDTM's list of payments — with what such sheets hold:
amounts typed « 12 000,50 € » and « 12.000,50 », a payment above the commitment, a payment
twice, an unknown operation, a negative amount, a formula, a date as text, a total line.

``finance_verite.csv`` says, from the generator's intent (not from the plugin), what each
operation's lines must hold once both sheets are imported (cents), and
``finance_anomalies.csv`` which line of which sheet must be refused and why."""
import csv
import datetime
import os

import openpyxl

STATE_RATE, REGION_RATE, COST_RATE = 9000_00, 5000_00, 45000_00   # cents per dwelling
AS_OF = datetime.date(2026, 12, 7)      # the date the tests' recap is made at


def euros_fr(cents, dots=False):
    """« 12 000,50 € » or « 12.000,50 »: how partners type amounts."""
    whole, fraction = divmod(cents, 100)
    groups = "{:,}".format(whole).replace(",", "." if dots else " ")
    return "%s,%02d%s" % (groups, fraction, "" if dots else " €")


def plan_rows(operations):
    """``(plan rows, truth lines, operation facts)`` for the validated operations."""
    valid = [op for op in operations if op["statut"] == "valide" and op.get("crhh_nb_valides")]
    rows, truth, facts = [], {}, {}
    for n, op in enumerate(valid):
        dwellings = op["crhh_nb_valides"]
        cost = dwellings * COST_RATE
        notified = datetime.date(2019, 6, 15) if n == 1 else datetime.date(2021, 4, 1)
        started = notified + datetime.timedelta(days=180) if n != 1 else None
        finished = datetime.date(2023, 9, 30) if n == 2 else None
        state, region = dwellings * STATE_RATE, dwellings * REGION_RATE
        own = cost - state - region - (100000 if n == 3 else 0)   # n == 3: plan 1 000 € short
        facts[op["id_op"]] = {"cost": cost, "notified": notified, "started": started,
                              "finished": finished}
        for funder, planned, engaged in (("ETAT", state, state), ("REGION", region, region),
                                         ("FP", own, None)):
            typed = euros_fr(planned, dots=(n % 2 == 1)) if n < 4 else planned / 100
            rows.append([op["nom"], cost / 100, notified, started, finished,
                         {"ETAT": "État", "REGION": "Région", "FP": "Fonds propres"}[funder],
                         typed, engaged / 100 if engaged is not None else None,
                         notified if engaged is not None else None,
                         "Décision %s" % op["id_op"] if funder == "ETAT" else None, None])
            truth[(op["id_op"], funder)] = {"prevu": planned, "engage": engaged or 0,
                                            "verse": 0}
    return valid, rows, truth, facts


def payment_rows(valid, truth):
    """The DDTM's payments: an advance of 30 % of the State's commitment on each operation,
    an instalment of 40 % on the first two; then the faults (refused, ``expected``)."""
    rows, expected = [], []
    for n, op in enumerate(valid):
        engaged = truth[(op["id_op"], "ETAT")]["engage"]
        advance = engaged * 30 // 100
        rows.append([op["id_op"], "Etat", datetime.date(2021, 6, 1), advance / 100, "avance",
                     "M-%d-1" % op["id_op"]])
        truth[(op["id_op"], "ETAT")]["verse"] += advance
        if n < 2:
            instalment = engaged * 40 // 100
            rows.append([op["id_op"], "ETAT", "15/03/2022", euros_fr(instalment, dots=n == 1),
                         "acompte", "M-%d-2" % op["id_op"]])
            truth[(op["id_op"], "ETAT")]["verse"] += instalment
    first = valid[0]
    faults = (
        ([first["id_op"], "Etat", datetime.date(2021, 6, 1), None, "avance", "M-double"],
         "versement_en_double"),            # the first advance again (amount set below)
        ([first["id_op"], "Région", "01/07/2022", 10 ** 9, "acompte", "M-trop"],
         "versement_superieur_engagement"),
        ([99999, "Etat", "01/07/2022", 1000, "avance", "M-inconnue"], "operation_inconnue"),
        ([first["id_op"], "Etat", "01/07/2022", "-500", "acompte", "M-negatif"],
         "montant_negatif"),
        ([first["id_op"], "Etat", "01/07/2022", "=1+1", "acompte", "M-formule"],
         "montant_illisible"),
        ([first["id_op"], "Etat", "15 mars 2022", 100, "acompte", "M-date"], "date_illisible"),
    )
    for row, motif in faults:
        if motif == "versement_en_double":
            row[3] = rows[0][3]
        rows.append(row)
        expected.append((len(rows) + 1, motif))    # +1: the header is the sheet's line 1
    paid = sum(truth[(op["id_op"], "ETAT")]["verse"] for op in valid)
    rows.append(["TOTAL", None, None, paid / 100, None, None])
    expected.append((len(rows) + 1, "ligne_total"))
    return rows, expected


def write_sheet(path, title, headers, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"        # typed text, not a live formula
    book.save(path)


def generate(folder, operations):
    valid, plan, truth, facts = plan_rows(operations)
    write_sheet(os.path.join(folder, "financement_plan.xlsx"), "Plan de financement",
                ["Opération", "Coût total TTC", "Date de notification", "Ordre de service",
                 "Date d'achèvement", "Financeur", "Montant prévu", "Montant engagé",
                 "Date d'engagement", "Référence", "Observation"], plan)
    payments, expected = payment_rows(valid, truth)
    write_sheet(os.path.join(folder, "mandats_ddtm.xlsx"), "Mandats",
                ["Identifiant de l'opération", "Financeur", "Date de versement",
                 "Montant versé", "Type de versement", "N° de mandat"], payments)
    with open(os.path.join(folder, "finance_verite.csv"), "w", encoding="utf-8",
              newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["id_op", "financeur", "prevu", "engage", "verse", "cout",
                         "notification", "achevement"])
        for (id_op, funder), cell in sorted(truth.items()):
            fact = facts[id_op]
            writer.writerow([id_op, funder, cell["prevu"], cell["engage"], cell["verse"],
                             fact["cost"], fact["notified"].isoformat(),
                             fact["finished"].isoformat() if fact["finished"] else ""])
    with open(os.path.join(folder, "finance_anomalies.csv"), "w", encoding="utf-8",
              newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["fichier", "ligne", "motif"])
        writer.writerows(("mandats_ddtm.xlsx", line, motif) for line, motif in expected)
    return {"financial lines": len(truth), "payments": len(payments)}


def edit_finance_sheet(path, other_landlords_operation):
    """A landlord's edits in the « Suivi financier » sheet of its workbook, as a partner
    makes them, and what the import must make of each (cents, from this intent, not from the
    plugin): ``{"lines": {(id_op, funder): (planned, engaged)}, "started": {id_op: date},
    "refused": {sheet row: motif}, "untouched": [(id_op, funder)]}``."""
    book = openpyxl.load_workbook(path)
    ws = book["Suivi financier"]
    names_row = next(r for r in range(1, 12) if ws.cell(row=r, column=1).value == "id_op")
    col = {ws.cell(row=names_row, column=c).value: c for c in range(1, ws.max_column + 1)}
    rows = [r for r in range(names_row + 1, ws.max_row + 1)
            if ws.cell(row=r, column=col["id_op"]).value is not None]

    def get(row, name):
        return ws.cell(row=row, column=col[name]).value

    def put(row, name, value):
        ws.cell(row=row, column=col[name], value=value)

    expect = {"lines": {}, "started": {}, "refused": {}, "untouched": []}
    by_funder = {}
    for row in rows:
        by_funder.setdefault(get(row, "financeur"), []).append(row)
    own = by_funder["Fonds propres du bailleur"][0]          # « 12 000,50 € »
    put(own, "montant_prevu", "12 000,50 €")
    expect["lines"][(get(own, "id_op"), "FP")] = (1200050, None)
    region = by_funder["Région Hauts-de-France"][0]           # « 12.000,50 » engaged
    put(region, "montant_engage", "12.000,50")
    put(region, "reference", "Délibération CP 2021-123")
    expect["lines"][(get(region, "id_op"), "REGION")] = (None, 1200050)
    state = by_funder["État – PALULOS / ERBM"][-1]            # a grey cell typed over
    put(state, "montant_engage", 1)
    expect["refused"][state] = "cellule_verrouillee"
    expect["untouched"].append((get(state, "id_op"), "ETAT"))
    first = next(r for r in rows if get(r, "premiere") == 1)  # its operation's start
    put(first, "date_demarrage", datetime.date(2021, 11, 2))
    expect["started"][get(first, "id_op")] = datetime.date(2021, 11, 2)
    new = rows[-1] + 1
    operation = get(first, "operation")
    for row, values, motif in (
            (new, {"operation": operation, "financeur": "Certificats d'économies d'énergie",
                   "montant_prevu": "5 000", "montant_engage": "5.000,00"}, None),
            (new + 1, {"operation": operation, "financeur": "État – PALULOS / ERBM",
                       "montant_prevu": 1}, "ligne_non_permise"),
            (new + 2, {"operation": other_landlords_operation, "financeur": "Autre financeur",
                       "montant_prevu": 99}, "operation_d_un_autre_partenaire")):
        for name, value in values.items():
            put(row, name, value)
        if motif:
            expect["refused"][row] = motif
        else:
            expect["lines"][(get(first, "id_op"), "CEE")] = (500000, 500000)
    book.save(path)
    return expect
