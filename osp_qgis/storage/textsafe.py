"""Text from landlords' files stays text in every file the plugin writes.

A spreadsheet opening a CSV treats a cell starting with ``=``, ``+``, ``-`` or ``@``
(or a tab / carriage return before them) as a formula: ``=HYPERLINK(…)`` or
``=cmd|' /C calc'!A0`` in an intitulé would run on the reader's desktop.  In CSV
outputs such text gets a leading apostrophe, the spreadsheets' own « this is
text » mark; in XLSX outputs the cell is written as a string cell (see
:func:`osp_qgis.storage.xlsx_layout.text_cell`), so that it reads exactly as received.
No Qt, no QGIS.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CHARS = 32767  # Excel refuses longer cells (the file needs « repair »)
TRUNCATED_MARK = " […] (texte tronqué : %d caractères)"


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value):
    """``value`` as a CSV cell that a spreadsheet will not evaluate."""
    if looks_like_formula(value):
        return "'" + value
    return value


def xlsx_text(value):
    """A text longer than an Excel cell holds, cut with a visible mark of its length."""
    if isinstance(value, str) and len(value) > XLSX_MAX_CHARS:
        mark = TRUNCATED_MARK % len(value)
        return value[:XLSX_MAX_CHARS - len(mark)] + mark
    return value
