"""The « bilan » of the ERBM for one entity of a scale (cité, commune, EPCI, département,
Bassin minier) — the « états de sortie » of the 2021 roadmap: dwellings programmed,
validated by the CRHH, financed by the State, renovated (sent back by the landlords) and
geolocated; the money of every funder (planned, committed, paid), the State's share, the
leverage and the cost per dwelling.

An operation belongs to every cité and commune it lists (an operation over two communes
counts in each: the communes of an EPCI may add up to more than the EPCI); a dwelling to
the entity of its analyse-layer field (:data:`logements.atlas.DWELLING_KEY`).  Amounts in
integer cents.  Pure Python."""
from ..files import unique_names
from ..ids import fold
from ..scales import DWELLING_KEY, entity_filename, entity_title
from ..territory import Territory
from . import finance, finance_recap
from .recap import departement_of

BASSIN = "bassin"
MEASURES = (("operations", "Opérations"), ("programmes", "Logements programmés"),
            ("valides", "Logements validés par le CRHH"),
            ("finances_etat", "Logements financés par l'État"),
            ("remontes", "Logements réhabilités remontés par les bailleurs"),
            ("geolocalises", "Logements géolocalisés"))
MONEY = (("prevu", "Prévu"), ("engage", "Engagé"), ("verse", "Versé"))


def operation_codes(op, scale):
    """The codes of the entities of ``scale`` an operation belongs to."""
    if scale == "cite":
        return [c.strip() for c in str(op.get("cites") or "").split(",") if c.strip()]
    if scale == "commune":
        return [c.strip() for c in str(op.get("communes") or "").split(",") if c.strip()]
    if scale == "epci":
        return [op["epci"]] if op.get("epci") else []
    if scale == "departement":
        department = departement_of(op)
        return [department] if department else []
    return [BASSIN]


def dwelling_code(dwelling, scale):
    key = DWELLING_KEY[scale]
    if key is None:
        return BASSIN
    value = dwelling.get(key)
    if value is None or str(value).strip() == "":
        return None
    return str(int(value)) if isinstance(value, float) and value.is_integer() else \
        str(value).strip()


def works_year(dwelling):
    """The year the works of a dwelling ended (``date_fin``), else its financing year."""
    end = dwelling.get("date_fin")
    year = getattr(end, "year", None)
    if year is None and end not in (None, ""):
        text = str(end)
        year = int(text[:4]) if text[:4].isdigit() else None
    if year is None and dwelling.get("annee_financ") not in (None, ""):
        try:
            year = int(dwelling["annee_financ"])
        except (TypeError, ValueError):
            year = None
    return year


def entity_names(scale, operations, dwellings, known=None):
    """``{code: name}`` of the entities of ``scale`` that the data reach; ``known``: the
    names the reference tables give (cités, communes, EPCI, départements)."""
    known = known or {}
    names = {}
    for dwelling in dwellings:
        code = dwelling_code(dwelling, scale)
        if code is not None:
            name = {"cite": dwelling.get("nom_cite_1"), "commune": dwelling.get("idcomtxt")
                    }.get(scale)
            names.setdefault(code, known.get(code) or name or code)
    for op in operations:
        for code in operation_codes(op, scale):
            names.setdefault(code, known.get(code) or code)
    if scale == BASSIN:
        names = {code: "Bassin minier" for code in names}
    return names


def wanted(names, text):
    """The codes ``text`` names (codes or names, comma-separated; all when empty) and the
    words that name none."""
    if not (text or "").strip():
        return sorted(names), []
    by_fold = {}
    for code, name in names.items():
        by_fold.setdefault(fold(str(code)), code)
        by_fold.setdefault(fold(str(name)), code)
    codes, unknown = [], []
    for word in (w.strip() for w in text.split(",")):
        if not word:
            continue
        code = by_fold.get(fold(word))
        if code is None:
            unknown.append(word)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


def figures(ops, dwellings, financements, versements, as_of, territory=None):
    """The bilan of one entity: ``{measure: count}``, ``{funder: {prevu, engage, verse}}``
    (cents) and the ratios of :func:`finance_recap.recap`'s programme row
    (``financements`` and ``versements``: those of ``ops`` or more)."""
    live = [op for op in ops if op.get("statut") != "annule"]
    ids = {op["id_op"] for op in live}
    state = finance.state_funders()
    engaged_by_state = {f["id_op"] for f in financements if f["id_op"] in ids and
                        f["financeur"] in state and (finance.cents(f.get("montant_engage"))
                                                     or 0) > 0}
    counts = {"operations": len(live),
              "programmes": sum(_forecast(op) for op in live),
              "valides": sum(int(op.get("crhh_nb_valides") or 0) for op in live),
              "finances_etat": sum(int(op.get("crhh_nb_valides") or 0) for op in live
                                   if op["id_op"] in engaged_by_state),
              "remontes": len(dwellings),
              "geolocalises": sum(1 for d in dwellings if d.get("geoloc_source"))}
    summary = finance_recap.recap(live, financements, versements, as_of,
                                  territory=territory)
    total = next((row for row in summary.rows if row[0] == "total"), None)
    money = {code: {m: total[3][code][m] for m, _ in MONEY} for code in summary.funders} \
        if total else {}
    ratios = total[4] if total else {}
    return counts, money, ratios


def _forecast(op):
    for block in ("d", "e", "b"):
        value = op.get("%s_nb_total" % block)
        if value is not None:
            return int(value)
    return 0


def pages(scale, codes, names, operations, dwellings, financements, versements, as_of):
    """One bilan per code: ``[(code, name, title, file stem, counts, money, ratios)]``."""
    ops_of, dwellings_of, lines_of, paid_of = {}, {}, {}, {}
    for op in operations:
        for code in operation_codes(op, scale):
            ops_of.setdefault(code, []).append(op)
    for dwelling in dwellings:
        dwellings_of.setdefault(dwelling_code(dwelling, scale), []).append(dwelling)
    for rows, by_op in ((financements, lines_of), (versements, paid_of)):
        for row in rows:        # each entity's money looked up, not scanned for
            by_op.setdefault(row["id_op"], []).append(row)
    territory = Territory.from_reference()
    stems = unique_names(["bilan_" + entity_filename(scale, c, names.get(c)) for c in codes])
    out = []
    for code, stem in zip(codes, stems):
        ops = ops_of.get(code, [])
        ids = dict.fromkeys(op["id_op"] for op in ops)
        counts, money, ratios = figures(
            ops, dwellings_of.get(code, []),
            [line for i in ids for line in lines_of.get(i, ())],
            [paid for i in ids for paid in paid_of.get(i, ())], as_of, territory)
        out.append((code, names.get(code, code), entity_title(scale, code, names.get(code)),
                    stem, counts, money, ratios))
    return out
