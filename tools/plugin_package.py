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
