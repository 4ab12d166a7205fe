"""Online backups of the till database, integrity checks, and restoring a checked backup."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import peewee

from kkmp_pos.core.errors import StorageError
from kkmp_pos.core.reasons import os_error_reason, sqlite_reason
from kkmp_pos.db.sqlite_errors import storage_error_of_os, translate_operational_error

log = logging.getLogger(__name__)


def backup_to(db: peewee.SqliteDatabase, target: Path | str, *, keep_existing: bool = False) -> Path:
    """Copy the live database to `target` with `VACUUM INTO` (safe while selling; see `_copy`).

    The copy is written under a name no other process uses, made durable, and only then renamed to
    `target` in one step: a reader never sees half a backup, two processes backing up at once never
    write into each other's file, and a failure leaves nothing behind. With `keep_existing`, a
    `target` that appeared meanwhile (another process's backup of the same day) is kept and ours is
    dropped; StorageError('backup_exists') says so.
    """
    target = Path(target)
    with _backup_errors(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
    tmp = Path(name)
    try:
        with _backup_errors(target):
            _copy(db, tmp)
            _fsync(tmp)
            _publish(tmp, target, keep_existing)
            _fsync(target.parent)
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    log.info("backup written to %s", target)
    return target


def _copy(db: peewee.SqliteDatabase, tmp: Path) -> None:
    """`VACUUM INTO` the empty file `tmp`: one read transaction writes a compact copy, free pages
    (left by pruning) left out, so backups stay proportional to the documents. Inside a transaction
    (where VACUUM cannot run) the online backup API copies page by page instead."""
    if db.in_transaction():
        dest = sqlite3.connect(str(tmp))
        try:
            db.connection().backup(dest)
        finally:
            dest.close()
    else:
        db.connection().execute("VACUUM INTO ?", (str(tmp),))
    dest = sqlite3.connect(str(tmp))
    try:
        dest.execute("PRAGMA journal_mode=DELETE")  # a single file, whatever the live one uses
    finally:
        dest.close()


def _publish(tmp: Path, target: Path, keep_existing: bool) -> None:
    """Rename the finished copy to its name in one step (never over another's, with keep_existing)."""
    if not keep_existing:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails if the name exists: the first finished backup of the day stays
    except FileExistsError:
        raise StorageError("backup_exists", path=str(target)) from None
    except OSError:  # a file system without hard links (a FAT32 drive): the last one wins instead
        os.replace(tmp, target)


def _fsync(path: Path) -> None:
    """Make a finished file (or a folder's new entry) survive a power cut; Windows has no folder fsync."""
    if path.is_dir() and os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _backup_errors(target: Path) -> Iterator[None]:
    """SQLite's and the OS's failures while writing a backup, as StorageErrors a person can act on."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        raise translate_operational_error(exc, target) from exc
    except StorageError:
        raise
    except OSError as exc:
        problem = storage_error_of_os(exc, target.parent)
        if problem is not None:
            raise problem from exc
        reason_id, reason_en = os_error_reason(exc)
        raise StorageError("backup_failed", path=str(target), reason=reason_id, reason_en=reason_en) from exc


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    detail: str
    schema_version: int


def check_file(path: Path | str, *, quick: bool = False) -> CheckResult:
    """Run `PRAGMA integrity_check` (or quick_check) on a file without migrating it."""
    path = Path(path)
    if not path.exists():
        raise StorageError("file_not_found", path=str(path))
    if path.stat().st_size < 100:  # shorter than SQLite's own file header: not a database
        return CheckResult(False, "not an SQLite database", 0)
    # Through SQLite only: a plain open() and close() of a file this process also has open in SQLite
    # drops the process's POSIX locks, and another process may then delete the live WAL under it.
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            return CheckResult(False, "not an SQLite database", 0)
        return CheckResult(False, str(exc), 0)
    ok = rows == ["ok"]
    return CheckResult(ok, "ok" if ok else "; ".join(rows[:5]), version)


def restore_from(backup: Path | str, live: Path | str) -> Path:
    """Put a checked backup in place of the live file, keeping the replaced file beside it.

    The till must not have the live file open. Returns where the replaced file was kept.
    """
    backup, live = Path(backup), Path(live)
    result = check_file(backup)
    if not result.ok:
        detail_id, detail_en = sqlite_reason(result.detail)
        raise StorageError("backup_invalid", path=str(backup), detail=detail_id, detail_en=detail_en)
    from kkmp_pos.db.migrations import LATEST

    if result.schema_version > LATEST:
        raise StorageError(
            "backup_invalid",
            path=str(backup),
            detail="dibuat oleh versi aplikasi yang lebih baru",
            detail_en="newer schema",
        )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = live.with_name(f"{live.stem}.replaced-{stamp}{live.suffix}")
    if live.exists():
        # Fold the WAL into the file before moving it, so the kept copy is complete on its own.
        try:
            conn = sqlite3.connect(str(live), timeout=5)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
        except sqlite3.DatabaseError:
            pass
        live.replace(kept)
        for suffix in ("-wal", "-shm"):
            side = live.with_name(live.name + suffix)
            if side.exists():
                side.replace(kept.with_name(kept.name + suffix))
    tmp = live.with_name(live.name + ".restoring")
    shutil.copyfile(backup, tmp)
    tmp.replace(live)
    log.info("restored %s from %s; previous file kept as %s", live, backup, kept)
    return kept
