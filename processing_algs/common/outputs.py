"""Writing an algorithm's layers so that what is reported is what is on disk.

:class:`Outputs` is used as a context manager around all the sinks of a run:

* before a file is created, its folder is checked (exists, writable: a probe file is
  written, so a read-only mount is seen even by an administrator);
* features are added in batches and every refusal of the provider stops the run;
* text that a spreadsheet would run as a formula is neutralised in CSV outputs
  (:mod:`osp_qgis.storage.textsafe`);
* when the block ends, each output is re-opened and its features counted (a CSV
  must also end with a complete line, a GeoPackage pass SQLite's check);
* on any error, everything the run created is removed: the user never gets half
  the results with an exit status of success.
"""
import locale
import os
import sqlite3
import uuid
from itertools import chain

from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...osp_qgis import files
from ...osp_qgis.files import french_os_error
from ...osp_qgis.storage import csv_write, gpkg_write, sqlplan
from ...osp_qgis.storage.sqlplan import connect
from ...osp_qgis.storage.textsafe import csv_text
from . import qt_compat

TEXT_EXTENSIONS = (".csv", ".tsv", ".txt")
BATCH = 5000
# field types a CSV file written by osp_qgis.storage.csv_write keeps as QGIS's writer does
CSV_FIELD_TYPES = (qt_compat.STRING, qt_compat.INT, qt_compat.LONG)


def destination_file(destination):
    """``(file path, layer name or None)`` of a file destination; ``(None, None)`` for
    memory layers and databases."""
    if not destination or destination == "TEMPORARY_OUTPUT" or destination.startswith(
            ("memory:", "postgres", "postgis", "spatialite:", "oracle:", "mssql:")):
        return None, None
    uri = destination[4:] if destination.startswith("ogr:") else destination
    if "dbname=" in uri:
        parsed = QgsDataSourceUri(uri)
        return parsed.database(), parsed.table() or None
    if "|" not in uri or os.path.exists(uri):  # QGIS 3.22 keeps « |… » in sink file names
        return uri, None
    path, _, rest = uri.partition("|")
    layer = None
    for part in rest.split("|"):
        if part.startswith("layername="):
            layer = part[len("layername="):]
    return path, layer


def sink_layer_name(path):
    """The table QGIS made in the GeoPackage ``path`` when no layer name was given: the only
    feature table of a new file, else the file's name up to its *first* dot (QGIS's
    ``QFileInfo.baseName``: « logements_2021.12.gpkg » holds « logements_2021 »)."""
    try:
        connection = sqlite3.connect("file:%s?mode=ro" % path.replace("?", "%3F"), uri=True)
        try:
            names = [r[0] for r in connection.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', "
                "'attributes') ORDER BY rowid")]
        finally:
            connection.close()
    except sqlite3.Error:
        names = []
    base = os.path.basename(path).split(".", 1)[0]
    if base not in names and len(names) == 1:
        return names[0]
    return base


DATABASE_PREFIXES = (("postgis:", "postgres"), ("postgres:", "postgres"),
                     ("spatialite:", "spatialite"))


def written_layer(destination, context, name="verification"):
    """The layer a sink wrote to ``destination`` (a database table named with its
    provider's prefix, as Processing gives it back, or anything Processing can find)."""
    for prefix, provider in DATABASE_PREFIXES:
        if destination.startswith(prefix):
            return QgsVectorLayer(destination[len(prefix):], name, provider)
    return QgsProcessingUtils.mapLayerFromString(destination, context)


def _chunks(items, size):
    chunk, start = [], 0
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield start, chunk
            start, chunk = start + size, []
    if chunk:
        yield start, chunk


def point_xy(geometry):
    """``(x, y)`` of a point geometry (a tuple already, or a QgsGeometry), else None."""
    if geometry is None or isinstance(geometry, tuple):
        return geometry
    if geometry.isEmpty():
        return None
    point = geometry.asPoint()
    return (point.x(), point.y())


def check_folder_writable(path, label):
    """A French QgsProcessingException unless a file can be created beside ``path``."""
    try:
        files.check_folder_writable(path, label)
    except files.FileProblem as problem:
        raise QgsProcessingException(str(problem))


def remove_file(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            try:
                os.remove(path + suffix)
            except OSError:
                pass


def ends_with_newline(path):
    """A text file whose last line is complete (a CSV cut by a full disk is not)."""
    if os.path.getsize(path) == 0:
        return False
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) in (b"\n", b"\r")


def is_text_output(destination):
    path, _ = destination_file(destination)
    return bool(path) and path.lower().endswith(TEXT_EXTENSIONS)


def gpkg_check(path):
    """SQLite's own check of a GeoPackage: '' when sound, else the reason."""
    try:
        connection = connect(path, timeout=5)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    return "" if result == "ok" else result


