"""The money's rules without QGIS: amounts read to the cent in every way partners type them,
funders recognised, a financial sheet planned row by row with its refusals."""
import datetime
import os
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osp_qgis.programmation import finance, finance_import, finance_recap

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tools"))
import sample_finance


@given(st.integers(min_value=0, max_value=10 ** 12))
def test_every_way_of_typing_an_amount_reads_the_same_cents(amount):
    assert finance.cents(sample_finance.euros_fr(amount)) == amount
    assert finance.cents(sample_finance.euros_fr(amount, dots=True)) == amount
    assert finance.cents(amount / 100) == amount
    whole, fraction = divmod(amount, 100)
    assert finance.cents("{:,}.{:02d}".format(whole, fraction)) == amount   # 12,000.50


@pytest.mark.parametrize("text", ["abc", "12.345.6", "1,2345", "12,34,56", "=1+1", "1 2 3,456",
                                  True])
def test_what_is_not_an_amount_is_refused(text):
    with pytest.raises(finance.AmountError):
        finance.cents(text)


@pytest.mark.parametrize("text, code", [("Région", "REGION"), ("Etat", "ETAT"),
                                        ("CD 62", "DEP62"), ("Département du Nord", "DEP59"),
                                        ("fonds propres", "FP"), ("BDT", "BDT"),
                                        ("Banque des Territoires", "BDT"), ("Mairie", None)])
def test_funders_are_recognised_by_code_label_or_shortening(text, code):
    assert finance.funder_code(text) == code


OPS = [{"id_op": 1, "nom": "MC CALL LENS 12", "num_decision": "2021DD1", "bailleur": "M&C",
        "epci": "CALL", "date_notification": None, "date_demarrage": None,
        "date_achevement": None, "date_solde": None, "cout_total_ttc": None},
       {"id_op": 2, "nom": "SIA CAHC CARVIN", "num_decision": None, "bailleur": "SIA",
        "epci": "CAHC", "date_notification": None, "date_demarrage": None,
        "date_achevement": None, "date_solde": None, "cout_total_ttc": None}]
HEADER = ["Opération", "Financeur", "Montant prévu", "Montant engagé", "Observation",
          "Date de versement", "Montant versé", "Date de notification", "Ordre de service"]


def plan(*rows):
    return finance_import.plan_import([(1, HEADER)] + [(n, list(r)) for n, r in
                                                       enumerate(rows, 2)], OPS, [], [])


def test_a_sheet_is_planned_row_by_row():
    result = plan(["MC CALL LENS 12", "Etat", "1 000,00 €", "800", "", "", "", "01/02/2022",
                   ""],
                  ["mc call lens 12", "Etat", "", "", "", "01/03/2022", "300", "", ""],
                  ["MC CALL LENS 12", "Etat", "", "", "", "01/04/2022", "600", "", ""],
                  ["Inconnue", "Etat", "1", "", "", "", "", "", ""],
                  ["SIA CAHC CARVIN", "Région", "100", "150", "", "", "", "", ""],
                  ["SIA CAHC CARVIN", "Région", "100", "150", "hausse votée", "", "", "", ""],
                  ["SIA CAHC CARVIN", "", "", "", "", "", "", "01/01/2022", "01/01/2021"])
    motifs = [(a[0], a[1]) for a in result.anomalies]
    assert motifs == [(4, "versement_superieur_engagement"), (5, "operation_inconnue"),
                      (6, "engage_superieur_prevu"), (8, "dates_incoherentes")]
    [state] = [f for f in result.financements if f["financeur"] == "ETAT"]
    assert (state["montant_prevu"], state["montant_engage"]) == (1000.0, 800.0)
    assert [v["montant"] for v in result.versements] == [300.0]
    [region] = [f for f in result.financements if f["financeur"] == "REGION"]
    assert region["obs"] == "hausse votée" and region["montant_engage"] == 150.0
    assert result.operations[0]["date_notification"] == datetime.date(2022, 2, 1)
    assert result.read == 7 and result.payments == 1


def test_deadlines_come_from_the_table_and_are_never_guessed():
    rules = finance_recap.deadlines()
    op = {"date_notification": datetime.date(2021, 4, 1), "date_achevement": None,
          "etat_financier": None, "cout_total_ttc": None}
    deadline, rule = finance_recap.completion_deadline(op, rules)
    assert deadline == datetime.date(2027, 4, 1) and rule["statut"] == "verifie"
    assert rule["version_lue"] == "2026-12-07"
    unknown = {key: dict(value, statut="a_renseigner") for key, value in rules.items()}
    assert finance_recap.completion_deadline(op, unknown) == (None, unknown[("PALULOS",
                                                                             "achevement")])
    alerts = finance_recap.operation_alerts(op, [], {}, datetime.date(2026, 12, 7), unknown)
    assert [a[0] for a in alerts] == ["echeance_a_renseigner"]


def test_every_deadline_says_its_status_and_a_checked_rule_its_reading_date():
    for (aid, step), rule in finance_recap.deadlines().items():
        assert rule["statut"] in ("verifie", "a_verifier", "a_renseigner"), (aid, step)
        if rule["statut"] == "verifie":
            assert datetime.date.fromisoformat(rule["version_lue"]) <= datetime.date.today()
            assert rule["texte"].startswith("CCH art."), (aid, step)
        if rule["statut"] != "a_renseigner":
            assert rule["mois"].isdigit(), (aid, step)
