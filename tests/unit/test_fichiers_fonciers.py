"""Fichiers fonciers (issue #11), pure core: Cerema's rule against an independent scalar
reading of the issue's text, the sample extract against the generator's own truth (both
methods, both vintages), unusable locals set aside, indicators' arithmetic written out by
hand, CSV / SQLite readers on hostile files."""
import csv
import os
import sqlite3

import pandas
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osp_qgis.fichiers_fonciers import crosscheck, read, rules
from osp_qgis.territory import Territory


# -- the rule, read from the issue ------------------------------------------------------------
def social_by_the_issue(local, method):
    """One local at a time, straight from the issue's words (no shared code)."""
    logh = (local.get("logh") or "").strip().lower()
    if logh:
        dwelling = logh in ("t", "true", "1", "oui", "o", "vrai")
    else:
        dwelling = (local.get("dteloc") or "").strip() in ("1", "2")
    catpro3 = (local.get("catpro3") or "").strip()
    if catpro3:
        social_owner = "f1a" in catpro3.lower()
    else:
        social_owner = (local.get("hlmsem") or "").strip() in ("5", "6")
    if method == "catpro3":
        return dwelling and social_owner
    return dwelling and social_owner and (local.get("loghlls") or "").strip().upper() != "NON"


def frame(rows):
    raw = pandas.DataFrame(rows)
    raw.index = raw.index + 2
    return rules.prepare(raw)[0]


def local(n, **values):
    row = {"idlocal": "62001%07d" % n, "idpar": "62001000AB%04d" % n}
    row.update(values)
    return row


LOCAL = st.fixed_dictionaries({
    "logh": st.sampled_from(["t", "f", "", "T", "true", "false"]),
    "dteloc": st.sampled_from(["1", "2", "3", "4", ""]),
    "catpro3": st.sampled_from(["F1a", "F1b", "P1a", "F1a F1b", "f1a", "G1a", ""]),
    "hlmsem": st.sampled_from(["5", "6", "1", ""]),
    "loghlls": st.sampled_from(["OUI", "OUI PROBABLE", "NON", "NC", "", "non", " NC "]),
})


@settings(max_examples=60, deadline=None)
@given(st.lists(LOCAL, min_size=1, max_size=40), st.sampled_from(rules.METHODS))
def test_the_vectorised_rule_is_the_issue_s_rule(locals_, method):
    rows = [local(n, **values) for n, values in enumerate(locals_)]
    got = list(rules.is_social_housing(frame(rows), method))
    assert got == [social_by_the_issue(r, method) for r in rows]


def test_nc_counts_non_excludes_and_catpro3_ignores_loghlls():
    rows = [local(1, logh="t", catpro3="F1a", loghlls="NC"),
            local(2, logh="t", catpro3="F1a", loghlls="NON"),
            local(3, logh="t", catpro3="F1a", loghlls="OUI PROBABLE"),
            local(4, logh="t", catpro3="P1a", loghlls="OUI"),      # private owner, exempt
            local(5, logh="f", catpro3="F1a", loghlls="NC"),       # outbuilding
            local(6, dteloc="2", hlmsem="6", loghlls="NC"),        # older vintage, SEM
            local(7, dteloc="4", hlmsem="5", loghlls="OUI")]       # older vintage, no dwelling
    locaux = frame(rows)
    assert list(rules.is_social_housing(locaux, "cerema")) == \
        [True, False, True, False, False, True, False]
    assert list(rules.is_social_housing(locaux, "catpro3")) == \
        [True, True, True, False, False, True, False]


def test_an_unknown_method_is_a_french_error():
    with pytest.raises(rules.FFError, match="Méthode"):
        rules.is_social_housing(frame([local(1, logh="t", catpro3="F1a")]), "oui_seul")


# -- the sample extract against the generator's truth --------------------------------------
@pytest.fixture(scope="module")
def sample(sample_data):
    return sample_data


def truth(sample):
    with open(os.path.join(str(sample), "fichiers_fonciers_verite.csv"), encoding="utf-8") as h:
        return {r["idlocal"]: r for r in csv.DictReader(h, delimiter=";")}


