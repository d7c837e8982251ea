"""The « Suivi financier » sheet of the partner workbooks: issued with each landlord's lines,
filled as a landlord fills it (amounts typed « 12 000,50 € » and « 12.000,50 », a grey cell
typed over, a forged line on another landlord's operation), imported back with
`osp:financement_import` — what lands is what the generator intended, nothing else; the
signature holds, a line changed since the issue is a conflict; in GeoPackage and PostGIS."""
import os
import shutil
import sqlite3
import sys

import openpyxl
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import sample_finance

PARTNER = "SIA"


def run(algorithm, parameters):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    return processing.run(algorithm, parameters, context=QgsProcessingContext(),
                          feedback=QgsProcessingFeedback())


def lines(gpkg):
    with sqlite3.connect(gpkg) as db:
        return {(id_op, funder): (round(p * 100) if p is not None else None,
                                  round(e * 100) if e is not None else None, ref)
                for id_op, funder, p, e, ref in db.execute(
                    "SELECT id_op, financeur, montant_prevu, montant_engage, reference "
                    "FROM financements")}


def operations(gpkg):
    with sqlite3.connect(gpkg) as db:
        return {row[0]: row[1:] for row in db.execute(
            "SELECT id_op, bailleur, nom, date_demarrage, annee_prog FROM operations")}


@pytest.fixture(scope="module")
def issued(qgis_app, sample_data, tmp_path_factory):
    sample, out = str(sample_data), tmp_path_factory.mktemp("classeur_financier")
    gpkg = str(out / "programmation.gpkg")
    shutil.copyfile(os.path.join(sample, "programmation", "programmation.gpkg"), gpkg)
    run("osp:programmation_init", {"OUTPUT": gpkg, "CITES": os.path.join(
        sample, "territoire.gpkg") + "|layername=cites"})
    run("osp:financement_import", {
        "INPUT": os.path.join(sample, "programmation", "financement_plan.xlsx"),
        "OPERATIONS": gpkg, "ANOMALIES": str(out / "anomalies_plan.csv")})
    run("osp:programmation_formulaires", {"OPERATIONS": gpkg, "ANNEE": 2021,
                                          "OUTPUT_FOLDER": str(out / "classeurs")})
    book = next(str(p) for p in (out / "classeurs").iterdir() if "bailleur_SIA" in p.name)
    return {"gpkg": gpkg, "book": book, "out": out, "sample": sample}


def fresh(issued, tmp_path):
    gpkg, book = str(tmp_path / "prog.gpkg"), str(tmp_path / "classeur.xlsx")
    shutil.copyfile(issued["gpkg"], gpkg)
    shutil.copyfile(issued["book"], book)
    return gpkg, book


def test_the_sheet_shows_the_landlords_lines_and_only_its_own(issued):
    ops = operations(issued["gpkg"])
    stored = lines(issued["gpkg"])
    book = openpyxl.load_workbook(issued["book"])
    assert "Suivi financier" in book.sheetnames
    ws = book["Suivi financier"]
    names = [c.value for c in ws[5]]
    seen = {}
    for row in ws.iter_rows(min_row=6, values_only=True):
        values = dict(zip(names, row))
        if values["id_op"] is not None:
            seen.setdefault(values["id_op"], []).append(values)
    mine = {i for i, (bailleur, _, _, year) in ops.items() if bailleur == PARTNER and
            year == 2021}
    assert set(seen) == mine
    with_lines = {i for i, _ in stored if i in mine}
    for id_op in with_lines:
        funders = {v["financeur"] for v in seen[id_op]}
        want = {f for i, f in stored if i == id_op}
        assert len(funders) == len(want), (funders, want)
    # the State's line is grey (locked), the landlord's own funds yellow (open)
    column = names.index("montant_prevu") + 1
    for row in range(6, ws.max_row + 1):
        funder = ws.cell(row=row, column=names.index("financeur") + 1).value
        if funder == "État – PALULOS / ERBM":
            assert ws.cell(row=row, column=column).protection.locked
        elif funder == "Fonds propres du bailleur":
            assert not ws.cell(row=row, column=column).protection.locked
    assert ws.protection.sheet


