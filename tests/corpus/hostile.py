#!/usr/bin/python3
"""A corpus of bad and hostile landlord files, generated (no hand-made binaries).

    /usr/bin/python3 tests/corpus/hostile.py DOSSIER

Each function writes one file and returns its path; :data:`CASES` names them all.
What each file must give is asserted in tests/qgis/test_hostile_inputs.py.  The
dwellings reuse the sample territory's real parcel ids (tools/sample_data.py), so
that well-formed rows are located and every anomaly is the one injected.
"""
import csv
import os
import sys
import zipfile

HEADER = ["RPLS", "Bailleur", "Fiscal", "Parcelle", "Commune", "EPCI", "Intitulé",
          "Bailleur", "Palulos", "N° de la décision"]
INTITULE = "MC CALL LENS CITE DU 4 2020 G"


def sample_rows(sample, n=20, start=0):
    """``n`` real dwellings of the sample (truth file): RPLS, internal id, idpar, commune."""
    with open(os.path.join(sample, "truth.csv"), encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter=";")
                if r["defaut"] == "" and r["ident_rep"] and r["source"] == "parcelle"]
    return rows[start:start + n]


def row_cells(t, **override):
    cells = {"RPLS": t["ident_rep"], "Bailleur": t["ident_int"], "Fiscal": "",
             "Parcelle": t["idpar"], "Commune": t["idcom"], "EPCI": t["epci"],
             "Intitulé": INTITULE, "Nom": t["bailleur"], "Palulos": "Groupé",
             "N° de la décision": "2020DD06200001"}
    cells.update(override)
    return [cells["RPLS"], cells["Bailleur"], cells["Fiscal"], cells["Parcelle"],
            cells["Commune"], cells["EPCI"], cells["Intitulé"], cells["Nom"], cells["Palulos"],
            cells["N° de la décision"]]


def write_csv(path, rows, encoding="utf-8", delimiter=";", header=HEADER):
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        if header:
            writer.writerow(header)
        writer.writerows(rows)
    return path


# -- encodings and sizes --------------------------------------------------------------------
def utf16_unicode_text(folder, sample):
    """Excel's « Texte Unicode » export: UTF-16 with BOM, tab-separated."""
    return write_csv(os.path.join(folder, "texte_unicode.txt"),
                     [row_cells(t) for t in sample_rows(sample)], encoding="utf-16",
                     delimiter="\t")


def huge_field(folder, sample):
    """A landlord's comment of 200 000 characters (CSV field limit is 128 KiB)."""
    rows = [row_cells(t) + ["x" * 200000 if n == 3 else "ok"]
            for n, t in enumerate(sample_rows(sample, 8))]
    return write_csv(os.path.join(folder, "champ_enorme.csv"), rows,
                     header=HEADER + ["Commentaire"])


# -- numbers damaged by spreadsheets --------------------------------------------------------
def scientific_ids(folder, sample):
    """Ids shown in scientific notation: digits lost (« 4.46192E+07 ») or not
    (« 4.4619057E+07 »); the real dwelling 0044619200 must not become their duplicate."""
    rows = [row_cells(t) for t in sample_rows(sample, 4)]
    rows.append(row_cells(sample_rows(sample, 1, 10)[0], RPLS="4.46192E+07"))
    rows.append(row_cells(sample_rows(sample, 1, 11)[0], RPLS="0044619200"))
    rows.append(row_cells(sample_rows(sample, 1, 12)[0], RPLS="4.4619057E+07"))
    t = sample_rows(sample, 1, 13)[0]
    rows.append(row_cells(t, RPLS="", Bailleur="", Parcelle="", Fiscal="9.12161E+11"))
    return write_csv(os.path.join(folder, "notation_scientifique.csv"), rows)


def full_width_digits(folder, sample):
    """An RPLS id typed in full-width digits, then its ASCII twin: one dwelling."""
    t = sample_rows(sample, 1)[0]
    wide = "".join(chr(0xFF10 + int(c)) for c in t["ident_rep"])
    rows = [row_cells(t, RPLS=wide)] + [row_cells(x) for x in sample_rows(sample, 3, 1)] \
        + [row_cells(t)]
    return write_csv(os.path.join(folder, "pleine_chasse.csv"), rows)


# -- layout ---------------------------------------------------------------------------------
def total_line(folder, sample):
    rows = [row_cells(t) for t in sample_rows(sample, 6)]
    rows.append(["Total", "", "", "", "", "", "", "", "", "6"])
    rows.append(["Sous-total CALL", "6", "", "", "", "", "", "", "", ""])
    return write_csv(os.path.join(folder, "ligne_total.csv"), rows)


