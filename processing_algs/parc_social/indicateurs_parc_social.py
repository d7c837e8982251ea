"""osp:indicateurs_parc_social — « Indicateurs du parc social »."""
import math
import os
import re
import time

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from ...osp_qgis.files import unique_names
from ...osp_qgis.parc_social import avant_apres, geocode, indicators, zones
from ...osp_qgis.parc_social.avant_apres import CHANGES
from ...osp_qgis.parc_social.workbook import write_indicator_workbook
from ...osp_qgis.plain_text import without_accents
from ..common import qgis_io
from ..common.base import OspAlgorithm
from ..common.communes import commune_code_index, union
from ..common.gpkg_layers import write_layers
from ..common.outputs import AtomicFiles
from . import choropleths, zones_io
from . import rpls_io as parc_social_io
from .location import add_rpls_inputs, located_rows, transform_xy

MAIN_STYLE = "parc_social_logements.qml"
CHOROPLETHS = ("parc_social_logements.qml", "parc_social_part_sociaux.qml",
               "parc_social_annee_moyenne.qml", "parc_social_surface_moyenne.qml",
               "parc_social_part_en_qpv.qml")
ADMIN_TABLES = (("commune", "communes"), ("commune_qpv", "communes_qpv"), ("epci", "epci"),
                ("departement", "departements"), ("ensemble", "ensemble"))


