"""Which header means which role: header-row detection and column mapping.

The synonyms live in ``resources/reference/column_synonyms.csv``; this module
only applies them.  A role is one of :data:`ROLES`.
"""
from dataclasses import dataclass, field

from ..ids import fold
from .raw import is_blank

ROLES = ("rpls", "internal_id", "local", "parcel", "commune", "departement", "epci",
         "intitule", "bailleur", "palulos", "decision", "annee",
         "numero_voie", "indice_repetition", "voie", "cite")
ID_ROLES = ("rpls", "internal_id", "local", "parcel")
ROLE_LABELS = {
    "rpls": "identifiant RPLS", "internal_id": "identifiant bailleur",
    "local": "identifiant fiscal", "parcel": "parcelle", "commune": "commune",
    "departement": "département", "epci": "EPCI", "intitule": "intitulé",
    "bailleur": "bailleur", "palulos": "type PALULOS", "decision": "n° de décision",
    "annee": "année de financement", "numero_voie": "numéro de voie",
    "indice_repetition": "indice de répétition", "voie": "voie", "cite": "cité",
}
HEADER_SCAN_ROWS = 100
MIN_HEADER_MATCHES = 2


class ColumnError(Exception):
    """No usable header or mapping; the message is French, for the user."""


@dataclass
class ColumnMap:
    headers: list                      # header text of every column
    roles: dict                        # role -> column index
    header_index: int                  # index in RawSheet.rows of the header row
    others: list = field(default_factory=list)  # [column index] not mapped to a role
    empty: set = field(default_factory=set)     # columns with neither header nor value

    def column_of(self, role):
        return self.roles.get(role)


def _matches(folded, kind, synonym):
    if not folded:
        return False
    return folded == synonym if kind == "exact" else folded.startswith(synonym)


def _role_candidates(synonyms, folded, group):
    """Roles a header may have, best first: group-qualified, exact, prefix."""
    found = []
    for priority, want_group, want_kind in ((0, True, "exact"), (1, False, "exact"),
                                            (2, False, "debut")):
        for role, synonym, kind, syn_group in synonyms:
            if kind != want_kind or bool(syn_group) != want_group:
                continue
            if want_group and syn_group not in group:
                continue
            if _matches(folded, kind, synonym):
                found.append((priority, role))
    return found


_KNOWN_NAMES = [None, {}]   # [the synonyms list, {folded text: is a known name}]


def _is_known_name(synonyms, folded):
    """Whether a folded cell reads like a column name (memoised for one synonyms list:
    the header is looked for twice among the same first rows)."""
    if _KNOWN_NAMES[0] is not synonyms:
        _KNOWN_NAMES[:] = [synonyms, {}]    # the list is kept: its identity stays its own
    known = _KNOWN_NAMES[1]
    if folded not in known:
        known[folded] = bool(_role_candidates(synonyms, folded, ""))
    return known[folded]


def header_score(cells, synonyms):
    """How many cells of a row read like known column names."""
    return sum(1 for c in cells if _is_known_name(synonyms, fold(c)))


def detect_header_row(rows, synonyms, scan=HEADER_SCAN_ROWS):
    """Index (in ``rows``) of the row of column names: the first row, among the
    first ``scan`` non-blank ones, with the most recognised names (at least
    :data:`MIN_HEADER_MATCHES`).  Group rows such as « Identifiants |
    Programme » above it score lower and are skipped."""
    best, best_score, seen = None, MIN_HEADER_MATCHES - 1, 0
    for index, (_, cells) in enumerate(rows):
        if is_blank(cells):
            continue
        seen += 1
        if seen > scan:
            break
        score = header_score(cells, synonyms)
        if score > best_score:
            best, best_score = index, score
    return best


def group_labels(rows, header_index, width):
    """Folded labels of the group row right above the header, forward-filled
    across merged cells (``Identifiants`` over 8 columns)."""
    if header_index is None or header_index == 0:
        return [""] * width
    _, cells = rows[header_index - 1]
    if is_blank(cells):
        return [""] * width
    labels, current = [], ""
    for i in range(width):
        text = fold(cells[i]) if i < len(cells) else ""
        current = text or current
        labels.append(current)
    return labels


