"""Opening the till's SQLite file with production settings, and turning SQLite failures into words."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import peewee

from kkmp_pos.core.errors import StorageError
from kkmp_pos.db.sqlite_errors import check_file_header, storage_errors, translate_operational_error

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
FRESH_SLICE_S = 0.0005

# synchronous=full: a committed sale survives a power cut (WAL + NORMAL may lose the last commits).
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -16000,
    "temp_store": "memory",
    # deleted or replaced content is zeroed, so a NIK reduced or erased leaves no copy in the file
    # (docs/PRIVACY.md); the WAL is truncated after such a change (services/privacy/retention.py)
    "secure_delete": 1,
}

# The one database object the models are bound to; `open_database` initialises it.
database = peewee.DatabaseProxy()


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
    with storage_errors(path):  # a read-only folder or a full disk is named so, never "damaged"
        path.parent.mkdir(parents=True, exist_ok=True)
    check_file_header(path)
    refuse_read_only(path)
    db = make_database(path)
    try:
        db.connect(reuse_if_open=True)
        # A write probe: a file locked by another process fails here, not in the middle of a sale.
        db.execute_sql("BEGIN IMMEDIATE")
        db.execute_sql("COMMIT")
    except peewee.OperationalError as exc:
        db.close()
        raise translate_operational_error(exc, path) from exc
    except peewee.DatabaseError as exc:
        db.close()
        raise StorageError("db_not_sqlite", path=str(path)) from exc
    database.initialize(db)
    if migrate:
        try:
            with storage_errors(path):
                _upgrade(db, path)
        except BaseException:
            db.close()  # a failed start leaves no connection (nor its file handles) behind
            raise
    return db


def refuse_read_only(path: Path) -> None:
    """A file or folder this process may not write is said as such before SQLite opens it: SQLite
    would quietly open an unwritable file read-only, and the first sale would fail instead."""
    for item in (path.parent, path):
        if item.exists() and not os.access(item, os.W_OK):
            raise StorageError("db_read_only", path=str(path.parent))


def write_when_free(sql: str, params: Sequence[Any] = ()) -> Any:
    """Run one write statement of a background job (the sync worker, housekeeping) in a transaction
    of its own, begun only once the write lock is free (BEGIN IMMEDIATE waits for it): the lock is then
    held for the statement alone. On its own (autocommit) the statement would take the lock the same
    way, but its time would count the wait behind a sale too. Returns the cursor (for `rowcount`).

    It first sleeps a moment (`FRESH_SLICE_S`): a process that wakes from a sleep gets a fresh share of
    the CPU, so on a busy machine the scheduler rarely takes the CPU away while the lock is held (the
    background job had been busy in Python, its share used up, right before)."""
    time.sleep(FRESH_SLICE_S)
    with database.atomic():
        return database.execute_sql(sql, params)


def _upgrade(db: peewee.SqliteDatabase, path: Path) -> None:
    """Bring the schema to the latest version; back the file up first when it already holds data."""
    from kkmp_pos.db.migrations import LATEST, schema_version
    from kkmp_pos.db.migrations import migrate as run_migrations

    current = schema_version(db)
    if 0 < current < LATEST:
        from kkmp_pos.db.backup import backup_to

        target = path.with_name(f"{path.stem}.before-v{LATEST}.bak.db")
        backup_to(db, target)
        log.info("backed up schema v%s to %s before migrating", current, target)
    run_migrations(db, path)
