"""The join plan row by row — the reference the plan that runs (osp_qgis/logements/
join_columns.py, column by column) is tested against: same dwellings, anomalies, details
and order (tests/unit/test_join_columns.py, test_locate.py).  Test code, not shipped."""
from collections import OrderedDict

from osp_qgis.logements.locate import (
    PREFETCH_EVERY,
    JoinResult,
    _assign,
    build_dwelling,
    collect_anomalies,
    total_line_anomaly,
)
from osp_qgis.sheets.raw import is_blank, total_label


def build_dwellings(rows, colmap, palulos_variants, notes=None, totals=None, on_chunk=None):
    """Data rows (after the header) -> dwellings.  Blank rows are not dwellings; total
    and subtotal lines (« TOTAL CAPH ») are not either: they go to ``totals`` as
    ``ligne_total`` anomalies.  ``notes`` (``{ligne: [(motif, detail)]}``, what the
    reader saw: merged cells filled, formulas without value) become problems.
    ``on_chunk(dwellings)`` is called every :data:`PREFETCH_EVERY` dwellings with the new
    ones (a fetcher may start looking their parcels up meanwhile)."""
    out = []
    notes = notes or {}
    reported = 0
    for ligne, cells in rows[colmap.header_index + 1:]:
        if is_blank(cells):
            continue
        label = total_label(cells)
        if label is not None:
            if totals is not None:
                totals.append(total_line_anomaly(ligne, label, cells))
            continue
        dwelling = build_dwelling(ligne, cells, colmap.roles, palulos_variants)
        for motif, detail in notes.get(ligne, ()):
            dwelling.add_problem(motif, detail)
        out.append(dwelling)
        if on_chunk is not None and len(out) - reported == PREFETCH_EVERY:
            on_chunk(out[reported:])
            reported = len(out)
    if on_chunk is not None and len(out) > reported:
        on_chunk(out[reported:])
    return out


def split_duplicates(dwellings):
    """Keep the first row of each dwelling; the others are ``(extra, first)``."""
    first = OrderedDict()
    kept, duplicates = [], []
    for d in dwellings:
        key = d.key
        if key is not None and key in first:
            duplicates.append((d, first[key]))
            continue
        if key is not None:
            first[key] = d
        kept.append(d)
    return kept, duplicates


def locate(dwellings, fetch_parcels, fetch_locals=None, fetch_addresses=None):
    """Give each dwelling a geometry and ``geoloc_source``, or a ``geoloc_motif``.

    Order: parcel id -> point of that parcel; else fiscal id through the
    Fichiers fonciers -> its parcel; else address point.  The fetchers are
    called at most once per stage with only the keys still needed;
    ``fetch_parcels`` maps a parcel present without geometry to ``None``.
    """
    wanted = {d.values["idpar"] for d in dwellings if d.values["idpar"]}
    parcels = dict(fetch_parcels(wanted)) if wanted else {}
    pending = [d for d in dwellings if parcels.get(d.values["idpar"]) is None]

    local_parcels = {}
    if fetch_locals is not None:
        wanted_locals = {d.values["idlocal"] for d in pending if d.values["idlocal"]}
        if wanted_locals:
            local_parcels = dict(fetch_locals(wanted_locals))
        extra = {p for p in local_parcels.values() if p and p not in parcels}
        if extra:
            parcels.update(fetch_parcels(extra))
        pending = [d for d in pending
                   if parcels.get(local_parcels.get(d.values["idlocal"])) is None]

    addresses = {}
    if fetch_addresses is not None:
        wanted_addresses = {d.address for d in pending if d.address}
        if wanted_addresses:
            addresses = dict(fetch_addresses(wanted_addresses))

    for d in dwellings:
        _assign(d, parcels, local_parcels, addresses, fetch_locals is not None,
                fetch_addresses is not None)


def join(rows, colmap, palulos_variants, fetch_parcels, fetch_locals=None,
         fetch_addresses=None, notes=None):
    """The whole plan on a read sheet: build, de-duplicate, locate, report."""
    totals = []
    prefetch = getattr(fetch_parcels, "prefetch", None)

    def on_chunk(chunk):   # the parcels of each chunk looked up while the next is built
        prefetch({d.values["idpar"] for d in chunk if d.values["idpar"]})
    dwellings = build_dwellings(rows, colmap, palulos_variants, notes, totals,
                                on_chunk if prefetch is not None else None)
    kept, duplicates = split_duplicates(dwellings)
    locate(kept, fetch_parcels, fetch_locals, fetch_addresses)
    return JoinResult(dwellings=kept, duplicates=duplicates,
                      anomalies=collect_anomalies(kept, duplicates, totals),
                      rows_read=len(dwellings), total_lines=totals)
