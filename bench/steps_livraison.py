"""A delivery at the scale of a département (make bench): the analyse layer repeated to
420 000 dwellings (new ids, shifted points), delivered by osp:livrables in its ten formats
in Lambert 93 CC50 — Excel 97 over seven sheets through LibreOffice."""
import os
import time

from osgeo import ogr

DWELLINGS = 420000


def source(work):
    return os.path.join(work, "livraison_420k.gpkg")


def step_setup_livraison(data, work, analyse_layer):
    """The 420 k-dwelling layer, from the bench's analyse layer repeated (OGR only)."""
    path = source(work)
    if os.path.exists(path):
        os.remove(path)
    gpkg, table = analyse_layer(work).split("|layername=")
    origin = ogr.Open(gpkg)
    layer = origin.GetLayerByName(table)
    target = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    out = target.CreateLayer("analyse_logement", layer.GetSpatialRef(), layer.GetGeomType())
    definition = layer.GetLayerDefn()
    for i in range(definition.GetFieldCount()):
        out.CreateField(definition.GetFieldDefn(i))
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    count, copy, t = layer.GetFeatureCount(), 0, time.perf_counter()
    target.StartTransaction()
    while copy * count < DWELLINGS:
        layer.ResetReading()
        for feature in layer:
            n = copy * count + feature.GetFID()
            if copy * count + count > DWELLINGS and n > DWELLINGS:
                break
            new = ogr.Feature(out.GetLayerDefn())
            new.SetFrom(feature)
            if "id_osp" in names:
                new.SetField("id_osp", n)
            geometry = feature.GetGeometryRef()
            if geometry is not None and copy:
                moved = geometry.Clone()
                moved.SetPoint_2D(0, geometry.GetX() + 50.0 * copy, geometry.GetY())
                new.SetGeometry(moved)
            out.CreateFeature(new)
        copy += 1
    target.CommitTransaction()
    written = out.GetFeatureCount()
    target = None
    return {"seconds": time.perf_counter() - t, "dwellings": written}


def step_livraison(data, work, run, fresh):
    t = time.perf_counter()
    result = run("osp:livrables", {
        "LAYERS": [source(work) + "|layername=analyse_logement"],
        "FORMATS": "gpkg,tab,mif,shp,dxf,geojson,csv,xlsx,xls,ods", "CRS": "EPSG:3950",
        "NAME": "livraison_bench", "OUTPUT_FOLDER": fresh(os.path.join(work, "livraison"))})
    return {"seconds": time.perf_counter() - t, "files": result["N_FILES"],
            "anomalies": result["N_ANOMALIES"]}