class IndicateursParcSocial(OspAlgorithm):
    NAME = "indicateurs_parc_social"
    DISPLAY_NAME = "Indicateurs du parc social"
    GROUP_ID = "syntheses"

    def initAlgorithm(self, config=None):
        add_rpls_inputs(self, "RPLS")
        self.addParameter(QgsProcessingParameterFile(
            "OPS", self.tr("Enquête occupation du parc social (OPS, un ménage par ligne)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "OPS_YEAR", self.tr("Année de l'enquête OPS (si le fichier ne la donne pas)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1990,
            maxValue=2100))
        self.addParameter(QgsProcessingParameterFile(
            "RPLS_AVANT", self.tr(parc_social_io.BEFORE_WORKS_LABEL),
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "ANALYSE", self.tr("Logements réhabilités (couche d'analyse OSP, avec RPLS_AVANT)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "ZONES", self.tr("Zones (polygones : QPV, cités, quartiers…)"),
            QgsProcessing.SourceType.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "GRID_SIZE", self.tr("Côté des carreaux INSEE (m, 0 = aucun)"),
            QgsProcessingParameterNumber.Type.Integer, 0, minValue=0, maxValue=100000))
        self.addParameter(QgsProcessingParameterField(
            "TOTAL_FIELD", self.tr("Champ du nombre total de logements des communes (et des "
                                   "zones qui ont le même champ : part de logements sociaux)"),
            parentLayerParameterName="COMMUNES", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "VINTAGE", self.tr("Millésime du RPLS (ex. « RPLS au 1er janvier 2024 », pour "
                               "les sources du classeur)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "SECRET_THRESHOLD", self.tr("Seuil du secret statistique (logements)"),
            QgsProcessingParameterNumber.Type.Integer, indicators.DEFAULT_THRESHOLD,
            minValue=1, maxValue=1000))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Indicateurs (GeoPackage)"), "GeoPackage (*.gpkg)"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "WORKBOOK", self.tr("Classeur des indicateurs (.xlsx)"),
            "Classeur Excel (*.xlsx)", optional=True))
        for name, label in (("N_ROWS", "Lignes RPLS"), ("N_DWELLINGS", "Logements"),
                            ("N_HOUSEHOLDS", "Ménages OPS"),
                            ("N_MASKED", "Cellules masquées (secret)")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):
        target = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not target.lower().endswith(".gpkg"):
            raise QgsProcessingException("La sortie doit être un GeoPackage (.gpkg) : %s"
                                         % target)
        threshold = self.parameterAsInt(parameters, "SECRET_THRESHOLD", context)
        total_field = self.parameterAsString(parameters, "TOTAL_FIELD", context).strip()
        _, _, rows, located = located_rows(self, parameters, context, feedback, "RPLS")
        fine = located["geoloc_precision"].isin(geocode.FINE_LEVELS).values
        coarse = int((~fine & (located["geoloc_precision"] == "commune").values).sum())
        if coarse:
            feedback.pushWarning("%d lignes ne sont localisées qu'à la commune : elles comptent "
                                 "dans leur commune (et au-dessus), pas dans les zones ni les "
                                 "carreaux." % coarse)
        xs = located["gx"].where(fine).values
        ys = located["gy"].where(fine).values
        levels, geometries, totals = self._levels(parameters, context, feedback, rows, xs, ys,
                                                  total_field)
        households = self._households(parameters, context, feedback, rows)
        feedback.setProgress(60)
        published, counts, masked = indicators.compute(rows, levels, threshold, totals,
                                                       households)
        feedback.pushInfo("%d territoires, %d cellules masquées par le secret statistique "
                          "(seuil %d)." % (len(published), int(masked.values.sum()),
                                           threshold))
        feedback.setProgress(80)
        tables = self._tables(published.assign(_level=[key[0] for key in counts.index]),
                              levels, geometries)
        evolution = self._before_after(parameters, context, feedback, rows, threshold)
        if evolution is not None:
            tables += [(name, _plain_layer(name, frame)) for name, frame in evolution]
        book = self.parameterAsFileOutput(parameters, "WORKBOOK", context)
        with AtomicFiles() as files:
            if book:
                write_indicator_workbook(files.temporary(book, "Classeur"), published,
                                         self._sources(parameters, context, rows, located,
                                                       households), threshold,
                                         dict(evolution) if evolution else None)
            temporary = files.temporary(target, "Indicateurs")
            try:
                write_layers(temporary, [(layer, name) for name, layer in tables],
                             context=context)
            except IOError as error:
                raise QgsProcessingException("Écriture de « %s » impossible : %s"
                                             % (target, error))
            for name, layer in tables:
                if not layer.isSpatial():
                    continue
                choropleths.store_styles(temporary, name, choropleths.choropleth_styles(
                    layer, CHOROPLETHS, MAIN_STYLE, indicators.labels()))
        return {"OUTPUT": target, "WORKBOOK": book or None, "N_ROWS": len(rows),
                "N_HOUSEHOLDS": 0 if households is None else len(households),
                "N_DWELLINGS": int(rows["nb"].fillna(0).sum()),
                "N_MASKED": int(masked.values.sum())}

    def _before_after(self, parameters, context, feedback, rows, threshold):
        """``[(table, frame)]`` of the label change of renovated dwellings, or ``None``."""
        path = self.parameterAsFile(parameters, "RPLS_AVANT", context)
        layer = self.parameterAsVectorLayer(parameters, "ANALYSE", context)
        if not path and layer is None:
            return None
        if not path or layer is None:
            raise QgsProcessingException(
                "L'évolution des étiquettes énergie demande les deux : RPLS_AVANT (le RPLS "
                "d'avant les travaux) et ANALYSE (les logements réhabilités).")
        _, _, before = parc_social_io.read_rpls(path)
        dwellings = parc_social_io.renovated_dwellings(layer)
        changes = avant_apres.transitions(dwellings, before, rows)
        found = int((changes["avant"] != avant_apres.NOT_GIVEN).sum())
        feedback.pushInfo("%d logements réhabilités, %d avec une étiquette énergie dans le "
                          "RPLS antérieur." % (len(changes), found))
        evolution, crosstab = avant_apres.tables(changes, threshold)
        return [("dpe_avant_apres", evolution), ("dpe_transitions", crosstab)]

    def _sources(self, parameters, context, rows, located, households):
        """What the workbook's « Sources et secret statistique » sheet names."""
        files = [("RPLS", self.parameterAsFile(parameters, "RPLS", context)),
                 ("Adresses", self.parameterAsFile(parameters, "ADDRESSES", context)),
                 ("Enquête OPS", self.parameterAsFile(parameters, "OPS", context))]
        vintage = self.parameterAsString(parameters, "VINTAGE", context).strip()
        out = [("Millésime", vintage or "non précisé (paramètre VINTAGE)")]
        out += [(label, "%s (modifié le %s)" % (os.path.basename(path), time.strftime(
            "%d/%m/%Y", time.localtime(os.path.getmtime(path)))))
               for label, path in files if path and os.path.exists(path)]
        out.append(("Logements", "%s logements sociaux sur %d lignes RPLS" % (
            geocode.format_int(rows["nb"].fillna(0).sum()), len(rows))))
        if households is not None:
            out.append(("Ménages", "%d ménages enquêtés, %d rattachés à un logement RPLS" % (
                len(households), int(households["rpls_row"].notna().sum()))))
        out.append(("Localisation", " ; ".join(geocode.summary_text(
            geocode.summary(rows, located)))))
        layers = self.parameterAsLayerList(parameters, "ZONES", context) or []
        if layers:
            out.append(("Zones", ", ".join(_zone_label(layer) for layer in layers)))
        return out

    def _households(self, parameters, context, feedback, rows):
        path = self.parameterAsFile(parameters, "OPS", context)
        if not path:
            return None
        year = parameters.get("OPS_YEAR")
        year = self.parameterAsInt(parameters, "OPS_YEAR", context) \
            if year not in (None, "") else None
        households = parc_social_io.read_ops(path, rows, year)
        linked = households["rpls_row"].notna()
        feedback.pushInfo("%d ménages OPS lus, %d rattachés à un logement RPLS (identifiant ou "
                          "adresse)." % (len(households), int(linked.sum())))
        if (~linked).any():
            feedback.pushWarning("%d ménages OPS sans logement RPLS correspondant : comptés à "
                                 "part, hors indicateurs (lignes %s)." % (
                                     int((~linked).sum()), _lines(households[~linked])))
        bad = households["anomalies"] != ""
        if bad.any():
            feedback.pushWarning("%d lignes OPS avec des valeurs illisibles, comptées en « non "
                                 "renseigné » (lignes %s)." % (int(bad.sum()),
                                                             _lines(households[bad])))
        return households

    # -- zones -------------------------------------------------------------------------------
    def _levels(self, parameters, context, feedback, rows, xs, ys, total_field):
        """The zone sets: administrative levels, each ZONES layer, the grid."""
        communes_layer = self.parameterAsVectorLayer(parameters, "COMMUNES", context)
        levels = zones.administrative_levels(rows, _file_names(rows))
        geometries, totals = {}, {}
        if communes_layer is not None:
            code = commune_code_index(communes_layer)
            _, _, shapes, zone_totals = zones_io.zones_of(
                communes_layer, xs[:0], ys[:0], parc_social_io.LAMBERT93,
                code_field=communes_layer.fields()[code].name(), total_field=total_field)
            for code, shape in shapes.items():
                geometries[("commune", code.upper().zfill(5))] = shape
            for code, value in zone_totals.items():
                totals[("commune", code.upper().zfill(5))] = value
            _group_geometries(levels, geometries)
        layers = self.parameterAsLayerList(parameters, "ZONES", context) or []
        # two layers may bear the same name (« cites » of two files): tables and labels
        # stay distinct
        labels = unique_names([_zone_label(layer) for layer in layers])
        tables = unique_names(["zones_%s" % _table_name(label, n)
                               for n, label in enumerate(labels, start=1)])
        for layer, label, name in zip(layers, labels, tables):
            membership, names, shapes, zone_totals = zones_io.zones_of(
                layer, xs, ys, parc_social_io.LAMBERT93, feedback, total_field=total_field)
            feedback.pushInfo("« %s » : %d zones, %d lignes localisées dedans." % (
                label, len(names), membership["row"].nunique()))
            membership["row"] = rows.index[membership["row"].values]
            levels += zones.zone_level(name, label, membership, names)
            geometries.update({(name, code): shape for code, shape in shapes.items()})
            totals.update({(name, code): value for code, value in zone_totals.items()})
        size = self.parameterAsInt(parameters, "GRID_SIZE", context)
        if size > 0:
            levels += self._grid(rows, xs, ys, size, geometries)
        return levels, geometries, totals

    @staticmethod
    def _grid(rows, xs, ys, size, geometries):
        import pandas as pd
        etrs = QgsCoordinateReferenceSystem("EPSG:3035")
        gx, gy = transform_xy(xs, ys, parc_social_io.LAMBERT93, etrs)
        ids, bounds = zones.grid_cells(gx, gy, size)
        codes = pd.Series(ids, index=rows.index)
        codes = codes[codes != ""]
        name = "carreaux_%dm" % size
        membership = pd.DataFrame({"row": codes.index, "code": codes.values})
        back = QgsCoordinateTransform(etrs, parc_social_io.LAMBERT93, QgsProject.instance())
        for code, (x0, y0, x1, y1) in bounds.items():
            cell = QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1))
            cell.transform(back)
            geometries[(name, code)] = cell
        return zones.zone_level(name, "Carreaux de %d m" % size, membership,
                                {code: code for code in bounds})

    # -- output tables -----------------------------------------------------------------------
    @staticmethod
    def _tables(published, levels, geometries):
        """``[(table name, memory layer)]``: one table per zone set (communes, their QPV
        parts, EPCI, départements, the whole file, each zone layer and grid with its
        « ensemble » row)."""
        groups = [(table, published[published["_level"] == name])
                  for name, table in ADMIN_TABLES if (published["_level"] == name).any()]
        for level in levels:
            if level.name.startswith(("zones_", "carreaux_")) and \
                    not level.name.endswith("_ensemble"):
                part = published[published["_level"].isin([level.name,
                                                           level.name + "_ensemble"])]
                groups.append((level.name, part))
        labels = indicators.labels()
        return [(table, _memory_table(
            table, "MultiPolygon?crs=EPSG:2154",
            [(c, _kind(c), labels.get(c, c)) for c in frame.columns if c != "_level"],
            frame, lambda record: geometries.get((record["_level"], record["code"]))))
                for table, frame in groups]


