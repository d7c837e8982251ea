"""Where the join finds what a parcel id does not give: the Fichiers fonciers locals
(idlocal → idpar, from a layer or a table file) and the address points (the plugin's one BAN
matcher)."""
from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
)

from ...osp_qgis import ids
from ...osp_qgis.addresses import normalise_number, normalise_repetition
from ...osp_qgis.fichiers_fonciers import read, rules
from ...osp_qgis.parc_social.geocode import match_addresses, street_key
from ..common.parcels import iter_matching
from ..common.qgis_io import field_index, text_value


class LocalFetcher:
    """``fetcher(idlocals) -> {idlocal: idpar}`` from a Fichiers fonciers locaux table."""

    def __init__(self, layer, feedback=None):
        self.layer, self.feedback = layer, feedback
        self.local_index = field_index(layer, "idlocal")
        self.par_index = field_index(layer, "idpar")

    def is_valid(self):
        return self.local_index >= 0 and self.par_index >= 0

    def __call__(self, idlocals):
        field = self.layer.fields()[self.local_index].name()
        out = {}
        for value, feature in iter_matching(self.layer, field, idlocals, [self.par_index], False,
                                            self.feedback):
            try:
                idpar = ids.normalise_idpar(feature[self.par_index])
            except ids.IdError:
                continue
            if idpar:
                out.setdefault(value, idpar)
        return out


class TableLocalFetcher:
    """The same lookup from a text extract QGIS cannot open (UTF-16…), read whole by the
    Fichiers fonciers reader."""

    def __init__(self, path):
        try:
            frame = read.read_csv(path)
        except rules.FFError as error:
            raise QgsProcessingException(str(error))
        names = rules.column_map(list(frame.columns))
        self.table = {}
        if "idlocal" in names and "idpar" in names:
            for idlocal, idpar in zip(frame[names["idlocal"]], frame[names["idpar"]]):
                try:
                    idpar = ids.normalise_idpar(idpar)
                except ids.IdError:
                    continue
                if idpar:
                    self.table.setdefault(str(idlocal).strip(), idpar)
        self.valid = "idlocal" in names and "idpar" in names

    def is_valid(self):
        return self.valid

    def __call__(self, idlocals):
        return {i: self.table[i] for i in idlocals if i in self.table}


ADDRESS_FIELDS = {"numero": ("numero", "num", "numvoie", "dnvoiri"),
                  "rep": ("rep", "indrep", "dindic", "suffixe"),
                  "voie": ("nom_voie", "nomvoie", "voie", "dvoilib", "lib_voie"),
                  "insee": ("code_insee", "insee", "depcom", "idcom", "code_commune")}


class AddressFetcher:
    """``fetcher(address keys) -> {key: (point, level, score)}`` from a BAN-like point
    layer, by the plugin's one address matcher (:func:`geocode.match_addresses`): the
    number on the street written, else on the closest street name of the commune (typos),
    else the street's middle (level ``voie``); the score says how sure."""

    def __init__(self, layer, target_crs, feedback=None):
        self.layer, self.feedback = layer, feedback
        self.indexes = {k: field_index(layer, *names) for k, names in ADDRESS_FIELDS.items()}
        self.transform = QgsCoordinateTransform(layer.crs(), target_crs, QgsProject.instance())

    def is_valid(self):
        return all(self.indexes[k] >= 0 for k in ("numero", "voie", "insee"))

    def _ban(self, communes):
        """The BAN points of ``communes`` as the matcher reads them (target CRS)."""
        import pandas as pd  # lazily: pandas costs ≈ 0.3 s of QGIS's start-up
        field = self.layer.fields()[self.indexes["insee"]].name()
        attrs = [i for i in self.indexes.values() if i >= 0]
        rows = []
        for insee, feature in iter_matching(self.layer, field, communes, attrs, True,
                                            self.feedback):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            geometry.transform(self.transform)
            point = geometry.centroid().asPoint()
            rep = feature[self.indexes["rep"]] if self.indexes["rep"] >= 0 else ""
            rows.append((insee, normalise_number(text_value(feature[self.indexes["numero"]])),
                         normalise_repetition(text_value(rep)),
                         street_key(text_value(feature[self.indexes["voie"]])),
                         point.x(), point.y()))
        ban = pd.DataFrame(rows, columns=["insee", "numero", "rep", "voie", "x", "y"])
        return ban[ban["voie"] != ""].reset_index(drop=True)

    def __call__(self, keys):
        import pandas as pd  # lazily, as above
        keys = [k for k in keys if k]
        ban = self._ban({k[0] for k in keys})
        requests = pd.DataFrame({"insee": [k[0] for k in keys],
                                 "numero": [k[1] for k in keys],
                                 "rep": [k[2] for k in keys],
                                 "voie": [street_key(k[3]) for k in keys]})
        found = match_addresses(requests, ban)
        out = {}
        for key, level, score, x, y in zip(keys, found["precision"], found["score"],
                                           found["x"], found["y"]):
            if level and x == x and y == y:   # not NaN
                out[key] = (QgsGeometry.fromPointXY(QgsPointXY(x, y)), level,
                            round(float(score), 3))
        return out