def map_columns(headers, groups, synonyms, explicit=None):
    """Assign roles to columns.

    ``explicit`` maps a role to a header name chosen by the user (it wins).
    Then each role goes to the leftmost column matching it, group-qualified
    synonyms first (``Bailleur`` under ``Identifiants`` is the landlord's
    dwelling id), then exact names, then prefixes.  When a sheet has two
    ``Bailleur`` columns and no group row, the left one is the dwelling id
    and the right one the landlord's name (the OSP export's layout).
    """
    explicit = {r: h for r, h in (explicit or {}).items() if h}
    folded = [fold(h) for h in headers]
    roles = {}
    for role, name in explicit.items():
        target = fold(name)
        index = next((i for i, f in enumerate(folded)
                      if f == target and i not in roles.values()), None)
        if index is None:
            raise ColumnError("La colonne « %s » indiquée pour le rôle « %s » est absente de la "
                              "feuille (colonnes : %s)." % (name, ROLE_LABELS.get(role, role),
                                                            ", ".join(h for h in headers if h)))
        roles[role] = index
    candidates = {i: _role_candidates(synonyms, folded[i], groups[i] if i < len(groups) else "")
                  for i in range(len(headers))}
    for priority in (0, 1, 2):
        for i in range(len(headers)):
            if i in roles.values():
                continue
            for prio, role in candidates[i]:
                if prio == priority and role not in roles:
                    roles[role] = i
                    break
    if "bailleur" in roles and "internal_id" not in roles:
        twins = [i for i, f in enumerate(folded) if f == folded[roles["bailleur"]]
                 and (i == roles["bailleur"] or i not in roles.values())]
        if len(twins) >= 2:
            roles["internal_id"], roles["bailleur"] = twins[0], twins[1]
    others = [i for i in range(len(headers)) if i not in roles.values()]
    return roles, others


def has_header(rows, synonyms):
    """Whether a sheet's first rows hold a recognisable header (to choose a sheet)."""
    return detect_header_row(rows, synonyms) is not None


def detect_columns(rows, synonyms, explicit=None, where=""):
    """Header row + role mapping of a raw sheet, or a French :class:`ColumnError`.
    ``where`` names the sheet in messages (« dans la feuille « Logements » »)."""
    header_index = detect_header_row(rows, synonyms)
    if header_index is None:
        if explicit and any(explicit.values()):
            header_index = next((i for i, (_, c) in enumerate(rows) if not is_blank(c)), None)
        if header_index is None:
            raise ColumnError(
                "Aucune ligne d'en-tête reconnue%s : parmi les %d premières lignes non vides, "
                "aucune n'a au moins %d noms de colonnes connus (« RPLS », « Fiscal », "
                "« Parcelle », « Commune », « Intitulé »…). Retirer les lignes de titre au-dessus "
                "de l'en-tête, ou indiquer les colonnes dans les paramètres avancés "
                "(FIELD_RPLS, FIELD_PARCEL…)." % (where, HEADER_SCAN_ROWS, MIN_HEADER_MATCHES))
    width = max(len(c) for _, c in rows)
    headers = list(rows[header_index][1]) + [""] * (width - len(rows[header_index][1]))
    groups = group_labels(rows, header_index, width)
    roles, others = map_columns(headers, groups, synonyms, explicit)
    empty = empty_columns(rows, header_index, headers)
    others = [i for i in others if i not in empty]
    if not any(r in roles for r in ID_ROLES + ("voie",)):
        raise ColumnError("Aucune colonne d'identifiant reconnue (RPLS, identifiant bailleur, "
                          "fiscal, parcelle ou adresse) dans l'en-tête%s (ligne %d) : %s."
                          % (where, rows[header_index][0], ", ".join(h for h in headers if h)))
    return ColumnMap(headers=headers, roles=roles, header_index=header_index, others=others,
                     empty=empty)


def empty_columns(rows, header_index, headers):
    """Columns without a header and without any value below it: not columns at all, only
    the width a stray cell far to the right (column XFD) gives a sheet. Rows come without
    their trailing blank cells, so the columns past the longest data row are empty
    without looking."""
    data = rows[header_index + 1:]
    data_width = max((len(c) for _, c in data), default=0)
    blank = [i for i, h in enumerate(headers) if not str(h).strip()]
    empty = {i for i in blank if i >= data_width}
    inside = {i for i in blank if i < data_width}
    if inside:
        seen = set()
        for _, cells in data:
            for i in inside - seen:
                if i < len(cells) and str(cells[i]).strip():
                    seen.add(i)
            if seen == inside:
                break
        empty |= inside - seen
    return empty
