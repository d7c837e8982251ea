"""The programmation's pure rules: rates, estimates, names, block rules, recap lines, the
partner round trip's plan.  Expected values are written out by hand from the issue and the
2021 exports, not produced by the code under test."""
import datetime

import pytest

from osp_qgis.programmation import model, rates, recap, roundtrip
from osp_qgis.programmation import sheet as programmation_sheet

RATES_2021 = {2021: {"BBC": 9000.0, "C": None, "bonus_toiture": 1000.0, "bonus_mur": 1500.0,
                     "bonus_mur_toiture": 2500.0}}


# -- rates ----------------------------------------------------------------------------------
def test_the_2021_exports_are_reproduced_by_the_shipped_rates():
    # « 78 logements → 702 000 / 780 000 / 819 000 / 897 000 € » (issue #10)
    assert rates.estimate(2021, 0, 78, 78) == (702000.0, 780000.0, 819000.0, 897000.0)


def test_without_biosourced_dwellings_the_four_columns_are_equal():
    assert rates.estimate(2021, 0, 40, 0) == (360000.0,) * 4


def test_the_unknown_c_rate_is_never_invented():
    assert rates.rate(2021, "C") is None
    assert rates.estimate(2021, 4, 180, 184) == (None,) * 4
    assert rates.missing(2021, 4, 180, 184) == ["taux C 2021"]
    assert rates.missing(2021, 0, 180, 0) == []
    # an unknown year: every rate is lacking
    assert rates.estimate(1999, 0, 10, 0) == (None,) * 4
    assert rates.missing(1999, 0, 10, 5)[0] == "taux BBC 1999"


def test_a_filled_c_rate_is_used():
    table = {2030: dict(RATES_2021[2021], C=5000.0)}
    assert rates.estimate(2030, 4, 10, 2, table) == (110000.0, 112000.0, 113000.0, 115000.0)


# -- names ----------------------------------------------------------------------------------
def test_proposed_name_follows_the_convention():
    assert model.propose_name("M&C", "CABBALR", "Bruay-la-Buissière", "Cité Anatole France") \
        == "MC CABBALR BRUAY LA BUISSIERE ANATOLE FRANCE"
    assert model.propose_name("SIA", "CALL", "Méricourt", "Cité de la Croisette", "tranche 1") \
        == "SIA CALL MERICOURT CROISETTE TRANCHE 1"


@pytest.mark.parametrize("name,bailleur,epci,commune,cite,tranche", [
    ("MC CABBALR BRUAY LA BUISSIERE ANATOLE FRANCE", "M&C", "CABBALR", "62178", "ANATOLE FRANCE",
     None),
    ("SA CACH ROUVROY LA MOTTE NOUVEA - TRANCHE2", "SIA", "CAHC", None, None, "TRANCHE2"),
    ("MC CCCC MASY CHAMP FLEURI T2", "M&C", "CCCO", None, None, "T2"),
    ("MC CALL LENS 4 T3", "M&C", "CALL", "62498", "4", "T3"),
])
def test_names_of_the_2021_recap_are_read(name, bailleur, epci, commune, cite, tranche):
    parsed = model.parse_name(name)
    assert parsed["bailleur"] == bailleur
    assert parsed["epci"] == epci
    assert parsed["tranche"] == tranche
    if commune:
        assert parsed["commune"] == commune
    if cite:
        assert parsed["cite"] == cite


def test_distinct_names_within_a_year():
    ops = [{"nom": "MC CALL LENS DU 4", "annee_prog": 2021},
           {"nom": "MC CALL LENS DU 4 T2", "annee_prog": 2021},
           {"nom": "MC CALL LENS DU 4 T3", "annee_prog": 2022}]
    assert roundtrip.distinct_name("MC CALL LENS DU 4", ops, 2021) == "MC CALL LENS DU 4 T3"
    assert roundtrip.distinct_name("MC CALL LENS DU 4", ops, 2022) == "MC CALL LENS DU 4 T2"


# -- rules ----------------------------------------------------------------------------------
def _motifs(op, prefix="b"):
    return [m for _, m, _ in model.check_block(op, prefix)]


def test_block_rules():
    assert _motifs({"b_nb_total": 10, "b_nb_c": 2, "b_nb_bbc": 8, "b_nb_bio": 10}) == []
    assert _motifs({"b_nb_total": 10, "b_nb_c": 2, "b_nb_bbc": 7}) == ["repartition_incoherente"]
    assert _motifs({"b_nb_total": 10, "b_nb_c": 2}) == []          # split not given: no rule
    assert _motifs({"b_nb_total": 10, "b_nb_bio": 11}) == ["biosources_trop_nombreux"]
    assert _motifs({"b_nb_total": -1}) == ["valeur_negative"]
    assert _motifs({"e_env_total": 100.0, "e_env_c": 30.0, "e_env_bbc": 60.0}, "e") == \
        ["enveloppe_incoherente"]
    assert _motifs({"d_env_min": 10.0, "d_env_max": 5.0}, "d") == ["minimum_superieur_au_maximum"]
    assert _motifs({"crhh_nb_valides": -3}, "crhh") == ["montant_negatif"]


