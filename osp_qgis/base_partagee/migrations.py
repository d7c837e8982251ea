"""Ordered migration files ``resources/sql/NNN_name.sql``: which exist, which a base at a
given version still needs.  A migration is static SQL (no values): what varies (partners,
passwords) goes through the functions it defines, called with parameters."""
import hashlib
import os
import re

from ..reference import resource_path

SCHEMA = "osp"
_FILE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


class Migration:
    def __init__(self, version, name, path):
        self.version, self.name, self.path = version, name, path

    def sql(self):
        with open(self.path, encoding="utf-8") as handle:
            return handle.read()

    def checksum(self):
        return hashlib.sha256(self.sql().encode("utf-8")).hexdigest()

    def __repr__(self):
        return "Migration(%03d %s)" % (self.version, self.name)


def migrations(folder=None):
    """Every migration of ``folder`` (default ``resources/sql``) in version order; a gap or
    a repeated number is an error of the plugin's files."""
    folder = folder or resource_path("sql")
    found = []
    for name in sorted(os.listdir(folder)):
        match = _FILE.match(name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2),
                                   os.path.join(folder, name)))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError("Migrations non consécutives dans %s : %s" % (folder, versions))
    return found


def pending(applied_version, available=None):
    """The migrations a base at ``applied_version`` (0: empty) still needs, in order."""
    available = migrations() if available is None else available
    if applied_version > (available[-1].version if available else 0):
        raise ValueError("La base est en version %d, plus récente que cette extension (%d) : "
                         "mettre à jour l'extension OSP ERBM." % (
                             applied_version, available[-1].version if available else 0))
    return [m for m in available if m.version > applied_version]
