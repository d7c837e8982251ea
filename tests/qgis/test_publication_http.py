"""The publication served as a user would serve it: Debian's qgis_mapserver over HTTP with
the OSP access-control plugin loaded from its folder; the OGC API pages in a real headless
browser; 20 concurrent clients of mixed roles."""
import json
import os
import random
import re
import sqlite3
import subprocess
import threading
import time
import urllib.request

import pytest
import serve
from conftest import ARTIFACTS
from test_publication import ALLOWED, ROLES, published, source_ids  # noqa: F401 (fixture)

LOAD_SECONDS = int(os.environ.get("OSP_CHARGE_SECONDES", "60"))


def served(project, folder):
    log = open(str(folder / "qgis_mapserver.log"), "w")
    process, url = serve.start(project, log=log)
    return process, url, log


@pytest.fixture(scope="module")
def http(published, tmp_path_factory):
    process, url, log = served(published["project"], tmp_path_factory.mktemp("serveur"))
    yield url
    process.terminate()
    process.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def public_http(published, tmp_path_factory):
    process, url, log = served(published["public"], tmp_path_factory.mktemp("public"))
    yield url
    process.terminate()
    process.wait(timeout=30)
    log.close()


def get(url, query, role="anonyme"):
    request = urllib.request.Request(url + "?" + query, headers=ROLES[role])
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wfs_ids(url, role, typename="analyse_logement"):
    code, body = get(url, "SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=%s&"
                          "OUTPUTFORMAT=GeoJSON" % typename, role)
    if code != 200:
        return None
    return sorted(f["properties"]["id_osp"] for f in json.loads(body)["features"])


@pytest.mark.parametrize("role", ["anonyme", "mc", "call", "ddtm"])
def test_over_http_each_role_gets_exactly_its_rows(http, published, role):
    expected = source_ids(published["analyse"], "analyse_logement", "id_osp", ALLOWED[role])
    got = wfs_ids(http, role)
    assert got == (expected if role != "anonyme" else None)


def test_over_http_an_atlas_page_prints_with_the_readmes_query(http, published, tmp_path):
    """The GetPrint query LISEZMOI.txt gives, sent to the running server as a partner's
    browser would: a one-page PDF of that EPCI."""
    with open(os.path.join(published["folder"], "LISEZMOI.txt"), encoding="utf-8") as handle:
        query = next(line.split("requête : ")[1].strip() for line in handle
                     if line.startswith("- « Atlas – EPCI »"))
    with sqlite3.connect(os.path.join(published["folder"], "donnees", "atlas.gpkg")) as db:
        fid, title = db.execute("SELECT fid, titre FROM atlas_epci WHERE cle = 'CALL'").fetchone()
    code, body = get(http, query.replace("<fid>", str(fid)), "mc")
    assert code == 200 and body.startswith(b"%PDF"), body[:300]
    (tmp_path / "page.pdf").write_bytes(body)
    text = subprocess.run(["pdftotext", str(tmp_path / "page.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert title in text and "Page" not in text
    info = subprocess.run(["pdfinfo", str(tmp_path / "page.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info


def test_the_ogc_api_pages_and_map_open_in_a_browser(public_http):
    http = public_http
    with urllib.request.urlopen(http + "wfs3/collections.json", timeout=30) as answer:
        collections = {c["id"] for c in json.loads(answer.read())["collections"]}
    assert "cites" in collections and "analyse_logement" not in collections   # anonymous
    shot = os.path.join(ARTIFACTS, "publication_ogc_api_cites.png")
    done = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                           "--hide-scrollbars", "--virtual-time-budget=10000",
                           "--window-size=1280,900", "--screenshot=" + shot,
                           http + "wfs3/collections/cites/items?limit=100"],
                          capture_output=True, text=True, timeout=120)
    assert os.path.exists(shot), done.stderr
    from qgis.PyQt.QtGui import QColor, QImage
    image = QImage(shot)
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 8)
               for y in range(0, image.height(), 8)}
    assert len(colours) > 20     # a styled page with a map, not a bare text page
    with urllib.request.urlopen(http + "wfs3/collections/cites/items.html", timeout=30) as a:
        page = a.read().decode("utf-8")
    assert "Cités minières" in page and "unpkg.com" not in page and "vendor/leaflet" in page


def test_twenty_clients_of_mixed_roles_never_see_another_partners_row(http, published):
    allowed = {role: set(source_ids(published["analyse"], "analyse_logement", "id_osp",
                                    ALLOWED[role])) for role in ROLES}
    errors, leaks, latencies = [], [], []
    stop = time.time() + LOAD_SECONDS
    box = "2.40,50.20,2.65,50.30"

    def client(seed):
        chance = random.Random(seed)
        while time.time() < stop:
            role = chance.choice(list(ROLES))
            start = time.time()
            layers = "donnees_public" if role == "anonyme" else "osp_erbm"
            if chance.random() < 0.5:
                code, body = get(http, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layers +
                                       "&STYLES=&CRS=EPSG:4326&BBOX=50.20,2.40,50.30,2.65&"
                                       "WIDTH=400&HEIGHT=300&FORMAT=image/png", role)
                ok = code == 200 and body[:4] == b"\x89PNG"
            else:
                code, body = get(http, "SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME="
                                       "analyse_logement&OUTPUTFORMAT=GeoJSON&BBOX=%s,"
                                       "EPSG:4326" % box, role)
                ok = code == 200 or (role == "anonyme" and code == 403)
                if code == 200:
                    seen = {f["properties"]["id_osp"] for f in json.loads(body)["features"]}
                    if seen - allowed[role]:
                        leaks.append((role, sorted(seen - allowed[role])[:5]))
            latencies.append(time.time() - start)
            if not ok:
                errors.append((role, code, body[:200]))
    threads = [threading.Thread(target=client, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    with open(os.path.join(ARTIFACTS, "publication_charge.json"), "w") as handle:
        json.dump({"requests": len(latencies), "seconds": LOAD_SECONDS,
                   "p50": latencies[len(latencies) // 2],
                   "p95": latencies[int(len(latencies) * 0.95)]}, handle)
    assert latencies and not errors and not leaks, (errors[:3], leaks[:3])
