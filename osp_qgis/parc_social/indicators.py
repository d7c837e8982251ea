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
from . import secret

TOTAL = "logements"
DEFAULT_THRESHOLD = 11


@functools.lru_cache(maxsize=None)
def categories():
    """``[{champ, famille, libelle, variable, valeurs}]`` in the file's order."""
    return [dict(row) for row in read_reference("parc_social_indicateurs.csv")]


@functools.lru_cache(maxsize=None)
def means():
    return [dict(row) for row in read_reference("parc_social_moyennes.csv")]


def families():
    out = {}
    for category in categories():
        out.setdefault(category["famille"], []).append(category["champ"])
    return out


def labels():
    """Field → French label, for every published field."""
    out = {TOTAL: "Logements sociaux"}
    for category in categories():
        out["n_" + category["champ"]] = "%s (logements)" % category["libelle"]
        out["part_" + category["champ"]] = "%s (%%)" % category["libelle"]
    for mean in means():
        out[mean["champ"]] = mean["libelle"]
        out[mean["champ"] + "_effectif"] = "%s : logements pris en compte" % mean["libelle"]
    out["part_sociaux"] = "Part de logements sociaux (%)"
    out["logements_total"] = "Logements (tous statuts)"
    out["secret"] = "Secret statistique"
    return out


def in_category(values, rule):
    """Rows whose ``values`` fall in ``rule``: ``""`` not given (NaN or empty), ``"5-"`` 5 or
    more, ``"-1948"`` up to 1948, ``"1949-1974"`` a range, else the value itself."""
    import pandas as pd
    numeric = pd.api.types.is_numeric_dtype(values)
    if rule == "":
        return values.isna() if numeric else values.fillna("").astype(str).eq("")
    if numeric and "-" in rule:
        low, high = rule.split("-")
        mask = values.notna()
        if low:
            mask &= values >= float(low)
        if high:
            mask &= values <= float(high)
        return mask
    if numeric:
        return values == float(rule)
    return values.fillna("").astype(str).eq(rule)


def row_matrix(rows):
    """One numeric column per published cell kind, for every row: ``logements`` (``nb``),
    each category (``n_<champ>``: ``nb`` when the row is in it), and per mean
    ``<champ>_somme`` / ``<champ>_effectif``. Families whose variable is never given in the
    file are left out (vacancy without ``MODE``)."""
    import pandas as pd
    weight = rows["nb"].fillna(0.0).astype(float)
    out = {TOTAL: weight}
    for family, fields in families().items():
        specs = [c for c in categories() if c["famille"] == family]
        variable = rows[specs[0]["variable"]]
        given = ~in_category(variable, "")
        if not given.any():
            continue
        for spec in specs:
            out["n_" + spec["champ"]] = weight.where(in_category(variable, spec["valeurs"]), 0.0)
    for mean in means():
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


def aggregate(matrix, level):
    """Sum of the row matrix per zone of ``level``."""
    rows = matrix.loc[level.membership["row"].values]
    table = rows.groupby(level.membership["code"].values, sort=True).sum()
    return table.reindex(sorted(set(table.index) | set(level.names)), fill_value=0.0)


def _relations(table, columns, levels):
    """Additive relations between the cells of ``table`` (index ``(level, code)``)."""
    position = {key: i for i, key in enumerate(table.index)}
    col = {c: j for j, c in enumerate(columns)}
    width = len(columns)

    def cell(key, column):
        return position[key] * width + col[column]

    relations = []
    for key in table.index:
        for family, fields in families().items():
            parts = ["n_" + f for f in fields if "n_" + f in col]
            if parts:
                relations.append(([cell(key, p) for p in parts], cell(key, TOTAL)))
        for mean in means():
            effectif = mean["champ"] + "_effectif"
            not_given = _not_given_field(mean["variable"])
            if effectif in col and not_given in col:
                relations.append(([cell(key, effectif), cell(key, not_given)],
                                  cell(key, TOTAL)))
    children = {}
    for level in levels:
        for code, parent_key in level.parents.items():
            if (level.name, code) in position and parent_key in position:
                children.setdefault(parent_key, []).append((level.name, code))
    for parent_key, keys in children.items():
        if abs(sum(table.at[k, TOTAL] for k in keys) - table.at[parent_key, TOTAL]) > 1e-6:
            continue  # the children do not hold all of the parent's dwellings
        for column in columns:
            relations.append(([cell(k, column) for k in keys], cell(parent_key, column)))
    return relations


