"""Registering the plugin's font (osp_qgis/fonts.py) with Qt, once per process."""
from qgis.PyQt.QtGui import QFontDatabase

from ...osp_qgis import fonts
from ...osp_qgis.reference import resource_path

_registered = []


def register():
    """Make :data:`fonts.FAMILY` available to Qt (and so to QGIS's labels, layouts and PDF
    export) from the files shipped in resources/fonts; returns the families Qt now knows
    from them."""
    if _registered:
        return _registered
    for name in fonts.FILES:
        identifier = QFontDatabase.addApplicationFont(resource_path("fonts", name))
        if identifier >= 0:
            _registered.extend(QFontDatabase.applicationFontFamilies(identifier))
    return _registered
