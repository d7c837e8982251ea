"""The join plan: sheet rows -> dwellings -> keys -> located / not located / duplicates.

Pure Python.  Geometries are opaque here: the caller passes functions that,
given a set of keys, return ``{key: geometry}`` (parcels by ``idpar``),
``{idlocal: idpar}`` (Fichiers fonciers locaux) or ``{address key: geometry}``.
The caller decides how to fetch (indexed SQL, filtered requests in chunks…);
this module decides what is needed and what every row becomes.
"""
import re
from collections import Counter
from dataclasses import dataclass, field

from .. import ids
from ..addresses import address_key
from ..fields import specs
from ..french_numbers import integer
from ..plain_text import without_accents
from ..sheets.columns import ROLES
from ..sheets.raw import is_blank

SOURCE_PARCELLE = "parcelle"
SOURCE_LOCAL = "local_ff"
SOURCE_ADRESSE = "adresse"
GEOLOC_SOURCES = (SOURCE_PARCELLE, SOURCE_LOCAL, SOURCE_ADRESSE)

MOTIF_PARCELLE_INCONNUE = "parcelle_inconnue"
MOTIF_PARCELLE_INVALIDE = "parcelle_invalide"
MOTIF_LOCAL_INCONNU = "local_inconnu"
MOTIF_SANS_LOCALISATION = "sans_localisation"
MOTIF_SANS_GEOMETRIE = "parcelle_sans_geometrie"
GEOLOC_MOTIFS = (MOTIF_PARCELLE_INCONNUE, MOTIF_SANS_GEOMETRIE, MOTIF_PARCELLE_INVALIDE,
                 MOTIF_LOCAL_INCONNU, MOTIF_SANS_LOCALISATION)
MOTIF_DOUBLON = "doublon"
PRECISION_PARCELLE = "parcelle"   # geoloc_precision of a dwelling placed on its parcel
MOTIF_LIGNE_INCOMPLETE = "ligne_incomplete"        # fewer cells than the header (CSV)
MOTIF_GEOMETRIE_INVALIDE = "geometrie_parcelle_invalide"   # a bow-tie parcel…
MOTIF_TOTAL = "ligne_total"

# Names are binding (issue #2); aliases in fields.py.
CORE_FIELDS = specs(
    ("ident_rep", "string"), ("ident_int", "string"), ("idlocal", "string"),
    ("idpar", "string"), ("idcom", "string"), ("dep", "string"), ("epci", "string"),
    ("intitule", "string"), ("bailleur", "string"), ("type_palu", "string"),
    ("num_decision", "string"), ("annee_financ", "int"), ("dnvoiri", "string"),
    ("dindic", "string"), ("dvoilib", "string"), ("cite_ini", "string"),
    ("num_rpls_ini", "string"), ("num_esti_ini", "string"), ("idpar_ini", "string"),
    ("idlocal_ini", "string"), ("geoloc_source", "string"), ("geoloc_motif", "string"),
    ("geoloc_precision", "string"), ("geoloc_score", "double"), ("ligne_source", "int"),
)
CORE_FIELD_NAMES = tuple(f[0] for f in CORE_FIELDS)
ANOMALY_FIELDS = specs(("ligne", "int"), ("motif", "string"), ("detail", "string"))
RESERVED_NAMES = set(CORE_FIELD_NAMES) | {"fid", "ogc_fid", "geom", "geometry", "ligne", "motif",
                                          "detail"}


def identity_key(values):
    """Identity of a dwelling for duplicates: normalised RPLS id, else the landlord's id."""
    if values.get("ident_rep"):
        return ("rpls", values["ident_rep"])
    if values.get("ident_int"):
        return ("int", values["ident_int"])
    return None


@dataclass
class Dwelling:
    ligne: int
    cells: list
    values: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)   # [(motif, French detail)]
    idpar_error: str = ""                           # motif when the parcel id is unusable
    geometry: object = None

    @property
    def address(self):
        """The address key, computed only for the dwellings that need it."""
        if not hasattr(self, "_address"):
            v = self.values
            self._address = address_key(v["idcom"], v["dnvoiri"], v["dindic"], v["dvoilib"])
        return self._address

    @property
    def key(self):
        return identity_key(self.values)

    def add_problem(self, motif, detail):
        self.problems.append((motif, detail))


