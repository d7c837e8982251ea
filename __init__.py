"""OSP ERBM QGIS plugin entry point (the deployed folder is ``osp_erbm``)."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import OspErbmPlugin
    return OspErbmPlugin(iface)
