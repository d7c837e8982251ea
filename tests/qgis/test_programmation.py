"""Programmation (issue #10): the partner round trip through ``qgis_process``, the CRHH
recap against an independent computation (SQLite + pandas + the rates file), the 2021
recap imported and re-exported, forms in plain QGIS, PDFs and workbooks as people see
them, PostGIS as destination."""
import csv
import datetime
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile

import pytest
from conftest import REPO

sys.path.insert(0, os.path.join(REPO, "tools"))
import install_profile
import sample_programmation

QGIS_PROCESS = "qgis_process.bin"
HELPER = os.path.join(REPO, "tests", "qgis", "helpers", "inspect_programmation.py")
RATES = os.path.join(REPO, "resources", "rates", "palulos.csv")
A_RENSEIGNER = "à renseigner"


# -- helpers --------------------------------------------------------------------------------
def qgis_process(profile, algorithm, **params):
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    args = [QGIS_PROCESS, "run", algorithm, "--"] + ["%s=%s" % kv for kv in params.items()]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = {}
    for line in done.stdout.splitlines():
        match = re.match(r"^([A-Z_]+):\t(.*)$", line)
        if match:
            out[match.group(1)] = match.group(2)
    out["log"] = done.stdout + done.stderr  # warnings (reportError) go to stderr
    return out


def table(gpkg, name):
    """Rows of a table read with sqlite3 alone (not through the plugin or QGIS)."""
    connection = sqlite3.connect(gpkg)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute('SELECT * FROM "%s"' % name)]
    finally:
        connection.close()


def operations_by_id(gpkg):
    return {r["id_op"]: r for r in table(gpkg, "operations")}


