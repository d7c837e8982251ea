"""The publication's rules, without QGIS: what is published, who is who, which WFS-T changes
a partner may send, Lizmap's checks seen failing, the metadata's mandatory elements."""
import os
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osp_qgis.base_partagee import partners
from osp_qgis.publication import iso19139, lizmap, tables

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "server_plugin"))
from osp_erbm_acces import identite, transactions


@pytest.mark.parametrize("table, fields, kind", [
    ("analyse_logement", ["fid", "ident_rep", "bailleur", "epci", "idlocal"], "logements"),
    ("operations", ["id_op", "bailleur", "epci", "annee_prog"], "operations"),
    ("ff_non_remontes", ["idlocal", "idpar", "loghlls", "catpro3"], "licence"),
    ("ff_part_logements_sociaux", ["code", "logements_ff", "logements_sociaux_ff"], "licence"),
    ("ff_comparaison", ["idpar", "ff_sociaux", "remontes"], "licence"),
    ("communes", ["code", "logements", "n_t1", "secret"], "indicateurs"),
    ("cites", ["fid", "geom", "id_cite", "nom", "communes"], "territoire"),
    ("avancement", ["id_note", "id_op", "texte"], "interne"),
    ("osp_cle_classeurs", ["cle", "cree_le"], "interne"),
    ("cites", ["fid", "geom", "id_cite", "nom", "proprietaire_prive"], "interne"),
])
def test_each_table_is_classified_from_its_fields(table, fields, kind):
    assert tables.classify(table, fields)[0] == kind


def test_a_table_beside_secret_tables_is_published_only_without_licensed_fields():
    siblings = [["code", "secret"]]
    assert tables.classify("dpe_transitions", ["epci", "avant", "apres"], siblings)[0] == \
        "indicateurs"
    assert tables.classify("x", ["idlocal", "loghlls"], siblings)[0] == "licence"


def test_group_names_follow_the_shared_bases_rule():
    assert partners.group_name("bailleur", "M&C") == "osp_bailleur_mc"
    assert partners.group_name("epci", "CA-BBA LR") == "osp_epci_cabbalr"
    rows = partners.partner_rows()
    assert ("osp_bailleur_mc", "bailleur", "M&C", "Maisons & Cités") in rows


def test_who_is_who():
    table = {"osp_bailleur_mc": ("bailleur", {"M&C", "MC"}),
             "osp_epci_call": ("epci", {"CALL", "200033579"})}
    assert identite.access_of("", "osp_admin", table).kind == "anonyme"   # no user: nobody
    assert identite.access_of("x", "", table).kind == "anonyme"
    assert identite.access_of("x", "osp_bailleur_mc", table).codes == ("M&C", "MC")
    assert identite.access_of("x", "osp_epci_call, autre", table).kind == "epci"
    state = identite.access_of("x", "osp_lecteur", table)
    assert state.kind == "etat" and not state.admin
    assert identite.access_of("x", "osp_admin", table).admin
    assert identite.access_of("x", "osp_x", table, {"OSP_ACCES_GROUPES_ETAT": "osp_x"}) \
        .kind == "etat"
    assert len({identite.access_of("x", g, table).cache_key() for g in
                ("osp_bailleur_mc", "osp_epci_call", "osp_lecteur", "")}) == 4


@given(st.text())
def test_a_partner_code_stays_a_literal_in_the_filters(code):
    access = identite.Acces("bailleur", {code}, user="u")
    expression = identite.row_filter(access, "bailleur", "epci")
    inner = expression[len('"bailleur" IN ('):-1]
    assert inner == "'%s'" % code.replace("'", "''")
    assert identite.row_subset(access, "bailleur", "epci") == expression


PROJECT = b"""<qgis><projectlayers><maplayer><id>op1</id><layername>Operations</layername>
<shortname>operations</shortname><customproperties><Option type="Map">
<Option name="osp_acces/blocs" value="bailleur=b_,epci=e_" type="QString"/></Option>
</customproperties></maplayer></projectlayers></qgis>"""


def transaction(inner):
    return ('<wfs:Transaction xmlns:wfs="http://www.opengis.net/wfs" '
            'xmlns:ogc="http://www.opengis.net/ogc">%s</wfs:Transaction>' % inner).encode()


def test_a_partner_may_only_update_its_block():
    blocks = transactions.layer_blocks(PROJECT)
    assert blocks["operations"] == {"bailleur": "b_", "epci": "e_"}
    update = ('<wfs:Update typeName="operations"><wfs:Property><wfs:Name>%s</wfs:Name>'
              '<wfs:Value>1</wfs:Value></wfs:Property></wfs:Update>')
    assert transactions.problems(transaction(update % "b_nb_total"), "bailleur", blocks) == []
    assert transactions.problems(transaction(update % "e_nb_total"), "bailleur", blocks)
    assert transactions.problems(transaction(update % "bailleur"), "bailleur", blocks)
    assert transactions.problems(transaction(update % "b_nb_total"), "epci", blocks)
    assert transactions.problems(transaction('<wfs:Delete typeName="operations"/>'),
                                 "bailleur", blocks)
    assert transactions.problems(transaction('<wfs:Insert/>'), "bailleur", blocks)
    assert transactions.problems(b"<pas du xml", "bailleur", blocks)
    other = update.replace("operations", "analyse_logement") % "b_nb_total"
    assert transactions.problems(transaction(other), "bailleur", blocks)


BROKEN = """<qgis><trust active="0"/><properties><WFSLayers type="QStringList">
</WFSLayers></properties><projectlayers>
<maplayer><id>a</id><layername>a</layername><shortname>bad name</shortname>
<provider>postgres</provider><datasource>dbname='x' authcfg=abc table="t"</datasource>
<Option name="Layer" value="other"/></maplayer>
<maplayer><id>b1</id><layername>Dup </layername><shortname>dup</shortname>
<provider>ogr</provider><datasource>../elsewhere/x.gpkg</datasource></maplayer>
<maplayer><id>b2</id><layername>Dup </layername><shortname>dup</shortname>
<provider>ogr</provider><datasource>./x.gpkg</datasource></maplayer>
</projectlayers></qgis>"""


def test_lizmaps_checks_each_see_their_fault():
    found = dict(lizmap.problems(BROKEN))
    assert all(found[label] for label, _ in lizmap.CHECKS), \
        [label for label, problems in found.items() if not problems]


def test_a_record_misses_nothing_mandatory_and_a_bare_one_is_caught():
    text = iso19139.record({"title": "Titre", "extent": (2.0, 50.0, 3.0, 51.0)})
    assert iso19139.missing_elements(text) == []
    bare = ('<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"/>')
    assert len(iso19139.missing_elements(bare)) == len(iso19139.REQUIRED)
