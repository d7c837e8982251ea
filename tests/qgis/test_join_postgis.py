"""The join with parcels and Fichiers fonciers locaux in a real PostGIS server
(started by the test run), as a team shares them."""
import os

from test_join_sample import truth_rows


def pg_uri(pg, table, geom="geom", key="fid"):
    from qgis.core import QgsDataSourceUri
    uri = QgsDataSourceUri()
    uri.setConnection(pg["host"], str(pg["port"]), pg["dbname"], pg["user"], "")
    uri.setDataSource("public", table, geom, "", key)
    return uri.uri(False)


def export(layer, uri):
    from qgis.core import QgsVectorLayerExporter
    error, message = QgsVectorLayerExporter.exportLayer(layer, uri, "postgres", layer.crs(),
                                                        False, {"overwrite": True})
    assert error == QgsVectorLayerExporter.NoError, message


def test_join_reads_parcels_and_locaux_from_postgis(qgis_app, sample_data, postgis):
    import processing
    from qgis.core import QgsVectorLayer
    sample = str(sample_data)
    parcels = QgsVectorLayer(os.path.join(sample, "territoire.gpkg") + "|layername=parcelles",
                             "p", "ogr")
    export(parcels, pg_uri(postgis, "parcelles"))
    locaux = QgsVectorLayer(os.path.join(sample, "pb0010_local.csv"), "l", "ogr")
    export(locaux, pg_uri(postgis, "pb0010_local", geom=None))
    postgis["psql"]("create index on parcelles (idpar); create index on pb0010_local (idlocal)")
    assert postgis["psql"]("select count(*) from parcelles").strip() == \
        str(parcels.featureCount())

    pg_parcels = QgsVectorLayer(pg_uri(postgis, "parcelles"), "parcelles", "postgres")
    pg_locaux = QgsVectorLayer(pg_uri(postgis, "pb0010_local", geom=None), "locaux", "postgres")
    assert pg_parcels.isValid() and pg_locaux.isValid()
    sheet = "mc_2019.ods"
    result = processing.run("osp:joinbailleurparcelles", {
        "INPUT": os.path.join(sample, "bailleurs", sheet), "PARCELS": pg_parcels,
        "LOCAUX": pg_locaux, "OUTPUT": "TEMPORARY_OUTPUT", "ANOMALIES": "TEMPORARY_OUTPUT"})
    out = {f["ligne_source"]: f for f in result["OUTPUT"].getFeatures()}
    polygons = {f["idpar"]: f.geometry() for f in parcels.getFeatures()}
    checked = 0
    for t in truth_rows(sample, sheet):
        if t["doublon"] == "1" or t["source"] == "adresse" or not t["source"]:
            continue  # no address layer in this run
        f = out[int(t["ligne"])]
        assert (f["geoloc_source"], f["idpar"]) == (t["source"], t["idpar"])
        assert polygons[t["idpar_reel"]].contains(f.geometry())
        checked += 1
    assert checked > 100
    assert result["OUTPUT"].crs().authid() == "EPSG:2154"
