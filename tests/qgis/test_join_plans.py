"""The join's two plans give the same dwellings (issue #12): parcels in a GeoPackage are
looked up in SQL (SpatiaLite: temporary key table, indexed join, point on surface computed
by the database), any other source through its QGIS provider (``OSP_PLAN=fournisseur``
forces it).  Outputs are compared feature by feature, coordinates exactly, on the sample,
on real Etalab parcels (91216) and real EDIGEO sheets (IDU without département); quotes and
SQL in layer names and ids change nothing."""
import glob
import os
import random
import sqlite3
import tarfile

import pytest
from conftest import SAMPLE_SHEETS, shared_path
from test_join_real_data import etalab_parcels, spellings, write_sheet


def to_gpkg(source, path, layer_name):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer
    layer = source if not isinstance(source, str) else QgsVectorLayer(source, "p", "ogr")
    assert layer.isValid()
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", layer_name
    if os.path.exists(path):
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path,
                                                      QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return "%s|layername=%s" % (path, layer_name)


def join(monkeypatch, tmp_path, tag, plan, **params):
    import processing
    if plan == "fournisseur":
        monkeypatch.setenv("OSP_PLAN", "fournisseur")
    else:
        monkeypatch.delenv("OSP_PLAN", raising=False)
    out = str(tmp_path / ("%s_%s.gpkg" % (tag, plan)))
    anomalies = str(tmp_path / ("%s_%s.csv" % (tag, plan)))
    result = processing.run("osp:joinbailleurparcelles", dict(params, OUTPUT=out,
                                                              ANOMALIES=anomalies))
    monkeypatch.delenv("OSP_PLAN", raising=False)
    return result, out, anomalies


def features(path):
    """``{ligne_source: (attributes, (x, y) or None)}`` read back through QGIS."""
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(path, "o", "ogr")
    assert layer.isValid()
    names = [n for n in layer.fields().names() if n != "fid"]
    out = {}
    for f in layer.getFeatures():
        point = f.geometry().asPoint() if f.hasGeometry() and not f.geometry().isEmpty() \
            else None
        out[f["ligne_source"]] = ({n: f[n] for n in names},
                                  (point.x(), point.y()) if point is not None else None)
    return out


def assert_same(a, b):
    fa, fb = features(a), features(b)
    assert fa.keys() == fb.keys()
    for line in fa:
        assert fa[line] == fb[line], line
    return fa


