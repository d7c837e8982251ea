"""osp:ajouter_utilisateur — « Ajouter un utilisateur »."""
import os
import secrets

from qgis.core import (QgsProcessingException, QgsProcessingOutputString,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterString)

from . import database as base_io
from ..common.base import OspAlgorithm

HELP = """<p>Ajoute un identifiant de connexion (login) à la base partagée, dans un groupe :
<i>osp_admin</i> (DDTM), <i>osp_lecteur</i>, <i>osp_bailleur_&lt;sigle&gt;</i> ou
<i>osp_epci_&lt;sigle&gt;</i> (la liste est dans le journal d'<i>osp:init_base</i>). Un
identifiant existant est ajouté au groupe et reçoit un nouveau mot de passe.</p>
<p>Le <b>mot de passe</b> est tiré au hasard et écrit dans le seul fichier
<i>Mot de passe</i>, à transmettre à la personne : il ne figure ni dans les paramètres, ni
dans le journal, ni dans l'historique de QGIS ; il est chiffré (SCRAM) avant d'être envoyé au
serveur.</p>
<p>Réservé aux membres d'<i>osp_admin</i> et au propriétaire de la base (qui ajoute ainsi le
premier administrateur). Seuls les identifiants créés par l'OSP peuvent recevoir un nouveau mot
de passe : un rôle du serveur qui n'a pas été créé ici (superutilisateur, propriétaire de la
base, rôle d'une autre application) est refusé et n'est jamais modifié. Le fichier du mot de
passe n'est lisible que par son propriétaire.</p>
<p><b>Exemple</b> : <code>qgis_process run osp:ajouter_utilisateur --DATABASE="service=osp"
--LOGIN=jdupont --GROUP=osp_bailleur_sia --PASSWORD_FILE=jdupont.txt</code></p>"""


class AjouterUtilisateur(OspAlgorithm):
    NAME = "ajouter_utilisateur"
    DISPLAY_NAME = "Ajouter un utilisateur"
    SHORT = ("Crée un identifiant de connexion dans un groupe de la base partagée (admin, "
             "lecteur, bailleur, EPCI), mot de passe écrit dans un fichier.")
    GROUP_ID = "base"
    HELP = HELP

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(base_io.database_parameter(self))
        self.addParameter(QgsProcessingParameterString("LOGIN", self.tr("Identifiant")))
        self.addParameter(QgsProcessingParameterString(
            "GROUP", self.tr("Groupe (osp_admin, osp_lecteur, osp_bailleur_…, osp_epci_…)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "PASSWORD_FILE", self.tr("Mot de passe (fichier texte à transmettre)"),
            self.tr("Texte (*.txt)")))
        self.addOutput(QgsProcessingOutputString("LOGIN_CREATED", self.tr("Identifiant")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        login = self.parameterAsString(parameters, "LOGIN", context).strip()
        group = self.parameterAsString(parameters, "GROUP", context).strip()
        path = self.parameterAsFileOutput(parameters, "PASSWORD_FILE", context)
        password = secrets.token_urlsafe(15)
        temporary = path + ".partiel"
        try:
            # readable by its owner only (0600): it holds a password
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.chmod(temporary, 0o600)   # an older « .partiel » left with other rights
            with open(descriptor, "w", encoding="utf-8", newline="\n") as handle:
                handle.write("Base OSP ERBM\nIdentifiant : %s\nMot de passe : %s\n"
                             % (login, password))
        except OSError as error:
            raise QgsProcessingException(self.tr("Fichier « %s » non écrit : %s")
                                         % (path, error.strerror or error))
        try:
            database = base_io.Database(self.parameterAsString(parameters, "DATABASE", context))
            base_io.add_user(database, login, group, password)
            os.replace(temporary, path)
        except base_io.BaseError as error:
            raise QgsProcessingException(str(error))
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
        feedback.pushInfo(self.tr("Utilisateur « %s » ajouté au groupe « %s » ; mot de passe "
                                  "dans %s.") % (login, group, path))
        return {"LOGIN_CREATED": login, "PASSWORD_FILE": path}
