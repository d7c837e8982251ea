"""The join plan: order of geolocation, duplicates, conservation (no QGIS)."""
import oracle_join
from hypothesis import given, settings
from hypothesis import strategies as st

from osp_qgis import addresses
from osp_qgis.reference import column_synonyms, palulos_variants
from osp_qgis.sheets import columns

HEADER = ["RPLS", "Id bailleur", "Fiscal", "Parcelle", "Commune", "N°", "Voie", "Palulos"]
PARCELS = {"62498000AP0347": "P347", "62498000AP0001": "P1"}
LOCAUX = {"624980298306": "62498000AP0001", "624980000001": "62498000ZZ0001"}
ADDRESSES = {("62498", "12", "", "RUE D ARTOIS"): ("A12", "numero", 1.0)}


def run(rows, with_locals=True, with_addresses=True):
    sheet = [(1, HEADER)] + [(n + 2, r) for n, r in enumerate(rows)]
    cm = columns.detect_columns(sheet, column_synonyms(), {"numero_voie": "N°"})
    calls = []

    def fetch_parcels(keys):
        calls.append(("parcels", set(keys)))
        return {k: PARCELS[k] for k in keys if k in PARCELS}

    def fetch_locals(keys):
        calls.append(("locals", set(keys)))
        return {k: LOCAUX[k] for k in keys if k in LOCAUX}

    def fetch_addresses(keys):
        calls.append(("addresses", set(keys)))
        return {k: ADDRESSES[k] for k in keys if k in ADDRESSES}

    result = oracle_join.join(sheet, cm, palulos_variants(), fetch_parcels,
                         fetch_locals if with_locals else None,
                         fetch_addresses if with_addresses else None)
    return result, calls


def row(rpls="", internal="", local="", parcel="", commune="62498", num="", voie="", palu=""):
    return [rpls, internal, local, parcel, commune, num, voie, palu]


def test_parcel_first_then_local_then_address():
    result, calls = run([row("1", parcel="AP347", local="624980298306"),
                         row("2", local="624980298306"),
                         row("3", num="12", voie="r. d'Artois"),
                         row("4")])
    got = [(d.values["geoloc_source"], d.values["geoloc_motif"], d.geometry)
           for d in result.dwellings]
    assert got == [("parcelle", None, "P347"), ("local_ff", None, "P1"),
                   ("adresse", None, "A12"), (None, "sans_localisation", None)]
    # only what is needed is asked for: row 1's local is not looked up
    assert calls[0] == ("parcels", {"62498000AP0347"})
    assert calls[1] == ("locals", {"624980298306"})


def test_unknown_parcel_located_by_local_keeps_an_anomaly():
    result, _ = run([row("1", parcel="AP999", local="624980298306")])
    d = result.dwellings[0]
    assert d.values["geoloc_source"] == "local_ff" and d.values["idpar"] == "62498000AP0001"
    assert [a.motif for a in result.anomalies] == ["parcelle_inconnue"]


def test_not_located_motifs():
    result, _ = run([row("1", parcel="AP999"), row("2", parcel="??"),
                     row("3", local="624980000009"), row("4", local="624980000001")])
    assert [d.values["geoloc_motif"] for d in result.dwellings] == [
        "parcelle_inconnue", "parcelle_invalide", "local_inconnu", "local_inconnu"]
    assert all(d.geometry is None for d in result.dwellings)


def test_fiscal_id_without_locaux_table_is_sans_localisation_with_reason():
    result, _ = run([row("1", local="624980298306")], with_locals=False)
    d = result.dwellings[0]
    assert d.values["geoloc_motif"] == "sans_localisation"
    assert "LOCAUX" in result.anomalies[0].detail


def test_duplicates_by_rpls_then_by_internal_id():
    result, _ = run([row("44619057", "A", parcel="AP347"), row("0044619057", "B"),
                     row("", "X1"), row("", "X1"), row("", ""), row("", "")])
    assert result.rows_read == 6
    assert len(result.dwellings) == 4 and result.n_duplicates == 2
    doublons = [a for a in result.anomalies if a.motif == "doublon"]
    assert [a.ligne for a in doublons] == [3, 5]
    assert "ligne 2" in doublons[0].detail


def test_address_key_normalisation():
    assert addresses.address_key("62498", "0012", "", "R. d'Artois") == \
        ("62498", "12", "", "RUE D ARTOIS")
    assert addresses.address_key("62498", "", "", "12 bis rue d'Artois") == \
        ("62498", "12", "B", "RUE D ARTOIS")
    assert addresses.address_key("62498", "", "", "") is None


CELL = st.sampled_from(["", "1", "44619057", "0044619057", "AP347", "ap 1", "??", "X1", "X2",
                        "624980298306", "4560559289", "groupe", "Hors", "zzz"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELL, min_size=8, max_size=8), min_size=1, max_size=30))
def test_conservation_rows_read_equal_features_plus_duplicates(rows):
    result, _ = run(rows)
    non_blank = [r for r in rows if any(c.strip() for c in r)]
    assert result.rows_read == len(non_blank)
    assert result.rows_read == len(result.dwellings) + result.n_duplicates
    for d in result.dwellings:  # every dwelling is either located or has a motif
        assert (d.values["geoloc_source"] is None) != (d.values["geoloc_motif"] is None)
        assert (d.geometry is None) == (d.values["geoloc_source"] is None)
    lines = {d.ligne for d in result.dwellings}
    assert all(a.ligne in lines for a in result.anomalies if a.motif != "doublon")
