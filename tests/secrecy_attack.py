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
