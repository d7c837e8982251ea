"""The domain's reference tables, read from ``resources/reference/*.csv``.

Facts (column synonyms, PALULOS spellings, …) are data files, each read by one
function here, so that users and maintainers change a CSV, not the code.
"""
import csv
import functools
import os

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES_DIR = os.path.join(PLUGIN_DIR, "resources")
REFERENCE_DIR = os.path.join(RESOURCES_DIR, "reference")


def resource_path(*parts):
    return os.path.join(RESOURCES_DIR, *parts)


def read_reference(name):
    """Rows of ``resources/reference/<name>`` (``;``-separated, UTF-8) as dicts."""
    with open(os.path.join(REFERENCE_DIR, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@functools.lru_cache(maxsize=None)
def palulos_variants():
    """Folded spelling -> ``Groupé`` / ``Isolé`` / ``Hors``."""
    return {row["variante"]: row["type_palu"] for row in read_reference("palulos_variants.csv")}


@functools.lru_cache(maxsize=None)
def synonyms(name):
    """``[(role, folded header, 'exact'|'debut', folded group or '')]`` of a synonyms table
    (``column_synonyms.csv``, ``rpls_colonnes.csv``…), in file order."""
    return [(row["role"], row["entete"], row["correspondance"], row["groupe"] or "")
            for row in read_reference(name)]


def column_synonyms():
    """The landlord sheets' synonyms."""
    return synonyms("column_synonyms.csv")


@functools.lru_cache(maxsize=None)
def communes():
    """INSEE -> ``{"nom", "dep", "epci_siren"}`` for Nord and Pas-de-Calais."""
    return {row["insee"]: {"nom": row["nom"], "dep": row["dep"], "epci_siren": row["epci_siren"]}
            for row in read_reference("communes_59_62.csv")}


@functools.lru_cache(maxsize=None)
def epcis():
    """SIREN -> ``{"nom", "sigle"}``."""
    return {row["siren"]: {"nom": row["nom"], "sigle": row["sigle"]}
            for row in read_reference("epci_59_62.csv")}


@functools.lru_cache(maxsize=None)
def territory_fields(layer, role):
    """The field names recognised for ``role`` (``id``, ``nom``, ``insee``, ``commune``,
    ``sigle``) in a user's ``layer`` of ``cite``, ``commune`` or ``epci``, in order of
    preference (``champs_territoire.csv``)."""
    return tuple(row["champ"] for row in read_reference("champs_territoire.csv")
                 if row["couche"] == layer and row["role"] == role)


@functools.lru_cache(maxsize=None)
def departements():
    return {row["code"]: row["nom"] for row in read_reference("departements.csv")}


@functools.lru_cache(maxsize=None)
def bailleurs():
    """``[(code, nom, couleur)]`` in file order."""
    return [(row["code"], row["nom"], row["couleur"]) for row in read_reference("bailleurs.csv")]


@functools.lru_cache(maxsize=None)
def geoloc_sources():
    return [(row["code"], row["libelle"]) for row in read_reference("geoloc_sources.csv")]


@functools.lru_cache(maxsize=None)
def fichiers_fonciers_rule():
    """Cerema's social-housing rule for pb0010_local, as data: ``{parametre: (values…)}``
    (``resources/reference/fichiers_fonciers_regle.csv``)."""
    return {row["parametre"]: tuple(v for v in row["valeurs"].split("|") if v)
            for row in read_reference("fichiers_fonciers_regle.csv")}
