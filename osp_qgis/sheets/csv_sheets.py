"""Reading a CSV landlord sheet (``;``, ``,``, tab or ``|``; UTF-8, UTF-16 or
Windows-1252) as the rows of a :class:`sheets.RawSheet`, numbered by physical line: the
encoding and the delimiter found, a text without quotes cut in C, the repeated texts of a
large file shared while read.  No Qt, no QGIS."""
import csv
import itertools
import os
import re

from .raw import OLE2_MAGIC, PREVIEW_ROWS, ZIP_MAGIC, RawSheet, SheetError
from .shared_texts import RepeatedTexts, worth_sharing

CSV_DELIMITERS = (";", ",", "\t", "|")
CSV_FIELD_LIMIT = 2 ** 31 - 1       # a landlord's comment may be huge: never a csv.Error


def decode_text(data):
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 (Excel's « Texte Unicode »,
    with its BOM, or recognised by its zero bytes), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4000]
    if len(head) >= 4 and head.count(b"\x00") >= len(head) // 4:
        # UTF-16 without BOM: every other byte of Latin text is zero
        odd_zeros = head[1::2].count(b"\x00")
        even_zeros = head[0::2].count(b"\x00")
        encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text):
    """The lines of ``text`` with their ends, as a file opened with ``newline=""`` gives
    them (``\n``, ``\r\n`` and ``\r`` end a line) — without the four bytes per
    character a ``StringIO`` of the whole text would hold.  ``str.splitlines`` (twice as
    fast) when it cut the text at those ends only: it also cuts at ``\v``, ``\f``,
    ``\x1c``-``\x1e``, ``\x85``, ``\u2028`` and ``\u2029``."""
    lines = text.splitlines(True)
    if all(map(str.endswith, lines[:-1], itertools.repeat(("\n", "\r")))):
        return lines
    return _LINES.findall(text)


def head_lines(text, count):
    """The first ``count`` lines of ``text`` (``str.splitlines``), without splitting the
    whole text."""
    size = 1 << 20
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


def ranked_delimiters(text):
    """Delimiters, best first: the one splitting the first lines into many columns most
    consistently; delimiters that never split come last."""
    lines = [l[:100000] for l in head_lines(text, PREVIEW_ROWS) if l.strip()]
    scored = []
    for delim in CSV_DELIMITERS:
        try:
            counts = [len(next(csv.reader([l], delimiter=delim))) - 1 for l in lines]
        except csv.Error:
            counts = []
        if not counts or max(counts) == 0:
            scored.append((-1, delim))
            continue
        # prefer the delimiter giving many columns on most lines
        scored.append((sorted(counts)[len(counts) // 2] * 10 + max(counts), delim))
    return [delim for _, delim in sorted(scored, key=lambda item: -item[0])]


def sniff_delimiter(text):
    """The delimiter that splits the first lines most consistently."""
    return ranked_delimiters(text)[0]


def _parse_csv(lines, delimiter, limit=None, share=False, unquoted=False):
    """``[(first physical line, cells)]`` of ``lines`` (:func:`split_lines`); a
    ``csv.Error`` carries the line reached.  ``share``: the repeated texts shared chunk
    after chunk while reading (:class:`shared_texts.RepeatedTexts`); ``unquoted``: the
    text has no double quote and no NUL (:func:`unquoted_records`).

    When every record holds on one line (no line break inside quotes: as many records
    as lines), record ``n`` is line ``n``, counted without following the reader line by
    line."""
    if unquoted and limit is None:
        return list(zip(range(1, len(lines) + 1), records(lines, delimiter, share, True)))
    reader = csv_reader(lines, delimiter)
    if limit is None:
        try:
            rows = all_records(reader, share)
        except csv.Error as error:
            error.line = reader.line_num + 1
            raise
        if len(rows) == len(lines):
            return list(zip(range(1, len(rows) + 1), rows))
        reader = csv_reader(lines, delimiter)
    rows, last_line = [], 0
    try:
        for cells in reader:
            first_line = last_line + 1
            last_line = reader.line_num
            rows.append((first_line, cells))
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as error:
        error.line = last_line + 1
        raise
    return rows


def csv_reader(lines, delimiter):
    """Python's CSV reader over ``lines``, fields of any size accepted."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    return csv.reader(iter(lines), delimiter=delimiter)


def records(lines, delimiter, share, unquoted=False):
    """Every record of a whole text's ``lines``: cut at ``delimiter`` by ``str`` when the
    text is ``unquoted`` (:func:`is_unquoted`), else read by :func:`csv_reader`; the
    repeated texts shared while read with ``share``."""
    if unquoted:
        return all_records(unquoted_records(lines, delimiter), share, blank_as=True)
    return all_records(csv_reader(lines, delimiter), share)


def is_unquoted(text):
    """Whether ``text`` has neither double quote nor NUL: the CSV reader then only cuts
    each line at the delimiter (:func:`unquoted_records`)."""
    return '"' not in text and "\0" not in text


def unquoted_records(lines, delimiter):
    """The records ``csv.reader`` gives for lines without double quote nor NUL: each line
    without its end, cut at ``delimiter`` (done by ``str`` in C, a third faster than the
    reader) — an empty line as ``[""]``, which :func:`all_records` (``blank_as=True``)
    turns into the reader's empty record."""
    return map(str.split, map(str.rstrip, lines, itertools.repeat("\r\n")),
               itertools.repeat(delimiter))


def all_records(reader, share, blank_as=False):
    """Every record of ``reader``; with ``share``, read and shared a chunk at a time.
    ``blank_as``: records ``[""]`` (an empty line, :func:`unquoted_records`) become ``[]``
    as the CSV reader gives them."""
    if not share:
        rows = list(reader)
    else:
        texts, rows = RepeatedTexts(), []
        while True:
            chunk = list(itertools.islice(reader, 20000))
            if not chunk:
                break
            texts.share(chunk)
            rows.extend(chunk)
    if blank_as and [""] in rows:
        rows = [[] if row == [""] else row for row in rows]
    return rows


def read_csv(path, accept=None):
    """A CSV file; ``accept`` (a predicate on the first rows, « a header is found »)
    chooses between delimiters when notes above the header mislead the sniffing."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith((ZIP_MAGIC, OLE2_MAGIC)):
        raise SheetError("« %s » n'est pas un fichier texte (CSV) mais un classeur ou une "
                         "archive : l'enregistrer sous son extension (.xlsx, .xls, .ods) ou en CSV."
                         % os.path.basename(path))
    text, encoding = decode_text(data)
    del data
    ranked = ranked_delimiters(text)
    delimiter = ranked[0]
    unquoted = is_unquoted(text)
    lines = split_lines(text)
    del text    # the lines hold it now
    try:
        if accept is not None:
            for candidate in ranked:
                try:
                    if accept(_parse_csv(lines, candidate, PREVIEW_ROWS)):
                        delimiter = candidate
                        break
                except csv.Error:
                    continue
        share = worth_sharing(len(lines))
        rows = _parse_csv(lines, delimiter, share=share, unquoted=unquoted)
    except csv.Error as error:
        raise SheetError("Fichier « %s » illisible vers la ligne %d (guillemets ou caractères "
                         "invalides : %s)." % (os.path.basename(path), getattr(error, "line", 0),
                                               error))
    return RawSheet(rows=rows, sheet_name=os.path.basename(path), encoding=encoding,
                    delimiter=delimiter, texts_shared=share)
