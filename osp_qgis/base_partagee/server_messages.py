"""What PostgreSQL says, in French for the user: the refusals the server gives in English
(privileges, row security, constraints, missing tables) become sentences naming the table and
the column; the messages the OSP's own triggers raise are French already and kept.
Pure Python: ``(sqlstate, message, detail)`` in, text out."""
import re

_QUOTED = r'"?([^"\s]+)"?'
PATTERNS = (
    (r"permission denied for column %s of relation %s" % (_QUOTED, _QUOTED),
     "Droit refusé par la base : votre rôle ne peut pas lire ni modifier la colonne « {0} » de "
     "la table « {1} » (elle est réservée à un autre bloc ou à l'État)."),
    (r"permission denied for (?:table|relation|view) %s" % _QUOTED,
     "Droit refusé par la base : votre rôle n'a pas ce droit sur la table « {0} » (lecture "
     "d'une colonne réservée, ou modification d'une table en lecture seule pour lui)."),
    (r"permission denied for schema %s" % _QUOTED,
     "Droit refusé par la base : votre rôle n'a pas accès au schéma « {0} » (il n'est membre "
     "d'aucun groupe OSP)."),
    (r"permission denied for (?:function|procedure) %s" % _QUOTED,
     "Droit refusé par la base : votre rôle ne peut pas exécuter « {0} »."),
    (r"permission denied for sequence %s" % _QUOTED,
     "Droit refusé par la base : votre rôle ne peut pas numéroter de nouvelles lignes "
     "(séquence « {0} »)."),
    (r'new row violates row-level security policy(?: "[^"]*")? for table %s' % _QUOTED,
     "Ligne refusée par la base : elle n'appartient pas à votre bailleur ou à votre EPCI "
     "(table « {0} »)."),
    (r'null value in column %s(?: of relation %s)? violates not-null constraint'
     % (_QUOTED, _QUOTED),
     "Valeur obligatoire absente : colonne « {0} »{1}."),
    (r'relation %s does not exist' % _QUOTED,
     "Table « {0} » absente de la base : elle n'est pas préparée (« Préparer la base "
     "partagée ») ou ce n'est pas une base OSP."),
    (r'column %s(?: of relation %s)? does not exist' % (_QUOTED, _QUOTED),
     "Colonne « {0} » absente{1} : la base n'est pas à jour (relancer « Préparer la base "
     "partagée »)."),
    (r'password authentication failed for user %s' % _QUOTED,
     "Mot de passe refusé pour l'identifiant « {0} »."),
    (r'database %s does not exist' % _QUOTED,
     "La base « {0} » n'existe pas sur ce serveur."),
)
_KEY = re.compile(r"Key \((?P<columns>[^)]*)\)=\((?P<values>[^)]*)\)")


def french(sqlstate, message, detail="", constraint_messages=None):
    """The French sentence for a server error. ``constraint_messages``: constraint name →
    its French message (the forms' CHECKs carry one as their comment)."""
    message = (message or "").strip()
    if message.startswith(("ERROR:", "ERREUR:")):
        message = message.split(":", 1)[1].strip()
    first = message.splitlines()[0] if message else ""
    for pattern, text in PATTERNS:
        match = re.search(pattern, first)
        if match:
            groups = [g or "" for g in match.groups()]
            if "{1}" in text and len(groups) > 1:
                groups[1] = " de la table « %s »" % groups[1] if groups[1] else ""
            return text.format(*groups)
    if sqlstate == "23505":   # unique_violation
        key = _KEY.search(detail or "")
        what = "%s = %s" % (key.group("columns"), key.group("values")) if key else first
        return "Valeur déjà présente dans la base : %s (une autre ligne l'a déjà)." % what
    if sqlstate == "23503":   # foreign_key_violation
        key = _KEY.search(detail or "")
        what = "%s = %s" % (key.group("columns"), key.group("values")) if key else first
        return "Référence inconnue de la base : %s." % what
    if sqlstate == "23514":   # check_violation
        name = re.search(r'constraint "([^"]+)"', first)
        known = (constraint_messages or {}).get(name.group(1)) if name else None
        return known or "Valeur refusée par une règle de la base (%s)." % (
            name.group(1) if name else first)
    return first
