"""SQLite's failures as StorageErrors a person can act on, and the check that a file is SQLite at all."""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee

from kkmp_pos.core.errors import StorageError
from kkmp_pos.core.reasons import sqlite_reason

SQLITE_HEADER = b"SQLite format 3\x00"


def check_file_header(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, before SQLite itself says something cryptic."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        head = fh.read(16)
    if head != SQLITE_HEADER:
        raise StorageError("db_not_sqlite", path=str(path))


def _root_cause(exc: BaseException) -> BaseException:
    """The failure that started it: when SQLite rolls a transaction back by itself (a full disk), the
    ROLLBACK that follows fails with "no transaction is active" and would hide the real reason."""
    seen = exc
    while "no transaction is active" in str(seen).lower() and seen.__context__ is not None:
        seen = seen.__context__
    return seen


_READ_ONLY_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)
_FULL_ERRNOS = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def folder_problem(folder: Path | str) -> StorageError | None:
    """Whether the data folder itself cannot take a write: read-only, or on a full disk.

    Asked only after SQLite failed, and with a probe file of our own (never the database): SQLite
    says "unable to open database file" or "disk I/O error" for both, which reads like damage."""
    folder = Path(folder)
    try:
        fd, name = tempfile.mkstemp(prefix=".kkmp-write-probe-", dir=folder)
        try:
            os.write(fd, b"\0" * 8192)
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(name)
    except OSError as exc:
        return storage_error_of_os(exc, folder)
    return None


def storage_error_of_os(exc: OSError, folder: Path | str) -> StorageError | None:
    """A read-only folder or a full disk as what it is; None for other OS failures."""
    if exc.errno in _READ_ONLY_ERRNOS:
        return StorageError("db_read_only", path=str(folder))
    if exc.errno in _FULL_ERRNOS:
        return StorageError("disk_full")
    return None


def translate_operational_error(exc: Exception, path: Path | str) -> StorageError:
    """Map sqlite3's messages to the catalogue's codes."""
    exc = _root_cause(exc)  # type: ignore[assignment]
    text = str(exc).lower()
    folder = Path(path).parent if str(path) else Path(".")
    if "locked" in text or "busy" in text:
        return StorageError("db_locked", path=str(path))
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError("disk_full")
    if "readonly" in text or "read-only" in text:
        return StorageError("db_read_only", path=str(folder))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return damaged(path, str(exc))
    if str(path) and ("unable to open" in text or "disk i/o" in text):
        problem = folder_problem(folder)
        if problem is not None:
            return problem
    return damaged(path, str(exc))


def damaged(path: Path | str, detail: str) -> StorageError:
    """'db_damaged' with SQLite's (English) `detail` explained in Bahasa Indonesia too."""
    detail_id, detail_en = sqlite_reason(detail)
    return StorageError("db_damaged", path=str(path), detail=detail_id, detail_en=detail_en)


@contextmanager
def storage_errors(path: Path | str = "") -> Iterator[None]:
    """Re-raise SQLite failures inside a block as StorageError with a message a person can act on."""
    try:
        yield
    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
        raise translate_operational_error(exc, path) from exc
    except OSError as exc:
        problem = storage_error_of_os(exc, Path(path).parent if str(path) else Path("."))
        if problem is None:
            raise
        raise problem from exc
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        raise damaged(path, str(exc)) from exc