def _not_given_field(variable):
    for category in categories():
        if category["variable"] == variable and category["valeurs"] == "":
            return "n_" + category["champ"]
    return None


def compute(rows, levels, threshold=DEFAULT_THRESHOLD, totals=None):
    """``(published, counts, masked)``: ``counts`` the exact cells per ``(level, code)``,
    ``masked`` a boolean frame of the same shape, ``published`` the table to show (counts,
    shares in %, means, ``part_sociaux`` when ``totals`` ``{(level, code): dwellings}`` is
    given; masked values ``None``; ``secret`` = ``zone`` / ``partiel`` / ``""``)."""
    import numpy as np
    import pandas as pd
    matrix = row_matrix(rows)
    parts = []
    for level in levels:
        table = aggregate(matrix, level)
        table.index = pd.MultiIndex.from_arrays([[level.name] * len(table), table.index],
                                                names=["niveau", "code"])
        parts.append(table)
    counts = pd.concat(parts) if parts else matrix.iloc[0:0]
    columns = list(counts.columns)
    values = counts.values.astype(float)
    contributors = values.copy()
    for mean in means():
        if mean["champ"] + "_somme" in columns:
            contributors[:, columns.index(mean["champ"] + "_somme")] = \
                values[:, columns.index(mean["champ"] + "_effectif")]
    totals_col = values[:, columns.index(TOTAL)]
    small_zone = (totals_col > 0) & (totals_col < threshold)
    extra = np.repeat(small_zone[:, None], len(columns), axis=1)
    relations = _relations(counts, columns, levels)
    mask = secret.protect(values.ravel(), contributors.ravel(), relations, threshold,
                          extra.ravel()).reshape(values.shape)
    masked = pd.DataFrame(mask, index=counts.index, columns=columns)
    return publish(counts, masked, levels, totals or {}), counts, masked


def publish(counts, masked, levels, totals):
    import pandas as pd
    names = {(level.name, code): name for level in levels for code, name in level.names.items()}
    labels_of = {level.name: level.label for level in levels}
    records = []
    for key, row in counts.iterrows():
        hidden = masked.loc[key]
        total = row[TOTAL]
        record = {"niveau": labels_of.get(key[0], key[0]), "code": key[1],
                  "nom": names.get(key, key[1]),
                  TOTAL: None if hidden[TOTAL] else int(round(total))}
        for column in counts.columns:
            if column.startswith("n_"):
                shown = not hidden[column] and not hidden[TOTAL]
                record[column] = int(round(row[column])) if shown else None
                record["part_" + column[2:]] = round(100.0 * row[column] / total, 1) \
                    if shown and total > 0 else None
        for mean in means():
            somme, effectif = mean["champ"] + "_somme", mean["champ"] + "_effectif"
            if somme not in counts.columns:
                continue
            shown = not hidden[somme] and not hidden[effectif] and row[effectif] > 0
            record[effectif] = None if hidden[effectif] else int(round(row[effectif]))
            record[mean["champ"]] = round(row[somme] / row[effectif], int(mean["decimales"])) \
                if shown else None
        if key in totals and totals[key]:
            record["logements_total"] = totals[key]
            record["part_sociaux"] = None if hidden[TOTAL] else \
                round(100.0 * total / float(totals[key]), 1)
        record["secret"] = "zone" if hidden[TOTAL] else ("partiel" if hidden.any() else "")
        records.append(record)
    return pd.DataFrame(records)
