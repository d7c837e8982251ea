"""The partners of the OSP as the reference tables name them: each landlord (its code and the
sigle of its operations' names) and each EPCI that has an ERBM sigle (sigle and SIREN), with
the name of the group that acts for it — the same rule as ``osp.creer_partenaire`` in
resources/sql/003_roles.sql (``osp_<type>_<sigle in lower-case letters and digits>``)."""
import re

from .. import reference

STATE_GROUPS = ("osp_admin", "osp_lecteur")   # see and (admin) edit everything


def group_name(kind, sigle):
    """``osp_bailleur_mc``, ``osp_epci_call``."""
    return "osp_%s_%s" % (kind, re.sub(r"[^A-Za-z0-9]", "", sigle).lower())


def reference_partners():
    """``[(type, sigle, codes, name)]`` of the plugin's reference tables."""
    out = []
    for row in reference.read_reference("bailleurs.csv"):
        codes = [c for c in dict.fromkeys([row["code"], row.get("sigle_operation")]) if c]
        out.append(("bailleur", row.get("sigle_operation") or row["code"], codes, row["nom"]))
    for siren, row in sorted(reference.epcis().items()):
        if row.get("sigle"):
            out.append(("epci", row["sigle"], [row["sigle"], siren], row["nom"]))
    return out


def partner_rows(partners=None):
    """``[(group, type, code, name)]``, one row per code: the table ``osp.partenaires`` of
    the shared base, or its equivalent for GeoPackages."""
    return [(group_name(kind, sigle), kind, code, name)
            for kind, sigle, codes, name in (partners or reference_partners())
            for code in codes]
