"""Statistical secrecy of a published table (numpy, no Qt): the primary rule.  The secondary
rule is :mod:`secret_table`'s linear-cost engine; the exact algebraic engine it is tested
against lives with the tests (tests/oracle_secret.py).

A table is a flat array of cells (counts of dwellings or households, and sums such as the
surface of a zone) with the additive *relations* that hold between them: the categories of a
family add up to the zone's total, the zones of a partition add up to their parent zone.

- **Primary secrecy**: a cell computed from ``0 < n < threshold`` contributors is masked
  (``contributors``), and so is every cell of a zone with fewer than ``threshold`` units
  (``primary`` given by the caller).
- **Secondary secrecy**: no masked cell may be recomputed from the published cells and
  the relations (:mod:`secret_table`).
"""

TOLERANCE = 1e-9


def primary_mask(contributors, threshold, extra=None):
    """Cells with ``0 < contributors < threshold`` (and ``extra``)."""
    import numpy as np
    contributors = np.asarray(contributors, dtype=float)
    mask = (contributors > 0) & (contributors < threshold)
    if extra is not None:
        mask |= np.asarray(extra, dtype=bool)
    return mask


