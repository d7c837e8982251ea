"""What a delivery in the partners' formats must respect, without QGIS: the formats
(resources/reference/formats_livraison.csv: driver, extension, field-name and text limits,
encoding), field names shortened only where a format demands it — unique, predictable,
recorded in the data dictionary —, long texts cut with an anomaly line, file names explicit
and Windows-safe, licensed data refused."""
import codecs
import functools
import re

from .. import fields as field_names
from ..files import safe_filename
from ..plain_text import without_accents
from ..publication import tables as kinds
from ..reference import read_reference

FOLDER_NOTE = "Livraison préparée par le plugin QGIS OSP ERBM (osp:livrables)."
CRS_NAMES = {"EPSG:2154": "RGF93 v1 / Lambert-93", "EPSG:3950": "RGF93 v1 / CC50"}


@functools.lru_cache(maxsize=None)
def formats():
    """``{code: row}`` of the delivery formats, in the file's order."""
    return {row["code"]: row for row in read_reference("formats_livraison.csv")}


def format_codes():
    return tuple(formats())


def short_names(names, limit):
    """``{name: short name}``: each name cut to ``limit`` characters (ASCII, letters, digits
    and ``_``) only when needed, made unique by a numbered ending (« logements_s »,
    « logement_1 »…) in the order of ``names`` — the same input gives the same names."""
    out, taken = {}, set()
    for name in names:
        base = re.sub(r"[^A-Za-z0-9_]", "_", without_accents(name)) or "champ"
        if not limit or len(base) <= limit:
            candidate = base
        else:
            candidate = base[:limit]
        n = 1
        while candidate.lower() in taken:
            suffix = "_%d" % n
            candidate = (base[:limit - len(suffix)] if limit else base) + suffix
            n += 1
        taken.add(candidate.lower())
        out[name] = candidate
    return out


PLAIN_INTEGER_PREFIXES = ("annee", "id", "num", "code", "insee", "siren", "version")


def plain_integer(name):
    """An integer shown without thousands separator (a year, an identifier, a code)."""
    return name.lower().startswith(PLAIN_INTEGER_PREFIXES)


def max_rows(code):
    """Rows a sheet of the format holds, header included (``None``: no limit)."""
    value = formats()[code]["lignes_max"]
    return int(value) if value else None


def columns_problem(table, count, code):
    """A French reason when the format cannot hold ``count`` columns, else ``None``."""
    value = formats()[code]["colonnes_max"]
    if value and count > int(value):
        return ("« %s » a %d champs ; le format %s n'en admet que %s : choisir un autre "
                "format ou livrer moins de champs." % (table, count,
                                                        formats()[code]["libelle"], value))
    return None


def rows_problem(table, count, code):
    """A French reason when one sheet of the format cannot hold ``count`` rows (formats
    written as one sheet per layer), else ``None``."""
    limit = max_rows(code)
    if limit and count > limit - 1:
        return ("« %s » a %d lignes ; une feuille %s n'en admet que %d : choisir XLSX ou XLS "
                "(plusieurs feuilles) ou CSV." % (table, count, formats()[code]["libelle"],
                                                  limit - 1))
    return None


def encoding_problem(encoding):
    """A French reason when Python does not know the encoding, else ``None``."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        return "Encodage « %s » inconnu : laisser vide ou choisir CP1252, UTF-8, " \
               "ISO-8859-15…" % encoding
    return None


def encodable(value, encoding):
    """``(value, changed)``: the characters the encoding cannot carry replaced by « ? »."""
    if not isinstance(value, str) or encoding.upper().replace("-", "") == "UTF8":
        return value, False
    try:
        value.encode(encoding)
        return value, False
    except UnicodeEncodeError:
        return value.encode(encoding, "replace").decode(encoding), True


def cut_text(value, limit):
    """``(value, cut)``: a text longer than ``limit`` cut to it (``cut`` says so)."""
    if not limit or not isinstance(value, str) or len(value) <= limit:
        return value, False
    return value[:limit], True


def refusal(table, fields):
    """A French reason to refuse a layer (licensed rows), else ``None``."""
    kind, reason = kinds.classify(table, fields)
    if kind == "licence":
        return "« %s » : %s ; seules les tables d'indicateurs sous secret statistique se " \
               "livrent." % (table, reason)
    return None


def extension(code, spatial):
    """A delivered file's extension: a table without geometry in « Shapefile » is its .dbf."""
    if code == "shp" and not spatial:
        return "dbf"
    return formats()[code]["extension"]


def file_stem(name, layer):
    """« livraison_osp_logements » : the delivery's and the layer's names, Windows-safe."""
    return safe_filename("%s_%s" % (name, layer)).replace(" ", "_")


