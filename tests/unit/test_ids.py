"""Identifier normalisation: examples from real sheets and properties."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from osp_qgis import ids
from osp_qgis.reference import palulos_variants

DEP = st.sampled_from(["59", "62", "01", "2A", "2B", "91"])
COM3 = st.integers(0, 999).map(lambda n: "%03d" % n)
PREFIX = st.integers(0, 999).map(lambda n: "%03d" % n)
LETTER = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
SECTION = st.one_of(LETTER, st.tuples(LETTER, LETTER).map("".join),
                    LETTER.map(lambda l: "0" + l))
NUMERO = st.integers(1, 9999)


@pytest.mark.parametrize("raw", ["62498 000 AP 347", "62498000ap0347", "62498000AP347",
                                 "62498AP347", " 62498000AP0347 ", "62498-000-AP-0347"])
def test_idpar_spellings_of_one_parcel(raw):
    assert ids.normalise_idpar(raw) == "62498000AP0347"


@pytest.mark.parametrize("raw", ["AP347", "ap 347", "000AP0347", "000 AP 347"])
def test_section_only_parcel_id_takes_commune_from_row(raw):
    assert ids.normalise_idpar(raw, commune="62498") == "62498000AP0347"


def test_section_only_parcel_id_without_commune_is_an_anomaly():
    with pytest.raises(ids.IdError) as error:
        ids.normalise_idpar("AP347")
    assert error.value.motif == "parcelle_invalide"
    assert "commune" in error.value.message


def test_single_letter_section_is_left_padded_with_zero():
    assert ids.normalise_idpar("59456000C1988") == "594560000C1988"
    assert ids.normalise_idpar("C 268", "59456") == "594560000C0268"


def test_corsica_parcel_stays_text():
    assert ids.normalise_idpar("2A004000AB12") == "2A004000AB0012"


@pytest.mark.parametrize("raw", ["62498-??-12", "ABCDEF", "62498000AP12345", "12", "6249"])
def test_unreadable_parcel_id_raises_anomaly_not_crash(raw):
    with pytest.raises(ids.IdError) as error:
        ids.normalise_idpar(raw)
    assert error.value.motif == "parcelle_invalide"


@given(DEP, COM3, PREFIX, SECTION, NUMERO, st.booleans(), st.booleans(), st.booleans())
def test_idpar_any_spelling_gives_canonical_14_chars(dep, com, prefix, section, numero,
                                                    spaced, lower, padded):
    insee = dep + com
    num = "%04d" % numero if padded else str(numero)
    parts = [insee, prefix, section, num]
    raw = " ".join(parts) if spaced else "".join(parts)
    raw = raw.lower() if lower else raw
    result = ids.normalise_idpar(raw)
    assert len(result) == 14
    assert result == insee + prefix + section.rjust(2, "0") + "%04d" % numero
    assert ids.is_canonical_idpar(result)
    assert ids.normalise_idpar(result) == result  # idempotent


@pytest.mark.parametrize("raw,expected", [
    ("0044619057", "0044619057"), ("44619057", "0044619057"), ("44619057.0", "0044619057"),
    ("4.4619057E7", "0044619057"), (" 0019617672 ", "0019617672"), ("", None)])
def test_rpls_restores_zeros_lost_by_excel(raw, expected):
    assert ids.normalise_rpls(raw) == expected


@given(st.integers(0, 10 ** 10 - 1))
def test_rpls_of_the_number_excel_kept_is_the_ten_digit_id(n):
    text = "%010d" % n
    assert ids.normalise_rpls(str(int(text))) == text
    assert ids.normalise_rpls(str(float(int(text)))) == text


@pytest.mark.parametrize("raw", ["12345678901", "0044A19057", "RPLS"])
def test_rpls_invalid(raw):
    with pytest.raises(ids.IdError) as error:
        ids.normalise_rpls(raw)
    assert error.value.motif == "rpls_invalide"


@pytest.mark.parametrize("raw,dep,expected", [
    ("594560559289", None, "594560559289"), ("59 456 0559289", None, "594560559289"),
    ("4560559289", "59", "594560559289"), ("14560559289", None, "014560559289"),
    ("2A0040012345", None, "2A0040012345")])
def test_idlocal_twelve_chars(raw, dep, expected):
    assert ids.normalise_idlocal(raw, dep) == expected


@given(DEP, st.text(alphabet="0123456789", min_size=10, max_size=10), st.booleans())
def test_idlocal_spaces_removed_and_idempotent(dep, invariant, spaced):
    raw = dep + " " + invariant[:3] + " " + invariant[3:] if spaced else dep + invariant
    result = ids.normalise_idlocal(raw)
    assert result == dep + invariant
    assert ids.normalise_idlocal(result) == result


def test_idlocal_too_short_is_anomaly():
    with pytest.raises(ids.IdError) as error:
        ids.normalise_idlocal("12345")
    assert error.value.motif == "local_invalide"


@pytest.mark.parametrize("raw,expected", [("2020DD0590000", 2020), ("20186211900003", 2018),
                                          ("2016HPSIA0001", 2016), ("DD2020", None), ("", None),
                                          ("1850X", None)])
def test_year_from_decision_number(raw, expected):
    assert ids.year_from_decision(raw) == expected


@pytest.mark.parametrize("raw,expected", [("groupe", "Groupé"), ("Groupé", "Groupé"),
                                          ("ISOLE", "Isolé"), ("i", "Isolé"),
                                          ("Hors Palulos", "Hors"), ("hors", "Hors"),
                                          ("Palulos groupé", "Groupé"), ("", None)])
def test_type_palu_variants(raw, expected):
    assert ids.normalise_type_palu(raw, palulos_variants()) == expected


def test_type_palu_unknown_is_anomaly():
    with pytest.raises(ids.IdError) as error:
        ids.normalise_type_palu("PLAI", palulos_variants())
    assert error.value.motif == "type_palu_inconnu"


@pytest.mark.parametrize("raw,expected", [("59456", "59456"), ("1004", "01004"),
                                          ("2A004", "2A004"), ("59456.0", "59456")])
def test_commune_code(raw, expected):
    assert ids.normalise_commune(raw) == expected


def test_departement_of_overseas_commune_has_three_digits():
    assert ids.departement_of_commune("97411") == "974"
    assert ids.departement_of_commune("62498") == "62"
