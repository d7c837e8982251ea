"""QGIS edits of the shared base keep its optimistic lock: a layer of a table of schema
``osp`` with a ``version`` column remembers, for each feature the user changes, the
version it had when the change began, and saves it as « that version + 1 ».  The
server's trigger refuses the save when someone else saved the feature in between (French
message shown by QGIS with the commit errors): never a silent overwrite."""
from qgis.core import QgsDataSourceUri, QgsFeatureRequest

VERSION = "version"
_WATCHED = "osp/version_watched"


def is_versioned(layer):
    try:
        if layer.providerType() != "postgres":
            return False
    except AttributeError:
        return False
    return QgsDataSourceUri(layer.source()).schema() == "osp" and \
        layer.fields().indexOf(VERSION) >= 0


def watch_layers(layers):
    for layer in layers:
        watch(layer)


def watch(layer):
    """Install the lock on ``layer`` (once; other layers are left alone)."""
    if not is_versioned(layer) or layer.customProperty(_WATCHED):
        return False
    layer.setCustomProperty(_WATCHED, True)
    index = layer.fields().indexOf(VERSION)
    started = {}   # fid -> version when the user's change began

    def remember(fid, *_):
        if fid < 0 or fid in started:   # negative: a feature not saved yet
            return
        request = QgsFeatureRequest(fid).setSubsetOfAttributes([index]).setFlags(
            QgsFeatureRequest.Flag.NoGeometry)
        feature = next(layer.dataProvider().getFeatures(request), None)
        if feature is not None:
            started[fid] = feature.attribute(index)

    def stamp(*_):
        buffer = layer.editBuffer()
        if buffer is None:
            return
        changed = set(buffer.changedAttributeValues()) | set(buffer.changedGeometries())
        for fid in changed:
            version = started.get(fid)
            if isinstance(version, int):
                layer.changeAttributeValue(fid, index, version + 1)

    layer.attributeValueChanged.connect(remember)
    layer.geometryChanged.connect(remember)
    layer.beforeCommitChanges.connect(stamp)
    layer.afterCommitChanges.connect(started.clear)
    layer.afterRollBack.connect(started.clear)
    return True