def test_identity_rules_name_the_known_values():
    problems = model.check_operation({"nom": "X", "bailleur": "XYZ", "epci": "CALL",
                                      "statut": "fini", "annee_prog": 1990},
                                     bailleurs={"M&C"}, epcis={"CALL"})
    assert [m for _, m, _ in problems] == ["bailleur_inconnu", "statut_inconnu",
                                           "annee_invalide"]
    assert "M&C" in problems[0][2]


@pytest.mark.parametrize("text,expected", [
    ("1 250,50 €", 1250.5), ("1.250,50", 1250.5), ("702000", 702000.0), ("-", None),
    ("", None), (12, 12.0)])
def test_amounts_read_the_french_way(text, expected):
    assert model.parse_number(text) == expected


def test_unreadable_values_are_errors_not_guesses():
    for bad in ("douze", "12,5,3", True):
        with pytest.raises(ValueError):
            model.parse_number(bad)
    with pytest.raises(ValueError):
        model.parse_number("12.5", integer=True)
    with pytest.raises(ValueError):
        model.parse_date("31/02/2021")
    assert model.parse_date("01/04/2021") == datetime.date(2021, 4, 1)
    assert model.parse_oui_non("Oui") == "oui" and model.parse_oui_non("0") == "non"


def test_most_advanced_block():
    assert model.most_advanced_block({"b_nb_total": 1}) == "b"
    assert model.most_advanced_block({"b_nb_total": 1, "e_nb_total": 2}) == "e"
    assert model.most_advanced_block({"b_nb_total": 1, "d_nb_total": 0}) == "d"
    assert model.most_advanced_block({"crhh_nb_valides": 3, "d_nb_total": 4}) == "crhh"
    assert model.most_advanced_block({}) is None


# -- recap ----------------------------------------------------------------------------------
def _op(id_op, nom, epci, commune, total, c, bbc, bio, **extra):
    op = model.empty_operation()
    op.update({"id_op": id_op, "nom": nom, "epci": epci, "communes": commune,
               "annee_prog": 2021, "statut": "propose", "b_nb_total": total, "b_nb_c": c,
               "b_nb_bbc": bbc, "b_nb_bio": bio})
    op.update(extra)
    return op


def test_recap_lines_group_by_departement_then_epci_with_exact_totals():
    ops = [_op(1, "MC CALL LENS 4", "CALL", "62498", 130, 0, 130, 130),
           _op(2, "MC CAPH WALLERS ARSEBERG", "CAPH", "59632", 107, 0, 107, 0),
           _op(3, "SA CALL MERICOURT CROISETTE", "CALL", "62570", 118, 98, 20, 0),
           _op(4, "MC CALL LIEVIN ANNULEE", "CALL", "62510", 50, 0, 50, 0, statut="annule"),
           _op(5, "MC CALL AUTRE ANNEE", "CALL", "62498", 50, 0, 50, 0, annee_prog=2022)]
    lines = recap.recap_lines(ops, 2021)
    assert [(l.kind, l.label) for l in lines] == [
        ("operation", "MC CAPH WALLERS ARSEBERG"), ("total_epci", "TOTAL CAPH"),
        ("total_dep", "TOTAL DEP 59"),
        ("operation", "MC CALL LENS 4"), ("operation", "SA CALL MERICOURT CROISETTE"),
        ("total_epci", "TOTAL CALL"), ("total_dep", "TOTAL DEP 62"),
        ("total", "TOTAL DEP 59-62")]
    by_label = {l.label: l for l in lines}
    assert by_label["TOTAL CALL"].total == 248 and by_label["TOTAL CALL"].c == 98
    assert by_label["MC CALL LENS 4"].amounts == (1170000.0, 1300000.0, 1365000.0, 1495000.0)
    # the C rate is unknown: the operation with C dwellings and every total above it
    assert by_label["SA CALL MERICOURT CROISETTE"].amounts == (None,) * 4
    assert by_label["TOTAL CALL"].amounts == (None,) * 4
    assert by_label["TOTAL DEP 59"].amounts == (963000.0,) * 4
    assert by_label["TOTAL DEP 59-62"].total == 355
    assert by_label["TOTAL DEP 59-62"].missing == ["taux C 2021"]


