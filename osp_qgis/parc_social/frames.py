"""A sheet's rows as a pandas table of text, for the social-stock files (RPLS, OPS): the
header found by the project's column detection (:mod:`osp_qgis.sheets.columns`), one column per
header, ``ligne`` the row number the user sees, blank rows left out; and the column
readers the canonical tables share."""
from ..files import unique_names
from ..sheets.columns import detect_header_row, group_labels, map_columns
from ..sheets.raw import is_blank


def column_names(headers):
    """Column names from headers: blanks named ``colonne_N``, repeats numbered the way
    :func:`osp_qgis.files.unique_names` numbers them (case-insensitively, as a GeoPackage
    compares field names), « ligne » kept for the row number we add (a file's own becomes
    ``ligne_2``)."""
    return unique_names(["ligne"] + [header or "colonne_%d" % (n + 1)
                                     for n, header in enumerate(headers)])[1:]


def sheet_table(rows, synonyms):
    """``rows`` ``[(ligne, [cells])]`` → ``(frame, roles, headers, header line)``, ``roles``
    mapping a role of ``synonyms`` to its column name; ``None`` when no header is found."""
    import pandas as pd
    header_index = detect_header_row(rows, synonyms)
    if header_index is None:
        return None
    width = max(len(cells) for _, cells in rows)
    headers = [str(h).strip() for h in rows[header_index][1]] + \
        [""] * (width - len(rows[header_index][1]))
    names = column_names(headers)
    roles, _ = map_columns(headers, group_labels(rows, header_index, width), synonyms)
    body = [(ligne, list(cells) + [""] * (width - len(cells)))
            for ligne, cells in rows[header_index + 1:] if not is_blank(cells)]
    frame = pd.DataFrame([cells[:width] for _, cells in body], columns=names, dtype=object)
    frame = frame.fillna("").astype(str).apply(lambda column: column.str.strip())
    frame.insert(0, "ligne", [ligne for ligne, _ in body])
    return frame, {role: names[index] for role, index in roles.items()}, headers, \
        rows[header_index][0]


def column(frame, roles, role):
    """The role's column as stripped text (empty when the file has no such column)."""
    import pandas as pd
    if role in roles:
        return frame[roles[role]].astype(str).str.strip()
    return pd.Series([""] * len(frame), index=frame.index, dtype=object)


def number(text):
    """French or English decimals (« 65,5 », « 1184.0 »); ``NaN`` when not a number."""
    import pandas as pd
    return pd.to_numeric(text.str.replace(",", ".", regex=False).str.replace(" ", "",
                                                                           regex=False),
                         errors="coerce")


def read_number(frame, roles, role, label, flag):
    """The role's column as numbers; a value that is not one is flagged « <label>
    illisible » (and left empty: never guessed)."""
    text = column(frame, roles, role)
    value = number(text)
    flag((text != "") & value.isna(), "%s illisible" % label)
    return value


class Anomalies:
    """The French reasons of each row, ``; ``-joined: ``flag(mask, text)`` adds one to the
    rows of ``mask``; ``text`` the column."""

    def __init__(self, index):
        import pandas as pd
        self.text = pd.Series([""] * len(index), index=index, dtype=object)

    def flag(self, mask, reason):
        current = self.text[mask]
        self.text[mask] = current.where(current == "", current + "; ") + reason
