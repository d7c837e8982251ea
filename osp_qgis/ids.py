"""Normalisation of the identifiers found in landlord sheets.

Every function takes the raw cell text (already converted to ``str`` by the
sheet reader, never a float) and returns the canonical form, or raises
:class:`IdError` whose ``motif`` is an anomaly code and ``message`` a French
sentence for the user.  No Qt, no QGIS: these are unit-tested on their own.
"""
import functools
import re
import unicodedata

from .plain_text import without_accents

RPLS_LENGTH = 10
IDLOCAL_LENGTH = 12
IDPAR_LENGTH = 14

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
# Excel writes integers as "44619057.0" or "4.4619057E7" when a text column was
# typed as a number; both mean the integer.  Digits are ASCII only: « １２ » is
# folded to « 12 » by NFKC before, never matched as such (re.ASCII).
_FLOAT_TEXT = re.compile(r"^([0-9]+)(?:[.,]0+)?$")
_SCI_TEXT = re.compile(r"^([0-9])(?:[.,]([0-9]+))?[eE]\+?([0-9]+)$")

_DEP = r"(?:[0-9]{2}|2[AB])"
_INSEE = re.compile(r"^(?:[0-9]{2}|2[AB])[0-9]{3}$|^97[0-9]{3}$")
_IDLOCAL = re.compile(r"^" + _DEP + r"[0-9A-Z]{10}$")
# section: one or two characters ending with a letter ("C", "0C", "AP", "ZA")
_SECTION = r"(?P<section>[0-9A-Z]?[A-Z])"
_NUMERO = r"(?P<numero>[0-9]{1,4})"
_PREFIX = r"(?P<prefix>[0-9]{3})"
_IDPAR_FULL = re.compile(
    r"^(?P<insee>(?:[0-9]{2}|2[AB])[0-9]{3})" + _PREFIX + "?" + _SECTION + _NUMERO + "$")
_IDPAR_SHORT = re.compile(r"^" + _PREFIX + "?" + _SECTION + _NUMERO + "$")
IDPAR_PATTERN = r"^([0-9]{2}|2[AB])[0-9]{3}[0-9]{3}[0-9A-Z]{2}[0-9]{4}$"
_IDPAR_CANONICAL = re.compile(IDPAR_PATTERN)
# the forms the normalisers give back unchanged (column-wise plans test them first)
canonical_idpar = _IDPAR_CANONICAL.match
canonical_idlocal = _IDLOCAL.match
_SEPARATORS = re.compile(r"[-_./]")
_DECISION_YEAR = re.compile(r"^\s*((?:19|20)[0-9]{2})")
MOTIF_TRONQUE = "identifiant_tronque"

YEAR_MIN = 1990
YEAR_MAX = 2100


class IdError(ValueError):
    """An identifier that cannot be normalised (anomaly, never a crash)."""

    def __init__(self, motif, message):
        super().__init__(message)
        self.motif = motif
        self.message = message


def clean_text(value):
    """Cell text with outer blanks removed; ``None`` and blank cells give ''."""
    if value is None:
        return ""
    return str(value).strip()


def is_ascii_digits(text):
    """``"0123"`` yes; ``"１２"`` (full width), ``"²"`` or ``""`` no."""
    return text.isascii() and text.isdigit()


