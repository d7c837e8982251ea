"""Reading any programmation sheet: a DDTM table, a landlord's own file, or the 2021 CRHH
recap itself (two header rows « Nombre de logements » over Total / C / BBC / Biosourcés,
« TOTAL … » lines, landlord and EPCI only in the operation's name).

Header rules are the join's (osp_qgis/columns.py) with the synonyms of
resources/reference/programmation_columns.csv.  Pure Python."""
import functools
import re
from dataclasses import dataclass, field

from ..ids import fold
from ..reference import read_reference
from ..sheets import columns
from ..sheets.raw import is_blank, total_label

_YEAR = re.compile(r"\bprogrammation\s+((?:19|20)[0-9]{2})\b", re.IGNORECASE)
_VERSION_LINE = re.compile(r"^\s*version\s+du\b", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def synonyms():
    return [(row["role"], row["entete"], row["correspondance"], row["groupe"] or "")
            for row in read_reference("programmation_columns.csv")]


def has_header(rows):
    return columns.detect_header_row(rows, synonyms()) is not None


@dataclass
class ProgrammationSheet:
    roles: dict                                  # role -> column index
    headers: list
    rows: list                                   # [(ligne, cells)] after the header
    year: object = None                          # read in the title (« Programmation 2021 »)
    skipped: list = field(default_factory=list)  # [(ligne, motif, detail, cells)]


def read(rows):
    """The header (one or two rows), the roles of the columns, the data rows; total lines
    and « Version du … » lines set aside (as ``ligne_total`` / ``ligne_titre``)."""
    index = columns.detect_header_row(rows, synonyms())
    if index is None:
        raise columns.ColumnError(
            "Aucune ligne d'en-tête de programmation reconnue (« Programmes » ou « Nom », "
            "« Total », « C », « BBC », « Biosourcés », « EPCI »…).")
    width = max(len(c) for _, c in rows)
    headers, roles = _header(rows, index, width)
    if index + 1 < len(rows):  # « Nombre de logements » over « Total | C | BBC | … »
        below_headers, below_roles = _header(rows, index + 1, width)
        if len(below_roles) > len(roles):
            index, headers, roles = index + 1, below_headers, below_roles
    year = None
    for _, cells in rows[:index]:
        for cell in cells:
            match = _YEAR.search(str(cell))
            if match:
                year = int(match.group(1))
    sheet = ProgrammationSheet(roles=roles, headers=headers, rows=[], year=year)
    for ligne, cells in rows[index + 1:]:
        if is_blank(cells):
            continue
        label = total_label(cells)
        if label is not None:
            sheet.skipped.append((ligne, "ligne_total", "Ligne de total « %s » : recalculée, "
                                  "pas importée." % label[:60], cells))
            continue
        first = next((str(c).strip() for c in cells if str(c).strip()), "")
        if _VERSION_LINE.match(first):
            sheet.skipped.append((ligne, "ligne_titre", "Ligne « %s » : titre, pas une "
                                  "opération." % first[:60], cells))
            continue
        sheet.rows.append((ligne, cells))
    if "nom" not in roles and "id_op" not in roles:
        raise columns.ColumnError("Colonne du nom des opérations (« Programmes », « Nom ») ou "
                                  "de leur identifiant introuvable dans l'en-tête : %s."
                                  % ", ".join(h for h in headers if str(h).strip()))
    return sheet


def _header(rows, index, width):
    """``(headers, roles)`` when row ``index`` is the header, the row above it the groups:
    a cell empty below a group label takes the label (« Programmes » merged over two
    rows, or written once)."""
    header = list(rows[index][1]) + [""] * (width - len(rows[index][1]))
    groups_raw = list(rows[index - 1][1]) + [""] * width if index > 0 else [""] * width
    headers = [h if str(h).strip() else (groups_raw[i] if not is_blank([groups_raw[i]])
                                          else "") for i, h in enumerate(header)]
    roles, _ = columns.map_columns(headers, columns.group_labels(rows, index, width),
                                   synonyms())
    return headers, roles


def cell(cells, roles, role):
    index = roles.get(role)
    if index is None or index >= len(cells):
        return None
    value = cells[index]
    return value if str(value).strip() != "" else None


def same_name(a, b):
    return fold(a or "") == fold(b or "")
