#!/usr/bin/python3
"""One measured operation per process (run by bench/run.py under /usr/bin/time -v).

    steps.py STEP DATA_DIR WORK_DIR

Prints one JSON line: {"seconds": …} (the operation alone, QGIS start-up excluded),
plus step-specific numbers.  Setup steps (``setup_*``) prepare cached inputs."""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, REPO)
import steps_finance
import steps_livraison
import steps_publication

from osp_qgis.files import fresh

PLUGIN = None
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "territoires"))


def step_plugin_import(data, work):
    """``python -X importtime`` of the plugin loaded as QGIS loads it (classFactory +
    initProcessing), in a fresh interpreter where QGIS and Processing are already up:
    the plugin's own cost at QGIS start-up."""
    import tempfile
    root = tempfile.mkdtemp(prefix="osp-import-")
    os.symlink(REPO, os.path.join(root, "osp_erbm"))
    probe = ("import sys; sys.path.insert(0, %r); sys.path.append(%r)\n"
             "from qgis.core import QgsApplication\napp = QgsApplication([], False)\n"
             "app.initQgis()\nfrom processing.core.Processing import Processing\n"
             "Processing.initialize()\nimport time\nt = time.perf_counter()\n"
             "import osp_erbm\np = osp_erbm.classFactory(None)\np.initProcessing()\n"
             "print('SECONDS', time.perf_counter() - t)\n"
             "print('HEAVY', [m for m in ('pandas', 'openpyxl') if m in sys.modules])\n"
             % (root, "/usr/share/qgis/python/plugins"))
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", probe],
                          capture_output=True, text=True, check=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    seconds = float(next(l.split()[1] for l in done.stdout.splitlines()
                         if l.startswith("SECONDS")))
    own = sum(int(l.split("|")[0].split(":")[1]) for l in done.stderr.splitlines()
              if l.startswith("import time:") and "osp_erbm" in l) / 1e6
    return {"seconds": seconds, "own_modules_s": own,
            "heavy": next(l for l in done.stdout.splitlines() if l.startswith("HEAVY"))}


def start_qgis():
    import tempfile
    link_root = tempfile.mkdtemp(prefix="osp-bench-")
    os.symlink(REPO, os.path.join(link_root, "osp_erbm"))
    sys.path.insert(0, link_root)
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication
    app = QgsApplication([], True)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import osp_erbm
    global PLUGIN  # the plugin object owns the provider: keep it alive
    PLUGIN = osp_erbm.classFactory(None)
    PLUGIN.initProcessing()
    return app


def parcels(data):
    return os.path.join(data, "territoire.gpkg") + "|layername=parcelles"


def run(algorithm, params):
    import processing
    return processing.run(algorithm, params)


def _measured_join(data, work, parcels_source, tag=""):
    """osp:joinbailleurparcelles on the bench sheet against ``parcels_source``, timed, into
    ``work/join<tag>.gpkg`` and ``work/an<tag>.csv``."""
    out = fresh(os.path.join(work, "join%s.gpkg" % tag))
    t, cpu = time.perf_counter(), time.process_time()
    r = run("osp:joinbailleurparcelles", {
        "INPUT": os.path.join(data, "bench_logements.csv"), "PARCELS": parcels_source,
        "OUTPUT": out, "ANOMALIES": fresh(os.path.join(work, "an%s.csv" % tag))})
    return {"seconds": time.perf_counter() - t, "cpu_seconds": time.process_time() - cpu,
            "rows": r["N_ROWS"], "located": r["N_LOCATED"]}


def step_join_osp(data, work):
    return _measured_join(data, work, parcels(data))


def step_join_osp_again(data, work):
    """The next join of the same QGIS session (numpy, SpatiaLite and the plugin's modules
    already loaded by a first one, not timed): a cartographer joins one sheet per
    landlord."""
    _measured_join(data, work, parcels(data), "_first")
    return _measured_join(data, work, parcels(data))


GROWTH_DWELLINGS = (30000, 120000, 420000)


def _first_rows(source, target, count):
    """The header and the first ``count`` data rows of a landlord CSV."""
    with open(source, "rb") as reader, open(target, "wb") as writer:
        for n, line in enumerate(reader):
            if n > count:
                break
            writer.write(line)
    return target