def compact(value):
    """Cell text without any blank (spaces, non-breaking spaces), upper case,
    compatibility characters folded (full-width « １２ » -> « 12 »)."""
    text = clean_text(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if " " in text or "\u00a0" in text or "\u202f" in text or "\t" in text:
        text = _SPACES.sub("", text)
    return text.upper()


def integer_text(value):
    """The digits of a number Excel may have written as float or scientific text.

    A scientific notation that kept fewer digits than its exponent needs
    (``4.46192E+07``: the spreadsheet showed 6 significant digits of an 8-digit id)
    lost digits: it is an :class:`IdError` ``identifiant_tronque``, never padded with
    invented zeros."""
    if not value:
        return ""
    text = compact(value)
    match = _FLOAT_TEXT.match(text)
    if match:
        return match.group(1)
    match = _SCI_TEXT.match(text)
    if match:
        lead, frac, exp = match.group(1), match.group(2) or "", int(match.group(3))
        if len(frac) < exp:
            raise IdError(MOTIF_TRONQUE,
                          "« %s » est un nombre en notation scientifique qui a perdu des "
                          "chiffres (le tableur n'en a gardé que %d) : identifiant à "
                          "redemander au bailleur, écrit en texte." % (clean_text(value),
                                                                     len(lead + frac)))
        if not frac[exp:].strip("0"):  # « 4.46192000E+07 »: every digit is there
            return lead + frac[:exp]
    return text


def normalise_rpls(value):
    """RPLS dwelling id ("identifiant répertoire") as 10 digits.

    Excel often stored ``0044619057`` as the number 44619057: the zeros are
    restored.  Empty cell -> ``None``.
    """
    if value.__class__ is str and is_ascii_digits(value) and len(value) <= RPLS_LENGTH:
        return value.zfill(RPLS_LENGTH)  # the usual case, without regular expressions
    text = integer_text(value)
    if not text:
        return None
    if not is_ascii_digits(text) or len(text) > RPLS_LENGTH:
        raise IdError("rpls_invalide",
                      "Identifiant RPLS « %s » invalide : 10 chiffres attendus." % clean_text(value))
    return text.zfill(RPLS_LENGTH)


def normalise_commune(value):
    """INSEE commune code on 5 characters (``2A004``, ``59456``), or ``None``.

    A leading zero lost by Excel (``1004`` for ``01004``) is restored.
    """
    if not value:
        return None
    if value.__class__ is str and len(value) == 5 and is_ascii_digits(value):
        return value  # the usual case
    text = integer_text(value)
    if not text:
        return None
    if is_ascii_digits(text) and len(text) == 4:
        text = "0" + text
    if not _INSEE.match(text):
        raise IdError("commune_invalide",
                      "Code commune INSEE « %s » invalide : 5 caractères attendus." % clean_text(value))
    return text


def departement_of_commune(insee):
    """Département code of an INSEE commune code (3 digits overseas)."""
    if not insee:
        return None
    return insee[:3] if insee.startswith("97") else insee[:2]


def normalise_departement(value):
    """Département code: ``59``, ``62``, ``2A``; ``9`` -> ``09``; ``None`` if empty."""
    if not value:
        return None
    text = integer_text(value)
    if not text:
        return None
    if is_ascii_digits(text) and len(text) == 1:
        text = "0" + text
    if re.match(r"^([0-9]{2}|2[AB]|97[0-9])$", text):
        return text
    raise IdError("departement_invalide", "Département « %s » invalide." % clean_text(value))


def normalise_idlocal(value, departement=None):
    """Fiscal dwelling id (Fichiers fonciers ``idlocal``) on 12 characters.

    ``idlocal`` = département (2) + invariant (10).  Spaces are removed; a
    10-character invariant alone is completed with ``departement``; a leading
    zero lost by Excel (11 digits) is restored.
    """
    if value.__class__ is str and len(value) == IDLOCAL_LENGTH and _IDLOCAL.match(value):
        return value  # the usual case
    text = integer_text(value)
    if not text:
        return None
    if len(text) == 10 and departement:
        text = departement[:2] + text
    elif len(text) == 11 and is_ascii_digits(text):
        text = "0" + text
    if not _IDLOCAL.match(text):
        raise IdError("local_invalide",
                      "Identifiant fiscal (idlocal) « %s » invalide : 12 caractères attendus "
                      "(département + invariant)." % clean_text(value))
    return text


def _idpar_from_parts(insee, prefix, section, numero):
    return insee + (prefix or "000") + section.rjust(2, "0") + numero.zfill(4)


def normalise_idpar(value, commune=None):
    """Parcel id on 14 characters: INSEE (5) + préfixe (3) + section (2) + numéro (4).

    Accepts ``62498 000 AP 347``, ``62498000ap0347``, ``62498000AP347``,
    ``62498AP347`` and, when ``commune`` (a normalised INSEE code) is known,
    section and number only (``AP347``, ``000 AP 347``).  Single-letter
    sections are left-padded with ``0``; the numéro is zero-padded.
    """
    if value.__class__ is str and len(value) == IDPAR_LENGTH and _IDPAR_CANONICAL.match(value):
        return value  # already canonical: the usual case
    text = compact(value)
    text = _SEPARATORS.sub("", text)
    if not text:
        return None
    match = _IDPAR_FULL.match(text)
    if match:
        return _idpar_from_parts(match.group("insee"), match.group("prefix"),
                                 match.group("section"), match.group("numero"))
    match = _IDPAR_SHORT.match(text)
    if match:
        if not commune:
            raise IdError("parcelle_invalide",
                          "Parcelle « %s » sans code commune : indiquer la commune ou "
                          "l'identifiant complet (14 caractères)." % clean_text(value))
        return _idpar_from_parts(commune, match.group("prefix"),
                                 match.group("section"), match.group("numero"))
    raise IdError("parcelle_invalide",
                  "Identifiant de parcelle « %s » invalide : attendu commune (5) + préfixe (3) "
                  "+ section (2) + numéro (4), par ex. 62498000AP0347." % clean_text(value))


def is_canonical_idpar(value):
    return bool(value) and bool(_IDPAR_CANONICAL.match(value))


def normalise_internal_id(value):
    """Landlord's own dwelling id: kept as written, blanks trimmed; '' -> None."""
    text = clean_text(value)
    if not text:
        return None
    if ("." in text or "," in text) and _FLOAT_TEXT.match(compact(text)):
        return integer_text(text)
    return text


def year_from_decision(number):
    """Financing year read at the head of a decision number (``2020DD0590000`` -> 2020)."""
    match = _DECISION_YEAR.match(clean_text(number))
    if not match:
        return None
    year = int(match.group(1))
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def normalise_year(value):
    """A financing year from its own column (``2019``, ``2019.0``); ``None`` if empty."""
    if not value:
        return None
    if value.__class__ is str and len(value) == 4 and is_ascii_digits(value) \
            and YEAR_MIN <= int(value) <= YEAR_MAX:
        return int(value)
    text = integer_text(value)
    if not text:
        return None
    if is_ascii_digits(text) and YEAR_MIN <= int(text) <= YEAR_MAX:
        return int(text)
    raise IdError("annee_invalide", "Année de financement « %s » invalide." % clean_text(value))


@functools.lru_cache(maxsize=65536)
def fold(text):
    """Lower case, accents removed, only letters and digits: for comparing labels."""
    return re.sub(r"[^0-9a-z]+", "", without_accents(clean_text(text)).lower())


PALULOS_GROUPE = "Groupé"
PALULOS_ISOLE = "Isolé"
PALULOS_HORS = "Hors"
PALULOS_TYPES = (PALULOS_GROUPE, PALULOS_ISOLE, PALULOS_HORS)


def normalise_type_palu(value, variants):
    """``Groupé``, ``Isolé`` or ``Hors`` from a landlord's spelling.

    ``variants`` maps folded spellings to the canonical value (see
    :func:`osp_qgis.reference.palulos_variants`).  Empty -> ``None``.
    """
    key = fold(value)
    if not key:
        return None
    if key in variants:
        return variants[key]
    raise IdError("type_palu_inconnu",
                  "Type PALULOS « %s » non reconnu (attendu : Groupé, Isolé ou Hors)."
                  % clean_text(value))
