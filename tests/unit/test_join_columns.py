"""The column-wise join plan (osp_qgis/join_columns.py, issue #12) gives exactly what the
row-by-row plan (osp_qgis/locate.py, the reference) gives: every value of every dwelling,
its point, the duplicates, every anomaly (line, motif, detail, cells, order) — on generated
rows mixing valid, damaged and hostile cells, on the whole sample and on the hostile corpus.
No QGIS."""
import os

import oracle_join
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osp_qgis.logements import join_columns, locate
from osp_qgis.reference import column_synonyms, palulos_variants
from osp_qgis.sheets import columns, shared_texts
from osp_qgis.sheets import csv_sheets as sheets_csv
from osp_qgis.sheets import raw as sheets
from osp_qgis.sheets.read import read_sheet

HEADER = ["RPLS", "Id bailleur", "Fiscal", "Parcelle", "Commune", "Département", "EPCI",
          "N°", "Indice", "Voie", "Palulos", "N° décision", "Année", "Cité"]
PARCELS = {"62498000AP0347": (1.0, 2.0), "62498000AP0001": (3.0, 4.0),
           "59350000AB0012": None, "62498000ZZ0001": (5.0, 6.0)}
LOCAUX = {"624980298306": "62498000AP0001", "624980000001": "62498000ZZ0001",
          "624980000002": "62498000ZZ0099", "591230000004": "59350000AB0012"}
# an address fetcher answers (point, precision level, score), as the BAN matcher does
ADDRESSES = {("62498", "12", "", "RUE D ARTOIS"): ((7.0, 8.0), "numero", 1.0)}

CELLS = {
    "rpls": ["", "44619057", "0044619057", "4.4619057E7", "4.46192E+07", "12345678901", "abc",
             "  0000000001 ", "１２３", "44619057.0", "=A1", "0044619057"],
    "internal": ["", "X1", "X1", "12.0", " B 7 ", "@SUM(1)"],
    "local": ["", "624980298306", "0298306", "24980298306", "624980000001", "624980000002",
              "591230000004", "62 4980 298306", "??", "4980298306"],
    "parcel": ["", "62498000AP0347", "62498 000 AP 347", "AP347", "ap 1", "??", "62498000ap0001",
               "59350000AB0012", "62498000ZZ0001", "0ZZ1", "000 ZZ 1", "62498000AP0347"],
    "commune": ["", "62498", "59350", "2498", "6249", "62498.0", "6.2498E4", "XYZ", "2A004",
                "97411"],
    "dep": ["", "62", "59", "9", "2A", "999", "62.0"],
    "epci": ["", "CALL", "CAHC"],
    "num": ["", "12", "0012", "12 bis", "x"],
    "indice": ["", "B", "bis", "TER"],
    "voie": ["", "R. d'Artois", "rue d'Artois", "12 bis rue d'Artois", "Rue inconnue"],
    "palu": ["", "groupe", "Groupé", "isole", "Hors", "zzz"],
    "decision": ["", "2020DD0590000", "1899", "2019-12"],
    "annee": ["", "2019", "2019.0", "1800", "deux mille", "2021"],
    "cite": ["", "Cité du 4", "TOTAL"],
}
ROLE_ORDER = ["rpls", "internal", "local", "parcel", "commune", "dep", "epci", "num", "indice",
              "voie", "palu", "decision", "annee", "cite"]
ROW = st.tuples(*[st.sampled_from(CELLS[r]) for r in ROLE_ORDER]).map(list)
SPECIAL_ROW = st.sampled_from([[""] * 14, ["  "] * 14, ["TOTAL CAPH"] + [""] * 13,
                               ["", "Sous-total 2019"] + [""] * 12, ["Ensemble", "3"],
                               ["ÉNSEMBLE"], ["62498"], ["Total général", "", "12"]])
ROWS = st.lists(st.one_of(ROW, ROW, ROW, SPECIAL_ROW), min_size=0, max_size=40)


