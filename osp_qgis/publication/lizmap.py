"""The checks the Lizmap plugin makes before a project is published, made on the project file
(.qgs) itself: a publication that fails one is not handed over.  Each check returns French
sentences naming what is wrong (empty list: ready)."""
import re
import xml.etree.ElementTree as ET

CHECKS = (
    ("métadonnées des couches de confiance (Propriétés du projet › Sources de données)",
     "trust"),
    ("aucun identifiant de couche utilisé comme nom", "ids_as_names"),
    ("aucun nom de couche ou de groupe commençant ou finissant par une espace", "spaces"),
    ("aucun nom de couche en double", "duplicates"),
    ("nom court (WMS) de chaque couche sans espace ni caractère spécial, unique", "short_names"),
    ("toute couche d'une relation de valeur (formulaire) publiée en WFS", "value_relations"),
    ("couches PostgreSQL avec une clé primaire entière et « estimatedmetadata »",
     "postgres_keys"),
    ("aucun « .. » dans les chemins des couches", "parent_paths"),
    ("aucune configuration d'authentification QGIS (authcfg) ni mot de passe dans le projet "
     "(fichier de service PostgreSQL à la place)", "authentication"),
)
_SHORT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def _layers(root):
    return root.findall(".//projectlayers/maplayer")


def _name(layer):
    return layer.findtext("layername") or ""


def trust(root):
    element = root.find("trust")
    return [] if element is not None and element.get("active") == "1" else [
        "Le projet ne déclare pas ses métadonnées de couches « de confiance »."]


def ids_as_names(root):
    return ["La couche « %s » est nommée par son identifiant." % _name(l) for l in _layers(root)
            if _name(l) == l.findtext("id")]


def spaces(root):
    names = [_name(l) for l in _layers(root)] + [g.get("name", "") for g in
                                                  root.iter("layer-tree-group")]
    return ["Le nom « %s » commence ou finit par une espace." % n for n in names
            if n != n.strip()]


def duplicates(root):
    seen, out = set(), []
    for name in (_name(l) for l in _layers(root)):
        if name in seen:
            out.append("Deux couches s'appellent « %s »." % name)
        seen.add(name)
    return out


def short_names(root):
    out, seen = [], set()
    for layer in _layers(root):
        short = layer.findtext("shortname") or ""
        if not _SHORT_NAME.match(short):
            out.append("La couche « %s » n'a pas de nom court valide (« %s »)."
                       % (_name(layer), short))
        elif short in seen:
            out.append("Le nom court « %s » sert deux fois." % short)
        seen.add(short)
    return out


def _wfs_layers(root):
    entry = root.find("properties/WFSLayers")
    return {v.text for v in entry.findall("value")} if entry is not None else set()


def value_relations(root):
    published = _wfs_layers(root)
    out = []
    for layer in _layers(root):
        for option in layer.iter("Option"):
            if option.get("name") == "Layer" and option.get("value") and \
                    option.get("value") not in published:
                out.append("La couche « %s » a une relation de valeur vers une couche non "
                           "publiée en WFS (%s)." % (_name(layer), option.get("value")))
    return out


def postgres_keys(root):
    out = []
    for layer in _layers(root):
        if layer.findtext("provider") != "postgres":
            continue
        source = layer.findtext("datasource") or ""
        if not re.search(r"\bkey='[^']+'", source):
            out.append("La couche PostgreSQL « %s » n'a pas de clé primaire déclarée."
                       % _name(layer))
        if "estimatedmetadata=true" not in source:
            out.append("La couche PostgreSQL « %s » n'a pas « estimatedmetadata »."
                       % _name(layer))
    return out


def parent_paths(root):
    return ["La couche « %s » a un chemin qui remonte d'un dossier (« .. »)." % _name(l)
            for l in _layers(root) if ".." in (l.findtext("datasource") or "")]


def authentication(root):
    out = []
    for layer in _layers(root):
        source = layer.findtext("datasource") or ""
        if "authcfg=" in source:
            out.append("La couche « %s » utilise une configuration d'authentification QGIS."
                       % _name(layer))
        if re.search(r"\bpassword=", source):
            out.append("La couche « %s » contient un mot de passe." % _name(layer))
    return out


def problems(text):
    """``[(check, [French problems])]`` of a .qgs text, every check listed."""
    root = ET.fromstring(text.encode("utf-8") if isinstance(text, str) else text)
    return [(label, globals()[name](root)) for label, name in CHECKS]


def all_problems(text):
    return [problem for _, found in problems(text) for problem in found]
