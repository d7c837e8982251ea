"""Who sent a partner workbook: a keyed signature (HMAC-SHA256) made when the workbook is
issued, over what the partner must not change — its partner, role, year, the column map,
each issued row's id, version and fingerprints, the notes already published.

The key is a random secret kept in the programmation (a table of the GeoPackage, or of the
PostGIS schema that partners cannot read), never in the workbook: a partner who edits the
hidden sheet, the hidden rows or a technical cell cannot sign again, and the import refuses
the workbook.  Pure Python (hmac, hashlib, json)."""
import datetime
import hashlib
import hmac
import json
import re
import secrets

KEY_BYTES = 32
_INTEGRAL = re.compile(r"(-?[0-9]+)(?:\.0*)?")


class SignatureError(Exception):
    """Why a workbook is refused, in French, for the user."""


def new_key():
    """A fresh random key (hex text, as stored)."""
    return secrets.token_hex(KEY_BYTES)


def key_id(key):
    """A short public name of a key (which programmation issued a workbook): a hash, from
    which the key cannot be found."""
    return hashlib.sha256(("osp-cle:" + key).encode("ascii")).hexdigest()[:12]


def canonical(value):
    """A cell as signed: ``None`` for empty, integral numbers as ints (a spreadsheet may
    give 12.0 for 12), dates as ISO text, the rest as stripped text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else repr(float(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    integral = _INTEGRAL.fullmatch(text)
    return int(integral.group(1)) if integral else text


def payload(meta, columns, note_columns, rows, finance=None):
    """The signed text: ``meta`` (type, format, role, partenaire, annee, emis_le,
    lignes_emises, notes_emises), the column names of both sheets, and ``rows``
    ``[(sheet row, id_op, version, block fingerprint, locked fingerprint)]``; from format 3
    ``finance`` ``(columns, rows)`` of the « Suivi financier » sheet (rows: sheet row, then
    its technical cells)."""
    fields = ("type", "format", "role", "partenaire", "annee", "emis_le", "lignes_emises",
              "notes_emises", "cle")
    body = {"meta": [canonical(meta.get(name)) for name in fields],
            "colonnes": [canonical(c) for c in columns],
            "colonnes_notes": [canonical(c) for c in note_columns],
            "lignes": [[canonical(v) for v in row] for row in rows]}
    if finance is not None:
        body["finances"] = {"colonnes": [canonical(c) for c in finance[0]],
                            "lignes": [[canonical(v) for v in row] for row in finance[1]]}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sign(key, text):
    return hmac.new(bytes.fromhex(key), text.encode("utf-8"), hashlib.sha256).hexdigest()


def verify(key, text, signature):
    """``True`` when ``signature`` is the key's over ``text`` (constant-time compare)."""
    if not isinstance(signature, str) or len(signature) != 64:
        return False
    return hmac.compare_digest(sign(key, text), signature.strip().lower())
