"""Issue 26, point 11: what a partner sees in its workbook — EPCI sigles only, each cité
told from its namesakes by its commune, words instead of codes (and both read back), the
whole notice readable, every sheet on A4, published notes grey — checked in the file and on
the pages LibreOffice prints (PNG looked at)."""
import os
import shutil
import subprocess

from test_partner_trust import Book, import_, issued, operations  # noqa: F401 (fixture)


def values_of(ws, column):
    return [ws.cell(row=r, column=column).value for r in range(2, ws.max_row + 1)
            if ws.cell(row=r, column=column).value not in (None, "")]


def test_lists_show_sigles_communes_and_words(issued):
    import openpyxl

    from osp_erbm.osp_qgis.reference import epcis
    book = openpyxl.load_workbook(issued["mc"])
    lists = book["_listes"]
    headers = {lists.cell(row=1, column=c).value: c for c in range(1, lists.max_column + 1)}
    epci = values_of(lists, headers["EPCI"])
    assert epci == sorted(e["sigle"] for e in epcis().values() if e["sigle"])
    cites = values_of(lists, headers["cités"])
    assert len(cites) == len(set(cites)) and "Cité Barrois (Hénin-Beaumont)" in cites
    from osp_erbm.osp_qgis import forms
    assert values_of(lists, headers["types"]) == [
        forms.value_label("operations", "type_prog", t) for t in ("annuelle", "complementaire")]
    sheet = Book(issued["mc"])
    statuts = {sheet.get(r, "statut") for r in sheet.rows()}
    assert statuts and not statuts & {"propose", "prefleche", "valide", "reporte", "annule"}
    assert statuts <= {"Proposé", "Préfléché", "Validé CRHH", "Reporté", "Annulé"}


def test_pages_are_a4_notes_grey_notice_whole(issued):
    import openpyxl
    book = openpyxl.load_workbook(issued["mc"])
    for name in ("Notice", "Opérations", "Avancement"):
        assert str(book[name].page_setup.paperSize) == str(book[name].PAPERSIZE_A4), name
    notes = book["Avancement"]
    published = [r for r in range(6, notes.max_row + 1)
                 if notes.cell(row=r, column=4).value and notes.cell(row=r, column=4).protection.locked]
    assert published
    for row in published:
        assert notes.cell(row=row, column=1).fill.fgColor.rgb.endswith("EDEDED")
    notice = book["Notice"]
    for row in range(2, notice.max_row + 1):
        text = notice.cell(row=row, column=1).value or ""
        lines = max(1, -(-len(text) // 95))
        assert (notice.row_dimensions[row].height or 15) >= 15 * lines, row


def _label(code):
    from osp_erbm.osp_qgis import forms
    return forms.value_label("operations", "type_prog", code)


def test_words_and_labelled_cites_are_read_back(issued):
    book = Book(issued["mc"])
    row = book.rows()[-1] + 1
    for name, value in (("epci", "CAHC"), ("communes_noms", "Hénin-Beaumont"),
                        ("cites_noms", "Cité Barrois (Hénin-Beaumont)"),
                        ("type_prog", _label("complementaire")), ("b_nb_total", 12),
                        ("b_nb_c", 0),
                        ("b_nb_bbc", 12), ("b_nb_bio", 0)):
        book.set(row, name, value)
    result = import_(issued["gpkg"], book.save(str(issued["tmp"] / "nouvelle.xlsx")))
    assert result["N_ADDED"] == 1
    added = max(operations(issued["gpkg"]).values(), key=lambda op: op["id_op"])
    assert (added["type_prog"], added["cites"], added["communes"]) == \
        ("complementaire", "8", "62427")


def test_the_printed_pages_look_right(issued, tmp_path, artifacts):
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    assert soffice, "LibreOffice absent : `make test` installe libreoffice-calc"
    done = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                           str(tmp_path), issued["mc"]], env=dict(os.environ, HOME=str(tmp_path)),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    pdf = str(tmp_path / "programmation_2021_bailleur_MC.pdf")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], capture_output=True,
                          text=True).stdout
    sizes = [tuple(round(float(v)) for v in line.split(":", 1)[1].strip().split(" pts")[0]
                   .split(" x ")) for line in info.splitlines()
             if line.startswith("Page") and "size" in line]
    assert sizes and set(sizes) == {(842, 595)}, sizes   # A4 landscape, every page
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True).stdout
    assert "• Onglet « Opérations » : les cellules jaunes" in text   # first bullet whole
    assert "Validé CRHH" in text or "Proposé" in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", pdf,
                    os.path.join(artifacts, "classeur_partenaire")], check=True)
    assert os.path.exists(os.path.join(artifacts, "classeur_partenaire-1.png"))