def read_text(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def test_sql_and_provider_plans_agree_on_the_sample(qgis_app, sample_data, tmp_path,
                                                    monkeypatch):
    sample = str(sample_data)
    gpkg = os.path.join(sample, "territoire.gpkg")
    located = 0
    for sheet in SAMPLE_SHEETS:
        params = {"INPUT": os.path.join(sample, "bailleurs", sheet),
                  "PARCELS": gpkg + "|layername=parcelles",
                  "LOCAUX": os.path.join(sample, "pb0010_local.csv"),
                  "ADDRESSES": gpkg + "|layername=adresses"}
        sql, out_sql, an_sql = join(monkeypatch, tmp_path, sheet[:6], "sql", **params)
        provider, out_provider, an_provider = join(monkeypatch, tmp_path, sheet[:6],
                                                   "fournisseur", **params)
        same = assert_same(out_sql, out_provider)
        assert read_text(an_sql) == read_text(an_provider)
        assert {k: sql[k] for k in ("N_ROWS", "N_LOCATED", "N_DUPLICATES")} == \
            {k: provider[k] for k in ("N_ROWS", "N_LOCATED", "N_DUPLICATES")}
        located += sum(1 for _, point in same.values() if point is not None)
    assert located > 500


def test_the_log_says_which_plan_ran(qgis_app, sample_data, tmp_path, monkeypatch):
    import processing
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, text):
            self.lines.append(text)

    sample = str(sample_data)
    feedback = Log()
    processing.run("osp:joinbailleurparcelles", {
        "INPUT": os.path.join(sample, "bailleurs", "sia_logements.csv"),
        "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
        "OUTPUT": "TEMPORARY_OUTPUT", "ANOMALIES": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert any("SQL (SpatiaLite" in line for line in Log.lines)


def test_real_etalab_parcels_in_geojson_and_geopackage(qgis_app, tmp_path, monkeypatch):
    geojson = shared_path("cadastre", "cadastre-91216-parcelles.json")
    rng = random.Random(12)
    chosen = rng.sample(etalab_parcels(), 500)
    rows = [["%08d" % (44600000 + n), spellings(p, rng), "91216", "OP 2020 G", "groupe"]
            for n, p in enumerate(chosen)]
    rows.append(["44700001", "91216000ZZ9999", "91216", "OP", "G"])
    sheet = str(tmp_path / "epinay.csv")
    write_sheet(sheet, rows)
    gpkg = to_gpkg(geojson, str(tmp_path / "parcelles_91216.gpkg"), "parcelles")
    _, from_sql, _ = join(monkeypatch, tmp_path, "etalab", "sql", INPUT=sheet, PARCELS=gpkg)
    _, from_json, _ = join(monkeypatch, tmp_path, "etalab", "fournisseur", INPUT=sheet,
                           PARCELS=geojson)
    same = assert_same(from_sql, from_json)
    assert sum(1 for _, point in same.values() if point is not None) == 500


def _logged_join(tmp_path, tag, **params):
    import processing
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, text):
            self.lines.append(text)

    feedback = Log()
    out = str(tmp_path / ("%s.gpkg" % tag))
    processing.run("osp:joinbailleurparcelles", dict(
        params, OUTPUT=out, ANOMALIES=str(tmp_path / ("%s.csv" % tag))), feedback=feedback)
    return out, "\n".join(feedback.lines)


def test_flat_files_go_through_an_indexed_geopackage_copy(qgis_app, tmp_path, monkeypatch):
    """A GeoJSON of real parcels: converted once into an indexed GeoPackage, then looked up
    in SQL; the copy is reused while the file is unchanged, remade when it changes; same
    dwellings as the provider's path, feature by feature."""
    import shutil
    geojson = str(tmp_path / "parcelles_91216.json")
    shutil.copy(shared_path("cadastre", "cadastre-91216-parcelles.json"), geojson)
    rng = random.Random(7)
    rows = [["%08d" % (44600000 + n), spellings(p, rng), "91216", "OP 2020 G", "groupe"]
            for n, p in enumerate(rng.sample(etalab_parcels(), 300))]
    sheet = str(tmp_path / "epinay_cache.csv")
    write_sheet(sheet, rows)
    monkeypatch.delenv("OSP_PLAN", raising=False)
    from osp_erbm.processing_algs.common import parcel_cache

    def copies_made_here():   # other tests' copies of other files live in the same folder
        return set(glob.glob(os.path.join(parcel_cache.cache_folder(), "*.gpkg"))) - before

    before = set(glob.glob(os.path.join(parcel_cache.cache_folder(), "*.gpkg")))
    first, log = _logged_join(tmp_path, "cache1", INPUT=sheet, PARCELS=geojson)
    assert "Conversion de « parcelles_91216.json » en GeoPackage indexé" in log
    assert "sur sa copie GeoPackage" in log
    copies = sorted(copies_made_here())
    assert len(copies) == 1
    connection = sqlite3.connect(copies[0])
    assert any(r[1] == "osp_parcelles_id" for r in connection.execute(
        "PRAGMA index_list(parcelles)"))
    connection.close()
    second, log = _logged_join(tmp_path, "cache2", INPUT=sheet, PARCELS=geojson)
    assert "réutilisée" in log and "Conversion" not in log
    os.utime(geojson, (1, 1))       # the file changed: a new copy, the stale one removed
    third, log = _logged_join(tmp_path, "cache3", INPUT=sheet, PARCELS=geojson)
    assert "Conversion" in log
    assert len(copies_made_here()) == 1 and copies_made_here() != set(copies)
    _, provider, _ = join(monkeypatch, tmp_path, "cache", "fournisseur", INPUT=sheet,
                          PARCELS=geojson)
    same = assert_same(first, provider)
    assert_same(second, provider)
    assert_same(third, provider)
    assert sum(1 for _, point in same.values() if point is not None) == 300


def test_real_edigeo_idu_in_a_geopackage(qgis_app, tmp_path, monkeypatch):
    archive = shared_path("cadastre", "edigeo", "edigeo-130290000A01.tar.bz2")
    target = tmp_path / "edigeo"
    target.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(str(target))
    thf = glob.glob(str(target / "**" / "*.THF"), recursive=True)[0]
    uri = thf + "|layername=PARCELLE_id"
    gpkg = to_gpkg(uri, str(tmp_path / "edigeo.gpkg"), "parcelle_id")
    from qgis.core import QgsVectorLayer
    idus = sorted(f["IDU"] for f in QgsVectorLayer(uri, "e", "ogr").getFeatures())[:80]
    sheet = str(tmp_path / "edigeo.csv")
    write_sheet(sheet, [["%08d" % n, "13" + idu, "13029", "OP", "Hors"]
                        for n, idu in enumerate(idus)])
    result, from_sql, _ = join(monkeypatch, tmp_path, "edigeo", "sql", INPUT=sheet,
                               PARCELS=gpkg)
    _, from_edigeo, _ = join(monkeypatch, tmp_path, "edigeo", "fournisseur", INPUT=sheet,
                             PARCELS=uri)
    _, from_copy, _ = join(monkeypatch, tmp_path, "edigeo_copie", "sql", INPUT=sheet,
                           PARCELS=uri)     # the sheet's indexed GeoPackage copy
    assert result["N_LOCATED"] == 80
    assert_same(from_sql, from_edigeo)
    assert_same(from_copy, from_edigeo)


def test_quotes_and_sql_in_names_and_ids_are_only_data(qgis_app, sample_data, tmp_path,
                                                       monkeypatch):
    """A parcels table named with quotes and SQL, ids carrying quotes: same result, the
    file untouched."""
    sample = str(sample_data)
    hostile = 'parcelles"; DROP TABLE gpkg_contents; --\'x'
    path = str(tmp_path / "hostile.gpkg")
    uri = to_gpkg(os.path.join(sample, "territoire.gpkg") + "|layername=parcelles", path,
                  hostile)
    sheet = str(tmp_path / "ids.csv")
    parcels = [r[0] for r in sqlite3.connect(os.path.join(sample, "territoire.gpkg")).execute(
        "SELECT idpar FROM parcelles ORDER BY idpar LIMIT 30")]
    rows = [["%08d" % n, p, p[:5], "OP", "G"] for n, p in enumerate(parcels)]
    rows += [["90000001", "%s' OR '1'='1" % parcels[0], parcels[0][:5], "OP", "G"],
             ["90000002", "%s\"); DELETE FROM x; --" % parcels[1], parcels[1][:5], "OP", "G"]]
    write_sheet(sheet, rows)
    result, from_sql, _ = join(monkeypatch, tmp_path, "hostile", "sql", INPUT=sheet,
                               PARCELS=uri)
    _, from_provider, _ = join(monkeypatch, tmp_path, "hostile", "fournisseur", INPUT=sheet,
                               PARCELS=uri)
    got = assert_same(from_sql, from_provider)
    assert result["N_LOCATED"] == 30
    assert [got[line][0]["geoloc_motif"] for line in (32, 33)] == ["parcelle_invalide"] * 2
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM gpkg_contents").fetchone()[0] == 1
    assert connection.execute('SELECT count(*) FROM "%s"' % hostile.replace('"', '""')
                              ).fetchone()[0] > 1000


def test_parcels_asked_on_parallel_connections_answer_like_one(qgis_app, sample_data,
                                                                tmp_path, monkeypatch):
    """Batches of keys asked from two threads on two connections (the join's worker and
    the main thread helping while it waits): the same points as one connection asking
    batch after batch and as SQL asked parcel by parcel, duplicates of a parcel and
    parcels without geometry included (each answered by the first row with a geometry)."""
    from osp_erbm.osp_qgis.storage import sqlplan
    path = str(tmp_path / "doublons.gpkg")
    to_gpkg(os.path.join(str(sample_data), "territoire.gpkg") + "|layername=parcelles",
            path, "parcelles")
    connection = sqlplan.open_spatialite(path, readonly=False)   # the index triggers call it
    with connection:
        ids = [r[0] for r in connection.execute("SELECT idpar FROM parcelles ORDER BY idpar")]
        columns = [r[1] for r in connection.execute("PRAGMA table_info(parcelles)")
                   if r[1] != "fid"]
        listed = ", ".join('"%s"' % c for c in columns)
        for n, idpar in enumerate(ids[::50]):   # a copy without geometry, or a moved copy
            geometry = "NULL" if n % 2 else "geom"
            connection.execute('INSERT INTO parcelles (%s) SELECT %s FROM parcelles WHERE '
                               'idpar = ?' % (listed, listed.replace('"geom"', geometry)),
                               (idpar,))
        connection.execute("UPDATE parcelles SET geom = NULL WHERE fid IN "
                           "(SELECT fid FROM parcelles ORDER BY fid LIMIT 5)")
    connection.close()
    keys = ids + ["absente", "62001000ZZ9999"]
    monkeypatch.setattr(sqlplan, "KEY_BATCH", 97)
    answers = []
    for helped in (False, True, True):
        lookup = sqlplan.ParcelPoints(path, "parcelles", "idpar")
        try:
            if helped:   # as the join does: staged in a worker, helped from here
                from concurrent.futures import ThreadPoolExecutor
                with ThreadPoolExecutor(max_workers=1) as pool:
                    future = pool.submit(lookup.stage, keys)
                    lookup.help()
                    future.result()
                answers.append(lookup.collect())
                assert not lookup.queue
            else:
                answers.append(lookup(keys))
            assert lookup(ids[:10]) == {k: answers[0][k] for k in ids[:10]}   # reusable
        finally:
            lookup.close()
    assert answers[0] == answers[1] == answers[2]
    assert 0 < sum(1 for point in answers[0].values() if point is None) <= 5
    assert "absente" not in answers[0] and len(answers[0]) == len(set(ids))
    reference = {}
    for key, x, y in sqlplan.open_spatialite(path).execute(
            "SELECT idpar, ST_X(ST_PointOnSurface(GeomFromGPB(geom))), "
            "ST_Y(ST_PointOnSurface(GeomFromGPB(geom))) FROM parcelles ORDER BY fid"):
        if reference.get(key) is None:
            reference[key] = (x, y) if x is not None else None
    assert answers[0] == reference


def test_bulk_output_is_a_sound_geopackage_with_its_spatial_index(qgis_app, sample_data,
                                                                   tmp_path, monkeypatch):
    from qgis.core import QgsFeatureRequest, QgsRectangle, QgsVectorLayer
    sample = str(sample_data)
    _, out, _ = join(monkeypatch, tmp_path, "bulk", "sql",
                     INPUT=os.path.join(sample, "bailleurs", "sia_logements.csv"),
                     PARCELS=os.path.join(sample, "territoire.gpkg") + "|layername=parcelles")
    connection = sqlite3.connect(out)
    table = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    located = connection.execute('SELECT count(*) FROM "%s" WHERE geom IS NOT NULL'
                                 % table).fetchone()[0]
    assert connection.execute('SELECT count(*) FROM "rtree_%s_geom"' % table).fetchone()[0] \
        == located > 0
    extent = connection.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents"
                                ).fetchone()
    layer = QgsVectorLayer(out, "o", "ogr")
    assert layer.featureCount() == connection.execute('SELECT count(*) FROM "%s"'
                                                      % table).fetchone()[0]
    points = [f.geometry().asPoint() for f in layer.getFeatures() if f.hasGeometry()]
    assert extent == (min(p.x() for p in points), min(p.y() for p in points),
                      max(p.x() for p in points), max(p.y() for p in points))
    # a window query through the spatial index finds exactly the points inside
    box = QgsRectangle(extent[0], extent[1], (extent[0] + extent[2]) / 2,
                       (extent[1] + extent[3]) / 2)
    inside = sum(1 for p in points if box.contains(p))
    assert 0 < inside < len(points)
    assert sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterRect(box))) == inside
    # GDAL sees the same
    from osgeo import ogr
    source = ogr.Open(out)
    assert source.GetLayer(0).GetFeatureCount() == layer.featureCount()
    assert source.GetLayer(0).GetSpatialRef().GetAuthorityCode(None) == "2154"