def test_recap_uses_the_crhh_decision_then_the_forecasts():
    op = _op(1, "MC CALL LENS 4", "CALL", "62498", 130, 0, 130, 0, d_nb_total=120, d_nb_c=0,
             d_nb_bbc=120, d_nb_bio=60)
    line = recap.recap_lines([op], 2021)[0]
    assert (line.block, line.total, line.bio) == ("d", 120, 60)
    assert line.amounts == (1080000.0, 1140000.0, 1170000.0, 1230000.0)
    op.update({"crhh_nb_valides": 120, "crhh_enveloppe": 1000000.0})
    line = recap.recap_lines([op], 2021)[0]
    assert (line.block, line.total, line.c, line.bbc) == ("crhh", 120, 0, 120)
    assert line.amounts == (1000000.0, 1060000.0, 1090000.0, 1150000.0)
    line = recap.recap_lines([op], 2021, block="b")[0]    # the block asked for
    assert (line.block, line.total) == ("b", 130)


def test_latest_note_of_each_operation_skips_drafts():
    notes = [{"id_note": 1, "id_op": 1, "date": datetime.date(2021, 3, 1), "statut": "publie"},
             {"id_note": 2, "id_op": 1, "date": datetime.date(2021, 6, 1), "statut": "publie"},
             {"id_note": 3, "id_op": 1, "date": datetime.date(2021, 9, 1),
              "statut": "brouillon"},
             {"id_note": 4, "id_op": 2, "date": datetime.date(2021, 1, 1), "statut": "publie"}]
    latest = recap.latest_notes(notes)
    assert latest[1]["id_note"] == 2 and latest[2]["id_note"] == 4


def test_trajectory_cumulates_against_the_ambition():
    ops = [_op(1, "A", "CALL", "62498", 100, 0, 100, 0, crhh_nb_valides=90,
               crhh_date=datetime.date(2021, 2, 8), num_decision="D1"),
           _op(2, "B", "CAPH", "59632", 50, 0, 50, 0, annee_prog=2022),
           _op(3, "C", "CAPH", "59632", 70, 0, 70, 0, statut="annule")]
    dwellings = [{"epci": "CALL", "annee_financ": 2021, "geoloc_source": "parcelle",
                  "num_decision": "D1"}] * 3 + \
        [{"epci": "CAPH", "annee_financ": 2022, "geoloc_source": None, "num_decision": None}]
    traj = recap.trajectory(ops, dwellings, {"D1": {"annee": 2021, "nb": 90}}, start=2020,
                            span=4, ambition=400)
    assert traj.years == [2020, 2021, 2022, 2023]
    assert traj.cumulative["programmes"] == [0, 100, 150, 150]
    assert traj.cumulative["valides"] == [0, 90, 90, 90]
    assert traj.cumulative["finances"] == [0, 90, 90, 90]
    assert traj.cumulative["remontes"] == [0, 3, 4, 4]
    assert traj.cumulative["geolocalises"] == [0, 3, 3, 3]
    assert traj.ambition == [100, 200, 300, 400]
    assert traj.by_epci["CAPH"]["programmes"] == [0, 0, 50, 0]


# -- the partner round trip -----------------------------------------------------------------
def _issued_row(op, ligne, **typed):
    """A workbook row as issued for ``op``, then with the partner's typing."""
    names = roundtrip.editable_fields("bailleur")
    fixed = [op.get(n) if n in op else None for n in roundtrip.FIXED]
    values = {"id_op": op["id_op"], "version": op["version"],
              "empreinte_bloc": model.block_digest(op, names),
              "empreinte_fixe": roundtrip.fixed_digest(fixed)}
    values.update(dict(zip(roundtrip.FIXED, fixed)))
    values.update({n: op.get(n) for n in names})
    values.update(typed)
    return {"ligne": ligne, "cells": [str(v) for v in values.values()], "values": values}


def _context():
    return roundtrip.Context(cites=[], bailleurs={"M&C", "SIA"}, epcis={"CALL", "CAPH"})


