"""Field names users know and their French aliases: one table for every layer.

A layer's field list is built with :func:`specs` from ``(name, type)`` pairs, so
that an alias is written once whatever layer carries the field."""

ALIASES = {
    "id_osp": "Identifiant OSP",
    "ident_rep": "Identifiant RPLS",
    "ident_int": "Identifiant bailleur",
    "idlocal": "Identifiant fiscal (idlocal)",
    "idpar": "Parcelle (idpar)",
    "idcom": "Code INSEE de la commune",
    "dep": "Département",
    "epci": "EPCI",
    "intitule": "Intitulé de l'opération",
    "bailleur": "Bailleur",
    "type_palu": "Type PALULOS",
    "num_decision": "N° de décision",
    "annee_financ": "Année de financement",
    "date_os": "Date de l'ordre de service",
    "date_fin": "Date de fin des travaux",
    "dnvoiri": "Numéro de voie",
    "dindic": "Indice de répétition",
    "dvoilib": "Libellé de la voie",
    "idcomtxt": "Commune",
    "cite_ini": "Cité (selon le bailleur)",
    "id_cite": "Cité",
    "nom_cite_1": "Nom de la cité",
    "l_id_cite": "Cités touchées (identifiants)",
    "info": "Information",
    "num_rpls_ini": "Identifiant RPLS reçu",
    "num_esti_ini": "Identifiant bailleur reçu",
    "idpar_ini": "Parcelle reçue",
    "idlocal_ini": "Identifiant fiscal reçu",
    "geoloc_source": "Source de la géolocalisation",
    "geoloc_motif": "Motif de non-géolocalisation",
    "ligne_source": "Ligne dans la feuille du bailleur",
    "date_maj": "Date de mise à jour",
    "statut": "Statut au dernier envoi",
    "geom_import": "Position à l'import (technique)",
    "ligne": "Ligne",
    "motif": "Motif",
    "detail": "Détail",
}


def specs(*pairs):
    """``(name, type)`` pairs -> ``(name, type, French alias)`` triples."""
    return tuple((name, kind, ALIASES[name]) for name, kind in pairs)
