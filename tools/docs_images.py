#!/usr/bin/python3
"""Copy the screenshots the tests take (tests/artifacts/, written by `make test`: the desktop
under Xvfb, forms, maps, PDF and workbook pages) that docs/ shows into docs/images/.

    /usr/bin/python3 tools/docs_images.py

Run after `make test` when a change alters what a person sees, then look at the pictures
and commit them.  Missing screenshots are named; nothing else is touched.
"""
import os
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(REPO, "tests", "artifacts")
IMAGES = os.path.join(REPO, "docs", "images")
SHOWN = ("bureau_boite_a_outils", "bureau_dialogue_jointure", "bureau_dialogue_synthese",
         "bureau_dialogue_croisement_ff", "bureau_dialogue_indicateurs_parc_social",
         "bureau_formulaire_onglet_1", "bureau_programmation_avancement",
         "classeur_partenaire-1", "programmation_recap-1", "programmation_bailleur-1",
         "atlas_epci_epci_CABBALR", "ff_part_logements_sociaux", "parc_social_fiche-01",
         "parc_social_part_sociaux_communes", "synthese_page-12", "livraison_dxf_cites",
         "livraison_qgis_cites_tab")


def main():
    os.makedirs(IMAGES, exist_ok=True)
    missing = []
    for name in SHOWN:
        source = os.path.join(ARTIFACTS, name + ".png")
        if os.path.exists(source):
            shutil.copyfile(source, os.path.join(IMAGES, name + ".png"))
        else:
            missing.append(name)
    if missing:
        print("Captures absentes (lancer make test) : %s" % ", ".join(missing))
        return 1
    print("%d captures copiées dans %s" % (len(SHOWN), IMAGES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
