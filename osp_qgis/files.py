"""Files the plugin writes: names Windows accepts, unique within a folder, and the
system's errors told in French.  No Qt, no QGIS."""
import errno
import os
import re
import shutil
import uuid

from .plain_text import without_accents

# what the system says, as a user reads it (the rest: the system's own words)
_OS_ERRORS = {
    errno.ENOSPC: "plus de place sur le support (disque plein)",
    errno.EROFS: "support en lecture seule",
    errno.EACCES: "accès refusé (droits insuffisants ou fichier en lecture seule)",
    errno.EPERM: "opération non permise",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.EFBIG: "fichier trop gros pour le support",
    errno.EDQUOT: "quota disque dépassé",
    errno.EBUSY: "fichier utilisé par un autre programme",
    errno.ENAMETOOLONG: "nom de fichier trop long",
}
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {"COM%d" % i for i in range(1, 10)} \
    | {"LPT%d" % i for i in range(1, 10)}


def french_os_error(error):
    """``OSError`` -> a French reason (« plus de place sur le support (disque plein) »)."""
    number = getattr(error, "errno", None)
    if number in _OS_ERRORS:
        return _OS_ERRORS[number]
    if getattr(error, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION
        return "fichier utilisé par un autre programme"
    return getattr(error, "strerror", None) or str(error)


def safe_filename(text, limit=80):
    """A file name Windows accepts: no accents, no ``* / : \\ ? " < > |``, no spaces,
    no reserved device name (``CON``, ``NUL``…)."""
    text = without_accents(text)
    text = re.sub(r"[^0-9A-Za-z._-]+", "_", text).strip("._")
    text = (text or "sans_nom")[:limit].rstrip("._") or "sans_nom"
    if text.split(".")[0].upper() in WINDOWS_RESERVED:
        text = "_" + text
    return text


def unique_names(names):
    """The same list with repeats made distinct (``a``, ``a_2``, ``a_3``), compared the
    way Windows compares file names (case-insensitively)."""
    taken, out = set(), []
    for name in names:
        candidate, n = name, 2
        while candidate.lower() in taken:
            candidate = "%s_%d" % (name, n)
            n += 1
        taken.add(candidate.lower())
        out.append(candidate)
    return out


class FileProblem(Exception):
    """A file or folder the plugin cannot use; the message is French."""


def check_folder_writable(path, label):
    """Raise :class:`FileProblem` unless a file can be created beside ``path``: the
    folder is created if needed and a probe file written (a read-only mount or a
    full disk is seen even by an administrator, whom permissions do not stop)."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise FileProblem("Le dossier de « %s » (%s) ne peut pas être créé : %s."
                          % (label, folder, french_os_error(error)))
    probe = os.path.join(folder, ".osp-erbm-%s.probe" % uuid.uuid4().hex[:8])
    try:
        with open(probe, "wb") as handle:
            handle.write(b"x")
    except OSError as error:
        raise FileProblem("Impossible d'écrire « %s » dans le dossier %s : %s."
                          % (label, folder, french_os_error(error)))
    finally:
        if os.path.exists(probe):
            os.remove(probe)


def fresh(path):
    """``path`` after removing the file or folder a previous run left there (scripts and
    benchmarks that write to fixed places)."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)
    return path