def fetchers(with_locals, with_addresses):
    def fetch_parcels(keys):
        return {k: PARCELS[k] for k in keys if k in PARCELS}

    def fetch_locals(keys):
        return {k: LOCAUX[k] for k in keys if k in LOCAUX}

    def fetch_addresses(keys):
        return {k: ADDRESSES[k] for k in keys if k in ADDRESSES}
    return (fetch_parcels, fetch_locals if with_locals else None,
            fetch_addresses if with_addresses else None)


def dwellings_of_rows(result):
    """``[(ligne, values, point)]`` of the row-by-row plan."""
    return [(d.ligne, d.values, d.geometry) for d in result.dwellings]


def dwellings_of_columns(result):
    names = locate.CORE_FIELD_NAMES
    return [(ligne, dict(zip(names, values)), point) for ligne, values, point in
            zip(result.lignes, zip(*(result.values[n] for n in names)), result.points)]


def anomalies(result):
    return [(a.ligne, a.motif, a.detail, list(a.cells)) for a in result.anomalies]


def assert_same(sheet, colmap, notes=None, with_locals=True, with_addresses=True):
    by_rows = oracle_join.join(sheet, colmap, palulos_variants(),
                          *fetchers(with_locals, with_addresses), notes=notes)
    by_columns = join_columns.join(sheet, colmap, palulos_variants(),
                                   *fetchers(with_locals, with_addresses), notes=notes)
    assert dwellings_of_columns(by_columns) == dwellings_of_rows(by_rows)
    assert anomalies(by_columns) == anomalies(by_rows)
    assert by_columns.rows_read == by_rows.rows_read
    assert by_columns.n_duplicates == by_rows.n_duplicates
    assert by_columns.n_located == by_rows.n_located
    assert by_columns.count_by_motif() == by_rows.count_by_motif()
    assert locate.summary_lines(by_columns) == locate.summary_lines(by_rows)
    return by_rows


@settings(max_examples=300, deadline=None)
@given(ROWS, st.booleans(), st.booleans(),
       st.dictionaries(st.integers(2, 45), st.lists(st.sampled_from(
           [("cellule_fusionnee", "fusion"), ("formule_sans_valeur", "formule")]),
           min_size=1, max_size=2), max_size=4))
def test_columns_and_rows_agree_on_generated_sheets(rows, with_locals, with_addresses, notes):
    sheet = [(1, HEADER)] + [(n + 2, r) for n, r in enumerate(rows)]
    colmap = columns.detect_columns(sheet, column_synonyms(),
                                    {"numero_voie": "N°", "indice_repetition": "Indice",
                                     "departement": "Département"})
    assert_same(sheet, colmap, notes, with_locals, with_addresses)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(CELLS["parcel"] + CELLS["rpls"]), min_size=0,
                         max_size=5), min_size=1, max_size=20))
def test_short_rows_and_missing_roles_agree(rows):
    """Rows shorter than the header, roles absent from the sheet."""
    sheet = [(1, ["Parcelle", "RPLS", "Commune", "Palulos", "Cité"])] + \
        [(n + 2, r) for n, r in enumerate(rows)]
    colmap = columns.detect_columns(sheet, column_synonyms())
    assert_same(sheet, colmap)


def test_non_text_cells_agree():
    """A reader that left numbers or None in cells: the general rules apply."""
    sheet = [(1, HEADER), (2, [44619057, None, "", 3.0] + [""] * 10),
             (3, [None] * 14), (4, ["TOTAL", 12] + [""] * 12)]
    colmap = columns.detect_columns(sheet, column_synonyms())
    assert_same(sheet, colmap)


def test_the_whole_sample_agrees(sample_data):
    import glob
    for path in sorted(glob.glob(os.path.join(sample_data, "bailleurs", "*"))):
        raw = read_sheet(path)
        colmap = columns.detect_columns(raw.rows, column_synonyms())
        result = assert_same(raw.rows, colmap, raw.notes)
        assert result.rows_read > 0


