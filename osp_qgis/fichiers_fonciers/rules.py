"""Social dwellings in the Fichiers fonciers' locals (pb0010_local): Cerema's documented
method, vectorised (a million locals in a few seconds).

* a local is a dwelling when ``logh`` is true (older vintages, without ``logh``:
  ``dteloc`` 1 or 2);
* its owner is a social landlord when ``catpro3`` contains ``F1a`` (older vintages,
  without ``catpro3``: ``hlmsem`` 5 HLM or 6 SEM);
* method ``cerema``: a dwelling of a social landlord is social unless ``loghlls`` is
  ``NON`` (``OUI``, ``OUI PROBABLE`` and ``NC`` count; an empty ``loghlls`` counts as
  ``NC``); method ``catpro3``: every dwelling of a social landlord.

The codes are data: ``resources/reference/fichiers_fonciers_regle.csv``.  Pure Python and
pandas (imported when called)."""
from ..reference import fichiers_fonciers_rule

COLUMNS = ("idlocal", "idpar", "idcom", "logh", "dteloc", "catpro3", "hlmsem", "loghlls",
           "jannath", "dnvoiri", "dindic", "dvoilib", "idcomtxt")
REQUIRED = ("idlocal", "idpar")
METHODS = ("cerema", "catpro3")
METHOD_LABELS = {"cerema": "Cerema (propriétaire F1a et loghlls ≠ NON)",
                 "catpro3": "propriétaire F1a seul (catpro3)"}


class FFError(ValueError):
    """A French message for the user."""


def column_map(headers):
    """``{FF name: header as written}`` for the columns of :data:`COLUMNS` found
    (case, spaces and quotes ignored), plus ``ccodep`` / ``ccocom`` when present."""
    wanted = set(COLUMNS) | {"ccodep", "ccocom"}
    out = {}
    for header in headers:
        name = str(header).strip().strip('"').strip().lower()
        if name in wanted and name not in out:
            out[name] = header
    return out


def check_columns(mapping, where):
    """French error when the identifiers or the rule's columns are missing."""
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        raise FFError("%s : colonne(s) %s introuvable(s) : ce n'est pas une table pb0010_local "
                      "des Fichiers fonciers (colonnes attendues : %s)."
                      % (where, ", ".join(missing), ", ".join(COLUMNS)))
    if "logh" not in mapping and "dteloc" not in mapping:
        raise FFError("%s : ni logh ni dteloc : impossible de savoir quels locaux sont des "
                      "logements." % where)
    if "catpro3" not in mapping and "hlmsem" not in mapping:
        raise FFError("%s : ni catpro3 ni hlmsem : impossible de reconnaître les propriétaires "
                      "bailleurs sociaux." % where)


def by_value(series, function, dtype=object):
    """``function`` applied once per distinct value of ``series`` and spread back (a
    column of a million locals has a few thousand distinct values, or one per row for the
    identifiers: never worse than one call per row, and no pandas string machinery)."""
    import numpy
    import pandas
    codes, uniques = pandas.factorize(series, sort=False)   # missing values: code -1
    values = numpy.array([function(u) for u in uniques] + [function(None)], dtype=dtype)
    return pandas.Series(values[codes], index=series.index)   # code -1 (NA) -> last


def _text(value):
    return "" if value is None or value != value else str(value).strip()


def _identifier(value):
    return _text(value).replace(" ", "").upper()


def prepare(frame):
    """The locals with the canonical column names (text, trimmed; absent columns empty),
    ``idcom`` completed from ``ccodep`` + ``ccocom`` or the parcel, and the rows that
    cannot be used set aside: ``(locals, refused)`` where ``refused`` has a French
    ``motif`` per row.  The frame's index is kept (the caller's line numbers)."""
    import pandas
    mapping = column_map(frame.columns)
    check_columns(mapping, "Locaux")
    out = pandas.DataFrame(index=frame.index)
    for name in COLUMNS + ("ccodep", "ccocom"):
        if name not in mapping:
            out[name] = ""
        elif name in ("idlocal", "idpar"):
            out[name] = by_value(frame[mapping[name]], _identifier)
        else:
            out[name] = by_value(frame[mapping[name]], _text)
    from_codes = by_value(out["ccodep"], lambda v: (v or "").zfill(2)) + \
        by_value(out["ccocom"], lambda v: (v or "").zfill(3))
    out["idcom"] = out["idcom"].where(out["idcom"] != "",
                                      from_codes.where(out["ccocom"] != "",
                                                       out["idpar"].str[:5]))
    bad = ~by_value(out["idlocal"], lambda v: _well_formed(v, 12), bool) | \
        ~by_value(out["idpar"], lambda v: _well_formed(v, 14), bool)
    refused = out[bad].copy()
    refused["motif"] = "identifiant_invalide"
    refused["detail"] = ("idlocal « " + refused["idlocal"] + " » ou idpar « " + refused["idpar"]
                         + " » invalide (12 et 14 caractères attendus)")
    kept = out[~bad]
    twice = kept["idlocal"].duplicated(keep="first")
    doubles = kept[twice].copy()
    doubles["motif"] = "local_en_double"
    doubles["detail"] = "idlocal « " + doubles["idlocal"] + " » déjà lu plus haut"
    return kept[~twice].drop(columns=["ccodep", "ccocom"]), \
        pandas.concat([refused, doubles]).drop(columns=["ccodep", "ccocom"])


def _well_formed(identifier, length):
    """Letters and digits only (ASCII, upper case once cleaned), ``length`` of them."""
    return identifier is not None and len(identifier) == length and identifier.isascii() \
        and identifier.isalnum()


def _one_of(series, values):
    wanted = {v.lower() for v in values}
    return by_value(series, lambda v: (v or "").strip().lower() in wanted, bool)


def is_dwelling(locaux):
    """``logh`` true; where ``logh`` is empty (older vintages), ``dteloc`` 1 or 2."""
    rule = fichiers_fonciers_rule()
    by_logh = _one_of(locaux["logh"], rule["logh_vrai"])
    by_dteloc = locaux["dteloc"].isin(rule["dteloc_logement"])
    return by_logh.where(locaux["logh"] != "", by_dteloc)


def has_social_owner(locaux):
    """``catpro3`` contains F1a; where ``catpro3`` is empty (older vintages), ``hlmsem``
    5 or 6."""
    rule = fichiers_fonciers_rule()
    codes = [c.lower() for c in rule["proprietaire_social_catpro3"]]
    by_catpro3 = by_value(locaux["catpro3"],
                          lambda v: any(c in (v or "").lower() for c in codes), bool)
    by_hlmsem = locaux["hlmsem"].isin(rule["proprietaire_social_hlmsem"])
    return by_catpro3.where(locaux["catpro3"] != "", by_hlmsem)


def is_social_housing(locaux, method="cerema"):
    """The social dwellings of ``locaux`` (a boolean Series), by ``method``."""
    if method not in METHODS:
        raise FFError("Méthode « %s » inconnue : %s." % (method, ", ".join(METHODS)))
    social = is_dwelling(locaux) & has_social_owner(locaux)
    if method == "catpro3":
        return social
    excluded = fichiers_fonciers_rule()["loghlls_exclu"]
    return social & ~_one_of(locaux["loghlls"], excluded)
