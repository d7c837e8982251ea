"""The workbook of osp:indicateurs_parc_social (openpyxl, the OSP workbook's formatting): a
« Synthèse » sheet, one sheet per indicator family (count and share of every category per
territory), and « Sources et secret statistique ». A value hidden by secrecy reads « s »."""
import functools

from ..reference import read_reference
from ..storage import xlsx_layout as osp
from . import indicators
from .avant_apres import CHANGES, LABELS, NOT_GIVEN

SECRET = "s"
SHEET_SYNTHESE = "Synthèse"
SHEET_SOURCES = "Sources et secret statistique"
SHEET_DPE = "DPE avant-après"
SUMMARY_FIELDS = ("logements", "surface_moyenne", "annee_moyenne", "part_en_qpv",
                  "part_vacants", "part_sociaux", "menages", "taille_moyenne_menage",
                  "part_rev_sous_60", "part_men_seule", "part_men_monoparentale")


@functools.lru_cache(maxsize=None)
def family_sheets():
    """``[(famille, feuille, titre)]`` in the file's order."""
    return [(row["famille"], row["feuille"], row["titre"])
            for row in read_reference("parc_social_familles.csv")]


def _value(ws, row, column, value, share, styles):
    if value is None or value != value:   # NaN: masked or not computed
        cell = osp.put(ws, row, column, SECRET)
        cell.alignment = styles.center
        return cell
    cell = osp.put(ws, row, column, value, number=not share)
    if share:
        cell.number_format = "0.0"
    return cell


def write_indicator_workbook(path, published, sources, threshold, before_after=None):
    """``published``: the table of :func:`indicators.compute` (several zone sets may be
    concatenated); ``sources``: ``[(label, text)]`` for the sources sheet; ``before_after``:
    ``{"dpe_avant_apres": frame, "dpe_transitions": frame}`` of :mod:`avant_apres`."""
    import openpyxl
    styles = osp.Styles()
    labels = indicators.labels()
    records = published.to_dict("records")
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = SHEET_SYNTHESE
    fields = [f for f in SUMMARY_FIELDS if f in published.columns]
    _table(summary, "Parc social : indicateurs clés par territoire", records,
           [(labels[f], f, f.startswith("part_") or f.endswith("moyenne")
             or f.endswith("_menage")) for f in fields], styles, threshold)
    for family, sheet, title in family_sheets():
        categories = [c for c in indicators.categories() if c["famille"] == family
                      and "n_" + c["champ"] in published.columns]
        if not categories:
            continue
        unit = categories[0]["unite"]
        ws = book.create_sheet(sheet)
        columns = [(labels[unit], unit, False)]
        for category in categories:
            columns.append((category["libelle"], "n_" + category["champ"], False))
            columns.append(("%", "part_" + category["champ"], True))
        _table(ws, title, records, columns, styles, threshold, groups=[
            (category["libelle"], 5 + 2 * n) for n, category in enumerate(categories)])
    if before_after:
        _before_after(book.create_sheet(SHEET_DPE), before_after, styles, threshold)
    _sources(book.create_sheet(SHEET_SOURCES), sources, threshold, published, styles)
    book.save(path)


def _table(ws, title, records, columns, styles, threshold, groups=None):
    """Title, a header (category names over « nombre / % » pairs when ``groups``), one
    row per territory."""
    osp.sheet_title(ws, title, styles)
    osp.put(ws, 2, 1, "« s » : secret statistique (moins de %d logements ou ménages, ou "
                      "valeur qui permettrait de recalculer une valeur masquée)." % threshold)
    head = 4
    if groups:
        for label, start in groups:
            osp.group_cells(ws, head - 1, start, start + 1, label, styles)
        names = ["Niveau", "Code", "Territoire", columns[0][0]] + \
            ["nombre", "%"] * len(groups)
    else:
        names = ["Niveau", "Code", "Territoire"] + [label for label, _, _ in columns]
    osp.header_row(ws, head, names, styles)
    ws.row_dimensions[head].height = 45
    for r, record in enumerate(records, start=head + 1):
        osp.put(ws, r, 1, record["niveau"])
        osp.put(ws, r, 2, record["code"])
        osp.put(ws, r, 3, record["nom"])
        for c, (_, field, share) in enumerate(columns, start=4):
            _value(ws, r, c, record.get(field), share, styles)
        if record["niveau"] in ("Ensemble", "Département"):
            for c in range(1, len(columns) + 4):
                ws.cell(row=r, column=c).fill = styles.total_fill
                ws.cell(row=r, column=c).font = styles.bold
    ws.freeze_panes = ws.cell(row=head + 1, column=4)
    osp.fit_columns(ws, skip_rows=(1, 2, head - 1))
    osp.print_setup(ws, "%d:%d" % (head - 1 if groups else head, head))