def test_the_hostile_corpus_agrees(tmp_path, sample_data):
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "corpus"))
    import hostile
    built = hostile.build(str(tmp_path), str(sample_data))
    checked = 0
    for path in built.values():
        try:
            raw = read_sheet(path, None, lambda rows: columns.has_header(
                rows, column_synonyms()))
            colmap = columns.detect_columns(raw.rows, column_synonyms())
        except (sheets.SheetError, columns.ColumnError, TypeError, AttributeError):
            continue
        assert_same(raw.rows, colmap, raw.notes)
        checked += 1
    assert checked >= 8


@pytest.mark.parametrize("chunked", [False, True])
def test_repeated_texts_are_shared_and_values_unchanged(chunked):
    """Columns that repeat end with one text object per distinct value; unique columns,
    short rows and rows that are tuples keep their cells; every value stays equal —
    whether the rows are shared once read whole or chunk after chunk while read."""
    rows = [["%010d" % n, "".join(["CA", "BBALR"]), "".join(["Cité ", str(n % 3)])]
            for n in range(3000)]
    rows[10] = rows[10][:2]                       # a short row
    rows.append(("9999999999", "CABBALR", "Cité 1"))   # a row that is a tuple
    before = [list(r) for r in rows]
    if chunked:
        texts = shared_texts.RepeatedTexts()
        for start in range(0, len(rows), 700):
            texts.share(rows[start:start + 700])   # the same row objects, changed in place
        assert texts.distinct == {0}                # the identifiers: their table dropped
    else:
        shared_texts.share_repeated_texts(rows)
    assert [list(r) for r in rows] == before
    assert len({id(r[1]) for r in rows[:-1]}) == 1
    assert len({id(r[2]) for r in rows[:-1] if len(r) > 2}) == 3
    assert len({id(r[0]) for r in rows}) == len(rows)
    shared_texts.share_repeated_texts([])
    shared_texts.RepeatedTexts().share([])


def test_a_large_csv_is_read_with_its_repeated_texts_shared(tmp_path, monkeypatch):
    """A CSV of at least SHARING_PAYS_FROM lines (lowered here) is read chunk after chunk
    with its repeated texts shared: the same rows and line numbers as a reading without
    sharing, one object per commune, a fresh object per identifier, and the sheet says so
    (the plan then does not share them again)."""
    lines = ["N° RPLS;Code INSEE;Opération"] + [
        "%010d;%s;%s" % (n, "62119" if n % 3 else "59350", "Cité du 4" if n % 2 else "")
        for n in range(45000)]
    lines[20000] = "0000000001;62119"                 # a short row across a chunk border
    path = tmp_path / "grand.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    plain = sheets_csv.read_csv(str(path))
    assert not plain.texts_shared
    monkeypatch.setattr(shared_texts, "SHARING_PAYS_FROM", 1000)
    shared = sheets_csv.read_csv(str(path))
    assert shared.texts_shared
    assert shared.rows == plain.rows
    assert [n for n, _ in shared.rows] == list(range(1, len(lines) + 1))
    communes = {id(cells[1]) for _, cells in shared.rows[1:] if len(cells) > 1}
    assert len(communes) == 2
    assert len({id(cells[0]) for _, cells in shared.rows}) == len(lines)


def test_each_distinct_converts_every_cell_like_its_own_stripped_text():
    """A repeated column is converted once per distinct cell, and each row gets what its own
    stripped text gives — even with cells that are not text (1, 1.0 and True are one
    dictionary key, not one value) or cannot be keys."""
    seen = []

    def convert(text):
        seen.append(text)
        return "<%s>" % text if text else None

    texts = ["CAPH", " CAPH", "CAPH ", "", "CALL"] * 50
    assert join_columns.each_distinct(texts, convert) == [
        convert(t.strip()) for t in texts]
    assert len(seen) == 5 + len(texts)           # once per distinct cell, then the check
    mixed = [1, True, 1.0, "1", " 1 ", None, ["x"]]
    assert join_columns.each_distinct(mixed, convert) == [
        convert(join_columns._text(c)) for c in mixed]