@dataclass
class Anomaly:
    ligne: int
    motif: str
    detail: str
    cells: list


@dataclass
class JoinResult:
    dwellings: list                 # kept, one per distinct dwelling, in sheet order
    duplicates: list                # [(Dwelling, first Dwelling)]
    anomalies: list                 # [Anomaly], sorted by line
    rows_read: int
    total_lines: list = field(default_factory=list)  # [Anomaly]: total lines, not dwellings

    def count_by_source(self):
        return Counter(d.values["geoloc_source"] for d in self.dwellings
                       if d.values["geoloc_source"])

    def count_by_motif(self):
        return Counter(d.values["geoloc_motif"] for d in self.dwellings
                       if d.values["geoloc_motif"])

    @property
    def n_dwellings(self):
        return len(self.dwellings)

    @property
    def n_located(self):
        return sum(1 for d in self.dwellings if d.values["geoloc_source"])

    @property
    def n_not_located(self):
        return len(self.dwellings) - self.n_located

    @property
    def n_duplicates(self):
        return len(self.duplicates)


def safe_field_name(header, taken, reserved=RESERVED_NAMES):
    """A field name for a sheet column: ascii, lower case, unique, not reserved."""
    name = header_ascii(header) or "colonne"
    if name[0].isdigit():
        name = "c_" + name
    name = name[:40]
    base, n = name, 2
    while name in taken or name in reserved:
        name = "%s_%d" % (base, n)
        n += 1
    taken.add(name)
    return name


def header_ascii(header):
    text = without_accents(header or "").lower()
    return re.sub(r"_+", "_", re.sub(r"[^0-9a-z]+", "_", text)).strip("_")


def column_fields(headers, indexes, reserved=RESERVED_NAMES):
    """``[(column index, field name, header)]`` for sheet columns kept as text."""
    taken = set()
    return [(i, safe_field_name(headers[i] or "colonne_%d" % (i + 1), taken, reserved),
             headers[i] or "Colonne %d" % (i + 1))
            for i in indexes]


def extra_fields(colmap):
    """The sheet's columns not mapped to a role, kept in OUTPUT."""
    return column_fields(colmap.headers, colmap.others)


def anomaly_column_fields(colmap):
    """Every column of the sheet, as received, after ``ligne | motif | detail``."""
    return column_fields(colmap.headers, [i for i in range(len(colmap.headers))
                                          if i not in colmap.empty],
                         {"fid", "ogc_fid", "geom", "geometry"} | {f[0] for f in ANOMALY_FIELDS})


def _normalise(dwelling, normaliser, raw, *args):
    try:
        return normaliser(raw, *args)
    except ids.IdError as error:
        dwelling.add_problem(error.motif, error.message)
        return None


_NO_ROLES = dict.fromkeys(ROLES, "")   # a role absent from the sheet reads as ""


def build_dwelling(ligne, cells, roles, palulos_variants):
    """One sheet row -> a :class:`Dwelling` with normalised values and problems."""
    width = len(cells)
    raw = dict(_NO_ROLES)
    for role, index in roles.items():
        if index < width:
            cell = cells[index]
            raw[role] = cell.strip() if cell.__class__ is str else ids.clean_text(cell)
    get = raw.__getitem__
    d = Dwelling(ligne=ligne, cells=cells)
    v = d.values
    raw_rpls, raw_int = get("rpls"), get("internal_id")
    v["num_rpls_ini"] = raw_rpls or None
    v["num_esti_ini"] = raw_int or None
    v["ident_rep"] = _normalise(d, ids.normalise_rpls, raw_rpls) if raw_rpls else None
    v["ident_int"] = ids.normalise_internal_id(raw_int) if raw_int else None
    commune = _normalise(d, ids.normalise_commune, get("commune"))
    dep = _normalise(d, ids.normalise_departement, get("departement"))
    dep = dep or ids.departement_of_commune(commune)
    raw_local, raw_par = get("local"), get("parcel")
    v["idlocal_ini"] = raw_local or None
    v["idpar_ini"] = raw_par or None
    v["idlocal"] = _normalise(d, ids.normalise_idlocal, raw_local, dep) if raw_local else None
    try:
        v["idpar"] = ids.normalise_idpar(raw_par, commune) if raw_par else None
    except ids.IdError as error:
        v["idpar"] = None
        d.idpar_error = error.motif
        d.add_problem(error.motif, error.message)
    v["idcom"] = commune or (v["idpar"][:5] if v["idpar"] else None)
    v["dep"] = dep or ids.departement_of_commune(v["idcom"])
    v["epci"] = get("epci") or None
    v["intitule"] = get("intitule") or None
    v["bailleur"] = get("bailleur") or None
    palu = get("palulos")
    v["type_palu"] = _normalise(d, ids.normalise_type_palu, palu, palulos_variants) \
        if palu else None
    v["num_decision"] = get("decision") or None
    year = _normalise(d, ids.normalise_year, get("annee")) if get("annee") else None
    v["annee_financ"] = year or ids.year_from_decision(v["num_decision"])
    v["dnvoiri"] = get("numero_voie") or None
    v["dindic"] = get("indice_repetition") or None
    v["dvoilib"] = get("voie") or None
    v["cite_ini"] = get("cite") or None
    v["geoloc_source"] = None
    v["geoloc_motif"] = None
    v["geoloc_precision"] = None
    v["geoloc_score"] = None
    v["ligne_source"] = ligne
    return d


