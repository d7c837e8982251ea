"""Indicators of the social housing stock per zone, with statistical secrecy (pandas, no Qt).

The categories (typology, construction period, energy and GHG labels, financing, QPV,
vacancy) and the means are facts kept in ``resources/reference/parc_social_indicateurs.csv``
and ``parc_social_moyennes.csv``; every count is weighted by ``nb`` (the dwellings a row
stands for). A zone set (*level*) is a membership table ``(row, code)``: a row may belong to
no zone or, for overlapping polygons, to several. Levels may nest (commune → EPCI →
département → ensemble): where the children of a parent hold exactly its dwellings, the
relation « children add up to the parent » is part of the secrecy problem."""
import functools

from ..reference import read_reference
from . import secret_table
from .atoms import table_atoms

TOTAL = "logements"
HOUSEHOLDS = "menages"
UNITS = {TOTAL: "nb", HOUSEHOLDS: "poids"}   # unit -> weight column of its rows
DEFAULT_THRESHOLD = 11
# tables list the administrative levels from the whole file down to the communes' QPV parts
BROAD_TO_FINE = ("ensemble", "departement", "epci", "commune", "commune_qpv")


@functools.lru_cache(maxsize=None)
def categories():
    """``[{champ, famille, libelle, variable, valeurs, unite}]`` in the file's order."""
    return [dict(row) for row in read_reference("parc_social_indicateurs.csv")]


@functools.lru_cache(maxsize=None)
def means():
    return [dict(row) for row in read_reference("parc_social_moyennes.csv")]


@functools.lru_cache(maxsize=None)
def cumulative_shares():
    """``[(champ, libelle, [components])]``: shares published as sums of categories (« sous
    40 % du plafond » = « < 20 % » + « 20 à 40 % »)."""
    return [(row["champ"], row["libelle"], row["composantes"].split())
            for row in read_reference("ops_cumuls.csv")]


def families(unit=None):
    out = {}
    for category in categories():
        if unit is None or category["unite"] == unit:
            out.setdefault(category["famille"], []).append(category["champ"])
    return out


def unit_of(column):
    """The unit (``logements``/``menages``) a published cell counts."""
    if column in UNITS:
        return column
    for category in categories():
        if column == "n_" + category["champ"]:
            return category["unite"]
    for mean in means():
        if column in (mean["champ"] + "_somme", mean["champ"] + "_effectif"):
            return mean["unite"]
    raise KeyError(column)


def labels():
    """Field → French label, for every published field."""
    out = {TOTAL: "Logements sociaux", HOUSEHOLDS: "Ménages enquêtés (OPS)"}
    for category in categories():
        unit = "logements" if category["unite"] == TOTAL else "ménages"
        out["n_" + category["champ"]] = "%s (%s)" % (category["libelle"], unit)
        out["part_" + category["champ"]] = "%s (%%)" % category["libelle"]
    for mean in means():
        unit = "logements" if mean["unite"] == TOTAL else "ménages"
        out[mean["champ"]] = mean["libelle"]
        out[mean["champ"] + "_effectif"] = "%s : %s pris en compte" % (mean["libelle"], unit)
    for field, label, _ in cumulative_shares():
        out["part_" + field] = "%s (%%)" % label
    out["part_sociaux"] = "Part de logements sociaux (%)"
    out["logements_total"] = "Logements (tous statuts)"
    out["secret"] = "Secret statistique"
    return out


def in_category(values, rule):
    """Rows whose ``values`` fall in ``rule``: ``""`` not given (NaN or empty), ``"a..b"``
    from a (included) to b (excluded), either bound may be left out, else the value itself.
    The categories of a family are meant to split every row once: :func:`row_matrix`
    checks it."""
    import pandas as pd
    numeric = pd.api.types.is_numeric_dtype(values)
    if rule == "":
        return values.isna() if numeric else values.fillna("").astype(str).eq("")
    if numeric and ".." in rule:
        low, high = rule.split("..")
        mask = values.notna()
        if low:
            mask &= values >= float(low)
        if high:
            mask &= values < float(high)
        return mask
    if numeric:
        return values == float(rule)
    return values.fillna("").astype(str).eq(rule)


