#!/usr/bin/python3
"""Regenerate, from the help texts (resources/help/textes/<id>.html, the one source) and the
algorithms themselves (names, parameters, outputs):

- the help pages shipped in the plugin, resources/help/<id>.html, opened by the dialog's
  « Aide » button, and index.html, opened by « Extensions › OSP ERBM › Documentation »;
- the table of algorithms in README.md (between its ``algorithmes`` markers);
- the parameter table of each algorithm in docs/*.md (between ``parametres osp:<id>``
  markers).

    make generate      (or: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/build_help.py)

tools/generate.py --check (run by the tests) fails when one of these is out of date.
"""
import os
import re
import sys
from html import escape

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tools"))
import plugin_package

HELP = ("resources", "help")
DOCS = "docs"
# the module (processing_algs/<module>/) → its page in docs/
MODULE_PAGES = (("programmation", "Programmation", "docs/programmation.md"),
                ("logements", "Logements réhabilités et cartographie", "docs/logements.md"),
                ("fichiers_fonciers", "Fichiers fonciers", "docs/fichiers_fonciers.md"),
                ("parc_social", "Parc social", "docs/parc_social.md"),
                ("base_partagee", "Base partagée PostGIS", "docs/base_partagee.md"),
                ("publication", "Publication", "docs/publication.md"),
                ("livraison", "Livraisons", "docs/livraison.md"))
STYLE = ("body{font-family:sans-serif;font-size:10.5pt;color:#222;max-width:60em;margin:1em auto;"
         "padding:0 1em}h1{color:#1f4e79;font-size:16pt}h2{color:#1f4e79;font-size:12.5pt;"
         "margin-top:1.4em}table{border-collapse:collapse;width:100%}td,th{border:1px solid "
         "#bfbfbf;padding:3px 6px;vertical-align:top;text-align:left}th{background:#1f4e79;"
         "color:#fff}code{background:#f2f2f2;padding:0 2px}p.court{font-size:11.5pt}"
         "a{color:#1f4e79}")
TYPES = {"vector": "couche vecteur", "source": "couche vecteur", "file": "fichier",
         "string": "texte", "enum": "liste", "boolean": "oui / non", "number": "nombre",
         "range": "intervalle", "field": "champ", "sink": "couche en sortie",
         "vectorDestination": "couche en sortie", "fileDestination": "fichier en sortie",
         "folderDestination": "dossier en sortie", "database": "connexion PostgreSQL",
         "providerconnection": "connexion", "databaseschema": "schéma",
         "multilayer": "couches (plusieurs)", "crs": "système de coordonnées"}


def page(title, body):
    return ("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>%s</title>"
            "<style>%s</style></head><body>\n%s\n</body></html>\n" % (escape(title), STYLE, body))


def parameter_rows(algorithm):
    rows = []
    for definition in algorithm.parameterDefinitions():
        kind = TYPES.get(definition.type(), definition.type())
        detail = ""
        if definition.type() == "enum":
            codes = getattr(algorithm, "CHOICES", {}).get(definition.name())
            options = definition.options()
            detail = " : " + ", ".join(
                "%d = %s%s" % (i, escape(o), " (<code>%s</code>)" % escape(codes[i])
                                if codes else "") for i, o in enumerate(options))
        rows.append("<tr><td><code>%s</code></td><td>%s%s</td><td>%s</td><td>%s</td></tr>" % (
            escape(definition.name()), escape(definition.description()), detail, kind,
            "facultatif" if definition.flags() & definition.FlagOptional else "obligatoire"))
    return rows


def render_page(algorithm):
    outputs = "".join("<tr><td><code>%s</code></td><td>%s</td></tr>" % (
        escape(o.name()), escape(o.description())) for o in algorithm.outputDefinitions())
    body = ("<p><a href=\"index.html\">OSP ERBM</a> › %s</p><h1>%s</h1>"
            "<p class=\"court\">%s</p><p>Identifiant : <code>osp:%s</code></p>%s"
            "<h2>Paramètres</h2><table><tr><th>Nom</th><th>Rôle</th><th>Type</th><th></th></tr>"
            "%s</table><h2>Résultats</h2><table><tr><th>Nom</th><th>Contenu</th></tr>%s</table>"
            % (escape(algorithm.group()), escape(algorithm.displayName()),
               escape(algorithm.shortDescription()), algorithm.name(),
               algorithm.shortHelpString(), "".join(parameter_rows(algorithm)), outputs))
    return page(algorithm.displayName() + " – OSP ERBM", body)


