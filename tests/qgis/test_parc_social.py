"""osp:geocoder_rpls and osp:indicateurs_parc_social in real QGIS, on real public data:
Narbonne's RPLS (commune level, QPV flag of the file), Bondy's BAN addresses (an RPLS-style
file written from them, a 200 m grid, choropleth rendered to PNG)."""
import os
import random
import re
import sqlite3
import subprocess

import pytest
from conftest import shared_path

QGIS_PROCESS = "qgis_process.bin"


ADMIN_TABLES = ("communes", "communes_qpv", "epci", "departements", "ensemble")


def levels_table(path):
    """The administrative levels' rows of an indicators GeoPackage, broad to fine (a file
    outside the reference tables' départements has no EPCI table)."""
    with sqlite3.connect(path) as db:
        present = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
    return [row for name in reversed(ADMIN_TABLES) if name in present
            for row in table(path, name)]


def table(path, name):
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute('SELECT * FROM "%s"' % name.replace('"', '""'))]


class Log:
    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def pushInfo(inner, text):
                self.lines.append(text)

            def pushWarning(inner, text):
                self.lines.append(text)

        self.lines = []
        self.feedback = Feedback()

    @property
    def text(self):
        return "\n".join(self.lines)


@pytest.fixture(scope="module")
def bondy_rpls(tmp_path_factory):
    """An RPLS-style file (Latin-1, ``,``) of 2500 rows on real Bondy addresses, types
    abbreviated, with the expected Lambert-93 point and attributes of each row."""
    import pandas as pd
    raw = pd.read_csv(shared_path("adresses", "ban_adresses_93010.csv"), dtype=str,
                      keep_default_na=False)
    raw = raw[raw["rep"] == ""]
    raw = raw[~raw.duplicated(["numero", "nom_voie"], keep=False)]
    chosen = raw.sample(n=2500, random_state=93)
    rng = random.Random(93010)
    short = {"Rue": "R", "Avenue": "AV", "Allée": "ALL", "Allee": "ALL", "Place": "PL",
             "Impasse": "IMP", "Chemin": "CHE", "Route": "RTE"}
    lines = ["DEPCOM,LIBCOM,NUMVOIE,INDREP,TYPVOIE,NOMVOIE,NBPIECE,SURFHAB,CONSTRUCT,FINAN,"
             "DPEENERGIE,QPV,MODE"]
    expected = []
    for row in chosen.itertuples(index=False):
        first, _, rest = row.nom_voie.partition(" ")
        typ, name = (short[first], rest) if first in short and rest else ("", row.nom_voie)
        pieces, year = rng.randint(1, 6), rng.choice([1930, 1962, 1968, 1978, 1995, 2010])
        label, finan = rng.choice("ABCDEFG"), rng.choice(["10", "12", "14", "16"])
        lines.append(",".join(["93010", "BONDY", row.numero, "", typ, name.upper(),
                               str(pieces), str(rng.randint(30, 110)), str(year), finan,
                               label, rng.choice(["1", "2"]), rng.choice(["1", "1", "2"])]))
        expected.append({"x": float(row.x), "y": float(row.y), "pieces": pieces,
                         "year": year, "label": label})
    path = tmp_path_factory.mktemp("bondy") / "rpls_bondy.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1", errors="replace"))
    return str(path), expected


def test_geocoder_places_every_row_on_its_ban_point(qgis_app, bondy_rpls, tmp_path):
    import processing
    path, expected = bondy_rpls
    out = str(tmp_path / "rpls_geo.gpkg")
    log = Log()
    result = processing.run("osp:geocoder_rpls", {
        "INPUT": path, "ADDRESSES": shared_path("adresses", "ban_adresses_93010.csv"),
        "OUTPUT": out}, feedback=log.feedback)
    assert result["N_ROWS"] == len(expected) and result["N_NUMERO"] == len(expected)
    assert "au numéro : 2500 lignes (100,0 %)" in log.text
    with sqlite3.connect(out) as db:
        db.enable_load_extension(True)
        rows = db.execute('SELECT ligne, geoloc_precision, geoloc_score, NOMVOIE, '
                          'ST_X(GeomFromGPB(geom)), ST_Y(GeomFromGPB(geom)) FROM rpls_geo '
                          'ORDER BY ligne').fetchall() if _spatialite(db) else None
    if rows is None:
        from qgis.core import QgsVectorLayer
        layer = QgsVectorLayer(out, "g", "ogr")
        rows = sorted((f["ligne"], f["geoloc_precision"], f["geoloc_score"], f["NOMVOIE"],
                       f.geometry().asPoint().x(), f.geometry().asPoint().y())
                      for f in layer.getFeatures())
    assert len(rows) == len(expected)
    for (line, precision, score, _, x, y), want in zip(rows, expected):
        assert precision == "numero" and score == 1.0
        assert abs(x - want["x"]) < 0.01 and abs(y - want["y"]) < 0.01, line


