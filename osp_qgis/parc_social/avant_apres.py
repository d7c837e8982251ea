"""The energy label of renovated dwellings before and after the works (pandas, no Qt): the
dwellings of the analyse layer found by their RPLS id in two RPLS vintages, counted by label
change per EPCI — the « situation des logements avant et après travaux » of the 2021
roadmap — under the same statistical secrecy as the other indicators."""
from . import secret_table

LABELS = ("A", "B", "C", "D", "E", "F", "G")
NOT_GIVEN = "NR"
CHANGES = (("gain_2_plus", "Gain de 2 classes ou plus"), ("gain_1", "Gain d'une classe"),
           ("inchangee", "Étiquette inchangée"), ("degradee", "Étiquette dégradée"),
           ("non_renseignee", "Étiquette non renseignée avant ou après"))
ENSEMBLE = "Ensemble"


def labels_by_id(rows):
    """RPLS id (10 digits) → energy label (``NR`` when empty) of a canonical RPLS table."""
    ids = rows["ident_rep"].str.replace(r"\.0$", "", regex=True)
    digits = ids.str.fullmatch(r"\d{1,10}")
    ids = ids.where(~digits, ids.str.zfill(10))
    labels = rows["dpe_energie"].where(rows["dpe_energie"] != "", NOT_GIVEN)
    keep = ids != ""
    return dict(zip(ids[keep], labels[keep]))


def change_class(before, after):
    if before not in LABELS or after not in LABELS:
        return "non_renseignee"
    gain = LABELS.index(before) - LABELS.index(after)
    return "gain_2_plus" if gain >= 2 else "gain_1" if gain == 1 else \
        "inchangee" if gain == 0 else "degradee"


def transitions(dwellings, before_rows, after_rows):
    """``dwellings`` (``ident_rep``, ``epci``) → frame ``epci``, ``avant``, ``apres``,
    ``evolution`` per dwelling (labels ``NR`` when the dwelling or its label is missing)."""
    before, after = labels_by_id(before_rows), labels_by_id(after_rows)
    ids = dwellings["ident_rep"].fillna("").astype(str).str.strip()
    ids = ids.where(~ids.str.fullmatch(r"\d{1,10}"), ids.str.zfill(10))
    out = dwellings[["epci"]].copy()
    out["epci"] = out["epci"].fillna("").astype(str).replace("", "(EPCI non renseigné)")
    out["avant"] = ids.map(lambda i: before.get(i, NOT_GIVEN))
    out["apres"] = ids.map(lambda i: after.get(i, NOT_GIVEN))
    out["evolution"] = [change_class(b, a) for b, a in zip(out["avant"], out["apres"])]
    return out


def tables(changes, threshold):
    """``(evolution, crosstab)``: published frames: per EPCI and for the whole set, the
    dwellings per class of change, and per label before × label after; hidden cells
    ``None``. Both are one secrecy problem (classes are sums of transitions, EPCI add up
    to the whole)."""
    import numpy as np
    import pandas as pd
    zones = sorted(changes["epci"].unique()) + [ENSEMBLE]
    pairs = [(b, a) for b in LABELS + (NOT_GIVEN,) for a in LABELS + (NOT_GIVEN,)]
    classes = [code for code, _ in CHANGES]
    columns = ["logements"] + classes + ["%s>%s" % pair for pair in pairs]
    values = np.zeros((len(zones), len(columns)))
    for z, zone in enumerate(zones):
        part = changes if zone == ENSEMBLE else changes[changes["epci"] == zone]
        values[z, 0] = len(part)
        for c, code in enumerate(classes, start=1):
            values[z, c] = int((part["evolution"] == code).sum())
        counted = part.groupby(["avant", "apres"]).size().to_dict()
        for p, pair in enumerate(pairs, start=1 + len(classes)):
            values[z, p] = counted.get(pair, 0)
    col = {c: j for j, c in enumerate(columns)}
    rows = [([col[c] for c in classes], col["logements"])]
    for code in classes:
        members = ["%s>%s" % pair for pair in pairs if change_class(*pair) == code]
        rows.append(([col[m] for m in members], col[code]))
    groups = [(list(range(len(zones) - 1)), len(zones) - 1)]
    small = (values[:, 0] > 0) & (values[:, 0] < threshold)
    extra = np.repeat(small[:, None], len(columns), axis=1)
    mask = secret_table.protect_table(values, values, rows, groups, threshold, extra)
    shown = np.where(mask, None, values.astype(int)).tolist()
    evolution = pd.DataFrame([[zone] + row[:1 + len(classes)]
                              for zone, row in zip(zones, shown)],
                             columns=["epci", "logements"] + classes)
    first = 1 + len(classes)
    crosstab = pd.DataFrame(
        [[zone, b, a, shown[z][first + p]] for z, zone in enumerate(zones)
         for p, (b, a) in enumerate(pairs)
         if values[z, first + p] or mask[z, first + p]],
        columns=["epci", "avant", "apres", "logements"])
    return evolution, crosstab
