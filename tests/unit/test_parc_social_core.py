"""The social-stock module as pure functions (no QGIS): RPLS layouts, geolocation on real BAN
addresses, indicators against an independent pandas computation, statistical secrecy
attacked by linear algebra."""
import os
import random
import unicodedata

import numpy as np
import oracle_secret
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from secrecy_attack import administrative_groups, recomputable

from osp_qgis.parc_social import geocode, indicators, rpls, secret, secret_table, zones
from osp_qgis.sheets.read import read_sheet

SHARED = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared",
                                       "data"))


def shared(*parts):
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        pytest.skip("données publiques partagées absentes (%s) : clone sans ../shared" % path)
    return path


def canonical_of(path):
    frame, roles = rpls.rpls_frame(read_sheet(path, accept=rpls.has_rpls_header).rows)
    return frame, roles, rpls.canonical(frame, roles)


# -- the attack (tests/secrecy_attack.py): can a masked cell be recomputed? ------------------
def hierarchy(n_children, n_categories, rng, small=0.3, n_grandchildren=0):
    """A parent zone with ``n_children`` zones (each, optionally, split in
    ``n_grandchildren`` zones), categories and a total per zone: values (zones × columns),
    row relations, zone groups."""
    def zone():
        cats = [rng.choice([0, 1, 2, 3, 5, 8]) if rng.random() < small else
                rng.randint(0, 60) for _ in range(n_categories)]
        return cats + [sum(cats)]

    table, groups, children = [], [], []
    for _ in range(n_children):
        if n_grandchildren:
            leaves = [zone() for _ in range(n_grandchildren)]
            first = len(table)
            table += leaves
            table.append([sum(col) for col in zip(*leaves)])
            groups.append((list(range(first, first + n_grandchildren)), len(table) - 1))
        else:
            table.append(zone())
        children.append(len(table) - 1)
    table.append([sum(table[c][j] for c in children) for j in range(n_categories + 1)])
    groups.append((children, len(table) - 1))
    values = np.array(table, dtype=float)
    rows = [(list(range(n_categories)), n_categories)]
    return values, rows, groups


def flat(values, rows, groups):
    width = values.shape[1]
    out = [([r * width + j for j in parts], r * width + total)
           for r in range(values.shape[0]) for parts, total in rows]
    out += [([r * width + j for r in children], parent * width + j)
            for children, parent in groups for j in range(width)]
    return out


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 6), st.integers(2, 5), st.integers(0, 3), st.integers(0, 10 ** 6))
def test_no_masked_cell_can_be_recomputed(n_children, n_categories, grandchildren, seed):
    rng = random.Random(seed)
    values, rows, groups = hierarchy(n_children, n_categories, rng,
                                     n_grandchildren=grandchildren)
    masked = secret_table.protect_table(values, values, rows, groups, 11)
    primary = (values > 0) & (values < 11)
    assert not (primary & ~masked).any()          # every small cell is hidden
    relations = flat(values, rows, groups)
    assert recomputable(values.ravel(), masked.ravel(), relations) == []
    for parts, total in relations:               # and the relations still hold
        assert values.ravel()[list(parts)].sum() == values.ravel()[total]


def test_the_classic_rectangle():
    #        a   b  total
    # z1     3  20   23
    # z2    15  30   45
    # all   18  50   68
    values = np.array([[3, 20, 23], [15, 30, 45], [18, 50, 68.]])
    rows, groups = [([0, 1], 2)], [([0, 1], 2)]
    masked = secret_table.protect_table(values, values, rows, groups, 11)
    assert masked.ravel().tolist() == [True, True, False, True, True, False, False, False,
                                       False]
    # without the secondary secrecy, the 3 would be 23 - 20
    assert recomputable(values.ravel(), secret.primary_mask(values.ravel(), 11),
                        flat(values, rows, groups)) == [0]
    # the exact algebraic engine agrees on this table
    assert oracle_secret.protect(values.ravel(), values.ravel(), flat(values, rows, groups),
                          11).tolist() == masked.ravel().tolist()