def row_matrix(rows, unit=TOTAL):
    """One numeric column per published cell kind, for every row: the unit's total (its
    weight: ``nb`` dwellings of an RPLS row, ``poids`` households of an OPS row), each
    category of the unit's families (``n_<champ>``: the weight when the row is in it), and per
    mean ``<champ>_somme`` / ``<champ>_effectif``. Families whose variable is never given are
    left out (vacancy without ``MODE``). A family whose categories do not split the rows
    exactly is a fault of the reference table: ``ValueError``."""
    import numpy as np
    import pandas as pd
    weight = rows[UNITS[unit]].fillna(0.0).astype(float)
    out = {unit: weight}
    for family in families(unit):
        specs = [c for c in categories() if c["famille"] == family]
        if specs[0]["variable"] not in rows:
            continue
        variable = rows[specs[0]["variable"]]
        if not (~in_category(variable, "")).any():
            continue
        covered = pd.Series(0.0, index=rows.index)
        for spec in specs:
            out["n_" + spec["champ"]] = weight.where(in_category(variable, spec["valeurs"]), 0.0)
            covered += out["n_" + spec["champ"]]
        if not np.allclose(covered.values, weight.values):
            raise ValueError("catégories de « %s » qui ne partitionnent pas les lignes" % family)
    for mean in means():
        if mean["unite"] != unit or mean["variable"] not in rows:
            continue
        values = rows[mean["variable"]]
        known = values.notna() & (weight > 0)
        if not known.any():
            continue
        total = values if mean["valeur"] == "total_ligne" else values * weight
        out[mean["champ"] + "_somme"] = total.where(known, 0.0)
        out[mean["champ"] + "_effectif"] = weight.where(known, 0.0)
    return pd.DataFrame(out, index=rows.index)


class Level:
    """A zone set: ``membership`` a frame ``row`` (index label of the rows) / ``code``;
    ``names`` code → name; ``parents`` code → ``(level name, code)`` of the zone it nests
    in, when it does."""

    def __init__(self, name, label, membership, names, parents=None):
        self.name, self.label = name, label
        self.membership, self.names = membership, names
        self.parents = parents or {}


def aggregate(matrix, level, link=None):
    """Sum of the row matrix per zone of ``level``; ``link`` (households: Series household
    index → RPLS row index) puts each household in the zones of its dwelling."""
    import pandas as pd
    membership = level.membership
    if link is not None:
        pairs = pd.DataFrame({"household": link.index, "row": link.values}).dropna()
        pairs["row"] = pairs["row"].astype(membership["row"].dtype)
        membership = pairs.merge(membership, on="row")[["household", "code"]].rename(
            columns={"household": "row"})
    rows = matrix.loc[membership["row"].values]
    table = rows.groupby(membership["code"].values, sort=True).sum()
    return table.reindex(sorted(set(table.index) | set(level.names)), fill_value=0.0)


def row_relations(columns):
    """The relations every zone's cells keep, as ``(parts, total)`` column indices: a
    family's categories add up to its unit's total; a mean's count and its « not given »
    category too."""
    col = {c: j for j, c in enumerate(columns)}
    relations = []
    for unit in UNITS:
        if unit not in col:
            continue
        for fields in families(unit).values():
            parts = [col["n_" + f] for f in fields if "n_" + f in col]
            if parts:
                relations.append((parts, col[unit]))
    for mean in means():
        effectif = mean["champ"] + "_effectif"
        not_given = _not_given_field(mean["variable"])
        if effectif in col and not_given in col:
            relations.append(([col[effectif], col[not_given]], col[mean["unite"]]))
    return relations


def zone_groups(index, levels):
    """``[(children rows, parent row)]``: the zones nested in a zone of ``index`` (a
    ``(level, code)`` list). Declared from the nesting alone: a group whose children miss
    some of the parent's dwellings is declared too, which only makes secrecy stricter."""
    position = {key: i for i, key in enumerate(index)}
    children = {}
    for level in levels:
        for code, parent_key in level.parents.items():
            if (level.name, code) in position and parent_key in position:
                children.setdefault(position[parent_key], []).append(
                    position[(level.name, code)])
    return [(rows, parent) for parent, rows in children.items()]


def flat_relations(index, columns, levels):
    """Every relation of the table as ``(parts, total)`` of flat cell indices, for the
    exact algebraic check of small tables."""
    return secret_table.flat_relations(len(index), len(columns), row_relations(columns),
                                       zone_groups(index, levels))


def _not_given_field(variable):
    for category in categories():
        if category["variable"] == variable and category["valeurs"] == "":
            return "n_" + category["champ"]
    return None


def cell_counts(rows, levels, households=None):
    """The exact cells per ``(level, code)``: dwellings' columns and, with ``households``
    (OPS rows with ``rpls_row``: the index of their RPLS row, NaN when not found), the
    households' columns."""
    import pandas as pd
    matrices = [(row_matrix(rows, TOTAL), None)]
    if households is not None and len(households):
        matrices.append((row_matrix(households, HOUSEHOLDS), households["rpls_row"]))
    parts = []
    for level in levels:
        tables = [aggregate(matrix, level, link) for matrix, link in matrices]
        table = pd.concat(tables, axis=1).fillna(0.0)
        table.index = pd.MultiIndex.from_arrays([[level.name] * len(table), table.index],
                                                names=["niveau", "code"])
        parts.append(table)
    order = {name: n for n, name in enumerate(BROAD_TO_FINE)}
    parts.sort(key=lambda part: order.get(part.index[0][0], len(order)) if len(part) else 0)
    return pd.concat(parts)