class Outputs:
    """The sinks of one run; see the module's docstring."""

    def __init__(self, algorithm, parameters, context, feedback=None):
        self.algorithm, self.parameters = algorithm, parameters
        self.context, self.feedback = context, feedback
        self.written = []  # [(parameter, destination id, expected count, file, layer, created)]

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if kind is None:
            try:
                self.verify()
            except Exception:
                self.discard()
                raise
            return False
        self.discard()
        return False

    def destination(self, name):
        """Where parameter ``name`` will be written (before anything is created)."""
        return self.algorithm.parameterAsOutputLayer(self.parameters, name, self.context)

    def check_folders(self, *names):
        """Check every file destination's folder before the first one is created."""
        for name in names:
            path, _ = destination_file(self.destination(name))
            if path:
                check_folder_writable(path, self._label(name))

    def _label(self, name):
        definition = self.algorithm.parameterDefinition(name)
        return definition.description() if definition is not None else name

    def write(self, name, fields, wkb_type, crs, features, expected=None, progress=None,
              points=False):
        """Create the sink of parameter ``name`` and write ``features`` (an iterable of
        QgsFeature, or of attribute lists with an optional geometry: ``(attrs, geom)``).
        Returns the destination id.  ``expected`` is the number of features, checked
        on disk at the end (default: how many were written).

        ``points``: ``features`` are ``(attrs, (x, y) or None)``; into a GeoPackage file
        they are then written in bulk (one SQLite transaction, the layer created by QGIS
        first), elsewhere through the sink."""
        target = self.destination(name)
        path, layer_name = destination_file(target)
        created = False
        if path:
            check_folder_writable(path, self._label(name))
            created = not os.path.exists(path)
        try:
            sink, dest = self.algorithm.parameterAsSink(
                self.parameters, name, self.context, fields, wkb_type,
                crs if crs is not None else QgsCoordinateReferenceSystem())
        except QgsProcessingException as error:
            if created and path:
                remove_file(path)      # what the format's driver began: nothing half-written
            raise QgsProcessingException("Impossible de créer « %s » : le format refuse cette "
                                         "table (raison donnée par GDAL : %s)."
                                         % (path or target, error))
        if sink is None:
            if created and path:
                remove_file(path)
            raise QgsProcessingException("Impossible de créer la sortie « %s »." % (path or target))
        if path:
            path_after, layer_after = destination_file(dest)
            path, layer_name = path_after or path, layer_after or layer_name
        record = [name, dest, 0, path, layer_name, created]
        self.written.append(record)
        direct = None   # a writer filling the file QGIS made (fields, CRS, spatial index)
        if points and path and path.lower().endswith(".gpkg"):
            direct = self._bulk_points
        elif self._plain_csv(path, fields, wkb_type):
            first, features = _peek(features)
            if first is not None and not isinstance(first, QgsFeature):
                direct = self._csv_rows
        if direct is not None:
            del sink
            record[2] = direct(path, layer_name, fields, features, progress, record)
            if expected is not None:
                record[2] = expected
            return dest
        safe = is_text_output(dest)
        string_indexes = [i for i, f in enumerate(fields) if f.type() == qt_compat.STRING
                          or f.typeName().lower() in ("string", "text", "varchar")] \
            if safe else []   # a field made with its type only has no type name
        batch, count = [], 0
        def safe(attributes):   # text a spreadsheet will not evaluate
            attributes = list(attributes)
            for i in string_indexes:
                attributes[i] = csv_text(attributes[i])
            return attributes

        for item in features:
            if isinstance(item, QgsFeature):
                feature = item
                if string_indexes:
                    feature.setAttributes(safe(feature.attributes()))
            else:   # attributes made safe before the feature is built: one conversion
                feature = self._feature(fields, item, safe if string_indexes else None)
            batch.append(feature)
            if len(batch) == BATCH:
                self._add(sink, batch, record)
                count += len(batch)
                batch = []
                if progress is not None:
                    progress(count)
        self._add(sink, batch, record)
        count += len(batch)
        del sink  # closes and flushes the file
        record[2] = count if expected is None else expected
        return dest

    def _plain_csv(self, path, fields, wkb_type):
        """A CSV file of text and integer fields without geometry, in UTF-8: rows are
        then written by :mod:`osp_qgis.storage.csv_write` rather than feature by feature."""
        return bool(path) and path.lower().endswith(".csv") \
            and writes_utf8(self.context.defaultEncoding()) \
            and wkb_type == QgsWkbTypes.Type.NoGeometry \
            and all(f.type() in CSV_FIELD_TYPES for f in fields)

    def _csv_rows(self, path, layer_name, fields, rows, progress, record):
        try:
            return csv_write.write_rows(path, fields.names(), rows, progress, BATCH)
        except OSError as error:
            raise QgsProcessingException("Écriture de « %s » interrompue : %s" % (
                record[3] or record[1], french_os_error(error)))

    def _bulk_points(self, path, layer_name, fields, features, progress, record):
        table = layer_name or sink_layer_name(path)
        cancelled = self.feedback.isCanceled if self.feedback is not None else None
        try:
            return gpkg_write.bulk_insert_points(path, table, fields.names(), features,
                                                 progress, cancelled)
        except KeyboardInterrupt:
            raise QgsProcessingException("Traitement annulé : rien n'a été écrit.")
        except sqlplan.PlanError:   # no SpatiaLite here: QGIS's own writer
            layer = QgsVectorLayer("%s|layername=%s" % (path, table), "sortie", "ogr")
            count = 0
            for start, chunk in _chunks(features, BATCH):
                self._add(layer.dataProvider(), [self._feature(fields, item) for item in chunk],
                          record)
                count += len(chunk)
            return count
        except sqlite3.Error as error:
            raise QgsProcessingException("Écriture de « %s » interrompue : %s" % (
                record[3] or record[1], error))

    @staticmethod
    def _feature(fields, item, transform=None):
        attributes, geometry = item if isinstance(item, tuple) else (item, None)
        feature = QgsFeature(fields)
        feature.setAttributes(list(attributes) if transform is None else transform(attributes))
        if isinstance(geometry, tuple):
            geometry = QgsGeometry.fromPointXY(QgsPointXY(*geometry))
        if geometry is not None:
            feature.setGeometry(geometry)
        return feature

    def _add(self, sink, batch, record):
        if batch and not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
            reason = sink.lastError() if hasattr(sink, "lastError") else ""
            raise QgsProcessingException("Écriture de « %s » interrompue : %s" % (
                record[3] or record[1], reason or "le fournisseur a refusé les entités "
                                                  "(support plein ou protégé ?)"))

    def verify(self):
        """Every output re-opened: present, readable, complete."""
        for name, dest, expected, path, layer_name, _ in self.written:
            label = path or dest
            if path and not os.path.exists(path):
                raise QgsProcessingException("« %s » n'a pas été écrit (support plein ou protégé ?)." % label)
            if path and path.lower().endswith(TEXT_EXTENSIONS) and not ends_with_newline(path):
                raise QgsProcessingException("« %s » est incomplet : sa dernière ligne est coupée (support "
                                  "plein ?)." % label)
            if path and path.lower().endswith(".gpkg"):
                problem = gpkg_check(path)
                if problem:
                    raise QgsProcessingException("Le GeoPackage « %s » écrit est endommagé (%s) : support "
                                      "plein ?" % (label, problem))
            count = self._count(dest, path, layer_name)
            if count != expected:
                raise QgsProcessingException("« %s » contient %s entités au lieu de %d : écriture incomplète."
                                  % (label, "aucune" if count is None else count, expected))

    def _count(self, dest, path, layer_name):
        if path:
            uri = path if not layer_name else "%s|layername=%s" % (path, layer_name)
            layer = QgsVectorLayer(uri, "verification", "ogr")
            try:
                return layer.featureCount() if layer.isValid() else None
            finally:
                del layer
        layer = written_layer(dest, self.context)
        return layer.featureCount() if layer is not None and layer.isValid() else None

    def discard(self):
        """Remove what this run created (whole files it created; its own layer inside a
        GeoPackage that existed before)."""
        for name, dest, _, path, layer_name, created in self.written:
            if not path:
                continue
            if created or not layer_name or not path.lower().endswith(".gpkg"):
                remove_file(path)
                continue
            try:
                dataset = ogr.Open(path, 1)
                if dataset is not None:
                    for i in range(dataset.GetLayerCount()):
                        if dataset.GetLayer(i).GetName() == layer_name:
                            dataset.DeleteLayer(i)
                            break
                dataset = None
            except Exception:  # best effort: the error already reported matters more
                pass
        self.written = []



