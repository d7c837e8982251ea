"""The « Analyse au logement par bailleur » layer: its fields and the safe re-import.

Pure Python.  Records are ``{"values": {field: value}, "geometry": opaque}``;
the caller supplies ``geometry_key(geometry)`` (a hashable, e.g. rounded WKT,
``None`` for no geometry) so that a geometry moved by hand can be told apart
from the one the last import placed.
"""
from dataclasses import dataclass, field

from ..fields import specs

LAYER_NAME = "analyse_logement"
LAYER_TITLE = "Analyse au logement par bailleur"
STATUT_PRESENT = "present"
STATUT_ABSENT = "absent_dernier_envoi"
SOURCE_MANUEL = "manuel"

# Names are binding (issue #3); fid is the GeoPackage's; aliases in fields.py.
FIELDS = specs(
    ("id_osp", "int"), ("ident_rep", "string"), ("ident_int", "string"), ("idlocal", "string"),
    ("idpar", "string"), ("idcom", "string"), ("dep", "string"), ("epci", "string"),
    ("intitule", "string"), ("bailleur", "string"), ("type_palu", "string"),
    ("num_decision", "string"), ("annee_financ", "int"), ("date_os", "date"),
    ("date_fin", "date"), ("dnvoiri", "string"), ("dindic", "string"), ("dvoilib", "string"),
    ("idcomtxt", "string"), ("cite_ini", "string"), ("id_cite", "int"),
    ("nom_cite_1", "string"), ("l_id_cite", "string"), ("info", "string"),
    ("num_rpls_ini", "string"), ("num_esti_ini", "string"), ("geoloc_source", "string"),
    ("geoloc_motif", "string"), ("date_maj", "datetime"), ("statut", "string"),
    ("geom_import", "string"),
)
FIELD_NAMES = tuple(f[0] for f in FIELDS)
# what a cartographer edits by hand and a re-import must not overwrite with nothing
HAND_FIELDS = ("info", "date_os", "date_fin", "cite_ini")
# what the plugin derives: never typed in the form
DERIVED_FIELDS = ("id_osp", "idcomtxt", "dep", "epci", "nom_cite_1", "l_id_cite",
                  "num_rpls_ini", "num_esti_ini", "geoloc_motif", "date_maj", "statut",
                  "geom_import")


def fields_every_dwelling_gets(with_cites):
    """The fields the analyse sets on every dwelling (number, territory, status, import
    point; the cité when a cités layer is given) and the hand fields, where nothing means
    « keep what the layer has » on a re-import: a record holding these as ``None`` before
    the analyse merges and is written exactly as one without them."""
    derived = ("id_osp", "idcom", "idcomtxt", "dep", "epci", "geoloc_source", "date_maj",
               "statut", "geom_import")
    cites = ("id_cite", "nom_cite_1", "l_id_cite") if with_cites else ()
    return derived + cites + HAND_FIELDS


@dataclass
class MergeStats:
    added: int = 0
    updated: int = 0          # matched and changed
    unchanged: int = 0        # matched, the same values as before
    absent: int = 0
    manual_kept: int = 0
    unchanged_other_bailleurs: int = 0
    notes: list = field(default_factory=list)


def _match_keys(values):
    keys = []
    if values.get("id_osp") is not None:
        keys.append(("id_osp", values["id_osp"]))
    if values.get("ident_rep"):
        keys.append(("rpls", values["ident_rep"]))
    if values.get("ident_int"):
        keys.append(("int", values.get("bailleur") or "", values["ident_int"]))
    return keys


def was_moved_by_hand(record, geometry_key):
    """A point placed by hand: flagged ``manuel``, or no longer where the import put it."""
    values = record["values"]
    if values.get("geoloc_source") == SOURCE_MANUEL:
        return True
    imported = values.get("geom_import")
    current = geometry_key(record["geometry"])
    return imported is not None and current != imported


def number_new(records, start=1):
    """Give ``id_osp`` 1, 2, … (from ``start``) to records without one."""
    next_id = start
    for record in records:
        if record["values"].get("id_osp") is None:
            record["values"]["id_osp"] = next_id
            next_id += 1
    return records


def merge_reimport(existing, incoming, geometry_key, now):
    """Merge a new landlord delivery into the existing layer; nothing is deleted.

    * matched (``id_osp``, else RPLS id, else landlord + landlord id): imported
      fields are updated; hand fields keep their value when the new sheet has
      none (``info`` is always kept); a point moved by hand keeps its place and
      ``geoloc_source = manuel``;
    * new dwellings are added with the next ``id_osp``;
    * existing dwellings of the landlords present in the delivery that are not
      in it get ``statut = absent_dernier_envoi`` (other landlords untouched).
    """
    stats = MergeStats()
    index = {}
    for record in existing:
        for key in _match_keys(record["values"]):
            index.setdefault(key, record)
    matched = set()
    out = [dict(values=dict(r["values"]), geometry=r["geometry"]) for r in existing]
    by_identity = {id(r): o for r, o in zip(existing, out)}
    next_id = max([r["values"].get("id_osp") or 0 for r in existing] + [0]) + 1
    incoming_bailleurs = {r["values"].get("bailleur") for r in incoming}
    for new in incoming:
        old = next((index[k] for k in _match_keys(new["values"]) if k in index), None)
        if old is None or id(old) in matched:
            values = dict(new["values"])
            values["id_osp"] = next_id
            next_id += 1
            values["statut"] = STATUT_PRESENT
            values["date_maj"] = now
            values["geom_import"] = geometry_key(new["geometry"])
            out.append({"values": values, "geometry": new["geometry"]})
            stats.added += 1
            continue
        matched.add(id(old))
        target = by_identity[id(old)]
        merged = dict(old["values"])
        for name, value in new["values"].items():
            if name in ("id_osp", "statut", "date_maj", "geom_import"):
                continue
            if name == "info":
                merged[name] = old["values"].get("info") or value
            elif name in HAND_FIELDS and value in (None, ""):
                continue
            else:
                merged[name] = value
        if was_moved_by_hand(old, geometry_key):
            merged["geoloc_source"] = SOURCE_MANUEL
            merged["geoloc_motif"] = None
            merged["geom_import"] = old["values"].get("geom_import")
            target["geometry"] = old["geometry"]
            stats.manual_kept += 1
        else:
            target["geometry"] = new["geometry"]
            merged["geom_import"] = geometry_key(new["geometry"])
        merged["statut"] = STATUT_PRESENT
        if merged != old["values"]:   # counted only when something changed: what happened
            merged["date_maj"] = now
            stats.updated += 1
        else:
            stats.unchanged += 1
        target["values"] = merged
    for old, target in zip(existing, out):
        if id(old) in matched:
            continue
        if old["values"].get("bailleur") in incoming_bailleurs:
            if target["values"].get("statut") != STATUT_ABSENT:
                target["values"]["statut"] = STATUT_ABSENT
                target["values"]["date_maj"] = now
            stats.absent += 1
        else:
            stats.unchanged_other_bailleurs += 1
    return out, stats
