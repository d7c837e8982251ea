"""Layer post-processors: what happens to an output when QGIS loads it into the project."""
from qgis.core import QgsProcessingLayerPostProcessorInterface

from ...osp_qgis.reference import resource_path


class StyleAndAliases(QgsProcessingLayerPostProcessorInterface):
    """Gives the loaded layer its French field aliases (file formats drop them) and,
    when given, a style: a file of ``resources/styles``, or :data:`FROM_DATABASE` for
    the default style saved with the data (Processing loads outputs without it)."""

    FROM_DATABASE = "<base de données>"

    _alive = []  # QGIS keeps only a raw pointer: keep the Python objects alive

    def __init__(self, aliases, style=None):
        super().__init__()
        self.aliases = dict(aliases)
        self.style = style

    def postProcessLayer(self, layer, context, feedback):
        if self.style == self.FROM_DATABASE:
            layer.loadDefaultStyle()
        elif self.style:
            layer.loadNamedStyle(resource_path("styles", self.style))
        for name, alias in self.aliases.items():
            index = layer.fields().indexOf(name)
            if index >= 0:
                layer.setFieldAlias(index, alias)
        layer.triggerRepaint()

    @classmethod
    def attach(cls, context, layer_id, fields, style=None):
        """Post-process ``layer_id`` if Processing loads it into the project."""
        if not context.willLoadLayerOnCompletion(layer_id):
            return
        processor = cls({f.name(): f.alias() for f in fields}, style)
        cls._alive.append(processor)
        context.layerToLoadOnCompletionDetails(layer_id).setPostProcessor(processor)
