"""Online backups of the till database, integrity checks, and restoring a checked backup."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import peewee

from kkmp_pos.core.errors import StorageError
from kkmp_pos.core.reasons import sqlite_reason
from kkmp_pos.db.sqlite_errors import translate_operational_error

log = logging.getLogger(__name__)


def backup_to(db: peewee.SqliteDatabase, target: Path | str) -> Path:
    """Copy the live database to `target` with SQLite's online backup API (safe while selling)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            db.connection().backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        tmp.replace(target)
    except sqlite3.OperationalError as exc:
        if tmp.exists():
            tmp.unlink()
        raise translate_operational_error(exc, target) from exc
    log.info("backup written to %s", target)
    return target


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
