"""Reading any sheet a partner sends: which reader for which file (CSV, XLSX, ODS), and the
French refusals of the others (archives, unknown formats, files too large)."""
import os

from .csv_sheets import read_csv
from .office_sheets import read_ods, read_xlsx
from .raw import (
    ARCHIVE_EXTENSIONS,
    CSV_EXTENSIONS,
    ODS_EXTENSIONS,
    TABLE_EXTENSIONS,
    XLSX_EXTENSIONS,
    SheetError,
)


def sheet_kind(path):
    ext = os.path.splitext(path)[1].lower()
    if ext in CSV_EXTENSIONS:
        return "csv"
    if ext in XLSX_EXTENSIONS:
        return "xlsx"
    if ext in ODS_EXTENSIONS:
        return "ods"
    if ext in TABLE_EXTENSIONS:
        return "table"
    if ext in ARCHIVE_EXTENSIONS:
        return "archive"
    return None


def read_sheet(path, sheet=None, accept=None):
    """Read a CSV, XLSX or ODS landlord sheet; ``None`` for the other table formats
    QGIS reads (XLS, DBF, GeoPackage…); a French :class:`SheetError` otherwise.

    Without ``sheet``, the first sheet with data whose first rows ``accept`` takes
    (a header is found) is read; :attr:`RawSheet.tried` names the sheets skipped."""
    if not os.path.isfile(path):
        raise SheetError("Le fichier « %s » est introuvable." % path)
    kind = sheet_kind(path)
    name = os.path.basename(path)
    if kind == "archive":
        raise SheetError("« %s » est une archive : la décompresser et choisir la table du "
                         "bailleur qu'elle contient (.xlsx, .ods, .csv)." % name)
    if kind is None:
        raise SheetError("Format de « %s » non reconnu : attendu une table .xlsx, .xls, .ods, "
                         ".csv (ou .txt, .dbf, .gpkg)." % name)
    try:
        if kind == "csv":
            return read_csv(path, accept)
        if kind == "xlsx":
            return read_xlsx(path, sheet, accept)
        if kind == "ods":
            return read_ods(path, sheet, accept)
    except MemoryError:
        raise SheetError("« %s » est trop volumineux pour être lu en mémoire." % name)
    except OSError as error:
        raise SheetError("Lecture de « %s » impossible : %s." % (name, error.strerror or error))
    return None
