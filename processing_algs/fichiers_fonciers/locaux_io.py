"""Fichiers fonciers in QGIS: the locals read from whatever layer the user gives (a CSV or
GeoPackage file read directly with pandas, any other source through QGIS), the reported
dwellings, the territory, parcel and commune geometries for the outputs."""
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsProviderRegistry,
)

from ...osp_qgis.fichiers_fonciers import crosscheck, read, rules
from ..common import qgis_io
from ..common.base import own_table_file
from ..common.qgis_io import field_index

LOCAL_READ_BATCH = 100000


def add_locaux(algorithm, optional=False):
    """``LOCAUX``: the pb0010_local extract."""
    algorithm.addParameter(QgsProcessingParameterVectorLayer(
        "LOCAUX", algorithm.tr("Locaux des Fichiers fonciers (pb0010_local : CSV, GeoPackage, "
                               "PostGIS)"), [QgsProcessing.SourceType.TypeVector],
        optional=optional))


def add_method(algorithm, method="METHOD"):
    """The method recognising social dwellings and ``SRU_TARGET``, as osp:croisement_ff
    and osp:synthese ask them."""
    tr = algorithm.tr
    algorithm.addParameter(QgsProcessingParameterEnum(
        method, tr("Repérage des logements sociaux des Fichiers fonciers"),
        options=[tr(rules.METHOD_LABELS[m]) for m in rules.METHODS], defaultValue=0))
    target = QgsProcessingParameterNumber(
        "SRU_TARGET", tr("Objectif de logements sociaux (%, loi SRU)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=crosscheck.SRU_TARGET,
        minValue=0.0, maxValue=100.0, optional=True)
    target.setMetadata({"widget_wrapper": {"decimals": 0}})   # « 25 », not « 25,000000 »
    algorithm.addParameter(target)


def sru_target(algorithm, parameters, context):
    if parameters.get("SRU_TARGET") in (None, ""):
        return float(crosscheck.SRU_TARGET)
    return algorithm.parameterAsDouble(parameters, "SRU_TARGET", context)


def usable_locaux(layer, feedback):
    """``(locals, refused)`` of :func:`rules.prepare`; the refused rows reported in the
    log (ten of them, then their count)."""
    try:
        locaux, refused = rules.prepare(read_locaux(layer, feedback))
    except rules.FFError as error:
        raise QgsProcessingException(str(error))
    for line, row in refused.head(10).iterrows():
        feedback.reportError("Locaux, ligne %s : %s (%s) : ignoré." % (line, row["detail"],
                                                                       row["motif"]), False)
    if len(refused) > 10:
        feedback.reportError("… et %d autres locaux illisibles ignorés." % (len(refused) - 10),
                             False)
    return locaux, refused


def locaux_source(algorithm, parameters, context):
    """What ``LOCAUX`` names: a layer QGIS opens, or the path of a text table QGIS cannot
    open but the plugin reads (a UTF-16 extract); ``None`` when not given."""
    value = parameters.get("LOCAUX")
    layer = algorithm.parameterAsVectorLayer(parameters, "LOCAUX", context)
    if (layer is None or not layer.isValid()) and own_table_file(value):
        return value
    return layer


def read_locaux(layer, feedback=None):
    """The raw locals (text) of ``layer``: a CSV (also given as a path) or a GeoPackage /
    SQLite table read by pandas, other sources (PostGIS…) through QGIS with only the needed
    columns."""
    if isinstance(layer, str):
        try:
            return read.read_csv(layer)
        except rules.FFError as error:
            raise QgsProcessingException(str(error))
    if layer is None or not layer.isValid():
        raise QgsProcessingException("La table des locaux des Fichiers fonciers est illisible.")
    try:
        if layer.providerType() == "ogr":
            parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
            path, layer_name = parts.get("path", ""), parts.get("layerName") or None
            extension = path.lower().rsplit(".", 1)[-1]
            if extension in ("csv", "txt", "tsv"):
                return read.read_csv(path)
            if extension in ("gpkg", "sqlite", "db"):
                return read.read_sqlite(path, layer_name)
        if layer.providerType() == "delimitedtext":
            return read.read_csv(QgsProviderRegistry.instance().decodeUri(
                "delimitedtext", layer.source()).get("path", ""))
        return _read_layer(layer, feedback)
    except rules.FFError as error:
        raise QgsProcessingException(str(error))


def _read_layer(layer, feedback):
    import pandas
    mapping = rules.column_map(layer.fields().names())
    rules.check_columns(mapping, "Locaux « %s »" % layer.name())
    indexes = {name: layer.fields().indexOf(header) for name, header in mapping.items()}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(sorted(indexes.values()))
    columns = {name: [] for name in mapping}
    for n, feature in enumerate(layer.getFeatures(request)):
        if n % LOCAL_READ_BATCH == 0 and feedback is not None and feedback.isCanceled():
            raise QgsProcessingException("Traitement annulé : rien n'a été écrit.")
        for name, index in indexes.items():
            value = feature[index]
            columns[name].append("" if value is None or (hasattr(value, "isNull") and
                                                          value.isNull()) else str(value))
    frame = pandas.DataFrame({mapping[name]: values for name, values in columns.items()})
    frame.index = frame.index + 1
    return frame


def reported_dwellings(layer, territory=None):
    """``[{"idlocal", "idpar", "idcom"}]`` of the dwellings layer (join output or analyse
    layer), those inside ``territory`` only when given (a dwelling without geometry is
    kept when its parcel is in ``territory.parcels``)."""
    indexes = {name: field_index(layer, name) for name in ("idlocal", "idpar", "idcom")}
    if indexes["idlocal"] < 0 and indexes["idpar"] < 0:
        raise QgsProcessingException(
            "La couche « %s » n'est pas une couche de logements : il lui faut idlocal ou idpar "
            "(sortie de « Localiser les logements » ou couche d'analyse)." % layer.name())
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([i for i in indexes.values() if i >= 0])
    if territory is None:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    else:
        transform = QgsCoordinateTransform(layer.crs(), territory.crs, QgsProject.instance())
    out = []
    for feature in layer.getFeatures(request):
        row = {name: (qgis_io.text_value(feature[i]) if i >= 0 else "")
               for name, i in indexes.items()}
        if territory is not None and not territory.holds(feature, transform, row.get("idpar")):
            continue
        out.append(row)
    return out


class Territory:
    """The polygons restricting the check, and the parcels whose point on surface falls
    inside them (the FF locals are placed by their parcel)."""

    def __init__(self, layer, parcels_layer, id_field, mode, feedback=None):
        self.layer, self.crs, self.mode = layer, parcels_layer.crs(), mode
        to_parcels = QgsCoordinateTransform(layer.crs(), self.crs, QgsProject.instance())
        parts = []
        for feature in layer.getFeatures():
            if feature.hasGeometry():
                geometry = QgsGeometry(feature.geometry())
                geometry.transform(to_parcels)
                parts.append(geometry)
        if not parts:
            raise QgsProcessingException("Le territoire « %s » n'a aucun polygone." % layer.name())
        self.geometry = QgsGeometry.unaryUnion(parts)
        self.engine = QgsGeometry.createGeometryEngine(self.geometry.constGet())
        self.engine.prepareGeometry()
        self.parcels = self._parcels_inside(parcels_layer, id_field, mode, feedback)

    def _contains(self, geometry):
        return geometry is not None and not geometry.isEmpty() and \
            self.engine.intersects(geometry.constGet())

    def _parcels_inside(self, layer, id_field, mode, feedback):
        index = field_index(layer, id_field)
        request = QgsFeatureRequest().setFilterRect(self.geometry.boundingBox())
        request.setSubsetOfAttributes([index])
        inside = set()
        for n, feature in enumerate(layer.getFeatures(request)):
            if n % 50000 == 0 and feedback is not None and feedback.isCanceled():
                raise QgsProcessingException("Traitement annulé : rien n'a été écrit.")
            if feature.hasGeometry() and self._contains(feature.geometry().pointOnSurface()):
                inside.add(qgis_io.text_value(feature[index]))
        return inside

    def holds(self, feature, transform, idpar=None):
        """Whether a dwelling is inside: its point (``transform`` into the parcels' CRS),
        else its parcel."""
        if feature.hasGeometry():
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(transform)
            return self._contains(geometry.pointOnSurface())
        return bool(idpar) and self.keeps_parcel(idpar)

    def keeps_parcel(self, idpar):
        return (idpar[2:] if self.mode == "idu" else idpar) in self.parcels


