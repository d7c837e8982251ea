"""osp:programmation_init — « Créer la programmation »."""
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterVectorLayer)

from . import store as store
from . import postgis as postgis
from .project import save_styles
from ..common.base import OspAlgorithm
from .params import target_of

HELP = """<p>Crée (ou complète, sans rien perdre) la <b>programmation</b> : un GeoPackage, ou un
schéma PostGIS, avec la couche <i>operations</i> (une opération = une tranche d'une cité :
identité, blocs Prévisionnel bailleur, Prévisionnel EPCI, Prévisionnel DIRBM/DDTM, décision
CRHH) et la table <i>avancement</i> (notes datées de chaque partenaire), leurs formulaires et
styles enregistrés par défaut, leurs listes de valeurs et la relation entre elles (projet
« Programmation OSP » rangé dans le GeoPackage : Projet › Ouvrir depuis › GeoPackage).</p>
<p><b>Cités</b> : leurs polygones et noms sont copiés dans la programmation
(listes des classeurs partenaires, géométrie des opérations).</p>
<p>Destination PostGIS : <i>postgres:service=osp schema=programmation</i> (ou
<i>dbname=… host=…</i>, ou <i>connexion=Nom de la connexion QGIS</i>).</p>
<p><b>Exemple</b> : <code>qgis_process run osp:programmation_init
--OUTPUT=programmation.gpkg --CITES=cites_erbm.geojson</code></p>"""


class ProgrammationInit(OspAlgorithm):
    NAME = "programmation_init"
    DISPLAY_NAME = "Créer la programmation"
    SHORT = ("Crée le GeoPackage (ou le schéma PostGIS) de la programmation : opérations, "
             "avancement, formulaires, styles, relation.")
    GROUP_ID = "programmation"
    HELP = HELP
    DATABASE_TARGETS = ("OUTPUT",)

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterVectorLayer(
            "CITES", self.tr("Cités minières (polygones : identifiant, nom)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Programmation (GeoPackage, ou postgres:… schema=…)"),
            self.tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber("N_OPERATIONS",
                                                 self.tr("Opérations dans la programmation")))
        self.addOutput(QgsProcessingOutputString("PROGRAMMATION", self.tr("Programmation")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        target = target_of(self, parameters, "OUTPUT", context, output=True)
        cites_layer = self.parameterAsVectorLayer(parameters, "CITES", context)
        new_cites = store.cites_from_layer(cites_layer) if cites_layer is not None else None
        counts = []

        def completed(operations, notes, cites):
            """Nothing lost: the operations and notes as they are, the cités given."""
            counts[:] = [operations, notes, new_cites if new_cites is not None else cites]
            return tuple(counts)

        try:
            if target.kind == "gpkg":
                store.update_gpkg(target.path, completed, cancelled=feedback.isCanceled)
            else:
                completed(*store.read(target))
                postgis.create_postgis(target)
                postgis.write_postgis(target, counts[0], counts[1], counts[2], [], {}, [], [])
                save_styles(target, counts[2])
                store.signing_key(target, create=True)
            operations, notes, cites = counts
        except store.StoreError as error:
            raise QgsProcessingException(str(error))
        except Exception as error:  # GeoPackageError and the like: French already
            raise QgsProcessingException(str(error))
        feedback.pushInfo(self.tr("Programmation prête : %s (%d opérations, %d notes, %d cités).")
                          % (target.label, len(operations), len(notes), len(cites)))
        return {"OUTPUT": target.path or parameters.get("OUTPUT"),
                "PROGRAMMATION": target.path or target.label, "N_OPERATIONS": len(operations)}