def _timed_join(sheet, parcels_uri, work, tag):
    out = fresh(os.path.join(work, "growth_%s.gpkg" % tag))
    t = time.perf_counter()
    run("osp:joinbailleurparcelles", {"INPUT": sheet, "PARCELS": parcels_uri, "OUTPUT": out,
                                      "ANOMALIES": fresh(os.path.join(work, "growth.csv"))})
    return time.perf_counter() - t


def step_growth(data, work):
    """Cost growth of the join (département data): 30 k / 120 k / 420 k dwellings against
    the 3.5 M parcels, and 30 k dwellings against 300 k (ERBM data), 1 M (generated once
    here) and 3.5 M parcels."""
    sheet = os.path.join(data, "bench_logements.csv")
    by_dwellings = {}
    for count in GROWTH_DWELLINGS:
        subset = _first_rows(sheet, os.path.join(work, "growth_%d.csv" % count), count)
        by_dwellings[count] = _timed_join(subset, parcels(data), work, count)
    small = os.path.join(work, "growth_%d.csv" % GROWTH_DWELLINGS[0])
    million = os.path.join(os.path.dirname(data), "parcelles_1m")
    if not os.path.exists(os.path.join(million, "territoire.gpkg")):
        subprocess.run([sys.executable, os.path.join(REPO, "tools", "sample_data.py"),
                        "--bench", "--out", million, "--dwellings", "30000", "--parcels",
                        "1000000", "--locaux", "1"], check=True, capture_output=True)
    by_parcels = {
        300000: _timed_join(os.path.join(os.path.dirname(data), "erbm", "bench_logements.csv"),
                            parcels(os.path.join(os.path.dirname(data), "erbm")), work, "300k"),
        1000000: _timed_join(os.path.join(million, "bench_logements.csv"), parcels(million),
                             work, "1m"),
        3500000: _timed_join(small, parcels(data), work, "3m5")}
    return {"seconds": by_dwellings[GROWTH_DWELLINGS[-1]],
            "by_dwellings": by_dwellings, "by_parcels": by_parcels}


def _postgis_parcels(data):
    """The parcels of ``data`` loaded once into the local PostGIS server of
    ``tools/db.py`` (schema ``bench_<size>``, id indexed, spatial index), the server started
    if needed: the layer URI.  Not timed."""
    sys.path.insert(0, os.path.join(REPO, "tools"))
    import db
    if not db.running():
        db.start()
    schema = "bench_" + os.path.basename(os.path.normpath(data))
    exists = db.psql("select count(*) from pg_tables where schemaname = '%s' and tablename = "
                     "'parcelles'" % schema, dbname="osp").stdout.strip()
    if exists != "1":
        db.psql("create schema if not exists %s" % schema, dbname="osp")
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", "PG:" + db.CONNECTION,
                        os.path.join(data, "territoire.gpkg"), "parcelles", "-nln",
                        schema + ".parcelles", "-lco", "GEOMETRY_NAME=geom", "-lco",
                        "FID=fid", "--config", "PG_USE_COPY", "YES"], check=True)
        db.psql("create index on %s.parcelles (idpar); analyze %s.parcelles"
                % (schema, schema), dbname="osp")
    return ("%s key='fid' srid=2154 type=MultiPolygon checkPrimaryKeyUnicity='0' "
            "table=\"%s\".\"parcelles\" (geom)" % (db.CONNECTION, schema))


def step_join_postgis(data, work):
    """The join with the parcels in PostGIS: the lookup runs on the server (parameterised
    query, keys as an array), only ``(idpar, x, y)`` comes back."""
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(_postgis_parcels(data), "parcelles", "postgres")
    assert layer.isValid(), "couche PostGIS invalide"
    return _measured_join(data, work, layer, "_pg")


