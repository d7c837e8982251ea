"""Who is asking, and what they may see — pure Python, no QGIS.

The user and the groups come from request headers that the front (Lizmap, a reverse proxy)
sets after authenticating: ``X-Lizmap-User`` and ``X-Lizmap-User-Groups`` by default, other
names through ``OSP_ACCES_EN_TETE_UTILISATEUR`` / ``OSP_ACCES_EN_TETE_GROUPES`` (e.g.
``REMOTE_USER``).  The front must remove those headers from what clients send.  The groups
(and the user name) are matched against ``partenaires.csv`` (``groupe;type;code;nom``, written
by osp:publier from the shared base's ``osp.partenaires`` or the reference tables); the State
groups (``osp_admin``, ``osp_lecteur``, ``OSP_ACCES_GROUPES_ETAT``) see everything.  Anyone
else is anonymous."""
import csv
import os

USER_HEADER = "X-Lizmap-User"
GROUPS_HEADER = "X-Lizmap-User-Groups"
STATE_GROUPS = ("osp_admin", "osp_lecteur")
ADMIN_GROUPS = ("osp_admin",)


class Acces:
    """``kind``: ``etat``, ``bailleur``, ``epci`` or ``anonyme``; ``codes``: the codes written
    in the data that are the partner's (landlord codes, EPCI sigles and SIREN)."""

    def __init__(self, kind, codes=(), admin=False, user=""):
        self.kind, self.codes, self.admin, self.user = kind, tuple(sorted(codes)), admin, user

    def cache_key(self):
        return "%s:%s" % (self.kind, ",".join(self.codes))

    def __repr__(self):
        return "Acces(%s)" % self.cache_key()


def header_names(environ=None):
    environ = os.environ if environ is None else environ
    return (environ.get("OSP_ACCES_EN_TETE_UTILISATEUR") or USER_HEADER,
            environ.get("OSP_ACCES_EN_TETE_GROUPES") or GROUPS_HEADER)


def state_groups(environ=None):
    environ = os.environ if environ is None else environ
    extra = [g.strip() for g in (environ.get("OSP_ACCES_GROUPES_ETAT") or "").split(",")
             if g.strip()]
    return set(STATE_GROUPS) | set(extra)


def read_partners(path):
    """``{groupe: (type, {codes})}`` of a partenaires.csv (empty when absent)."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            group, kind, code = (row.get("groupe") or "").strip(), row.get("type"), \
                (row.get("code") or "").strip()
            if group and kind in ("bailleur", "epci") and code:
                out.setdefault(group, (kind, set()))[1].add(code)
    return out


def access_of(user, groups_text, partners, environ=None):
    """The :class:`Acces` of a request."""
    user = (user or "").strip()
    groups = {g.strip() for g in (groups_text or "").split(",") if g.strip()}
    if user:
        groups.add(user)
    if not user:
        return Acces("anonyme")
    if groups & state_groups(environ):
        return Acces("etat", admin=bool(groups & set(ADMIN_GROUPS)), user=user)
    kinds = {}
    for group in sorted(groups):
        if group in partners:
            kind, codes = partners[group]
            kinds.setdefault(kind, set()).update(codes)
    if "bailleur" in kinds:          # a landlord's group wins over an EPCI's for one user
        return Acces("bailleur", kinds["bailleur"], user=user)
    if "epci" in kinds:
        return Acces("epci", kinds["epci"], user=user)
    return Acces("anonyme", user=user)


def quoted(value):
    return "'%s'" % str(value).replace("'", "''")


def row_filter(access, bailleur_field, epci_field):
    """The QGIS expression of the rows ``access`` may read (``None``: all; ``"FALSE"``:
    none)."""
    if access.kind == "etat":
        return None
    field = {"bailleur": bailleur_field, "epci": epci_field}.get(access.kind)
    if not field or not access.codes:
        return "FALSE"
    return '"%s" IN (%s)' % (field.replace('"', '""'),
                             ", ".join(quoted(c) for c in access.codes))


def row_subset(access, bailleur_field, epci_field):
    """The same, as an SQL subset string for the provider (GeoPackage, PostGIS)."""
    if access.kind == "etat":
        return ""
    field = {"bailleur": bailleur_field, "epci": epci_field}.get(access.kind)
    if not field or not access.codes:
        return "1 = 0"
    return '"%s" IN (%s)' % (field.replace('"', '""'),
                             ", ".join(quoted(c) for c in access.codes))
