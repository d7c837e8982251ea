"""Reading sheets as text and recognising their columns (no QGIS)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osp_qgis.reference import column_synonyms
from osp_qgis.sheets import columns
from osp_qgis.sheets import csv_sheets as sheets_csv
from osp_qgis.sheets import raw as sheets
from osp_qgis.sheets.read import read_sheet

OSP_GROUPS = ["Identifiants"] + [""] * 7 + ["Programme"] + [""] * 3
OSP_HEADER = ["Id", "RPSL", "Bailleur", "Fiscal", "Parcelle", "Département", "Commune", "EPCI",
              "Intitulé", "Bailleur", "Palulos", "N° de la décision (SISAL ou fictif)"]
ROW = ["1", "0044619057", "SOG156962", "594560559289", "594560000C1988", "59", "59456", "CCCC",
       "MC CCCO PECQUENCOURT BARROIS 2020 G", "M&C", "Groupé", "2020DD0590000"]


def test_osp_export_layout_group_row_typo_and_bailleur_twice():
    rows = [(1, OSP_GROUPS), (2, OSP_HEADER), (3, ROW)]
    cm = columns.detect_columns(rows, column_synonyms())
    assert cm.header_index == 1
    assert cm.roles == {"rpls": 1, "internal_id": 2, "local": 3, "parcel": 4, "departement": 5,
                        "commune": 6, "epci": 7, "intitule": 8, "bailleur": 9, "palulos": 10,
                        "decision": 11}
    assert cm.others == [0]


def test_bailleur_twice_without_group_row_left_is_dwelling_id():
    rows = [(1, OSP_HEADER), (2, ROW)]
    cm = columns.detect_columns(rows, column_synonyms())
    assert cm.roles["internal_id"] == 2 and cm.roles["bailleur"] == 9


@pytest.mark.parametrize("header,role", [
    ("RPLS", "rpls"), ("ident_rep", "rpls"), ("n° RPLS", "rpls"), ("invariant", "local"),
    ("idlocal", "local"), ("idpar", "parcel"), ("Référence cadastrale", "parcel"),
    ("code INSEE", "commune"), ("depcom", "commune"), ("N° décision", "decision"),
    ("Année de financement", "annee"), ("type_palu", "palulos")])
def test_usual_spellings(header, role):
    rows = [(1, ["Commentaire", header, "EPCI", "Parcelle"]), (2, ["x", "1", "CALL", "AP1"])]
    cm = columns.detect_columns(rows, column_synonyms())
    assert cm.roles[role] == 1


def test_explicit_mapping_wins_over_detection():
    rows = [(1, ["Numéro logement", "RPLS", "Ref parcelle X"]), (2, ["A1", "1", "AP347"])]
    cm = columns.detect_columns(rows, column_synonyms(),
                                {"internal_id": "numéro logement", "parcel": "Ref parcelle X"})
    assert cm.roles["internal_id"] == 0 and cm.roles["parcel"] == 2 and cm.roles["rpls"] == 1


def test_explicit_mapping_to_missing_column_is_french_error():
    rows = [(1, ["RPLS", "Commune"]), (2, ["1", "59456"])]
    with pytest.raises(columns.ColumnError, match="absente de la feuille"):
        columns.detect_columns(rows, column_synonyms(), {"parcel": "Parcelle"})


def test_no_identifier_column_is_french_error():
    rows = [(1, ["Nom", "Prénom", "Ville"]), (2, ["a", "b", "c"])]
    with pytest.raises(columns.ColumnError):
        columns.detect_columns(rows, column_synonyms())


def test_csv_windows_1252_semicolon_physical_lines(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes("Identifiants;;Programme\nRPLS;Parcelle;Intitulé\n"
                     "1;AP1;\"Opération\nsur deux lignes\"\n2;AP2;Cité Déclercq\n"
                     .encode("cp1252"))
    raw = read_sheet(str(path))
    assert raw.encoding == "cp1252" and raw.delimiter == ";"
    assert [l for l, _ in raw.rows] == [1, 2, 3, 5]
    assert raw.rows[3][1] == ["2", "AP2", "Cité Déclercq"]


def test_csv_utf8_comma_with_quoted_commas(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text('idpar,intitule\n62498000AP0347,"MC CALL, tranche 2"\n', encoding="utf-8")
    raw = read_sheet(str(path))
    assert raw.delimiter == "," and raw.encoding == "utf-8"
    assert raw.rows[1] == (2, ["62498000AP0347", "MC CALL, tranche 2"])


def test_xlsx_numbers_dates_merged_cells_and_row_numbers(tmp_path):
    import datetime

    import openpyxl
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Identifiants", None, "Programme"])
    ws.merge_cells("A1:B1")
    ws.append(["RPSL", "Fiscal", "Date OS"])
    ws.append([44619057, 594560559289, datetime.datetime(2016, 11, 14)])
    ws.append([])
    ws.append([19617672.0, "624980298306", None])
    path = tmp_path / "s.xlsx"
    book.save(path)
    raw = read_sheet(str(path))
    rows = [(l, c) for l, c in raw.rows if not sheets.is_blank(c)]
    assert rows[2] == (3, ["44619057", "594560559289", "2016-11-14"])
    assert rows[3][0] == 5 and rows[3][1][:2] == ["19617672", "624980298306"]


def test_xlsx_named_sheet_and_missing_sheet_error(tmp_path):
    import openpyxl
    book = openpyxl.Workbook()
    book.active.title = "Vide"
    book.create_sheet("Logements").append(["RPLS"])
    path = tmp_path / "s.xlsx"
    book.save(path)
    assert read_sheet(str(path)).sheet_name == "Logements"  # first sheet with data
    with pytest.raises(sheets.SheetError, match="n'existe pas"):
        read_sheet(str(path), "2020")


def test_missing_file_is_french_error(tmp_path):
    with pytest.raises(sheets.SheetError, match="introuvable"):
        read_sheet(str(tmp_path / "absent.xlsx"))


def test_ods_repeated_rows_and_float_ids(tmp_path):
    import sample_data
    path = tmp_path / "s.ods"
    sample_data.write_ods(str(path), "F", [["Titre"], [], ["RPLS", "idpar"],
                                           [44619057, "62498000AP0347"]])
    raw = read_sheet(str(path))
    assert raw.rows[-1] == (4, ["44619057", "62498000AP0347"])
    assert raw.rows[1][0] == 3


def _lines_followed(text, delimiter):
    """The reader followed line by line: the reference for CSV line numbers."""
    import csv
    import io
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, last = [], 0
    for cells in reader:
        first, last = last + 1, reader.line_num
        rows.append((first, cells))
    return rows


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(['a', '\n', '\r', '\r\n', 'é', '\v', '\f', '\x1c', '\x1d',
                                 '\x1e', '\x85', '\u2028', '\u2029', '\u2026']),
                max_size=30).map(''.join))
def test_lines_end_at_line_feeds_and_carriage_returns_only(text):
    """The lines are those of a file opened with ``newline=""``: other characters
    ``str.splitlines`` cuts at (vertical tab, form feed, separators) stay inside a line."""
    import io
    assert sheets_csv.split_lines(text) == list(io.StringIO(text, newline=""))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(['a', ';', '"', '\n', '\r', '\r\n', 'é', ' ', '\x00']),
                max_size=40).map(''.join))
def test_csv_line_numbers_are_the_lines_the_user_sees(text):
    """Counting records as lines (the fast path of a CSV without line breaks in quotes)
    gives the line numbers of the reader followed line by line, or the same error."""
    import csv
    try:
        expected = _lines_followed(text, ";")
    except csv.Error:
        with pytest.raises(csv.Error):
            sheets_csv._parse_csv(sheets_csv.split_lines(text), ";")
        return
    assert sheets_csv._parse_csv(sheets_csv.split_lines(text), ";") == expected


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(['a', ';', ',', '\t', '\n', '\r', '\r\n', 'é', ' ', '\v',
                                 '\x1c', '\u2028', "'"]), max_size=40).map(''.join),
       st.sampled_from(sheets_csv.CSV_DELIMITERS), st.booleans())
def test_text_without_quotes_is_cut_as_the_csv_reader_cuts_it(text, delimiter, share):
    """A text without double quote nor NUL is cut at its delimiter by ``str.split``: the
    same records as Python's CSV reader (empty lines as empty records), the same line
    numbers, shared or not."""
    import csv
    assert sheets_csv.is_unquoted(text)
    lines = sheets_csv.split_lines(text)
    expected = list(csv.reader(iter(lines), delimiter=delimiter))
    assert sheets_csv.all_records(sheets_csv.unquoted_records(lines, delimiter), share,
                              blank_as=True) == expected
    assert sheets_csv._parse_csv(lines, delimiter, share=share, unquoted=True) \
        == sheets_csv._parse_csv(lines, delimiter, share=share)


def test_a_quote_or_a_nul_anywhere_keeps_the_csv_reader(tmp_path):
    """One quoted cell at the end of a file sends the whole file through the CSV reader
    (its delimiter inside quotes is text, its line break too); a NUL as well."""
    assert not sheets_csv.is_unquoted('a;b\n"c;d"\n') and not sheets_csv.is_unquoted("a\0b")
    path = tmp_path / "guillemets.csv"
    path.write_bytes("N° RPLS;Commune\r\n0000000001;62119\r\n"
                     "0000000002;\"Lens; Liévin\r\n(62)\"\r\n".encode("cp1252"))
    raw = sheets_csv.read_csv(str(path))
    assert raw.rows == [(1, ["N° RPLS", "Commune"]), (2, ["0000000001", "62119"]),
                        (3, ["0000000002", "Lens; Liévin\r\n(62)"])]