def test_bulk_insert_keeps_gdal_feature_counter_and_triggers(qgis_app, tmp_path):
    """GDAL's per-row feature counter is set aside during the bulk insert, the count added
    once, its trigger (and the spatial index's) back in place for the next edits; the
    numpy-made point blobs read back as the same points."""
    from osgeo import ogr, osr

    from osp_erbm.osp_qgis.storage import gpkg_write, sqlplan
    path = str(tmp_path / "compteur.gpkg")
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("points", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("n", ogr.OFTInteger))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("nom", "avant")
    layer.CreateFeature(feature)
    feature = layer = source = None
    points = [(650000.5 + i, 7000000.25 - i) if i % 3 else None for i in range(1000)]
    rows = gpkg_write.PointColumns([["p%d" % i if i % 5 else None for i in range(1000)],
                                    list(range(1000))], points)
    assert gpkg_write.bulk_insert_points(path, "points", ["nom", "n"], rows) == 1000
    connection = sqlplan.open_spatialite(path, readonly=False)   # the triggers call it
    assert connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE "
                              "table_name = 'points'").fetchone()[0] == 1001
    triggers = {r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'points'")}
    assert {"trigger_insert_feature_count_points", "rtree_points_geom_insert"} <= triggers
    with connection:
        connection.execute("INSERT INTO points (nom) VALUES ('après')")
    assert connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE "
                              "table_name = 'points'").fetchone()[0] == 1002
    connection.close()
    source = ogr.Open(path)     # kept: its layer dies with it
    layer = source.GetLayer(0)
    assert layer.GetFeatureCount() == 1002
    read = {f.GetField("n"): (f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY())
            if f.GetGeometryRef() is not None else None
            for f in layer if f.GetField("n") is not None}
    assert read == {i: points[i] for i in range(1000)}
    layer.SetSpatialFilterRect(650000, 6999000, 650100.6, 7000001)
    assert sorted(f.GetField("n") for f in layer) == [i for i in range(101) if i % 3]