def _spatialite(db):
    try:
        db.load_extension("mod_spatialite")
        return True
    except sqlite3.OperationalError:
        return False


def test_narbonne_at_commune_level_with_its_qpv_flag(qgis_app, tmp_path):
    import processing
    out = str(tmp_path / "narbonne.gpkg")
    log = Log()
    result = processing.run("osp:indicateurs_parc_social", {
        "RPLS": shared_path("rpls", "rpls_narbonne_par_adresse.csv"),
        "ZONES": [shared_path("territoires", "qpv_narbonne_11262.geojson")],
        "OUTPUT": out}, feedback=log.feedback)
    assert result["N_ROWS"] == 1170 and result["N_DWELLINGS"] == 6043
    # no BAN extract for Narbonne: the summary says every row is at commune level
    assert "à la commune : 1170 lignes (100,0 %), 6\u202f043 logements (100,0 %)" in log.text
    assert "1170 lignes ne sont localisées qu'à la commune" in log.text
    rows = {r["code"]: r for r in levels_table(out)}
    assert rows["11262"]["nom"] == "Narbonne" and rows["11262"]["logements"] == 6043
    assert rows["11262|QPV"]["logements"] == 2437
    assert rows["11262|HORS_QPV"]["logements"] == 3606
    assert rows["11262"]["part_en_qpv"] == round(100 * 2437 / 6043, 1)
    assert rows["11262|QPV"]["n_dpe_a"] is None and rows["11262|QPV"]["secret"] == "partiel"
    # the real QPV contours are there, with no dwelling located inside them
    zones = table(out, "zones_qpv_narbonne_11262")
    assert len([z for z in zones if not z["code"] == "ENSEMBLE"]) == 3
    assert all(z["logements"] == 0 for z in zones)
    styles = table(out, "layer_styles")
    assert {s["f_table_name"] for s in styles} >= {"communes", "zones_qpv_narbonne_11262"}