@pytest.mark.parametrize("vintage", ["pb0010_local.csv", "pb0010_local_2013.csv"])
@pytest.mark.parametrize("method", rules.METHODS)
def test_the_sample_extract_gives_the_generator_s_truth(sample, vintage, method):
    expected = truth(sample)
    locaux, refused = rules.prepare(read.read_csv(os.path.join(str(sample), vintage)))
    assert refused.empty and len(locaux) == len(expected)
    social = set(locaux["idlocal"][rules.is_social_housing(locaux, method)])
    assert social == {k for k, r in expected.items() if r["social_%s" % method] == "1"}
    cases = {r["cas"] for r in expected.values()}
    assert {"remonte", "remonte_non_exonere", "prive_meme_parcelle", "dependance_bailleur",
            "oubli_meme_parcelle", "oubli_bailleur", "exoneration_proprietaire_prive",
            "prive"} <= cases


def test_the_sample_has_every_loghlls_value_and_both_owner_kinds(sample):
    locaux = read.read_csv(os.path.join(str(sample), "pb0010_local.csv"))
    assert {"OUI", "OUI PROBABLE", "NON", "NC"} <= set(locaux["loghlls"])
    assert {"F1a", "P1a"} <= set(locaux["catpro3"])
    old = read.read_csv(os.path.join(str(sample), "pb0010_local_2013.csv"))
    assert "catpro3" not in old.columns and "logh" not in old.columns
    assert {"5", "6"} <= set(old["hlmsem"])


# -- unusable locals --------------------------------------------------------------------------
def test_damaged_ids_and_repeated_locals_are_set_aside_with_their_line():
    raw = pandas.DataFrame([local(1, logh="t"), {"idlocal": "62001", "idpar": "62001000AB0001",
                                                 "logh": "t"},
                            local(1, logh="f"), local(2, logh="t")])
    raw["catpro3"] = "F1a"
    raw.index = raw.index + 2
    kept, refused = rules.prepare(raw)
    assert list(kept["idlocal"]) == ["620010000001", "620010000002"]
    assert dict(zip(refused.index, refused["motif"])) == {3: "identifiant_invalide",
                                                          4: "local_en_double"}
    assert kept.loc[2, "logh"] == "t"     # the first one is kept


def test_idcom_from_ccodep_ccocom_or_the_parcel():
    raw = pandas.DataFrame([dict(local(1, logh="t", hlmsem="5"), ccodep="59", ccocom="350"),
                            local(2, logh="t", hlmsem="")])
    kept, _ = rules.prepare(raw)
    assert list(kept["idcom"]) == ["59350", "62001"]


def test_a_table_without_the_rule_s_columns_is_refused_in_french():
    with pytest.raises(rules.FFError, match="introuvable"):
        rules.prepare(pandas.DataFrame([{"numero": 1}]))
    with pytest.raises(rules.FFError, match="ni logh ni dteloc"):
        rules.prepare(pandas.DataFrame([local(1, catpro3="F1a")]))
    with pytest.raises(rules.FFError, match="ni catpro3 ni hlmsem"):
        rules.prepare(pandas.DataFrame([local(1, logh="t")]))