def fold(text):
    text = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def read_rates():
    out = {}
    with open(RATES, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            value = row["montant_par_logement"].strip()
            out[(int(row["annee"]), row["poste"])] = float(value) if value else None
    return out


def sample_cites(sample):
    """The sample's cités with commune and EPCI names (from the generator's own tables)."""
    import sample_data as generator
    communes = {insee: (name, epci) for insee, name, epci in generator.COMMUNES}
    rows = table(os.path.join(str(sample), "territoire.gpkg"), "cites")
    return [{"id_cite": r["id_cite"], "nom": r["nom"], "commune": communes[r["insee"]][0],
             "epci": communes[r["insee"]][1], "insee": r["insee"]} for r in rows]


def recap_rows(path):
    """``[(label, [values A..L])]`` of the « Récapitulatif » sheet, below its header."""
    import openpyxl
    book = openpyxl.load_workbook(path, data_only=True)
    sheet = book["Récapitulatif"]
    title = sheet["A1"].value
    rows = [list(r) for r in sheet.iter_rows(min_row=5, values_only=True) if r[0]]
    return title, rows


# -- the independent recap ------------------------------------------------------------------
def departement_of_epci():
    """``{EPCI sigle: département}`` from the reference tables, read with csv."""
    def rows(name):
        with open(os.path.join(REPO, "resources", "reference", name), encoding="utf-8",
                  newline="") as handle:
            return list(csv.DictReader(handle, delimiter=";"))
    deps = {}
    for commune in rows("communes_59_62.csv"):
        deps.setdefault(commune["epci_siren"], set()).add(commune["dep"])
    return {e["sigle"]: min(deps[e["siren"]]) for e in rows("epci_59_62.csv")
            if e["sigle"] and e["siren"] in deps}


def expected_recap(gpkg, year):
    """The recap recomputed from the GeoPackage with pandas, from the issue's rules: the most
    advanced block (CRHH decision, DDTM, EPCI, landlord); PALULOS = rate(C) × C +
    rate(BBC) × BBC, each bio-sourced column adding its bonus × bio-sourced dwellings, an
    unknown rate making the amount (and every total above it) unknown; annulled operations
    left out; groups by département, then EPCI."""
    import pandas
    frame = pandas.DataFrame(table(gpkg, "operations"))
    frame = frame[(frame["annee_prog"] == year) & (frame["statut"] != "annule")].copy()
    rates = read_rates()
    dep_of = departement_of_epci()

    def rate(poste):
        return rates.get((year, poste))

    rows = []
    for _, op in frame.iterrows():
        filled = lambda name: op.get(name) is not None and not pandas.isna(op.get(name))
        if filled("crhh_nb_valides"):
            total = op["crhh_nb_valides"]
            split = next((p for p in "deb" if filled(p + "_nb_total")
                          and op[p + "_nb_total"] == total), None)
            c, bbc, bio = ((op[split + s] if filled(split + s) else None)
                           for s in ("_nb_c", "_nb_bbc", "_nb_bio")) if split else (None,) * 3
            base = op["crhh_enveloppe"] if filled("crhh_enveloppe") else None
        else:
            block = next(p for p in "deb" if filled(p + "_nb_total"))
            total, c, bbc, bio = ((op[block + s] if filled(block + s) else None)
                                  for s in ("_nb_total", "_nb_c", "_nb_bbc", "_nb_bio"))
            if c is None and bbc is None:
                base = None
            else:
                parts = [(c or 0, rate("C")), (bbc or 0, rate("BBC"))]
                base = None if any(n and r is None for n, r in parts) else \
                    sum(n * r for n, r in parts if n)
        amounts = [base]
        for bonus in ("bonus_toiture", "bonus_mur", "bonus_mur_toiture"):
            if base is None:
                amounts.append(None)
            elif not bio:
                amounts.append(base)
            else:
                amounts.append(None if rate(bonus) is None else base + rate(bonus) * bio)
        rows.append({"nom": op["nom"], "epci": op["epci"], "dep": dep_of[op["epci"]],
                     "total": total, "c": c, "bbc": bbc, "bio": bio,
                     "a0": amounts[0], "a1": amounts[1], "a2": amounts[2], "a3": amounts[3]})
    ops = pandas.DataFrame(rows)
    lines = {}
    for _, row in ops.iterrows():
        lines[row["nom"]] = row.to_dict()

    def total_of(group):
        out = {}
        for name in ("total", "c", "bbc", "bio"):
            values = group[name].dropna()
            out[name] = values.sum() if len(values) else None
        for name in ("a0", "a1", "a2", "a3"):
            out[name] = None if group[name].isna().any() else group[name].sum()
        return out

    for epci, group in ops.groupby("epci"):
        lines["TOTAL %s" % epci] = total_of(group)
    deps = sorted(ops["dep"].unique())
    for dep, group in ops.groupby("dep"):
        lines["TOTAL DEP %s" % dep] = total_of(group)
    lines["TOTAL DEP %s" % "-".join(deps)] = total_of(ops)
    order = []
    for dep in deps:
        for epci in sorted(ops[ops["dep"] == dep]["epci"].unique()):
            names = ops[(ops["dep"] == dep) & (ops["epci"] == epci)]["nom"]
            order += sorted(names, key=fold) + ["TOTAL %s" % epci]
        order.append("TOTAL DEP %s" % dep)
    order.append("TOTAL DEP %s" % "-".join(deps))
    return order, lines


def assert_recap_matches(xlsx, gpkg, year):
    order, expected = expected_recap(gpkg, year)
    title, rows = recap_rows(xlsx)
    assert re.match(r"^Programmation %d — version du \d\d/\d\d/\d{4} à \d\dh\d\d$" % year, title)
    assert [r[0] for r in rows] == order
    import pandas
    for row in rows:
        want = {k: (None if v is None or (isinstance(v, float) and pandas.isna(v)) else v)
                for k, v in expected[row[0]].items()}
        for column, name in ((3, "total"), (4, "c"), (5, "bbc"), (6, "bio")):
            assert row[column] == (None if want[name] is None else int(want[name])), \
                (row[0], name)
        for column, name in ((7, "a0"), (8, "a1"), (9, "a2"), (10, "a3")):
            if want[name] is None:
                assert row[column] == A_RENSEIGNER, (row[0], name, row[column])
            else:
                assert row[column] == pytest.approx(float(want[name]), abs=0.005), (row[0], name)
    return rows


# -- the round trip through qgis_process ----------------------------------------------------
@pytest.fixture(scope="module")
def round_trip(sample_data, tmp_path_factory):
    """init → partner workbooks → an EPCI edits an operation → the landlord's workbook
    (issued before) comes back with edits, a conflict, a locked-cell edit, a refused row, a
    new operation and notes → DDTM sheet → recap; everything through qgis_process."""
    out = tmp_path_factory.mktemp("programmation")
    profile = out / "profil"
    install_profile.install(str(profile))
    sample = str(sample_data)
    gpkg = str(out / "programmation.gpkg")
    shutil.copyfile(os.path.join(sample, "programmation", "programmation.gpkg"), gpkg)
    cites_layer = os.path.join(sample, "territoire.gpkg") + "|layername=cites"
    steps = {"before_init": operations_by_id(gpkg)}
    steps["init"] = qgis_process(profile, "osp:programmation_init", OUTPUT=gpkg,
                                 CITES=cites_layer)
    folder = out / "classeurs"
    steps["workbooks"] = qgis_process(profile, "osp:programmation_formulaires",
                                      OPERATIONS=gpkg, ANNEE=2021, OUTPUT_FOLDER=str(folder))
    issued = out / "classeurs_emis"
    shutil.copytree(str(folder), str(issued))
    steps["before"] = operations_by_id(gpkg)
    steps["notes_before"] = table(gpkg, "avancement")
    # the EPCI of the landlord's first operation revises it first
    import openpyxl
    mc = str(folder / "programmation_2021_bailleur_MC.xlsx")
    first = openpyxl.load_workbook(mc)["Opérations"].cell(row=6, column=1).value
    epci = steps["before"][first]["epci"]
    epci_book = str(folder / ("programmation_2021_epci_%s.xlsx" % epci))
    book = openpyxl.load_workbook(epci_book)
    sheet = book["Opérations"]
    names = {sheet.cell(row=5, column=c).value: c for c in range(1, sheet.max_column + 1)}
    row = next(r for r in range(6, sheet.max_row + 1)
               if sheet.cell(row=r, column=names["id_op"]).value == first)
    for name, value in (("e_nb_total", 99), ("e_nb_c", 0), ("e_nb_bbc", 99), ("e_nb_bio", 0),
                        ("e_obs", "Révision EPCI")):
        sheet.cell(row=row, column=names[name], value=value)
    book.save(epci_book)
    steps["epci"] = qgis_process(profile, "osp:programmation_import", INPUT=epci_book,
                                 OPERATIONS=gpkg, ANOMALIES=str(out / "anomalies_epci.csv"))
    steps["after_epci"] = operations_by_id(gpkg)
    # the landlord's workbook, issued before the EPCI's change, comes back edited
    cites = sample_cites(sample_data)
    lens = next(c for c in cites if c["epci"] == "CALL")
    steps["expect"] = sample_programmation.edit_partner_workbook(mc, [lens])
    steps["first"], steps["lens"] = first, lens
    steps["mc"] = qgis_process(profile, "osp:programmation_import", INPUT=mc, OPERATIONS=gpkg,
                               ANOMALIES=str(out / "anomalies_mc.csv"))
    steps["after_mc"] = operations_by_id(gpkg)
    steps["notes_after_mc"] = table(gpkg, "avancement")
    with open(gpkg, "rb") as handle:
        steps["bytes_after_mc"] = handle.read()
    steps["mc_again"] = qgis_process(profile, "osp:programmation_import", INPUT=mc,
                                     OPERATIONS=gpkg, ANOMALIES=str(out / "anomalies_mc2.csv"))
    steps["after_mc_again"] = operations_by_id(gpkg)
    steps["notes_after_mc_again"] = table(gpkg, "avancement")
    steps["ddtm"] = qgis_process(profile, "osp:programmation_import",
                                 INPUT=os.path.join(sample, "programmation", "ddtm_2021.xlsx"),
                                 OPERATIONS=gpkg, BLOCK="ddtm",
                                 ANOMALIES=str(out / "anomalies_ddtm.csv"))
    steps["after_ddtm"] = operations_by_id(gpkg)
    steps["recap"] = qgis_process(profile, "osp:programmation_recap", OPERATIONS=gpkg,
                                  ANNEE=2021, OUTPUT_XLSX=str(out / "recap_2021.xlsx"),
                                  OUTPUT_FOLDER=str(out / "pdf"))
    steps.update({"dir": out, "gpkg": gpkg, "folder": folder, "issued": issued,
                  "profile": profile, "epci_code": epci, "sample": sample})
    return steps


def anomalies(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_init_keeps_every_operation_and_adds_forms_styles_and_cites(round_trip):
    assert int(round_trip["init"]["N_OPERATIONS"]) == len(round_trip["before_init"])
    # nothing changed but added: the money's columns (issue 29), empty
    before, after = round_trip["before_init"], round_trip["before"]
    assert {i: {k: v for k, v in op.items() if k in before[i]} for i, op in after.items()} \
        == before
    added = {k for op in after.values() for k in op} - {k for op in before.values() for k in op}
    assert added <= {"cout_total_ttc", "date_notification", "date_demarrage",
                     "date_achevement", "date_solde", "etat_financier"}
    assert all(op.get(name) is None for op in after.values() for name in added)
    gpkg = round_trip["gpkg"]
    styles = {(r["f_table_name"], r["styleName"]) for r in table(gpkg, "layer_styles")}
    assert ("operations", "OSP – opérations") in styles
    assert ("avancement", "OSP – avancement") in styles
    source = table(os.path.join(round_trip["sample"], "territoire.gpkg"), "cites")
    assert sorted((c["id_cite"], c["nom"]) for c in table(gpkg, "cites")) == \
        sorted((c["id_cite"], c["nom"]) for c in source)
    projects = table(gpkg, "qgis_projects")
    assert [p["name"] for p in projects] == ["Programmation OSP"]


def test_one_workbook_per_partner_with_its_operations_only(round_trip):
    import openpyxl
    before = round_trip["before"]
    of_2021 = [op for op in before.values() if op["annee_prog"] == 2021]
    sigles = {"M&C": "MC", "SIA": "SIA"}
    expected = {"programmation_2021_bailleur_%s.xlsx" % sigles[b]
                for b in {op["bailleur"] for op in of_2021}} | \
        {"programmation_2021_epci_%s.xlsx" % e for e in {op["epci"] for op in of_2021}}
    assert set(os.listdir(str(round_trip["issued"]))) == expected
    assert int(round_trip["workbooks"]["N_WORKBOOKS"]) == len(expected)
    for name in expected:
        book = openpyxl.load_workbook(str(round_trip["issued"] / name))
        assert book.sheetnames[:3] == ["Notice", "Opérations", "Avancement"]
        sheet = book["Opérations"]
        ids = [sheet.cell(row=r, column=1).value for r in range(6, sheet.max_row + 1)]
        ids = [i for i in ids if i is not None]
        role, partner = name[len("programmation_2021_"):-5].split("_", 1)
        key = "bailleur" if role == "bailleur" else "epci"
        partner = {"MC": "M&C"}.get(partner, partner) if role == "bailleur" else partner
        assert sorted(ids) == sorted(op["id_op"] for op in of_2021 if op[key] == partner), name


def test_partner_workbook_locks_all_but_its_block(round_trip):
    """Only the partner's block is editable (cells unlocked, yellow), the sheet protected,
    technical columns hidden, lists for EPCI / cités / oui-non, dates as dates."""
    import openpyxl
    path = str(round_trip["issued"] / "programmation_2021_bailleur_MC.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Opérations"]
    assert sheet.protection.sheet is True
    names = [sheet.cell(row=5, column=c).value for c in range(1, sheet.max_column + 1)]
    assert names[:4] == ["id_op", "version", "empreinte_bloc", "empreinte_fixe"]
    for column, name in enumerate(names, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        assert sheet.column_dimensions[letter].hidden == (column <= 4), name
        locked = sheet.cell(row=6, column=column).protection.locked
        assert locked == (not name.startswith("b_")), name
    assert sheet.row_dimensions[5].hidden
    ranges = {}
    for rule in sheet.data_validations.dataValidation:
        for cells in str(rule.sqref).split():
            ranges[re.match(r"^([A-Z]+)", cells).group(1)] = (rule.type, rule.formula1)
    column_of = {name: sheet.cell(row=1, column=i + 1).column_letter
                 for i, name in enumerate(names)}
    assert ranges[column_of["epci"]][0] == "list"
    assert ranges[column_of["cites_noms"]][0] == "list"
    assert ranges[column_of["b_report"]][0] == "list"
    assert ranges[column_of["b_date_depot"]][0] == "date"
    assert ranges[column_of["b_nb_total"]][0] == "whole"
    lists = book["_listes"]
    assert lists.sheet_state == "hidden" and book["_osp"].sheet_state == "veryHidden"
    dates = [sheet.cell(row=r, column=names.index("b_date_depot") + 1).value
             for r in range(6, 10)]
    assert all(isinstance(d, datetime.datetime) for d in dates if d is not None)
    notice = " ".join(str(c.value) for c in book["Notice"]["A"] if c.value)
    assert "cellules jaunes" in notice and "conflit" in notice
    # the same in the file's XML: locked cells, protected sheet (what Excel enforces)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet2.xml").decode("utf-8")
    assert re.search(r"<sheetProtection[^>]*sheet=\"1\"", xml)


def test_round_trip_applies_own_block_refuses_conflicts_and_locked_edits(round_trip):
    before, after_epci, after = (round_trip["before"], round_trip["after_epci"],
                                 round_trip["after_mc"])
    expect, first = round_trip["expect"], round_trip["first"]
    by_name = {op["nom"]: op for op in before.values() if op["annee_prog"] == 2021}
    # the EPCI's change applied, version + 1
    assert after_epci[first]["e_nb_total"] == 99 and after_epci[first]["e_obs"] == "Révision EPCI"
    assert after_epci[first]["version"] == before[first]["version"] + 1
    assert int(round_trip["epci"]["N_UPDATED"]) == 1
    # the landlord's edit of that operation is a conflict: its block is left as it was
    conflict = before[first]["nom"]
    assert conflict in expect["updated"]
    assert after[first] == after_epci[first]
    # the other revised operation is applied, version + 1, by M&C
    for name, total in expect["updated"].items():
        if name == conflict:
            continue
        op = after[by_name[name]["id_op"]]
        assert (op["b_nb_total"], op["b_nb_c"], op["b_nb_bbc"], op["b_nb_bio"]) == \
            (total, 0, total, total // 2)
        assert op["b_obs"] == "Révision après concertation"
        assert op["version"] == by_name[name]["version"] + 1 and op["maj_par"] == "M&C"
        for key in op:   # nothing outside the landlord's block moved
            if not key.startswith("b_") and key not in ("version", "maj_par", "date_maj"):
                assert op[key] == by_name[name][key], key
    # refused (C + BBC ≠ total) and locked-cell edits: unchanged rows
    for name in expect["rejected"] + [expect["locked_edit"]]:
        assert after[by_name[name]["id_op"]] == before[by_name[name]["id_op"]], name
    assert not any(op["nom"].endswith("(renommée)") for op in after.values())
    # the new operation: M&C's, in the CALL cité chosen, with the next id
    added = [op for i, op in after.items() if i not in before]
    assert len(added) == 1
    new = added[0]
    lens = round_trip["lens"]
    assert (new["bailleur"], new["epci"], new["cites"], new["communes"], new["annee_prog"]) == \
        ("M&C", "CALL", str(lens["id_cite"]), lens["insee"], 2021)
    assert (new["b_nb_total"], new["b_nb_bbc"], new["version"]) == (42, 42, 1)
    assert new["id_op"] == max(before) + 1
    assert new["nom"].startswith("MC CALL ") and new["nom"] not in by_name
    # every other operation is byte-for-byte what it was
    touched = {first} | {by_name[n]["id_op"] for n in expect["updated"]}
    for id_op, op in before.items():
        if id_op not in touched:
            assert after[id_op] == op, id_op
    counts = {k: int(round_trip["mc"][k]) for k in
              ("N_UPDATED", "N_ADDED", "N_CONFLICTS", "N_REJECTED", "N_NOTES")}
    assert counts == {"N_UPDATED": 1, "N_ADDED": 1, "N_CONFLICTS": 1, "N_REJECTED": 1,
                      "N_NOTES": 2}


def test_anomalies_say_which_row_and_why(round_trip):
    rows = anomalies(str(round_trip["dir"] / "anomalies_mc.csv"))
    motifs = sorted(r["motif"] for r in rows)
    assert motifs == ["conflit", "modification_hors_bloc", "repartition_incoherente"]
    conflict = next(r for r in rows if r["motif"] == "conflit")
    assert round_trip["epci_code"] in conflict["detail"]          # who changed it
    assert "renvoyer un classeur à jour" in conflict["detail"]
    assert "ligne" in rows[0] and "operation" in rows[0]          # the headers people read
    locked = next(r for r in rows if r["motif"] == "modification_hors_bloc")
    assert locked["operation"].endswith("(renommée)")
    ddtm = anomalies(str(round_trip["dir"] / "anomalies_ddtm.csv"))
    assert [r["motif"] for r in ddtm] == ["ligne_total"]


def test_notes_are_appended_once_and_importing_twice_changes_nothing(round_trip):
    before, after = round_trip["notes_before"], round_trip["notes_after_mc"]
    new = [n for n in after if n["id_note"] not in {b["id_note"] for b in before}]
    by_name = {op["nom"]: op["id_op"] for op in round_trip["before"].values()}
    assert sorted((n["id_op"], n["texte"]) for n in new) == \
        sorted((by_name[op], text) for op, text in round_trip["expect"]["notes"])
    assert all(n["role"] == "bailleur" and n["statut"] == "publie" for n in new)
    assert round_trip["after_mc_again"] == round_trip["after_mc"]
    assert round_trip["notes_after_mc_again"] == after
    again = round_trip["mc_again"]
    assert (int(again["N_UPDATED"]), int(again["N_ADDED"]), int(again["N_NOTES"])) == (0, 0, 0)


def test_ddtm_sheet_fills_the_ddtm_block_and_adds_its_operations(round_trip, sample_data):
    import openpyxl
    sheet = openpyxl.load_workbook(os.path.join(str(sample_data), "programmation",
                                                "ddtm_2021.xlsx")).active
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True)
            if r[0] and not str(r[0]).startswith("TOTAL")]
    after = round_trip["after_ddtm"]
    by_name = {fold(op["nom"]): op for op in after.values() if op["annee_prog"] == 2021}
    for name, total, c, bbc, bio, low, high, obs in rows:
        op = by_name[fold(name)]
        assert (op["d_nb_total"], op["d_nb_c"], op["d_nb_bbc"], op["d_nb_bio"]) == \
            (total, c, bbc, bio)
        assert op["d_obs"] == obs
    assert int(round_trip["ddtm"]["N_ADDED"]) == 2
    oignies = by_name[fold("SIA CAHC OIGNIES DECLERCQ")]
    assert (oignies["bailleur"], oignies["epci"], oignies["communes"]) == ("SIA", "CAHC", "62637")


def test_recap_numbers_match_an_independent_computation(round_trip):
    rows = assert_recap_matches(str(round_trip["dir"] / "recap_2021.xlsx"), round_trip["gpkg"],
                                2021)
    assert int(round_trip["recap"]["N_OPERATIONS"]) == sum(
        1 for r in rows if not r[0].startswith("TOTAL"))
    # the C rate is unknown in 2021: said in the log, « à renseigner » in the cells
    assert "taux C 2021" in round_trip["recap"]["log"]
    assert any(r[7] == A_RENSEIGNER for r in rows)


def test_recap_pdfs_one_per_partner_readable_and_within_the_page(round_trip, artifacts):
    folder = round_trip["dir"] / "pdf"
    after = round_trip["after_ddtm"]
    of_2021 = [op for op in after.values() if op["annee_prog"] == 2021]
    sigles = {"M&C": "MC", "SIA": "SIA"}
    expected = {"recapitulatif_2021.pdf"} | \
        {"bailleur_%s_2021.pdf" % sigles[op["bailleur"]] for op in of_2021} | \
        {"epci_%s_2021.pdf" % op["epci"] for op in of_2021}
    assert set(os.listdir(str(folder))) == expected
    assert int(round_trip["recap"]["N_PDF"]) == len(expected)
    recap = str(folder / "recapitulatif_2021.pdf")
    text = subprocess.run(["pdftotext", "-layout", recap, "-"], capture_output=True,
                          text=True).stdout
    assert "Programmation 2021 — version du" in text
    for label in ("TOTAL DEP 59", "TOTAL DEP 62", "TOTAL DEP 59-62", A_RENSEIGNER, "Page 1 /"):
        assert label in text, label
    # no word beyond the right margin (a column cut at the page edge)
    bbox = subprocess.run(["pdftotext", "-bbox", recap, "-"], capture_output=True,
                          text=True).stdout
    width = float(re.search(r'<page width="([0-9.]+)"', bbox).group(1))
    right = max(float(x) for x in re.findall(r'xMax="([0-9.]+)"', bbox))
    assert right <= width - 20, (right, width)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", recap,
                    os.path.join(artifacts, "programmation_recap")], check=True)
    # a landlord's PDF: its operations, with their latest published note
    notes = table(round_trip["gpkg"], "avancement")
    mc = subprocess.run(["pdftotext", "-raw", str(folder / "bailleur_MC_2021.pdf"), "-"],
                        capture_output=True, text=True).stdout
    assert "Programmation 2021 – Maisons & Cités" in mc
    flat = " ".join(mc.split())
    for name, text_ in round_trip["expect"]["notes"]:
        assert name in flat and text_ in flat
    assert "Validé CRHH" in flat and " valide " not in flat   # statuses in words
    drafts = [n for n in notes if n["statut"] == "brouillon"]
    assert drafts and not any(n["texte"] in flat and n["statut"] == "brouillon"
                              and not any(p["texte"] == n["texte"] and p["statut"] == "publie"
                                          for p in notes) for n in drafts)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1",
                    str(folder / "bailleur_MC_2021.pdf"),
                    os.path.join(artifacts, "programmation_bailleur")], check=True)