def test_bondy_grid_figures_choropleth_and_legend_counts(qgis_app, bondy_rpls, tmp_path,
                                                         artifacts):
    """A 200 m INSEE grid over Bondy: dwellings per cell against an independent count, the
    secrecy of small cells, the legend's class counts, and the map rendered to PNG."""
    import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    path, expected = bondy_rpls
    out = str(tmp_path / "bondy.gpkg")
    processing.run("osp:indicateurs_parc_social", {
        "RPLS": path, "ADDRESSES": shared_path("adresses", "ban_adresses_93010.csv"),
        "GRID_SIZE": 200, "OUTPUT": out})
    to_laea = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                     QgsCoordinateReferenceSystem("EPSG:3035"),
                                     QgsProject.instance())
    counts = {}
    for want in expected:
        p = to_laea.transform(QgsPointXY(want["x"], want["y"]))
        cell = "CRS3035RES200mN%dE%d" % (int(p.y() // 200 * 200), int(p.x() // 200 * 200))
        counts[cell] = counts.get(cell, 0) + 1
    cells = {r["code"]: r for r in table(out, "carreaux_200m")}
    assert set(cells) - {"ENSEMBLE"} == set(counts)
    assert cells["ENSEMBLE"]["logements"] == len(expected)
    shown = 0
    for code, n in counts.items():
        if cells[code]["logements"] is None:
            assert cells[code]["secret"] == "zone"
        else:
            assert cells[code]["logements"] == n
            shown += 1
    assert all(cells[c]["logements"] is None for c, n in counts.items() if n < 11)
    assert shown >= len(counts) // 2
    # the legend's class counts add up to the cells
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer("%s|layername=carreaux_200m" % out, "carreaux", "ogr")
    layer.loadDefaultStyle()
    labels = [rule.label() for rule in layer.renderer().rootRule().children()]
    total = sum(int(label.rsplit("(", 1)[1].rstrip(")")) for label in labels)
    assert total == layer.featureCount() and "secret (s)" in labels[-1]
    png = os.path.join(artifacts, "parc_social_carreaux_bondy.png")
    render(layer, png)
    assert os.path.getsize(png) > 5000


def render(layer, png):
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent().buffered(100))
    settings.setOutputSize(QSize(900, 900))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(png)


def test_through_qgis_process_with_a_damaged_file(tmp_path):
    """The command line, a Latin-1 ``;`` file whose rows are partly unreadable: every row
    comes out, none invented; a file that is no RPLS gets a French message."""
    path = tmp_path / "rpls.csv"
    path.write_bytes(("DEPCOM;NUMVOIE;TYPVOIE;NOMVOIE;NBPIECE;nb;fid;ligne\n"
                      "59350;3;R;DE LA RÉPUBLIQUE;3;4;a;x\n"
                      "XXXX;;;=HYPERLINK(\"x\");deux;-1;b;y\n"
                      "Total;;;;;5;c;z\n").encode("latin-1"))
    import install_profile
    profile = tmp_path / "profil"
    install_profile.install(str(profile))
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    out = str(tmp_path / "geo.gpkg")
    done = subprocess.run([QGIS_PROCESS, "run", "osp:geocoder_rpls", "--",
                           "INPUT=%s" % path, "OUTPUT=%s" % out], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    rows = table(out, "geo")
    assert len(rows) == 3
    assert rows[1]["NOMVOIE"] == '=HYPERLINK("x")'
    # the file's own « fid » and « ligne » columns are kept beside ours
    assert [r["fid_fichier"] for r in rows] == ["a", "b", "c"]
    assert [r["ligne_2"] for r in rows] == ["x", "y", "z"] and rows[0]["ligne"] == 2
    assert "code commune illisible" in rows[1]["anomalies"]
    assert "nombre de logements illisible" in rows[1]["anomalies"]
    assert [r["geoloc_precision"] for r in rows] == ["commune", "non_localise", "non_localise"]
    bad = tmp_path / "liste.csv"
    bad.write_text("nom;prénom\nA;B\n", encoding="utf-8")
    done = subprocess.run([QGIS_PROCESS, "run", "osp:geocoder_rpls", "--",
                           "INPUT=%s" % bad, "OUTPUT=%s" % str(tmp_path / "x.gpkg")], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "aucune ligne d'en-tête RPLS" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not os.path.exists(str(tmp_path / "x.gpkg"))



# -- the sample Bassin-minier territory: RPLS, OPS, cités, communes, EPCI ---------------------
@pytest.fixture(scope="module")
def bassin(qgis_app, sample_data, pipeline, tmp_path_factory):
    import processing
    sample = str(sample_data)
    folder = tmp_path_factory.mktemp("bassin")
    out = str(folder / "parc_social.gpkg")
    book = str(folder / "parc_social.xlsx")
    log = Log()
    result = processing.run("osp:indicateurs_parc_social", {
        "RPLS": os.path.join(sample, "parc_social", "rpls_bassin.csv"),
        "ADDRESSES": os.path.join(sample, "parc_social", "adresses_ban.csv"),
        "OPS": os.path.join(sample, "parc_social", "ops_bassin.csv"),
        "COMMUNES": os.path.join(sample, "territoire.gpkg") + "|layername=communes",
        "ZONES": [os.path.join(sample, "territoire.gpkg") + "|layername=cites"],
        "RPLS_AVANT": os.path.join(sample, "parc_social", "rpls_bassin_2015.csv"),
        "ANALYSE": pipeline["layer"], "VINTAGE": "RPLS au 1er janvier 2024",
        "OUTPUT": out, "WORKBOOK": book}, feedback=log.feedback)
    return {"out": out, "book": book, "result": result, "log": log.text, "sample": sample,
            "analyse": pipeline["layer"]}


def independent_bassin(sample):
    """Figures per cité, commune and EPCI from the generator's own files and truth."""
    import pandas as pd
    import sample_data
    folder = os.path.join(sample, "parc_social")
    rpls = pd.read_csv(os.path.join(folder, "rpls_bassin.csv"), sep=";", dtype=str,
                       encoding="cp1252", keep_default_na=False)
    truth = pd.read_csv(os.path.join(folder, "verite.csv"), sep=";", dtype=str)
    ops = pd.read_csv(os.path.join(folder, "ops_bassin.csv"), sep=";", dtype=str,
                      keep_default_na=False)
    rpls = rpls.merge(truth, left_on="IDENT_REP", right_on="ident_rep")
    epci = {insee: sample_data.EPCI[sigle][0] for insee, _, sigle in sample_data.COMMUNES}
    rpls["epci"] = rpls["DEPCOM"].map(epci)
    ops = ops.merge(rpls[["IDENT_REP", "id_cite", "DEPCOM", "epci"]], on="IDENT_REP")
    income = pd.to_numeric(ops["REVENU_PLAFOND"].str.replace(" %", "", regex=False)
                           .str.replace(",", ".", regex=False), errors="coerce")
    out = {}
    for level, key in (("cite", "id_cite"), ("commune", "DEPCOM"), ("epci", "epci")):
        for code, part in rpls.groupby(key):
            households = ops[ops[key] == code]
            incomes = income[households.index]
            out[(level, code)] = {
                "logements": len(part), "n_t3": int((part["NBPIECE"] == "3").sum()),
                "n_dpe_e": int((part["DPEENERGIE"] == "E").sum()),
                "n_en_qpv": int((part["QPV"] == "1").sum()),
                "n_vacants": int((part["MODE"] == "2").sum()),
                "annee_moyenne": round(pd.to_numeric(part["CONSTRUCT"]).mean(), 0),
                "menages": len(households),
                "n_men_seule": int(households["COMPOSITION"].isin(
                    ["1", "Personne seule"]).sum()),
                "n_act_retraite": int(households["ACTIVITE_PR"].isin(["3", "Retraité"]).sum()),
                "n_rev_0_20": int((incomes < 20).sum()),
                "n_rev_40_60": int(((incomes >= 40) & (incomes < 60)).sum())}
    return out


def test_bassin_indicators_per_cite_commune_epci_match_the_generator(bassin):
    assert bassin["result"]["N_ROWS"] == 1500
    assert bassin["result"]["N_HOUSEHOLDS"] > 900
    assert "3 ménages OPS sans logement RPLS correspondant" in bassin["log"]
    assert "2 lignes OPS avec des valeurs illisibles" in bassin["log"]
    published = {("commune", r["code"]): r for r in table(bassin["out"], "communes")}
    published.update({("epci", r["code"]): r for r in table(bassin["out"], "epci")})
    published.update({("cite", r["code"]): r for r in table(bassin["out"], "zones_cites")
                      if r["code"] != "ENSEMBLE"})
    expected = independent_bassin(bassin["sample"])
    assert set(expected) <= set(published)
    shown = hidden = 0
    for key, figures in expected.items():
        row = published[key]
        for field, value in figures.items():
            if row[field] is None:
                hidden += 1
                assert row["secret"] in ("zone", "partiel")
                continue
            assert row[field] == pytest.approx(value), (key, field)
            shown += 1
    assert shown > hidden > 0
    # totals are what readers need most: secondary secrecy takes categories first
    assert all(r["logements"] is not None for r in table(bassin["out"], "epci"))
    assert all(r["logements"] is not None for r in table(bassin["out"], "communes")
               if r["logements"] is None or r["logements"] >= 11)
    # every small count is hidden
    for key, figures in expected.items():
        for field, value in figures.items():
            if (field.startswith("n_") or field in ("logements", "menages")) and 0 < value < 11:
                assert published[key][field] is None, (key, field, value)


def test_bassin_published_tables_resist_the_attack(bassin):
    """Rebuild every cell of the administrative tables from what it publishes (counts, and
    sums as mean × count), with the relations of the territory (QPV parts → commune →
    EPCI → département → ensemble; categories → totals): no masked cell can be recomputed."""
    import numpy as np
    import sample_data
    from secrecy_attack import administrative_groups, recomputable

    from osp_qgis.parc_social import indicators
    rows = levels_table(bassin["out"])
    fields = ["logements", "menages"] + sorted(c for c in rows[0] if c.startswith("n_"))
    key = {(r["niveau"], r["code"]): i for i, r in enumerate(rows)}
    width = len(fields)
    values = np.array([[np.nan if r[f] is None else r[f] for f in fields] for r in rows],
                      dtype=float).ravel()
    masked = np.isnan(values)
    assert masked.any()

    def cell(k, field):
        return key[k] * width + fields.index(field)

    relations = []
    for k in key:
        for category_fields in indicators.families().values():
            parts = ["n_" + f for f in category_fields if "n_" + f in fields]
            if parts:
                unit = indicators.unit_of(parts[0])
                relations.append(([cell(k, p) for p in parts], cell(k, unit)))
    epci = {insee: sample_data.EPCI[sigle][0] for insee, _, sigle in sample_data.COMMUNES}
    groups = administrative_groups(key, epci, ("Commune, en / hors QPV", "Commune", "EPCI",
                                              "Département", "Ensemble"))
    for parent, children in groups.items():
        for field in fields:
            relations.append(([cell(c, field) for c in children], cell(parent, field)))
    assert recomputable(np.nan_to_num(values), masked, relations) == []


def test_bassin_workbook_shows_the_layer_figures_and_s_for_secrecy(bassin, tmp_path,
                                                                   artifacts):
    import shutil

    import openpyxl
    book = openpyxl.load_workbook(bassin["book"])
    assert book.sheetnames[0] == "Synthèse" and book.sheetnames[-1] == \
        "Sources et secret statistique"
    assert {"Typologie", "Énergie", "Financement", "Ménages", "Revenus", "Vacance"} <= \
        set(book.sheetnames)
    rows = {(r["niveau"], r["code"]): r for r in levels_table(bassin["out"])}
    ws = book["Typologie"]
    header = [c.value for c in ws[4]]
    assert header[:4] == ["Niveau", "Code", "Territoire", "Logements sociaux"]
    assert ws.cell(row=3, column=5).value == "T1"
    checked = secret = 0
    for line in ws.iter_rows(min_row=5, values_only=True):
        if line[0] != "Commune":
            continue
        row = rows[("Commune", line[1])]
        for value, field in zip(line[3:], ["logements", "n_t1", "part_t1", "n_t2", "part_t2",
                                           "n_t3", "part_t3"]):
            if row[field] is None:
                assert value == "s"
                secret += 1
            else:
                assert value == row[field]
                checked += 1
    assert checked > 20 and secret > 0
    sources = book["Sources et secret statistique"]
    text = " ".join(str(c.value) for line in sources.iter_rows() for c in line if c.value)
    assert "rpls_bassin.csv" in text and "ops_bassin.csv" in text and "Seuil : 11" in text
    assert "RPLS au 1er janvier 2024" in text
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    assert soffice, "LibreOffice absent : `make test` installe libreoffice-calc"
    env = dict(os.environ, HOME=str(tmp_path))
    done = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                           str(tmp_path), bassin["book"]], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    pdf = str(tmp_path / "parc_social.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    assert "Parc social : indicateurs clés par territoire" in text
    assert "Sources et secret statistique" in text
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", pdf,
                    os.path.join(artifacts, "parc_social_classeur")], check=True)


def expected_total(expected, zone):
    return sum(expected[zone].values())


def test_energy_label_before_and_after_the_works_per_epci(bassin):
    """The renovated dwellings of the analyse layer, found in the two RPLS vintages: classes
    of change per EPCI against an independent count, secrecy unbreakable."""
    import numpy as np
    import pandas as pd
    from secrecy_attack import recomputable
    folder = os.path.join(bassin["sample"], "parc_social")
    read = lambda name: pd.read_csv(os.path.join(folder, name), sep=";", dtype=str,
                                    encoding="cp1252", keep_default_na=False)
    before = dict(zip(read("rpls_bassin_2015.csv")["IDENT_REP"],
                      read("rpls_bassin_2015.csv")["DPEENERGIE"]))
    after = dict(zip(read("rpls_bassin.csv")["IDENT_REP"], read("rpls_bassin.csv")["DPEENERGIE"]))
    path, _, layer = bassin["analyse"].partition("|layername=")
    dwellings = table(path, layer)
    order = tuple("ABCDEFG")
    expected = {}
    for d in dwellings:
        b, a = before.get(d["ident_rep"] or "", ""), after.get(d["ident_rep"] or "", "")
        if b in order and a in order:
            gain = order.index(b) - order.index(a)
            change = "gain_2_plus" if gain >= 2 else "gain_1" if gain == 1 else \
                "inchangee" if gain == 0 else "degradee"
        else:
            change = "non_renseignee"
        for zone in (d["epci"] or "(EPCI non renseigné)", "Ensemble"):
            expected.setdefault(zone, {}).setdefault(change, 0)
            expected[zone][change] += 1
    published = {r["epci"]: r for r in table(bassin["out"], "dpe_avant_apres")}
    assert set(published) == set(expected)
    assert published["Ensemble"]["logements"] == len(dwellings)
    assert all(row["logements"] is not None for row in published.values()
               if expected_total(expected, row["epci"]) >= 11)    # no EPCI total hidden
    assert published["Ensemble"]["gain_2_plus"] == expected["Ensemble"]["gain_2_plus"] > 100
    shown = 0
    for zone, counts in expected.items():
        for change, n in counts.items():
            if published[zone][change] is not None:
                assert published[zone][change] == n, (zone, change)
                shown += 1
            else:
                assert n < 11 or any(published[zone][c] is None and c != change
                                     for c in counts)
    assert shown > 10
    fields = ["logements", "gain_2_plus", "gain_1", "inchangee", "degradee", "non_renseignee"]
    zones = sorted(z for z in published if z != "Ensemble") + ["Ensemble"]
    values = np.array([[np.nan if published[z][f] is None else published[z][f]
                        for f in fields] for z in zones], dtype=float).ravel()
    width = len(fields)
    relations = [([z * width + j for j in range(1, width)], z * width) for z in range(len(zones))]
    relations += [([z * width + j for z in range(len(zones) - 1)], (len(zones) - 1) * width + j)
                  for j in range(width)]
    assert recomputable(np.nan_to_num(values), np.isnan(values), relations) == []
    import openpyxl
    ws = openpyxl.load_workbook(bassin["book"])["DPE avant-après"]
    assert ws.cell(row=4, column=3).value == "Gain de 2 classes ou plus"


def test_fiche_territoire_pages_show_the_published_figures(bassin, tmp_path, artifacts):
    """One page per commune: its name, its figures as the table publishes them (« s » where
    hidden), the bars; pages rendered to PNG."""
    import processing
    pdf = str(tmp_path / "fiches.pdf")
    result = processing.run("osp:fiche_territoire", {
        "INPUT": bassin["out"] + "|layername=communes",
        "FILTER": "\"logements\" > 0", "SPLIT": False, "OUTPUT_PDF": pdf})
    rows = table(bassin["out"], "communes")
    assert result["N_PAGES"] == len(rows) == 24
    pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+24\n", pages), pages
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True).stdout.split("\f")
    by_name = {r["nom"]: r for r in rows}
    seen_secret = False
    for page in text[:24]:
        name = page.strip().splitlines()[0].strip()
        row = by_name[name]
        assert "Logements sociaux" in page and "Typologie" in page
        figure = "{:,}".format(row["logements"]).replace(",", "\u202f")
        assert figure in page, (name, figure)
        if row["part_t2"] is None:
            line = next(l for l in page.splitlines() if l.strip().startswith("T2"))
            assert line.split()[-1] == "s"
            seen_secret = True
        else:
            assert ("%.1f %%" % row["part_t2"]).replace(".", ",") in page
    assert seen_secret
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", pdf,
                    os.path.join(artifacts, "parc_social_fiche")], check=True)


