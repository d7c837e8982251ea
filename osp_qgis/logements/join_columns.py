"""The join plan column by column (issue #12): the rules of :mod:`locate`, applied to whole
columns instead of one :class:`locate.Dwelling` per row.

Each identifier column is normalised by the same pure functions of :mod:`ids` — once per
distinct cell for the columns that repeat (commune, département, PALULOS type, year; the
EPCI, opération, street… only stripped), once per cell for the unique ones (RPLS, parcel,
fiscal id) — without building a dictionary and an object per row.  A row where any rule
objects (an :class:`ids.IdError`) is rebuilt by :func:`locate.build_dwelling` itself, and
a dwelling that its parcel does not locate goes through :func:`locate._assign`: the
details, their order and the motifs are those of the row-by-row plan, which stays the
reference (the tests compare both on the sample, the hostile corpus and generated rows).

Pure Python, no Qt.
"""
import operator
from collections import Counter

from .. import ids
from ..addresses import address_key
from ..sheets.raw import TOTAL_INITIALS, is_blank, total_label
from ..sheets.shared_texts import share_repeated_texts, worth_sharing
from . import locate

_ERROR = object()       # a rule refused the value: the row is rebuilt by build_dwelling


def _text(cell):
    return cell.strip() if cell.__class__ is str else ids.clean_text(cell)


def data_rows(rows, header_index, totals):
    """``(lignes, cells)`` of the rows after the header that are dwellings: blank rows are
    skipped, total lines (« TOTAL CAPH ») go to ``totals`` as in
    the row-by-row reference (tests/oracle_join.py)."""
    lignes, kept = [], []
    for ligne, cells in rows[header_index + 1:]:
        try:    # usual row: its first cell starts with a digit or a letter of no total word
            head = cells[0][:1]
            if head and head not in TOTAL_INITIALS and head.isascii() and not head.isspace():
                lignes.append(ligne)
                kept.append(cells)
                continue
            head = "".join(cells).lstrip()[:1]
        except (TypeError, IndexError):       # no cell, or a cell that is not text
            if is_blank(cells):
                continue
            head = "s"
        if not head:
            continue
        if head in TOTAL_INITIALS or not head.isascii():
            label = total_label(cells)
            if label is not None:
                totals.append(locate.total_line_anomaly(ligne, label, cells))
                continue
        lignes.append(ligne)
        kept.append(cells)
    return lignes, kept


def role_column(cells_list, index):
    """The stripped text of column ``index`` in every row (``""`` past a row's end)."""
    column = cells_of_column(cells_list, index)
    try:
        return list(map(str.strip, column))
    except TypeError:    # a cell that is not text
        return list(map(_text, column))


def _guarded(normaliser):
    def apply(*args):
        try:
            return normaliser(*args)
        except ids.IdError:
            return _ERROR
    return apply


def cells_of_column(cells_list, index):
    """Column ``index`` of every row as read (``""`` past a row's end or for no column)."""
    if index is None:
        return [""] * len(cells_list)
    try:
        return list(map(operator.itemgetter(index), cells_list))
    except (IndexError, TypeError):
        return [c[index] if index < len(c) else "" for c in cells_list]


def each_distinct(column, convert):
    """``convert(stripped text)`` for each cell of ``column`` (:func:`cells_of_column`),
    computed once per distinct cell: for the columns that repeat (commune, EPCI,
    opération, PALULOS type, year…), where the rows then share one value object per
    distinct cell instead of one text per cell read."""
    try:
        distinct = set(column)
    except TypeError:    # a cell that cannot be a key
        distinct = None
    if distinct is None or any(cell.__class__ is not str for cell in distinct):
        column = list(map(_text, column))   # keyed by text (1, 1.0 and True are one key)
        distinct = set(column)
    table = {cell: convert(cell.strip()) for cell in distinct}
    return list(map(table.__getitem__, column))


def rule(normaliser, *arguments):
    """``text -> normaliser(text, *arguments)``: ``None`` for an empty text,
    :data:`_ERROR` where the rule refuses it."""
    apply = _guarded(normaliser)
    return lambda text: apply(text, *arguments) if text else None


def text_or_none(text):
    return text or None


def _or_none(values):
    """Empty text as ``None`` (a copy of the column)."""
    return [v or None for v in values] if "" in values else list(values)