def test_a_department_scale_table_is_protected_in_seconds():
    """900 communes in 30 EPCI, each split in QPV / outside, 12 columns: the certificate
    engine is linear, the exact check would take hours."""
    import time
    rng = random.Random(62)
    n_categories = 11
    table, groups, epcis = [], [], []
    for _ in range(30):
        communes = []
        for _ in range(30):
            parts = []
            for _ in range(2):
                cats = [rng.choice([0, 0, 1, 2, 4, 7, 15, 40]) for _ in range(n_categories)]
                table.append(cats + [sum(cats)])
                parts.append(len(table) - 1)
            table.append([table[parts[0]][j] + table[parts[1]][j]
                          for j in range(n_categories + 1)])
            groups.append((parts, len(table) - 1))
            communes.append(len(table) - 1)
        table.append([sum(table[c][j] for c in communes) for j in range(n_categories + 1)])
        groups.append((communes, len(table) - 1))
        epcis.append(len(table) - 1)
    table.append([sum(table[c][j] for c in epcis) for j in range(n_categories + 1)])
    groups.append((epcis, len(table) - 1))
    values = np.array(table, dtype=float)
    start = time.time()
    masked = secret_table.protect_table(values, values, [(list(range(n_categories)),
                                                          n_categories)], groups, 11)
    assert time.time() - start < 30
    assert masked.sum() > 10000
    # no masked cell of one EPCI's communes and parts can be recomputed, even by an
    # attacker who would know the EPCI's row (exact check on that sub-table)
    first = sorted(groups[-1][0])[0]
    rows = list(range(first - 90, first + 1))
    sub = values[rows]
    sub_groups = [([r - rows[0] for r in children], parent - rows[0])
                  for children, parent in groups if parent in rows]
    sub_mask = masked[rows].copy()
    sub_mask[-1] = False
    assert recomputable(sub.ravel(), sub_mask.ravel(),
                        flat(sub, [(list(range(n_categories)), n_categories)],
                             sub_groups)) == []


# -- RPLS layouts ---------------------------------------------------------------------------
def test_narbonne_file_read_as_it_is():
    frame, roles, rows = canonical_of(shared("rpls", "rpls_narbonne_par_adresse.csv"))
    raw = pd.read_csv(shared("rpls", "rpls_narbonne_par_adresse.csv"), sep=";", dtype=str,
                      keep_default_na=False)
    assert len(rows) == len(raw) == 1170
    assert roles["nb"] == "nb" and roles["qpv"] == "QPV" and roles["finan"] == "FINAN"
    assert rows["nb"].sum() == pd.to_numeric(raw["nb"]).sum() == 6043
    assert rows["ligne"].tolist() == list(range(2, 1172))
    assert (rows["qpv"] == 1).sum() == (raw["QPV"] == "1").sum()


def test_latin1_comma_file_with_damaged_rows(tmp_path):
    path = tmp_path / "rpls.csv"
    text = ("DEPCOM,NUMVOIE,INDREP,TYPVOIE,NOMVOIE,NBPIECE,SURFHAB,CONSTRUCT,FINAN,QPV,MODE\n"
            "59350,3,,R,DE LA RÉPUBLIQUE,3,65.5,1972,12,1,1\n"
            "ABCDE,3,,R,X,zéro,-4,1972,,,2\n"
            ",,,,,,,,,,\n"
            "59350,5,B,AV,FOCH,25,70,3000,99,2,2\n")
    path.write_bytes(text.encode("latin-1"))
    _, _, rows = canonical_of(str(path))
    assert len(rows) == 3 and rows["ligne"].tolist() == [2, 3, 5]
    assert rows.loc[0, "nomvoie"] == "DE LA RÉPUBLIQUE"
    assert "code commune illisible" in rows.loc[1, "anomalies"]
    assert "surface nulle ou négative" in rows.loc[1, "anomalies"]
    assert "nombre de pièces hors limites" in rows.loc[2, "anomalies"]
    assert "année d'achèvement hors limites" in rows.loc[2, "anomalies"]
    assert rows["vacant"].tolist() == [0.0, 1.0, 1.0]
    assert rows["finan_classe"].tolist() == ["PLUS", "", "PLUS"]


