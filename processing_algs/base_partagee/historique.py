"""osp:historique — « Exporter l'historique »."""
from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterDateTime, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterString, QgsWkbTypes)

from qgis.PyQt.QtCore import QDateTime

from . import database as base_io
from ..common.base import OspAlgorithm
from ..common.outputs import Outputs
from ..common.qgis_io import make_fields

HELP = """<p>Exporte l'<b>historique</b> de la base partagée : chaque ajout, modification et
suppression d'un logement ou d'une opération, avec qui, quand, par quel import (ou édition),
et pour une modification une ligne par champ changé (valeur avant, valeur après).</p>
<p>Filtres (facultatifs, cumulables) : <b>bailleur</b> (code, ex. <i>SIA</i>), <b>EPCI</b>
(sigle), <b>commune</b> (code INSEE), <b>période</b> (début inclus, fin exclue).</p>
<p><b>Exemple</b> : <code>qgis_process run osp:historique --DATABASE="service=osp"
--BAILLEUR=SIA --START=2026-01-01 --OUTPUT=historique_sia.xlsx</code></p>"""


class Historique(OspAlgorithm):
    NAME = "historique"
    DISPLAY_NAME = "Exporter l'historique"
    SHORT = ("L'historique de la base partagée (qui, quand, quoi, avant, après) pour un "
             "bailleur, un EPCI, une commune, une période.")
    GROUP_ID = "base"
    HELP = HELP

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(base_io.database_parameter(self))
        for name, label in (("BAILLEUR", "Bailleur (code)"), ("EPCI", "EPCI (sigle)"),
                            ("COMMUNE", "Commune (code INSEE)")):
            self.addParameter(QgsProcessingParameterString(name, self.tr(label), optional=True))
        self.addParameter(QgsProcessingParameterDateTime("START", self.tr("Depuis le"),
                                                         optional=True))
        self.addParameter(QgsProcessingParameterDateTime("END", self.tr("Jusqu'au (exclu)"),
                                                         optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Historique")))
        self.addOutput(QgsProcessingOutputNumber("N_ROWS", self.tr("Lignes d'historique")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        dates = {}
        for name in ("START", "END"):
            value = self.parameterAsDateTime(parameters, name, context)
            dates[name] = value.toPyDateTime() if value is not None and value.isValid() \
                else None
        try:
            database = base_io.Database(self.parameterAsString(parameters, "DATABASE", context))
            rows = base_io.history(
                database, dates["START"], dates["END"],
                self.parameterAsString(parameters, "BAILLEUR", context).strip() or None,
                self.parameterAsString(parameters, "EPCI", context).strip() or None,
                self.parameterAsString(parameters, "COMMUNE", context).strip() or None)
        except base_io.BaseError as error:
            raise QgsProcessingException(str(error))
        for row in rows:   # the time of the change, as QGIS stores a date and time
            row[0] = QDateTime(row[0]) if row[0] is not None else None
        fields = make_fields([(name, kind, name) for name, kind in base_io.HISTORY_FIELDS])
        with Outputs(self, parameters, context, feedback) as outputs:
            dest = outputs.write("OUTPUT", fields, QgsWkbTypes.Type.NoGeometry, None, rows)
        feedback.pushInfo(self.tr("%d lignes d'historique.") % len(rows))
        return {"OUTPUT": dest, "N_ROWS": len(rows)}
