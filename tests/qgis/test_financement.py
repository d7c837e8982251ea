"""The money's round trip on the sample programmation: the landlords' financing plan and the
DDTM's payments imported (GeoPackage, then PostGIS), the recap and its alerts compared with
an independent computation from the generator's own files; atomic, hostile sheets refused in
French."""
import csv
import hashlib
import os
import shutil
import sqlite3
import subprocess
import unicodedata

import openpyxl
import pytest

FINANCE_DATE = "07/12/2026"


def run(algorithm, parameters, feedback=None):
    import processing
    return processing.run(algorithm, parameters, feedback=feedback)


def truth(sample):
    with open(os.path.join(sample, "programmation", "finance_verite.csv"),
              encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def expected_anomalies(sample):
    with open(os.path.join(sample, "programmation", "finance_anomalies.csv"),
              encoding="utf-8") as handle:
        return {(int(r["ligne"]), r["motif"]) for r in csv.DictReader(handle, delimiter=";")}


@pytest.fixture(scope="module")
def money(qgis_app, sample_data, tmp_path_factory):
    sample, out = str(sample_data), tmp_path_factory.mktemp("financement")
    gpkg = str(out / "programmation.gpkg")
    shutil.copyfile(os.path.join(sample, "programmation", "programmation.gpkg"), gpkg)
    run("osp:programmation_init", {"OUTPUT": gpkg, "CITES": os.path.join(
        sample, "territoire.gpkg") + "|layername=cites"})
    results = {}
    for name in ("financement_plan", "mandats_ddtm"):
        results[name] = run("osp:financement_import", {
            "INPUT": os.path.join(sample, "programmation", name + ".xlsx"), "OPERATIONS": gpkg,
            "ANOMALIES": str(out / ("anomalies_%s.csv" % name))})
    results["recap"] = run("osp:financement_recap", {
        "OPERATIONS": gpkg, "DATE": FINANCE_DATE, "OUTPUT_XLSX": str(out / "recap.xlsx"),
        "OUTPUT_FOLDER": str(out / "pdf")})
    return {"sample": sample, "out": out, "gpkg": gpkg, "results": results}


def stored(gpkg):
    """``{(id_op, funder): (planned, engaged, paid)}`` in cents, read with SQLite."""
    with sqlite3.connect(gpkg) as db:
        lines = db.execute("SELECT id_fin, id_op, financeur, montant_prevu, montant_engage "
                           "FROM financements").fetchall()
        paid = dict(db.execute("SELECT id_fin, sum(montant) FROM versements GROUP BY id_fin"))
    return {(id_op, funder): (round((planned or 0) * 100), round((engaged or 0) * 100),
                              round((paid.get(id_fin) or 0) * 100))
            for id_fin, id_op, funder, planned, engaged in lines}


def test_the_imported_lines_and_payments_are_the_generators(money):
    want = {(int(r["id_op"]), r["financeur"]): (int(r["prevu"]), int(r["engage"]),
                                                int(r["verse"])) for r in truth(money["sample"])}
    assert stored(money["gpkg"]) == want
    with sqlite3.connect(money["gpkg"]) as db:
        dates = dict(db.execute("SELECT id_op, date_notification FROM operations WHERE "
                                "date_notification IS NOT NULL"))
        costs = dict(db.execute("SELECT id_op, cout_total_ttc FROM operations WHERE "
                                "cout_total_ttc IS NOT NULL"))
    for row in truth(money["sample"]):
        assert dates[int(row["id_op"])] == row["notification"]
        assert round(costs[int(row["id_op"])] * 100) == int(row["cout"])


def test_each_faulty_payment_line_is_an_anomaly_with_its_reason(money):
    with open(str(money["out"] / "anomalies_mandats_ddtm.csv"), encoding="utf-8") as handle:
        found = {(int(r["ligne"]), r["motif"]) for r in csv.DictReader(handle)}
    assert found == expected_anomalies(money["sample"])
    result = money["results"]["mandats_ddtm"]
    assert result["N_REJECTED"] == len(found) - 1    # the total line is not a refusal
    with open(str(money["out"] / "anomalies_financement_plan.csv"), encoding="utf-8") as h:
        assert list(csv.DictReader(h)) == []


def independent_summary(sample):
    """Per EPCI and for the programme: planned, engaged, paid, still to pay (cents)."""
    epci = {}
    with sqlite3.connect(os.path.join(sample, "programmation", "programmation.gpkg")) as db:
        epci = dict(db.execute("SELECT id_op, epci FROM operations"))
    sums = {}
    for row in truth(sample):
        planned, engaged, paid = int(row["prevu"]), int(row["engage"]), int(row["verse"])
        for key in (epci[int(row["id_op"])], "ERBM 59-62"):
            cell = sums.setdefault(key, [0, 0, 0, 0])
            cell[0] += planned
            cell[1] += engaged
            cell[2] += paid
            cell[3] += max(engaged - paid, 0)
    return sums


def test_the_recap_figures_are_the_independent_sums(money):
    book = openpyxl.load_workbook(str(money["out"] / "recap.xlsx"))
    sheet = book["Synthèse"]
    rows = {}
    for row in sheet.iter_rows(min_row=5, values_only=True):
        if row[0] in ("EPCI", "Programme"):
            key = row[1] if row[0] == "Programme" else row[1]
            rows[key] = [round(v * 100) for v in row[2:6]]
    want = independent_summary(money["sample"])
    assert rows["ERBM 59-62"] == want["ERBM 59-62"]
    from osp_erbm.osp_qgis.territory import Territory
    territory = Territory.from_reference()
    for code, figures in want.items():
        if code != "ERBM 59-62":
            assert rows[territory.epci_name(code) or code] == figures, code
    total = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0] == "Programme")
    state = sum(int(r["engage"]) for r in truth(money["sample"]) if r["financeur"] == "ETAT")
    engaged = want["ERBM 59-62"][1]
    assert total[6] == pytest.approx(state / engaged)
    assert total[7] == pytest.approx((engaged - state) / state)


