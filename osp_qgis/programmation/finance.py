"""The money of an operation, from the State's decision to the last payment: its financing
plan (``financements``: one line per funder), the commitments and the payments
(``versements``).  Amounts are kept in integer cents here (no float drift); the tables store
euros.  Pure Python; names are binding (issue #29), aliases in field_aliases.csv.
"""
import functools
import math
import re
from decimal import Decimal

from .. import forms, reference
from ..fields import specs
from ..ids import fold
from ..plain_text import without_accents
from . import model

FINANCEMENTS = "financements"
VERSEMENTS = "versements"
ETATS = forms.value_codes(model.OPERATIONS, "etat_financier")
PAYMENT_TYPES = forms.value_codes(VERSEMENTS, "type")
FIN_FIELDS = specs(("id_fin", "int"), ("id_op", "int"), ("financeur", "string"),
                   ("montant_prevu", "double"), ("montant_engage", "double"),
                   ("date_engagement", "date"), ("reference", "string"), ("obs", "string"),
                   layer=FINANCEMENTS)
PAY_FIELDS = specs(("id_vers", "int"), ("id_fin", "int"), ("id_op", "int"), ("date", "date"),
                   ("montant", "double"), ("type", "string"), ("reference", "string"),
                   layer=VERSEMENTS)
FIN_KINDS = {name: kind for name, kind, _ in FIN_FIELDS}
PAY_KINDS = {name: kind for name, kind, _ in PAY_FIELDS}
DATE_ORDER = ("date_notification", "date_demarrage", "date_achevement", "date_solde")

_SPACES = re.compile(r"[\s\u00a0\u202f'’]")


class AmountError(ValueError):
    """An amount that is not one (French)."""


def cents(value):
    """Integer cents of an amount: a number, « 12 000,50 € », « 12.000,50 », « 12,000.50 »,
    « 1 250 » ; ``None`` when empty; :class:`AmountError` when unreadable or finer than a
    cent.  A lone « . » followed by three digits is a thousands separator (« 12.000 »)."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "-", "–")):
        return None
    if isinstance(value, bool):
        raise AmountError("montant illisible : %s" % value)
    if isinstance(value, (int, float)):
        # the shortest writing of the number is what was typed (134386813.45, not
        # 134386813.44999999)
        if isinstance(value, float) and not math.isfinite(value):
            raise AmountError("montant illisible : %s" % value)
        scaled = Decimal(repr(value) if isinstance(value, float) else value) * 100
        if scaled != scaled.to_integral_value():
            raise AmountError("montant plus fin que le centime : %s" % value)
        return int(scaled)
    text = _SPACES.sub("", str(value)).replace("€", "").replace("EUR", "").strip()
    negative = text.startswith(("-", "−"))
    text = text.lstrip("-−+")
    if not re.fullmatch(r"[0-9.,]+", text or "x"):
        raise AmountError("montant illisible : « %s »" % value)
    decimal = None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif text.count(",") == 1:
        decimal = ","
    elif text.count(".") == 1 and not re.fullmatch(r"\d{1,3}\.\d{3}", text):
        decimal = "."
    whole, _, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    groups = re.split(r"[.,]", whole)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or
                            any(len(g) != 3 for g in groups[1:])):
        raise AmountError("montant illisible : « %s »" % value)
    whole = "".join(groups)
    if not whole.isdigit() or (fraction and not fraction.isdigit()) or len(fraction) > 2:
        raise AmountError("montant illisible : « %s »" % value)
    amount = int(whole) * 100 + int((fraction + "00")[:2] or 0)
    return -amount if negative else amount


def euros(amount_cents):
    return None if amount_cents is None else amount_cents / 100


@functools.lru_cache(maxsize=None)
def funders():
    """``{code: {"libelle", "nature", "etat"}}`` of resources/reference/financeurs.csv, read
    once (every imported row and every sheet line asks; not to be modified)."""
    return {row["code"]: {"libelle": row["libelle"], "nature": row["nature"],
                          "etat": row["etat"] == "oui"}
            for row in reference.read_reference("financeurs.csv")}


@functools.lru_cache(maxsize=None)
def state_funders():
    return frozenset(code for code, row in funders().items() if row["etat"])


def _words(text):
    return re.findall(r"[0-9a-z]+", without_accents(str(text or "")).lower())


def funder_code(text):
    """The code of a funder written as its code, its label or a usual shortening
    (« Région », « Etat », « Département 62 », « CD59 »…); ``None`` when unknown."""
    wanted = fold(text or "")
    if not wanted:
        return None
    table = funders()
    for code, row in table.items():
        if wanted in (fold(code), fold(row["libelle"])):
            return code
    words = _words(text)
    department = re.fullmatch(r"(?:departement|dept?|cd)(59|62)", "".join(words))
    if department:
        return "DEP" + department.group(1)
    meaningful = [w for w in words if len(w) > 2 and w not in ("de", "des", "du", "la", "le")]
    for code, row in table.items():     # every meaningful word of the text in the label
        label = _words(row["libelle"])
        if meaningful and all(any(l.startswith(w) for l in label) for w in meaningful):
            return code
    return None


def date_order_problems(op):
    """French problems of an operation's dates (each given date after the previous one)."""
    out, previous = [], None
    for name in DATE_ORDER:
        value = op.get(name)
        if value is None:
            continue
        if previous is not None and value < op[previous]:
            out.append("%s (%s) avant %s (%s)" % (name, value.strftime("%d/%m/%Y"), previous,
                                                  op[previous].strftime("%d/%m/%Y")))
        previous = name
    return out


def line_problems(line, paid_cents):
    """French problems of one financing line: negative amounts, engaged above planned
    without a reason, paid above engaged."""
    out = []
    planned, engaged = cents(line.get("montant_prevu")), cents(line.get("montant_engage"))
    for name, amount in (("montant_prevu", planned), ("montant_engage", engaged)):
        if amount is not None and amount < 0:
            out.append("%s négatif" % name)
    if planned is not None and engaged is not None and engaged > planned and \
            not (line.get("obs") or "").strip():
        out.append("engagé au-delà du prévu sans observation")
    if engaged is not None and paid_cents > engaged:
        out.append("versé (%s) au-delà de l'engagé (%s)" % (paid_cents, engaged))
    return out


def may_write(role, funder):
    """Whether a partner of ``role`` writes lines of ``funder`` on its operations — the rule
    of the shared base (``osp.ligne_permise``, migration 008): the State's lines and
    payments are the DDTM's, the EPCI's line the EPCI's, every other line the landlord's."""
    if role == "bailleur":
        return funder not in state_funders() | {"EPCI"}
    if role == "epci":
        return funder == "EPCI"
    return False