def test_share_of_social_housing_and_the_commune_choropleth(qgis_app, sample_data, tmp_path,
                                                            artifacts):
    """A total-dwellings column on the communes gives the share of social housing; the
    commune map with its legend (class counts) is rendered through a print layout."""
    import processing
    from osgeo import gdal
    from qgis.core import (
        QgsLayoutExporter,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsProject,
        QgsUnitTypes,
        QgsVectorLayer,
    )
    sample = str(sample_data)
    communes = str(tmp_path / "communes.gpkg")
    gdal.VectorTranslate(communes, os.path.join(sample, "territoire.gpkg"),
                         SQLStatement="SELECT *, 250 + 25 * (fid % 7) AS nb_log FROM communes",
                         layerName="communes")
    out = str(tmp_path / "parts.gpkg")
    processing.run("osp:indicateurs_parc_social", {
        "RPLS": os.path.join(sample, "parc_social", "rpls_bassin.csv"),
        "ADDRESSES": os.path.join(sample, "parc_social", "adresses_ban.csv"),
        "COMMUNES": communes + "|layername=communes", "TOTAL_FIELD": "nb_log",
        "OUTPUT": out})
    totals = {r["insee"]: r["nb_log"] for r in table(communes, "communes")}
    rows = table(out, "communes")
    assert len(rows) == len(totals)
    for row in rows:
        assert row["logements_total"] == totals[row["code"]]
        assert row["part_sociaux"] == round(100.0 * row["logements"] / totals[row["code"]], 1)
    layer = QgsVectorLayer(out + "|layername=communes", "Part de logements sociaux", "ogr")
    styles = layer.listStylesInDatabase()
    assert "OSP part_sociaux" in styles[2]
    index = styles[2].index("OSP part_sociaux")
    document_text = layer.getStyleFromDatabase(styles[1][index])[0]
    from qgis.PyQt.QtXml import QDomDocument
    document = QDomDocument()
    document.setContent(document_text)
    assert layer.importNamedStyle(document)[0]
    labels = [r.label() for r in layer.renderer().rootRule().children()]
    assert sum(int(l.rsplit("(", 1)[1].rstrip(")")) for l in labels) == layer.featureCount()
    project = QgsProject.instance()
    project.addMapLayer(layer, False)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    mm = QgsUnitTypes.LayoutUnit.LayoutMillimeters
    item = QgsLayoutItemMap(layout)
    item.attemptMove(QgsLayoutPoint(10, 10, mm))
    item.attemptResize(QgsLayoutSize(170, 170, mm))
    item.setLayers([layer])
    item.setExtent(layer.extent())
    layout.addLayoutItem(item)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().removeAllChildren()
    legend.model().rootGroup().addLayer(layer)
    legend.attemptMove(QgsLayoutPoint(190, 10, mm))
    layout.addLayoutItem(legend)
    png = os.path.join(artifacts, "parc_social_part_sociaux_communes.png")
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 60
    assert QgsLayoutExporter(layout).exportToImage(png, settings) == \
        QgsLayoutExporter.ExportResult.Success
    project.removeMapLayer(layer.id())


