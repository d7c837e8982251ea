"""Flat parcel files (GeoJSON, shapefile, EDIGEO…) converted once into an indexed
GeoPackage, then looked up in SQL like any GeoPackage (issue #12).

Measured (``make bench``, 300 000 parcels in GeoJSON): the provider's path reads the whole
file for every join (31.5 s); the conversion costs 15.4 s once, each join then 18.2 s (14 of
them QGIS opening the GeoJSON layer it was given): the first join on a file costs 7 % more,
every later one 1.7 times less — the copy wins from the second sheet joined to the same
cadastre.  The copy is kept in the QGIS profile (``osp_erbm/cache_parcelles``)
and reused while the source is unchanged (path, size, modification time of the file and of
its companions: ``.dbf``/``.shx`` of a shapefile, the other files of an EDIGEO sheet);
a changed source gets a new copy, the stale one is removed."""
import glob
import hashlib
import os
import sqlite3

from osgeo import gdal
from qgis.core import QgsApplication, QgsMessageLog

from ...osp_qgis.storage.sqlplan import connect, quoted

TABLE = "parcelles"


def cache_folder():
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "osp_erbm", "cache_parcelles")


def source_state(path):
    """``[(file name, size, mtime)]`` of the file and its companions."""
    folder, name = os.path.split(os.path.abspath(path))
    stem = os.path.splitext(name)[0].lower()
    whole_folder = name.lower().endswith(".thf")    # EDIGEO: the sheet's files together
    state = []
    for other in sorted(os.listdir(folder)):
        full = os.path.join(folder, other)
        if os.path.isfile(full) and (whole_folder or os.path.splitext(other)[0].lower() == stem):
            info = os.stat(full)
            state.append((other, info.st_size, info.st_mtime_ns))
    return state


def _digest(value):
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()[:16]


def cached_parcels(path, layer_name, field, feedback=None):
    """``(GeoPackage path, table)`` holding the parcels of layer ``layer_name`` (or the
    only one) of the file ``path`` (``field`` and geometry) with ``field`` indexed,
    converted now if needed; ``None`` when ``path`` is not a plain file (a service) or the
    conversion fails (the caller keeps the provider's path)."""
    if not path or not os.path.isfile(path):
        return None
    folder = cache_folder()
    source = _digest((os.path.abspath(path), layer_name, field))
    target = os.path.join(folder, "%s_%s.gpkg" % (source, _digest(source_state(path))))
    if os.path.exists(target):
        if feedback is not None:
            feedback.pushInfo("Copie GeoPackage indexée de « %s » réutilisée (fichier "
                              "inchangé)." % os.path.basename(path))
        return target, TABLE
    if feedback is not None:
        feedback.pushInfo("Conversion de « %s » en GeoPackage indexé (une fois : la copie "
                          "sert tant que le fichier ne change pas)…" % os.path.basename(path))
    partial = os.path.join(folder, "en_cours_" + os.path.basename(target))
    try:
        os.makedirs(folder, exist_ok=True)
        _convert(path, layer_name, field, partial, feedback)
        for stale in glob.glob(os.path.join(folder, source + "_*.gpkg")):
            os.remove(stale)
        os.replace(partial, target)
    except (OSError, RuntimeError, ValueError, sqlite3.Error) as error:
        message = "Copie GeoPackage de « %s » impossible (%s) : lecture directe du fichier." \
            % (os.path.basename(path), error)
        QgsMessageLog.logMessage(message, "OSP ERBM")
        if feedback is not None:
            feedback.pushInfo(message)
        if os.path.exists(partial):
            os.remove(partial)
        return None
    return target, TABLE


def _convert(path, layer_name, field, target, feedback):
    cancelled = feedback.isCanceled if feedback is not None else (lambda: False)

    def progress(done, message, data):
        if feedback is not None:
            feedback.setProgressText("Conversion des parcelles : %d %%" % (100 * done))
        return 0 if cancelled() else 1

    result = gdal.VectorTranslate(target, path, format="GPKG", layerName=TABLE,
                                  layers=[layer_name] if layer_name else None,
                                  selectFields=[field], callback=progress)
    if result is None:
        raise RuntimeError("GDAL n'a pas converti le fichier")
    result = None   # closes the file
    if cancelled():
        raise RuntimeError("conversion annulée")
    connection = connect(target, readonly=False)
    try:
        with connection:
            connection.execute("CREATE INDEX %s ON %s (%s)" % (
                quoted("osp_%s_id" % TABLE), quoted(TABLE), quoted(field)))
    finally:
        connection.close()
