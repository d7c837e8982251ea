"""Secondary secrecy for the indicator tables, at any scale (numpy, no Qt).

The published table is zones × columns. Its additive relations are of two kinds:

- *row relations*, the same in every zone: the categories of a family add up to the zone's
  total (``(parts, total)`` of column indices); a class may itself be the total of finer
  columns (label changes → class of change);
- *zone groups*: the children of a zone add up to it, column by column (communes → EPCI,
  QPV parts → commune, zones of a layer → their « ensemble »).

A masked cell cannot be recomputed as soon as some change of the table that keeps every
relation and touches only masked cells moves it. The changes used here are rank-one:
``u ⊗ v`` with ``u`` a change of zones that keeps the zone groups (two sibling zones in
opposite directions, each carried down to a leaf, or a root zone carried down) and ``v`` a
change of columns that keeps the row relations (a vector of the null space of the row
relations: swap two categories of a family, or move the total with one category of each
family). Every masked cell receives such a *certificate*; when none exists among the masked
cells, the cheapest one is completed by masking the cells it lacks. The cost is linear in the
number of masked cells, where the exact algebraic test (tests/oracle_secret.py) is cubic:
this is what lets a whole département be published in seconds.
"""
import itertools

from .secret import primary_mask


def column_moves(n_columns, row_relations):
    """Small vectors ``{column: ±1…}`` that keep every row relation: the null space of the
    relations, from their reduced echelon form (totals as pivots), and the differences of
    its vectors that share a column (swaps inside a family, between classes…)."""
    import numpy as np
    if not row_relations:
        return [{j: 1.0} for j in range(n_columns)]
    matrix = np.zeros((len(row_relations), n_columns))
    for i, (parts, total) in enumerate(row_relations):
        for j in parts:
            matrix[i, j] += 1.0
        matrix[i, total] -= 1.0
    totals = {total for _, total in row_relations}
    order = sorted(range(n_columns), key=lambda j: (j not in totals, j))
    reduced, pivots = _echelon(matrix[:, order])
    pivot_columns = {order[p] for p in pivots}
    basis = []
    for position, j in enumerate(order):
        if j in pivot_columns:
            continue
        vector = {j: 1.0}
        for row, p in enumerate(pivots):
            coefficient = -reduced[row, position]
            if abs(coefficient) > 1e-9:
                vector[order[p]] = coefficient
        basis.append(vector)
    moves = list(basis)
    for a, b in itertools.combinations(basis, 2):
        difference = dict(a)
        for j, c in b.items():
            difference[j] = difference.get(j, 0.0) - c
        difference = {j: c for j, c in difference.items() if abs(c) > 1e-9}
        if difference and set(a) & set(b):
            moves.append(difference)
    return sorted(moves, key=lambda v: (len(v), sorted(v)))


def _echelon(matrix):
    """Reduced row echelon form (float, small matrices) and the pivot positions."""
    m = matrix.astype(float).copy()
    pivots, row = [], 0
    for column in range(m.shape[1]):
        if row >= m.shape[0]:
            break
        best = max(range(row, m.shape[0]), key=lambda r: abs(m[r, column]))
        if abs(m[best, column]) < 1e-9:
            continue
        m[[row, best]] = m[[best, row]]
        m[row] /= m[row, column]
        for other in range(m.shape[0]):
            if other != row and abs(m[other, column]) > 1e-12:
                m[other] -= m[other, column] * m[row]
        pivots.append(column)
        row += 1
    return m[:row], pivots


class ZoneTree:
    """``groups``: ``[(children rows, parent row)]``; a row is a child in one group at most."""

    def __init__(self, n_rows, groups):
        self.group_of = {}
        self.children = {}
        self._siblings = {}
        for children, parent in groups:
            for child in children:
                self.group_of[child] = (tuple(children), parent)
            self.children.setdefault(parent, []).append(tuple(children))

    def siblings(self, zone):
        """``(all, leaves as an array, with children)``: the other children of ``zone``'s
        group (computed once per zone)."""
        import numpy as np
        if zone not in self._siblings:
            others = [s for s in self.group_of[zone][0] if s != zone] \
                if zone in self.group_of else []
            self._siblings[zone] = (
                others, np.array([s for s in others if s not in self.children], dtype=int),
                [s for s in others if s in self.children])
        return self._siblings[zone]

    def climb(self, zone):
        """The chain from ``zone`` up while its group has no other child: ``(top, chain)``."""
        chain = [zone]
        while zone in self.group_of and len(self.group_of[zone][0]) == 1:
            zone = self.group_of[zone][1]
            chain.append(zone)
        return zone, chain

    def down(self, zone, forced, cost):
        """``zone`` and, in each of its children groups, one child carried down to a leaf:
        the child on ``forced`` (a chain to follow) when there is one, else the cheapest."""
        rows = [zone]
        for children in self.children.get(zone, ()):
            following = [c for c in children if c in forced]
            child = following[0] if following else min(children, key=cost)
            rows += self.down(child, forced, cost)
        return rows


