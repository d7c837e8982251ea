"""The algorithms' help, written once as data: ``resources/help/textes/<id>.html``, an HTML
fragment whose first paragraph (``<p class="resume">``) is the one-sentence summary (the
toolbox tooltip, the README's table) and the rest the dialog's help.  Parameters are named
by placeholders the dialog's own words replace:

- ``{{NAME}}`` → « the parameter's label in the dialog »;
- ``{{defaut:NAME}}`` → its default value, written the French way (« 11 », « 23 000 »,
  the option's label for a list) — the default is defined once, in the parameter.

tools/build_help.py writes the shipped pages (``resources/help/<id>.html``) and the README's
table from the same files."""
import functools
import html
import re

from ...osp_qgis import french_numbers
from ...osp_qgis.reference import resource_path

TEXTS_DIR = ("help", "textes")
_SUMMARY = re.compile(r'^\s*<p class="resume">(.*?)</p>\s*', re.S)
_PLACEHOLDER = re.compile(r"\{\{(?:(defaut):)?([A-Z][A-Z0-9_]*)\}\}")
_TAGS = re.compile(r"<[^>]+>")


class HelpError(Exception):
    """A help file that is missing or names a parameter the algorithm does not have."""


def text_path(name):
    return resource_path(*(TEXTS_DIR + ("%s.html" % name,)))


@functools.lru_cache(maxsize=None)
def source(name):
    """``(summary as plain text, body HTML with placeholders)`` of algorithm ``name``."""
    try:
        with open(text_path(name), encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        raise HelpError("Aide de osp:%s introuvable (%s)." % (name, text_path(name)))
    found = _SUMMARY.match(text)
    if not found:
        raise HelpError("Aide de osp:%s : le premier paragraphe doit être "
                        "<p class=\"resume\">…</p>." % name)
    summary = html.unescape(_TAGS.sub("", found.group(1)))
    return " ".join(summary.split()), text[found.end():].strip()


def french_value(value, definition=None):
    """A default value as the help writes it."""
    options = definition.options() if hasattr(definition, "options") else None
    if options and isinstance(value, int) and 0 <= value < len(options):
        return options[value]
    if options and isinstance(value, list):      # several choices: their names
        return ", ".join(options[v] for v in value if isinstance(v, int)
                         and 0 <= v < len(options))
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):   # « 23 000 », but a year stays « 2017 »
        return french_numbers.integer(value) if abs(value) >= 10000 else str(value)
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


def render(body, definition_of):
    """``body`` with its placeholders replaced; ``definition_of(name)`` is the algorithm's
    parameter definition (``None`` when it has no such parameter: :class:`HelpError`)."""
    def replace(match):
        definition = definition_of(match.group(2))
        if definition is None:
            raise HelpError("L'aide nomme un paramètre inconnu : %s." % match.group(0))
        if match.group(1):
            return html.escape(french_value(definition.defaultValue(), definition))
        return "« %s »" % html.escape(definition.description())
    return _PLACEHOLDER.sub(replace, body)


def placeholders(body):
    """The parameter names ``body`` refers to."""
    return {match.group(2) for match in _PLACEHOLDER.finditer(body)}