def test_recap_workbook_has_latest_notes_and_the_trajectory(round_trip):
    import openpyxl
    book = openpyxl.load_workbook(str(round_trip["dir"] / "recap_2021.xlsx"))
    assert book.sheetnames == ["Récapitulatif", "Derniers avancements", "Suivi de l'ambition",
                               "Suivi par EPCI"]
    trajectory = book["Suivi de l'ambition"]
    assert len(trajectory._charts) == 1
    rows = {r[0]: r for r in trajectory.iter_rows(min_row=4, max_row=13, values_only=True)}
    assert rows["2017"][1] == 2300 and rows["2026"][1] == 23000
    # programmed dwellings, cumulated: the first forecast filled of each operation
    ops = [op for op in round_trip["after_ddtm"].values() if op["statut"] != "annule"]

    def programmed(op):
        for p in "deb":
            if op[p + "_nb_total"] is not None:
                return op[p + "_nb_total"]
        return 0
    for year in (2021, 2022):
        cumul = sum(programmed(op) for op in ops if op["annee_prog"] <= year)
        assert rows[str(year)][2] == cumul, year


def test_partner_workbook_opens_in_libreoffice_and_reads_back(round_trip, plugin_package,
                                                              tmp_path):
    """LibreOffice converts it without complaint, and a workbook saved by LibreOffice
    (what a partner without Excel sends back) is still read as the partner's."""
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    assert soffice, "LibreOffice absent : `make test` installe libreoffice-calc"
    source = str(round_trip["issued"] / "programmation_2021_bailleur_MC.xlsx")
    env = dict(os.environ, HOME=str(tmp_path))
    pdf = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                          str(tmp_path / "pdf"), source], env=env, capture_output=True,
                         text=True, timeout=300)
    assert pdf.returncode == 0, pdf.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "pdf" / os.path.basename(
        source).replace(".xlsx", ".pdf")), "-"], capture_output=True, text=True).stdout
    assert "Programmation 2021 – Maisons & Cités" in text
    saved = subprocess.run([soffice, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                            "--outdir", str(tmp_path / "lo"), source], env=env,
                           capture_output=True, text=True, timeout=300)
    assert saved.returncode == 0, saved.stderr
    from osp_erbm.osp_qgis.programmation import partner_return
    original = partner_return.read_partner(source)
    again = partner_return.read_partner(str(tmp_path / "lo" / os.path.basename(source)))
    assert again is not None, "métadonnées du classeur perdues par LibreOffice"
    assert again[0]["partenaire"] == "M&C" and again[0]["annee"] == 2021
    rows = lambda read: [(r["values"].get("id_op"), r["values"].get("empreinte_bloc"))
                         for r in read[1] if r["values"].get("id_op") is not None]
    assert [(int(i), d) for i, d in rows(again)] == [(int(i), d) for i, d in rows(original)]


