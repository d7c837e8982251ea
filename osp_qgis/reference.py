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
def column_synonyms():
    """``[(role, folded header, 'exact'|'debut', folded group or '')]`` in file order."""
    return [(row["role"], row["entete"], row["correspondance"], row["groupe"] or "")
            for row in read_reference("column_synonyms.csv")]
