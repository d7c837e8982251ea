"""QGIS Server plugin of the OSP ERBM publication: access control per partner (see acces.py).
Independent of the desktop plugin: it imports nothing from it."""


def serverClassFactory(server_iface):
    from .acces import OspAccesServer
    return OspAccesServer(server_iface)