# -- the 2021 recap -------------------------------------------------------------------------
def test_the_2021_crhh_recap_imports_and_reexports_with_the_same_totals(qgis_app, sample_data,
                                                                      tmp_path):
    import processing
    source = os.path.join(str(sample_data), "programmation", "recap_crhh_2021.xlsx")
    gpkg = str(tmp_path / "programmation_2021.gpkg")
    result = processing.run("osp:programmation_import", {
        "INPUT": source, "OPERATIONS": gpkg, "BLOCK": "bailleur",
        "ANOMALIES": str(tmp_path / "anomalies.csv")})
    lines = [(dep, epci, row) for dep, groups in sample_programmation.RECAP_2021.items()
             for epci, rows in groups for row in rows]
    assert result["N_ADDED"] == len(lines) and result["N_REJECTED"] == 0
    skipped = anomalies(str(tmp_path / "anomalies.csv"))
    n_totals = sum(len(groups) for groups in sample_programmation.RECAP_2021.values()) + \
        len(sample_programmation.RECAP_2021) + 1
    assert sorted(r["motif"] for r in skipped) == ["ligne_titre"] + ["ligne_total"] * n_totals
    ops = {op["nom"]: op for op in table(gpkg, "operations")}
    variants = {"CCCC": "CCCO", "CACH": "CAHC"}
    for dep, epci, (name, date, report, total, c, bbc, bio) in lines:
        op = ops[name]
        assert (op["annee_prog"], op["epci"], op["bailleur"]) == \
            (2021, variants.get(epci, epci), "SIA" if name.startswith("SA ") else "M&C")
        assert (op["b_nb_total"], op["b_nb_c"], op["b_nb_bbc"], op["b_nb_bio"]) == \
            (total, c, bbc, bio)
        day, month, year = date.split("/")
        assert op["b_date_depot"] == "%s-%s-%s" % (year, month, day)
        assert op["b_report"] == report
    # re-exported: same operations, totals recomputed (the printed ones were wrong)
    xlsx = str(tmp_path / "recap.xlsx")
    processing.run("osp:programmation_recap", {"OPERATIONS": gpkg, "ANNEE": 2021,
                                               "OUTPUT_XLSX": xlsx,
                                               "OUTPUT_FOLDER": str(tmp_path / "pdf")})
    rows = {r[0]: r for r in assert_recap_matches(xlsx, gpkg, 2021)}
    assert {n for n in rows if not n.startswith("TOTAL")} == {l[2][0] for l in lines}
    by_dep = {dep: sum(r[3] for _, rows_ in groups for r in rows_)
              for dep, groups in sample_programmation.RECAP_2021.items()}
    assert rows["TOTAL DEP 59"][3] == by_dep["59"] != \
        sample_programmation.RECAP_2021_PRINTED_TOTALS["TOTAL DEP 59"]
    assert rows["TOTAL DEP 59-62"][3] == by_dep["59"] + by_dep["62"]
    anatole = rows["MC CABBALR BRUAY LA BUISSIERE ANATOLE FRANCE"]
    assert anatole[3:11] == [78, 0, 78, 78, 702000, 780000, 819000, 897000]
    assert rows["SA CACH ROUVROY LA MOTTE NOUVEA - TRANCHE2"][7] == A_RENSEIGNER
    # and our own recap reads back into the same operations and totals
    again = str(tmp_path / "again.gpkg")
    result = processing.run("osp:programmation_import", {
        "INPUT": xlsx, "OPERATIONS": again, "BLOCK": "bailleur",
        "ANOMALIES": str(tmp_path / "again.csv")})
    assert result["N_ADDED"] == len(lines) and result["N_REJECTED"] == 0
    xlsx_again = str(tmp_path / "recap_again.xlsx")
    processing.run("osp:programmation_recap", {"OPERATIONS": again, "ANNEE": 2021,
                                               "OUTPUT_XLSX": xlsx_again,
                                               "OUTPUT_FOLDER": str(tmp_path / "pdf2")})
    assert [r[:11] for r in recap_rows(xlsx_again)[1]] == [r[:11] for r in recap_rows(xlsx)[1]]


