"""Attribute forms as files: ``forms/<layer>.json``, read and checked here.

A form file says, for one layer: the tabs and the order of their fields (or a
relation editor), the widget of each field and its value list, the read-only
fields, the constraints with their French message, the default values.  Value
lists are written in the file, or come from a reference table of the plugin
(``"from": "reference:bailleurs.csv"``) or from a table written beside the data
(``"from": "table:cites"``: the cités of the GeoPackage), so that the value a
person reads is a name, never a code, whatever program opens the file.

No Qt, no QGIS: ``processing_algs/forms_qgis.py`` applies a form to a layer.
"""
import functools
import json
import os
import re

from .ids import fold
from .reference import PLUGIN_DIR, read_reference

FORMS_DIR = os.path.join(PLUGIN_DIR, "forms")
WIDGETS = ("TextEdit", "ValueMap", "Date", "DateTime", "Hidden", "CheckBox", "Range")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class FormError(ValueError):
    """A form file that cannot be used (message in French, for maintainers)."""


@functools.lru_cache(maxsize=None)
def form(name):
    """The form of layer ``name`` (``forms/<name>.json``), checked."""
    path = os.path.join(FORMS_DIR, name + ".json")
    try:
        with open(path, encoding="utf-8") as handle:
            spec = json.load(handle)
    except (OSError, ValueError) as error:
        raise FormError("Formulaire « %s » illisible : %s" % (path, error))
    check(spec, path)
    return spec


def value_codes(name, field):
    """The codes of field ``field``'s value list (ValueMap) in form ``name``, in order."""
    widget = form(name)["widgets"].get(field) or {}
    if widget.get("type") != "ValueMap":
        raise FormError("Le champ %s du formulaire « %s » n'a pas de liste de valeurs."
                        % (field, name))
    return tuple(code for code, _ in widget["values"])


def names():
    return sorted(n[:-5] for n in os.listdir(FORMS_DIR) if n.endswith(".json"))


def check(spec, where="formulaire"):
    """Raise :class:`FormError` when the file mixes things up."""
    for key in ("layer", "tabs"):
        if key not in spec:
            raise FormError("%s : clé « %s » absente." % (where, key))
    placed = tab_fields(spec)
    if len(placed) != len(set(placed)):
        raise FormError("%s : un champ figure dans deux onglets." % where)
    for field, widget in spec.get("widgets", {}).items():
        if widget.get("type") not in WIDGETS:
            raise FormError("%s : widget « %s » inconnu pour %s (attendu : %s)."
                            % (where, widget.get("type"), field, ", ".join(WIDGETS)))
        values = widget.get("values")
        if widget["type"] == "ValueMap" and not values:
            raise FormError("%s : la liste de valeurs de %s est vide." % (where, field))
        if isinstance(values, dict) and not {"from", "key", "label"} <= set(values):
            raise FormError("%s : liste de %s : « from », « key » et « label » attendus."
                            % (where, field))
    for field, constraint in spec.get("constraints", {}).items():
        if not constraint.get("expression") or not constraint.get("message"):
            raise FormError("%s : contrainte de %s sans expression ou sans message." % (where, field))


def tab_fields(spec):
    """Every field placed in a tab (or a tab within a tab), in order (relation editors left
    out)."""
    out = []
    for tab in spec["tabs"]:
        out += list(tab.get("fields", ()))
        for group in tab.get("groups", ()):
            out += list(group.get("fields", ()))
        out += tab_fields({"tabs": tab.get("tabs", ())})
    return out


def optional_fields(spec):
    """Fields of the tabs marked ``"optional": true`` and the ``virtual`` ones: shown when
    the layer has them (the « Historique » of the shared base, the names a project computes
    from codes), absent from a GeoPackage without fault."""
    out = set(spec.get("virtual", ()))   # computed in the project (names behind codes)
    for tab in spec["tabs"]:
        if tab.get("optional"):
            out |= set(tab.get("fields", ()))
    return out


def missing_fields(spec, layer_fields):
    """Fields the form names that the layer does not have (a form out of date)."""
    named = set(tab_fields(spec)) | set(spec.get("widgets", {})) | set(spec.get("read_only", ())) \
        | set(spec.get("constraints", {})) | set(spec.get("defaults", {}))
    return sorted(named - set(layer_fields) - optional_fields(spec))


def label(template, row):
    """``["{nom}", " ({code})"]`` + a row -> « Maisons & Cités (M&C) »: each part is kept
    only when every value it names is filled; a part may be a list of alternatives, the
    first one filled wins (``[["{sigle}", "{nom}"]]``: the sigle, else the name)."""
    parts = []
    for part in template:
        for alternative in (part if isinstance(part, list) else [part]):
            keys = _PLACEHOLDER.findall(alternative)
            if all(row.get(k) not in (None, "") for k in keys):
                parts.append(alternative.format(**{k: row[k] for k in keys}))
                break
    return "".join(parts).strip()


def elide(text, limit):
    """``text`` cut to ``limit`` characters with « … » (``limit`` None: unchanged)."""
    if not limit or len(text) <= limit:
        return text
    return text[:limit - 1].rstrip(" ,–-") + "…"


def value_label(layer, field, value):
    """How the form of ``layer`` shows ``value`` of ``field`` (« valide » -> « Validé
    CRHH »): the same words in printed documents as on screen; the value itself when the
    form has no list for it."""
    widget = form(layer).get("widgets", {}).get(field, {})
    if widget.get("type") != "ValueMap" or value in (None, ""):
        return value
    return dict(value_pairs(widget["values"]) or ()).get(value, value)


def value_code(layer, field, text):
    """The stored value behind what a person wrote: the code itself, or the label the form
    shows for it (« Complémentaire » → ``complementaire``), compared without accents or
    case; ``text`` unchanged when it is neither."""
    widget = form(layer).get("widgets", {}).get(field, {})
    if widget.get("type") != "ValueMap" or text in (None, ""):
        return text
    wanted = fold(text)
    for value, label_text in value_pairs(widget["values"]) or ():
        if wanted in (fold(value), fold(label_text)):
            return value
    return text


def value_pairs(values, tables=None):
    """``[(stored value, label read by people)]`` of a value list: written in the file,
    from a reference table, or from ``tables[name]`` (rows as dicts) for ``table:…``.
    Labels are at most ``max_length`` characters (a form must fit its window: QGIS
    sizes a list to its longest entry) and unique (a repeated label gets its code),
    so a value map stays exact."""
    limit = None
    if isinstance(values, list):
        pairs = [(v, l) for v, l in values]
    else:
        limit = values.get("max_length")
        source = values["from"]
        if source.startswith("reference:"):
            rows = read_reference(source[len("reference:"):])
        elif source.startswith("table:"):
            rows = (tables or {}).get(source[len("table:"):])
            if rows is None:
                return None  # the table is not known here: the caller keeps a plain widget
        else:
            raise FormError("Source de liste inconnue : %s" % source)
        pairs = [(row[values["key"]], label(values["label"], row) or str(row[values["key"]]))
                 for row in rows if row.get(values["key"]) not in (None, "")]
    if not isinstance(values, list) and values.get("sort"):
        pairs.sort(key=lambda pair: fold(pair[1]))
    short = [(value, elide(text, limit)) for value, text in pairs]
    seen = {}
    for _, text in short:
        seen[text] = seen.get(text, 0) + 1
    out = []
    for value, text in short:
        if seen[text] > 1:
            suffix = " (%s)" % value
            text = elide(text, limit - len(suffix) if limit else None) + suffix
        out.append((value, text))
    return out
