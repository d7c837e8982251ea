"""Forms as files: every form follows its layer; value lists read as names, fit, stay exact."""
import pytest

from osp_qgis import forms
from osp_qgis.logements import analyse
from osp_qgis.programmation import finance, model

LAYER_FIELDS = {"analyse_logement": [name for name, _, _ in analyse.FIELDS],
                "operations": list(model.FIELD_NAMES),
                "avancement": [name for name, _, _ in model.NOTE_FIELDS],
                "financements": list(finance.FIN_KINDS),
                "versements": list(finance.PAY_KINDS)}


@pytest.mark.parametrize("name", forms.names())
def test_forms_match_their_layers(name):
    spec = forms.form(name)
    assert spec["layer"] == name
    assert forms.missing_fields(spec, LAYER_FIELDS[name]) == []


def test_the_analyse_form_keeps_its_tabs_and_constraints():
    spec = forms.form("analyse_logement")
    assert [t["name"] for t in spec["tabs"]] == ["Identifiants", "Programme", "Localisation",
                                                 "Cité", "Suivi", "Historique"]
    # « Historique » is the shared base's (a column kept by the server): optional elsewhere
    assert forms.optional_fields(spec) == {"historique"}
    assert set(spec["constraints"]) == {"idpar", "ident_rep", "idlocal", "date_fin",
                                        "annee_financ", "type_palu"}
    assert set(analyse.DERIVED_FIELDS) <= set(spec["read_only"])


def test_label_parts_and_alternatives():
    template = ["{nom}", " – {communes}"]
    assert forms.label(template, {"nom": "Cité Barrois", "communes": "Pecquencourt"}) == \
        "Cité Barrois – Pecquencourt"
    assert forms.label(template, {"nom": "Cité Barrois", "communes": None}) == "Cité Barrois"
    assert forms.label([["{sigle}", "{nom}"]], {"sigle": None, "nom": "CA du Douaisis"}) == \
        "CA du Douaisis"


def test_value_lists_are_bounded_and_unique():
    values = {"from": "table:cites", "key": "id_cite", "label": ["{nom}", " – {communes}"],
              "max_length": 24}
    rows = [{"id_cite": 1, "nom": "Cité Barrois", "communes": "Pecquencourt"},
            {"id_cite": 2, "nom": "Cité Barrois", "communes": "Pecquencourt"},
            {"id_cite": 3, "nom": "Cité n°10 de Béthune", "communes":
             "Sains-en-Gohelle, Bouvigny-Boyeffles, Aix-Noulette"}]
    pairs = forms.value_pairs(values, {"cites": rows})
    labels = [label for _, label in pairs]
    assert len(set(labels)) == 3 and all(len(label) <= 24 for label in labels)
    assert labels[0].endswith("(1)") and labels[2].endswith("…")
    assert forms.value_pairs(values, {}) is None  # table unknown: the caller keeps plain text


def test_reference_lists_read_names():
    pairs = dict(forms.value_pairs({"from": "reference:bailleurs.csv", "key": "code",
                                    "label": ["{nom}", " ({code})"]}))
    assert pairs["M&C"] == "Maisons & Cités (M&C)"


def test_a_broken_form_is_refused():
    with pytest.raises(forms.FormError):
        forms.check({"layer": "x", "tabs": [{"name": "A", "fields": ["a"]},
                                            {"name": "B", "fields": ["a"]}]})
    with pytest.raises(forms.FormError):
        forms.check({"layer": "x", "tabs": [], "widgets": {"a": {"type": "Inconnu"}}})


def test_the_operations_form_has_the_tabs_of_the_issue():
    spec = forms.form("operations")
    # short names: every tab reachable without the arrows at 650 px (issue 26, point 12)
    assert [t["name"] for t in spec["tabs"]] == [
        "Identité", "Bailleur", "EPCI", "DDTM", "CRHH", "Finances", "Avancement", "Historique"]
    assert spec["tabs"][-2].get("relation") == "avancement"
    # the money (issue 29): tabs « Plan de financement » and « Versements » (relation editors)
    # within « Finances », so that the tab bar still fits 650 px
    money = spec["tabs"][5]["tabs"]
    assert [(t["name"], t.get("relation")) for t in money] == [
        ("Plan de financement", "financements"), ("Versements", "versements")]
    assert spec["tabs"][-1].get("optional")   # the shared base's column only
    # every block field is in its tab; every rule of the model has a constraint in the form
    fields_of = {t["name"]: set(forms.tab_fields({"tabs": [t]})) for t in spec["tabs"]}
    for prefix, tab in (("b", "Bailleur"), ("e", "EPCI"), ("d", "DDTM"), ("crhh", "CRHH")):
        assert {n for n, _ in model.block_fields(prefix)} <= fields_of[tab], tab
        if prefix != "crhh":
            assert {"%s_nb_total" % prefix, "%s_nb_bio" % prefix,
                    "%s_env_total" % prefix} <= set(spec["constraints"])