def deep_header(folder, sample):
    """45 lines of notes above the header."""
    notes = [["Note %d : remontée des logements réhabilités, voir la procédure." % i]
             for i in range(45)]
    path = os.path.join(folder, "entete_profonde.csv")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerows(notes)
        writer.writerow(HEADER)
        writer.writerows(row_cells(t) for t in sample_rows(sample, 5))
    return path


def cover_sheet(folder, sample):
    """A « Notice » sheet before the data sheet."""
    import openpyxl
    book = openpyxl.Workbook()
    notice = book.active
    notice.title = "Notice"
    for line in ("Tableau de remontée des logements réhabilités",
                 "Remplir une ligne par logement.", "Contact : DDTM 62"):
        notice.append([line])
    data = book.create_sheet("Logements 2020")
    data.append(HEADER)
    for t in sample_rows(sample, 7):
        data.append(row_cells(t))
    path = os.path.join(folder, "page_de_garde.xlsx")
    book.save(path)
    return path


def no_header_anywhere(folder, sample):
    import openpyxl
    book = openpyxl.Workbook()
    book.active.title = "Notice"
    book.active.append(["Lire attentivement"])
    other = book.create_sheet("Chiffres")
    for n in range(5):
        other.append([n, n * 2, "texte"])
    path = os.path.join(folder, "sans_entete.xlsx")
    book.save(path)
    return path


def merged_rows(folder, sample):
    """A landlord merged an operation's rows: commune, EPCI, intitulé once per block."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Logements"
    sheet.append(HEADER)
    rows = sample_rows(sample, 20)
    for n, t in enumerate(rows):
        keep_block = n % 5 == 0
        sheet.append(row_cells(t, Commune=t["idcom"] if keep_block else None,
                               EPCI=t["epci"] if keep_block else None,
                               **{"Intitulé": INTITULE if keep_block else None}))
    for first in range(2, 22, 5):  # rows 2-6, 7-11, … : four blocks of five
        for column in ("E", "F", "G"):
            sheet.merge_cells("%s%d:%s%d" % (column, first, column, first + 4))
    path = os.path.join(folder, "fusion_verticale.xlsx")
    book.save(path)
    return path, rows


def formulas_without_values(folder, sample):
    """Ids computed by formulas and saved by a script: no cached value in the file."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    rows = sample_rows(sample, 6)
    for n, t in enumerate(rows):
        cells = row_cells(t)
        if n in (1, 4):
            cells[0] = '=TEXT(%d,"0000000000")' % int(t["ident_rep"])
            cells[3] = '=CONCATENATE("%s","%s")' % (t["idpar"][:5], t["idpar"][5:])
        sheet.append(cells)
    path = os.path.join(folder, "formules_sans_valeur.xlsx")
    book.save(path)
    return path


def old_xls(folder, sample):
    """An Excel 97-2003 file (converted by LibreOffice) with a title row above the header."""
    import shutil
    import subprocess

    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Logements réhabilités – Maisons & Cités"])
    sheet.append(HEADER)
    for t in sample_rows(sample, 6):
        sheet.append(row_cells(t))
    source = os.path.join(folder, "ancien_format_source.xlsx")
    book.save(source)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    env = dict(os.environ, HOME=folder)
    subprocess.run([soffice, "--headless", "--convert-to", "xls", "--outdir", folder, source],
                   env=env, capture_output=True, timeout=300)
    target = os.path.join(folder, "ancien_format.xls")
    os.replace(os.path.join(folder, "ancien_format_source.xls"), target)
    return target


# -- hostile text ---------------------------------------------------------------------------
FORMULAS = {"Intitulé": '=HYPERLINK("http://exemple.invalid/x","cliquer ici")',
            "Nom": "=cmd|' /C calc'!A0", "EPCI": "+CALL", "N° de la décision": "@SUM(1+1)",
            "Bailleur": "-2+3"}


def formula_injection(folder, sample):
    rows = []
    for n, t in enumerate(sample_rows(sample, 10)):
        if n % 2:
            rows.append(row_cells(t, **FORMULAS))
        else:
            rows.append(row_cells(t, **{"Intitulé": "  =1+1", "Nom": "\t=2+2"}))
    return write_csv(os.path.join(folder, "formules_injectees.csv"), rows)


SQL_TEXTS = ("O'Brien", "'; DROP TABLE parcelles; --", 'Robert"); DROP TABLE anomalies;--',
             "1' OR '1'='1", "x\\' UNION SELECT * FROM gpkg_contents --")