def test_the_landlords_edits_land_and_nothing_else(issued, tmp_path):
    gpkg, book = fresh(issued, tmp_path)
    before = lines(gpkg)
    ops = operations(gpkg)
    other = next(nom for _, (bailleur, nom, _, _) in sorted(ops.items())
                 if bailleur != PARTNER)
    expect = sample_finance.edit_finance_sheet(book, other)
    result = run("osp:financement_import", {"INPUT": book, "OPERATIONS": gpkg,
                                            "PARTNER": PARTNER,
                                            "ANOMALIES": str(tmp_path / "anomalies.csv")})
    after = lines(gpkg)
    for key, (planned, engaged) in expect["lines"].items():
        old = before.get(key, (None, None, None))
        assert after[key][0] == (planned if planned is not None else old[0]), key
        assert after[key][1] == (engaged if engaged is not None else old[1]), key
    for key in expect["untouched"]:
        assert after[key] == before[key]
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == set(expect["lines"])      # nothing else moved, no other landlord's
    for id_op, started in expect["started"].items():
        assert operations(gpkg)[id_op][2] == started.isoformat()
    import csv
    with open(str(tmp_path / "anomalies.csv"), encoding="utf-8") as handle:
        found = {int(r["ligne"]): r["motif"] for r in csv.DictReader(handle)}
    for row, motif in expect["refused"].items():
        assert found.get(row) == motif, (row, found)
    assert result["N_LINES"] == len(expect["lines"])


def test_a_hidden_line_id_changed_is_refused_and_nothing_written(issued, tmp_path):
    from qgis.core import QgsProcessingException
    gpkg, book = fresh(issued, tmp_path)
    stored_before = open(gpkg, "rb").read()
    wb = openpyxl.load_workbook(book)
    ws = wb["Suivi financier"]
    names = [c.value for c in ws[5]]
    ws.cell(row=6, column=names.index("id_fin") + 1, value=999)   # another line's id
    wb.save(book)
    with pytest.raises(QgsProcessingException, match="signature"):
        run("osp:financement_import", {"INPUT": book, "OPERATIONS": gpkg,
                                       "ANOMALIES": str(tmp_path / "a.csv")})
    assert open(gpkg, "rb").read() == stored_before


def test_a_line_changed_since_the_issue_is_a_conflict(issued, tmp_path):
    gpkg, book = fresh(issued, tmp_path)
    wb = openpyxl.load_workbook(book)
    ws = wb["Suivi financier"]
    names = [c.value for c in ws[5]]
    row = next(r for r in range(6, ws.max_row + 1) if ws.cell(
        row=r, column=names.index("financeur") + 1).value == "Fonds propres du bailleur")
    id_fin = ws.cell(row=row, column=names.index("id_fin") + 1).value
    ws.cell(row=row, column=names.index("montant_prevu") + 1, value=7)
    wb.save(book)
    with sqlite3.connect(gpkg) as db:      # the DDTM corrected the line meanwhile
        db.execute("UPDATE financements SET montant_prevu = 4242 WHERE id_fin = ?", (id_fin,))
    result = run("osp:financement_import", {"INPUT": book, "OPERATIONS": gpkg,
                                            "ANOMALIES": str(tmp_path / "a.csv")})
    with sqlite3.connect(gpkg) as db:
        assert db.execute("SELECT montant_prevu FROM financements WHERE id_fin = ?",
                          (id_fin,)).fetchone()[0] == 4242
    assert result["N_REJECTED"] >= 1
    assert "conflit" in open(str(tmp_path / "a.csv"), encoding="utf-8").read()


def test_the_wrong_partner_is_refused(issued, tmp_path):
    from qgis.core import QgsProcessingException
    gpkg, book = fresh(issued, tmp_path)
    with pytest.raises(QgsProcessingException, match="pas celui de"):
        run("osp:financement_import", {"INPUT": book, "OPERATIONS": gpkg, "PARTNER": "M&C",
                                       "ANOMALIES": str(tmp_path / "a.csv")})


