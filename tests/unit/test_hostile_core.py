"""The pure core against hostile input: encodings, damaged numbers, total lines, merged
cells, text that looks like a formula, file names, and a million rows."""
import errno
import os
import zipfile

import oracle_join
import pytest
from hypothesis import given
from hypothesis import strategies as st

from osp_qgis import files, ids, reference
from osp_qgis.sheets import columns
from osp_qgis.sheets import csv_sheets as sheets_csv
from osp_qgis.sheets import office_sheets as sheets_office
from osp_qgis.sheets import raw as sheets
from osp_qgis.sheets.read import read_sheet
from osp_qgis.storage import textsafe


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252"])
def test_every_text_encoding_a_spreadsheet_exports_is_decoded(encoding):
    text = "RPLS\tCommune\tIntitulé\n0044619057\t59456\tCité Barrois – Pecquencourt\n"
    if encoding == "cp1252":
        text = text.replace("–", "-")
    data = text.encode(encoding)
    decoded, _ = sheets_csv.decode_text(data)
    assert decoded == text


@pytest.mark.parametrize("raw,expected", [("4.4619057E+07", "44619057"), ("4,4619057E7", "44619057"),
                                          ("9.12161234567E+11", "912161234567"),
                                          ("4.46192000E+07", "44619200")])
def test_scientific_notation_with_every_digit_is_the_number(raw, expected):
    assert ids.integer_text(raw) == expected


@pytest.mark.parametrize("raw", ["4.46192E+07", "9.12161E+11", "1E+10", "6.249E4"])
def test_scientific_notation_that_lost_digits_is_an_anomaly(raw):
    with pytest.raises(ids.IdError) as error:
        ids.normalise_rpls(raw)
    assert error.value.motif == "identifiant_tronque"


@given(st.integers(10 ** 7, 10 ** 9), st.integers(1, 8))
def test_a_truncated_id_is_never_turned_into_an_id(number, kept):
    digits = str(number)
    if kept >= len(digits) - 1:
        return
    mantissa = digits[0] + "." + digits[1:kept]
    raw = "%sE+%02d" % (mantissa, len(digits) - 1)
    if len(digits[1:kept].rstrip("0")) >= len(digits) - 1:
        return
    with pytest.raises(ids.IdError):
        ids.normalise_rpls(raw)


def test_full_width_and_other_unicode_digits():
    assert ids.normalise_rpls("００４４６１９０５７") == "0044619057"
    with pytest.raises(ids.IdError):
        ids.normalise_rpls("٠٠٤٤٦١٩٠٥٧")  # Arabic-Indic digits are not an RPLS id
    assert ids.normalise_commune("５９４５６") == "59456"


@pytest.mark.parametrize("label", ["Total", "TOTAL CAPH", "Sous-total CALL", "S/Total 2019",
                                   "Totaux", "Total général", "  total"])
def test_total_lines_are_recognised(label):
    assert sheets.total_label(["", label, "12"]) == label.strip()


@pytest.mark.parametrize("label", ["Totalement rénové", "MC CALL LENS", "0044619057", ""])
def test_other_lines_are_not_totals(label):
    assert sheets.total_label([label, "x"]) is None


def test_vertical_merges_are_filled_and_noted_horizontal_ones_left():
    raw = sheets.RawSheet(rows=[(1, ["Identifiants", "", "Programme"]),
                                (2, ["RPLS", "Commune", "Intitulé"]),
                                (3, ["1", "59456", ""]), (4, ["2", "", ""]), (5, ["3", "", ""])],
                          sheet_name="F")
    sheets_office.fill_merged(raw, ["A1:B1", "B3:C5"])
    assert raw.rows[0][1] == ["Identifiants", "", "Programme"]
    assert [cells for _, cells in raw.rows[2:]] == [["1", "59456", "59456"], ["2", "59456", "59456"],
                                                    ["3", "59456", "59456"]]
    assert sorted(raw.notes) == [4, 5] and raw.notes[4][0][0] == sheets.MOTIF_FUSION
    assert raw.warnings and "B3:C5" in raw.warnings[0]


def test_an_ods_whose_content_inflates_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets_office, "MAX_XML_BYTES", 1024 * 1024)
    path = tmp_path / "bombe.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", b" " * (3 * 1024 * 1024))
    assert os.path.getsize(path) < 100000
    with pytest.raises(sheets.SheetError, match="décompressé"):
        read_sheet(str(path))


def test_notes_above_the_header_do_not_mislead_the_delimiter(tmp_path):
    path = tmp_path / "notes.csv"
    notes = "".join("Note %d : à lire, puis remplir.\n" % i for i in range(40))
    path.write_text(notes + "RPLS;Parcelle;Commune\n0044619057;594560000C0268;59456\n",
                    encoding="utf-8")
    synonyms = reference.column_synonyms()
    raw = read_sheet(str(path), accept=lambda rows: columns.has_header(rows, synonyms))
    assert raw.delimiter == ";" and raw.rows[-1][1][0] == "0044619057"


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+33 6", "-2+3", "@SUM(1)",
                                  "\t=1", "\r=1"])
def test_formula_looking_text_is_neutralised_for_csv(text):
    assert textsafe.csv_text(text) == "'" + text


@pytest.mark.parametrize("value", ["Cité du 4", "2020DD0590000", 12, None, "", "a=b"])
def test_ordinary_values_are_left_alone(value):
    assert textsafe.csv_text(value) == value


def test_texts_longer_than_an_excel_cell_are_cut_visibly():
    text = "x" * 40000
    cut = textsafe.xlsx_text(text)
    assert len(cut) == textsafe.XLSX_MAX_CHARS and cut.endswith("40000 caractères)")


def test_file_names_are_windows_safe_and_unique():
    names = [files.safe_filename("epci_%s" % code) for code in ("A/B", "A:B", "a*b", "CON")]
    assert all(not set('<>:"/\\|?*') & set(n) for n in names)
    assert files.safe_filename("CON") == "_CON" and files.safe_filename("nul.pdf") == "_nul.pdf"
    unique = files.unique_names(names + ["EPCI_A_B"])
    assert len({n.lower() for n in unique}) == len(unique)


def test_system_errors_are_told_in_french():
    assert "disque plein" in files.french_os_error(OSError(errno.ENOSPC, "No space left"))
    assert "lecture seule" in files.french_os_error(OSError(errno.EROFS, "Read-only"))


def test_a_million_rows_are_all_accounted_for(tmp_path):
    """Rows read = dwellings kept + duplicates, on 1 000 000 lines (blank ones included)."""
    path = tmp_path / "million.csv"
    blank = 0
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("RPLS;Parcelle;Commune;Intitulé\n")
        for i in range(1000000):
            if i % 1000 == 7:
                handle.write(";;;\n")
                blank += 1
                continue
            handle.write("%010d;62498000AP%04d;62498;MC CALL LENS\n" % (i % 999000, i % 9999 + 1))
    raw = read_sheet(str(path))
    colmap = columns.detect_columns(raw.rows, reference.column_synonyms())
    result = oracle_join.join(raw.rows, colmap, reference.palulos_variants(), lambda keys: {})
    assert result.rows_read == 1000000 - blank
    assert result.rows_read == len(result.dwellings) + result.n_duplicates
    expected_duplicates = sum(1 for i in range(999000, 1000000) if i % 1000 != 7
                              and (i % 999000) % 1000 != 7)
    assert result.n_duplicates == expected_duplicates