@pytest.mark.parametrize("plan", ["sql", "fournisseur"])
def test_cancelling_writes_nothing(qgis_app, sample_data, tmp_path, monkeypatch, plan):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    sample = str(sample_data)
    out = str(tmp_path / "cancel.gpkg")
    if plan == "fournisseur":
        monkeypatch.setenv("OSP_PLAN", "fournisseur")
    with pytest.raises(QgsProcessingException, match="annulé"):
        processing.run("osp:joinbailleurparcelles", {
            "INPUT": os.path.join(sample, "bailleurs", "sia_logements.csv"),
            "PARCELS": os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
            "OUTPUT": out, "ANOMALIES": str(tmp_path / "cancel.csv")}, feedback=feedback)
    assert not os.path.exists(out)


def test_parcels_in_postgis_are_looked_up_on_the_server(qgis_app, sample_data, tmp_path,
                                                        monkeypatch, postgis):
    from qgis.core import QgsVectorLayer
    from test_join_postgis import export, pg_uri
    sample = str(sample_data)
    parcels = QgsVectorLayer(os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
                             "p", "ogr")
    table = 'parcelles "plan" \'sql\''
    export(parcels, pg_uri(postgis, table))
    layer = QgsVectorLayer(pg_uri(postgis, table), "parcelles", "postgres")
    assert layer.isValid()
    params = {"INPUT": os.path.join(sample, "bailleurs", "mc_2019.ods"), "PARCELS": layer,
              "LOCAUX": os.path.join(sample, "pb0010_local.csv")}
    from osp_erbm.processing_algs.common import parcels as parcel_layers
    fetcher = parcel_layers.ParcelFetcher(layer, "idpar", "idpar")
    assert fetcher.plan == "postgis"
    some = {f["idpar"] for f in parcels.getFeatures()}
    fetcher.prefetch(some, early=True)   # a server query is one pass: asked once all known
    assert fetcher.pending == []
    fetcher.prefetch(some)
    assert [keys for keys, _ in fetcher.pending] == [some]
    fetcher.close()
    _, from_server, _ = join(monkeypatch, tmp_path, "pg", "sql", **params)
    _, from_provider, _ = join(monkeypatch, tmp_path, "pg", "fournisseur", **params)
    _, from_gpkg, _ = join(monkeypatch, tmp_path, "pg_gpkg", "sql",
                           **dict(params, PARCELS=parcels))
    same = assert_same(from_server, from_provider)
    assert_same(from_server, from_gpkg)
    assert sum(1 for _, point in same.values() if point is not None) > 100


