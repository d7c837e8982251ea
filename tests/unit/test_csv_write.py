"""Rows written straight to CSV (osp_qgis/csv_write.py) read back as written, by Python's
csv module and by GDAL's CSV driver (what QGIS opens the file with): every text stays
text (leading zeros, numbers, quotes, separators, line breaks, accents), NULL is an empty
cell, an integer stays an integer, a formula-like text gets its apostrophe."""
import csv

from hypothesis import given, settings
from hypothesis import strategies as st

from osp_qgis.storage import csv_write
from osp_qgis.storage.textsafe import csv_text

texts = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=30),
    st.sampled_from(["0019639767", "2018", "1e5", " 12 ", "-3", "=1+1", "+33", "@x", "\t=A1",
                     'a"b', "a,b", "a;b", "ligne\nsuite", "fin\r\n", "", " ", "É", "NULL"]))
cells = st.one_of(st.none(), st.integers(-2 ** 63, 2 ** 63 - 1), texts)


def expected(value):
    return "" if value is None else str(value) if isinstance(value, int) else csv_text(value)


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.lists(cells, min_size=3, max_size=3), max_size=20))
def test_rows_read_back_as_written(tmp_path_factory, rows):
    path = str(tmp_path_factory.mktemp("csv") / "sortie.csv")
    names = ["ligne", "motif", "n°, \"bizarre\""]
    assert csv_write.write_rows(path, names, rows, every=7) == len(rows)
    with open(path, encoding="utf-8", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == names
    assert read[1:] == [[expected(v) for v in row] for row in rows]


def test_gdal_reads_texts_as_texts_and_nulls_as_empty(tmp_path):
    from osgeo import ogr
    path = str(tmp_path / "anomalies.csv")
    rows = [[18, "0019639767", None], [2, "a,\"b\"\nc", "=HYPERLINK(\"x\")"], [3, "É", ""]]
    csv_write.write_rows(path, ["ligne", "ident", "detail"], rows)
    source = ogr.Open(path)
    layer = source.GetLayer(0)
    got = [[f.GetField(i) for i in range(3)] for f in layer]
    assert got == [["18", "0019639767", ""], ["2", "a,\"b\"\nc", "'=HYPERLINK(\"x\")"],
                   ["3", "É", ""]]
    source = None


def test_progress_is_told_every_batch(tmp_path):
    seen = []
    count = csv_write.write_rows(str(tmp_path / "p.csv"), ["a"], ([n] for n in range(12)),
                                 seen.append, every=5)
    assert count == 12 and seen == [5, 10]