def _sources(ws, sources, threshold, published, styles):
    osp.sheet_title(ws, SHEET_SOURCES, styles)
    row = 3
    for label, text in sources:
        osp.put(ws, row, 1, label).font = styles.bold
        osp.put(ws, row, 2, text).alignment = styles.wrap
        row += 1
    hidden = int((published["secret"] != "").sum())
    lines = [
        ("Secret statistique", "Seuil : %d. Toute valeur calculée sur moins de %d logements "
         "(ou ménages pour l'enquête OPS) est remplacée par « s » ; un territoire qui compte "
         "moins de %d logements est entièrement masqué." % (threshold, threshold, threshold)),
        ("Secret secondaire", "D'autres valeurs sont masquées tant qu'une valeur masquée "
         "pourrait être recalculée exactement à partir des valeurs publiées : catégories "
         "d'une même famille (leur somme est le total du territoire), communes d'un EPCI, "
         "EPCI d'un département, QPV et hors QPV d'une commune, zones d'une couche et leur "
         "ensemble. Le contrôle est fait par le calcul (rang du système des relations)."),
        ("Territoires concernés", "%d territoires sur %d ont au moins une valeur masquée."
         % (hidden, len(published))),
        ("Pondération", "Chaque ligne du RPLS compte pour le nombre de logements de sa colonne "
         "de comptage (nb) quand le fichier est agrégé, pour un logement sinon ; la surface "
         "moyenne rapporte la surface de chaque ligne à ses logements."),
        ("Localisation", "Les zones (QPV, cités, carreaux) ne comptent que les logements "
         "localisés à l'adresse ou par les coordonnées du fichier ; ceux localisés à la "
         "commune comptent dans leur commune et au-dessus.")]
    row += 1
    for label, text in lines:
        osp.put(ws, row, 1, label).font = styles.bold
        osp.put(ws, row, 2, text).alignment = styles.wrap
        row += 1
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 110
    osp.print_setup(ws)


def _before_after(ws, tables, styles, threshold):
    """Label change of the renovated dwellings per EPCI, then label before × after."""
    osp.sheet_title(ws, "Logements réhabilités : étiquette énergie avant et après travaux",
                    styles)
    osp.put(ws, 2, 1, "« s » : secret statistique (seuil %d logements)." % threshold)
    evolution = tables["dpe_avant_apres"]
    osp.header_row(ws, 4, ["EPCI", "Logements"] + [label for _, label in CHANGES], styles)
    ws.row_dimensions[4].height = 45
    row = 5
    for record in evolution.to_dict("records"):
        osp.put(ws, row, 1, record["epci"])
        for c, field in enumerate(["logements"] + [code for code, _ in CHANGES], start=2):
            _value(ws, row, c, record[field], False, styles)
        row += 1
    crosstab = tables["dpe_transitions"]
    order = list(LABELS) + [NOT_GIVEN]
    for zone in evolution["epci"]:
        row += 1
        part = crosstab[crosstab["epci"] == zone]
        cells = {(r["avant"], r["apres"]): r["logements"] for r in part.to_dict("records")}
        osp.put(ws, row, 1, "%s : avant (lignes) × après (colonnes)" % zone).font = \
            styles.block_font
        row += 1
        osp.header_row(ws, row, ["Avant / après"] + order, styles)
        row += 1
        for before in order:
            osp.put(ws, row, 1, before).font = styles.bold
            for c, after in enumerate(order, start=2):
                _value(ws, row, c, cells.get((before, after), 0), False, styles)
            row += 1
    osp.fit_columns(ws, skip_rows=(1, 2))
    osp.print_setup(ws)