# -- indicators ----------------------------------------------------------------------------
def small_extract():
    """Commune 62001 (EPCI A): 8 dwellings, 3 social; 62002 (EPCI A): 4 dwellings, 0 social;
    59001 (EPCI B): 2 dwellings, 2 social (one NON) — written out by hand."""
    rows = []
    n = 0
    for insee, dwellings, social_loghlls in (("62001", 8, ["NC", "OUI", "OUI PROBABLE"]),
                                             ("62002", 4, []), ("59001", 2, ["NC", "NON"])):
        for k in range(dwellings):
            n += 1
            social = k < len(social_loghlls)
            rows.append({"idlocal": "%s0%06d" % (insee, n),
                         "idpar": "%s000AB%04d" % (insee, n // 2), "idcom": insee,
                         "logh": "t", "catpro3": "F1a" if social else "P1a",
                         "loghlls": social_loghlls[k] if social else "NC"})
        n += 1
        rows.append({"idlocal": "%s0%06d" % (insee, n), "idpar": "%s000AB%04d" % (insee, 0),
                     "idcom": insee, "logh": "f", "catpro3": "F1a", "loghlls": "NC"})
    return frame(rows)


def territory():
    return Territory(communes={"62001": {"nom": "Un", "dep": "62", "epci_siren": "A"},
                               "62002": {"nom": "Deux", "dep": "62", "epci_siren": "A"},
                               "59001": {"nom": "Trois", "dep": "59", "epci_siren": "B"}},
                     epcis={"A": {"nom": "Agglo A", "sigle": "CAA"},
                            "B": {"nom": "Agglo B", "sigle": ""}})


def test_indicators_by_commune_epci_departement_and_territory():
    locaux = small_extract()
    social_ids = list(locaux["idlocal"][rules.is_social_housing(locaux)])
    # two of the three social dwellings of 62001 reported, one more reported without its
    # fiscal id on the third one's parcel, one on a parcel of private houses; none in 59001
    reported = crosscheck.reported_frame(
        [{"idlocal": social_ids[0], "idpar": "62001000AB0000"},
         {"idlocal": social_ids[1], "idpar": "62001000AB0001"},
         {"idlocal": None, "idpar": "62001000AB0001"},
         {"idlocal": "", "idpar": "62001000ab0003 "}])
    result = crosscheck.cross_check(locaux, reported, "cerema", territory(), sru_target=25)
    rows = {(r["niveau"], r["code"]): r for r in result.indicators}
    one = rows[("commune", "62001")]
    assert (one["logements_ff"], one["logements_sociaux_ff"], one["logements_remontes"]) == \
        (8, 3, 4)
    assert one["part_sociaux"] == pytest.approx(37.5)
    assert (one["objectif_sru"], one["manque_sru"]) == (2, 0)
    assert one["couverture"] == pytest.approx(400 / 3)
    two = rows[("commune", "62002")]
    assert (two["part_sociaux"], two["objectif_sru"], two["manque_sru"], two["couverture"]) == \
        (0.0, 1, 1, None)
    three = rows[("commune", "59001")]
    assert (three["logements_sociaux_ff"], three["part_sociaux"], three["couverture"]) == \
        (1, 50.0, 0.0)
    epci_a = rows[("epci", "CAA")]
    assert (epci_a["nom"], epci_a["logements_ff"], epci_a["logements_sociaux_ff"]) == \
        ("Agglo A", 12, 3)
    assert (epci_a["objectif_sru"], epci_a["manque_sru"]) == (3, 0)
    assert rows[("epci", "B")]["logements_ff"] == 2          # no sigle: the SIREN
    dep62 = rows[("departement", "62")]
    assert (dep62["logements_ff"], dep62["logements_sociaux_ff"]) == (12, 3)
    total = rows[("territoire", "total")]
    assert (total["logements_ff"], total["logements_sociaux_ff"],
            total["logements_remontes"]) == (14, 4, 4)
    assert total["part_sociaux"] == pytest.approx(100 * 4 / 14)
    assert (total["objectif_sru"], total["manque_sru"]) == (4, 0)
    # the social dwellings nobody reported, with the reported dwellings of their parcel
    missing = dict(zip(result.missing["idlocal"], result.missing["logements_remontes_parcelle"]))
    assert set(missing) == set(social_ids[2:])
    assert missing[social_ids[2]] == 2       # 62001000AB0001 carries two reported dwellings
    assert missing[social_ids[3]] == 0
    parcels = result.parcels
    assert set(parcels.index) == {"62001000AB0000", "62001000AB0001", "62001000AB0003",
                                  "59001000AB0007"}
    assert parcels.loc["62001000AB0001", "statut"] == "conforme"   # 2 FF social, 2 reported
    assert parcels.loc["62001000AB0003", "statut"] == "absents_ff"  # 0 FF social, 1 reported
    assert parcels.loc["59001000AB0007", "statut"] == "manquants_bailleur"
    assert parcels.loc["59001000AB0007", "ecart"] == -1


def test_the_sru_objective_is_rounded_up():
    row = crosscheck._shares({"logements_ff": 401, "logements_sociaux_ff": 100,
                              "logements_remontes": 0}, 25.0)
    assert (row["objectif_sru"], row["manque_sru"]) == (101, 1)
    row = crosscheck._shares({"logements_ff": 400, "logements_sociaux_ff": 100,
                              "logements_remontes": 0}, 25.0)
    assert (row["objectif_sru"], row["manque_sru"]) == (100, 0)


def test_a_partner_s_share_of_the_locals():
    locaux = small_extract()
    assert set(crosscheck.filter_locaux(locaux, territory(), epci="CAA")["idcom"]) == \
        {"62001", "62002"}
    assert set(crosscheck.filter_locaux(locaux, territory(), departement="59")["idcom"]) == \
        {"59001"}
    assert len(crosscheck.filter_locaux(locaux, territory())) == len(locaux)


# -- readers on hostile files -------------------------------------------------------------
HEADER = "idlocal;idpar;logh;catpro3;loghlls\n"


def write(path, text, encoding="utf-8"):
    with open(str(path), "w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return str(path)


@pytest.mark.parametrize("encoding, delimiter", [("utf-8", ";"), ("utf-16", ","),
                                                 ("cp1252", "\t"), ("utf-8-sig", "|")])
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    text = (HEADER + "620010000001;62001000AB0001;t;F1a;NC\n"
            "620010000002;62001000AB0001;t;P1a;NON\n"
            "620010000003;62001000AB0002;t;F1a;OUI PROBABLE\n").replace(";", delimiter)
    frame_ = read.read_csv(write(tmp_path / "l.csv", text, encoding))
    assert list(frame_["idlocal"]) == ["620010000001", "620010000002", "620010000003"]
    assert list(frame_.index) == [2, 3, 4]          # the lines a spreadsheet shows


def test_csv_ids_keep_their_leading_zeros_and_text_stays_text(tmp_path):
    path = write(tmp_path / "l.csv", HEADER + "090010000001;09001000AB0001;t;F1a;=1+1\n")
    frame_ = read.read_csv(path)
    assert frame_.loc[2, "idlocal"] == "090010000001" and frame_.loc[2, "loghlls"] == "=1+1"


@pytest.mark.parametrize("content, message", [
    ("", "vide"), ("PK\x03\x04zip", "archive"), ("a;b;c\n1;2;3\n", "introuvable"),
    ("idlocal;idpar;catpro3\n1;2;F1a\n", "ni logh ni dteloc")])
def test_hostile_csv_files_get_a_french_error(tmp_path, content, message):
    with pytest.raises(rules.FFError, match=message):
        read.read_csv(write(tmp_path / "l.csv", content))


def test_sqlite_reader_takes_the_table_by_its_name_only(tmp_path):
    path = str(tmp_path / "ff.gpkg")
    connection = sqlite3.connect(path)
    connection.execute('CREATE TABLE "pb0010_local" (idlocal TEXT, idpar TEXT, logh TEXT, '
                       'hlmsem INTEGER, dteloc INTEGER)')
    connection.execute("INSERT INTO pb0010_local VALUES ('620010000001', '62001000AB0001', "
                       "NULL, 5, 1)")
    connection.commit()
    connection.close()
    frame_ = read.read_sqlite(path, None)          # the only table named like « local »
    assert frame_.loc[1, "hlmsem"] == "5" and frame_.loc[1, "dteloc"] == "1"
    assert frame_.loc[1, "logh"] == ""
    with pytest.raises(rules.FFError, match="absente"):
        read.read_sqlite(path, 'pb0010_local"; DROP TABLE pb0010_local; --')
    assert len(read.read_sqlite(path, "pb0010_local")) == 1