def test_the_alerts_are_those_the_generator_planted(money):
    book = openpyxl.load_workbook(str(money["out"] / "recap.xlsx"))
    alerts = [r for r in book["Alertes"].iter_rows(min_row=5, values_only=True) if r[0]]
    kinds = {}
    for nom, _, _, label, _ in alerts:
        kinds.setdefault(label, set()).add(nom)
    rows = truth(money["sample"])
    with sqlite3.connect(money["gpkg"]) as db:
        names = dict(db.execute("SELECT id_op, nom FROM operations"))
    lapsed = {names[int(r["id_op"])] for r in rows if r["notification"] == "2019-06-15"}
    finished = {names[int(r["id_op"])] for r in rows if r["achevement"]}
    near = {names[int(r["id_op"])] for r in rows if r["notification"] == "2021-04-01"
            and not r["achevement"]}
    by_op = {}
    for r in rows:
        by_op.setdefault(int(r["id_op"]), [0, int(r["cout"])])[0] += int(r["prevu"])
    short = {names[i] for i, (planned, cost) in by_op.items() if planned != cost}
    assert kinds["Délai d'achèvement dépassé"] == lapsed and len(lapsed) == 1
    assert kinds["Achevée sans demande de solde"] == finished and len(finished) == 1
    assert kinds["Délai d'achèvement proche"] == near
    assert kinds["Plan de financement ≠ coût total"] == short and len(short) == 1
    assert set(kinds) == {"Délai d'achèvement dépassé", "Achevée sans demande de solde",
                          "Délai d'achèvement proche", "Plan de financement ≠ coût total"}
    assert money["results"]["recap"]["N_ALERTS"] == len(alerts)


