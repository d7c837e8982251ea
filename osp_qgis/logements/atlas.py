"""What an atlas page says: entities per scale, their titles, safe file names, figures.

Pure Python.  The figures of an entity are the synthesis crosstab of its
dwellings (the same function as the workbook's Synthèses sheet)."""
from ..files import safe_filename
from . import synthesis

SCALES = ("cite", "commune", "epci", "departement", "bassin")
SCALE_LABELS = {"cite": "Cité", "commune": "Commune", "epci": "EPCI",
                "departement": "Département", "bassin": "Bassin minier"}
# the dwelling field that names the entity it belongs to, per scale
DWELLING_KEY = {"cite": "id_cite", "commune": "idcom", "epci": "epci", "departement": "dep",
                "bassin": None}
SOURCE_LINE = "Source : bailleurs, DDTM 59/62"
# outlines drawn under the dwellings to situate them: finer units than the page's
BACKGROUND = {"bassin": "EPCI", "departement": "EPCI", "epci": "COMMUNES",
              "commune": "CITES", "cite": None}


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


def dwellings_of(dwellings, scale, code):
    key = DWELLING_KEY[scale]
    if key is None:
        return list(dwellings)
    return [d for d in dwellings if d.get(key) is not None and str(d.get(key)) == str(code)]


def figures(dwellings, years):
    """Rows ``(année, palulos, hors, total)`` then the Total row, and the number of
    dwellings not geolocated: the same counts as the workbook's Synthèses."""
    block = synthesis.crosstab("entité", dwellings, lambda d: "x", years)
    rows = []
    for i, year in enumerate(years):
        palulos = block.total[synthesis.GROUP_PALULOS][i]
        hors = block.total[synthesis.GROUP_HORS][i]
        rows.append((str(year), palulos, hors, palulos + hors))
    palulos = sum(block.total[synthesis.GROUP_PALULOS])
    hors = sum(block.total[synthesis.GROUP_HORS])
    rows.append(("Total", palulos, hors, palulos + hors))
    not_located = sum(1 for d in dwellings if not synthesis.is_located(d))
    return rows, not_located