def test_a_file_that_is_not_rpls_is_refused_in_french():
    with pytest.raises(rpls.RplsError, match="aucune ligne d'en-tête RPLS"):
        rpls.rpls_frame([(1, ["nom", "prénom"]), (2, ["a", "b"])], "liste.csv")


# -- geolocation on the real Bondy BAN ------------------------------------------------------
ABBREVIATIONS = {"RUE": "R", "AVENUE": "AV", "ALLEE": "ALL", "BOULEVARD": "BD",
                 "IMPASSE": "IMP", "PLACE": "PL", "CHEMIN": "CHE", "ROUTE": "RTE",
                 "VILLA": "VLA", "PASSAGE": "PAS", "COURS": "CRS", "SQUARE": "SQ"}


def plain(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def typo(word, rng):
    """One letter of a long word replaced by its neighbour in the alphabet."""
    i = rng.randrange(1, len(word) - 1)
    letter = word[i]
    new = "E" if letter.upper() != "E" else "A"
    return word[:i] + (new if letter.isupper() else new.lower()) + word[i + 1:]


def variants(number, rep, street, rng):
    """RPLS-style (NUMVOIE, INDREP, TYPVOIE, NOMVOIE) written five ways."""
    words = street.split()
    first, rest = words[0], " ".join(words[1:])
    short = ABBREVIATIONS.get(plain(first).upper(), first.upper())
    rep_long = {"b": "BIS", "t": "TER", "bis": "BIS", "ter": "TER"}.get(rep.lower(), rep)
    rep_short = {"bis": "B", "ter": "T"}.get(rep.lower(), rep.upper())
    long_words = [w for w in rest.split() if len(w) > 5]
    misspelt = rest.replace(long_words[0], typo(long_words[0], rng), 1) if long_words else rest
    return [(number, rep_short, short, plain(rest).upper()),          # abbreviated, no accents
            (number, rep_long.lower(), first.lower(), rest.lower()),  # lower case, BIS
            (number, rep_long, "", plain(street).upper()),            # type inside the name
            ("%03d" % int(number), rep_short, short + ".", misspelt.upper()),  # 1-letter typo
            (number, rep.upper(), first, rest)]                      # as BAN writes it


@pytest.fixture(scope="module")
def bondy():
    path = shared("adresses", "ban_adresses_93010.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    ban, crs = geocode.read_ban(path)
    return raw, ban, crs


def test_bondy_ban_read(bondy):
    raw, ban, crs = bondy
    assert crs == "EPSG:2154" and len(ban) == len(raw)
    assert set(ban["insee"]) == {"93010"}


def test_bondy_addresses_written_the_usual_ways_land_on_their_ban_point(bondy):
    raw, ban, _ = bondy
    raw = raw[raw["rep"].isin(["", "bis", "ter", "b"])]
    key = raw["numero"] + "|" + raw["rep"].str.lower().replace({"b": "bis"}) + "|" + \
        raw["nom_voie"].map(lambda s: plain(s).upper().replace("AV ", "AVENUE "))
    unique = raw[~key.duplicated(keep=False)]
    rng = random.Random(93010)
    chosen = unique.sample(n=80, random_state=7)
    chosen = pd.concat([chosen, unique[unique["rep"] != ""].sample(n=20, random_state=8)])
    records, expected = [], []
    for ban_row in chosen.itertuples(index=False):
        for number, rep, typ, name in variants(ban_row.numero, ban_row.rep, ban_row.nom_voie,
                                               rng):
            records.append(["93010", number, rep, typ, name, "3", "60", "1970", "12"])
            expected.append((float(ban_row.x), float(ban_row.y), ban_row.nom_voie))
    header = ["DEPCOM", "NUMVOIE", "INDREP", "TYPVOIE", "NOMVOIE", "NBPIECE", "SURFHAB",
              "CONSTRUCT", "FINAN"]
    frame, roles = rpls.rpls_frame([(1, header)] + [(n + 2, r) for n, r in enumerate(records)])
    rows = rpls.canonical(frame, roles)
    located = geocode.geocode(rows, ban)
    wrong = [(records[i], expected[i][2], located.iloc[i]["geoloc_precision"])
             for i in range(len(records))
             if located.iloc[i]["geoloc_precision"] != "numero" or
             abs(located.iloc[i]["gx"] - expected[i][0]) > 0.01 or
             abs(located.iloc[i]["gy"] - expected[i][1]) > 0.01]
    assert not wrong, wrong[:10]
    exact = located["geoloc_score"] == 1.0
    assert exact.sum() >= 0.75 * len(records)   # only typos lower the score
    assert (located["geoloc_score"] >= geocode.FUZZY_MIN * 0.9).all()


def test_street_found_without_its_number_and_commune_fallbacks(bondy):
    _, ban, _ = bondy
    street = ban["voie"].value_counts().index[0]
    header = ["DEPCOM", "NUMVOIE", "TYPVOIE", "NOMVOIE", "nb"]
    records = [["93010", "9999", "", street, "4"],        # number unknown: the street
               ["93010", "", "", "VOIE QUI N EXISTE PAS", "2"],   # the commune
               ["", "", "", "", "1"],                   # nothing
               ["11262", "16", "R", "VOLTAIRE", "19"]]   # commune without BAN nor polygon
    frame, roles = rpls.rpls_frame([(1, header)] + [(n + 2, r) for n, r in enumerate(records)])
    rows = rpls.canonical(frame, roles)
    located = geocode.geocode(rows, ban)
    assert located["geoloc_precision"].tolist() == ["voie", "commune", "non_localise",
                                                    "commune"]
    on_street = ban[(ban["voie"] == street)]
    assert ((on_street["x"] == located.loc[0, "gx"]) &
            (on_street["y"] == located.loc[0, "gy"])).any()   # a real point of the street
    assert abs(located.loc[1, "gx"] - ban["x"].mean()) < 1e-6
    assert np.isnan(located.loc[3, "gx"]) and np.isnan(located.loc[2, "gx"])
    table = geocode.summary(rows, located)
    commune = table.set_index("niveau").loc["commune"]
    assert commune["lignes"] == 2 and commune["logements"] == 21 and commune["avec_point"] == 1
    assert table["lignes"].sum() == len(rows)          # no row lost


# -- indicators against pandas --------------------------------------------------------------
FINANCING = {"10": "PLAI", "11": "PLAI", "12": "PLUS", "13": "PLUS", "50": "PLUS",
             "51": "PLUS", "52": "PLUS", "99": "PLUS", "14": "PLS", "55": "PLS",
             "16": "PLI", "53": "PLI", "54": "PLI", "15": "Autre", "17": "Autre",
             "49": "Autre"}


def narbonne_expected(raw, threshold=11):
    """Independent figures per zone of the commune / QPV split, from the raw text."""
    raw = raw.assign(nb=pd.to_numeric(raw["nb"]),
                     pieces=pd.to_numeric(raw["NBPIECE"], errors="coerce"),
                     surface=pd.to_numeric(raw["SURFHAB"], errors="coerce"),
                     year=pd.to_numeric(raw["CONSTRUCT"], errors="coerce"))
    out = {}
    for code, part in (("11262", raw), ("11262|QPV", raw[raw["QPV"] == "1"]),
                       ("11262|HORS_QPV", raw[raw["QPV"] == "2"])):
        total = part["nb"].sum()
        figures = {"logements": total}
        for n, field in ((1, "t1"), (2, "t2"), (3, "t3"), (4, "t4")):
            figures["n_" + field] = part.loc[part["pieces"] == n, "nb"].sum()
        figures["n_t5p"] = part.loc[part["pieces"] >= 5, "nb"].sum()
        for label in "ABCDEFG":
            figures["n_dpe_" + label.lower()] = part.loc[part["DPEENERGIE"] == label,
                                                        "nb"].sum()
        classes = part["FINAN"].str.replace(".0", "", regex=False).map(FINANCING)
        for name in ("PLAI", "PLUS", "PLS", "PLI"):
            figures["n_" + name.lower()] = part.loc[classes == name, "nb"].sum()
        figures["n_av1949"] = part.loc[part["year"] < 1949, "nb"].sum()
        figures["n_c1949_1974"] = part.loc[part["year"].between(1949, 1974), "nb"].sum()
        figures["n_ap2005"] = part.loc[part["year"] > 2005, "nb"].sum()
        figures["surface_moyenne"] = round(part["surface"].sum() /
                                           part.loc[part["surface"].notna(), "nb"].sum(), 1)
        known = part[part["year"].notna()]
        figures["annee_moyenne"] = round((known["year"] * known["nb"]).sum() /
                                         known["nb"].sum(), 0)
        out[code] = figures
    return out


def test_narbonne_indicators_match_an_independent_computation():
    _, _, rows = canonical_of(shared("rpls", "rpls_narbonne_par_adresse.csv"))
    raw = pd.read_csv(shared("rpls", "rpls_narbonne_par_adresse.csv"), sep=";", dtype=str,
                      keep_default_na=False)
    published, counts, masked = indicators.compute(rows, zones.administrative_levels(rows))
    expected = narbonne_expected(raw)
    by_code = published.set_index("code")
    checked = 0
    for code, figures in expected.items():
        for field, value in figures.items():
            shown = by_code.loc[code, field]
            cell = counts.loc[(("commune" if "|" not in code else "commune_qpv"), code)]
            if shown is None or (isinstance(shown, float) and np.isnan(shown)):
                assert field.startswith("n_") and masked.loc[
                    (("commune" if "|" not in code else "commune_qpv"), code), field]
                assert cell[field] == value     # hidden, but computed right
                continue
            assert shown == pytest.approx(value), (code, field)
            checked += 1
    assert checked >= 55
    assert by_code.loc["11262", "logements"] == 6043
    assert by_code.loc["11262|QPV", "logements"] + by_code.loc["11262|HORS_QPV",
                                                               "logements"] == 6043
    assert by_code.loc["11262", "part_en_qpv"] == round(100 * 2437 / 6043, 1)
    # every small count is hidden, in the published table
    small = (counts > 0) & (counts < 11)
    assert not (small & ~masked).values.any()


def test_indicator_tables_resist_the_attack_on_a_basin_like_file():
    """Sixty communes of three EPCI (real codes of the reference tables), QPV flags, many
    small counts: no masked cell can be recomputed from the published relations."""
    from osp_qgis.reference import communes
    rng = random.Random(62)
    codes = [c for c, info in sorted(communes().items())
             if info["epci_siren"] in ("200033579", "246200364", "200072460")][:60]
    records = []
    for code in codes:
        for _ in range(rng.choice([1, 2, 4, 12])):
            records.append([code, str(rng.randint(1, 6)), str(rng.randint(1930, 2020)),
                            rng.choice("ABCDEFG "), rng.choice(["1", "2", ""]),
                            rng.choice(["10", "12", "14", "16"]), str(rng.choice([1, 1, 3, 9]))])
    header = ["DEPCOM", "NBPIECE", "CONSTRUCT", "DPEENERGIE", "QPV", "FINAN", "nb"]
    frame, roles = rpls.rpls_frame([(1, header)] + [(n + 2, r) for n, r in enumerate(records)])
    rows = rpls.canonical(frame, roles)
    levels = zones.administrative_levels(rows)
    assert {level.name for level in levels} >= {"commune", "commune_qpv", "epci",
                                                "departement", "ensemble"}
    _, counts, masked = indicators.compute(rows, levels)
    values = counts.values.ravel()
    relations = independent_relations(counts)
    def normal(relations):
        return sorted(str((sorted(parts), total)) for parts, total in relations)

    # the code declares the relations the territory implies, no fewer
    assert normal(relations) == normal(indicators.flat_relations(
        list(counts.index), list(counts.columns), levels))
    assert masked.values.any()
    assert recomputable(values, masked.values.ravel(), relations) == []


def independent_relations(counts):
    """Every additive relation of the published table, rebuilt from the reference tables
    (not from the code under test): categories → total, QPV parts → commune, communes →
    EPCI, EPCI → département, départements → ensemble; sums and their counts across zones."""
    from osp_qgis.reference import communes
    keys = list(counts.index)
    pos = {k: i for i, k in enumerate(keys)}
    cols = list(counts.columns)
    width = len(cols)

    def cell(key, column):
        return pos[key] * width + cols.index(column)

    families = {}
    for c in cols:
        if c.startswith("n_"):
            family = next(cat["famille"] for cat in indicators.categories()
                          if "n_" + cat["champ"] == c)
            families.setdefault(family, []).append(c)
    relations = [([cell(k, c) for c in members], cell(k, "logements"))
                 for k in keys for members in families.values()]
    if "annee_moyenne_effectif" in cols:
        relations += [([cell(k, "annee_moyenne_effectif"), cell(k, "n_constr_nr")],
                       cell(k, "logements")) for k in keys]
    groups = administrative_groups(keys, {c: info["epci_siren"]
                                          for c, info in communes().items()})
    for parent, children in groups.items():
        for column in cols:
            relations.append(([cell(k, column) for k in children], cell(parent, column)))
    return relations


def test_recent_geolocalised_and_landlord_layouts_are_recognised():
    header = ["REG_CODE", "DEP_CODE", "DEPCOM", "LIBCOM", "NUMVOIE", "INDREP", "TYPVOIE",
              "NOMVOIE", "QPV_CODE", "QPV_LIBELLE", "TYPECONST_CODE", "NBPIECE", "SURFHAB",
              "CONSTRUCT", "FINAN_CODE", "FINAN_LIBELLE", "DPEENERGIE", "DPESERRE", "EPSG",
              "X", "Y", "QUALITE_XY"]
    row = ["32", "59", "59350", "LILLE", "3", "B", "R", "NATIONALE", "QN05901M", "Lille Sud",
           "C", "4", "71,5", "1968", "12", "PLUS", "e", "D", "2154", "703000,5", "7059000",
           "11"]
    frame, roles = rpls.rpls_frame([(1, header), (2, row)])
    assert {"depcom", "qpv", "typeconst", "finan", "x", "y", "epsg", "qualite_xy"} <= set(roles)
    rows = rpls.canonical(frame, roles)
    first = rows.iloc[0]
    assert first["qpv"] == 1.0 and first["finan_classe"] == "PLUS"
    assert first["dpe_energie"] == "E" and first["surfhab"] == 71.5
    assert (first["x"], first["y"], first["epsg"]) == (703000.5, 7059000.0, "2154")
    located = geocode.geocode(rows, geocode.ban_addresses(pd.DataFrame(
        columns=["numero", "rep", "nom_voie", "code_insee", "x", "y"]))[0])
    assert located.iloc[0]["geoloc_precision"] == "xy_source"
    landlord = ["IDENT_REP", "IDENT_INT", "IDENT_FISCAL", "DEPCOM", "NBPIECE"]
    frame, roles = rpls.rpls_frame([(1, landlord), (2, ["44619057", "SOG1", "590001", "59350",
                                                        "3"])])
    assert {"ident_rep", "ident_int", "ident_fiscal"} <= set(roles)
