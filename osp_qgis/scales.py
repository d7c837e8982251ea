"""The scales of the printed pages (atlas, bilans): cité, commune, EPCI, département, Bassin
minier — their labels, the analyse-layer field that places a dwelling in each, the title
and the safe file name of an entity.  Pure Python."""
from .files import safe_filename

SCALES = ("cite", "commune", "epci", "departement", "bassin")
SCALE_LABELS = {"cite": "Cité", "commune": "Commune", "epci": "EPCI",
                "departement": "Département", "bassin": "Bassin minier"}
# the dwelling field that names the entity it belongs to, per scale
DWELLING_KEY = {"cite": "id_cite", "commune": "idcom", "epci": "epci", "departement": "dep",
                "bassin": None}


def entity_filename(scale, code, name):
    """``epci_CALL``, ``commune_62498_Lens``, ``cite_13_Cite_du_4``, ``bassin_minier``."""
    if scale == "bassin":
        return "bassin_minier"
    if scale in ("epci", "departement") or not name or str(name) == str(code):
        return safe_filename("%s_%s" % (scale, code))
    return safe_filename("%s_%s_%s" % (scale, code, name))


def entity_title(scale, code, name):
    """« EPCI : CA de Lens - Liévin (CALL) », « Commune : Lens (62498) »."""
    label = SCALE_LABELS[scale]
    if scale == "bassin":
        return "Bassin minier – vue d'ensemble" if not name or name == label \
            else "%s : %s" % (label, name)
    if name and code and str(code) != str(name):
        return "%s : %s (%s)" % (label, name, code)
    return "%s : %s" % (label, name or code)