PREFETCH_EVERY = 20000


def _describe_key(key):
    kind, value = key
    return ("identifiant RPLS %s" if kind == "rpls" else "identifiant bailleur %s") % value


def total_line_anomaly(ligne, label, cells):
    """The ``ligne_total`` anomaly of a total or subtotal line."""
    return Anomaly(ligne, MOTIF_TOTAL, "Ligne de total « %s » : ce n'est pas un logement, "
                   "elle n'est pas reprise." % label[:60], cells)


def duplicate_anomaly(ligne, cells, key, first_ligne):
    """The ``doublon`` anomaly of a row repeating the dwelling of line ``first_ligne``."""
    return Anomaly(ligne, MOTIF_DOUBLON, "Doublon de la ligne %d (%s) : ligne non reprise."
                   % (first_ligne, _describe_key(key)), cells)


def _assign(d, parcels, local_parcels, addresses, with_locals, with_addresses):
    v = d.values
    idpar, idlocal = v["idpar"], v["idlocal"]
    if idpar and parcels.get(idpar) is not None:
        d.geometry, v["geoloc_source"] = parcels[idpar], SOURCE_PARCELLE
        v["geoloc_precision"], v["geoloc_score"] = PRECISION_PARCELLE, 1.0
        return
    parcel_motif = None
    if idpar and idpar in parcels:
        parcel_motif = MOTIF_SANS_GEOMETRIE
        d.add_problem(MOTIF_SANS_GEOMETRIE, "Parcelle %s présente dans la couche des parcelles "
                                            "mais sans géométrie (polygone nul ou vide)." % idpar)
    elif idpar:
        parcel_motif = MOTIF_PARCELLE_INCONNUE
        d.add_problem(MOTIF_PARCELLE_INCONNUE,
                      "Parcelle %s absente de la couche des parcelles." % idpar)
    ff_parcel = local_parcels.get(idlocal) if idlocal else None
    if ff_parcel and parcels.get(ff_parcel) is not None:
        d.geometry, v["geoloc_source"] = parcels[ff_parcel], SOURCE_LOCAL
        v["geoloc_precision"], v["geoloc_score"] = PRECISION_PARCELLE, 1.0
        v["idpar"] = ff_parcel
        return
    if idlocal and with_locals:
        if ff_parcel:
            where = "sans géométrie dans" if ff_parcel in parcels else "absente de"
            d.add_problem(MOTIF_LOCAL_INCONNU, "Le local %s est sur la parcelle %s, %s la couche "
                                               "des parcelles." % (idlocal, ff_parcel, where))
        else:
            d.add_problem(MOTIF_LOCAL_INCONNU,
                          "Local %s absent des Fichiers fonciers fournis." % idlocal)
    if d.address and d.address in addresses:
        point, level, score = addresses[d.address]   # the address matcher's answer
        d.geometry, v["geoloc_source"] = point, SOURCE_ADRESSE
        v["geoloc_precision"], v["geoloc_score"] = level, score
        return
    if d.address and with_addresses:
        d.add_problem("adresse_inconnue", "Adresse « %s %s %s » (%s) introuvable dans la couche "
                      "des adresses." % (d.address[1], d.address[2], d.address[3], d.address[0]))
    if d.idpar_error:
        motif = MOTIF_PARCELLE_INVALIDE
    elif idpar:
        motif = parcel_motif
    elif idlocal and with_locals:
        motif = MOTIF_LOCAL_INCONNU
    else:
        motif = MOTIF_SANS_LOCALISATION
        reasons = []
        if idlocal and not with_locals:
            reasons.append("identifiant fiscal présent mais aucune table des locaux (LOCAUX) fournie")
        if d.address and not with_addresses:
            reasons.append("adresse présente mais aucune couche d'adresses (ADDRESSES) fournie")
        d.add_problem(MOTIF_SANS_LOCALISATION, "Logement non localisable : "
                      + ("; ".join(reasons) if reasons else
                         "ni parcelle, ni identifiant fiscal, ni adresse exploitable") + ".")
    v["geoloc_motif"] = motif


