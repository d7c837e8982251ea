#!/usr/bin/python3
"""Static check that the plugin's code is ready for QGIS 4 (Qt6): the rules of QGIS's own
migration script (scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py), applied with the QGIS 3.22
installed here to recognise enums.

    /usr/bin/python3 tools/check_qt6.py [--fix] [FILES…]

Rules: Qt reached only through ``qgis.PyQt`` (no PyQt5/PyQt6/sip import); no ``exec_``;
no ``QVariant`` type names (``QVariant.String``: use processing_algs/qt_compat.py) nor
``QVariant()`` (use ``NULL``); enum members always fully qualified
(``QgsProcessing.SourceType.TypeVectorPoint``, ``Qt.AlignmentFlag.AlignRight``), which
QGIS 3.22 accepts too; none of ``qApp``, ``QRegExp``, ``QDesktopWidget``,
``resources_rc``.  ``--fix`` rewrites the unqualified enums it finds.
Exit status 1 when something is left to change.
"""
import ast
import importlib
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = ("plugin.py", "__init__.py", "osp_qgis", "processing_algs")
MODULES = ("qgis.core", "qgis.gui", "qgis.analysis", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui",
           "qgis.PyQt.QtWidgets", "qgis.PyQt.QtXml")
REMOVED_NAMES = {"qApp": "QApplication.instance()", "QRegExp": "QRegularExpression",
                 "QDesktopWidget": "QScreen", "resources_rc": "des chemins de fichiers"}
QVARIANT_TYPES = {"String", "Int", "Double", "Date", "DateTime", "LongLong", "Bool", "Time",
                  "List", "Map", "StringList", "ByteArray", "Invalid", "UInt", "ULongLong"}


def package_files():
    out = []
    for entry in PACKAGE:
        path = os.path.join(REPO, entry)
        if os.path.isfile(path):
            out.append(path)
            continue
        for root, _, names in os.walk(path):
            out += [os.path.join(root, n) for n in sorted(names) if n.endswith(".py")]
    return out


def classes():
    """Every class the plugin may name: QGIS's and Qt's, by name."""
    found = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in dir(module):
            value = getattr(module, attr)
            if isinstance(value, type):
                found.setdefault(attr, value)
    return found


def is_enum_member(value):
    """A sip enum member (PyQt5: an int subclass) or a Python Enum member (PyQt6)."""
    import enum
    if isinstance(value, enum.Enum):
        return True
    return isinstance(value, int) and type(value) not in (int, bool)


def qualified(owner_name, owner, member):
    """The fully qualified spelling of ``owner.member`` that resolves to the same value,
    e.g. ``QgsProcessing.SourceType.TypeVectorPoint``; ``None`` when none is found."""
    value = getattr(owner, member)
    kind = type(value)
    qualname = getattr(kind, "__qualname__", kind.__name__)
    outer = qualname.rsplit(".", 1)[0] if "." in qualname else owner_name
    candidates = ["%s.%s.%s" % (owner_name, kind.__name__, member),
                  "%s.%s.%s" % (outer, kind.__name__, member)]
    names = [n for n in dir(kind) if not n.startswith("_")]
    for name in names:
        try:
            if getattr(kind, name) == value and name != member:
                candidates.append("%s.%s.%s" % (outer, kind.__name__, name))
        except Exception:
            continue
    namespace = dict(classes())
    for candidate in candidates:
        try:
            if eval(candidate, namespace) == value:
                return candidate
        except Exception:
            continue
    return None


class Checker(ast.NodeVisitor):
    def __init__(self, path, known):
        self.path, self.known = path, known
        self.problems = []   # (line, col, message, replacement or None, end_col)

    def report(self, node, message, replacement=None):
        self.problems.append((node.lineno, node.col_offset, message, replacement,
                              getattr(node, "end_col_offset", None)))

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
                self.report(node, "import direct de %s : passer par qgis.PyQt" % alias.name)
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if module.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
            self.report(node, "import direct de %s : passer par qgis.PyQt" % module)
        for alias in node.names:
            if alias.name in REMOVED_NAMES:
                self.report(node, "%s n'existe plus avec Qt6 : %s" % (alias.name,
                                                                      REMOVED_NAMES[alias.name]))
        self.generic_visit(node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "exec_":
            self.report(node, "exec_() n'existe plus avec Qt6 : exec()")
        if isinstance(node.func, ast.Name) and node.func.id == "QVariant":
            self.report(node, "QVariant() : utiliser NULL de qgis.core")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name):
            owner_name, member = node.value.id, node.attr
            if owner_name == "QVariant" and member in QVARIANT_TYPES | {"Type"}:
                self.report(node, "QVariant.%s n'existe plus avec Qt6 : qt_compat" % member)
            elif owner_name in REMOVED_NAMES:
                self.report(node, "%s n'existe plus avec Qt6" % owner_name)
            elif owner_name in self.known:
                owner = self.known[owner_name]
                value = getattr(owner, member, None)
                if value is not None and is_enum_member(value) and \
                        not isinstance(value, type) and type(value) is not owner:
                    fixed = qualified(owner_name, owner, member)
                    self.report(node, "énumération non qualifiée %s.%s%s" % (
                        owner_name, member, " -> %s" % fixed if fixed else ""), fixed)
        elif isinstance(node.value, ast.Name) is False and isinstance(node.value, ast.Attribute):
            pass
        if isinstance(node.value, ast.Name) and node.value.id == "self" and \
                node.attr.startswith("Flag") and node.attr[4:5].isupper():
            self.report(node, "self.%s : écrire la classe et l'énumération" % node.attr)
        self.generic_visit(node)


def check_file(path, known):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    checker = Checker(path, known)
    checker.visit(ast.parse(source, path))
    return source, checker.problems


def fix_source(source, problems):
    lines = source.split("\n")
    for line, col, _, replacement, end in sorted(problems, key=lambda p: (p[0], p[1]),
                                                 reverse=True):  # right to left
        if replacement is None or end is None:
            continue
        text = lines[line - 1].encode("utf-8")  # the AST counts columns in UTF-8 bytes
        lines[line - 1] = (text[:col] + replacement.encode("utf-8") + text[end:]).decode("utf-8")
    return "\n".join(lines)


def main(argv=None):
    args = list(sys.argv[1:] if argv is None else argv)
    fix = "--fix" in args
    files = [a for a in args if a != "--fix"] or package_files()
    known = classes()
    left = 0
    for path in files:
        source, problems = check_file(path, known)
        if fix and any(p[3] for p in problems):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(fix_source(source, problems))
            source, problems = check_file(path, known)
        for line, col, message, _, _ in problems:
            print("%s:%d:%d: %s" % (os.path.relpath(path, REPO), line, col + 1, message))
        left += len(problems)
    if left:
        print("%d changement(s) restant(s) pour QGIS 4 / Qt6." % left)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
