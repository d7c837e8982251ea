"""What the programmation's algorithms (and osp:synthese) ask alike: the programmation
(a GeoPackage or « postgres:… schema=… »), the year, the ERBM ambition."""
import datetime

from qgis.core import QgsProcessingException, QgsProcessingParameterFile, QgsProcessingParameterNumber

from ...osp_qgis.programmation import recap
from ..common.base import is_database_uri
from . import store
from .target import StoreError, Target

PROGRAMMATION_LABEL = "Programmation (GeoPackage ou postgres:… schema=…)"


def add_programmation(algorithm, name="OPERATIONS", label=PROGRAMMATION_LABEL, optional=False):
    """A programmation to read or update (the algorithm lists ``name`` in its
    ``DATABASE_TARGETS`` so that a « postgres:… » value passes QGIS's file check)."""
    algorithm.addParameter(QgsProcessingParameterFile(
        name, algorithm.tr(label), fileFilter=algorithm.tr("GeoPackage (*.gpkg)"),
        optional=optional))


def add_year(algorithm, label="Année de programmation", this_year=False, optional=False):
    algorithm.addParameter(QgsProcessingParameterNumber(
        "ANNEE", algorithm.tr(label), QgsProcessingParameterNumber.Type.Integer,
        minValue=2000, maxValue=2040, optional=optional,
        defaultValue=datetime.date.today().year if this_year else None))


def add_ambition(algorithm):
    """``AMBITION`` (dwellings over 10 years) and ``AMBITION_START`` (first year)."""
    algorithm.addParameter(QgsProcessingParameterNumber(
        "AMBITION", algorithm.tr("Ambition de l'ERBM (logements sur 10 ans)"),
        QgsProcessingParameterNumber.Type.Integer, defaultValue=recap.AMBITION, minValue=1))
    algorithm.addParameter(QgsProcessingParameterNumber(
        "AMBITION_START", algorithm.tr("Première année de l'ERBM"),
        QgsProcessingParameterNumber.Type.Integer, defaultValue=recap.AMBITION_START, minValue=2000,
        maxValue=2040))


def target_of(algorithm, parameters, name, context, output=False):
    """A programmation given as a .gpkg path or a « postgres:… » string."""
    raw = parameters.get(name)
    if is_database_uri(raw):
        value = raw
    elif output:
        value = algorithm.parameterAsFileOutput(parameters, name, context)
    else:
        value = algorithm.parameterAsString(parameters, name, context)
    try:
        return Target(value)
    except StoreError as error:
        raise QgsProcessingException(str(error))


def read_programmation(algorithm, parameters, context, name="OPERATIONS", must_exist=False):
    """``(target, operations, notes, cités)``; French errors as QgsProcessingException."""
    target = target_of(algorithm, parameters, name, context)
    if must_exist and not target.exists():
        raise QgsProcessingException(algorithm.tr("Programmation « %s » introuvable : la créer "
                                                  "avec « Créer la programmation ».")
                                     % target.label)
    try:
        operations, notes, cites = store.read(target)
    except StoreError as error:
        raise QgsProcessingException(str(error))
    return target, operations, notes, cites
