"""Numbers written the French way, one function each (PDFs, reports, logs, fiches):
« 1 982 » with a narrow no-break space between thousands, « 12 000,50 € »."""

THIN = "\u202f"   # narrow no-break space (French typography's thousands separator)


def integer(value):
    """``1982`` → ``1 982``; ``None`` → ``""``."""
    if value is None:
        return ""
    return format(int(round(value)), ",").replace(",", THIN)


def euros(value, decimals=2):
    """``12000.5`` → ``12 000,50 €``; ``None`` → ``""``."""
    if value is None:
        return ""
    text = format(round(float(value), decimals), ",.%df" % decimals)
    return "%s €" % text.replace(",", THIN).replace(".", ",")


def decimal(value, decimals=1):
    """``12.345`` → ``12,3``; ``None`` → ``""``."""
    if value is None:
        return ""
    return format(round(float(value), decimals), ",.%df" % decimals).replace(
        ",", THIN).replace(".", ",")