def _postgis_landlord_table(data):
    """The bench sheet loaded once into the local PostGIS server as a table of texts
    (``bench_<size>.logements``, stored in file order): the ``(INPUT, SHEET)`` of the
    join.  Not timed."""
    import csv

    import psycopg2
    from psycopg2 import sql
    _postgis_parcels(data)   # the server started, the schema made
    import db
    schema = "bench_" + os.path.basename(os.path.normpath(data))
    with psycopg2.connect(db.CONNECTION) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", (schema + ".logements",))
        if cursor.fetchone()[0] is None:
            with open(os.path.join(data, "bench_logements.csv"), encoding="cp1252",
                      newline="") as handle:
                header = next(csv.reader(handle, delimiter=";"))
                columns = sql.SQL(", ").join(sql.Identifier(h) for h in header)
                cursor.execute(sql.SQL("CREATE TABLE {}.logements ({})").format(
                    sql.Identifier(schema), sql.SQL(", ").join(
                        sql.SQL("{} text").format(sql.Identifier(h)) for h in header)))
                cursor.copy_expert(sql.SQL("COPY {}.logements ({}) FROM STDIN WITH (FORMAT csv, "
                                           "DELIMITER ';')").format(sql.Identifier(schema),
                                                                    columns), handle)
            cursor.execute(sql.SQL("ANALYZE {}.logements").format(sql.Identifier(schema)))
    return "postgres:" + db.CONNECTION, schema + ".logements"


def step_join_db_table(data, work):
    """The national path: the landlord table and the parcels in PostGIS (the table read
    as text by COPY, the parcels looked up on the server), output in a GeoPackage."""
    from qgis.core import QgsVectorLayer
    source, table = _postgis_landlord_table(data)
    layer = QgsVectorLayer(_postgis_parcels(data), "parcelles", "postgres")
    out = fresh(os.path.join(work, "join_db.gpkg"))
    t = time.perf_counter()
    r = run("osp:joinbailleurparcelles", {
        "INPUT": source, "SHEET": table, "PARCELS": layer, "OUTPUT": out,
        "ANOMALIES": fresh(os.path.join(work, "an_db.csv"))})
    return {"seconds": time.perf_counter() - t, "rows": r["N_ROWS"], "located": r["N_LOCATED"]}


def _flat_parcels(data):
    """The parcels as one GeoJSON file (a flat file, read by QGIS's provider), made once."""
    path = os.path.join(data, "parcelles.geojson")
    if not os.path.exists(path):
        subprocess.run(["ogr2ogr", "-f", "GeoJSON", path + ".part",
                        os.path.join(data, "territoire.gpkg"), "parcelles"], check=True)
        os.replace(path + ".part", path)
    return path


def step_join_flat(data, work):
    """The join with the parcels in a GeoJSON file through QGIS's provider (one read of the
    whole file, the wanted parcels kept): ``OSP_PLAN=fournisseur``."""
    os.environ["OSP_PLAN"] = "fournisseur"
    return _measured_join(data, work, _flat_parcels(data), "_flat")


def step_join_flat_copy(data, work):
    """The same join through the file's indexed GeoPackage copy, already made (made
    untimed here if needed: the conversion is :func:`step_flat_to_gpkg`)."""
    os.environ.pop("OSP_PLAN", None)
    _measured_join(data, work, _flat_parcels(data), "_flat_copy")
    return _measured_join(data, work, _flat_parcels(data), "_flat_copy")


def step_flat_to_gpkg(data, work):
    """The other way for a flat file: convert it once into an indexed GeoPackage (GDAL
    VectorTranslate, id index), then the SQL plan — the conversion alone, timed."""
    from osgeo import gdal
    source = _flat_parcels(data)
    target = fresh(os.path.join(work, "cache_parcelles.gpkg"))
    t = time.perf_counter()
    gdal.VectorTranslate(target, source, format="GPKG", layerName="parcelles")
    import sqlite3
    with sqlite3.connect(target) as connection:
        connection.execute("CREATE INDEX parcelles_idpar ON parcelles (idpar)")
    return {"seconds": time.perf_counter() - t}


def step_join_ff(data, work):
    out = fresh(os.path.join(work, "join_ff.gpkg"))
    t = time.perf_counter()
    r = run("osp:joinbailleurparcelles", {"INPUT": os.path.join(data, "bench_ff.csv"),
                                          "PARCELS": parcels(data),
                                          "LOCAUX": os.path.join(data, "pb0010_local.csv"),
                                          "OUTPUT": out,
                                          "ANOMALIES": fresh(os.path.join(work, "an_ff.csv"))})
    return {"seconds": time.perf_counter() - t, "rows": r["N_ROWS"], "located": r["N_LOCATED"]}


