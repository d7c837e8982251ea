"""Updating a GeoPackage that other programs may have open, without losing anything.

A GeoPackage is an SQLite database.  Replacing the file by a rename is unsafe:
the old ``-wal`` journal stays beside it and SQLite replays it into the new file,
and a program that has the file open keeps writing to a journal the new file will
read.  So :class:`GeoPackageUpdate` works with SQLite, not around it:

1. stale temporary copies of interrupted runs are removed; a read-only file, an
   unwritable folder, a file that is not a sound GeoPackage are refused in French;
2. the file is checkpointed and checked, then locked for writing (others may still
   read; an editor saving meanwhile is told the file is locked, never overwritten);
   a lock that cannot be had within :data:`LOCK_TIMEOUT` seconds is a clear error;
3. a consistent snapshot (journal included) is taken in a temporary file beside it,
   where the caller writes its layers;
4. :meth:`commit` checks the snapshot, then copies it into the live file with
   SQLite's online backup (one transaction: killed midway, SQLite rolls it back),
   and checks the result.  Programs reading the file see the new content.

No QGIS here: sqlite3 and the file system only.
"""
import os
import re
import sqlite3
import stat
import time
import uuid
from urllib.parse import quote

from ...osp_qgis.files import FileProblem, check_folder_writable, french_os_error
from ...osp_qgis.storage.sqlplan import quoted

LOCK_TIMEOUT = 10.0
WAIT_FOR_OTHERS = 120.0  # seconds an import waits for another import writing the same file
STALE_AGE = 3600  # seconds: temporaries without a process id older than this are stale
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.osp-(?P<pid>[0-9]+)-[0-9a-f]{8}\.tmp\.gpkg$")
_OLD_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{8}\.tmp\.gpkg$")  # earlier versions


class GeoPackageError(Exception):
    """Why the GeoPackage cannot be updated, in French."""


class Cancelled(Exception):
    """The user cancelled while SQLite was copying."""


def temporary_path(target):
    folder, name = os.path.split(os.path.abspath(target))
    return os.path.join(folder, ".%s.osp-%d-%s.tmp.gpkg" % (name, os.getpid(),
                                                            uuid.uuid4().hex[:8]))


def _process_alive(pid):
    """``True``/``False`` on POSIX; ``None`` on Windows (where ``os.kill`` would kill)."""
    if os.name == "nt":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path):
    """Remove a database file and its journals; ``False`` when one is in use."""
    ok = True
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            try:
                os.remove(path + suffix)
            except OSError:
                ok = False
    return ok


def remove_stale_temporaries(target):
    """Temporary copies that interrupted runs left beside ``target``: removed when the
    process that made them is gone.  Returns the names removed."""
    folder, name = os.path.split(os.path.abspath(target))
    removed = []
    try:
        entries = os.listdir(folder)
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.match(entry) or _OLD_TEMPORARY.match(entry)
        if not match or match.group("name") != name:
            continue
        path = os.path.join(folder, entry)
        if "pid" in match.groupdict() and match.groupdict().get("pid"):
            pid = int(match.group("pid"))
            if pid == os.getpid() or _process_alive(pid):
                continue
        elif time.time() - os.path.getmtime(path) < STALE_AGE:
            continue
        if _remove(path):
            removed.append(entry)
    return removed


def other_import_running(target):
    """Whether another live process is updating ``target`` (its working copy is there)."""
    folder, name = os.path.split(os.path.abspath(target))
    try:
        entries = os.listdir(folder)
    except OSError:
        return False
    for entry in entries:
        match = _TEMPORARY.match(entry)
        if match and match.group("name") == name:
            pid = int(match.group("pid"))
            if pid != os.getpid() and _process_alive(pid) is not False:
                return True
    return False


def _connect(path, timeout, read_only=False):
    if read_only:
        return sqlite3.connect("file:%s?mode=ro" % quote(os.path.abspath(path)), uri=True,
                               timeout=timeout, isolation_level=None)
    return sqlite3.connect(path, timeout=timeout, isolation_level=None)


def check_database(connection, label):
    """``PRAGMA quick_check`` must say ``ok``; GeoPackage tables must be there."""
    result = connection.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise GeoPackageError("Le GeoPackage « %s » est endommagé (SQLite : %s) : le restaurer "
                              "depuis une sauvegarde avant de le mettre à jour." % (label, result))
    tables = {r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "gpkg_contents" not in tables:
        raise GeoPackageError("« %s » est une base SQLite mais pas un GeoPackage (table "
                              "gpkg_contents absente)." % label)


def count_rows(connection, table):
    """Rows of ``table`` (any name a user gives: spaces, quotes, accents), quoted as an
    SQL identifier; ``None`` when the table is missing."""
    if table is None or "\0" in str(table):
        return None
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') "
                                "AND name = ?", (table,)).fetchone()
    if exists is None:
        return None
    return connection.execute("SELECT count(*) FROM %s" % quoted(table)).fetchone()[0]