def test_interrupted_import_leaves_the_programmation_byte_identical(qgis_app, round_trip,
                                                                   tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    gpkg = str(tmp_path / "programmation.gpkg")
    shutil.copyfile(round_trip["gpkg"], gpkg)
    with open(gpkg, "rb") as handle:
        before = handle.read()

    class CancelHalfway(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress >= 50:
                self.cancel()

    with pytest.raises(QgsProcessingException):
        processing.run("osp:programmation_import", {
            "INPUT": str(round_trip["issued"] / "programmation_2021_bailleur_SIA.xlsx"),
            "OPERATIONS": gpkg, "ANOMALIES": str(tmp_path / "a.csv")},
            feedback=CancelHalfway())
    with open(gpkg, "rb") as handle:
        assert handle.read() == before
    assert [f for f in os.listdir(str(tmp_path)) if f.endswith(".tmp.gpkg")] == []


def test_unreadable_inputs_get_french_errors(qgis_app, round_trip, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    sheet = tmp_path / "sans_entete.csv"
    sheet.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="en-tête de programmation"):
        processing.run("osp:programmation_import", {
            "INPUT": str(sheet), "OPERATIONS": str(tmp_path / "p.gpkg"),
            "ANOMALIES": str(tmp_path / "a.csv")})
    no_year = tmp_path / "sans_annee.csv"
    no_year.write_text("Programmes;Total;C;BBC\nMC CALL LENS 4;10;0;10\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="ANNEE"):
        processing.run("osp:programmation_import", {
            "INPUT": str(no_year), "OPERATIONS": str(tmp_path / "p.gpkg"),
            "ANOMALIES": str(tmp_path / "a.csv")})
    with pytest.raises(QgsProcessingException, match="Aucune opération programmée en 2030"):
        processing.run("osp:programmation_recap", {
            "OPERATIONS": round_trip["gpkg"], "ANNEE": 2030,
            "OUTPUT_XLSX": str(tmp_path / "r.xlsx"), "OUTPUT_FOLDER": str(tmp_path / "pdf")})
    assert not os.path.exists(str(tmp_path / "r.xlsx"))


# -- forms, in plain QGIS -------------------------------------------------------------------
def test_plain_qgis_opens_the_stored_project_with_forms_and_relation(qgis_app, round_trip,
                                                                    artifacts, tmp_path):
    elsewhere = tmp_path / "autre dossier"
    elsewhere.mkdir()
    copy = elsewhere / "programmation.gpkg"
    shutil.copyfile(round_trip["gpkg"], str(copy))
    notes = table(round_trip["gpkg"], "avancement")
    id_op = round_trip["first"]
    report_path = str(tmp_path / "report.json")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, HELPER, str(copy), report_path,
                           os.path.join(artifacts, "programmation_form"), str(id_op)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    with open(report_path, encoding="utf-8") as handle:
        report = json.load(handle)
    assert report["read"]
    layers = report["layers"]
    assert all(valid and source.startswith(str(copy)) for valid, _, source in layers.values())
    assert report["relations"] == {
        "avancement_operation": [True, "Opérations de la programmation",
                                 "Avancement des opérations"],
        "financements_operation": [True, "Opérations de la programmation",
                                   "Plan de financement"],
        "versements_operation": [True, "Opérations de la programmation", "Versements"]}
    assert report["tabs"] == ["Identité", "Bailleur", "EPCI", "DDTM", "CRHH", "Finances",
                              "Avancement"]
    mine = [n for n in notes if n["id_op"] == id_op]
    assert report["relation_rows"] == len(mine)
    assert report["derniere_note"] == max(n["date"] for n in mine)
    for name in ("statut", "type_prog", "bailleur", "epci"):
        assert report["widgets"][name] == "ValueMap", name
    assert report["represented"]["bailleur"] == ["M&C", "Maisons & Cités (M&C)"]
    assert report["aliases"]["b_nb_c"] == "Bailleur : logements étiquette C"
    for tab in report["fit"]:
        assert not tab["hbar"], tab
    assert report["tab_bar_fits"]            # every tab reachable without the arrows at 650 px
    # the Identité tab shows names, not codes (issue 26, point 12)
    names = report["names"]
    from osp_qgis.reference import communes as reference_communes
    assert names["communes_noms"] == ", ".join(
        reference_communes()[c]["nom"] for c in names["communes"].split(","))
    cites = {str(c["id_cite"]): c["nom"] for c in sample_cites(round_trip["sample"])}
    assert names["cites_noms"] == ", ".join(cites[c] for c in names["cites"].split(","))
    # the project opens in Lambert 93, on the operations (issue 26, point 10)
    assert report["crs"] == "EPSG:2154"
    x0, y0, x1, y1 = report["view"]
    ox0, oy0, ox1, oy1 = report["operations_extent"]
    assert x0 <= ox0 < ox1 <= x1 and y0 <= oy0 < oy1 <= y1 and x1 - x0 < 200000
    assert len(report["form_pngs"]) == 7 and all(os.path.getsize(p) > 3000
                                                 for p in report["form_pngs"])
    assert "OSP – opérations" in report["styles"]
    kind, attribute, categories = report["renderer"]       # coloured by status, in words
    assert (kind, attribute) == ("categorizedSymbol", "statut") and report["labels"]
    assert ["valide", "Validé CRHH"] in categories and ["annule", "Annulé"] in categories
    # the form's constraints say what the import's rules say, value for value
    from qgis.core import QgsExpression, QgsExpressionContext, QgsFeature, QgsField, QgsFields
    from qgis.PyQt.QtCore import QVariant

    from osp_erbm.osp_qgis.programmation import model
    fields = QgsFields()
    for name in ("b_nb_total", "b_nb_c", "b_nb_bbc", "b_nb_bio"):
        fields.append(QgsField(name, QVariant.Int))
    constraints = report["constraints"]
    for total, c, bbc, bio in [(10, 2, 8, 3), (10, 2, 7, 3), (10, None, 8, 11), (10, 2, 8, 10),
                               (None, 2, 8, 1), (5, 0, 5, 6), (-1, None, None, None)]:
        feature = QgsFeature(fields)
        feature.setAttributes([total, c, bbc, bio])
        context = QgsExpressionContext()
        context.setFeature(feature)
        form_ok = all(QgsExpression(constraints[n]["expression"]).evaluate(context)
                      for n in ("b_nb_total", "b_nb_bio", "b_nb_c", "b_nb_bbc"))
        op = {"b_nb_total": total, "b_nb_c": c, "b_nb_bbc": bbc, "b_nb_bio": bio}
        assert form_ok == (model.check_block(op, "b") == []), (total, c, bbc, bio)
    assert all(c["hard"] for c in constraints.values())


# -- PostGIS --------------------------------------------------------------------------------
def _sequence(target, sample, folder, edit_cites):
    """The same work on any destination: init, 2021 recap, DDTM sheet, workbooks, the
    landlord's edits, recap."""
    import processing
    cites = os.path.join(sample, "territoire.gpkg") + "|layername=cites"
    processing.run("osp:programmation_init", {"OUTPUT": target, "CITES": cites})
    for source, block in (("recap_crhh_2021.xlsx", "bailleur"), ("ddtm_2021.xlsx", "ddtm")):
        processing.run("osp:programmation_import", {
            "INPUT": os.path.join(sample, "programmation", source), "OPERATIONS": target,
            "BLOCK": block, "ANNEE": 2021, "ANOMALIES": "TEMPORARY_OUTPUT"})
    processing.run("osp:programmation_formulaires", {
        "OPERATIONS": target, "ANNEE": 2021, "PARTNER": "SIA",
        "OUTPUT_FOLDER": os.path.join(folder, "classeurs")})
    book = os.path.join(folder, "classeurs", "programmation_2021_bailleur_SIA.xlsx")
    sample_programmation.edit_partner_workbook(book, edit_cites)
    imported = processing.run("osp:programmation_import", {
        "INPUT": book, "OPERATIONS": target, "ANOMALIES": "TEMPORARY_OUTPUT"})
    xlsx = os.path.join(folder, "recap.xlsx")
    processing.run("osp:programmation_recap", {"OPERATIONS": target, "ANNEE": 2021,
                                               "OUTPUT_XLSX": xlsx,
                                               "OUTPUT_FOLDER": os.path.join(folder, "pdf")})
    return imported, xlsx


def test_postgis_destination_gives_the_same_programmation(qgis_app, sample_data, postgis,
                                                          tmp_path):
    sample = str(sample_data)
    cites = [c for c in sample_cites(sample_data) if c["epci"] == "CALL"][:1]
    gpkg_dir, pg_dir = tmp_path / "gpkg", tmp_path / "pg"
    gpkg_dir.mkdir()
    pg_dir.mkdir()
    gpkg = str(gpkg_dir / "programmation.gpkg")
    target = ("postgres:dbname=%(dbname)s host=%(host)s port=%(port)s user=%(user)s "
              "schema=prog_test" % postgis)
    in_gpkg, xlsx_gpkg = _sequence(gpkg, sample, str(gpkg_dir), cites)
    in_pg, xlsx_pg = _sequence(target, sample, str(pg_dir), cites)
    for key in ("N_READ", "N_UPDATED", "N_ADDED", "N_CONFLICTS", "N_REJECTED", "N_NOTES"):
        assert in_pg[key] == in_gpkg[key], key
    assert in_pg["N_UPDATED"] >= 1 and in_pg["N_NOTES"] == 2
    assert recap_rows(xlsx_pg)[1] == recap_rows(xlsx_gpkg)[1]
    # the tables themselves, compared without QGIS
    columns = "id_op, nom, bailleur, epci, communes, annee_prog, b_nb_total, b_nb_c, " \
              "b_nb_bbc, b_nb_bio, d_nb_total, version"
    pg_rows = postgis["psql"]("SELECT %s FROM prog_test.operations ORDER BY id_op" % columns)
    connection = sqlite3.connect(gpkg)
    lite = connection.execute("SELECT %s FROM operations ORDER BY id_op" % columns).fetchall()
    connection.close()
    as_text = "\n".join("|".join("" if v is None else str(v) for v in row) for row in lite)
    assert pg_rows.strip() == as_text
    assert int(postgis["psql"]("SELECT count(*) FROM prog_test.avancement")) == \
        len(table(gpkg, "avancement"))
    # the server refuses what the form refuses
    with pytest.raises(subprocess.CalledProcessError):
        postgis["psql"]("UPDATE prog_test.operations SET b_nb_c = 1, b_nb_bbc = 1, "
                        "b_nb_total = 5 WHERE id_op = 1")
    # init again: idempotent, nothing lost
    import processing
    again = processing.run("osp:programmation_init", {"OUTPUT": target})
    assert again["N_OPERATIONS"] == int(postgis["psql"](
        "SELECT count(*) FROM prog_test.operations"))


# -- synthese with a programmation ----------------------------------------------------------
def test_synthese_follows_the_ambition_when_given_the_programmation(pipeline, round_trip,
                                                                    tmp_path):
    import openpyxl
    from test_synthese import dwellings_frame, run_synthese
    target = str(tmp_path / "osp.xlsx")
    run_synthese(pipeline, target, OPERATIONS=round_trip["gpkg"], AMBITION=20000,
                 AMBITION_START=2016)
    book = openpyxl.load_workbook(target, data_only=True)
    assert book.sheetnames[-2:] == ["Suivi de l'ambition", "Suivi par EPCI"]
    sheet = book["Suivi de l'ambition"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, max_row=13, values_only=True)}
    assert rows["2016"][1] == 2000 and rows["2025"][1] == 20000
    frame = dwellings_frame(pipeline["layer"])
    years = frame["annee_financ"].dropna().astype(int)
    for year in (2018, 2020, 2025):
        reported = int((years <= year).sum())
        located = int(((frame["annee_financ"].fillna(0).astype(int) <= year)
                       & frame["annee_financ"].notna() & frame["geoloc_source"].notna()).sum())
        assert rows[str(year)][5] == reported, year   # « Remontés par les bailleurs (cumul) »
        assert rows[str(year)][6] == located, year
    without = str(tmp_path / "sans.xlsx")
    run_synthese(pipeline, without)
    assert "Suivi de l'ambition" not in openpyxl.load_workbook(without).sheetnames


def test_the_workbook_with_the_ambition_prints_cleanly(pipeline, round_trip, tmp_path,
                                                       artifacts):
    """Issue 26, point 14: through LibreOffice, no blank page, the ambition's tables keep
    their header on every page, no header word broken in two."""
    import openpyxl
    from test_synthese import run_synthese
    target = str(tmp_path / "OSP_synthese.xlsx")
    run_synthese(pipeline, target, OPERATIONS=round_trip["gpkg"])
    book = openpyxl.load_workbook(target)
    from openpyxl.utils import get_column_letter
    for sheet in book:
        if sheet.title.startswith("_"):
            continue
        spans = {(m.min_row, m.min_col): (m.min_col, m.max_col)
                 for m in sheet.merged_cells.ranges}
        for row in sheet.iter_rows(min_row=1, max_row=8):
            for cell in row:
                if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                    continue
                first, last = spans.get((cell.row, cell.column), (cell.column, cell.column))
                width = sum(sheet.column_dimensions[get_column_letter(c)].width or 8.43
                            for c in range(first, last + 1))
                longest = max(len(word) for word in cell.value.split())
                assert longest * 1.1 <= width + 0.5, (sheet.title, cell.coordinate, cell.value)
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    target], env=dict(os.environ, HOME=str(tmp_path)), capture_output=True,
                   timeout=300)
    pdf = str(tmp_path / "OSP_synthese.pdf")
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                           text=True).stdout.split("\f")[:-1]
    blank = [n for n, page in enumerate(pages, start=1)
             if len([l for l in page.splitlines() if l.strip()]) <= 2]
    assert not blank, blank
    ambition = [(n, p) for n, p in enumerate(pages, start=1)
                if "Suivi de l'ambition" in p or "Suivi par EPCI" in p]
    assert ambition
    for n, page in ambition:
        head = "\n".join(page.splitlines()[:8])
        assert "Année" in head or "EPCI" in head, (n, head)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(ambition[0][0]), "-l",
                    str(ambition[-1][0]), pdf, os.path.join(artifacts, "synthese_ambition")],
                   check=True)