def render_index(algorithms):
    groups = {}
    for algorithm in algorithms:
        groups.setdefault(algorithm.group(), []).append(algorithm)
    items = []
    for group in sorted(groups):
        items.append("<h2>%s</h2><ul>%s</ul>" % (escape(group), "".join(
            "<li><a href=\"%s.html\">%s</a> — %s</li>" % (a.name(), escape(a.displayName()),
                                                          escape(a.shortDescription()))
            for a in sorted(groups[group], key=lambda a: a.displayName()))))
    body = ("<h1>OSP ERBM — Outil de suivi et de programmation</h1>"
            "<p class=\"court\">Les algorithmes du fournisseur de traitements « OSP ERBM » "
            "(boîte à outils de traitements, menu Extensions › OSP ERBM, mode lot, modèles, "
            "<code>qgis_process</code>), dans l'ordre du travail : programmer, localiser les "
            "logements réhabilités, contrôler, synthétiser, cartographier.</p>%s"
            "<h2>En ligne de commande</h2><p><code>qgis_process run osp:atlas --INPUT=osp_erbm.gpkg "
            "--SCALE=epci --EPCI=epci.geojson --OUTPUT_FOLDER=atlas</code> : chaque paramètre "
            "s'écrit <code>--NOM=valeur</code>. Les listes acceptent le rang ou le nom de "
            "l'option.</p>" % "".join(items))
    return page("OSP ERBM – aide", body)


def pages(algorithms):
    """``{file name: content}`` of every help page."""
    out = {"%s.html" % a.name(): render_page(a) for a in algorithms}
    out["index.html"] = render_index(algorithms)
    return out


def module_of(algorithm):
    """The module (``programmation``, ``logements``…) an algorithm belongs to."""
    return type(algorithm).__module__.split(".")[-2]


def default_text(definition):
    value = definition.defaultValue()
    if value is None or value == "":
        return ""
    from osp_erbm.processing_algs.common.help_text import french_value
    return french_value(value, definition)


def markdown_cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def parameter_table(algorithm):
    """The Markdown table of an algorithm's parameters (docs/)."""
    lines = ["**`osp:%s` — %s**" % (algorithm.name(), algorithm.displayName()), "",
             "| paramètre | dans le dialogue | type | par défaut |", "|---|---|---|---|"]
    for definition in algorithm.parameterDefinitions():
        optional = " (facultatif)" if definition.flags() & definition.FlagOptional else ""
        lines.append("| `%s` | %s%s | %s | %s |" % (
            definition.name(), markdown_cell(definition.description()), optional,
            TYPES.get(definition.type(), definition.type()),
            markdown_cell(default_text(definition))))
    return "\n".join(lines)


def algorithms_table(algorithms):
    """The README's table: every algorithm, by module, with its one-sentence summary."""
    lines = ["| module | algorithme | identifiant | ce qu'il fait |", "|---|---|---|---|"]
    for module, title, page in MODULE_PAGES:
        for algorithm in algorithms:
            if module_of(algorithm) == module:
                lines.append("| [%s](%s) | %s | `osp:%s` | %s |" % (
                    title, page, markdown_cell(algorithm.displayName()), algorithm.name(),
                    markdown_cell(algorithm.shortDescription())))
    return "\n".join(lines)


def replace_block(text, start, end, content, where):
    """``text`` with what lies between the lines ``start`` and ``end`` replaced."""
    first = text.find(start)
    last = text.find(end, first + 1)
    if first < 0 or last < 0:
        raise SystemExit("%s : repères « %s » / « %s » introuvables" % (where, start, end))
    return text[:first + len(start)] + "\n" + content + "\n" + text[last:]


def documents(algorithms):
    """``{path relative to the checkout: text}`` of README.md and docs/*.md, their
    generated blocks filled."""
    out = {}
    by_name = {a.name(): a for a in algorithms}
    with open(os.path.join(REPO, "README.md"), encoding="utf-8") as handle:
        out["README.md"] = replace_block(handle.read(), "<!-- algorithmes -->",
                                         "<!-- fin algorithmes -->",
                                         algorithms_table(algorithms), "README.md")
    for _, _, page in MODULE_PAGES:
        with open(os.path.join(REPO, page), encoding="utf-8") as handle:
            text = handle.read()
        for name in sorted(set(re.findall(r"<!-- parametres osp:([a-z_]+) -->", text))):
            if name not in by_name:
                raise SystemExit("%s : algorithme osp:%s inconnu" % (page, name))
            text = replace_block(text, "<!-- parametres osp:%s -->" % name,
                                 "<!-- fin parametres osp:%s -->" % name,
                                 parameter_table(by_name[name]), page)
        out[page] = text
    return out


def algorithms():
    from osp_erbm.processing_algs.provider import ALGORITHMS
    out = []
    for cls in ALGORITHMS:
        algorithm = cls()
        algorithm.initAlgorithm()
        out.append(algorithm)
    return out


def main():
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    found = algorithms()
    files = {os.path.join(*(HELP + (name,))): content for name, content in pages(found).items()}
    files.update(documents(found))
    for name, content in files.items():
        with open(plugin_package.output_path(name), "w", encoding="utf-8",
                  newline="\n") as handle:
            handle.write(content)
    print("Aide, README.md et docs/ écrits (%d fichiers)" % len(files))


if __name__ == "__main__":
    main()
    # QGIS 3.22 may crash while tearing itself down after the files are written: the files
    # are complete here, so leave without the teardown (the exit status stays the truth)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