def test_columns_without_any_value_are_written_as_null_unless_they_have_a_default(qgis_app,
                                                                               tmp_path):
    """A column with no value in a chunk is left out of the bulk ``INSERT``: it reads back
    NULL; a column with a DEFAULT is still bound (its NULLs stay NULL, not the default);
    a chunk where the column has values writes them."""
    from osgeo import ogr, osr

    from osp_erbm.osp_qgis.storage import gpkg_write
    path = str(tmp_path / "vides.gpkg")
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("points", srs, ogr.wkbPoint)
    for name in ("vide", "avec_defaut", "plein"):
        definition = ogr.FieldDefn(name, ogr.OFTString)
        if name == "avec_defaut":
            definition.SetDefault("'défaut'")
        layer.CreateField(definition)
    layer = source = None
    count = 250
    empty = [None] * count
    late = [None] * (count - 1) + ["dernier"]     # a value in the last chunk only
    rows = gpkg_write.PointColumns([empty, list(empty), late],
                                   [(650000.0 + i, 7000000.0) for i in range(count)])
    assert gpkg_write.bound_columns([empty, list(empty), late], ["vide", "avec_defaut", "plein"],
                                    {"vide", "plein"}) == [1, 2]
    assert gpkg_write.bulk_insert_points(path, "points", ["vide", "avec_defaut", "plein"], rows,
                                         batch=100) == count
    source = ogr.Open(path)
    read = [(f.GetField("vide"), f.GetField("avec_defaut"), f.GetField("plein"))
            for f in source.GetLayer(0)]
    assert read == [(None, None, v) for v in late]


