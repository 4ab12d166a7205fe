"""A restore from an off-machine copy, for the day the PC dies: the newest sealed copy (from the drive
folder, a given file, or this terminal's newest on the central server) is opened with the shop's
passphrase into a temporary file and fully checked. Putting it in place is `db restore`'s own path
(`db/backup.restore_from`, refused while a till has the file open); the CLI calls both.

Nothing here needs the old database: on a new PC the copy and the passphrase are enough. The old
database, when it still opens read-only, gives the drive folder the shop chose and the terminal's
token for the server.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kkmp_pos.core.errors import StorageError, ValidationError
from kkmp_pos.db.backup import CheckResult, check_file
from kkmp_pos.services.setup.offsite import SUFFIX
from kkmp_pos.services.setup.offsite_crypto import ShopKey, decrypt_file, derive_key
from kkmp_pos.services.setup.offsite_key import save_key

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenedCopy:
    path: Path  # the opened database, in the work folder
    source: str  # the copy's name
    check: CheckResult
    key: ShopKey  # the shop's key: kept in the data folder once the copy is in place


def require_passphrase_given(passphrase: str) -> str:
    if not passphrase:
        raise ValidationError("offsite_passphrase_empty")
    return passphrase


def newest_in_folder(folder: Path) -> Path:
    """The newest sealed copy in a drive folder (by time written)."""
    if not folder.is_dir():
        raise StorageError("offsite_drive_missing", path=str(folder))
    copies = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
    if not copies:
        raise StorageError("offsite_copy_missing")
    return copies[-1]


def _read_old(db_path: Path, sql: str) -> tuple | None:
    """One row from the old database, read-only; None when it is missing, damaged or lacks it."""
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def chosen_drive(db_path: Path) -> Path | None:
    """The drive folder the shop chose, from the old database when it still opens."""
    import json

    row = _read_old(db_path, "SELECT value FROM setting WHERE key = 'offsite.drive_path'")
    folder = json.loads(row[0]) if row and row[0] else ""
    return Path(folder) if folder else None


def terminal_token(db_path: Path) -> str | None:
    """This terminal's token for the central server, from the old database when it still opens."""
    row = _read_old(db_path, "SELECT token FROM terminal WHERE enrolled = 1 LIMIT 1")
    return str(row[0]) if row and row[0] else None


def open_offsite_copy(
    passphrase: str,
    work: Path,
    *,
    source: Path | None = None,
    drive: Path | None = None,
    server: str | None = None,
    token: str | None = None,
) -> OpenedCopy:
    """Fetch the copy into `work`, open it with `passphrase` and run the full integrity check.

    `source`: a sealed file, or a folder whose newest copy is taken; else `server` (with the
    terminal's `token`: the server gives a terminal its own newest copy only); else `drive`."""
    require_passphrase_given(passphrase)
    if server:
        if not token:
            raise StorageError("offsite_restore_no_token", url=server)
        from kkmp_pos.sync.backup_transfer import download_latest

        sealed = work / f"download{SUFFIX}"
        with sealed.open("wb") as out:
            name = download_latest(server, token, out)
    elif source is not None:
        if not source.exists():
            raise StorageError("file_not_found", path=str(source))
        sealed = newest_in_folder(source) if source.is_dir() else source
        name = sealed.name
    elif drive is not None:
        sealed = newest_in_folder(drive)
        name = sealed.name
    else:
        raise StorageError("offsite_restore_source_missing")
    restored = work / "restored.db"
    with sealed.open("rb") as src:
        key = decrypt_file(src, restored, passphrase=passphrase)
    check = check_file(restored)
    log.info("off-machine copy %s opened for a restore: %s", name, check.detail)
    return OpenedCopy(restored, name, check, key or derive_key(passphrase))


def keep_key(data_dir: Path, opened: OpenedCopy) -> None:
    """After the copy is in place: the next copies are sealed with the same key (no passphrase kept)."""
    save_key(data_dir, opened.key)