def flat_relations(n_rows, width, row_relations, groups):
    """The same relations on flat cell indices (row × width + column), as the exact
    algebraic engine (tests/oracle_secret.py) and the tests take them."""
    out = [([r * width + j for j in parts], r * width + total)
           for r in range(n_rows) for parts, total in row_relations]
    out += [([r * width + j for r in children], parent * width + j)
            for children, parent in groups for j in range(width)]
    return out


def protect_table(values, contributors, row_relations, groups, threshold, extra=None,
                  atoms=None):
    """Mask (bool array zones × columns) of the cells to publish as « s »: primary cells
    (``0 < contributors < threshold`` and ``extra``), then complements until every masked
    cell has a certificate (see the module's docstring). With ``atoms``
    (:class:`atoms.Atoms` of the file's rows), each certificate is made a change of the
    file itself, so that it holds against every zone set of the table at once — zone sets
    that cut across each other (a grid and the communes) included."""
    import numpy as np
    values = np.asarray(values, dtype=float)
    n_rows, n_columns = values.shape
    masked = primary_mask(contributors, threshold, extra).reshape(values.shape).copy()
    moves = column_moves(n_columns, row_relations)
    weight = column_weights(n_columns, row_relations)
    moves.sort(key=lambda v: (sum(weight[k] for k in v), len(v)))
    moves_of = {j: [v for v in moves if j in v] for j in range(n_columns)}
    tree = ZoneTree(n_rows, groups)
    certified = np.zeros(values.shape, dtype=bool)
    for z, j in zip(*np.nonzero(masked)):
        if masked[z, j] and not certified[z, j]:
            plus, minus, columns = _cheapest_certificate(int(z), int(j), values, masked,
                                                         moves_of[int(j)], weight, tree)
            if atoms is None:
                cells = [(row, k) for row in plus + minus for k in columns]
            else:
                cells = atoms.lift(int(z), plus, minus, columns, masked, weight)
                certified[z, j] = True   # an empty zone: zero for everyone, nothing to hide
            for y, k in cells:
                masked[y, k] = True
                certified[y, k] = True
    return masked


def column_weights(n_columns, row_relations):
    """What hiding a cell of each column costs: a zone's total (a total that is no part) 10,
    a subtotal (both) 3, a category 1 — totals are what readers need most."""
    import numpy as np
    totals = {total for _, total in row_relations}
    parts = {j for p, _ in row_relations for j in p}
    return np.array([10.0 if j in totals and j not in parts else 3.0 if j in totals else 1.0
                     for j in range(n_columns)])


def _cheapest_certificate(z, j, values, masked, moves, weight, tree):
    """The cheapest rank-one change through ``(z, j)`` as ``(rows up, rows down, columns)``:
    fewest cells to add, then smallest values added (cells weighted by
    :func:`column_weights`). Sibling zones without children (most of them: communes' QPV
    parts, grid cells, zones of a layer) are priced together with numpy."""
    import numpy as np
    best, best_cost = None, None
    top, chain = tree.climb(z)
    siblings, leaves, others = tree.siblings(top)
    for move in moves:
        columns = list(move)

        def cost(row):
            return sum(0 if masked[row, k] else weight[k] + values[row, k] / 1e9
                       for k in columns)

        mine = tree.down(top, set(chain), cost)
        base = sum(cost(row) for row in mine)
        if best_cost is not None and base >= best_cost:
            continue
        options = []
        if len(leaves):
            open_cells = ~masked[np.ix_(leaves, columns)]
            prices = (open_cells * (weight[columns] + values[np.ix_(leaves, columns)] / 1e9)
                      ).sum(axis=1)
            cheapest = int(np.argmin(prices))
            options.append((base + float(prices[cheapest]), [int(leaves[cheapest])]))
        for sibling in others:
            rows = tree.down(sibling, set(), cost)
            options.append((base + sum(cost(row) for row in rows), rows))
        if not siblings:
            options.append((base, []))
        for total, rows in options:
            if best_cost is None or total < best_cost:
                best, best_cost = (mine, rows, columns), total
                if total == 0:
                    return best
    return best or ([z], [], [j])
