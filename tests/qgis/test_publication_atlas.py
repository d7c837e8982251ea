"""The atlases of the publication printed by QGIS Server (GetPrint): the pages' public tables
counted against the source, the EPCI page as osp:atlas prints it (texts by pdftotext, the
rest compared as pixels: QGIS Server 3.22 writes a table's text as outlines), each role's
map holding only the dwellings it may read."""
import os
import re
import sqlite3
import subprocess

import numpy
import pytest
from PIL import Image
from test_publication import ROLES, published, request, server  # noqa: F401 (fixtures)

DPI = 100
EPCI = "CALL"
SIA_BLUE = (36, 113, 163)       # resources/styles/analyse_logement.qml
RED = (192, 57, 43)             # M&C's dwellings, and the page's entity outlined


def donnees(published, name):
    return os.path.join(published["folder"], "donnees", name)


def readme_query(published, layout):
    with open(os.path.join(published["folder"], "LISEZMOI.txt"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("- « %s »" % layout):
                return line.split("requête : ")[1].strip()
    raise AssertionError("pas de requête GetPrint pour %s dans LISEZMOI.txt" % layout)


def page_fid(published, scale, code):
    with sqlite3.connect(donnees(published, "atlas.gpkg")) as connection:
        return connection.execute("SELECT fid FROM atlas_%s WHERE cle = ?" % scale,
                                  (code,)).fetchone()[0]


@pytest.fixture(scope="module")
def prints(server, published, tmp_path_factory):
    """The EPCI page of CALL printed through GetPrint for each role, and by osp:atlas (all
    the dwellings; M&C's alone)."""
    import processing
    out = tmp_path_factory.mktemp("getprint")
    query = readme_query(published, "Atlas – EPCI").replace(
        "<fid>", str(page_fid(published, "epci", EPCI)))
    got = {}
    for role in ("ddtm", "mc", "anonyme"):
        code, body = request(server, query, role)
        assert code == 200 and body.startswith(b"%PDF"), body[:300]
        got[role] = str(out / ("getprint_%s.pdf" % role))
        with open(got[role], "wb") as handle:
            handle.write(body)
    for key, bailleur in (("atlas", None), ("atlas_mc", "M&C")):
        parameters = {
            "INPUT": donnees(published, "osp_erbm.gpkg") + "|layername=analyse_logement",
            "SCALE": 2, "EPCI": donnees(published, "parc_social.gpkg") + "|layername=epci",
            "CITES": donnees(published, "osp_erbm.gpkg") + "|layername=cites",
            "FILTER": "\"code\" = '246200364'", "STYLE_BY": 1,
            "OUTPUT_FOLDER": str(out / key)}
        if bailleur:
            parameters["BAILLEUR"] = bailleur
        processing.run("osp:atlas", parameters)
        got[key] = str(out / key / ("epci_%s.pdf" % EPCI))
    return got


def lines(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def pixels(pdf):
    stem = pdf[:-4]
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", pdf, stem], check=True)
    return numpy.asarray(Image.open(stem + ".png").convert("RGB")).astype(int)


def map_box(published, item="carte"):
    """A map's rectangle, in pixels of the page at DPI."""
    from qgis.core import QgsProject
    project = QgsProject()
    project.read(published["project"])
    rect = project.layoutManager().layoutByName("Atlas – EPCI").itemById(item) \
        .sceneBoundingRect()
    scale = DPI / 25.4
    return (int(rect.left() * scale) + 2, int(rect.top() * scale) + 2,
            int(rect.right() * scale) - 2, int(rect.bottom() * scale) - 2)


def differing(a, b):
    """The share of pixels that differ once each image is slightly blurred (grey levels):
    a glyph drawn as an outline and the same glyph drawn as text differ only at their
    edges; another figure, another point or another line differs."""
    from PIL import ImageFilter

    def soft(image):
        grey = Image.fromarray(image.astype("uint8")).convert("L")
        return numpy.asarray(grey.filter(ImageFilter.GaussianBlur(1))).astype(int)
    return float((numpy.abs(soft(a) - soft(b)) > 64).mean())


def count(image, color):
    return int((numpy.abs(image - numpy.array(color)).max(axis=2) <= 6).sum())


def test_each_scale_has_its_layout_and_public_pages_counted_from_the_source(published):
    from qgis.core import QgsProject
    project = QgsProject()
    project.read(published["project"])
    names = {layout.name() for layout in project.layoutManager().printLayouts()}
    assert {"Atlas – Cité", "Atlas – Commune", "Atlas – EPCI", "Atlas – Département"} <= names
    with sqlite3.connect(published["analyse"]) as connection:
        expected = dict(connection.execute(
            "SELECT epci, count(*) FROM analyse_logement WHERE epci IS NOT NULL GROUP BY epci"))
    with sqlite3.connect(donnees(published, "atlas.gpkg")) as connection:
        pages = dict(connection.execute("SELECT cle, n_logements FROM atlas_epci"))
        totals = dict(connection.execute(
            "SELECT cle, total FROM atlas_epci_chiffres WHERE annee = 'Total'"))
    assert pages == expected and totals == expected
    for layer in project.mapLayers().values():      # public, never a partner's
        if layer.source().split("|")[0].endswith("atlas.gpkg"):
            assert layer.customProperty("osp_acces/genre") == "public", layer.name()


def test_get_print_of_the_epci_page_is_osp_atlas_page(prints, published, artifacts):
    served, printed = lines(prints["ddtm"]), lines(prints["atlas"])
    assert printed[0] == served[0] == "EPCI : CA de Lens - Liévin (CALL)"
    assert set(served) <= set(printed)
    for needed in ("Logements réhabilités : %d" % count_of(published, EPCI), "Légende",
                   "Maisons & Cités", "SIA Habitat", "Cités minières"):
        assert any(needed in line for line in served), needed
    # what QGIS Server 3.22 writes as outlines: the figures table and the scale bar
    unread = [line for line in printed if line not in served]
    assert unread and all(re.match(r"^(Année|\d{4} |Total |0 )", line) for line in unread), \
        unread
    # the pages as pixels, but the situation map (QGIS Server 3.22 draws its frame of the
    # main map without the frame's translucent fill)
    x0, y0, x1, y1 = map_box(published, "apercu")
    pages = {}
    for key in ("ddtm", "atlas", "atlas_mc"):
        pages[key] = pixels(prints[key])
        pages[key][y0 - 4:y1 + 4, x0 - 4:x1 + 4] = 255
    same = differing(pages["ddtm"], pages["atlas"])
    other = differing(pages["ddtm"], pages["atlas_mc"])     # fewer dwellings, other figures
    assert same < 0.002 and other > 4 * same, (same, other)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", prints["ddtm"],
                    os.path.join(artifacts, "publication_getprint_epci")], check=True)


def count_of(published, code):
    with sqlite3.connect(published["analyse"]) as connection:
        return connection.execute("SELECT count(*) FROM analyse_logement WHERE epci = ?",
                                  (code,)).fetchone()[0]


def test_get_print_draws_only_the_dwellings_the_role_may_read(prints, published):
    x0, y0, x1, y1 = map_box(published)
    maps = {key: pixels(prints[key])[y0:y1, x0:x1] for key in ("ddtm", "mc", "anonyme",
                                                                 "atlas_mc")}
    assert count(maps["ddtm"], SIA_BLUE) > 50
    assert count(maps["mc"], SIA_BLUE) == 0 and count(maps["anonyme"], SIA_BLUE) == 0
    assert count(maps["anonyme"], RED) < count(maps["mc"], RED)    # the outline only
    # the landlord's map is the map osp:atlas draws of its dwellings alone
    same, other = differing(maps["mc"], maps["atlas_mc"]), differing(maps["ddtm"],
                                                                     maps["atlas_mc"])
    assert same < 0.002 and other > 4 * same, (same, other)


def test_a_folder_named_with_a_dot_a_space_an_accent_and_symbols_holds_no_machine_path(
        published, tmp_path):
    """The layouts name their layers by a path relative to the project, whatever the
    folder's name (QGIS writes « & » escaped in the project)."""
    import processing
    from qgis.core import QgsProject
    folder = str(tmp_path / "publication l'été & co. v1")
    result = processing.run("osp:publier", {
        "SOURCE": ";".join([published["analyse"], published["programmation"],
                            published["parc"]]), "OUTPUT_FOLDER": folder})
    with open(result["PROJECT"], encoding="utf-8") as handle:
        text = handle.read()
    assert str(tmp_path) not in text and str(tmp_path).replace("&", "&amp;") not in text
    assert "donnees/atlas.gpkg" in text
    project = QgsProject()
    assert project.read(result["PROJECT"])
    assert all(layer.isValid() for layer in project.mapLayers().values())
    carte = project.layoutManager().layoutByName("Atlas – EPCI").itemById("carte")
    assert carte.layers() and all(layer.isValid() for layer in carte.layers())


@pytest.mark.parametrize("hostile", [
    "&MAP1:LAYERS=analyse_logement",
    "&LAYERS=analyse_logement&FILTER=analyse_logement:%22bailleur%22%20IS%20NOT%20NULL",
    "&MAP1:LAYERS=analyse_logement&SELECTION=analyse_logement:1,2,3"])
def test_no_get_print_parameter_shows_dwellings_to_whom_may_not_read_them(
        server, published, tmp_path, hostile):
    query = readme_query(published, "Atlas – EPCI").replace(
        "<fid>", str(page_fid(published, "epci", EPCI))) + hostile
    for role, forbidden in (("anonyme", (SIA_BLUE,)), ("mc", (SIA_BLUE,))):
        code, body = request(server, query, role)
        if code != 200 or not body.startswith(b"%PDF"):
            assert code in (200, 400, 403) and b"%PDF" not in body[:10]   # refused
            continue
        path = str(tmp_path / ("%s.pdf" % role))
        with open(path, "wb") as handle:
            handle.write(body)
        x0, y0, x1, y1 = map_box(published)
        image = pixels(path)[y0:y1, x0:x1]
        for color in forbidden:
            assert count(image, color) == 0, (role, hostile)