def collect_anomalies(dwellings, duplicates, others=()):
    """One row per problem, one ``doublon`` row per extra row, and ``others`` (total
    lines), by line."""
    out = list(others)
    for d in dwellings:
        for motif, detail in d.problems:
            out.append(Anomaly(d.ligne, motif, detail, d.cells))
    for extra, first in duplicates:
        out.append(duplicate_anomaly(extra.ligne, extra.cells, extra.key, first.ligne))
    out.sort(key=lambda a: (a.ligne, a.motif))
    return out


def summary_lines(result):
    """French summary for the log (numbers with French thousands separators)."""
    n = integer
    sources = result.count_by_source()
    motifs = result.count_by_motif()
    lines = ["Lignes lues : %s" % n(result.rows_read),
             "Logements distincts : %s" % n(result.n_dwellings),
             "Localisés : %s (parcelle : %s, local FF : %s, adresse : %s)" % (
                 n(result.n_located), n(sources[SOURCE_PARCELLE]), n(sources[SOURCE_LOCAL]),
                 n(sources[SOURCE_ADRESSE])),
             "Non localisés : %s" % n(result.n_not_located)]
    for motif in GEOLOC_MOTIFS:
        if motifs[motif]:
            lines.append("  - %s : %s" % (motif, n(motifs[motif])))
    lines.append("Doublons (lignes non reprises) : %s" % n(result.n_duplicates))
    if result.total_lines:
        lines.append("Lignes de total ignorées : %s" % n(len(result.total_lines)))
    lines.append("Anomalies signalées : %s" % n(len(result.anomalies)))
    return lines


def short_row_notes(rows, header_index):
    """``[(ligne, motif, detail)]`` of the data rows of a CSV sheet that have fewer cells
    than its header: a line cut in two (a line break inside an unquoted cell) whose missing
    columns are read empty."""
    width = len(rows[header_index][1])
    return [(ligne, MOTIF_LIGNE_INCOMPLETE,
             "La ligne n'a que %d cellules pour les %d colonnes de l'en-tête : ligne coupée "
             "(retour à la ligne dans une cellule ?) ; les colonnes manquantes sont lues "
             "vides." % (len(cells), width))
            for ligne, cells in rows[header_index + 1:]
            if len(cells) < width and not is_blank(cells)]


def invalid_parcel_anomalies(result, invalid):
    """An anomaly for each dwelling placed on a parcel whose geometry is not valid
    (self-intersecting « bow-tie », ring not closed…): the point on surface is given but
    may be outside the real parcel."""
    out = []
    for i, idpar in enumerate(result.values["idpar"]):
        if idpar in invalid and result.points[i] is not None:
            cells = result.cells[i] if result.cells[i] is not None else []
            out.append(Anomaly(result.lignes[i], MOTIF_GEOMETRIE_INVALIDE,
                               "La géométrie de la parcelle %s n'est pas valide (contour qui "
                               "se recoupe) : le logement y est placé, mais le point peut "
                               "tomber hors de la vraie parcelle ; la corriger dans le "
                               "cadastre." % idpar, cells))
    return out
