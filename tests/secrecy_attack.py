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