class GeoPackageUpdate:
    """See the module's docstring.

        with GeoPackageUpdate(path, cancelled=feedback.isCanceled) as update:
            ... read and write update.snapshot ...
            update.commit({"analyse_logement": n})
    """

    def __init__(self, target, timeout=LOCK_TIMEOUT, cancelled=None, wait_for_others=0.0):
        self.target = os.path.abspath(target)
        self.label = os.path.basename(target)
        self.timeout = timeout
        self.wait_for_others = wait_for_others
        self.cancelled = cancelled or (lambda: False)
        self.snapshot = temporary_path(target)
        self.existed = os.path.exists(target)
        self.removed = []
        self.lock = None

    # -- before --------------------------------------------------------------------------
    def __enter__(self):
        self.removed = remove_stale_temporaries(self.target)
        if self.existed:
            mode = os.stat(self.target).st_mode
            if not mode & stat.S_IWUSR or not os.access(self.target, os.W_OK):
                raise GeoPackageError("Le GeoPackage « %s » est en lecture seule : il n'est pas "
                                      "modifié. Retirer la protection (propriétés du fichier) "
                                      "ou choisir un autre fichier." % self.label)
        self._check_folder()
        if self.existed:
            try:
                self._lock_and_snapshot()
            except sqlite3.DatabaseError as error:
                self._release()
                _remove(self.snapshot)
                raise GeoPackageError(self._sqlite_message(error))
            except BaseException:
                self._release()
                _remove(self.snapshot)
                raise
        return self

    def _check_folder(self):
        try:
            check_folder_writable(self.target, self.label)
        except FileProblem as problem:
            raise GeoPackageError(str(problem))

    def _sqlite_message(self, error):
        text = str(error)
        if "locked" in text or "busy" in text:
            return ("Le GeoPackage « %s » est en cours de modification par un autre programme "
                    "(une couche en édition dans QGIS ?) et reste verrouillé après %d s : "
                    "enregistrer ou annuler ces modifications, puis relancer. Il n'a pas été "
                    "modifié." % (self.label, self.timeout))
        if "not a database" in text or "malformed" in text or "file is encrypted" in text:
            return ("« %s » n'est pas un GeoPackage lisible (fichier endommagé ou d'un autre "
                    "format) : il n'a pas été modifié." % self.label)
        if "disk" in text or "full" in text:
            return "Le support de « %s » est plein : rien n'a été modifié." % self.label
        return "Le GeoPackage « %s » ne peut pas être mis à jour : %s." % (self.label, text)

    def _guard(self, deadline):
        """Progress callback of SQLite's backup: stop on cancel or when locked too long."""
        def progress(status, remaining, total):
            if self.cancelled():
                raise Cancelled()
            if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.time() > deadline:
                raise sqlite3.OperationalError("database is locked")
        return progress

    def _lock_and_snapshot(self):
        self.lock = _connect(self.target, self.timeout)
        if self.lock.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
            self.lock.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # committed edits into the file
        check_database(self.lock, self.label)
        self._begin_immediate()  # nobody else writes until we are done
        reader = _connect(self.target, self.timeout, read_only=True)
        destination = sqlite3.connect(self.snapshot)
        try:
            reader.backup(destination, pages=2048,
                          progress=self._guard(time.time() + self.timeout))
        finally:
            destination.close()
            reader.close()

    def _begin_immediate(self):
        """Take the write lock: wait ``timeout`` seconds for an editor, longer (up to
        :data:`WAIT_FOR_OTHERS`) while the holder is another OSP import of this file (its
        working copy is beside it): two imports at once run one after the other."""
        start = time.time()
        self.lock.execute("PRAGMA busy_timeout = 1000")
        while True:
            try:
                self.lock.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                waited = time.time() - start
                if self.cancelled():
                    raise Cancelled()
                if waited < self.timeout:
                    continue
                if waited < max(self.timeout, self.wait_for_others) and \
                        other_import_running(self.target):
                    continue
                raise

    # -- after ---------------------------------------------------------------------------
    def commit(self, expected_rows):
        """Check the snapshot (``{table: rows}``), copy it into the target, check again."""
        try:
            snapshot = _connect(self.snapshot, self.timeout)
            try:
                check_database(snapshot, self.label)
                for table, rows in expected_rows.items():
                    found = count_rows(snapshot, table)
                    if found != rows:
                        raise GeoPackageError("Copie de travail de « %s » incomplète (table %s : "
                                              "%s lignes au lieu de %d) : rien n'a été modifié."
                                              % (self.label, table, "aucune" if found is None
                                                 else found, rows))
                if self.existed:
                    self.lock.execute("ROLLBACK")  # the backup takes the file's write lock itself
                    snapshot.backup(self.lock, pages=-1,
                                    progress=self._guard(time.time() + self.timeout))
                else:
                    snapshot.execute("PRAGMA journal_mode=DELETE")
            finally:
                snapshot.close()
            if not self.existed:
                for suffix in ("-wal", "-shm", "-journal"):  # journals of a deleted file
                    if os.path.exists(self.target + suffix):
                        os.remove(self.target + suffix)
                os.replace(self.snapshot, self.target)
            self._verify(expected_rows)
        except sqlite3.DatabaseError as error:
            raise GeoPackageError(self._sqlite_message(error))
        except OSError as error:
            raise GeoPackageError("Écriture de « %s » impossible : %s." % (
                self.label, french_os_error(error)))

    def _verify(self, expected_rows):
        connection = self.lock or _connect(self.target, self.timeout)
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            check_database(connection, self.label)
            for table, rows in expected_rows.items():
                if count_rows(connection, table) != rows:
                    raise GeoPackageError("« %s » ne contient pas ce qui a été écrit (table %s) "
                                          ": vérifier le support." % (self.label, table))
        finally:
            if connection is not self.lock:
                connection.close()

    def _release(self):
        if self.lock is not None:
            try:
                if self.lock.in_transaction:
                    self.lock.execute("ROLLBACK")
            finally:
                self.lock.close()
                self.lock = None

    def __exit__(self, kind, value, traceback):
        self._release()
        _remove(self.snapshot)
        return False
