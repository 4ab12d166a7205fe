"""One sender per terminal: an exclusive lock file shared by the app's worker and `kkmp-pos sync`."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

from kkmp_pos.core.errors import SyncError

LOCK_NAME = "sync.lock"
_process_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()


class SenderLock:
    """Non-blocking exclusive lock on `<data_dir>/sync.lock` (flock on POSIX, msvcrt on Windows),
    plus an in-process lock so two threads of one process also exclude each other. The OS drops the
    file lock when a killed process dies, so a crash never leaves the terminal locked."""

    def __init__(self, data_dir: Path | str) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        with _guard:
            self._thread_lock = _process_locks.setdefault(str(self.path.resolve()), threading.Lock())
        self._fd: int | None = None

    def acquire(self) -> bool:
        if not self._thread_lock.acquire(blocking=False):
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            self._thread_lock.release()
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None
            self._thread_lock.release()

    def __enter__(self) -> SenderLock:
        if not self.acquire():
            raise SyncError("sync_busy")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
