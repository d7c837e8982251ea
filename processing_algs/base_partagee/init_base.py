"""osp:init_base — « Préparer la base partagée »."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsVectorLayer,
)

from ..common import postgres, territory_layers
from ..common.base import OspAlgorithm
from ..logements import analyse_io
from ..programmation.project import save_styles
from ..programmation.target import StoreError, Target
from . import database as base_io


class InitBase(OspAlgorithm):
    NAME = "init_base"
    DISPLAY_NAME = "Préparer la base partagée"
    GROUP_ID = "base"

    def initAlgorithm(self, config=None):
        self.addParameter(postgres.database_parameter(self))
        self.addOutput(QgsProcessingOutputNumber("VERSION", self.tr("Version du schéma")))
        self.addOutput(QgsProcessingOutputNumber("N_MIGRATIONS",
                                                 self.tr("Migrations appliquées")))
        self.addOutput(QgsProcessingOutputString("ROLES", self.tr("Rôles des partenaires")))

    def processAlgorithm(self, parameters, context, feedback):
        try:
            database = postgres.Database(self.parameterAsString(parameters, "DATABASE", context))
            before, after, applied = base_io.migrate(database, feedback)
            feedback.setProgress(50)
            roles = base_io.create_partners(database)
            feedback.setProgress(70)
            self._save_styles(database)
            base_io.grant_styles(database)
        except postgres.BaseError as error:
            raise QgsProcessingException(str(error))
        if applied:
            feedback.pushInfo(self.tr("Base %s : version %d → %d (%d migrations).")
                              % (database.label, before, after, len(applied)))
        else:
            feedback.pushInfo(self.tr("Base %s déjà à jour (version %d) : rien à migrer.")
                              % (database.label, after))
        feedback.pushInfo(self.tr("Rôles des partenaires : %s") % ", ".join(roles))
        return {"VERSION": after, "N_MIGRATIONS": len(applied), "ROLES": ",".join(roles)}

    @staticmethod
    def _save_styles(database):
        """The analyse layer's form and styles, and the programmation's, as default styles."""
        layer = QgsVectorLayer(database.layer_uri("logements"), "Analyse au logement", "postgres")
        if not layer.isValid():
            raise postgres.BaseError("Table osp.logements illisible par QGIS (%s)." % database.label)
        # styles already stored are left as they are: their ids and the DDTM's edits
        error = analyse_io.apply_osp_style(layer, territory_layers.form_tables()) or \
            analyse_io.save_styles_in_database(layer, keep_existing=True)
        if error:
            raise postgres.BaseError("Style non enregistré : %s" % database.scrub(error))
        try:
            save_styles(Target("postgres:%s schema=%s" % (database.uri.uri(False),
                                                          base_io.SCHEMA)), keep_existing=True)
        except StoreError as error:
            raise postgres.BaseError(database.scrub(error))