def _memory_table(name, uri, specs, frame, geometry_of=None):
    """A memory layer of ``frame``'s records with the fields ``specs`` ``[(name, kind,
    alias)]``; ``geometry_of(record)`` its geometry (made multi), if any."""
    layer = QgsVectorLayer(uri, name, "memory")
    layer.dataProvider().addAttributes(qgis_io.make_fields(specs).toList())
    layer.updateFields()
    for column, _, alias in specs:
        layer.setFieldAlias(layer.fields().indexOf(column), alias)
    features = []
    for record in frame.to_dict("records"):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([_value(record[column]) for column, _, _ in specs])
        shape = geometry_of(record) if geometry_of is not None else None
        if shape is not None and not shape.isEmpty():
            shape = QgsGeometry(shape)
            shape.convertToMultiType()
            feature.setGeometry(shape)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _plain_layer(name, frame):
    """A table without geometry for the GeoPackage (French labels: the indicators' and the
    label-change classes')."""
    labels, changes = indicators.labels(), dict(CHANGES)
    return _memory_table(name, "None", [
        (c, "int" if c == "logements" or c in changes else "string",
         labels.get(c, changes.get(c, c))) for c in frame.columns], frame)


def _lines(frame, shown=10):
    lines = [str(n) for n in frame["ligne"].head(shown)]
    return ", ".join(lines) + ("…" if len(frame) > shown else "")


