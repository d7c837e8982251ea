"""What goes with the published project: an ISO 19139 record per published dataset (for
Géo2France's catalogue) and LISEZMOI.txt, which says, in French, what is published, to whom,
what was left out and why, and how to install the server's access control."""
import datetime
import os

from ...osp_qgis.parc_social.indicators import DEFAULT_THRESHOLD
from ...osp_qgis.publication import iso19139
from ...osp_qgis.publication import tables as kinds
from . import atlases

FOLDER = "metadonnees"
LINEAGE = {"logements": "Tables des bailleurs sociaux jointes au cadastre (parcelles Etalab, "
                        "Fichiers fonciers pour la localisation), contrôlées et complétées "
                        "(commune, EPCI, cité) par le plugin QGIS OSP ERBM.",
           "operations": "Programmation ERBM saisie par les bailleurs, les EPCI et la DDTM "
                         "dans les classeurs signés du plugin OSP ERBM, décisions du CRHH.",
           "indicateurs": "Répertoire des logements locatifs des bailleurs sociaux (RPLS) et, "
                          "le cas échéant, enquête sur l'occupation du parc social (OPS), "
                          "agrégés par territoire par le plugin OSP ERBM.",
           "territoire": "Référentiels territoriaux (communes, EPCI, cités minières de la "
                         "Mission Bassin Minier)."}
SECRECY = ("Secret statistique : toute valeur calculée sur moins de %d logements ou ménages "
           "est masquée, ainsi que les valeurs qui permettraient de la retrouver par "
           "différence (secret secondaire, sur l'ensemble des tables publiées ensemble)."
           % DEFAULT_THRESHOLD)


def write_records(folder, layers, info):
    """One record per published layer, named after its short name; returns their number."""
    os.makedirs(folder, exist_ok=True)
    contact = {"organisation": info.get("contact") or "DDTM du Pas-de-Calais – MCSIG"}
    if "@" in (info.get("contact") or ""):
        contact["email"] = next(w for w in info["contact"].split() if "@" in w).strip("<>(),;")
    for table, layer in layers:
        record = iso19139.record({
            "identifier": "osp-erbm-%s" % layer["short"], "title": layer["name"],
            "abstract": "%s %s" % (layer["abstract"], info.get("abstract") or ""),
            "lineage": LINEAGE.get(table.kind), "extent": layer["extent"],
            "crs": layer["crs"], "contact": contact,
            "updated": datetime.date.today(), "public": table.kind in kinds.PUBLIC_KINDS,
            "secrecy": SECRECY if table.kind == "indicateurs" else None,
            "keywords": ("ERBM", "Bassin minier", "logement social", table.kind)})
        with open(os.path.join(folder, layer["short"] + ".xml"), "w", encoding="utf-8",
                  newline="\n") as handle:
            handle.write(record)
    return len(layers)


def write_readme(path, info, layers, excluded, prints=()):
    lines = [info["title"], "=" * len(info["title"]), "",
             "Publication préparée par le plugin QGIS OSP ERBM (osp:publier) le %s."
             % datetime.date.today().strftime("%d/%m/%Y"), "",
             "Projet : osp_erbm.qgs (QGIS Server, Lizmap), avec le contrôle d'accès ; "
             "osp_erbm_public.qgs : les seules couches publiques, pour un accès sans "
             "identification (pages OGC API, catalogue). Données : donnees/. Fiches de "
             "métadonnées ISO 19139 : metadonnees/. Partenaires : partenaires.csv.", "",
             "Couches publiées", "----------------"]
    for table, layer in layers:
        audience = ("tout public" if table.kind in kinds.PUBLIC_KINDS else
                    "partenaires : chaque bailleur ses lignes, chaque EPCI son territoire, "
                    "l'État tout")
        lines.append("- %s (%s) : %s" % (layer["name"], layer["short"], audience))
    lines += ["", "Tables non publiées", "-------------------"]
    lines += ["- %s › %s : %s" % item for item in excluded] or ["(aucune)"]
    lines += _atlas_lines(prints)
    lines += ["", "Contrôle d'accès sur le serveur", "-------------------------------",
              "Copier le dossier server_plugin/osp_erbm_acces du plugin OSP ERBM dans le "
              "dossier des extensions de QGIS Server (variable QGIS_PLUGINPATH). Sans elle, "
              "le serveur publierait les données des partenaires à tous : ne pas ouvrir la "
              "publication sans elle.",
              "L'utilisateur et ses groupes sont lus dans les en-têtes X-Lizmap-User et "
              "X-Lizmap-User-Groups (autres noms : variables OSP_ACCES_EN_TETE_UTILISATEUR et "
              "OSP_ACCES_EN_TETE_GROUPES, par exemple REMOTE_USER derrière un mandataire). Le "
              "frontal doit retirer ces en-têtes des requêtes des clients.",
              "Groupes : ceux de partenaires.csv (osp_bailleur_…, osp_epci_…), osp_admin et "
              "osp_lecteur (État : tout). Utilisateur inconnu : visiteur anonyme.", ""]
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines))


def _atlas_lines(prints):
    """How to print an atlas page through QGIS Server (GetPrint)."""
    if not prints:
        return []
    lines = ["", "Atlas imprimables par le serveur (GetPrint)",
             "-------------------------------------------",
             "Une page par requête WMS GetPrint ; ATLAS_PK est le fid de la page dans la "
             "couche de ses pages (WFS : GetFeature sur cette couche, champ « cle » = code "
             "de l'entité). Les logements de la carte sont ceux que le demandeur peut lire. "
             "QGIS Server 3.22 écrit le texte des tableaux et de l'échelle en tracés (texte "
             "sélectionnable à partir de QGIS Server 3.34, options du format PDF de "
             "FORMAT_OPTIONS)."]
    for entry in prints:
        lines.append("- « %s » : pages dans %s ; requête : %s" % (
            entry["layout"], entry["coverage"], atlases.get_print_query(entry, "<fid>")))
    return lines