def test_the_round_trip_in_postgis(issued, postgis, tmp_path):
    """A PostGIS programmation: its key in the base, the workbook issued from it, the same
    edits land in one transaction — the same lines as in the GeoPackage."""
    from test_financement import load_operations
    dsn = "dbname=%(dbname)s host=%(host)s port=%(port)s user=%(user)s" % postgis
    target = "postgres:%s schema=prog_classeur" % dsn
    run("osp:programmation_init", {"OUTPUT": target})
    load_operations(dsn, os.path.join(issued["sample"], "programmation", "programmation.gpkg"),
                    "prog_classeur")
    run("osp:financement_import", {
        "INPUT": os.path.join(issued["sample"], "programmation", "financement_plan.xlsx"),
        "OPERATIONS": target, "ANOMALIES": str(tmp_path / "plan.csv")})
    run("osp:programmation_formulaires", {"OPERATIONS": target, "ANNEE": 2021,
                                          "PARTNER": PARTNER,
                                          "OUTPUT_FOLDER": str(tmp_path / "classeurs")})
    book = next(str(p) for p in (tmp_path / "classeurs").iterdir())
    gpkg, gpkg_book = fresh(issued, tmp_path)
    ops = operations(gpkg)
    other = next(nom for _, (bailleur, nom, _, _) in sorted(ops.items())
                 if bailleur != PARTNER)
    expect = sample_finance.edit_finance_sheet(book, other)
    assert sample_finance.edit_finance_sheet(gpkg_book, other) == expect
    run("osp:financement_import", {"INPUT": book, "OPERATIONS": target, "PARTNER": PARTNER,
                                   "ANOMALIES": str(tmp_path / "pg.csv")})
    run("osp:financement_import", {"INPUT": gpkg_book, "OPERATIONS": gpkg, "PARTNER": PARTNER,
                                   "ANOMALIES": str(tmp_path / "gpkg.csv")})
    rows = postgis["psql"]("SELECT id_op, financeur, round(montant_prevu * 100), "
                           "round(montant_engage * 100) FROM prog_classeur.financements")
    got = {(int(a), b): (int(c) if c else None, int(d) if d else None)
           for a, b, c, d in (line.split("|") for line in rows.split())}
    assert got == {k: v[:2] for k, v in lines(gpkg).items()}
    with open(str(tmp_path / "pg.csv"), encoding="utf-8") as a, \
            open(str(tmp_path / "gpkg.csv"), encoding="utf-8") as b:
        assert a.read() == b.read()


def test_the_sheet_renders(issued, artifacts):
    """The sheet as a person sees it (LibreOffice → PDF → PNG, looked at)."""
    import subprocess
    out = str(issued["out"] / "rendu")
    os.makedirs(out, exist_ok=True)
    wb = openpyxl.load_workbook(issued["book"])
    wb.active = wb.sheetnames.index("Suivi financier")
    for name in wb.sheetnames:
        if name not in ("Suivi financier",):
            wb[name].sheet_state = "hidden"
    only = os.path.join(out, "suivi_financier.xlsx")
    wb.save(only)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out, only],
                   check=True, capture_output=True, timeout=180)
    pdf = os.path.join(out, "suivi_financier.pdf")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Suivi financier de vos opérations" in text and "Fonds propres" in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf,
                    os.path.join(artifacts, "suivi_financier_classeur")], check=True)


def test_hostile_cells_in_the_sheet_are_anomalies_never_a_traceback(issued, tmp_path):
    """Formula text, a negative amount, a date as words, an absurd amount, a huge reference:
    each its anomaly line (or kept as text), nothing else written, exit normal."""
    import csv
    gpkg, book = fresh(issued, tmp_path)
    before = lines(gpkg)
    wb = openpyxl.load_workbook(book)
    ws = wb["Suivi financier"]
    names = [c.value for c in ws[5]]
    col = {n: names.index(n) + 1 for n in names if n}
    own = [r for r in range(6, ws.max_row + 1) if ws.cell(
        row=r, column=col["financeur"]).value == "Fonds propres du bailleur"]
    region = [r for r in range(6, ws.max_row + 1) if ws.cell(
        row=r, column=col["financeur"]).value == "Région Hauts-de-France"]
    cases = {own[0]: ("montant_prevu", "=HYPERLINK(\"http://x\";\"1\")", "montant_illisible"),
             own[1]: ("montant_prevu", "-5 000", "montant_negatif"),
             region[0]: ("date_engagement", "le quinze septembre", "date_illisible"),
             region[1]: ("montant_engage", "1e308", "montant_illisible")}
    for row, (name, value, _) in cases.items():
        ws.cell(row=row, column=col[name], value=value).data_type = "s"
    long_row = own[2]
    ws.cell(row=long_row, column=col["reference"], value="Convention " + "x" * 300)
    wb.save(book)
    run("osp:financement_import", {"INPUT": book, "OPERATIONS": gpkg,
                                   "ANOMALIES": str(tmp_path / "a.csv")})
    with open(str(tmp_path / "a.csv"), encoding="utf-8") as handle:
        found = {int(r["ligne"]): r["motif"] for r in csv.DictReader(handle)}
    for row, (_, _, motif) in cases.items():
        assert found.get(row) == motif, (row, found)
    after = lines(gpkg)
    changed = {k for k in after if after[k] != before.get(k)}
    assert len(changed) == 1                       # only the long reference, kept whole
    (key,) = changed
    assert after[key][2] == "Convention " + "x" * 300
