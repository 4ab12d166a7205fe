"""Where the shop's off-machine key is kept: `offsite.key` in the data folder, never in the database.

Only the scrypt key of the passphrase is kept (with its salt and parameters), in a file of mode 0600
written atomically; the passphrase itself is stored nowhere, so neither the database nor any local
backup of it holds it. Tills from before kept the passphrase in the setting `offsite.passphrase`:
`move_stored_passphrase` (at every start, a no-op once done) turns it into the key file and wipes
the setting from the database file.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import tempfile
from pathlib import Path

from kkmp_pos.core.errors import StorageError
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.setup.offsite_crypto import ShopKey, derive_key

log = logging.getLogger(__name__)

KEY_FILENAME = "offsite.key"
LEGACY_SETTING = "offsite.passphrase"  # where tills from before kept the passphrase itself


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_FILENAME


def save_key(data_dir: Path, key: ShopKey) -> Path:
    """Write the key file atomically (mode 0600): a crash leaves the old file or the new, never half."""
    target = key_path(data_dir)
    text = json.dumps(
        {
            "version": 1,
            "kdf": "scrypt",
            "salt": base64.b64encode(key.salt).decode(),
            "log2_n": key.log2_n,
            "r": key.r,
            "p": key.p,
            "key": base64.b64encode(key.key).decode(),
        }
    )
    fd, tmp_name = tempfile.mkstemp(prefix=".offsite-key-", suffix=".part", dir=target.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, target)
    finally:
        Path(tmp_name).unlink(missing_ok=True)
    try:  # the rename itself survives a power cut
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
    return target


def load_key(data_dir: Path) -> ShopKey | None:
    """The kept key, or None when none was set on this PC."""
    path = key_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ShopKey(
            base64.b64decode(data["salt"]),
            int(data["log2_n"]),
            int(data["r"]),
            int(data["p"]),
            base64.b64decode(data["key"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StorageError("offsite_key_unreadable", path=str(path)) from exc


def require_key(data_dir: Path) -> ShopKey:
    key = load_key(data_dir)
    if key is None:
        raise StorageError("offsite_key_missing")
    return key


def remove_key(data_dir: Path) -> None:
    key_path(data_dir).unlink(missing_ok=True)


def move_stored_passphrase(ctx: ServiceContext) -> bool:
    """A passphrase a till from before kept in the database becomes the key file, and the setting is
    wiped from the file (secure_delete, WAL folded in). Returns True when it moved one."""
    if not ctx.setting_raw(LEGACY_SETTING):
        return False
    db = ctx.db
    db.execute_sql("PRAGMA secure_delete = ON")  # the freed bytes are zeroed, not left in the page
    try:
        with db.atomic():  # BEGIN IMMEDIATE: one process moves it, a second one sees it done
            from kkmp_pos.db.models import SettingModel

            passphrase = ctx.setting_raw(LEGACY_SETTING)
            if not passphrase:
                return False
            save_key(ctx.data_dir, derive_key(str(passphrase)))
            SettingModel.delete().where(SettingModel.key == LEGACY_SETTING).execute()
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the old page versions leave the WAL
    finally:
        db.execute_sql("PRAGMA secure_delete = OFF")
    log.info("the off-machine passphrase moved out of the database into %s", key_path(ctx.data_dir))
    return True
