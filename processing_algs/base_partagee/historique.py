"""osp:historique — « Exporter l'historique »."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime

from ..common import postgres
from ..common.base import OspAlgorithm
from ..common.outputs import Outputs
from ..common.qgis_io import make_fields
from . import database as base_io


class Historique(OspAlgorithm):
    NAME = "historique"
    DISPLAY_NAME = "Exporter l'historique"
    GROUP_ID = "base"

    def initAlgorithm(self, config=None):
        self.addParameter(postgres.database_parameter(self))
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

    def processAlgorithm(self, parameters, context, feedback):
        dates = {}
        for name in ("START", "END"):
            value = self.parameterAsDateTime(parameters, name, context)
            dates[name] = value.toPyDateTime() if value is not None and value.isValid() \
                else None
        try:
            database = postgres.Database(self.parameterAsString(parameters, "DATABASE", context))
            rows = base_io.history(
                database, dates["START"], dates["END"],
                self.parameterAsString(parameters, "BAILLEUR", context).strip() or None,
                self.parameterAsString(parameters, "EPCI", context).strip() or None,
                self.parameterAsString(parameters, "COMMUNE", context).strip() or None)
        except postgres.BaseError as error:
            raise QgsProcessingException(str(error))
        for row in rows:   # the time of the change, as QGIS stores a date and time
            row[0] = QDateTime(row[0]) if row[0] is not None else None
        fields = make_fields([(name, kind, name) for name, kind in base_io.HISTORY_FIELDS])
        with Outputs(self, parameters, context, feedback) as outputs:
            dest = outputs.write("OUTPUT", fields, QgsWkbTypes.Type.NoGeometry, None, rows)
        feedback.pushInfo(self.tr("%d lignes d'historique.") % len(rows))
        return {"OUTPUT": dest, "N_ROWS": len(rows)}
