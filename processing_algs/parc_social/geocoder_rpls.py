"""osp:geocoder_rpls — « Géolocaliser le RPLS »."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ...osp_qgis.parc_social import geocode
from ..common import qgis_io
from ..common.base import OspAlgorithm
from ..common.outputs import Outputs
from ..common.postprocess import StyleAndAliases
from . import rpls_io as parc_social_io
from .location import add_rpls_inputs, located_rows

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


class GeocoderRpls(OspAlgorithm):
    NAME = "geocoder_rpls"
    DISPLAY_NAME = "Géolocaliser le RPLS"
    GROUP_ID = "syntheses"

    def initAlgorithm(self, config=None):
        add_rpls_inputs(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("RPLS géolocalisé"), QgsProcessing.SourceType.TypeVectorPoint))
        for level in geocode.LEVELS:
            self.addOutput(QgsProcessingOutputNumber(
                "N_" + level.upper(), self.tr("Lignes localisées : %s")
                % geocode.LEVEL_LABELS[level]))
        self.addOutput(QgsProcessingOutputNumber("N_ROWS", self.tr("Lignes lues")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Bilan de localisation")))

    def processAlgorithm(self, parameters, context, feedback):
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
