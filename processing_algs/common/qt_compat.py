"""What differs between QGIS 3.22 (Qt5) and QGIS 4 (Qt6), chosen once, here.

Field types: QGIS 3.22 takes ``QVariant.Type`` values, Qt6 has none (``QMetaType.Type``).
Layer types: ``QgsMapLayerType`` (3.22) became ``Qgis.LayerType`` (3.30 and QGIS 4)."""
from qgis.core import Qgis
from qgis.PyQt.QtCore import QMetaType, QVariant


def _field_type(qt5, qt6):
    variant_type = getattr(QVariant, "Type", None)
    if variant_type is not None and hasattr(variant_type, qt5):
        return getattr(variant_type, qt5)
    return getattr(QMetaType.Type, qt6)


STRING = _field_type("String", "QString")
INT = _field_type("Int", "Int")
LONG = _field_type("LongLong", "LongLong")
DOUBLE = _field_type("Double", "Double")
DATE = _field_type("Date", "QDate")
DATETIME = _field_type("DateTime", "QDateTime")
BOOL = _field_type("Bool", "Bool")


if hasattr(Qgis, "LayerType"):
    VECTOR_LAYER = Qgis.LayerType.Vector
else:  # QGIS 3.22 to 3.28
    from qgis.core import QgsMapLayerType
    VECTOR_LAYER = QgsMapLayerType.VectorLayer