def _or(first, second):
    return [a or b for a, b in zip(first, second)]


class JoinColumns:
    """The result of the plan: one list per output field (:data:`locate.CORE_FIELD_NAMES`)
    over the kept dwellings, in sheet order, with their rows and points; the same counts
    and anomalies as :class:`locate.JoinResult`."""

    def __init__(self, lignes, cells, values):
        self.lignes, self.cells, self.values = lignes, cells, values
        self.problems = {}          # {position: [(motif, detail)]}
        self.idpar_errors = {}      # {position: motif of an unusable parcel id}
        self.others = {}            # {column index: the cells of that column, "" as None}
        self.points = [None] * len(lignes)
        self.duplicate_rows = []    # [(ligne, cells, key, first ligne)]
        self.total_lines = []
        self.rows_read = len(lignes)
        self.anomalies = []

    # -- the counts of locate.JoinResult ------------------------------------------------
    @property
    def n_dwellings(self):
        return len(self.lignes)

    def count_by_source(self):
        return Counter(s for s in self.values["geoloc_source"] if s)

    def count_by_motif(self):
        return Counter(m for m in self.values["geoloc_motif"] if m)

    @property
    def n_located(self):
        return sum(1 for s in self.values["geoloc_source"] if s)

    @property
    def n_not_located(self):
        return self.n_dwellings - self.n_located

    @property
    def n_duplicates(self):
        return len(self.duplicate_rows)

    # -- rows as locate's objects, for the rules applied one row at a time -------------
    def dwelling(self, i):
        d = locate.Dwelling(ligne=self.lignes[i], cells=self.cells[i],
                            values={n: c[i] for n, c in self.values.items()},
                            problems=self.problems.setdefault(i, []),
                            idpar_error=self.idpar_errors.get(i, ""))
        d.geometry = self.points[i]
        return d

    def release_cells(self, needed):
        """Forget the rows as read except ``needed`` (positions): the others' values are
        in the columns, and only rows with anomalies are written whole."""
        self.cells = [c if i in needed else None for i, c in enumerate(self.cells)]

    def store(self, i, dwelling):
        for name, value in dwelling.values.items():
            self.values[name][i] = value
        self.points[i] = dwelling.geometry
        if dwelling.problems:
            self.problems[i] = dwelling.problems
        else:
            self.problems.pop(i, None)
        if dwelling.idpar_error:
            self.idpar_errors[i] = dwelling.idpar_error


