"""Territory rules and the safe re-import, as pure functions (no QGIS)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from osp_qgis import territory
from osp_qgis.logements import analyse


def test_reference_tables_know_the_erbm_sigles():
    t = territory.Territory.from_reference()
    assert t.describe("62498") == {"idcomtxt": "Lens", "dep": "62", "epci": "CALL"}
    assert t.describe("59456")["epci"] == "CCCO"
    sigles = {t.epci_code(s) for s in t.epcis}
    assert {"CABBALR", "CAHC", "CALL", "CAPH", "CAVM", "CCCO", "DA", "CCPC"} <= sigles


def test_commune_from_territory_not_from_sheet_and_incoherence_reported():
    t = territory.Territory.from_reference()
    values = {"idcom": "62498", "geoloc_source": "parcelle"}
    problems = territory.assign_commune(values, t, spatial=("62510", "Liévin"))
    assert values["idcom"] == "62510" and values["idcomtxt"] == "Liévin"
    assert values["epci"] == "CALL" and values["dep"] == "62"
    assert problems[0][0] == "commune_incoherente" and "62498" in problems[0][1]
    values = {"idcom": "62498", "geoloc_source": "parcelle"}
    assert territory.assign_commune(values, t, None, communes_layer_given=True)[0][0] == \
        "hors_territoire"


CITES = [(1, "Cité du 4"), (2, "Cité du 10"), (3, "Cité des Provinces"), (4, "Cité St-Pierre"),
         (5, "Cité Anatole France")]


def test_cite_name_variants():
    for text, expected in (("4 de Lens", 1), ("LENS CITE DU 4", 1), ("Cité du 10", 2),
                           ("cite des provinces", 3), ("Saint Pierre", 4),
                           ("BRUAY LA BUISSIÈRE -A. France-", 5), ("9", None), ("", None)):
        assert territory.match_cite(text, CITES, ["Lens", "Bruay-la-Buissière"]) == expected, text


def test_spatial_cite_wins_and_lists_all_touched():
    values = {"cite_ini": "Cité du 10"}
    assert territory.assign_cite(values, [(3, "Cité des Provinces"), (1, "Cité du 4")],
                                 CITES) == "spatial"
    assert (values["id_cite"], values["nom_cite_1"], values["l_id_cite"]) == \
        (3, "Cité des Provinces", "3,1")
    values = {"cite_ini": "Cité du 10"}
    assert territory.assign_cite(values, [], CITES) == "texte" and values["id_cite"] == 2


def key(geometry):
    return geometry  # geometries are plain tuples in these tests


def record(rpls, bailleur="M&C", geometry=(0, 0), **values):
    v = {"ident_rep": rpls, "bailleur": bailleur, "geoloc_source": "parcelle", "info": None}
    v.update(values)
    return {"values": v, "geometry": geometry}


def test_reimport_rules():
    existing = [record("A", id_osp=1, info="note", geom_import=(0, 0)),
                record("B", id_osp=2, geom_import=(0, 0), geometry=(5, 5)),   # moved by hand
                record("C", id_osp=3, geom_import=(0, 0)),                     # gone
                record("D", bailleur="SIA", id_osp=4, geom_import=(0, 0))]     # other landlord
    incoming = [record("A", intitule="OP 2"), record("B", geometry=(1, 1)),
                record("E", geometry=(2, 2))]
    out, stats = analyse.merge_reimport(existing, incoming, key, "2026-11-22")
    by = {r["values"]["ident_rep"]: r for r in out}
    assert by["A"]["values"]["info"] == "note" and by["A"]["values"]["intitule"] == "OP 2"
    assert by["B"]["geometry"] == (5, 5) and by["B"]["values"]["geoloc_source"] == "manuel"
    assert by["C"]["values"]["statut"] == "absent_dernier_envoi"
    assert "statut" not in by["D"]["values"]
    assert by["E"]["values"]["id_osp"] == 5 and by["E"]["values"]["statut"] == "present"
    assert (stats.added, stats.updated, stats.absent, stats.manual_kept) == (1, 2, 1, 1)


@settings(max_examples=150, deadline=None)
@given(st.sets(st.integers(0, 40), max_size=25), st.sets(st.integers(0, 40), max_size=25))
def test_reimport_never_loses_a_dwelling_and_keeps_ids(old_ids, new_ids):
    existing = analyse.number_new([record("%010d" % i, geom_import=(0, 0)) for i in sorted(old_ids)])
    before = {r["values"]["ident_rep"]: r["values"]["id_osp"] for r in existing}
    incoming = [record("%010d" % i) for i in sorted(new_ids)]
    out, stats = analyse.merge_reimport(existing, incoming, key, "now")
    ids = {r["values"]["ident_rep"]: r["values"]["id_osp"] for r in out}
    assert len(out) == len(old_ids | new_ids)                     # nothing lost, no double
    assert all(ids[k] == v for k, v in before.items())            # stable ids
    assert len(set(ids.values())) == len(ids)
    absent = {r["values"]["ident_rep"] for r in out
              if r["values"].get("statut") == "absent_dernier_envoi"}
    assert absent == {"%010d" % i for i in old_ids - new_ids} if new_ids else absent == set()
    assert stats.added == len(new_ids - old_ids)


def test_atlas_file_names_are_safe_on_windows_and_sorted():
    from osp_qgis.logements import atlas
    assert atlas.entity_filename("epci", "CALL", "CA de Lens - Liévin") == "epci_CALL"
    assert atlas.entity_filename("commune", "62498", "Lens") == "commune_62498_Lens"
    name = atlas.entity_filename("cite", "7", 'Cité "4/5" : Sud*? <Nœux>|')
    assert not set(name) & set('*/:\\?"<>| ') and name.startswith("cite_7_Cite_4_5_Sud")
    assert atlas.entity_filename("bassin", "bassin", "Bassin minier") == "bassin_minier"
    assert atlas.entity_title("epci", "CALL", "CA de Lens-Liévin") == \
        "EPCI : CA de Lens-Liévin (CALL)"


def test_atlas_figures_are_the_synthesis_counts():
    from osp_qgis.logements import atlas, synthesis
    dwellings = [{"annee_financ": 2018, "type_palu": "Groupé", "geoloc_source": "parcelle"},
                 {"annee_financ": 2018, "type_palu": "Hors", "geoloc_source": None},
                 {"annee_financ": 2020, "type_palu": "Isolé", "geoloc_source": "adresse"}]
    years = synthesis.year_columns(dwellings)
    rows, not_located = atlas.figures(dwellings, years)
    assert rows == [("2018", 1, 1, 2), ("2019", 0, 0, 0), ("2020", 1, 0, 1), ("Total", 2, 1, 3)]
    assert not_located == 1
