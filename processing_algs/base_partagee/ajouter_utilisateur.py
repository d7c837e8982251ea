"""osp:ajouter_utilisateur — « Ajouter un utilisateur »."""
import os
import secrets

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..common import postgres
from ..common.base import OspAlgorithm
from . import database as base_io


class AjouterUtilisateur(OspAlgorithm):
    NAME = "ajouter_utilisateur"
    DISPLAY_NAME = "Ajouter un utilisateur"
    GROUP_ID = "base"

    def initAlgorithm(self, config=None):
        self.addParameter(postgres.database_parameter(self))
        self.addParameter(QgsProcessingParameterString("LOGIN", self.tr("Identifiant")))
        self.addParameter(QgsProcessingParameterString(
            "GROUP", self.tr("Groupe (osp_admin, osp_lecteur, osp_bailleur_…, osp_epci_…)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "PASSWORD_FILE", self.tr("Mot de passe (fichier texte à transmettre)"),
            self.tr("Texte (*.txt)")))
        self.addOutput(QgsProcessingOutputString("LOGIN_CREATED", self.tr("Identifiant")))

    def processAlgorithm(self, parameters, context, feedback):
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
            database = postgres.Database(self.parameterAsString(parameters, "DATABASE", context))
            base_io.add_user(database, login, group, password)
            os.replace(temporary, path)
        except postgres.BaseError as error:
            raise QgsProcessingException(str(error))
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
        feedback.pushInfo(self.tr("Utilisateur « %s » ajouté au groupe « %s » ; mot de passe "
                                  "dans %s.") % (login, group, path))
        return {"LOGIN_CREATED": login, "PASSWORD_FILE": path}