def test_the_pdfs_and_the_workbook_open_and_read_right(money, artifacts):
    folder = str(money["out"] / "pdf")
    names = sorted(os.listdir(folder))
    assert "financement_epci_CABBALR.pdf" in names and "financement_bailleur_SIA.pdf" in names
    text = unicodedata.normalize("NFKC", subprocess.run(    # « ﬁ » ligatures of the font
        ["pdftotext", "-layout", os.path.join(folder, names[0]), "-"], capture_output=True,
        text=True).stdout)
    assert "Suivi financier" in text and "Situation au 07/12/2026" in text and "TOTAL" in text
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1",
                    os.path.join(folder, "financement_epci_CABBALR.pdf"),
                    os.path.join(artifacts, "financement_epci")], check=True)
    converted = str(money["out"] / "lo")
    done = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                           converted, str(money["out"] / "recap.xlsx")],
                          capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, HOME=str(money["out"])))
    assert os.path.exists(os.path.join(converted, "recap.pdf")), done.stderr
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1",
                    os.path.join(converted, "recap.pdf"),
                    os.path.join(artifacts, "financement_recap")], check=True)


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def test_an_interrupted_import_leaves_the_file_as_it_was(money, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    gpkg = str(tmp_path / "p.gpkg")
    shutil.copyfile(money["gpkg"], gpkg)
    before = digest(gpkg)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException):
        run("osp:financement_import", {
            "INPUT": os.path.join(money["sample"], "programmation", "financement_plan.xlsx"),
            "OPERATIONS": gpkg, "ANOMALIES": str(tmp_path / "a.csv")}, feedback)
    assert digest(gpkg) == before and sorted(os.listdir(str(tmp_path))) == ["p.gpkg"]


def hostile(path, rows, merged=None):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merged:
        sheet.merge_cells(merged)
    book.save(path)


@pytest.mark.parametrize("name, rows, motifs", [
    ("formules", [["Opération", "Financeur", "Montant versé", "Date de versement"],
                  ["=HYPERLINK(\"x\")", "Etat", "10", "01/01/2022"]], {"operation_inconnue"}),
    ("negatifs", [["Identifiant de l'opération", "Financeur", "Montant prévu"],
                  [1, "Etat", -10]], {"montant_negatif"}),
    ("milliers", [["Identifiant de l'opération", "Financeur", "Montant prévu"],
                  [1, "CEE", "1'234,50"], [1, "FEDER", "1.234.5"]], {"montant_illisible"}),
    ("dates", [["Identifiant de l'opération", "Financeur", "Montant engagé",
                "Date d'engagement"], [1, "CEE", 10, "le 3 mars"]], {"date_illisible"}),
])
def test_hostile_sheets_give_anomalies_never_a_traceback(money, tmp_path, name, rows, motifs):
    gpkg = str(tmp_path / "p.gpkg")
    shutil.copyfile(money["gpkg"], gpkg)
    path = str(tmp_path / (name + ".xlsx"))
    hostile(path, rows)
    run("osp:financement_import", {"INPUT": path, "OPERATIONS": gpkg,
                                   "ANOMALIES": str(tmp_path / "a.csv")})
    with open(str(tmp_path / "a.csv"), encoding="utf-8") as handle:
        found = [r for r in csv.DictReader(handle)]
    assert {r["motif"] for r in found} >= motifs
    if name == "milliers":   # « 1'234,50 » is read, « 1.234.5 » is not
        assert stored(gpkg)[(1, "CEE")][0] == 123450


def test_ten_thousand_lines_and_merged_cells(money, tmp_path):
    gpkg = str(tmp_path / "p.gpkg")
    shutil.copyfile(money["gpkg"], gpkg)
    rows = [["Identifiant de l'opération", "Financeur", "Date de versement", "Montant versé"]]
    rows += [[1, "Etat", "01/01/2023", 0.01] for _ in range(10000)]
    path = str(tmp_path / "gros.xlsx")
    hostile(path, rows, merged="A2:A4")
    result = run("osp:financement_import", {"INPUT": path, "OPERATIONS": gpkg,
                                            "ANOMALIES": str(tmp_path / "a.csv")})
    assert result["N_READ"] == 10000
    # the same payment twice is refused once recorded: one accepted, the rest duplicates
    assert result["N_PAYMENTS"] + result["N_REJECTED"] == 10000 and result["N_PAYMENTS"] <= 1


