"""Issue 25, points 10 and 11: where a row's point comes from decides where it is counted.

- a row the geocoder could place only at its commune comes out as a point at the commune;
  given back to osp:indicateurs_parc_social it is counted in its commune, never inside a
  sub-commune zone or a grid cell that happens to hold the commune's centre;
- the file's own X/Y are not believed blindly: swapped latitude / longitude, 0/0, 1e300,
  Lambert-93 values declared in degrees, a point in another commune are anomalies and the
  row is placed by its address (real Bondy BAN)."""
import sqlite3

from conftest import shared_path


def run(algorithm, params):
    import processing
    return processing.run(algorithm, params)


def rows_of(gpkg, table):
    with sqlite3.connect(gpkg) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute('SELECT * FROM "%s"' % table)]


def _square(path, code_field, code, x0, y0, size):
    from qgis.core import (
        QgsFeature,
        QgsField,
        QgsGeometry,
        QgsProject,
        QgsRectangle,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    from osp_erbm.processing_algs.common import qt_compat
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154", "zones", "memory")
    layer.dataProvider().addAttributes([QgsField(code_field, qt_compat.STRING)])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes([code])
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x0 + size, y0 + size)))
    layer.dataProvider().addFeatures([feature])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, QgsProject.instance()
                                              .transformContext(), options)
    return path


def test_commune_level_points_are_not_counted_in_zones_nor_cells(qgis_app, tmp_path):
    """30 dwellings of Lens without a usable address: the geocoder puts them on the commune's
    point, inside a QPV and a 1 km cell; the indicators read from the geocoder's output count
    them in Lens only."""
    communes = _square(str(tmp_path / "communes.gpkg"), "insee", "62498", 686000, 7033000,
                       2000)
    qpv = _square(str(tmp_path / "qpv.gpkg"), "code_qp", "QP062001", 686500, 7033500, 1000)
    rpls = tmp_path / "rpls.csv"
    rpls.write_text("DEPCOM;NUMVOIE;TYPVOIE;NOMVOIE;NBPIECE\n" + "".join(
        "62498;%d;RUE;INCONNUE %d;3\n" % (n, n) for n in range(1, 31)), encoding="utf-8")
    geocoded = str(tmp_path / "geocode.gpkg")
    done = run("osp:geocoder_rpls", {"INPUT": str(rpls), "COMMUNES": communes,
                                     "OUTPUT": geocoded})
    assert done["N_COMMUNE"] == 30
    points = rows_of(geocoded, "geocode")
    assert {p["geoloc_precision"] for p in points} == {"commune"}
    out = str(tmp_path / "indicateurs.gpkg")
    run("osp:indicateurs_parc_social", {"RPLS": geocoded, "ZONES": [qpv], "GRID_SIZE": 1000,
                                        "COMMUNES": communes, "OUTPUT": out})
    lens = next(r for r in rows_of(out, "communes") if r["code"] == "62498")
    assert lens["logements"] == 30
    zone = [r for r in rows_of(out, "zones_qpv") if r["code"] == "QP062001"]
    assert not zone or zone[0]["logements"] in (0, None)
    with sqlite3.connect(out) as db:
        tables = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
    cells = rows_of(out, "carreaux_1000m") if "carreaux_1000m" in tables else []
    assert sum(r["logements"] or 0 for r in cells if r["code"] != "ENSEMBLE") == 0


def test_file_points_at_the_address_keep_their_precision(qgis_app, tmp_path):
    """The geocoder's output read again: points found at the number stay « numero » (and
    count in zones), those at the commune stay « commune »."""
    ban = tmp_path / "ban.csv"
    ban.write_text("numero;rep;nom_voie;code_insee;x;y\n" + "".join(
        "%d;;Rue des Mineurs;62498;%d;7034000\n" % (n, 686500 + 10 * n) for n in range(1, 21)),
        encoding="utf-8")
    rpls = tmp_path / "rpls.csv"
    rpls.write_text("DEPCOM;NUMVOIE;TYPVOIE;NOMVOIE;NBPIECE\n" + "".join(
        "62498;%d;R;DES MINEURS;3\n" % n for n in range(1, 21)) +
        "62498;5;RUE;INCONNUE;2\n", encoding="utf-8")
    geocoded = str(tmp_path / "geocode.gpkg")
    first = run("osp:geocoder_rpls", {"INPUT": str(rpls), "ADDRESSES": str(ban),
                                      "OUTPUT": geocoded})
    again = run("osp:geocoder_rpls", {"INPUT": geocoded, "OUTPUT": str(tmp_path / "g2.gpkg")})
    assert (first["N_NUMERO"], first["N_COMMUNE"]) == (20, 1)
    assert (again["N_NUMERO"], again["N_COMMUNE"], again["N_XY_SOURCE"]) == (20, 1, 0)


def test_coordinates_that_cannot_be_true_fall_back_to_the_address(qgis_app, tmp_path):
    import pandas as pd
    raw = pd.read_csv(shared_path("adresses", "ban_adresses_93010.csv"), dtype=str,
                      keep_default_na=False)
    raw = raw[raw["rep"] == ""].drop_duplicates(["numero", "nom_voie"], keep=False).head(8)
    cases = []
    for n, row in enumerate(raw.itertuples(index=False)):
        x, y, epsg, why = {
            0: (row.lon, row.lat, "4326", None),                 # right
            1: (row.lat, row.lon, "4326", "domaine"),            # latitude and longitude swapped
            2: ("0", "0", "4326", "domaine"),                    # 0/0
            3: ("1e300", "1e300", "2154", "domaine"),            # nonsense
            4: (row.x, row.y, "4326", "domaine"),                # Lambert 93 said to be degrees
            5: (str(float(row.x) + 6000), row.y, "2154", "commune"),   # 6 km away: not Bondy
            6: (row.x, row.y, "2154", None),                     # right
            7: (row.x, row.y, "", None)}[n]                      # right, Lambert 93 by default
        cases.append((row, x, y, epsg, why))
    rpls = tmp_path / "rpls.csv"
    rpls.write_text("DEPCOM;NUMVOIE;TYPVOIE;NOMVOIE;NBPIECE;X;Y;EPSG\n" + "".join(
        "93010;%s;;%s;3;%s;%s;%s\n" % (row.numero, row.nom_voie, x, y, epsg)
        for row, x, y, epsg, _ in cases), encoding="utf-8")
    out = str(tmp_path / "g.gpkg")
    result = run("osp:geocoder_rpls", {
        "INPUT": str(rpls), "ADDRESSES": shared_path("adresses", "ban_adresses_93010.csv"),
        "OUTPUT": out})
    assert (result["N_XY_SOURCE"], result["N_NUMERO"], result["N_NON_LOCALISE"]) == (3, 5, 0)
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(out, "g", "ogr")
    by_line = {f["ligne"]: f for f in layer.getFeatures()}
    for n, (row, _, _, _, why) in enumerate(cases, start=2):
        feature = by_line[n]
        point = feature.geometry().asPoint()
        assert abs(point.x() - float(row.x)) < 1.0 and abs(point.y() - float(row.y)) < 1.0, n
        problems = feature["anomalies"] or ""
        if why is None:
            assert feature["geoloc_precision"] == "xy_source" and "X/Y" not in problems, n
        else:
            assert feature["geoloc_precision"] == "numero", n
            assert ("hors du domaine" if why == "domaine" else "hors de la commune") in \
                problems, (n, problems)
