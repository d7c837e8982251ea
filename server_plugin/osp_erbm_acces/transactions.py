"""Which WFS-T changes a partner may send — pure Python, no QGIS.  QGIS Server re-checks an
updated feature only if it still matches the partner's filter, so a change that moves a row
out of the partner's reach (« this operation is SIA's now ») would not be checked after the
fact: the request itself is read before anything runs.  A partner may only update fields of
its own block on layers that have blocks; inserts and deletes are the State
administrators'."""
import xml.etree.ElementTree as ET


def _local(tag):
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def layer_blocks(project_text):
    """``{layer short name or name: {partner kind: field prefix}}`` from the published
    project's ``osp_acces/blocs`` custom properties."""
    out = {}
    root = ET.fromstring(project_text)
    for layer in root.iter("maplayer"):
        blocks = ""
        for option in layer.iter("Option"):
            if option.get("name") == "osp_acces/blocs":
                blocks = option.get("value") or ""
        mapping = dict(item.split("=", 1) for item in blocks.split(",") if "=" in item)
        for name in (layer.findtext("shortname"), layer.findtext("layername")):
            if name:
                out[name] = mapping
    return out


def problems(body, kind, blocks):
    """French reasons to refuse a Transaction ``body`` (bytes) sent by a partner of ``kind``
    (``bailleur``, ``epci``…); ``blocks`` as :func:`layer_blocks` gives it."""
    try:
        root = ET.fromstring(body or b"")
    except ET.ParseError:
        return ["transaction illisible"]
    out = []
    for element in root.iter():
        name = _local(element.tag)
        if name in ("Insert", "Delete", "Replace", "Native"):
            out.append("%s réservé aux administrateurs de l'État" % name)
        elif name == "Update":
            layer = (element.get("typeName") or element.get("typename") or "").split(":")[-1]
            prefix = blocks.get(layer, {}).get(kind)
            if not prefix:
                out.append("aucune modification de %s permise à un partenaire %s"
                           % (layer, kind))
                continue
            for field in element.iter():
                if _local(field.tag) == "Name" and field.text and \
                        not field.text.split(":")[-1].strip().startswith(prefix):
                    out.append("le champ %s n'est pas du bloc %s" % (field.text.strip(),
                                                                      kind))
    return out