def sql_like_values(folder, sample):
    rows = [row_cells(t, **{"Intitulé": SQL_TEXTS[n % len(SQL_TEXTS)],
                            "Nom": SQL_TEXTS[(n + 1) % len(SQL_TEXTS)]})
            for n, t in enumerate(sample_rows(sample, 10))]
    rows.append(row_cells(sample_rows(sample, 1, 10)[0], Parcelle="62498'; DROP TABLE x;--"))
    return write_csv(os.path.join(folder, "guillemets_sql.csv"), rows)


def html_text(folder, sample):
    rows = [row_cells(t, **{"Intitulé": "<script>alert('x')</script> & <b>gras</b>"})
            for t in sample_rows(sample, 5)]
    return write_csv(os.path.join(folder, "html.csv"), rows)


# -- damaged and hostile containers ---------------------------------------------------------
def _rewrite_member(path, target, member, transform):
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w",
                                                          zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info.filename, transform(data) if info.filename == member else data)
    return target


def _plain_workbook(folder, sample, name):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for t in sample_rows(sample, 20):
        sheet.append(row_cells(t))
    path = os.path.join(folder, name)
    book.save(path)
    return path


def broken_xml(folder, sample):
    """Valid start, then the sheet's XML breaks in the middle of the rows."""
    source = _plain_workbook(folder, sample, ".source_xml.xlsx")

    def cut(data):
        middle = data.index(b"<row", len(data) // 2)
        return data[:middle] + b"<row r=\"12\"><c r=\"A12\" t=\"s\"><v>1</v></c></rw>" \
            + data[middle:]
    return _rewrite_member(source, os.path.join(folder, "xml_casse.xlsx"),
                           "xl/worksheets/sheet1.xml", cut)


def _with_doctype(data, doctype, reference):
    """The sheet XML with a DOCTYPE before its root and ``reference`` in the first cell."""
    text = data.decode("utf-8")
    start = text.index("<worksheet")
    text = text[:start] + doctype + text[start:]
    return text.replace("<t>RPLS</t>", "<t>RPLS%s</t>" % reference, 1).encode("utf-8")


BILLION_LAUGHS = ('<!DOCTYPE worksheet [<!ENTITY lol "lol">'
                  + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1
                                                          else "&lol;") * 10)
                            for i in range(1, 10)) + "]>")


def xml_bomb(folder, sample):
    """« Billion laughs »: nine nested entities, 10⁹ « lol » once expanded."""
    source = _plain_workbook(folder, sample, ".source_bomb.xlsx")
    return _rewrite_member(source, os.path.join(folder, "bombe_xml.xlsx"),
                           "xl/worksheets/sheet1.xml",
                           lambda data: _with_doctype(data, BILLION_LAUGHS, "&lol9;"))


def external_entity(folder, sample, secret):
    """A cell that would pull a local file into the sheet (XXE)."""
    source = _plain_workbook(folder, sample, ".source_xxe.xlsx")
    doctype = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://%s">]>' % secret
    return _rewrite_member(source, os.path.join(folder, "entite_externe.xlsx"),
                           "xl/worksheets/sheet1.xml",
                           lambda data: _with_doctype(data, doctype, "&xxe;"))


def password_protected(folder, sample):
    """What Excel writes for a workbook with a password: an OLE2 container named .xlsx."""
    path = os.path.join(folder, "protege.xlsx")
    with open(path, "wb") as handle:
        handle.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                     + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 4000)
    return path


def zip_archive(folder, sample):
    inner = write_csv(os.path.join(folder, ".dans_archive.csv"),
                      [row_cells(t) for t in sample_rows(sample, 3)])
    path = os.path.join(folder, "envoi_bailleur.zip")
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(inner, "logements.csv")
    return path


CASES = ("utf16_unicode_text", "huge_field", "scientific_ids", "full_width_digits",
         "total_line", "deep_header", "cover_sheet", "no_header_anywhere", "merged_rows",
         "formulas_without_values", "old_xls", "formula_injection", "sql_like_values",
         "html_text", "broken_xml", "xml_bomb", "password_protected", "zip_archive")


def build(folder, sample):
    """Every case of :data:`CASES` written into ``folder``: ``{case: path}``."""
    os.makedirs(folder, exist_ok=True)
    out = {}
    for name in CASES:
        result = globals()[name](folder, sample)
        out[name] = result[0] if isinstance(result, tuple) else result
    return out


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
    import sample_data
    target = sys.argv[1] if len(sys.argv) > 1 else "corpus"
    sample_data.generate(os.path.join(target, "echantillon"))
    for case, path in build(target, os.path.join(target, "echantillon")).items():
        print("%-26s %s" % (case, path))
