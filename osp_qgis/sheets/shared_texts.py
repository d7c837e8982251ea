"""Repeated texts of a large sheet held once (issue #12, memory): in the columns whose
values repeat (commune, EPCI, opération, bailleur, n° de voie…), the rows share one text
object per distinct value instead of one per cell read — millions of cells, a few thousand
objects.  Pure Python."""

# sheets from this many rows have their repeated texts shared: ≈ 0.2 GB saved at 420 k
# rows; below, a few MB for the time of a pass over every cell
SHARING_PAYS_FROM = 100000


def worth_sharing(count):
    """Whether a sheet of ``count`` rows (a CSV: lines) has its repeated texts shared."""
    return count >= SHARING_PAYS_FROM


class RepeatedTexts:
    """Shares texts in rows given chunk after chunk, while a sheet is read (the copies are
    freed before the next chunk is read: the reading's peak never holds them).  A column
    stops being shared as soon as more than three quarters of the values seen are
    distinct (identifiers): its table is dropped."""

    def __init__(self):
        self.tables = {}       # column -> {text: the one object kept}
        self.distinct = set()  # columns found mostly distinct
        self.seen = 0

    def share(self, rows):
        """Replace, in ``rows`` (lists of cells), each repeated text by the object kept
        for its value; tuples and short rows are left as they are."""
        self.seen += len(rows)
        width = max(map(len, rows), default=0)
        for index in range(width):
            if index in self.distinct:
                continue
            table = self.tables.setdefault(index, {})
            _share_column(rows, index, table)
            if len(table) * 4 > self.seen * 3:
                self.distinct.add(index)
                del self.tables[index]


def share_repeated_texts(cells, sample=20000):
    """The same for rows already read whole (``cells``: lists of cells): the columns whose
    values repeat are judged on ``sample`` rows spread over the sheet."""
    spread = cells[::max(1, len(cells) // sample)]
    width = max(map(len, spread), default=0)
    for index in range(width):
        values = [row[index] for row in spread if index < len(row)]
        if not values or len(set(values)) * 4 > len(values) * 3:
            continue
        _share_column(cells, index, {})


def _share_column(rows, index, table):
    """Cell ``index`` of each row replaced by the object ``table`` keeps for its value
    (the first one met); short rows, tuples and unhashable cells left as they are."""
    shared = table.setdefault
    for row in rows:
        try:
            value = row[index]
            row[index] = shared(value, value)
        except (IndexError, TypeError):
            continue
