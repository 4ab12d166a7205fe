"""Opening the till's SQLite file with production settings, and turning SQLite failures into words."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee

from kkmp_pos.core.errors import StorageError
from kkmp_pos.core.reasons import sqlite_reason

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

# synchronous=full: a committed sale survives a power cut (WAL + NORMAL may lose the last commits).
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -16000,
    "temp_store": "memory",
}

# The one database object the models are bound to; `open_database` initialises it.
database = peewee.DatabaseProxy()


def check_file_header(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, before SQLite itself says something cryptic."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        head = fh.read(16)
    if head != SQLITE_HEADER:
        raise StorageError("db_not_sqlite", path=str(path))


def make_database(path: Path | str) -> peewee.SqliteDatabase:
    """A peewee database on `path` with the production pragmas and IMMEDIATE transactions."""
    return peewee.SqliteDatabase(
        str(path),
        pragmas=PRAGMAS,
        lock_type="IMMEDIATE",
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )


def open_database(path: Path | str, *, migrate: bool = True) -> peewee.SqliteDatabase:
    """Open (and create or upgrade) the till database at `path` and bind the models to it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    check_file_header(path)
    db = make_database(path)
    try:
        db.connect(reuse_if_open=True)
        # A write probe: a file locked by another process fails here, not in the middle of a sale.
        db.execute_sql("BEGIN IMMEDIATE")
        db.execute_sql("COMMIT")
    except peewee.OperationalError as exc:
        raise translate_operational_error(exc, path) from exc
    except peewee.DatabaseError as exc:
        raise StorageError("db_not_sqlite", path=str(path)) from exc
    database.initialize(db)
    if migrate:
        from kkmp_pos.db.migrations import migrate as run_migrations

        run_migrations(db, path)
    return db


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
