"""The house's rules, read from the code itself (no QGIS needed): the pure core never loads
QGIS or Qt, imports run one way with no circle, no algorithm imports another, imports sit at
the top of modules (except the heavy third-party libraries, loaded where used), no file of the
plugin is over 450 lines."""
import ast
import os
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGES = ("osp_qgis", "processing_algs")
# loaded where they are used: heavy (numpy, pandas, openpyxl), or only for a database
# (psycopg2), or QGIS's processing plugin; everything else is imported at the top
LAZY = {"numpy", "pandas", "openpyxl", "psycopg2", "processing"}
MAX_LINES = 450


def modules():
    """``{module name: path}`` of every module of the plugin (plugin.py and __init__.py too)."""
    out = {"plugin": os.path.join(REPO, "plugin.py"), "": os.path.join(REPO, "__init__.py")}
    for package in PACKAGES:
        for folder, dirs, files in os.walk(os.path.join(REPO, package)):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    relative = os.path.relpath(os.path.join(folder, name), REPO)[:-3]
                    module = relative.replace(os.sep, ".")
                    out[module[:-len(".__init__")] if module.endswith(".__init__")
                        else module] = os.path.join(folder, name)
    return out


MODULES = modules()


def trees():
    out = {}
    for module, path in MODULES.items():
        with open(path, encoding="utf-8") as handle:
            out[module] = ast.parse(handle.read(), path)
    return out


TREES = trees()


def resolve(module, node):
    """The plugin modules an import statement of ``module`` names (relative imports
    resolved; ``from . import x`` gives the module x when it is one)."""
    is_package = MODULES[module].endswith("__init__.py")
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] in PACKAGES]
    if node.level == 0:
        base = node.module or ""
        if base.startswith("osp_erbm."):
            base = base[len("osp_erbm."):]
        if base.split(".")[0] not in PACKAGES:
            return []
    else:
        parts = module.split(".") if module else []
        if not is_package:
            parts = parts[:-1]
        parts = parts[:len(parts) - (node.level - 1)] if node.level > 1 else parts
        base = ".".join(parts + ([node.module] if node.module else []))
    found = []
    for alias in node.names:
        candidate = (base + "." + alias.name) if base else alias.name
        found.append(candidate if candidate in MODULES else base)
    return [f for f in found if f in MODULES]


def imports(module):
    """``[(imported module, at top level)]`` of ``module``."""
    tree = TREES[module]
    top = {id(n) for n in tree.body}
    return [(target, id(node) in top) for node in ast.walk(tree)
            if isinstance(node, (ast.Import, ast.ImportFrom))
            for target in resolve(module, node)]


def graph():
    return {m: {t for t, _ in imports(m) if t != m} for m in MODULES}


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))
    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def algorithm_modules():
    """Modules defining a Processing algorithm (a class deriving from OspAlgorithm)."""
    return {m for m, tree in TREES.items() for node in tree.body
            if isinstance(node, ast.ClassDef) and any(
                getattr(b, "id", getattr(b, "attr", "")) == "OspAlgorithm" for b in node.bases)}


def test_the_walk_sees_the_whole_plugin():
    assert len(MODULES) > 100
    assert len(algorithm_modules()) >= 16
    assert "processing_algs.common.base" in MODULES


def test_no_import_circle_between_modules():
    assert cycles(graph()) == []


def test_no_import_circle_between_packages():
    packages = {}
    for module, targets in graph().items():
        source = ".".join(module.split(".")[:2])
        for target in targets:
            packages.setdefault(source, set()).add(".".join(target.split(".")[:2]))
    for source in packages:
        packages[source].discard(source)
    assert cycles(packages) == []


def test_imports_run_one_way():
    wrong = []
    for module, targets in graph().items():
        for target in targets:
            if module.startswith("osp_qgis") and not target.startswith("osp_qgis"):
                wrong.append((module, target))       # the core never sees QGIS's side
            if module.startswith("processing_algs.common") and target.startswith(
                    "processing_algs.") and not target.startswith("processing_algs.common"):
                wrong.append((module, target))       # shared pieces know no module
    assert wrong == []


def test_no_algorithm_imports_another():
    algorithms = algorithm_modules()
    assert [(m, t) for m in algorithms for t in graph()[m] if t in algorithms] == []


def test_imports_sit_at_the_top_of_modules():
    """No import inside a function (a module-level ``if`` for a QGIS version is fine)."""
    late = []
    for module, tree in TREES.items():
        inside = [n for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef,
                                                                ast.AsyncFunctionDef))
                  for n in ast.walk(f)]
        for node in inside:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) \
                    else [node.module or ""]
                roots = {n.split(".")[0] for n in names}
                if module == "" or roots <= LAZY:
                    continue   # classFactory (QGIS's convention), or a lazy library
                late.append((module, node.lineno, ast.unparse(node)))
    assert late == []


def test_no_plugin_file_over_450_lines():
    long = {}
    for module, path in MODULES.items():
        with open(path, encoding="utf-8") as handle:
            count = sum(1 for _ in handle)
        if count > MAX_LINES:
            long[module] = count
    assert long == {}


@pytest.mark.parametrize("package", ["osp_qgis"])
def test_every_core_module_loads_without_qgis_or_qt(package):
    names = sorted(m for m in MODULES if m.startswith(package))
    code = ("import sys; sys.path.insert(0, %r)\n"
            "import importlib\n"
            "for name in %r: importlib.import_module(name)\n"
            "loaded = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', "
            "'sip')]\n"
            "assert not loaded, loaded\n" % (REPO, names))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_server_plugin_stands_alone():
    """The QGIS Server plugin is installed on a server without the desktop plugin: it
    imports nothing from it."""
    folder = os.path.join(REPO, "server_plugin", "osp_erbm_acces")
    for name in os.listdir(folder):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                tree = ast.parse(handle.read())
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.level == 0:
                    assert (node.module or "").split(".")[0] not in PACKAGES + ("osp_erbm",)
                if isinstance(node, ast.Import):
                    assert all(a.name.split(".")[0] not in PACKAGES + ("osp_erbm",)
                               for a in node.names)
