"""The long tables of the programmation's and the money's PDFs (common/layout_table): every
row printed once, in order, whole on one page, under the header, inside the page; a runaway
text cut at the page with « … » instead of an error or a lost row; what the cartographer sees
rendered to PNG."""
import os
import re
import subprocess

import pytest

HEADERS = ["Opération", "Bailleur", "Financeur", "Prévu", "Versé"]


def _pdf(tmp_path, rows, name="t.pdf"):
    from osp_erbm.processing_algs.programmation import pdf
    path = str(tmp_path / name)
    pages = pdf.write_pdf(path, "Essai", "Sous-titre", HEADERS, rows, [30, 20, 20, 12, 12],
                          numeric=(3, 4), source="Source : essai")
    return path, pages


def _words(path):
    """``[(page, xMin, yMin, xMax, yMax, word)]`` and the pages' sizes, read by poppler."""
    bbox = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True,
                          check=True).stdout
    words, sizes = [], []
    for page in re.split(r"<page ", bbox)[1:]:
        sizes.append(tuple(float(v) for v in re.search(
            r'width="([0-9.]+)" height="([0-9.]+)"', page).groups()))
        for match in re.finditer(r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" '
                                 r'yMax="([0-9.]+)">([^<]*)</word>', page):
            words.append((len(sizes),) + tuple(float(v) for v in match.groups()[:4])
                         + (match.group(5),))
    return words, sizes


def test_wrap_keeps_every_character_and_every_line_fits(qgis_app):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from osp_erbm.processing_algs.common.layout_table import wrap

    def measure(text):
        return float(len(text))

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="ab \n", max_size=80), st.integers(min_value=1, max_value=12))
    def check(text, width):
        lines = wrap(text, width, measure)
        assert all(measure(line) <= width for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
        assert len(lines) >= text.count("\n") + 1
    check()


def test_paginate_never_splits_a_row_nor_leaves_a_page_empty(qgis_app):
    from osp_erbm.processing_algs.common.layout_table import paginate
    heights = [3, 3, 3, 50, 3, 100, 3]
    pages = paginate(heights, 20, 5)
    assert [i for page in pages for i in page] == list(range(len(heights)))
    assert all(pages)
    for page in pages:
        assert len(page) == 1 or 5 + sum(heights[i] for i in page) <= 20


def test_every_row_printed_once_in_order_inside_the_page(qgis_app, tmp_path, artifacts):
    rows = [("operation", ["Opération %04d %s" % (i, "cité des Alouettes " * (i % 4)),
                           "Maisons & Cités", "État – PALULOS / ERBM", "%d 000,50 €" % i,
                           "0,00 €"]) for i in range(400)]
    rows.append(("total", ["TOTAL", "", "", "79 800 200,00 €", "0,00 €"]))
    path, pages = _pdf(tmp_path, rows)
    words, sizes = _words(path)
    assert pages == len(sizes) > 5
    text = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True,
                          check=True).stdout
    found = [int(n) for n in re.findall(r"Opération (\d{4})", text)]
    assert found == list(range(400))                      # once each, in order
    for page in range(1, pages + 1):                      # the header on every page
        assert any(w[0] == page and w[5] == "Financeur" for w in words)
        assert any(w[0] == page and w[5] == "%d" % page for w in words)   # « Page k / n »
    for page, x0, y0, x1, y1, word in words:
        width, height = sizes[page - 1]
        assert 0 < x0 and x1 <= width - 20 and 0 < y0 and y1 <= height, (page, word)
    # a row whole on one page: its number and its amount on the same page
    for number in (0, 137, 399):
        where = {w[0] for w in words if w[5] == "%04d" % number}
        amount = {w[0] for w in words if w[5] == "%d" % number and w[3] > sizes[0][0] * 0.6}
        assert len(where) == 1 and where <= amount, number
    # the right-aligned columns end at the same x on every row
    ends = {round(w[3]) for w in words if w[5] == "€" and w[3] > sizes[0][0] * 0.9}
    assert max(ends) - min(ends) <= 1, ends
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", path,
                    os.path.join(artifacts, "layout_table")], check=True)


@pytest.mark.parametrize("text", ["mot " * 6000, "x" * 20000, "ligne\n" * 900])
def test_a_runaway_cell_is_cut_at_the_page_never_an_error(qgis_app, tmp_path, text):
    rows = [("operation", ["avant", "", "", "1,00 €", ""]),
            ("operation", [text, "Maisons & Cités", "", "2,00 €", ""]),
            ("operation", ["après", "", "", "3,00 €", ""])]
    path, pages = _pdf(tmp_path, rows)
    words, sizes = _words(path)
    flat = [w[5] for w in words]
    assert "avant" in flat and "après" in flat and "Cités" in flat
    assert any(word.endswith("…") for word in flat)
    for page, x0, y0, x1, y1, word in words:
        assert x1 <= sizes[page - 1][0] - 20 and y1 <= sizes[page - 1][1], (page, word)
    assert pages <= 3


def test_no_rows_prints_a_page_that_says_so(qgis_app, tmp_path):
    path, pages = _pdf(tmp_path, [])
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True,
                          check=True).stdout
    assert pages == 1 and "Aucune opération." in text and "Financeur" in text
