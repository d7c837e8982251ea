"""The operations of the programmation and their avancement notes: fields, blocks,
rules, the name convention, versions.

An operation is a dict of the fields below.  Each partner fills its own forecast
block (``b_`` bailleur, ``e_`` EPCI, ``d_`` DIRBM/DDTM), the CRHH decides (``crhh_``).
Pure Python; names are binding (issue #10), aliases in field_aliases.csv.
"""
import datetime
import hashlib
import json
import re

from .. import forms, reference
from ..fields import specs
from ..ids import fold
from ..plain_text import without_accents
from ..territory import Territory

OPERATIONS = "operations"
AVANCEMENT = "avancement"
# the value lists are the forms' (forms/operations.json, forms/avancement.json)
TYPES_PROG = forms.value_codes(OPERATIONS, "type_prog")
STATUTS = forms.value_codes(OPERATIONS, "statut")
ROLES = forms.value_codes(AVANCEMENT, "role")
NOTE_STATUTS = forms.value_codes(AVANCEMENT, "statut")
OUI_NON = ("oui", "non")
BLOCKS = {"bailleur": "b", "epci": "e", "ddtm": "d"}  # BLOCK parameter -> field prefix
BLOCK_TITLES = {"b": "Prévisionnel bailleur", "e": "Prévisionnel EPCI",
                "d": "Prévisionnel DIRBM/DDTM", "crhh": "Décision CRHH"}
ROLE_OF_BLOCK = {"b": "bailleur", "e": "epci", "d": "ddtm_drbm"}

IDENTITY = (("id_op", "int"), ("nom", "string"), ("bailleur", "string"), ("epci", "string"),
            ("communes", "string"), ("cites", "string"), ("annee_prog", "int"),
            ("type_prog", "string"), ("statut", "string"))
BLOCK = (("nb_total", "int"), ("nb_c", "int"), ("nb_bbc", "int"), ("nb_bio", "int"),
         ("env_total", "double"), ("env_c", "double"), ("env_bbc", "double"), ("obs", "string"))
BLOCK_EXTRA = {"b": (("perimetre", "string"), ("report", "string"),
                     ("rehab_integree", "string"), ("date_depot", "date")),
               "e": (("date_validite", "date"),),
               "d": (("env_min", "double"), ("env_max", "double"), ("bonus_min", "double"),
                     ("bonus_max", "double"))}
CRHH = (("crhh_nb_valides", "int"), ("crhh_enveloppe", "double"), ("crhh_date", "date"),
        ("num_decision", "string"))
# the money (issue #29): the financing plan and payments are finance.py's tables
FINANCE = (("cout_total_ttc", "double"), ("date_notification", "date"),
           ("date_demarrage", "date"), ("date_achevement", "date"), ("date_solde", "date"),
           ("etat_financier", "string"))
TAIL = (("date_maj", "datetime"), ("maj_par", "string"), ("version", "int"))


def block_fields(prefix):
    """``[(name, type)]`` of a forecast block (``"b"``, ``"e"``, ``"d"``) or ``"crhh"``."""
    if prefix == "crhh":
        return list(CRHH)
    return [("%s_%s" % (prefix, n), k) for n, k in BLOCK + BLOCK_EXTRA.get(prefix, ())]


OPERATION_FIELDS = specs(*(list(IDENTITY) + block_fields("b") + block_fields("e")
                           + block_fields("d") + list(CRHH) + list(FINANCE) + list(TAIL)),
                         layer=OPERATIONS)
NOTE_FIELDS = specs(("id_note", "int"), ("id_op", "int"), ("date", "date"), ("role", "string"),
                    ("auteur", "string"), ("texte", "string"), ("statut", "string"),
                    layer=AVANCEMENT)
FIELD_NAMES = tuple(f[0] for f in OPERATION_FIELDS)
KINDS = {name: kind for name, kind, _ in OPERATION_FIELDS}
NOTE_KINDS = {name: kind for name, kind, _ in NOTE_FIELDS}


# -- values ---------------------------------------------------------------------------------
def empty_operation():
    return {name: None for name in FIELD_NAMES}