def test_parcels_prefetched_twice_are_asked_once(qgis_app, sample_data):
    """The plan hands the raw ids of a parcel id's length over first, then all of them
    normalised: a key already on its way is not asked again, and the answer holds every key
    asked, as one lookup."""
    from qgis.core import QgsVectorLayer

    from osp_erbm.processing_algs.common import parcels as parcel_layers
    layer = QgsVectorLayer(os.path.join(str(sample_data), "territoire.gpkg")
                           + "|layername=parcelles", "p", "ogr")
    ids = sorted({f["idpar"] for f in layer.getFeatures()})[:60]
    fetcher = parcel_layers.ParcelFetcher(layer, "idpar", "idpar")
    try:
        assert fetcher.plan == "spatialite"
        fetcher.prefetch(set(ids[:40]))
        fetcher.prefetch(set(ids[20:50]))
        assert [keys for keys, _ in fetcher.pending] == [set(ids[:40]), set(ids[40:50])]
        fetcher.prefetch(set(ids[10:30]))          # nothing new: nothing submitted
        assert len(fetcher.pending) == 2
        found = fetcher(set(ids))
    finally:
        fetcher.close()
    direct = parcel_layers.ParcelFetcher(layer, "idpar", "idpar")
    try:
        expected = direct(set(ids))
    finally:
        direct.close()
    assert set(found) == set(ids) and found == expected
