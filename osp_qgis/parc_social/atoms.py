"""The rows of a file as *atoms*: groups of rows that belong to exactly the same zones of
every published zone set (numpy, no Qt).

Every published cell is a sum over atoms: a commune's over the atoms in it, a 1 km cell's
over the atoms in it, whatever the zone sets and however they overlap. So the one way to
hide a cell for sure, against every table of the output at once, is a change of the file
that moves one atom up and another down (or one atom alone) in the columns of a move that
keeps the categories adding up: every cell it changes must be masked. :meth:`Atoms.lift`
turns the certificate the zone-tree engine (:mod:`secret_table`) found inside one zone set
into such a change, choosing the two atoms so that the other zone sets (the grid against
the communes, a QPV layer against the QPV split of the communes…) are disturbed as little
as possible, and says which cells it changes: all of them get masked."""

MAX_CANDIDATES = 64


class Atoms:
    """``positions``: int array atoms × width of the table rows (zones) each atom is in,
    ``-1`` padded; ``of_zone``: table row → atom ids in it."""

    def __init__(self, positions):
        import numpy as np
        self.positions = positions
        self._near = {}
        self.size = (positions >= 0).sum(axis=1)
        atom_ids, columns = np.nonzero(positions >= 0)
        zones = positions[atom_ids, columns]
        order = np.argsort(zones, kind="stable")
        zones, atom_ids = zones[order], atom_ids[order]
        bounds = np.flatnonzero(np.diff(zones)) + 1
        self.of_zone = {int(part_zones[0]): part_atoms for part_zones, part_atoms in
                        zip(np.split(zones, bounds), np.split(atom_ids, bounds))
                        if len(part_zones)}

    @classmethod
    def from_memberships(cls, n_rows, pairs):
        """``pairs``: arrays ``(row number, table row)`` of every (row, zone) membership;
        rows are numbered ``0..n_rows-1``. Rows in the same zones are one atom."""
        import numpy as np
        rows, zones = (np.asarray(a, dtype=np.int64) for a in pairs)
        order = np.lexsort((zones, rows))
        rows, zones = rows[order], zones[order]
        keep = np.ones(len(rows), dtype=bool)
        keep[1:] = (rows[1:] != rows[:-1]) | (zones[1:] != zones[:-1])
        rows, zones = rows[keep], zones[keep]
        counts = np.bincount(rows, minlength=n_rows)
        width = int(counts.max()) if len(counts) else 0
        padded = np.full((n_rows, max(width, 1)), -1, dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        columns = np.arange(len(rows)) - starts[rows]
        padded[rows, columns] = zones
        unique = np.unique(padded, axis=0)
        return cls(unique)

    def zones_of(self, atom):
        row = self.positions[atom]
        return set(int(p) for p in row[row >= 0])

    def atoms_in(self, zone):
        import numpy as np
        return self.of_zone.get(int(zone), np.zeros(0, dtype=np.int64))

    def _candidates(self, atoms, limit=MAX_CANDIDATES):
        """The atoms in the fewest zones first (rows placed only at their commune are in
        no grid cell nor zone of a layer: moving them disturbs nothing else)."""
        import numpy as np
        if len(atoms) <= limit:
            return atoms
        order = np.argsort(self.size[atoms], kind="stable")
        return atoms[order[:limit]]

    def _neighbours(self, atom, zone):
        """Atoms outside ``zone`` sharing the smallest other zones of ``atom`` (kept: the
        same pairs come back for every column of a zone)."""
        key = (atom, zone)
        if key not in self._near:
            self._near[key] = self._find_neighbours(atom, zone)
        return self._near[key]

    def _find_neighbours(self, atom, zone):
        import numpy as np
        zones = sorted((p for p in self.zones_of(atom) if p != zone),
                       key=lambda p: len(self.atoms_in(p)))
        found = []
        for p in zones[:3]:
            found.append(self.atoms_in(p))
        if not found:
            return np.zeros(0, dtype=np.int64)
        candidates = np.unique(np.concatenate(found))
        outside = ~(self.positions[candidates] == zone).any(axis=1)
        return self._candidates(candidates[outside])

    def lift(self, zone, plus_rows, minus_rows, columns, masked, weight):
        """The cells a change of the file certifying the masked cells of ``zone`` in
        ``columns`` touches: one atom of the deepest of ``plus_rows`` (inside ``zone``)
        up, one atom of the deepest of ``minus_rows`` (outside it) down — or, without
        them, an atom near the first one, or none — chosen so that the fewest open cells
        (weighted) must be masked. ``[]`` when ``zone`` holds no row (its cells are zero
        for everyone: nothing to hide)."""
        import numpy as np
        inside = self.atoms_in(plus_rows[-1]) if plus_rows else self.atoms_in(zone)
        if not len(inside):
            inside = self.atoms_in(zone)
        if not len(inside):
            return []
        plus = self._candidates(inside)
        # the atoms the zone-set engine chose, and those sharing the other zone sets with
        # the first atoms up (the same grid cell, the same zone of a layer…)
        chosen = self.atoms_in(minus_rows[-1]) if minus_rows else np.zeros(0, dtype=np.int64)
        near = [self._neighbours(int(a), zone) for a in plus[:4]]
        minus = np.unique(np.concatenate([self._candidates(chosen)] + near))
        columns = list(columns)
        pa = self.positions[plus]
        pb = self.positions[minus] if len(minus) else np.zeros((0, pa.shape[1]), dtype=int)
        # the zones these atoms are in, what masking the move's open cells costs in each,
        # and which atom is in which (local 0/1 matrices): a pair's cost is the cost of the
        # zones holding one atom and not the other
        zones = np.unique(np.concatenate([pa.ravel(), pb.ravel()]))
        zones = zones[zones >= 0]
        cost = (~masked[np.ix_(zones, columns)] * weight[columns]).sum(axis=1)
        in_a, in_b = _incidence(pa, zones), _incidence(pb, zones)
        cost_a = in_a @ cost
        best = (float(cost_a.min()), int(plus[int(cost_a.argmin())]), None)
        if len(minus):
            total = cost_a[:, None] + (in_b @ cost)[None, :] - 2.0 * ((in_a * cost) @ in_b.T)
            i, k = np.unravel_index(int(total.argmin()), total.shape)
            if float(total[i, k]) <= best[0]:
                best = (float(total[i, k]), int(plus[i]), int(minus[k]))
        _, a, b = best
        touched = self.zones_of(a) ^ (self.zones_of(b) if b is not None else set())
        return [(z, j) for z in sorted(touched) for j in columns]


def _incidence(positions, zones):
    """0/1 matrix atoms × ``zones`` (sorted) of padded ``positions``."""
    import numpy as np
    out = np.zeros((len(positions), len(zones)))
    rows, columns = np.nonzero(positions >= 0)
    out[rows, np.searchsorted(zones, positions[rows, columns])] = 1.0
    return out


def table_atoms(index, levels, rows_index):
    """The atoms of a published table: ``index`` its ``(level, code)`` rows, ``levels``
    the zone sets with their memberships (rows labelled by ``rows_index``)."""
    import numpy as np
    import pandas as pd
    position = {key: i for i, key in enumerate(index)}
    number = pd.Series(np.arange(len(rows_index)), index=rows_index)
    row_parts, zone_parts = [], []
    for level in levels:
        membership = level.membership
        if not len(membership):
            continue
        codes = {code: i for (name, code), i in position.items() if name == level.name}
        zones = membership["code"].map(codes).fillna(-1).values.astype(np.int64)
        known = zones >= 0
        row_parts.append(number.loc[membership["row"].values].values[known])
        zone_parts.append(zones[known])
    if not row_parts:
        return Atoms(np.full((0, 1), -1, dtype=np.int64))
    return Atoms.from_memberships(len(rows_index), (np.concatenate(row_parts),
                                                    np.concatenate(zone_parts)))