def parse_date(value):
    """A date from a cell: a date, « 2021-04-01 », « 01/04/2021 » ; ``None`` if empty;
    ``ValueError`` if unreadable."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%Y/%m/%d", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_number(value, integer=False):
    """``12``, ``"1 250,50 €"``, ``"-"`` (empty) -> a number; ``ValueError`` if unreadable."""
    if value in (None, "", "-", "- €", "−"):
        return None
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, (int, float)):
        number = value
    else:
        text = str(value).strip().replace("€", "").replace("\u202f", "").replace("\u00a0", "")
        text = text.replace(" ", "")
        if text in ("", "-", "−"):
            return None
        if text.count(",") == 1 and text.count(".") == 0:
            text = text.replace(",", ".")
        elif "," in text and "." in text:  # 1.250,50
            text = text.replace(".", "").replace(",", ".")
        number = float(text)
    if integer:
        if float(number) != int(number):
            raise ValueError(str(value))
        return int(number)
    return float(number)


def parse_oui_non(value):
    if value in (None, ""):
        return None
    folded = fold(value)
    if folded in ("oui", "o", "vrai", "true", "1", "x", "yes"):
        return "oui"
    if folded in ("non", "n", "faux", "false", "0", "no"):
        return "non"
    raise ValueError(str(value))


def coerce(name, value, kinds=KINDS):
    """A cell value as the field wants it; ``ValueError`` when it cannot be."""
    kind = kinds[name]
    if kind == "int":
        return parse_number(value, integer=True)
    if kind == "double":
        return parse_number(value)
    if kind == "date":
        return parse_date(value)
    if kind == "datetime":
        if value in (None, ""):
            return None
        return value if isinstance(value, datetime.datetime) else \
            datetime.datetime.combine(parse_date(value), datetime.time())
    if name in ("b_report", "b_rehab_integree"):
        return parse_oui_non(value)
    text = None if value is None else str(value).strip()
    return text or None


# -- rules ----------------------------------------------------------------------------------
def bailleur_codes():
    return {row["code"] for row in reference.read_reference("bailleurs.csv")}


def epci_codes():
    territory = Territory.from_reference()
    return {territory.epci_code(s) for s in territory.epcis}


def check_block(op, prefix):
    """Problems of one block: ``[(field, motif, French detail)]``."""
    problems = []
    get = lambda n: op.get("%s_%s" % (prefix, n)) if prefix != "crhh" else op.get(n)
    if prefix == "crhh":
        for name in ("crhh_nb_valides", "crhh_enveloppe"):
            if op.get(name) is not None and op[name] < 0:
                problems.append((name, "montant_negatif", "%s est négatif." % name))
        return problems
    label = BLOCK_TITLES[prefix]
    total, c, bbc, bio = get("nb_total"), get("nb_c"), get("nb_bbc"), get("nb_bio")
    for name in ("nb_total", "nb_c", "nb_bbc", "nb_bio", "env_total", "env_c", "env_bbc") + \
            tuple(n for n, _ in BLOCK_EXTRA.get(prefix, ()) if n.startswith(("env", "bonus"))):
        value = get(name)
        if value is not None and value < 0:
            problems.append(("%s_%s" % (prefix, name), "valeur_negative",
                             "%s : %s ne peut pas être négatif." % (label, name)))
    if total is not None and c is not None and bbc is not None and c + bbc != total:
        problems.append(("%s_nb_total" % prefix, "repartition_incoherente",
                         "%s : %d logements étiquette C + %d BBC ≠ %d au total."
                         % (label, c, bbc, total)))
    if total is not None and bio is not None and bio > total:
        problems.append(("%s_nb_bio" % prefix, "biosources_trop_nombreux",
                         "%s : %d logements biosourcés pour %d au total." % (label, bio, total)))
    env, env_c, env_bbc = get("env_total"), get("env_c"), get("env_bbc")
    if env is not None and env_c is not None and env_bbc is not None and \
            abs(env_c + env_bbc - env) > 0.005:
        problems.append(("%s_env_total" % prefix, "enveloppe_incoherente",
                         "%s : enveloppes C (%s) + BBC (%s) ≠ total (%s)." % (
                             label, env_c, env_bbc, env)))
    if prefix == "d":
        for low, high in (("env_min", "env_max"), ("bonus_min", "bonus_max")):
            if get(low) is not None and get(high) is not None and get(low) > get(high):
                problems.append(("d_%s" % low, "minimum_superieur_au_maximum",
                                 "%s : %s supérieur à %s." % (label, low, high)))
    return problems


def check_operation(op, bailleurs=None, epcis=None):
    """Every problem of an operation: identity, then each block."""
    problems = []
    bailleurs = bailleur_codes() if bailleurs is None else bailleurs
    epcis = epci_codes() if epcis is None else epcis
    if not op.get("nom"):
        problems.append(("nom", "nom_absent", "Opération sans nom."))
    if op.get("bailleur") and op["bailleur"] not in bailleurs:
        problems.append(("bailleur", "bailleur_inconnu", "Bailleur « %s » inconnu (attendu : %s)."
                         % (op["bailleur"], ", ".join(sorted(bailleurs)))))
    if op.get("epci") and op["epci"] not in epcis:
        problems.append(("epci", "epci_inconnu", "EPCI « %s » inconnu." % op["epci"]))
    if op.get("type_prog") and op["type_prog"] not in TYPES_PROG:
        problems.append(("type_prog", "type_inconnu", "Type de programme « %s » inconnu "
                         "(annuelle ou complementaire)." % op["type_prog"]))
    if op.get("statut") and op["statut"] not in STATUTS:
        problems.append(("statut", "statut_inconnu", "Statut « %s » inconnu (%s)."
                         % (op["statut"], ", ".join(STATUTS))))
    year = op.get("annee_prog")
    if year is not None and not 2000 <= year <= 2040:
        problems.append(("annee_prog", "annee_invalide", "Année de programmation %s invalide."
                         % year))
    for prefix in ("b", "e", "d", "crhh"):
        problems += check_block(op, prefix)
    return problems


# -- the name convention --------------------------------------------------------------------
def _upper_words(text):
    text = without_accents(text or "").upper()
    return " ".join(re.sub(r"[^0-9A-Z/]+", " ", text).split())


def operation_sigle(bailleur):
    for row in reference.read_reference("bailleurs.csv"):
        if row["code"] == bailleur:
            return row["sigle_operation"] or bailleur
    return bailleur or ""


def propose_name(bailleur, epci, commune_name, cite_name, tranche=None):
    """« <sigle bailleur> <sigle EPCI> <COMMUNE> <CITÉ> [tranche] »:
    ``("M&C", "CABBALR", "Bruay-la-Buissière", "Cité Anatole France")`` ->
    « MC CABBALR BRUAY LA BUISSIERE ANATOLE FRANCE »."""
    cite = _upper_words(cite_name)
    cite = re.sub(r"^CITES?\s+(?:(?:DE LA|DE L|DES|DU|DE|D|L)\s+)?", "", cite).strip() or cite
    parts = [operation_sigle(bailleur), epci or "", _upper_words(commune_name), cite,
             _upper_words(tranche) if tranche else ""]
    return " ".join(p for p in parts if p)


def bailleur_from_sigle(token):
    folded = fold(token)
    for row in reference.read_reference("bailleurs.csv"):
        if folded in {fold(v) for v in row["variantes"].split("|")} | {fold(row["code"])}:
            return row["code"]
    return None


def epci_from_sigle(token, known=None):
    known = epci_codes() if known is None else known
    upper = token.upper()
    if upper in known:
        return upper
    for row in reference.read_reference("epci_variantes.csv"):
        if row["variante"] == upper:
            return row["sigle"]
    return None


def parse_name(name, communes_by_epci=None):
    """What a name following the convention says: ``{"bailleur", "epci", "commune" (INSEE),
    "commune_nom", "cite", "tranche"}`` (``None`` for what it does not say)."""
    words = _upper_words(name).split()
    out = {"bailleur": None, "epci": None, "commune": None, "commune_nom": None, "cite": None,
           "tranche": None}
    if not words:
        return out
    out["bailleur"] = bailleur_from_sigle(words[0])
    rest = words[1:] if out["bailleur"] else words
    if rest:
        out["epci"] = epci_from_sigle(rest[0])
        rest = rest[1:] if out["epci"] else rest
    communes = communes_of_epci(out["epci"]) if communes_by_epci is None \
        else communes_by_epci.get(out["epci"], {})
    for size in range(min(6, len(rest)), 0, -1):  # the longest commune name first
        candidate = " ".join(rest[:size])
        if candidate in communes:
            out["commune"], out["commune_nom"] = communes[candidate]
            rest = rest[size:]
            break
    tranche = re.search(r"\b(T\s?[0-9]+|TRANCHE\s?[0-9]+|[0-9]+(?:ERE|E|EME)? TRANCHE)$",
                        " ".join(rest))
    if tranche:
        out["tranche"] = tranche.group(1)
        rest = " ".join(rest)[:tranche.start()].split()
    out["cite"] = " ".join(rest) or None
    return out


def communes_of_epci(epci):
    """``{COMMUNE NAME IN CAPITALS: (insee, name)}`` of an EPCI (all of 59/62 if None)."""
    territory = Territory.from_reference()
    out = {}
    for insee, info in territory.communes.items():
        if epci and territory.epci_code(info.get("epci_siren")) != epci:
            continue
        out[_upper_words(info["nom"])] = (insee, info["nom"])
    return out


# -- versions -------------------------------------------------------------------------------
def block_digest(op, names):
    """A short fingerprint of the values of ``names`` (what a partner workbook was issued
    with), to tell whether the partner changed them."""
    payload = json.dumps([_canonical(op.get(n)) for n in names], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def _canonical(value):
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return value


def most_advanced_block(op):
    """``"crhh"`` when the CRHH decided, else the DDTM's, EPCI's or landlord's forecast:
    the first filled of the four."""
    if op.get("crhh_nb_valides") is not None:
        return "crhh"
    for prefix in ("d", "e", "b"):
        if op.get("%s_nb_total" % prefix) is not None:
            return prefix
    return None