def test_no_sheet_header_is_a_french_error(money, tmp_path):
    from qgis.core import QgsProcessingException
    path = str(tmp_path / "vide.xlsx")
    hostile(path, [["a", "b"], [1, 2]])
    with pytest.raises(QgsProcessingException, match="en-tête financière"):
        run("osp:financement_import", {"INPUT": path, "OPERATIONS": money["gpkg"],
                                       "ANOMALIES": str(tmp_path / "a.csv")})


# -- PostGIS: a team's programmation, and the shared base's rights --------------------------------
def load_operations(dsn, gpkg, schema):
    """The sample programmation's operations appended to a PostGIS programmation (GDAL)."""
    from osgeo import gdal
    gdal.UseExceptions()
    written = gdal.VectorTranslate("PG:" + dsn, gpkg, format="PostgreSQL", accessMode="append",
                                   layers=["operations"], layerName=schema + ".operations",
                                   options=["-unsetFid"])
    assert written is not None
    del written       # GDAL writes when the dataset is released


def test_the_round_trip_in_postgis_gives_the_same_lines(money, postgis, tmp_path):
    dsn = "dbname=%(dbname)s host=%(host)s port=%(port)s user=%(user)s" % postgis
    target = "postgres:%s schema=prog_fin" % dsn
    run("osp:programmation_init", {"OUTPUT": target})
    load_operations(dsn, os.path.join(money["sample"], "programmation", "programmation.gpkg"),
                    "prog_fin")
    for name in ("financement_plan", "mandats_ddtm"):
        run("osp:financement_import", {
            "INPUT": os.path.join(money["sample"], "programmation", name + ".xlsx"),
            "OPERATIONS": target, "ANOMALIES": str(tmp_path / ("a_%s.csv" % name))})
    rows = postgis["psql"](
        "SELECT f.id_op, f.financeur, round(f.montant_prevu * 100), "
        "round(coalesce(f.montant_engage, 0) * 100), round(coalesce(sum(v.montant), 0) * 100)"
        " FROM prog_fin.financements f LEFT JOIN prog_fin.versements v USING (id_fin) "
        "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2")
    got = {(int(a), b): (int(c), int(d), int(e)) for a, b, c, d, e in
           (line.split("|") for line in rows.split())}
    assert got == stored(money["gpkg"])
    result = run("osp:financement_recap", {"OPERATIONS": target, "DATE": FINANCE_DATE,
                                           "OUTPUT_XLSX": str(tmp_path / "recap.xlsx")})
    assert result["N_ALERTS"] == money["results"]["recap"]["N_ALERTS"]
    # the server refuses what the form refuses
    with pytest.raises(subprocess.CalledProcessError):
        postgis["psql"]("UPDATE prog_fin.financements SET montant_prevu = -1 WHERE id_fin = 1")