def step_ff_lecture(data, work):
    """The pure core alone: read the extract, set aside unusable rows, find the social
    dwellings (Cerema's method)."""
    from osp_qgis.fichiers_fonciers import read, rules
    t = time.perf_counter()
    locaux, refused = rules.prepare(read.read_csv(os.path.join(data, "pb0010_local.csv")))
    social = int(rules.is_social_housing(locaux).sum())
    return {"seconds": time.perf_counter() - t, "locaux": len(locaux), "social": social,
            "refused": len(refused)}


def step_croisement_ff(data, work):
    t = time.perf_counter()
    r = run("osp:croisement_ff", {
        "LOCAUX": os.path.join(data, "pb0010_local.csv"), "INPUT": analyse_layer(work),
        "PARCELS": parcels(data),
        "COMMUNES": os.path.join(data, "territoire.gpkg") + "|layername=communes",
        "MISSING": fresh(os.path.join(work, "ff_m.gpkg")),
        "PARCEL_COMPARISON": fresh(os.path.join(work, "ff_p.gpkg")),
        "INDICATORS": fresh(os.path.join(work, "ff_i.gpkg"))})
    return {"seconds": time.perf_counter() - t, "locaux": r["N_LOCAUX"],
            "social": r["N_SOCIAUX_FF"], "missing": r["N_MISSING"]}


def step_join_native(data, work):
    """What a cartographer builds with QGIS's own tools: a point on every parcel, then a
    one-to-many attribute join with the landlord table, non-matching discarded."""
    t, cpu = time.perf_counter(), time.process_time()
    points = run("native:pointonsurface", {"INPUT": parcels(data), "ALL_PARTS": False,
                                           "OUTPUT": fresh(os.path.join(work, "pts.gpkg"))})
    csv = "file://%s?delimiter=;&encoding=windows-1252" % os.path.join(data,
                                                                       "bench_logements.csv")
    from qgis.core import QgsVectorLayer
    table = QgsVectorLayer(csv, "bailleur", "delimitedtext")
    field = table.fields().names()[3]   # « Référence cadastrale »
    joined = run("native:joinattributestable", {
        "INPUT": points["OUTPUT"], "FIELD": "idpar", "INPUT_2": table, "FIELD_2": field,
        "METHOD": 0, "DISCARD_NONMATCHING": True,
        "OUTPUT": fresh(os.path.join(work, "native.gpkg"))})
    return {"seconds": time.perf_counter() - t, "cpu_seconds": time.process_time() - cpu,
            "joined": joined["JOINED_COUNT"]}


def step_floor(data, work):
    """One plain GDAL read of every parcel (``ogrinfo -al -q``): the floor."""
    t = time.perf_counter()
    subprocess.run(["ogrinfo", "-al", "-q", os.path.join(data, "territoire.gpkg"), "parcelles"],
                   check=True, stdout=subprocess.DEVNULL)
    return {"seconds": time.perf_counter() - t}


def _analyse(data, work, name):
    """osp:analyselogement on the join's output (communes and cités of the territory)
    into ``work/name``."""
    join = os.path.join(work, "join.gpkg")
    if not os.path.exists(join):
        step_join_osp(data, work)
    t = time.perf_counter()
    run("osp:analyselogement", {
        "INPUT": join, "COMMUNES": os.path.join(data, "territoire.gpkg") + "|layername=communes",
        "CITES": os.path.join(data, "territoire.gpkg") + "|layername=cites",
        "OUTPUT": fresh(os.path.join(work, name))})
    return {"seconds": time.perf_counter() - t}


def step_setup_analyse(data, work):
    """The analyse layer the workbook and render steps read."""
    return _analyse(data, work, "osp_erbm.gpkg")


def step_analyse(data, work):
    """The analyse layer, measured (kept apart from the one other steps read)."""
    return _analyse(data, work, "analyse_bench.gpkg")


def analyse_layer(work):
    return os.path.join(work, "osp_erbm.gpkg") + "|layername=analyse_logement"


def step_synthese_osp(data, work):
    t = time.perf_counter()
    r = run("osp:synthese", {"INPUT": analyse_layer(work),
                             "ANOMALIES": os.path.join(work, "an.csv"),
                             "DECISIONS": os.path.join(data, "decisions.csv"),
                             "OUTPUT_XLSX": fresh(os.path.join(work, "osp.xlsx"))})
    return {"seconds": time.perf_counter() - t, "dwellings": r["N_DWELLINGS"]}


