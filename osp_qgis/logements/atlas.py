"""What an atlas page says: entities per scale, their titles, safe file names, figures.

Pure Python.  The figures of an entity are the synthesis crosstab of its
dwellings (the same function as the workbook's Synthèses sheet)."""
from ..scales import (  # noqa: F401  (the atlas's names, kept)
    DWELLING_KEY,
    SCALE_LABELS,
    SCALES,
    entity_filename,
    entity_title,
)
from . import synthesis

SOURCE_LINE = "Source : bailleurs, DDTM 59/62"
# outlines drawn under the dwellings to situate them: finer units than the page's
BACKGROUND = {"bassin": "EPCI", "departement": "EPCI", "epci": "COMMUNES",
              "commune": "CITES", "cite": None}


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
