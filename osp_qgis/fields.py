"""Field names users know and their French aliases: one table for every layer,
``resources/reference/field_aliases.csv`` (``couche`` empty: every layer; a layer name:
the meaning the name has in that layer, « statut » of an operation, say).

A layer's field list is built with :func:`specs` from ``(name, type)`` pairs, so
that an alias is written once whatever layer carries the field."""
from .reference import read_reference

_ROWS = read_reference("field_aliases.csv")
ALIASES = {row["champ"]: row["alias"] for row in _ROWS if not row["couche"]}
LAYER_ALIASES = {(row["couche"], row["champ"]): row["alias"] for row in _ROWS if row["couche"]}


def alias(name, layer=None):
    return LAYER_ALIASES.get((layer, name)) or ALIASES[name]


def specs(*pairs, layer=None):
    """``(name, type)`` pairs -> ``(name, type, French alias)`` triples."""
    return tuple((name, kind, alias(name, layer)) for name, kind in pairs)