def step_synthese_pandas(data, work):
    """The same sheets written with pandas.DataFrame.to_excel (no styles, no charts)."""
    import pandas
    from qgis.core import QgsVectorLayer
    t = time.perf_counter()
    layer = QgsVectorLayer(analyse_layer(work), "a", "ogr")
    names = layer.fields().names()
    frame = pandas.DataFrame([f.attributes() for f in layer.getFeatures()], columns=names)
    frame = frame.applymap(lambda v: None if hasattr(v, "isNull") and v.isNull() else v)
    frame["groupe"] = frame["type_palu"].isin(["Groupé", "Isolé"]).map(
        {True: "Palulos", False: "Hors"})
    with pandas.ExcelWriter(fresh(os.path.join(work, "pandas.xlsx")),
                            engine="openpyxl") as writer:
        frame.drop(columns=["date_maj", "date_os", "date_fin"]).to_excel(
            writer, sheet_name="Logements", index=False)
        frame.groupby(["intitule", "num_decision"]).size().to_frame("n").to_excel(
            writer, sheet_name="Opérations")
        for key in ("epci", "dep", "bailleur", "idcom", "nom_cite_1"):
            frame.pivot_table(index=key, columns=["groupe", "annee_financ"], values="fid",
                              aggfunc="count", fill_value=0).to_excel(
                writer, sheet_name="par_" + key)
    return {"seconds": time.perf_counter() - t}


def step_setup_atlas(data, work):
    """ERBM-size dwellings drawn inside the 330 real communes of the basin."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsGeometry,
        QgsProject,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    communes = QgsVectorLayer(os.path.join(SHARED, "communes_bassin_minier.geojson"), "c", "ogr")
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=ident_rep:string&field=idcom:string"
                           "&field=bailleur:string&field=type_palu:string"
                           "&field=annee_financ:integer&field=geoloc_source:string", "l",
                           "memory")
    transform = QgsCoordinateTransform(communes.crs(), QgsCoordinateReferenceSystem("EPSG:2154"),
                                       QgsProject.instance())
    per_commune = max(1, int(os.environ.get("BENCH_ATLAS_DWELLINGS", "30000")) // 330)
    features, n = [], 0
    for commune in communes.getFeatures():
        geometry = commune.geometry()
        geometry.transform(transform)
        for point in geometry.randomPointsInPolygon(per_commune, seed=int(commune["insee"][2:])):
            n += 1
            f = QgsFeature(layer.fields())
            f.setAttributes(["%010d" % n, commune["insee"], "M&C" if n % 3 else "SIA",
                             ("Groupé", "Isolé", "Hors")[n % 3], 2017 + n % 5, "parcelle"])
            f.setGeometry(QgsGeometry.fromPointXY(point))
            features.append(f)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, fresh(os.path.join(work, "atlas_in.gpkg")),
                                              QgsCoordinateTransformContext(), options)
    return {"seconds": 0, "dwellings": n}


def step_atlas(data, work):
    """osp:atlas of the 330 communes, then native:atlaslayouttopdf on the same layout."""
    communes = os.path.join(SHARED, "communes_bassin_minier.geojson")
    t = time.perf_counter()
    r = run("osp:atlas", {"INPUT": os.path.join(work, "atlas_in.gpkg"), "SCALE": 1,
                          "COMMUNES": communes, "SPLIT": False,
                          "OUTPUT_PDF": fresh(os.path.join(work, "atlas_osp.pdf"))})
    osp = time.perf_counter() - t
    t = time.perf_counter()
    run("native:atlaslayouttopdf", {"LAYOUT": r["LAYOUT"],
                                    "OUTPUT": fresh(os.path.join(work, "atlas_native.pdf"))})
    native = time.perf_counter() - t
    return {"seconds": osp, "pages": r["N_PAGES"], "native_seconds": native,
            "seconds_per_page": osp / max(1, r["N_PAGES"])}


def step_render(data, work):
    """Open the analyse GeoPackage (its default style from layer_styles) and render the
    full extent: time to the first complete image."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize
    t = time.perf_counter()
    layer = QgsVectorLayer(analyse_layer(work), "a", "ogr")
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(1600, 1200))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(os.path.join(work, "render.png"))
    return {"seconds": time.perf_counter() - t, "features": layer.featureCount()}


