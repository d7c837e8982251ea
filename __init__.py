"""OSP ERBM QGIS plugin entry point (the deployed folder is ``osp_erbm``)."""


def classFactory(iface):
    from .plugin import OspErbmPlugin
    return OspErbmPlugin(iface)
