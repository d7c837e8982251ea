"""The exact algebraic engine of statistical secrecy, for small tables of any shape: the
reference the linear-cost engine that runs (osp_qgis/parc_social/secret_table.py) is tested
against.  A masked cell is determined when its unit vector lies in the row space of the
relations restricted to the masked cells (null-space test), component by component; as long
as one is, one more cell of a relation holding it is masked (the smallest positive part,
else the total, else a zero).  Test code, not shipped."""
from osp_qgis.parc_social.secret import TOLERANCE, primary_mask


def _relations_by_cell(relations, size):
    holding = [[] for _ in range(size)]
    for number, (parts, total) in enumerate(relations):
        for cell in tuple(parts) + (total,):
            holding[cell].append(number)
    return holding


def _single_unknowns(masked, relations):
    """Masked cells alone among their relation's masked cells (found without algebra)."""
    found = set()
    for parts, total in relations:
        unknown = [c for c in tuple(parts) + (total,) if masked[c]]
        if len(unknown) == 1:
            found.add(unknown[0])
    return found


def _components(unknown, relations):
    """Groups of masked cells linked by relations holding two or more of them, with the
    relations of each group."""
    parent = {c: c for c in unknown}

    def root(c):
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    used = []
    for number, (parts, total) in enumerate(relations):
        cells = [c for c in tuple(parts) + (total,) if c in parent]
        if not cells:
            continue
        used.append(number)
        for other in cells[1:]:
            a, b = root(cells[0]), root(other)
            if a != b:
                parent[a] = b
    groups = {}
    for c in unknown:
        groups.setdefault(root(c), []).append(c)
    rels = {}
    for number in used:
        parts, total = relations[number]
        first = next(c for c in tuple(parts) + (total,) if c in parent)
        rels.setdefault(root(first), []).append(number)
    return [(cells, rels.get(key, [])) for key, cells in groups.items()]


def determined_cells(masked, relations):
    """Masked cells whose value the published cells and the relations fix exactly."""
    import numpy as np
    unknown = [int(c) for c in np.flatnonzero(masked)]
    found = set()
    for cells, numbers in _components(unknown, relations):
        if not numbers:
            continue
        column = {c: j for j, c in enumerate(cells)}
        matrix = np.zeros((len(numbers), len(cells)))
        for i, number in enumerate(numbers):
            parts, total = relations[number]
            for c in parts:
                if c in column:
                    matrix[i, column[c]] += 1.0
            if total in column:
                matrix[i, column[total]] -= 1.0
        # null space of the relations on the unknowns: a cell is determined when every
        # solution of the homogeneous system leaves it at zero
        _, singular, vt = np.linalg.svd(matrix, full_matrices=True)
        rank = int((singular > TOLERANCE * max(1.0, singular.max(initial=0.0))).sum())
        null = vt[rank:]
        free = np.abs(null).max(axis=0) if len(null) else np.zeros(len(cells))
        for c, j in column.items():
            if free[j] <= 1e-7:
                found.add(c)
    return found


def _complement(cell, relations, holding, masked, values):
    """The cell to mask so that ``cell`` is no longer alone: in the relation holding it with
    the fewest masked cells, the smallest positive unmasked part, else the total, else any
    unmasked part."""
    best = None
    for number in holding[cell]:
        parts, total = relations[number]
        open_parts = [c for c in parts if not masked[c] and c != cell]
        positive = [c for c in open_parts if values[c] > 0]
        if positive:
            choice = min(positive, key=lambda c: (values[c], c))
        elif not masked[total] and total != cell:
            choice = total
        elif open_parts:
            choice = open_parts[0]
        else:
            continue
        n_masked = sum(1 for c in tuple(parts) + (total,) if masked[c])
        key = (n_masked, 0 if choice != total else 1, values[choice])
        if best is None or key < best[0]:
            best = (key, choice)
    return None if best is None else best[1]


def protect(values, contributors, relations, threshold, extra_primary=None,
            max_rounds=10000):
    """The mask (numpy bool array) of cells to publish as « s ». ``relations``:
    ``[(parts, total)]`` of cell indices with ``sum(values[parts]) == values[total]``."""
    import numpy as np
    values = np.asarray(values, dtype=float)
    masked = primary_mask(contributors, threshold, extra_primary)
    holding = _relations_by_cell(relations, len(values))
    for _ in range(max_rounds):
        exposed = _single_unknowns(masked, relations)
        algebra = not exposed
        if algebra:
            exposed = determined_cells(masked, relations)
        if not exposed:
            return masked
        changed = False
        for cell in sorted(exposed):
            if not algebra and not _alone(cell, relations, holding, masked):
                continue  # protected meanwhile by an earlier complement of this round
            other = _complement(cell, relations, holding, masked, values)
            if other is not None and not masked[other]:
                masked[other] = True
                changed = True
                if algebra:
                    break  # one at a time: the next round sees what it protected
        if not changed:
            raise RuntimeError("secret statistique : aucune cellule complémentaire possible")
    raise RuntimeError("secret statistique : pas de solution stable")


def _alone(cell, relations, holding, masked):
    for number in holding[cell]:
        parts, total = relations[number]
        if sum(1 for c in tuple(parts) + (total,) if masked[c]) == 1:
            return True
    return False