def writes_utf8(encoding):
    """Whether a QGIS file writer given ``encoding`` (a Processing context's: a name,
    « System » or empty) writes UTF-8: « System » is the encoding of the locale."""
    name = (encoding or "").strip().lower()
    if name in ("", "system"):
        name = locale.getpreferredencoding(False).lower()
    return name.replace("-", "").replace("_", "") == "utf8"


def _peek(items):
    """``(first item or None, the same items)`` of an iterable."""
    items = iter(items)
    for first in items:
        return first, chain((first,), items)
    return None, iter(())


class AtomicFiles:
    """Files written beside their target and moved into place together at the end:
    a failed run leaves the previous files as they were and no half-written one.

        with AtomicFiles() as files:
            write(files.temporary(xlsx)); write(files.temporary(html))
    """

    def __init__(self):
        self.pending = []  # [(temporary, target)]

    def temporary(self, target, label=None):
        check_folder_writable(target, label or os.path.basename(target))
        base, ext = os.path.splitext(os.path.basename(target))
        temporary = os.path.join(os.path.dirname(os.path.abspath(target)),
                                 ".%s.osp-%d-%s.tmp%s" % (base, os.getpid(), uuid.uuid4().hex[:8],
                                                           ext))
        self.pending.append((temporary, target))
        return temporary

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        try:
            if kind is None:
                for temporary, target in self.pending:
                    try:
                        os.replace(temporary, target)
                    except OSError as error:
                        raise QgsProcessingException(
                            "« %s » ne peut pas être remplacé : %s (fichier ouvert dans un "
                            "tableur ?)." % (target, french_os_error(error)))
        finally:
            for temporary, _ in self.pending:
                remove_file(temporary)
        return False
