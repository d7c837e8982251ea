"""osp:geocoder_rpls — « Géolocaliser le RPLS »."""
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingOutputString,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFile,
                       QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer, QgsWkbTypes)

from ...osp_qgis.parc_social import geocode
from . import rpls_io as parc_social_io
from ..common import qgis_io
from ..common.base import OspAlgorithm
from ..common.outputs import Outputs
from ..common.postprocess import StyleAndAliases

HELP = """<p>Place chaque ligne d'un fichier <b>RPLS</b> (open data classique, fichier
géolocalisé récent, fichier bailleur, ou fichier agrégé par adresse avec une colonne de
comptage <i>nb</i> ; CSV <code>;</code> ou <code>,</code>, UTF-8 ou Latin-1, XLSX, ODS,
GeoPackage) sur un point :</p>
<ol><li><i>xy_source</i> : les colonnes X, Y (et EPSG) du fichier quand il en a — seulement
celles dont QUALITE_XY est parmi les valeurs de <i>XY_QUALITY</i> quand il est donné, qui sont
dans le domaine de validité de leur système (et de Lambert-93 en métropole) et dans leur
commune (contour de <i>COMMUNES</i>, sinon emprise de ses adresses BAN) ; les autres lignes
sont cherchées dans la BAN et le disent dans <i>anomalies</i> (latitude et longitude
inversées, 0/0, Lambert-93 déclaré en degrés, autre commune). Un fichier déjà géolocalisé par
cet algorithme garde la précision de chaque point (<i>geoloc_precision</i>) ;</li>
<li><i>numero</i> : l'adresse retrouvée dans la <b>BAN</b> (<i>ADDRESSES</i>, fichier
adresses-XX.csv) : numéro, indice de répétition (bis, ter, B, T…) et voie, types de voie
développés (R, AV, BD, CHE, IMP…), accents, casse, ponctuation et articles ignorés ; voie
exacte puis voie la plus proche de la commune (similarité ≥ 0,85) ;</li>
<li><i>voie</i> : la voie est trouvée mais pas le numéro : point médian de la voie ;</li>
<li><i>commune</i> : point de la commune (<i>COMMUNES</i>, sinon centre des adresses BAN de
la commune ; sans l'un ni l'autre la ligne reste sans point) ;</li>
<li><i>non_localise</i> : ni coordonnées ni code commune lisible.</li></ol>
<p>Aucune ligne n'est perdue : la sortie a autant d'entités que le fichier de lignes, toutes
ses colonnes (en texte) et <i>geoloc_precision</i>, <i>geoloc_score</i> (1 = certain),
<i>geoloc_voie</i> (la voie BAN retenue), <i>anomalies</i>. Le journal donne le taux par
niveau, en lignes et en logements (pondérés par <i>nb</i>).</p>
<p><b>Exemple</b> : <code>qgis_process run osp:geocoder_rpls --INPUT=rpls_2024_59.csv
--ADDRESSES=adresses-59.csv.gz --OUTPUT=rpls_geolocalise.gpkg</code></p>"""

ADDED = (("ligne", "int"), ("geoloc_precision", "string"), ("geoloc_score", "double"),
         ("geoloc_voie", "string"), ("anomalies", "string"))
ALIASES = {"ligne": "Ligne du fichier", "geoloc_precision": "Précision de la localisation",
           "geoloc_score": "Score de localisation", "geoloc_voie": "Voie BAN retenue",
           "anomalies": "Anomalies"}


RESERVED = ("fid", "geom", "geometry", "ogc_fid")


def output_name(column):
    """A column of the file as an output field: « fid » and geometry names are the
    GeoPackage's own, so the file's get a suffix."""
    return column + "_fichier" if column.lower() in RESERVED else column


