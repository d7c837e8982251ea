"""Layer post-processors: what happens to an output when QGIS loads it into the project."""
from qgis.core import QgsProcessingLayerPostProcessorInterface


class FieldAliases(QgsProcessingLayerPostProcessorInterface):
    """Gives the loaded layer its French field aliases (file formats drop them)."""

    _alive = []  # QGIS keeps only a raw pointer: keep the Python objects alive

    def __init__(self, aliases):
        super().__init__()
        self.aliases = dict(aliases)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        for name, alias in self.aliases.items():
            index = layer.fields().indexOf(name)
            if index >= 0:
                layer.setFieldAlias(index, alias)

    @classmethod
    def attach(cls, context, layer_id, aliases):
        if not context.willLoadLayerOnCompletion(layer_id):
            return
        processor = cls(aliases)
        cls._alive.append(processor)
        context.layerToLoadOnCompletionDetails(layer_id).setPostProcessor(processor)
