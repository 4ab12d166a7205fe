"""SQLite's failures as StorageErrors a person can act on, and the check that a file is SQLite at all."""

from __future__ import annotations

import sqlite3
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


def translate_operational_error(exc: Exception, path: Path | str) -> StorageError:
    """Map sqlite3's messages to the catalogue's codes."""
    exc = _root_cause(exc)  # type: ignore[assignment]
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StorageError("db_locked", path=str(path))
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError("disk_full")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return damaged(path, str(exc))
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
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        raise damaged(path, str(exc)) from exc
