"""Make the checkout importable as the deployed package ``osp_erbm`` (for the tools,
which run outside QGIS's plugin loader): ``import plugin_package`` first."""
import os
import sys
import types

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if "osp_erbm" not in sys.modules:
    package = types.ModuleType("osp_erbm")
    package.__path__ = [REPO]
    sys.modules["osp_erbm"] = package

# where the generators (tools/build_*.py) write: the checkout, or the folder
# tools/generate.py --check compares with it
OUTPUT_ROOT = os.environ.get("OSP_GENERATE_ROOT") or REPO


def output_path(*parts):
    """A generated file's path under :data:`OUTPUT_ROOT` (its folder created)."""
    path = os.path.join(OUTPUT_ROOT, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path