def test_file_coordinates_in_any_crs_and_a_point_layer_as_input(qgis_app, tmp_path):
    """The recent geolocalised layout: X, Y, EPSG (here WGS 84 lon/lat from the real Bondy
    BAN) land on the Lambert-93 point; the geocoder's own output read back as input keeps
    its points."""
    import pandas as pd
    import processing
    raw = pd.read_csv(shared_path("adresses", "ban_adresses_93010.csv"), dtype=str,
                      keep_default_na=False).head(40)
    path = tmp_path / "rpls_xy.csv"
    lines = ["DEPCOM;NUMVOIE;TYPVOIE;NOMVOIE;NBPIECE;X;Y;EPSG;QUALITE_XY"]
    for row in raw.itertuples(index=False):
        lines.append(";".join(["93010", row.numero, "", row.nom_voie, "3", row.lon, row.lat,
                               "4326", "11"]))
    lines.append("93010;1;;RUE INCONNUE;2;;;;")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = str(tmp_path / "xy.gpkg")
    result = processing.run("osp:geocoder_rpls", {"INPUT": str(path), "OUTPUT": out})
    assert result["N_XY_SOURCE"] == 40 and result["N_COMMUNE"] == 1
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(out, "xy", "ogr")
    points = {f["ligne"]: f.geometry().asPoint() for f in layer.getFeatures()
              if f.hasGeometry()}
    assert len(points) == 40
    for n, row in enumerate(raw.itertuples(index=False), start=2):
        assert abs(points[n].x() - float(row.x)) < 1.0 and abs(points[n].y() - float(row.y)) < 1.0
    # coordinates of a quality the user does not trust are replaced by the BAN match
    lines[1] = lines[1].rsplit(";", 1)[0] + ";33"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = processing.run("osp:geocoder_rpls", {
        "INPUT": str(path), "XY_QUALITY": "11, 12",
        "ADDRESSES": shared_path("adresses", "ban_adresses_93010.csv"),
        "OUTPUT": str(tmp_path / "checked.gpkg")})
    assert checked["N_XY_SOURCE"] == 39 and checked["N_NUMERO"] == 1
    again = processing.run("osp:geocoder_rpls", {"INPUT": out,
                                                 "OUTPUT": str(tmp_path / "again.gpkg")})
    assert again["N_XY_SOURCE"] == 40 and again["N_ROWS"] == 41