# how each format writes a type it lacks (type names as QGIS and OGR give them)
TYPE_NOTES = {
    "date": ("", ""),
    "datetime": ("shp", "date-heure écrite en texte ISO 8601 (AAAA-MM-JJTHH:MM:SS)"),
    "boolean": ("tab,mif,shp,csv,xlsx,xls,ods", "booléen écrit 1 (vrai) / 0 (faux)"),
}


def type_note(kind, formats_used):
    """What the dictionary says of a type some of the chosen formats lack."""
    where, note = TYPE_NOTES.get((kind or "").lower().replace("_", ""), ("", ""))
    used = [code for code in where.split(",") if code in formats_used]
    return "%s en %s" % (note, ", ".join(formats()[c]["libelle"] for c in used)) if used \
        else ""


def unit_of(name, alias):
    if name.startswith(("montant", "cout", "env_")) or "(€)" in alias:
        return "€"
    if name.startswith("part_") or "(%)" in alias:
        return "%"
    return ""


MAPINFO_EMPTY_NUMBERS = "nombre écrit en texte en MapInfo (MapInfo n'a pas de nombre vide : " \
    "il écrirait 0)"


def dictionary_rows(layer, fields, formats_used, numbers_with_nulls=()):
    """Rows of the data dictionary for one layer; ``fields`` = ``[(name, type, alias,
    comment)]``: layer, field, its short name in each format that shortens, French alias,
    type, unit, description, and how a format without the type writes it
    (``numbers_with_nulls``: numeric fields with empty values, text in MapInfo)."""
    limits = {code: int(formats()[code]["longueur_nom"]) for code in formats_used
              if formats()[code]["longueur_nom"]}
    shortened = {code: short_names([f[0] for f in fields], limit)
                 for code, limit in limits.items()}
    rows = []
    for name, kind, alias, comment in fields:
        alias = alias if alias and alias != name else (
            field_names.LAYER_ALIASES.get((layer, name)) or field_names.ALIASES.get(name)
            or name)
        rows.append({"couche": layer, "champ": name,
                     **{"nom_%s" % code: shortened[code][name] for code in sorted(shortened)},
                     "alias": alias, "type": kind, "unite": unit_of(name, alias),
                     "description": comment or alias,
                     "remarque": "; ".join(filter(None, (
                         type_note(kind, formats_used),
                         MAPINFO_EMPTY_NUMBERS if name in numbers_with_nulls and {
                             "tab", "mif"} & set(formats_used) else "")))})
    return rows


LICENCE_NOTE = ("{layer} : indicateurs tirés des Fichiers fonciers (DGFiP, Cerema), sous "
                "licence : agrégés et masqués sous le secret statistique, à ne pas rediffuser "
                "hors des ayants droit de la convention.")
SECRET_NOTE = ("{layer} : valeurs sous le secret statistique masquées (« s » ou vide, voir "
               "le champ « secret ») ; ne pas tenter de les recalculer par différence.")
PARTNER_NOTE = ("{layer} : données des partenaires de l'ERBM ({kind}) : à ne transmettre "
                "qu'aux partenaires concernés.")


def layer_notes(layer, fields):
    """The secrecy, licence and partner notes of one layer for the LISEZMOI."""
    names = {f.lower() for f in fields}
    kind, _ = kinds.classify(layer, fields)
    notes = []
    if names & kinds.LICENSED_FIELDS:
        notes.append(LICENCE_NOTE.format(layer=layer))
    if kinds.SECRET_FIELD in names:
        notes.append(SECRET_NOTE.format(layer=layer))
    if kind in kinds.PARTNER_KINDS:
        notes.append(PARTNER_NOTE.format(layer=layer, kind=kind))
    return notes


def format_notes(formats_used):
    """The LISEZMOI's note of each chosen format (formats_livraison.csv, « note »)."""
    return [formats()[c]["note"] for c in formats_used if formats()[c]["note"]]


def readme(name, entries, notes):
    """LISEZMOI: every file with its format, CRS, encoding, objects, source, date; then the
    notes (secrecy, licence)."""
    lines = [name, "=" * len(name), "", FOLDER_NOTE, "",
             "fichier | format | système de coordonnées | encodage | objets | source | date"]
    for entry in entries:
        lines.append("%(fichier)s | %(format)s | %(crs)s | %(encodage)s | %(objets)s | "
                     "%(source)s | %(date)s" % entry)
    lines += ["", "Notes", "-----"] + (notes or ["(aucune)"]) + [
        "", "Dictionnaire des données : dictionnaire_des_donnees.xlsx et .csv (nom de chaque "
        "champ dans chaque format, alias, type, unité).", ""]
    return "\n".join(lines)
