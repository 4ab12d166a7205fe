"""One till window per data folder.

Two windows selling from one database would each believe they own the drawer, the shift and the print
queue. The window takes an operating-system lock on a small file beside the database (never on the
database itself: SQLite's own POSIX locks must stay SQLite's) and keeps it while it runs. The lock goes
with the process, so a crash or a power cut never leaves a stale lock behind. Command-line reports and
backups do not take it; `db restore`, which replaces the file, refuses while it is held.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from kkmp_pos.core.errors import StorageError

LOCK_FILENAME = "kkmp_pos.lock"


def _try_lock(fh: IO[bytes]) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    """Held by the till window for as long as it runs."""

    def __init__(self, path: Path, fh: IO[bytes]) -> None:
        self.path = path
        self._fh: IO[bytes] | None = fh

    @classmethod
    def acquire(cls, data_dir: Path | str) -> InstanceLock:
        """Take the folder's lock, or raise StorageError('till_already_running')."""
        path = Path(data_dir) / LOCK_FILENAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(path, "a+b")  # noqa: SIM115 - held open for the life of the window
        except OSError as exc:  # a read-only folder or a full disk, said as such
            from kkmp_pos.db.sqlite_errors import storage_error_of_os

            problem = storage_error_of_os(exc, Path(data_dir))
            if problem is None:
                raise
            raise problem from exc
        if not _try_lock(fh):
            fh.close()
            raise StorageError("till_already_running", path=str(Path(data_dir)))
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode("ascii"))
        fh.flush()
        return cls(path, fh)

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing the file drops the lock
            self._fh = None


def till_running(data_dir: Path | str) -> bool:
    """Whether a till window holds this folder's lock right now."""
    try:
        lock = InstanceLock.acquire(data_dir)
    except StorageError:
        return True
    lock.release()
    return False