def test_address_and_survey_files_that_are_not_get_french_errors(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    rpls = tmp_path / "rpls.csv"
    rpls.write_text("DEPCOM;NUMVOIE;NOMVOIE\n93010;1;RUE X\n", encoding="utf-8")
    ban = tmp_path / "adresses.csv"
    ban.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="n'a pas la forme d'un fichier "
                                                     "d'adresses BAN"):
        processing.run("osp:geocoder_rpls", {"INPUT": str(rpls), "ADDRESSES": str(ban),
                                             "OUTPUT": str(tmp_path / "g.gpkg")})
    ops = tmp_path / "ops.csv"
    ops.write_text("COMPOSITION;AGE_PR\n1;40\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="ni identifiant RPLS"):
        processing.run("osp:indicateurs_parc_social", {
            "RPLS": str(rpls), "OPS": str(ops), "OUTPUT": str(tmp_path / "i.gpkg")})
    assert not os.path.exists(str(tmp_path / "i.gpkg"))
    with pytest.raises(QgsProcessingException, match="demande les deux"):
        processing.run("osp:indicateurs_parc_social", {
            "RPLS": str(rpls), "RPLS_AVANT": str(rpls), "OUTPUT": str(tmp_path / "i.gpkg")})


def test_ban_with_longitude_and_latitude_only(qgis_app, tmp_path):
    """A BAN extract with lon/lat and no x/y (the national file's WGS 84 columns): points
    come out in Lambert-93, where the real x/y of the same addresses are."""
    import pandas as pd
    import processing
    raw = pd.read_csv(shared_path("adresses", "ban_adresses_93010.csv"), dtype=str,
                      keep_default_na=False)
    raw = raw[raw["rep"] == ""].drop_duplicates(["numero", "nom_voie"], keep=False).head(30)
    ban = tmp_path / "ban_lonlat.csv"
    raw[["numero", "rep", "nom_voie", "code_insee", "lon", "lat"]].to_csv(ban, index=False)
    rpls = tmp_path / "rpls.csv"
    rpls.write_text("DEPCOM;NUMVOIE;NOMVOIE\n" + "".join(
        "93010;%s;%s\n" % (r.numero, r.nom_voie) for r in raw.itertuples()), encoding="utf-8")
    out = str(tmp_path / "g.gpkg")
    result = processing.run("osp:geocoder_rpls", {"INPUT": str(rpls), "ADDRESSES": str(ban),
                                                  "OUTPUT": out})
    assert result["N_NUMERO"] == 30
    from qgis.core import QgsVectorLayer
    points = sorted((f["ligne"], f.geometry().asPoint()) for f in
                    QgsVectorLayer(out, "g", "ogr").getFeatures())
    for (_, point), row in zip(points, raw.itertuples()):
        assert abs(point.x() - float(row.x)) < 1.0 and abs(point.y() - float(row.y)) < 1.0


def test_two_zone_layers_with_the_same_name_give_two_tables(qgis_app, sample_data, tmp_path):
    """« cites » of two files (or a layer named like an administrative level) stay
    apart: each its table, its label, its figures."""
    import processing
    from osgeo import gdal
    sample = str(sample_data)
    other = str(tmp_path / "autre.gpkg")
    gdal.VectorTranslate(other, os.path.join(sample, "territoire.gpkg"), layerName="cites",
                         SQLStatement="SELECT * FROM cites WHERE id_cite <= 10")
    out = str(tmp_path / "deux.gpkg")
    processing.run("osp:indicateurs_parc_social", {
        "RPLS": os.path.join(sample, "parc_social", "rpls_bassin.csv"),
        "ADDRESSES": os.path.join(sample, "parc_social", "adresses_ban.csv"),
        "ZONES": [os.path.join(sample, "territoire.gpkg") + "|layername=cites",
                  other + "|layername=cites"], "OUTPUT": out})
    first, second = table(out, "zones_cites"), table(out, "zones_cites_2")
    assert len(first) == 48 + 1 and len(second) == 10 + 1
    whole = {r["code"]: r["logements"] for r in first}
    assert all(whole[r["code"]] == r["logements"] for r in second if r["code"] != "ENSEMBLE")
    assert {r["niveau"] for r in second} == {"cites_2", "cites_2 (ensemble)"}
    assert len(table(out, "communes")) == 24


def test_cancel_leaves_nothing_and_says_so(qgis_app, sample_data, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    sample = str(sample_data)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    common = {"ADDRESSES": os.path.join(sample, "parc_social", "adresses_ban.csv")}
    with pytest.raises(QgsProcessingException, match="Traitement annulé : rien n'a été écrit"):
        processing.run("osp:geocoder_rpls", dict(
            common, INPUT=os.path.join(sample, "parc_social", "rpls_bassin.csv"),
            OUTPUT=str(tmp_path / "g.gpkg")), feedback=feedback)
    with pytest.raises(QgsProcessingException, match="Traitement annulé : rien n'a été écrit"):
        processing.run("osp:indicateurs_parc_social", dict(
            common, RPLS=os.path.join(sample, "parc_social", "rpls_bassin.csv"),
            ZONES=[os.path.join(sample, "territoire.gpkg") + "|layername=cites"],
            OUTPUT=str(tmp_path / "i.gpkg")), feedback=feedback)
    assert not [n for n in os.listdir(str(tmp_path)) if n.endswith(".gpkg")]