def test_in_the_shared_base_each_partner_writes_only_its_lines(qgis_app, postgis, tmp_path):
    import psycopg2
    from test_base_partagee import database_string
    postgis["psql"]("create database osp_fin", dbname="postgres")
    dsn = database_string(postgis, "osp_fin")
    run("osp:init_base", {"DATABASE": dsn})
    passwords = {}
    for login, group in (("mc9", "osp_bailleur_mc"), ("call9", "osp_epci_call"),
                         ("adm9", "osp_admin")):
        path = str(tmp_path / (login + ".txt"))
        run("osp:ajouter_utilisateur", {"DATABASE": dsn, "LOGIN": login, "GROUP": group,
                                        "PASSWORD_FILE": path})
        with open(path, encoding="utf-8") as handle:
            passwords[login] = handle.read().split("Mot de passe : ")[1].strip()
    postgis["psql"]("INSERT INTO osp.operations (id_op, nom, bailleur, epci, annee_prog, "
                    "version) VALUES (1, 'MC CALL LENS', 'M&C', 'CALL', 2021, 1), "
                    "(2, 'SIA CAHC CARVIN', 'SIA', 'CAHC', 2021, 1)", dbname="osp_fin")

    def as_(login, sql, values=()):
        connection = psycopg2.connect(database_string(postgis, "osp_fin", login,
                                                      passwords[login]))
        try:
            with connection, connection.cursor() as cursor:
                cursor.execute(sql, values)
                return cursor.fetchall() if cursor.description else cursor.rowcount
        finally:
            connection.close()
    insert = "INSERT INTO osp.financements (id_fin, id_op, financeur, montant_prevu) " \
             "VALUES (%s, %s, %s, %s)"
    as_("mc9", insert, (1, 1, "REGION", 1000))            # its operation, not the State's
    as_("call9", insert, (2, 1, "EPCI", 500))              # the EPCI's own line
    as_("adm9", insert, (3, 1, "ETAT", 9000))              # the State's line: the DDTM
    for login, values in (("mc9", (4, 1, "ETAT", 1)), ("mc9", (5, 2, "REGION", 1)),
                          ("call9", (6, 1, "REGION", 1)), ("mc9", (7, 1, "EPCI", 1))):
        with pytest.raises(psycopg2.Error):
            as_(login, insert, values)
    with pytest.raises(psycopg2.Error):   # a form rule, as a CHECK
        as_("adm9", insert, (8, 1, "CEE", -5))
    as_("mc9", "UPDATE osp.operations SET cout_total_ttc = 100000, date_notification = "
               "'2021-04-01', version = version + 1 WHERE id_op = 1")
    with pytest.raises(psycopg2.Error):   # the financial state is the DDTM's
        as_("mc9", "UPDATE osp.operations SET etat_financier = 'solde', version = version + 1 "
                   "WHERE id_op = 1")
    assert as_("mc9", "SELECT id_fin FROM osp.financements ORDER BY 1") == [(1,), (2,), (3,)]
    assert int(postgis["psql"]("SELECT count(*) FROM osp.audit WHERE table_nom = "
                               "'financements'", dbname="osp_fin")) == 3


def test_the_ambition_gains_the_money_committed_and_paid_per_year(money, tmp_path):
    """« Suivi de l'ambition » of the CRHH recap: committed and paid per year, all funders
    and the State's, equal to SQLite's sums over the stored lines and payments."""
    run("osp:programmation_recap", {"OPERATIONS": money["gpkg"], "ANNEE": 2021,
                                    "OUTPUT_XLSX": str(tmp_path / "recap.xlsx"),
                                    "OUTPUT_FOLDER": str(tmp_path / "pdf")})
    with sqlite3.connect(money["gpkg"]) as db:
        db.execute("CREATE TEMP VIEW ok AS SELECT id_op FROM operations "
                   "WHERE coalesce(statut, '') <> 'annule'")
        engaged = dict(db.execute(
            "SELECT substr(date_engagement, 1, 4), round(sum(montant_engage) * 100) "
            "FROM financements WHERE id_op IN ok AND date_engagement IS NOT NULL GROUP BY 1"))
        state = dict(db.execute(
            "SELECT substr(date_engagement, 1, 4), round(sum(montant_engage) * 100) "
            "FROM financements WHERE id_op IN ok AND financeur = 'ETAT' "
            "AND date_engagement IS NOT NULL GROUP BY 1"))
        paid = dict(db.execute(
            "SELECT substr(date, 1, 4), round(sum(montant) * 100) FROM versements "
            "WHERE id_op IN ok GROUP BY 1"))
    assert engaged and paid
    ws = openpyxl.load_workbook(str(tmp_path / "recap.xlsx"))["Suivi de l'ambition"]
    header = next(r for r in range(1, ws.max_row + 1)
                  if ws.cell(row=r, column=2).value == "Engagé, tous financeurs (€)")
    seen = {}
    for row in range(header + 1, header + 11):
        year = ws.cell(row=row, column=1).value
        seen[year] = [round((ws.cell(row=row, column=c).value or 0) * 100) for c in (2, 3, 4)]
    for year, values in seen.items():
        assert values == [engaged.get(year, 0), paid.get(year, 0), state.get(year, 0)], year
    assert sum(v[0] for v in seen.values()) == sum(
        v for y, v in engaged.items() if y in seen)