def compute(rows, levels, threshold=DEFAULT_THRESHOLD, totals=None, households=None):
    """``(published, counts, masked)``: ``counts`` the exact cells per ``(level, code)``,
    ``masked`` a boolean frame of the same shape, ``published`` the table to show (counts,
    shares in %, means, ``part_sociaux`` when ``totals`` ``{(level, code): dwellings}`` is
    given; masked values ``None``; ``secret`` = ``zone`` / ``partiel`` / ``""``)."""
    import numpy as np
    import pandas as pd
    counts = cell_counts(rows, levels, households)
    columns = list(counts.columns)
    values = counts.values.astype(float)
    contributors = values.copy()
    for mean in means():
        if mean["champ"] + "_somme" in columns:
            contributors[:, columns.index(mean["champ"] + "_somme")] = \
                values[:, columns.index(mean["champ"] + "_effectif")]
    extra = np.zeros(values.shape, dtype=bool)
    for unit in UNITS:
        if unit in columns:
            total = values[:, columns.index(unit)]
            small = (total > 0) & (total < threshold)
            of_unit = np.array([unit_of(c) == unit for c in columns])
            extra |= small[:, None] & of_unit[None, :]
    mask = secret_table.protect_table(values, contributors, row_relations(columns),
                                      zone_groups(list(counts.index), levels), threshold,
                                      extra, table_atoms(list(counts.index), levels,
                                                         rows.index))
    masked = pd.DataFrame(mask, index=counts.index, columns=columns)
    return publish(counts, masked, levels, totals or {}), counts, masked


def _shown(values, visible, digits=None):
    """A column as Python values: ``None`` where hidden, ints (or rounded floats)."""
    if digits is None:
        return [int(round(v)) if ok else None for v, ok in zip(values, visible)]
    return [round(float(v), digits) if ok else None for v, ok in zip(values, visible)]


def publish(counts, masked, levels, totals):
    """The table to show, column by column (vectorised: thousands of zones)."""
    import numpy as np
    import pandas as pd
    names = {(level.name, code): name for level in levels for code, name in level.names.items()}
    labels_of = {level.name: level.label for level in levels}
    keys = list(counts.index)
    out = {"niveau": [labels_of.get(k[0], k[0]) for k in keys], "code": [k[1] for k in keys],
           "nom": [names.get(k, k[1]) for k in keys]}
    value = {c: counts[c].values.astype(float) for c in counts.columns}
    hidden = {c: masked[c].values for c in counts.columns}
    for unit in UNITS:
        if unit in value:
            out[unit] = _shown(value[unit], ~hidden[unit])
    with np.errstate(divide="ignore", invalid="ignore"):
        for column in counts.columns:
            if not column.startswith("n_"):
                continue
            unit = unit_of(column)
            visible = ~hidden[column] & ~hidden[unit]
            out[column] = _shown(value[column], visible)
            out["part_" + column[2:]] = _shown(100.0 * value[column] / value[unit],
                                               visible & (value[unit] > 0), 1)
        for field, _, components in cumulative_shares():
            columns = ["n_" + c for c in components]
            if all(c in value for c in columns):
                visible = ~np.any([hidden[c] for c in columns], axis=0) & \
                    ~hidden[HOUSEHOLDS] & (value[HOUSEHOLDS] > 0)
                out["part_" + field] = _shown(100.0 * sum(value[c] for c in columns)
                                              / value[HOUSEHOLDS], visible, 1)
        for mean in means():
            somme, effectif = mean["champ"] + "_somme", mean["champ"] + "_effectif"
            if somme not in value:
                continue
            out[effectif] = _shown(value[effectif], ~hidden[effectif])
            visible = ~hidden[somme] & ~hidden[effectif] & (value[effectif] > 0)
            out[mean["champ"]] = _shown(value[somme] / value[effectif], visible,
                                        int(mean["decimales"]))
    if any(k in totals and totals[k] for k in keys):
        known = np.array([float(totals.get(k) or 0) for k in keys])
        out["logements_total"] = [totals.get(k) or None for k in keys]
        with np.errstate(divide="ignore", invalid="ignore"):
            out["part_sociaux"] = _shown(100.0 * value[TOTAL] / known,
                                         ~hidden[TOTAL] & (known > 0), 1)
    any_hidden = masked.values.any(axis=1)
    out["secret"] = np.where(hidden[TOTAL], "zone", np.where(any_hidden, "partiel", ""))
    return pd.DataFrame(out)
