"""Issue 26, point 9: « Œ » and « Æ » never vanish where text is folded (operation names,
communes, streets, headers, file names)."""
from osp_qgis import files, ids, territory
from osp_qgis.addresses import normalise_street
from osp_qgis.logements.locate import header_ascii
from osp_qgis.plain_text import without_accents
from osp_qgis.programmation import model


def test_ligatures_are_spelled_out():
    assert without_accents("Nœux-les-Mines") == "Noeux-les-Mines"
    assert without_accents("Sœur Cœur ÆTHER Straße Ærø") == "Soeur Coeur AETHER Strasse AEro"
    assert without_accents("Cité Saint-Éloi") == "Cite Saint-Eloi"


def test_every_folding_keeps_the_letters():
    assert ids.fold("Nœux-les-Mines") == "noeuxlesmines"
    assert territory.fold_words("Cité du Sacré-Cœur") == "cite du sacre coeur"
    assert model.propose_name("M&C", "CABBALR", "Nœux-les-Mines", "Schneider") == \
        "MC CABBALR NOEUX LES MINES SCHNEIDER"
    assert normalise_street("rue de la Sœur Marie") == "RUE DE LA SOEUR MARIE"
    assert header_ascii("Nœud") == "noeud"
    assert files.safe_filename("epci_Cœur d'Ostrevent") == "epci_Coeur_d_Ostrevent"
