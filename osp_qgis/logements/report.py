"""The HTML quality report: the same tables and sentences as the workbook."""
from html import escape

from ..french_numbers import integer
from . import synthesis

STYLE = """body{font-family:sans-serif;font-size:10pt;color:#222}
h1{color:#1f4e79;font-size:15pt}h2{color:#1f4e79;font-size:12pt;margin-top:18px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #bfbfbf;padding:2px 6px}
th{background:#1f4e79;color:#fff}td.n{text-align:right}tr.total td{font-weight:bold;
background:#f2f2f2}th.group{background:#d6e4f0;color:#1f4e79}p.phrase{font-size:11pt}"""


def _n(value):
    return "" if value is None else integer(value) \
        if isinstance(value, int) else escape(str(value))


def _crosstab_html(block):
    years = [str(y) for y in block.years] + ["Total"]
    head = "<tr><th></th>%s</tr>" % "".join(
        '<th class="group" colspan="%d">%s</th>' % (len(years), escape(g))
        for g in synthesis.GROUPS)
    head += "<tr><th>%s</th>%s</tr>" % (escape(block.title),
                                         "".join("<th>%s</th>" % y for y in years) * 2)
    rows = []
    for label, counts in block.rows + [("Total", block.total)]:
        cells = "".join('<td class="n">%s</td>' % _n(v) for g in synthesis.GROUPS
                        for v in counts[g] + [sum(counts[g])])
        rows.append('<tr%s><td>%s</td>%s</tr>' % (' class="total"' if label == "Total" else "",
                                                  escape(str(label)), cells))
    return "<table>%s%s</table>" % (head, "".join(rows))


def html_report(result, title="OSP ERBM – Synthèse des logements réhabilités"):
    parts = ["<html><head><meta charset='utf-8'><style>%s</style></head><body>" % STYLE,
             "<h1>%s</h1>" % escape(title),
             '<p class="phrase">%s</p>' % escape(result["sentence"])]
    parts.append("<h2>Qualité par décision de financement</h2><table><tr>%s</tr>" % "".join(
        "<th>%s</th>" % c for c in ("N° décision", "Année", "Bailleur", "Financés", "Remontés",
                                     "Non remontés", "Remontés deux fois", "Non géolocalisables")))
    for q in result["quality"]:
        parts.append("<tr><td>%s</td><td>%s</td><td>%s</td>%s</tr>" % (
            _n(q.decision or synthesis.NOT_SET), _n(q.annee), _n(q.bailleur), "".join(
                '<td class="n">%s</td>' % _n(v) for v in (q.financed, q.reported, q.not_reported,
                                                          len(q.duplicates),
                                                          len(q.not_located)))))
    parts.append("</table>")
    for block in result["blocks"]:
        parts.append("<h2>%s</h2>%s" % (escape(block.title), _crosstab_html(block)))
    parts.append("<h2>Opérations</h2><table><tr>%s</tr>" % "".join(
        "<th>%s</th>" % c for c in ("Bailleur", "Intitulé", "Année", "Palulos", "EPCI",
                                     "Remontés", "Géolocalisés", "N° décision", "Financés",
                                     "Écart")))
    for o in result["operations"]:
        parts.append("<tr>%s</tr>" % "".join(
            '<td%s>%s</td>' % (' class="n"' if isinstance(v, int) else "", _n(v))
            for v in (o.bailleur, o.intitule, o.annee, o.type_palu, o.epci, o.reported,
                      o.located, o.num_decision, o.financed, o.gap)))
    parts.append("</table></body></html>")
    return "\n".join(parts)
