"""What the programmation's imports are given: a partner's workbook — read, then proven by
the programmation's key (and by ``PARTNER`` when the cartographer gave it) before anything
in it is believed — or any other sheet, read with its header."""
import os

from qgis.core import QgsProcessingException

from ...osp_qgis.programmation import partner_return
from ...osp_qgis.sheets import raw as sheets
from ...osp_qgis.sheets.read import read_sheet
from ..common import qgis_io
from .signing_keys import signing_key
from .target import StoreError


def proven_workbook(algorithm, path, target, parameters, context, feedback):
    """``(meta, rows, note_rows)`` of a partner workbook proven by the programmation's key
    (and ``PARTNER`` when given); ``None`` for any other sheet."""
    if not path.lower().endswith((".xlsx", ".xlsm")):
        return None
    try:
        returned = partner_return.read_partner(path)
    except partner_return.WorkbookRefused as error:
        raise QgsProcessingException(str(error))
    except Exception:
        return None  # not a workbook openpyxl reads: read as any sheet
    if returned is None:
        return None
    expected = (algorithm.parameterAsString(parameters, "PARTNER", context) or "").strip()
    try:
        meta = partner_return.prove(returned, signing_key(target), expected or None,
                                    os.path.basename(path))
    except (partner_return.WorkbookRefused, StoreError) as error:
        raise QgsProcessingException(str(error))
    feedback.pushInfo(algorithm.tr("Classeur signé du partenaire %s (%s), programmation %s, "
                                   "émis le %s : signature vérifiée.")
                      % (meta["partenaire"], meta["role"], meta["annee"], meta["emis_le"]))
    return meta, returned[1], returned[2]


def plain_sheet(algorithm, path, sheet_name, has_header):
    """The rows of any sheet (the one ``has_header`` recognises, else ``sheet_name``, else
    what QGIS reads); French errors when unreadable or empty."""
    try:
        raw = read_sheet(path, sheet_name, has_header)
    except sheets.SheetError as error:
        raise QgsProcessingException(str(error))
    if raw is None:
        raw = qgis_io.read_table_layer(path, sheet_name)
    if raw is None or not any(not sheets.is_blank(c) for _, c in raw.rows):
        raise QgsProcessingException(algorithm.tr("La feuille « %s » est illisible ou vide.")
                                     % os.path.basename(path))
    return raw
