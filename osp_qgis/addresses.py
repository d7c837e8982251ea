"""Address keys, to match a sheet's address with a BAN-like address point.

A key is ``(insee, numero, indice, voie)`` with the street name in capitals,
without accents, punctuation or articles' apostrophes, and the street type
abbreviations expanded (``R`` -> ``RUE``) from ``resources/reference/street_types.csv``.
"""
import functools
import re

from .ids import clean_text
from .plain_text import without_accents
from .reference import read_reference

_REPETITION = {"B": "B", "BIS": "B", "T": "T", "TER": "T", "Q": "Q", "QUATER": "Q",
               "C": "C", "QUINQUIES": "C"}
_LEADING_NUMBER = re.compile(r"^\s*(\d+)\s*(BIS|TER|QUATER|QUINQUIES|[BTQC](?=\s))?[\s,]+(.*)$")


@functools.lru_cache(maxsize=None)
def street_types():
    return {row["abreviation"]: row["type_voie"] for row in read_reference("street_types.csv")}


@functools.lru_cache(maxsize=65536)
def normalise_street(name):
    """``r. d'Artois`` -> ``RUE D ARTOIS`` (streets repeat: computed once per spelling)."""
    text = without_accents(clean_text(name)).upper()
    words = re.sub(r"[^0-9A-Z]+", " ", text).split()
    if words and words[0] in street_types():
        words[0] = street_types()[words[0]]
    return " ".join(words)


def normalise_number(value):
    text = clean_text(value)
    match = re.match(r"^0*(\d+)", text)
    return match.group(1) if match else ""


def normalise_repetition(value):
    text = re.sub(r"[^A-Z]", "", clean_text(value).upper())
    return _REPETITION.get(text, text[:1])


def split_address(text):
    """``12 bis rue d'Artois`` -> ``("12", "B", "RUE D ARTOIS")``."""
    raw = clean_text(text).upper()
    match = _LEADING_NUMBER.match(raw)
    if not match:
        return "", "", normalise_street(raw)
    return match.group(1).lstrip("0") or "0", normalise_repetition(match.group(2) or ""), \
        normalise_street(match.group(3))


def address_key(insee, numero, indice, voie):
    """The matching key, or ``None`` when the address is incomplete."""
    if not voie or not insee:
        return None
    if not clean_text(numero):
        numero, indice2, voie = split_address(voie)
        indice = indice or indice2
    else:
        voie = normalise_street(voie)
    number = normalise_number(numero)
    if not number or not voie:
        return None
    return (insee, number, normalise_repetition(indice), voie)
