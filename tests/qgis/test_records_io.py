"""Dwelling records read from a GeoPackage by SQLite, column by column
(processing_algs/records_io.gpkg_records), equal those QGIS's provider gives, value by value
and point by point, on a table written by GDAL with awkward columns: texts in date and
integer columns, numbers in text fields, dates with and without milliseconds or time
zone, NULLs, empty texts, accents, missing points, a second table.  Columns SQLite would
read otherwise (a boolean) and layers the file does not describe alone (a filter, unsaved
edits) go through the provider."""
import datetime
import random

import pytest


def write_gpkg(path, rows, table="logements", extra_tables=(), boolean=False):
    from osgeo import ogr, osr
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(path) if not __import__("os").path.exists(path) \
        else ogr.Open(path, 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    for name in (table,) + tuple(extra_tables):
        layer = source.CreateLayer(name, srs, ogr.wkbPoint)
        for field, kind in (("ident_rep", ogr.OFTString), ("Bailleur", ogr.OFTString),
                            ("annee_financ", ogr.OFTInteger), ("date_os", ogr.OFTDate),
                            ("date_fin", ogr.OFTString), ("date_maj", ogr.OFTDateTime),
                            ("num_decision", ogr.OFTInteger), ("idcom", ogr.OFTReal),
                            ("intitule", ogr.OFTString), ("autre", ogr.OFTString)):
            definition = ogr.FieldDefn(field, kind)
            if boolean and field == "intitule":
                definition = ogr.FieldDefn(field, ogr.OFTInteger)
                definition.SetSubType(ogr.OFSTBoolean)
            layer.CreateField(definition)
        for row in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for field, value in row.items():
                if field == "xy":
                    continue
                if value is None:
                    feature.SetFieldNull(field)
                elif boolean and field == "intitule":
                    feature.SetField(field, 1)
                else:
                    feature.SetField(field, value)
            if row.get("xy") is not None:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(*row["xy"])
                feature.SetGeometry(point)
            assert layer.CreateFeature(feature) == 0
    source = None


def hostile_rows(n=400, seed=7):
    rng = random.Random(seed)
    landlords = ["Maisons & Cités", "SIA Habitat", "Pas-de-Calais habitat", "", None]
    rows = []
    for i in range(n):
        rows.append({
            "ident_rep": rng.choice(["%010d" % i, "=CMD()", "  %d " % i, "", None]),
            "Bailleur": rng.choice(landlords),
            "annee_financ": rng.choice([2019, 2020, None, 0]),
            "date_os": rng.choice(["2021-03-04", None, "2020-12-31"]),
            "date_fin": rng.choice(["04/03/2021", "2021/03/04", "bientôt", "", None,
                                    "31-12-2022"]),
            "date_maj": rng.choice([None, "2026-12-02T15:13:04.250Z", "2026-12-02 10:00:00",
                                    "2026-01-31T23:59:59Z"]),
            "num_decision": rng.choice([None, 12, 0, -3]),
            "idcom": rng.choice([None, 62498.0, 59350.5]),
            "intitule": rng.choice(["Cité du 4", "é" * 300, None]),
            "autre": "pas lu",
            "xy": None if rng.random() < 0.1 else (rng.uniform(6e5, 7e5), rng.uniform(7e6, 7.1e6)),
        })
    return rows


def same_records(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert x["values"] == y["values"]
        if x["geometry"] is None:
            assert y["geometry"] is None
        else:
            assert x["geometry"].asWkt(17) == y["geometry"].asWkt(17)


@pytest.fixture()
def hostile(qgis_app, tmp_path):
    path = str(tmp_path / "hostile.gpkg")
    write_gpkg(path, hostile_rows(), extra_tables=("autre_table",))
    return path


def test_sqlite_reading_equals_the_provider(hostile):
    from qgis.core import QgsVectorLayer

    from osp_erbm.processing_algs.common import records_io
    for table in ("logements", "autre_table"):
        layer = QgsVectorLayer("%s|layername=%s" % (hostile, table), "t", "ogr")
        assert layer.isValid()
        for extra, names, geometry in (((), None, True), ((("autre", "string"),), None, True),
                                       ((), {"date_maj", "ident_rep"}, False)):
            plan = records_io._read_plan(layer, extra, names)
            direct = records_io.gpkg_records(layer, plan, geometry)
            assert direct is not None, "the SQLite path must take this table"
            same_records(direct, records_io.provider_records(layer, plan, geometry))
            same_records(direct, records_io.read_records(layer, extra=extra, names=names,
                                                         geometry=geometry))
    records = records_io.read_records(QgsVectorLayer(hostile + "|layername=logements", "t",
                                                     "ogr"))
    values = [r["values"] for r in records]
    # what each awkward column became (an independent reading of hostile_rows)
    assert {v["date_maj"] for v in values} == {
        None, datetime.datetime(2026, 12, 2, 15, 13, 4, 250000),
        datetime.datetime(2026, 12, 2, 10, 0), datetime.datetime(2026, 1, 31, 23, 59, 59)}
    assert {v["date_fin"] for v in values} == {datetime.date(2021, 3, 4),
                                               datetime.date(2022, 12, 31), None}
    assert {v["idcom"] for v in values} == {None, "62498.0", "59350.5"}
    assert {v["num_decision"] for v in values} == {None, "12", "0", "-3"}
    assert "=CMD()" in {v["ident_rep"] for v in values}
    assert sum(1 for r in records if r["geometry"] is None) == \
        sum(1 for row in hostile_rows() if row["xy"] is None)


def test_columns_or_layers_sqlite_would_read_otherwise_go_through_the_provider(qgis_app,
                                                                                tmp_path,
                                                                                hostile):
    from qgis.core import QgsVectorLayer

    from osp_erbm.processing_algs.common import records_io
    path = str(tmp_path / "booleen.gpkg")
    write_gpkg(path, hostile_rows(50), boolean=True)
    layer = QgsVectorLayer(path, "b", "ogr")
    plan = records_io._read_plan(layer)
    assert records_io.gpkg_records(layer, plan) is None
    assert {r["values"]["intitule"] for r in records_io.read_records(layer)} == {"True", None}

    filtered = QgsVectorLayer(hostile + "|layername=logements", "f", "ogr")
    filtered.setSubsetString("annee_financ = 2020")
    assert records_io.gpkg_records(filtered, records_io._read_plan(filtered)) is None
    assert {r["values"]["annee_financ"] for r in records_io.read_records(filtered)} == {2020}

    edited = QgsVectorLayer(hostile + "|layername=logements", "e", "ogr")
    assert edited.startEditing()
    first = next(edited.getFeatures())
    assert edited.changeAttributeValue(first.id(), edited.fields().lookupField("Bailleur"),
                                       "Modifié non enregistré")
    assert records_io.gpkg_records(edited, records_io._read_plan(edited)) is None
    assert records_io.read_records(edited)[0]["values"]["bailleur"] == "Modifié non enregistré"
    edited.rollBack()


def test_quotes_and_sql_in_the_table_name_are_only_a_name(qgis_app, tmp_path):
    import sqlite3

    from qgis.core import QgsVectorLayer

    from osp_erbm.processing_algs.common import records_io
    path = str(tmp_path / "piege.gpkg")
    name = 'lo"g\'; DROP TABLE autre_table; --'
    write_gpkg(path, hostile_rows(60), table=name, extra_tables=("autre_table",))
    layer = QgsVectorLayer("%s|layername=%s" % (path, name), "t", "ogr")
    assert layer.isValid()
    plan = records_io._read_plan(layer)
    direct = records_io.gpkg_records(layer, plan)
    assert direct is not None and len(direct) == 60
    same_records(direct, records_io.provider_records(layer, plan))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM autre_table").fetchone()[0] == 60


def test_completed_records_hold_every_asked_field_and_nothing_else_changes(hostile):
    """``complete``: the asked fields are keys of every record (``None`` where the layer
    has no such field, the layer's value where it has one), through SQLite and through
    the provider; every other value is the one read without it."""
    from qgis.core import QgsVectorLayer

    from osp_erbm.processing_algs.common import records_io
    layer = QgsVectorLayer(hostile + "|layername=logements", "t", "ogr")
    complete = ("statut", "id_osp", "bailleur", "l_id_cite")
    plain = records_io.read_records(layer)
    plan = records_io._read_plan(layer)
    for records in (records_io.read_records(layer, complete=complete),
                    records_io.provider_records(layer, plan, True, None, complete)):
        assert len(records) == len(plain)
        for got, before in zip(records, plain):
            assert set(got["values"]) == set(before["values"]) | set(complete)
            for name, value in got["values"].items():
                assert value == before["values"].get(name)
            assert got["values"]["statut"] is None and got["values"]["id_osp"] is None
        # a field the layer has (as « Bailleur ») keeps its values
        assert "Maisons & Cités" in {r["values"]["bailleur"] for r in records}


def test_record_columns_are_the_fields_of_each_record_whether_complete_or_not(qgis_app):
    """:class:`RecordColumns` reads records holding every field in one call per record and
    falls back to one field at a time when some lack a field: the same columns, in the
    analyse order, dates as GeoPackage text, compared with a reading field by field."""
    from osp_erbm.osp_qgis.logements import analyse
    from osp_erbm.processing_algs.common import records_io
    rng = random.Random(3)
    names = [name for name, _, _ in analyse.FIELDS]
    full, partial = [], []
    for n in range(1000):
        values = {name: rng.choice([None, "t%d" % rng.randrange(9), n]) for name in names}
        values["date_os"] = values["date_fin"] = rng.choice([None, datetime.date(2021, 3, 4)])
        values["date_maj"] = datetime.datetime(2026, 12, 3, 6, 7, 8, 9000)
        full.append({"values": values, "geometry": (float(n), 2.0 * n)})
        shorter = dict(values)
        if n % 7 == 0:
            del shorter["info"]
        partial.append({"values": shorter, "geometry": None})
    for records in (full, partial, []):
        chunks = list(records_io.RecordColumns(records).chunks(300))
        assert len(chunks) == (len(records) + 299) // 300
        for n, name in enumerate(names):
            got = [v for columns, _ in chunks for v in columns[n]]
            expected = [r["values"].get(name) for r in records]
            if name in ("date_os", "date_fin"):
                expected = [None if v is None else "2021-03-04" for v in expected]
            if name == "date_maj":
                expected = ["2026-12-03T06:07:08.009"] * len(records)
            assert got == expected, name
        assert [p for _, points in chunks for p in points] == \
            [r["geometry"] for r in records]