def test_plan_applies_own_block_and_refuses_what_changed_meanwhile():
    a = _op(1, "MC CALL LENS 4", "CALL", "62498", 130, 0, 130, 0, bailleur="M&C", version=2)
    b = _op(2, "MC CALL LENS 5", "CALL", "62498", 60, 0, 60, 0, bailleur="M&C", version=1)
    c = _op(3, "SIA CALL LENS 6", "CALL", "62498", 60, 0, 60, 0, bailleur="SIA", version=1)
    rows = [_issued_row(a, 6, b_nb_total=140, b_nb_bbc=140),
            _issued_row(b, 7, b_nb_total=70, b_nb_bbc=70),
            _issued_row(c, 8, b_nb_total=1),
            _issued_row(a, 9)]
    b_now = dict(b, version=2, maj_par="CALL", date_maj=datetime.datetime(2021, 5, 1, 9, 0))
    meta = {"role": "bailleur", "partenaire": "M&C", "annee": 2021}
    plan = roundtrip.plan_partner([a, b_now, c], [], meta, rows, [], _context())
    assert plan.updates == {1: dict({n: a.get(n) for n in roundtrip.editable_fields("bailleur")},
                                    b_nb_total=140, b_nb_bbc=140)}
    motifs = {ligne: motif for ligne, motif, _, _ in plan.anomalies}
    assert motifs == {7: "conflit", 8: "hors_perimetre"}
    assert plan.conflicts == 1 and plan.rejected == 1 and plan.unchanged == 1
    assert "01/05/2021" in [d for l, _, d, _ in plan.anomalies if l == 7][0]
    after, _ = roundtrip.apply_plan([a, b_now, c], [], plan, "M&C",
                                    now=datetime.datetime(2021, 6, 1))
    assert after[0]["version"] == 3 and after[0]["b_nb_total"] == 140
    assert after[0]["maj_par"] == "M&C" and after[1] == b_now
    # the same workbook again: what was applied is not a conflict, nothing changes
    again = roundtrip.plan_partner(after, [], meta, rows, [], _context())
    assert again.updates == {} and again.conflicts == 1  # b is still a conflict


def test_locked_cells_typed_over_are_reported_and_ignored():
    a = _op(1, "MC CALL LENS 4", "CALL", "62498", 130, 0, 130, 0, bailleur="M&C", version=1)
    row = _issued_row(a, 6, nom="RENOMMÉE", b_obs="vu")
    meta = {"role": "bailleur", "partenaire": "M&C", "annee": 2021}
    plan = roundtrip.plan_partner([a], [], meta, [row], [], _context())
    assert [m for _, m, _, _ in plan.anomalies] == ["modification_hors_bloc"]
    assert plan.updates[1]["b_obs"] == "vu" and "nom" not in plan.updates[1]


def test_notes_are_appended_once():
    a = _op(1, "MC CALL LENS 4", "CALL", "62498", 130, 0, 130, 0, bailleur="M&C", version=1)
    note_rows = [{"ligne": 6, "cells": [], "values": {"operation": "mc call lens 4",
                                                      "date": datetime.date(2021, 9, 1),
                                                      "auteur": None, "texte": "OS signé"}},
                 {"ligne": 7, "cells": [], "values": {"operation": "inconnue", "date": None,
                                                      "auteur": None, "texte": "x"}},
                 {"ligne": 8, "cells": [], "values": {"operation": "MC CALL LENS 4",
                                                      "date": "pas une date", "auteur": None,
                                                      "texte": "x"}}]
    meta = {"role": "bailleur", "partenaire": "M&C", "annee": 2021}
    plan = roundtrip.plan_partner([a], [], meta, [], note_rows, _context())
    assert [(n["id_op"], n["texte"], n["role"], n["auteur"]) for n in plan.notes] == \
        [(1, "OS signé", "bailleur", "M&C")]
    assert [m for _, m, _, _ in plan.anomalies] == ["note_sans_operation", "note_incomplete"]
    _, notes = roundtrip.apply_plan([a], [], plan, "M&C")
    again = roundtrip.plan_partner([a], notes, meta, [], note_rows[:1], _context())
    assert again.notes == []


# -- any sheet ------------------------------------------------------------------------------
def test_the_2021_recap_layout_is_read():
    rows = [(1, ["Programmation 2021 — version du 25/03/2021 à 09h52", "", "", "", "", "", ""]),
            (2, [""] * 7),
            (3, ["Programmes", "Date de dépôt prévisionnelle", "Raport", "Nombre de logements",
                 "", "", ""]),
            (4, ["", "", "", "Total", "C", "BBC", "Biosourcés"]),
            (5, ["Version du 25/03/2021 à 09h52", "", "", "", "", "", ""]),
            (6, ["MC CALL LENS 4 T2", "01/04/2021", "non", "130", "0", "130", "130"]),
            (7, ["TOTAL CALL", "", "", "130", "", "", ""])]
    parsed = programmation_sheet.read(rows)
    assert parsed.year == 2021
    for role, index in (("nom", 0), ("date_depot", 1), ("report", 2), ("nb_total", 3),
                        ("nb_c", 4), ("nb_bbc", 5), ("nb_bio", 6)):
        assert parsed.roles[role] == index, role
    assert [l for l, _ in parsed.rows] == [6]
    assert [(l, m) for l, m, _, _ in parsed.skipped] == [(5, "ligne_titre"), (7, "ligne_total")]
