"""The publication's latency (make bench): the département-scale analyse layer published by
osp:publier and served by qgis_mapserver with the access-control plugin; GetMap of
1 000 × 800 px over the whole extent and a filtered WFS GetFeature, as a landlord, 30 each;
the 95th percentile is the figure (targets: 2 s and 1 s)."""
import os
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, "tools"))
import serve

LANDLORD = {"X-Lizmap-User": "bench", "X-Lizmap-User-Groups": "osp_bailleur_mc"}
REQUESTS = 30


def publication(work):
    return os.path.join(work, "publication", "osp_erbm.qgs")


def step_setup_publication(data, work, run, analyse_layer):
    t = time.perf_counter()
    run("osp:publier", {"SOURCE": analyse_layer(work).split("|")[0],
                        "OUTPUT_FOLDER": os.path.join(work, "publication")})
    return {"seconds": time.perf_counter() - t}


def _p95(url, queries):
    times = []
    for query in queries:
        request = urllib.request.Request(url + "?" + query, headers=LANDLORD)
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=120) as answer:
            answer.read()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[int(len(times) * 0.95) - 1], times[len(times) // 2]


def _served(work, queries_of):
    from qgis.core import QgsProject
    project = QgsProject()
    project.read(publication(work))
    layer = next(l for l in project.mapLayers().values() if l.shortName() == "analyse_logement")
    extent = layer.extent()
    process, url = serve.start(publication(work))
    try:
        p95, median = _p95(url, queries_of(extent))
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {"seconds": p95, "median": median, "requests": REQUESTS}


def step_publication_getmap(data, work):
    return _served(work, lambda e: [
        "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=analyse_logement&STYLES=&"
        "CRS=EPSG:2154&BBOX=%f,%f,%f,%f&WIDTH=1000&HEIGHT=800&FORMAT=image/png"
        % (e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum())] * REQUESTS)


def step_publication_wfs(data, work):
    def queries(e):
        out = []
        for n in range(REQUESTS):   # a tenth of the extent, moving across it
            x = e.xMinimum() + (e.width() * 0.9) * n / REQUESTS
            out.append("SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=analyse_logement"
                       "&OUTPUTFORMAT=GeoJSON&BBOX=%f,%f,%f,%f,EPSG:2154" % (
                           x, e.yMinimum(), x + e.width() / 10, e.yMaximum()))
        return out
    return _served(work, queries)
