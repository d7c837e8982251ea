"""The financing decisions table (num_decision, year, landlord, dwellings financed), read for
the recap and the OSP workbook; an unreadable count is said, never guessed."""


from ...osp_qgis.ids import IdError, normalise_year
from ..common.qgis_io import field_index
from ..common.records_io import python_value

DECISION_FIELDS = {"num_decision": ("num_decision", "decision", "n_decision", "numero_decision"),
                   "annee": ("annee", "annee_financ", "millesime"),
                   "bailleur": ("bailleur",),
                   "nb": ("nb_logements_finances", "nb_logements", "logements_finances", "nb")}


def financed_count(value):
    """The number of dwellings a decision financed: an integer, ``None`` when empty,
    ``False`` when unreadable (« 12 logts », « abc »)."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and value >= 0 else False
    text = str(value).strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if text.isascii() and text.isdigit():
        return int(text)
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return False
    return int(number) if number.is_integer() and number >= 0 else False


def read_decisions(layer, warn):
    """``{num_decision: {"nb", "annee", "bailleur"}}`` of a decisions table; an unreadable
    count is said through ``warn(French text)`` and kept as unknown; a table without the
    needed fields is a ``ValueError`` in French."""
    if layer is None:
        return {}
    idx = {k: field_index(layer, *names) for k, names in DECISION_FIELDS.items()}
    if idx["num_decision"] < 0 or idx["nb"] < 0:
        raise ValueError("La table des décisions « %s » doit avoir les champs num_decision et "
                         "nb_logements_finances." % layer.name())
    out = {}
    for line, feature in enumerate(layer.getFeatures(), start=2):
        number = python_value(feature[idx["num_decision"]])
        if number in (None, ""):
            continue
        value = lambda k: python_value(feature[idx[k]]) if idx[k] >= 0 else None
        try:
            annee = normalise_year(str(value("annee") or ""))
        except IdError:
            annee = None
        count = financed_count(value("nb"))
        if count is False:
            warn("Décisions « %s », ligne %d (décision %s) : nombre de logements financés « %s » "
                 "illisible ; la décision est gardée sans nombre." % (layer.name(), line, number,
                                                                    value("nb")))
            count = None
        out[str(number).strip()] = {"nb": count, "annee": annee, "bailleur": value("bailleur")}
    return out