def _kind(column):
    if column in ("niveau", "code", "nom", "secret"):
        return "string"
    if column.startswith("part_") or column == "logements_total" or \
            column in {mean["champ"] for mean in indicators.means()}:
        return "double"
    return "int"


def _value(value):
    """A cell for a QGIS attribute: NaN as NULL, numpy scalars as Python values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _file_names(rows):
    """Commune names from the file's own LIBCOM column."""
    named = rows[(rows["libcom"] != "") & (rows["depcom"] != "")]
    return named.drop_duplicates("depcom").set_index("depcom")["libcom"].str.title().to_dict()


def _group_geometries(levels, geometries):
    """EPCI, département and ensemble contours: unions of their communes'."""
    for level in levels:
        if level.name == "commune":
            grouped = {}
            for code, (parent_level, parent) in level.parents.items():
                shape = geometries.get(("commune", code))
                if shape is not None:
                    grouped.setdefault((parent_level, parent), []).append(shape)
                    grouped.setdefault(("ensemble", zones.ENSEMBLE), []).append(shape)
            for key, shapes in grouped.items():
                geometries[key] = union(shapes)
    for level in levels:
        if level.name == "epci":
            for code, (parent_level, parent) in level.parents.items():
                if ("epci", code) in geometries:
                    key = (parent_level, parent)
                    geometries[key] = union([geometries.get(key), geometries[("epci", code)]])


def _zone_label(layer):
    """« cites » for ``territoire.gpkg|layername=cites`` (QGIS names it after the file)."""
    _, _, sub = layer.source().partition("|layername=")
    return sub.split("|")[0] if sub else layer.name()


def _table_name(text, n):
    """A layer name as a table name: ``QPV Narbonne (2024)`` → ``qpv_narbonne_2024``."""
    ascii_text = without_accents(text).encode("ascii", "ignore").decode()
    name = re.sub(r"[^0-9a-z]+", "_", ascii_text.lower()).strip("_")[:40]
    return name or str(n)

