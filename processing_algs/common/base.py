"""One base class for the provider's algorithms: names, group, icon, help, choices."""
import os
import re

from qgis.core import QgsProcessingAlgorithm, QgsProcessingParameterEnum, QgsProcessingParameterFile
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QIcon

from ...osp_qgis.ids import fold
from ...osp_qgis.reference import resource_path
from . import help_text

# The toolbox sorts groups by name: the numbers make it read as the workflow.
GROUPS = {"programmation": "1. Programmation", "logements": "2. Logements réhabilités",
          "croisements": "3. Contrôles et croisements", "syntheses": "4. Synthèses et indicateurs",
          "cartes": "5. Cartes et atlas", "base": "6. Base partagée PostGIS",
          "publication": "7. Publication et livraisons"}
HELP_DIR = ("help",)
_BLANKS = re.compile(r"\s+")


def one_line_html(text):
    """HTML help with its source line breaks removed: QGIS shows every newline of a
    help string as a visible break (« …et place chaque logement » / « sur le cadastre »)."""
    return _BLANKS.sub(" ", text).replace("> <", "><").strip()


def help_path(name):
    return resource_path(*(HELP_DIR + ("%s.html" % name,)))


DATABASE_PREFIXES = ("postgres:", "postgresql:", "postgis:")


def is_database_uri(value):
    """Whether a parameter names a database (« postgres:service=osp schema=… ») rather
    than a file."""
    return isinstance(value, str) and value.strip().lower().startswith(DATABASE_PREFIXES)


TABLE_FILE_EXTENSIONS = (".csv", ".txt", ".tsv")


def own_table_file(value):
    """A text table file (path) the plugin reads with its own reader."""
    return isinstance(value, str) and value.lower().endswith(TABLE_FILE_EXTENSIONS) and \
        os.path.isfile(value)


class OspAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``NAME``, ``DISPLAY_NAME``, ``GROUP_ID`` (a key of :data:`GROUPS`),
    ``CHOICES`` (enum parameter -> the codes its options stand for, so that
    batch users may write ``SCALE=epci`` as well as ``SCALE=2``), ``MAIN_THREAD`` when
    they touch the current project, and implement ``initAlgorithm`` /
    ``processAlgorithm``.  Their help — the one-sentence summary (toolbox tooltip) and the
    dialog's text — is data: ``resources/help/textes/<NAME>.html`` (see help_text.py)."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = "logements"
    CHOICES = {}
    # layer parameters that also take a table file the plugin reads itself (a UTF-16 CSV
    # QGIS cannot open)
    FILE_LAYERS = ()
    # file parameters that also take a database (« postgres:… schema=… »)
    DATABASE_TARGETS = ()
    MAIN_THREAD = False

    def flags(self):
        flags = super().flags()
        return flags | QgsProcessingAlgorithm.Flag.FlagNoThreading if self.MAIN_THREAD else flags

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.NAME

    def displayName(self):
        return self.tr(self.DISPLAY_NAME)

    def shortDescription(self):
        return self.tr(help_text.source(self.NAME)[0])

    def group(self):
        return self.tr(GROUPS[self.GROUP_ID])

    def groupId(self):
        return self.GROUP_ID

    def shortHelpString(self):
        return one_line_html(help_text.render(self.tr(help_text.source(self.NAME)[1]),
                                              self.parameterDefinition))

    def helpUrl(self):
        """The help page shipped in the plugin (resources/help), opened locally."""
        path = help_path(self.NAME)
        return QUrl.fromLocalFile(path).toString() if os.path.exists(path) else ""

    def icon(self):
        return QIcon(resource_path("icons", "osp.svg"))

    # -- choices by name -------------------------------------------------------------------
    def choice_index(self, name, value):
        """The option index an enum value means: an index (``2``, ``"2"``) or one of the
        codes of :attr:`CHOICES` (``"epci"``, ``"EPCI"``, ``"Département"``); ``None``
        when it means nothing."""
        codes = self.CHOICES.get(name, ())
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return value if 0 <= value < len(codes) or not codes else None
        text = str(value).strip()
        if text.isascii() and text.isdigit():
            return int(text)
        wanted = fold(text)
        for index, code in enumerate(codes):
            if fold(code) == wanted:
                return index
        definition = self.parameterDefinition(name)
        if isinstance(definition, QgsProcessingParameterEnum):
            for index, option in enumerate(definition.options()):
                if fold(option) == wanted:
                    return index
        return None

    def _multiple(self, name):
        definition = self.parameterDefinition(name)
        return isinstance(definition, QgsProcessingParameterEnum) and \
            definition.allowMultiple()

    def choice_indexes(self, name, value):
        """The option indexes a multiple choice means (``"tab,shp"``, ``["tab", 3]``);
        ``None`` when one of them means nothing."""
        items = value if isinstance(value, (list, tuple)) else str(value).split(",")
        indexes = [self.choice_index(name, item.strip() if isinstance(item, str) else item)
                   for item in items if not (isinstance(item, str) and not item.strip())]
        return None if None in indexes else indexes

    def _with_indexes(self, parameters):
        """``parameters`` with every named choice replaced by its index (indexes, for a
        multiple choice)."""
        out = dict(parameters)
        for name in self.CHOICES:
            value = out.get(name)
            if value in (None, ""):
                continue
            if self._multiple(name):
                indexes = self.choice_indexes(name, value)
                if indexes is not None:
                    out[name] = indexes
                continue
            if isinstance(value, list):
                continue
            index = self.choice_index(name, value)
            if index is not None:
                out[name] = index
        return out

    def _folder_given_for_a_file(self, parameters):
        """A French refusal when a file parameter (input or output) is given a folder:
        QGIS's own check says « Incorrect parameter value » in English, or writes
        « dossier.gpkg » beside the folder."""
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if not isinstance(value, str) or not value.strip():
                continue
            path = value[4:] if value.startswith("ogr:") else value
            path = path.split("|", 1)[0]
            kind = definition.type()
            is_file = kind == "file" and definition.behavior() == \
                QgsProcessingParameterFile.Behavior.File
            is_output = definition.isDestination() and kind != "folderDestination"
            if (is_file or is_output) and os.path.isdir(path):
                return self.tr("« %s » est un dossier : %s attend un fichier (%s).") % (
                    path, definition.name(), definition.description())
        return None

    def checkParameterValues(self, parameters, context):
        problem = self._folder_given_for_a_file(parameters)
        if problem:
            return False, problem
        checked = self._with_indexes(parameters)
        for name in self.DATABASE_TARGETS:  # QGIS checks a file's extension: a database is fine
            if is_database_uri(checked.get(name)):
                checked[name] = "programmation.gpkg"
        for name, codes in self.CHOICES.items():
            value = parameters.get(name)
            if value in (None, ""):
                continue
            known = self.choice_indexes(name, value) is not None if self._multiple(name) \
                else self.choice_index(name, value) is not None
            if not known:
                return False, self.tr("Valeur « %s » refusée pour %s : attendu %s.") % (
                    value, name, ", ".join("%s (%d)" % (c, i) for i, c in enumerate(codes)))
        for definition in self.parameterDefinitions():   # QGIS's check, said in French
            name = definition.name()
            if name in self.FILE_LAYERS and own_table_file(checked.get(name)):
                continue   # a table the plugin reads itself (UTF-16 CSV…), not QGIS
            value = checked.get(name)
            if value is None:   # as QGIS runs it: the default (a CRS checks no default itself)
                value = definition.defaultValue()
            if not definition.checkValueIsAcceptable(value, context):
                return False, self.tr("Valeur refusée pour %s (%s)%s.") % (
                    name, definition.description(),
                    "" if value in (None, "") else " : « %s »" % value)
        return True, ""

    def parameterAsChoice(self, parameters, name, context):
        """The code of an enum parameter's option (``"epci"``), whether the user gave its
        name or its index."""
        codes = self.CHOICES[name]
        value = parameters.get(name)
        index = self.choice_index(name, value) if value not in (None, "") else None
        if index is None:
            index = self.parameterAsEnum(self._with_indexes(parameters), name, context)
        return codes[index]
