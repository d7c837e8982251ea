"""Styles stored in a data source's ``layer_styles`` table (GeoPackage or PostGIS), without
ever reaching QGIS's modal « overwrite this style? » box.

QGIS 3.22 asks that question in a dialog inside ``saveStyleToDatabase`` when a style of the
same name exists; under ``qgis_process`` or a batch run nobody can answer and the run hangs.
So a style is saved only once no style of its name is left: the old ones are deleted, the
list is read again, and if one remains (a trigger, a full disk, no right to delete) the save
is not attempted: a French error is returned instead."""


def names_in_database(layer):
    """``{name: [style ids]}`` of the layer's stored styles."""
    out = {}
    _, ids, names, _, error = layer.listStylesInDatabase()
    for style_id, name in zip(ids, names):
        out.setdefault(name, []).append(style_id)
    return out


def delete_named(layer, names):
    """Delete the stored styles called ``names``; ``""`` when none is left, else why (in
    French)."""
    for name, ids in names_in_database(layer).items():
        if name in names:
            for style_id in ids:
                layer.deleteStyleFromDatabase(style_id)
    left = sorted(n for n in names_in_database(layer) if n in names)
    if left:
        return ("les anciens styles %s de « %s » n'ont pas pu être supprimés de la table "
                "layer_styles (support plein, table protégée ou droits insuffisants) : le style "
                "n'est pas remplacé" % (", ".join("« %s »" % n for n in left), layer.name()))
    return ""


def save(layer, name, description, default, keep_existing=False):
    """Store the layer's current style as ``name`` (the default style when ``default``);
    with ``keep_existing``, a style already stored under that name is left as it is (its
    id and any edit made since). ``""`` on success, else the reason in French."""
    if keep_existing and name in names_in_database(layer):
        return ""
    error = delete_named(layer, {name})
    if error:
        return error
    return layer.saveStyleToDatabase(name, description, default, "") or ""