def add_rpls_inputs(algorithm, name="INPUT"):
    algorithm.addParameter(QgsProcessingParameterFile(
        name, algorithm.tr("Fichier RPLS (CSV, XLSX, ODS, GeoPackage…)")))
    algorithm.addParameter(QgsProcessingParameterFile(
        "ADDRESSES", algorithm.tr("Adresses BAN (adresses-XX.csv ou .csv.gz)"),
        optional=True))
    algorithm.addParameter(QgsProcessingParameterVectorLayer(
        "COMMUNES", algorithm.tr("Communes (polygones avec le code INSEE)"),
        [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
    algorithm.addParameter(QgsProcessingParameterString(
        "XY_QUALITY", algorithm.tr("Valeurs de QUALITE_XY à croire (séparées par des "
                                   "virgules ; vide : toutes)"), optional=True))


def located_rows(algorithm, parameters, context, feedback, name="INPUT"):
    """``(frame, roles, rows, located)`` of the RPLS input, points in Lambert-93."""
    path = algorithm.parameterAsFile(parameters, name, context)
    frame, roles, rows = parc_social_io.read_rpls(path)
    feedback.pushInfo("%d lignes RPLS lues (%s logements)." % (
        len(rows), geocode.format_int(rows["nb"].fillna(0).sum())))
    feedback.setProgress(20)
    located = parc_social_io.locate(
        rows, algorithm.parameterAsFile(parameters, "ADDRESSES", context),
        algorithm.parameterAsVectorLayer(parameters, "COMMUNES", context),
        parc_social_io.LAMBERT93, feedback,
        [v for v in algorithm.parameterAsString(parameters, "XY_QUALITY", context).split(",")
         if v.strip()])
    for line in geocode.summary_text(geocode.summary(rows, located)):
        feedback.pushInfo("Localisation " + line)
    return frame, roles, rows, located


class GeocoderRpls(OspAlgorithm):
    NAME = "geocoder_rpls"
    DISPLAY_NAME = "Géolocaliser le RPLS"
    SHORT = ("Un point par ligne RPLS : coordonnées du fichier, adresse BAN (numéro, voie), "
             "commune ; précision et score sur chaque ligne, aucune ligne perdue.")
    GROUP_ID = "syntheses"
    HELP = HELP

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_rpls_inputs(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("RPLS géolocalisé"), QgsProcessing.SourceType.TypeVectorPoint))
        for level in geocode.LEVELS:
            self.addOutput(QgsProcessingOutputNumber(
                "N_" + level.upper(), self.tr("Lignes localisées : %s")
                % geocode.LEVEL_LABELS[level]))
        self.addOutput(QgsProcessingOutputNumber("N_ROWS", self.tr("Lignes lues")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Bilan de localisation")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        Outputs(self, parameters, context).check_folders("OUTPUT")
        frame, _, rows, located = located_rows(self, parameters, context, feedback)
        feedback.setProgress(60)
        source = [c for c in frame.columns if c != "ligne" and
                  c.lower() not in {name for name, _ in ADDED}]
        fields = qgis_io.make_fields([(output_name(c), "string", c) for c in source] +
                                     [(n, k, ALIASES[n]) for n, k in ADDED])
        values = frame[source].values.tolist()

        def features():
            for n, (cells, line, precision, score, voie, problems, x, y) in enumerate(zip(
                    values, rows["ligne"], located["geoloc_precision"],
                    located["geoloc_score"], located["geoloc_voie"], rows["anomalies"],
                    located["gx"], located["gy"])):
                if n % 5000 == 0 and feedback.isCanceled():
                    raise QgsProcessingException("Traitement annulé : rien n'a été écrit.")
                point = None if x != x or y != y else (float(x), float(y))
                yield [c if c != "" else None for c in cells] + [
                    int(line), precision, round(float(score), 3), voie or None,
                    problems or None], point

        with Outputs(self, parameters, context, feedback) as outputs:
            dest = outputs.write("OUTPUT", fields, QgsWkbTypes.Type.Point,
                                 parc_social_io.LAMBERT93, features(), expected=len(rows),
                                 points=True)
        StyleAndAliases.attach(context, dest, fields, "rpls_geolocalise.qml")
        table = geocode.summary(rows, located)
        result = {"OUTPUT": dest, "N_ROWS": len(rows),
                  "SUMMARY": "\n".join(geocode.summary_text(table))}
        for row in table.itertuples(index=False):
            result["N_" + row.niveau.upper()] = row.lignes
        return result
