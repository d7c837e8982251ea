"""The attack on a published table: which masked cells can be recomputed exactly from the
published cells and the additive relations that hold between them (numpy only, shared by
the unit and QGIS tests)."""
import numpy as np


def recomputable(values, masked, relations):
    """Masked cells an attacker recomputes exactly from the published cells and the
    relations: the cell's unit vector lies in the row space of the relations restricted to
    the masked cells, i.e. the orthogonal projector on that row space (pinv(A)·A) keeps it."""
    unknown = list(np.flatnonzero(masked))
    if not unknown:
        return []
    col = {c: j for j, c in enumerate(unknown)}
    rows = []
    for parts, total in relations:
        row = np.zeros(len(unknown))
        for c in parts:
            if c in col:
                row[col[c]] += 1
        if total in col:
            row[col[total]] -= 1
        if row.any():
            rows.append(row)
    if not rows:
        return []
    a = np.array(rows)
    projector = np.linalg.pinv(a) @ a
    return [c for c, j in col.items() if abs(projector[j, j] - 1.0) < 1e-6]


LEVELS = ("commune_qpv", "commune", "epci", "departement", "ensemble")


def administrative_groups(keys, epci_of, names=None):
    """``{parent key: [child keys]}`` of a table's ``(level, code)`` keys, built from the
    territory (``epci_of``: commune INSEE → EPCI SIREN), not from the code under test:
    QPV parts → commune → EPCI → département → ensemble. ``names`` gives the levels'
    names in that table, in :data:`LEVELS` order (internal names by default)."""
    qpv, commune, epci, departement, ensemble = names or LEVELS
    groups = {}
    for level, code in keys:
        if level == qpv:
            parent = (commune, code.split("|")[0])
        elif level == commune:
            parent = (epci, epci_of[code])
        elif level == epci:
            parent = (departement, next(c[:2] for c, s in epci_of.items() if s == code))
        elif level == departement:
            parent = (ensemble, "ENSEMBLE")
        else:
            continue
        groups.setdefault(parent, []).append((level, code))
    return groups


# -- the attack on a whole output: every table at once, through the file's rows ------------
def _null_space(matrix, tolerance=1e-9):
    """An orthonormal basis (columns) of the null space of ``matrix``."""
    matrix = np.atleast_2d(np.asarray(matrix, dtype=float))
    if matrix.shape[0] == 0:
        return np.eye(matrix.shape[1])
    _, singular, vt = np.linalg.svd(matrix, full_matrices=True)
    rank = int((singular > tolerance * max(1.0, singular.max(initial=0.0))).sum())
    return vt[rank:].T


def _range(matrix, tolerance=1e-9):
    """An orthonormal basis (columns) of the column space of ``matrix``."""
    if matrix.size == 0:
        return np.zeros((matrix.shape[0], 0))
    u, singular, _ = np.linalg.svd(matrix, full_matrices=False)
    rank = int((singular > tolerance * max(1.0, singular.max(initial=0.0))).sum())
    return u[:, :rank]


def recomputable_over_atoms(incidence, row_relations, masked):
    """Masked cells an attacker recomputes exactly from *every* table of one output at once.

    ``incidence``: zones × atoms (0/1): which groups of the file's rows each published zone
    sums — communes, QPV parts, EPCI, zones of a layer, grid cells, their « ensemble » rows,
    however they cut across each other; ``row_relations``: ``[(parts, total)]`` of columns
    (categories add up to their total in every group of rows); ``masked``: zones × columns.

    The unknowns are the cells of every atom (atoms × columns), tied by the row relations:
    an atom's cells are ``y · Nᵀ`` with N a basis of the relations' null space. A masked
    cell is recomputable when no change of the atoms' cells keeping every published cell
    moves it. Changes that keep the fully published zones are ``K V`` (K: null space of
    those zones' incidence); on the other zones they read ``Q W`` (Q: a basis of their
    reach), W free but for the published cells of those zones. Exact linear algebra; cells
    of zones that hold no row (zero for everyone) are left out."""
    incidence = np.asarray(incidence, dtype=float)
    masked = np.asarray(masked, dtype=bool)
    n_columns = masked.shape[1]
    relations = np.zeros((len(row_relations), n_columns))
    for i, (parts, total) in enumerate(row_relations):
        for j in parts:
            relations[i, j] += 1
        relations[i, total] -= 1
    basis = _null_space(relations)                         # columns × k
    partial = np.flatnonzero(masked.any(axis=1))
    full = np.flatnonzero(~masked.any(axis=1))
    keep = _null_space(incidence[full])                    # atoms × m
    reach = _range(incidence[partial] @ keep)              # |partial| × q
    q, k = reach.shape[1], basis.shape[1]
    constraints = []
    for row, zone in enumerate(partial):
        for j in np.flatnonzero(~masked[zone]):
            constraints.append(np.outer(reach[row], basis[j]).ravel())
    free = _null_space(np.array(constraints).reshape(-1, q * k))   # (q·k) × d
    found = []
    for row, zone in enumerate(partial):
        if not incidence[zone].any():
            continue
        for j in np.flatnonzero(masked[zone]):
            target = np.outer(reach[row], basis[j]).ravel()
            if np.abs(target @ free).max(initial=0.0) < 1e-7:
                found.append((int(zone), int(j)))
    return found
