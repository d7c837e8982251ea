"""The bilan's rules on their own: which period a survey speaks of, and that no household
figure it shows lets a group under the threshold be recomputed (hypothesis)."""
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from osp_qgis.programmation import bilan, bilan_situation

THRESHOLD = 11


def test_a_survey_in_the_year_of_the_works_says_neither():
    assert bilan_situation.period(2015, 2019) == "avant"
    assert bilan_situation.period(2024, 2019) == "apres"
    assert bilan_situation.period(2019, 2019) is None
    assert bilan_situation.period(None, 2019) is None


def test_the_works_year_is_the_end_of_works_else_the_financing_year():
    import datetime
    assert bilan.works_year({"date_fin": datetime.date(2022, 3, 1), "annee_financ": 2019}) \
        == 2022
    assert bilan.works_year({"date_fin": "2021-05-02"}) == 2021
    assert bilan.works_year({"date_fin": None, "annee_financ": 2018}) == 2018
    assert bilan.works_year({}) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["seule", "monoparentale", "couple_avec", ""]),
                          st.one_of(st.none(), st.floats(0, 200))),
                min_size=0, max_size=40))
def test_no_shown_share_reveals_a_small_group(answers):
    households = pd.DataFrame({
        "ident_rep": ["%010d" % i for i in range(len(answers))],
        "annee_enquete": [2024.0] * len(answers), "poids": [1.0] * len(answers),
        "composition": [a[0] for a in answers], "revenu_plafond": [a[1] for a in answers]})
    dwellings = pd.DataFrame({"ident_rep": list(households["ident_rep"]),
                              "code": ["X"] * len(answers),
                              "annee_travaux": [2019] * len(answers)})
    figures = bilan_situation.household_figures(households, dwellings, THRESHOLD)
    if not answers:
        assert figures == {}
        return
    cell = figures["X"]["apres"]
    n = len(answers)
    if n < THRESHOLD:
        assert all(v is None for v in cell.values())
        return
    assert cell["menages"] == n
    groups = {"seules": sum(a[0] == "seule" for a in answers),
              "monoparentales": sum(a[0] == "monoparentale" for a in answers),
              "sous_60": sum(a[1] is not None and a[1] < 60 for a in answers)}
    for name, k in groups.items():
        if cell[name] is None:
            continue
        recomputed = round(cell[name] * n / 100)      # what a reader can do
        assert recomputed == k
        for group in (k, n - k):
            assert group == 0 or group >= THRESHOLD
