"""Rows streamed into a saved workbook (osp_qgis.storage.xlsx_stream): values and types read back
by openpyxl, text that looks like a formula stays text, XML-illegal characters dropped,
over-long text cut with its mark, the file replaced only when complete."""
import openpyxl
import pytest

from osp_qgis.storage import xlsx_stream
from osp_qgis.storage.textsafe import XLSX_MAX_CHARS


def saved(path, header):
    book = openpyxl.Workbook()
    book.active.append(header)
    book.save(path)
    return path


def test_values_types_and_hostile_text(tmp_path):
    path = saved(str(tmp_path / "s.xlsx"), ["a", "b", "c"])
    rows = [[1, "0036259245", "=HYPERLINK(\"http://x\")"],
            [2.5, "a\x00b\x07c<&>", "x" * (XLSX_MAX_CHARS + 10)],
            [None, "", "Émile Zola"]]
    last = xlsx_stream.append_rows(path, 1, 2, iter(rows), 3, 3)
    assert last == 4
    sheet = openpyxl.load_workbook(path)["Sheet"]
    got = list(sheet.iter_rows(values_only=True))
    assert got[0] == ("a", "b", "c")
    assert got[1][:2] == (1, "0036259245") and got[1][2] == "=HYPERLINK(\"http://x\")"
    assert sheet["C2"].data_type == "s"            # text, not a formula
    assert got[2][0] == 2.5 and got[2][1] == "abc<&>"
    assert len(got[2][2]) == XLSX_MAX_CHARS and "texte tronqué" in got[2][2]
    assert got[3] == (None, None, "Émile Zola")
    assert sheet.max_row == 4


def test_columns_past_z(tmp_path):
    assert xlsx_stream.column_letters(28)[-3:] == ["Z", "AA", "AB"]
    path = saved(str(tmp_path / "w.xlsx"), list(range(30)))
    xlsx_stream.append_rows(path, 1, 2, [list(range(30))], 30, 1)
    sheet = openpyxl.load_workbook(path).active
    assert sheet["AD2"].value == 29


def test_a_failure_leaves_the_file_as_it_was(tmp_path):
    path = saved(str(tmp_path / "f.xlsx"), ["a"])
    before = open(path, "rb").read()

    def rows():
        yield ["ok"]
        raise RuntimeError("coupure")

    with pytest.raises(RuntimeError):
        xlsx_stream.append_rows(path, 1, 2, rows(), 1, 2)
    assert open(path, "rb").read() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.xlsx"]
    with pytest.raises(ValueError):
        xlsx_stream.append_rows(path, 1, 2, iter([["a"]]), 1, 2)   # fewer rows than said
    assert open(path, "rb").read() == before


def test_streamed_rows_take_the_last_written_row_s_style_in_one_pass(tmp_path):
    from openpyxl.styles import Border, Side
    path = str(tmp_path / "two.xlsx")
    book = openpyxl.Workbook()
    first = book.active
    first.append(["x", "y"])
    second = book.create_sheet("deux")
    second.append(["a", "b"])
    thin = Side(style="thin")
    for cell in second[1]:
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    second["B1"].value = None
    book.save(path)
    last = xlsx_stream.append_tables(path, {1: (2, iter([[1, 2]]), 2, 1),
                                            2: (2, iter([["c", None], ["d", "e"]]), 2, 2)})
    assert last == {1: 2, 2: 3}
    again = openpyxl.load_workbook(path)
    assert [c.value for c in again["Sheet"][2]] == [1, 2]
    assert again["Sheet"]["A2"].border.left.style is None
    rows = again["deux"]
    assert [[c.value for c in r] for r in rows.iter_rows(min_row=2)] == [["c", None], ["d", "e"]]
    for row in rows.iter_rows(min_row=2):
        assert all(c.border.left.style == "thin" for c in row)   # empty cells keep it too


def test_repeated_values_read_back_as_written(tmp_path):
    """The row writer makes a value's XML once per column: values that compare equal but
    are not the same cell (1, 1.0, True, "1") must still each read back as themselves, row
    after row, styled or not, past the memo's size."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    values = st.sampled_from([1, 1.0, True, False, 0, "1", "oui", None, "", "<&>", "=1+1",
                              2.5, -3, "Cité du 4"]) | st.integers(-10 ** 6, 10 ** 6)

    @settings(max_examples=25, deadline=None)
    @given(rows=st.lists(st.lists(values, min_size=3, max_size=3), min_size=1, max_size=60),
           memo=st.integers(1, 5))
    def check(rows, memo):
        letters = xlsx_stream.column_letters(3)
        styles = (' s="1"', "", ' s="2"')
        writer = xlsx_stream.RowWriter(letters, styles)
        writer.MEMO = memo
        for n, row in enumerate(rows, 2):
            cells = [(letters[i], xlsx_stream.cell_rest(v, styles[i]))
                     for i, v in enumerate(row)]   # each made anew, no memo
            expected = '<row r="%d">%s</row>' % (n, "".join(
                '<c r="%s%d%s' % (letter, n, rest) for letter, rest in cells
                if rest is not None))
            assert writer(n, row) == expected
        path = saved(str(tmp_path / "r.xlsx"), ["a", "b", "c"])
        xlsx_stream.append_rows(path, 1, 2, iter(rows), 3, len(rows))
        got = list(openpyxl.load_workbook(path)["Sheet"].iter_rows(min_row=2,
                                                                    values_only=True))
        shown = [[("oui" if v else "non") if isinstance(v, bool) else
                  (None if v == "" else v) for v in row] for row in rows]
        while shown and all(v is None for v in shown[-1]):
            shown.pop()   # a reader sees no trailing row without any cell: nothing to show
        assert [list(r) for r in got] == shown
        for row, back in zip(shown, got):
            for v, b in zip(row, back):
                assert type(v) is type(b) or (isinstance(v, int) and isinstance(b, int))
    check()


def test_a_row_longer_than_the_sheet_is_refused():
    writer = xlsx_stream.RowWriter(xlsx_stream.column_letters(2))
    with pytest.raises(ValueError):
        writer(2, [1, 2, 3])


def test_streamed_sheet_is_compressed(tmp_path):
    """The streamed sheet is deflated like the rest of the archive (420 000 rows stored raw
    made an 800 Mo workbook)."""
    import zipfile
    path = saved(str(tmp_path / "z.xlsx"), ["commune"])
    xlsx_stream.append_rows(path, 1, 2, (["Nœux-les-Mines"] for _ in range(5000)), 1, 5000)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    assert sheet.compress_type == zipfile.ZIP_DEFLATED
    assert sheet.compress_size < sheet.file_size / 10