def build_columns(rows, colmap, palulos_variants, notes=None, totals=None, on_parcels=None,
                  texts_shared=False):
    """Data rows -> :class:`JoinColumns` with the values :func:`locate.build_dwelling`
    gives each row (and its problems, then the reader's ``notes``).  ``on_parcels(ids)``
    is called with the parcel ids as soon as they are known — the raw ids of a parcel id's
    length first (``early=True``), then all of them, normalised (a fetcher may look them up
    while the other columns are normalised); ``texts_shared``: the reader already shared
    the rows' repeated texts (:mod:`shared_texts`)."""
    totals = [] if totals is None else totals
    lignes, cells = data_rows(rows, colmap.header_index, totals)
    del rows    # the caller may have let the sheet go: its rows live on in ``cells``
    if worth_sharing(len(cells)) and not texts_shared:
        share_repeated_texts(cells)
    rows_read = len(lignes)
    raw = {role: role_column(cells, colmap.roles.get(role))
           for role in ("rpls", "internal_id", "parcel")}
    if on_parcels is not None:   # ids of a parcel id's length, looked up at once (the few
        # the rules will change are looked up for nothing, their answer never read)
        on_parcels({p for p in raw["parcel"] if len(p) == ids.IDPAR_LENGTH}, early=True)
    rpls = _guarded(ids.normalise_rpls)
    ident_rep = [r.zfill(ids.RPLS_LENGTH) if r.isdigit() and len(r) <= ids.RPLS_LENGTH
                 and r.isascii() else rpls(r) if r else None for r in raw["rpls"]]
    ident_int = [(i if "." not in i and "," not in i else ids.normalise_internal_id(i))
                 if i else None for i in raw["internal_id"]]
    duplicates, kept = split_duplicates(lignes, cells, ident_rep, ident_int)
    if duplicates:   # the rest is computed for the kept rows only
        def take(column):
            return list(map(column.__getitem__, kept))
        lignes, cells, ident_rep, ident_int = map(take, (lignes, cells, ident_rep, ident_int))
        raw = {role: take(column) for role, column in raw.items()}
    raw["local"] = role_column(cells, colmap.roles.get("local"))

    def repeated(role, convert):   # a column whose values repeat, once per distinct cell
        return each_distinct(cells_of_column(cells, colmap.roles.get(role)), convert)
    v = {"ident_rep": ident_rep, "ident_int": ident_int}
    v["num_rpls_ini"] = _or_none(raw["rpls"])
    v["num_esti_ini"] = _or_none(raw["internal_id"])
    commune = repeated("commune", rule(ids.normalise_commune))
    dep_given = repeated("departement", rule(ids.normalise_departement))
    dep = [d if d is not _ERROR else None for d in dep_given]
    dep_default = [d or (ids.departement_of_commune(c) if c is not _ERROR else None)
                   for d, c in zip(dep, commune)]
    v["idlocal_ini"] = _or_none(raw["local"])
    v["idpar_ini"] = _or_none(raw["parcel"])
    idlocal, usual = _guarded(ids.normalise_idlocal), ids.canonical_idlocal
    v["idlocal"] = [l if len(l) == ids.IDLOCAL_LENGTH and usual(l) else idlocal(l, d) if l
                    else None for l, d in zip(raw["local"], dep_default)]
    commune_or_none = [c if c is not _ERROR else None for c in commune]
    idpar, usual = _guarded(ids.normalise_idpar), ids.canonical_idpar
    v["idpar"] = [p if len(p) == ids.IDPAR_LENGTH and usual(p) else idpar(p, c) if p
                  else None for p, c in zip(raw["parcel"], commune_or_none)]
    if on_parcels is not None:   # the others (asked once: the fetcher skips those asked)
        on_parcels({p for p in v["idpar"] if p and p is not _ERROR})
    v["idcom"] = [c or (p[:5] if p and p is not _ERROR else None)
                  for c, p in zip(commune_or_none, v["idpar"])]
    v["dep"] = [d or ids.departement_of_commune(c) for d, c in zip(dep_default, v["idcom"])]
    for name, role in (("epci", "epci"), ("intitule", "intitule"), ("bailleur", "bailleur"),
                       ("dnvoiri", "numero_voie"), ("dindic", "indice_repetition"),
                       ("dvoilib", "voie"), ("cite_ini", "cite")):
        v[name] = repeated(role, text_or_none)
    v["type_palu"] = repeated("palulos", rule(ids.normalise_type_palu, palulos_variants))
    decision = cells_of_column(cells, colmap.roles.get("decision"))
    v["num_decision"] = each_distinct(decision, text_or_none)
    year = repeated("annee", rule(ids.normalise_year))
    decision_year = each_distinct(decision, rule(ids.year_from_decision))
    del decision
    v["annee_financ"] = _or(year, decision_year)
    count = len(lignes)
    v["geoloc_source"] = [None] * count
    v["geoloc_motif"] = [None] * count
    v["geoloc_precision"] = [None] * count
    v["geoloc_score"] = [None] * count
    v["ligne_source"] = lignes
    values = {name: v[name] for name in locate.CORE_FIELD_NAMES}
    result = JoinColumns(lignes, cells, values)
    result.total_lines, result.duplicate_rows, result.rows_read = totals, duplicates, rows_read
    result.others = {index: [c[index] if index < len(c) and c[index] != "" else None
                             for c in cells] for index in colmap.others}
    refused = {i for column in ("ident_rep", "idlocal", "idpar", "type_palu")
               for i, value in enumerate(v[column]) if value is _ERROR}
    refused.update(i for column in (commune, dep_given, year) for i, value in enumerate(column)
                   if value is _ERROR)
    for i in sorted(refused):
        result.store(i, locate.build_dwelling(lignes[i], cells[i], colmap.roles,
                                              palulos_variants))
    if notes:   # what the reader saw (merged cells, formulas), after the rules' problems
        position = {ligne: i for i, ligne in enumerate(lignes)}
        for ligne, noted in notes.items():
            if ligne in position:
                result.problems.setdefault(position[ligne], []).extend(noted)
    return result


