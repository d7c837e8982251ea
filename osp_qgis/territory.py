"""Territory lookups: commune -> name, département, EPCI; cité names matching.

Pure Python.  A :class:`Territory` is filled from the plugin's reference
tables, and overridden by what the user's layers say (the caller passes plain
dicts read from them).
"""
import re
from dataclasses import dataclass, field

from . import reference
from .ids import fold
from .plain_text import without_accents

_LEGAL_FORM = re.compile(r"^(?:CA|CC|CU|Communauté (?:d'agglomération|de communes|urbaine))"
                         r"\s+(?:(?:de la|des|du|de)\s+|de l'|d')?", re.IGNORECASE)


def short_epci_name(name):
    """« CA de Valenciennes Métropole » → « Valenciennes Métropole »: the name without its
    legal form, beside the sigle in lists (« CAVM – Valenciennes Métropole »)."""
    short = _LEGAL_FORM.sub("", name or "").strip()
    return short[:1].upper() + short[1:] if short else (name or "")


# words that do not tell one cité from another
_CITE_STOP_WORDS = {"cite", "cites", "du", "de", "des", "la", "le", "les", "d", "l", "au", "aux",
                    "et", "fosse", "ancienne", "nouvelle", "tranche", "tr", "residence"}


@dataclass
class Territory:
    communes: dict = field(default_factory=dict)   # insee -> {"nom", "dep", "epci_siren"}
    epcis: dict = field(default_factory=dict)      # siren -> {"nom", "sigle"}

    @classmethod
    def from_reference(cls):
        return cls(communes={k: dict(v) for k, v in reference.communes().items()},
                   epcis={k: dict(v) for k, v in reference.epcis().items()})

    def epci_code(self, siren):
        """The code users know: the ERBM sigle (``CALL``), else the SIREN."""
        if not siren:
            return None
        info = self.epcis.get(siren, {})
        return info.get("sigle") or siren

    def epci_name(self, code):
        """The EPCI's name as the reference tables spell it, from its sigle or its SIREN
        (``None`` when unknown): one spelling in atlases, fiches, forms and PDFs."""
        code = str(code or "")
        if code in self.epcis:
            return self.epcis[code]["nom"]
        return next((v["nom"] for v in self.epcis.values() if v.get("sigle") == code), None)

    def describe(self, insee):
        """``{"idcomtxt", "dep", "epci"}`` of a commune (None where unknown)."""
        info = self.communes.get(insee or "", {})
        return {"idcomtxt": info.get("nom"),
                "dep": info.get("dep") or (insee[:2] if insee else None),
                "epci": self.epci_code(info.get("epci_siren"))}

    def epci_choices(self):
        """``[(code, nom)]`` for the EPCI value relation, sorted by code."""
        return sorted({(self.epci_code(s), v["nom"]) for s, v in self.epcis.items()})


_WORDS = re.compile(r"[0-9]+|[a-z]+")


def _commune_words(commune_names):
    words = set()
    for name in commune_names:
        words |= set(_WORDS.findall(fold_words(name)))
    return words


def cite_tokens(text, commune_names=(), commune_words=None):
    """Significant words of a cité name: ``Cité du 4`` -> {4}; ``4 de Lens`` -> {4}
    when Lens is the commune; accents and case ignored."""
    if commune_words is None:
        commune_words = _commune_words(commune_names)
    return frozenset(w for w in _WORDS.findall(fold_words(text))
                     if w not in _CITE_STOP_WORDS and w not in commune_words
                     and (len(w) > 1 or w.isdigit()))


def fold_words(text):
    """Lower case, no accents, punctuation turned into spaces (word boundaries kept)."""
    text = without_accents(text or "").lower()
    text = text.replace("saint", "st").replace("sainte", "ste")
    return re.sub(r"[^0-9a-z]+", " ", text)


def match_cite(text, cites, commune_names=()):
    """The id of the cité whose name matches the landlord's text, or None.

    ``cites`` is ``[(id, name)]`` (restrict it to the dwelling's commune when
    known).  Exact folded equality first, then equal significant words, then
    a unique cité whose words all appear in the text."""
    if not text or not text.strip():
        return None
    folded = fold(text)
    for cite_id, name in cites:
        if fold(name) == folded:
            return cite_id
    commune_words = _commune_words(commune_names)
    tokens = cite_tokens(text, commune_words=commune_words)
    if not tokens:
        return None
    names = [(cid, cite_tokens(name, commune_words=commune_words)) for cid, name in cites]
    same = [cid for cid, words in names if words == tokens]
    if len(same) == 1:
        return same[0]
    within = [cid for cid, words in names if words and words <= tokens]
    if len(within) == 1:
        return within[0]
    # abbreviated first names: « A. France » for « Anatole France »
    text_words = [w for w in _WORDS.findall(fold_words(text))
                  if w not in _CITE_STOP_WORDS and w not in commune_words]
    abbreviated = [cid for cid, words in names if _abbreviates(text_words, words)]
    return abbreviated[0] if len(abbreviated) == 1 else None


def _abbreviates(words, cite_words):
    """Every word of the cité name is in ``words``, or abbreviated there by its initial."""
    if not cite_words:
        return False
    full = set(words)
    initials = {w for w in words if len(w) == 1 and w.isalpha()}
    return all(w in full or w[0] in initials for w in cite_words) and \
        any(w in full for w in cite_words)


def assign_commune(values, territory, spatial=None, communes_layer_given=False):
    """Fill ``idcom``, ``idcomtxt``, ``dep``, ``epci`` from the territory, not from the
    sheet.  ``spatial`` = ``(insee, nom)`` of the commune containing the dwelling's
    point.  Returns the problems found, as ``[(motif, French detail)]``."""
    problems = []
    insee = values.get("idcom")
    name = None
    if spatial is not None:
        spatial_insee, name = spatial
        if insee and spatial_insee and spatial_insee != insee:
            problems.append(("commune_incoherente",
                             "Le logement est localisé à %s (%s) alors que la table du bailleur "
                             "indique la commune %s." % (name or spatial_insee, spatial_insee,
                                                         insee)))
        insee = spatial_insee or insee
    elif communes_layer_given and values.get("geoloc_source"):
        problems.append(("hors_territoire", "Le point du logement n'est dans aucune commune de "
                                            "la couche des communes."))
    described = territory.describe(insee)
    values["idcom"] = insee
    values["idcomtxt"] = name or described["idcomtxt"]
    values["dep"] = described["dep"]
    values["epci"] = described["epci"]
    return problems


def assign_cite(values, spatial_hits, candidates, commune_names=()):
    """Cité of a dwelling: the cités containing its point (``[(id, nom)]``, smallest
    first; ``l_id_cite`` lists them all when several), else the landlord's
    ``cite_ini`` text matched among ``candidates``."""
    values["l_id_cite"] = None
    if spatial_hits:
        values["id_cite"], values["nom_cite_1"] = spatial_hits[0]
        if len(spatial_hits) > 1:
            values["l_id_cite"] = ",".join(str(cid) for cid, _ in spatial_hits)
        return "spatial"
    cite_id = match_cite(values.get("cite_ini"), candidates, commune_names)
    if cite_id is not None:
        values["id_cite"] = cite_id
        values["nom_cite_1"] = dict(candidates)[cite_id]
        return "texte"
    values["id_cite"] = values["nom_cite_1"] = None
    return None
