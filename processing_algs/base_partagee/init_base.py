"""osp:init_base — « Préparer la base partagée »."""
from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingOutputString,
                       QgsVectorLayer)

from . import database as base_io
from ..common.base import OspAlgorithm

HELP = """<p>Crée le schéma <b>osp</b> de la base PostGIS partagée, ou le met à jour : tables
des logements (la couche d'analyse), des opérations et de leur avancement, des cités, des
territoires, des anomalies, des imports et l'<b>historique</b> (audit) ; clés, contraintes
reprenant celles des formulaires (un INSERT direct ne peut pas les contourner), index ;
formulaires et styles enregistrés par défaut dans <i>layer_styles</i>.</p>
<p>Les droits sont tenus par PostgreSQL lui-même : groupes <i>osp_admin</i> (DDTM),
<i>osp_lecteur</i>, <i>osp_bailleur_&lt;sigle&gt;</i> (ses logements, le bloc b_ de ses
opérations, ses notes), <i>osp_epci_&lt;sigle&gt;</i> (le bloc e_ des opérations de son
territoire, ses notes) ; chaque modification passe par un numéro de version (jamais
d'écrasement silencieux) et laisse une ligne d'historique.</p>
<p>Idempotent : relancé sur une base à jour, il ne change rien ; sur une base plus ancienne, il
applique les migrations manquantes (<i>resources/sql/</i>) en une seule transaction.</p>
<p><b>Base</b> : nom d'une connexion PostgreSQL de QGIS, <i>service=osp</i>
(pg_service.conf), ou <i>dbname=osp host=… user=…</i>. Il faut un rôle qui peut créer des
rôles (CREATEROLE) pour la première création.</p>
<p><b>Exemple</b> : <code>qgis_process run osp:init_base --DATABASE="service=osp"</code></p>"""


class InitBase(OspAlgorithm):
    NAME = "init_base"
    DISPLAY_NAME = "Préparer la base partagée"
    SHORT = ("Crée (ou met à jour) le schéma osp de la base PostGIS partagée : tables, "
             "contraintes, rôles, versions, historique, formulaires.")
    GROUP_ID = "base"
    HELP = HELP

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(base_io.database_parameter(self))
        self.addOutput(QgsProcessingOutputNumber("VERSION", self.tr("Version du schéma")))
        self.addOutput(QgsProcessingOutputNumber("N_MIGRATIONS",
                                                 self.tr("Migrations appliquées")))
        self.addOutput(QgsProcessingOutputString("ROLES", self.tr("Rôles des partenaires")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        try:
            database = base_io.Database(self.parameterAsString(parameters, "DATABASE", context))
            before, after, applied = base_io.migrate(database, feedback)
            feedback.setProgress(50)
            roles = base_io.create_partners(database)
            feedback.setProgress(70)
            self._save_styles(database)
            base_io.grant_styles(database)
        except base_io.BaseError as error:
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
        from ..logements import analyse_io
        from ..programmation.project import save_styles
        from ..programmation.store import StoreError, Target
        layer = QgsVectorLayer(database.layer_uri("logements"), "Analyse au logement", "postgres")
        if not layer.isValid():
            raise base_io.BaseError("Table osp.logements illisible par QGIS (%s)." % database.label)
        # styles already stored are left as they are: their ids and the DDTM's edits
        error = analyse_io.apply_osp_style(layer, analyse_io.form_tables()) or \
            analyse_io.save_styles_in_database(layer, keep_existing=True)
        if error:
            raise base_io.BaseError("Style non enregistré : %s" % database.scrub(error))
        try:
            save_styles(Target("postgres:%s schema=%s" % (database.uri.uri(False),
                                                          base_io.SCHEMA)), keep_existing=True)
        except StoreError as error:
            raise base_io.BaseError(database.scrub(error))
