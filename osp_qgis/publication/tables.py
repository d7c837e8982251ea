"""What may be published, and to whom: each table of a source is classified from its name and
fields, never from what the user says it is.

- ``logements``, ``operations``: partner data — a landlord sees its own rows, an EPCI those of
  its territory, the State everything, an anonymous visitor nothing;
- ``indicateurs`` (tables under statistical secrecy: a ``secret`` column, or beside such tables
  in the same output) and ``territoire`` (cités, communes, EPCI…): public;
- the atlases' pages (counts of renovated dwellings per entity and year) are written by the
  publication itself, public too (processing_algs/publication/atlases.py);
- ``licence``: Fichiers fonciers rows or counts without secrecy — never published, not even
  copied into the publication;
- ``interne``: everything else (notes, anomalies, the workbooks' signing key, styles…): not
  published, not copied.
"""
PARTNER_KINDS = ("logements", "operations")
PUBLIC_KINDS = ("indicateurs", "territoire")
# fields that only the Fichiers fonciers (licensed, Cerema) carry
LICENSED_FIELDS = {"loghlls", "catpro3", "hlmsem", "dteloc", "jannath", "ccthp", "logh",
                   "ff_sociaux", "logements_ff", "logements_sociaux_ff"}
TERRITORY_TABLES = {"cites", "communes", "epci", "departements", "bassin", "territoires"}
SECRET_FIELD = "secret"
# the field that says which partner a row belongs to, per kind
PARTNER_FIELDS = {"logements": ("bailleur", "epci"), "operations": ("bailleur", "epci")}
# fields of a landlord's dwellings that only it and the State read (its own ids, raw values)
PRIVATE_FIELDS = {"logements": ("ident_int", "num_rpls_ini", "num_esti_ini", "idpar_ini",
                                "idlocal_ini", "cite_ini", "ligne_source", "maj_par"),
                  "operations": ("maj_par",)}
# the operation's block each partner may change through the web (WFS-T update)
EDITABLE_PREFIXES = {"bailleur": "b_", "epci": "e_"}

REASONS = {"licence": "données sous licence (Fichiers fonciers) : jamais publiées",
           "interne": "table interne (notes, anomalies, clé, styles) : non publiée"}


def classify(table, fields, siblings=()):
    """``(kind, French reason)`` of table ``table`` with ``fields``; ``siblings`` are the
    field lists of the other tables of the same source (an output under secrecy)."""
    names = {f.lower() for f in fields}
    table = table.lower()
    if names & LICENSED_FIELDS and SECRET_FIELD not in names:
        return "licence", REASONS["licence"]
    if {"ident_rep", "bailleur", "epci"} <= names:
        return "logements", "logements des bailleurs : chacun les siens"
    if {"id_op", "bailleur", "epci", "annee_prog"} <= names:
        return "operations", "opérations : chaque partenaire les siennes"
    if SECRET_FIELD in names or (any(SECRET_FIELD in {f.lower() for f in other}
                                     for other in siblings) and "id_op" not in names
                                 and "id_note" not in names):
        return "indicateurs", "indicateurs sous secret statistique : publics"
    if table in TERRITORY_TABLES and not names - {"fid", "geom", "id_cite", "nom", "communes",
                                                  "code", "insee", "siren", "sigle",
                                                  "nom_court", "dep", "epci_siren"}:
        return "territoire", "territoire : public"
    return "interne", REASONS["interne"]


def is_published(kind):
    return kind in PARTNER_KINDS or kind in PUBLIC_KINDS
