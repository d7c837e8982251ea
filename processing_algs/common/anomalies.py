"""The anomalies of an import, as the user reads them: ``ligne``, ``motif``, ``detail``, then
every column of the sheet as it was received (text, formula-safe), sorted by line."""
from qgis.core import QgsWkbTypes

from ...osp_qgis.logements import locate
from . import qgis_io
from .outputs import Outputs


def write_sheet_anomalies(algorithm, parameters, context, anomalies, headers,
                          name="ANOMALIES"):
    """Write ``anomalies`` ``[(ligne, motif, detail, cells)]`` to the output ``name``;
    returns ``{name: destination}``."""
    column_fields = locate.column_fields(headers, range(len(headers)),
                                         {"fid", "ligne", "motif", "detail"})
    fields = qgis_io.make_fields(list(locate.ANOMALY_FIELDS)
                                 + [(field, "string", header) for _, field, header
                                    in column_fields])
    rows = []
    for ligne, motif, detail, cells in sorted(anomalies, key=lambda a: (a[0], a[1])):
        rows.append([ligne, motif, detail] + [cells[i] if i < len(cells) and cells[i] != ""
                                              else None for i, _, _ in column_fields])
    with Outputs(algorithm, parameters, context) as outputs:
        destination = outputs.write(name, fields, QgsWkbTypes.Type.NoGeometry, None, rows)
    return {name: destination}
