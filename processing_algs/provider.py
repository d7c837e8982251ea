"""The « OSP ERBM » Processing provider (id ``osp``)."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..osp_qgis.reference import resource_path
from .base_partagee.ajouter_utilisateur import AjouterUtilisateur
from .base_partagee.historique import Historique
from .base_partagee.init_base import InitBase
from .common import fonts_qt
from .fichiers_fonciers.croisement_ff import CroisementFF
from .livraison.livrables import Livrables
from .logements.analyselogement import AnalyseLogement
from .logements.appliquerformulaire import ApplyOspForm
from .logements.atlas import Atlas
from .logements.joinbailleurparcelles import JoinBailleurParcelles
from .logements.synthese import Synthese
from .parc_social.fiche_territoire import FicheTerritoire
from .parc_social.geocoder_rpls import GeocoderRpls
from .parc_social.indicateurs_parc_social import IndicateursParcSocial
from .programmation.bilan_erbm import BilanErbm
from .programmation.financement_import import FinancementImport
from .programmation.financement_recap import FinancementRecap
from .programmation.programmation_formulaires import ProgrammationFormulaires
from .programmation.programmation_import import ProgrammationImport
from .programmation.programmation_init import ProgrammationInit
from .programmation.programmation_recap import ProgrammationRecap
from .publication.publier import Publier

ALGORITHMS = (ProgrammationInit, ProgrammationFormulaires, ProgrammationImport,
              ProgrammationRecap, FinancementImport, FinancementRecap, JoinBailleurParcelles,
              AnalyseLogement, ApplyOspForm,
              CroisementFF, Synthese, GeocoderRpls, IndicateursParcSocial, Atlas,
              FicheTerritoire, InitBase, AjouterUtilisateur, Historique, Publier, Livrables,
              BilanErbm)
# « Extensions › OSP ERBM », in the order of the work
MENU = ("osp:programmation_import", "osp:programmation_recap", "osp:joinbailleurparcelles",
        "osp:analyselogement", "osp:synthese", "osp:atlas")


class OspProvider(QgsProcessingProvider):
    def id(self):
        return "osp"

    def name(self):
        return "OSP ERBM"

    def longName(self):
        return "OSP ERBM – Outil de suivi et de programmation du Bassin minier"

    def icon(self):
        return QIcon(resource_path("icons", "osp.svg"))

    def loadAlgorithms(self):
        fonts_qt.register()   # the font of styles and layouts, desktop or qgis_process
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