def split_duplicates(lignes, cells, ident_rep, ident_int):
    """The first row of each dwelling is kept (same RPLS id, else same landlord id):
    ``([(ligne, cells, key, first ligne)] of the extra rows, kept positions)``."""
    keys = [("rpls", r) if r and r is not _ERROR else ("int", i) if i else None
            for r, i in zip(ident_rep, ident_int)]
    first = {}
    setdefault = first.setdefault
    firsts = [setdefault(key, n) if key is not None else n for n, key in enumerate(keys)]
    repeated = [n for n, f in enumerate(firsts) if f != n]
    if not repeated:
        return [], None
    duplicates = [(lignes[n], cells[n], keys[n], lignes[firsts[n]]) for n in repeated]
    dropped = set(repeated)
    return duplicates, [n for n in range(len(lignes)) if n not in dropped]


def locate_columns(result, fetch_parcels, fetch_locals=None, fetch_addresses=None):
    """The location step on columns: the parcels of every dwelling asked at once; the
    dwellings they do not locate go through :func:`locate._assign` one by one."""
    idpar = result.values["idpar"]
    wanted = {p for p in idpar if p}
    parcels = fetch_parcels(wanted) if wanted else {}
    if not isinstance(parcels, dict):   # the fetchers' answer is a new dict: not copied
        parcels = dict(parcels)
    points = [parcels.get(p) if p else None for p in idpar]
    pending = [i for i, point in enumerate(points) if point is None]
    result.release_cells(set(pending) | set(result.problems))
    source = result.values["geoloc_source"]
    precision, score = result.values["geoloc_precision"], result.values["geoloc_score"]
    for i, point in enumerate(points):
        if point is not None:
            result.points[i] = point
            source[i] = locate.SOURCE_PARCELLE
            precision[i], score[i] = locate.PRECISION_PARCELLE, 1.0
    v = result.values
    local_parcels = {}
    rest = pending
    if fetch_locals is not None:
        wanted_locals = {v["idlocal"][i] for i in rest if v["idlocal"][i]}
        if wanted_locals:
            local_parcels = dict(fetch_locals(wanted_locals))
        extra = {p for p in local_parcels.values() if p and p not in parcels}
        if extra:
            parcels.update(fetch_parcels(extra))
        rest = [i for i in rest if parcels.get(local_parcels.get(v["idlocal"][i])) is None]
    addresses = {}
    if fetch_addresses is not None:
        keys = (address_key(v["idcom"][i], v["dnvoiri"][i], v["dindic"][i], v["dvoilib"][i])
                for i in rest)
        wanted_addresses = {key for key in keys if key}
        if wanted_addresses:
            addresses = dict(fetch_addresses(wanted_addresses))
    for i in pending:   # one row object at a time, the rules of the row-by-row plan
        d = result.dwelling(i)
        locate._assign(d, parcels, local_parcels, addresses, fetch_locals is not None,
                       fetch_addresses is not None)
        result.store(i, d)


def collect_anomalies(result):
    """:func:`locate.collect_anomalies`: one row per problem, one ``doublon`` row per extra
    row, the total lines; by line."""
    out = list(result.total_lines)
    for i in sorted(result.problems):
        ligne, cells = result.lignes[i], result.cells[i]
        out.extend(locate.Anomaly(ligne, motif, detail, cells)
                   for motif, detail in result.problems[i])
    out.extend(locate.duplicate_anomaly(*row) for row in result.duplicate_rows)
    out.sort(key=lambda a: (a.ligne, a.motif))
    return out


def join(rows, colmap, palulos_variants, fetch_parcels, fetch_locals=None,
         fetch_addresses=None, notes=None, texts_shared=False):
    """The whole plan on a read sheet, column by column: build, de-duplicate, locate,
    report.  Same answers as the row-by-row reference, tests/oracle_join.py."""
    result = build_columns(rows, colmap, palulos_variants, notes,
                           on_parcels=getattr(fetch_parcels, "prefetch", None),
                           texts_shared=texts_shared)
    del rows
    locate_columns(result, fetch_parcels, fetch_locals, fetch_addresses)
    result.anomalies = collect_anomalies(result)
    return result
