"""The « OSP ERBM » Processing provider (id ``osp``)."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..osp_qgis.reference import resource_path
from . import fonts_qt
from .ajouter_utilisateur import AjouterUtilisateur
from .analyse_logement import AnalyseLogement
from .apply_form import ApplyOspForm
from .atlas import Atlas
from .croisement_ff import CroisementFF
from .fiche_territoire import FicheTerritoire
from .geocoder_rpls import GeocoderRpls
from .historique import Historique
from .indicateurs_parc_social import IndicateursParcSocial
from .init_base import InitBase
from .join_bailleur_parcelles import JoinBailleurParcelles
from .programmation_formulaires import ProgrammationFormulaires
from .programmation_import import ProgrammationImport
from .programmation_init import ProgrammationInit
from .programmation_recap import ProgrammationRecap
from .synthese import Synthese

ALGORITHMS = (ProgrammationInit, ProgrammationFormulaires, ProgrammationImport,
              ProgrammationRecap, JoinBailleurParcelles, AnalyseLogement, ApplyOspForm,
              CroisementFF, Synthese, GeocoderRpls, IndicateursParcSocial, Atlas,
              FicheTerritoire, InitBase, AjouterUtilisateur, Historique)
# « Extensions › OSP ERBM », in the order of the work
MENU = ("osp:programmation_import", "osp:programmation_recap", "osp:joinbailleurparcelles",
        "osp:analyselogement", "osp:synthese", "osp:atlas")


class OspProvider(QgsProcessingProvider):
    def id(self):
        return "osp"

    def name(self):
        return "OSP ERBM"

    def longName(self):  # noqa: N802 (QGIS API name)
        return "OSP ERBM – Outil de suivi et de programmation du Bassin minier"

    def icon(self):
        return QIcon(resource_path("icons", "osp.svg"))

    def loadAlgorithms(self):  # noqa: N802 (QGIS API name)
        fonts_qt.register()   # the font of styles and layouts, desktop or qgis_process
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