PARC_SOCIAL_SIZES = {"erbm": (30000, 150000), "departement": (200000, 900000)}


def _parc_social_inputs(work, rows, addresses):
    """A BAN of ``addresses`` points over the Nord's communes and an RPLS of ``rows``
    dwellings at those addresses (types abbreviated half the time), cached in ``work``."""
    import csv
    import random
    ban, rpls = os.path.join(work, "ban_%d.csv" % addresses), os.path.join(
        work, "rpls_%d.csv" % rows)
    if os.path.exists(rpls):
        return ban, rpls
    from osp_qgis.reference import communes
    rng = random.Random(59)
    codes = sorted(c for c in communes() if c.startswith("59"))
    kinds = (("RUE", "R"), ("AVENUE", "AV"), ("PLACE", "PL"), ("CHEMIN", "CHE"))
    points = []
    with open(ban, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["numero", "rep", "nom_voie", "code_insee", "x", "y"])
        per_commune = addresses // len(codes)
        for k, code in enumerate(codes):
            x0, y0 = 650000 + (k % 30) * 3000, 7000000 + (k // 30) * 3000
            for n in range(per_commune):
                street, number = n // 40, n % 40 + 1
                kind = kinds[street % len(kinds)]
                name = "%s DES MINEURS %d" % (kind[0], street)
                out.writerow([number, "", name, code, x0 + number * 20, y0 + street * 25])
                points.append((code, number, kind, street))
    with open(rpls, "w", encoding="cp1252", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["DEPCOM", "NUMVOIE", "INDREP", "TYPVOIE", "NOMVOIE", "NBPIECE",
                      "SURFHAB", "CONSTRUCT", "FINAN", "DPEENERGIE", "QPV", "MODE"])
        for _ in range(rows):
            code, number, kind, street = rng.choice(points)
            out.writerow([code, number, "", rng.choice(kind), "DES MINEURS %d" % street,
                          rng.randint(1, 6), rng.randint(30, 110), rng.randint(1900, 2022),
                          rng.choice(["10", "12", "14", "16"]), rng.choice("ABCDEFG "),
                          rng.choice("122"), rng.choice("1111112")])
    return ban, rpls


def _parc_social(work, size):
    rows, addresses = PARC_SOCIAL_SIZES[size]
    ban, rpls = _parc_social_inputs(work, rows, addresses)
    out = fresh(os.path.join(work, "parc_social.gpkg"))
    start = time.perf_counter()
    result = run("osp:indicateurs_parc_social", {"RPLS": rpls, "ADDRESSES": ban,
                                                 "GRID_SIZE": 1000, "OUTPUT": out})
    return {"seconds": time.perf_counter() - start, "rows": rows, "addresses": addresses,
            "masked": result["N_MASKED"]}


def step_parc_social(data, work):
    return _parc_social(work, "departement" if "departement" in data else "erbm")


def step_setup_publication(data, work):
    if not os.path.exists(os.path.join(work, "osp_erbm.gpkg")):
        step_setup_analyse(data, work)
    return steps_publication.step_setup_publication(data, work, run, analyse_layer)


def step_setup_finance(data, work):
    return steps_finance.step_setup_finance(data, work, run)


def step_financement_recap(data, work):
    return steps_finance.step_financement_recap(data, work, run, fresh)


def step_programmation_recap(data, work):
    return steps_finance.step_programmation_recap(data, work, run, fresh)


def step_setup_livraison(data, work):
    if not os.path.exists(os.path.join(work, "osp_erbm.gpkg")):
        step_setup_analyse(data, work)
    return steps_livraison.step_setup_livraison(data, work, analyse_layer)


def step_livraison(data, work):
    return steps_livraison.step_livraison(data, work, run, fresh)


step_publication_getmap = steps_publication.step_publication_getmap
step_publication_wfs = steps_publication.step_publication_wfs


def main():
    step, data, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if step == "plugin_import":   # measured in its own interpreter
        print("BENCH " + json.dumps(step_plugin_import(data, work)))
        return
    app = start_qgis()  # noqa: F841 (the application must outlive the step)
    result = globals()["step_" + step](data, work)
    print("BENCH " + json.dumps(result))


if __name__ == "__main__":
    main()
