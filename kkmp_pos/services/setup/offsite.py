"""A copy off the machine: the daily backup also goes, sealed with the shop's key, to a removable
drive or to the central server; a restore drill proves the newest copy opens and passes the integrity
check without touching the live file; the manager sees how old the newest copy is.

The passphrase is never stored: only the key scrypt makes of it, in `offsite.key` beside the database
(`offsite_key.py`). A copy opens on a new PC with the passphrase alone (`offsite_restore.py`).
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kkmp_pos.core.errors import KkmpError, StorageError, ValidationError
from kkmp_pos.core.timeutil import from_iso
from kkmp_pos.db.backup import check_file
from kkmp_pos.db.models import TerminalModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.setup.offsite_crypto import decrypt_file, derive_key, encrypt_file
from kkmp_pos.services.setup.offsite_key import load_key, remove_key, require_key, save_key

log = logging.getLogger(__name__)

TARGETS = ("", "drive", "server")
WARN_AFTER = timedelta(days=3)
KEEP_ON_DRIVE = 14
SUFFIX = ".kkmpbak"


@dataclass(frozen=True)
class OffsiteStatus:
    target: str  # '' (none), 'drive' or 'server'
    last_copy_at: datetime | None
    age: timedelta | None

    @property
    def warning(self) -> KkmpError | None:
        """What the manager's banner says, or None while the newest copy is fresh."""
        if self.last_copy_at is None or self.age is None:
            return StorageError("offsite_copy_none")
        if self.age > WARN_AFTER:
            return StorageError("offsite_copy_old", days=self.age.days)
        return None


@dataclass(frozen=True)
class DrillResult:
    ok: bool
    source: str  # the copy's name
    detail: str
    schema_version: int
    sales: int


class OffsiteService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- settings -------------------------------------------------------------------------------
    def configure(self, actor: Actor, target: str, drive_path: str = "", passphrase: str = "") -> None:
        """Choose where the daily backup also goes, and the passphrase that seals it (audited).

        A passphrase given replaces the kept key; none keeps the key this PC has (one is needed).
        Only the scrypt key is kept, in the data folder: the passphrase is stored nowhere."""
        require(actor, "settings")
        if target not in TARGETS:
            raise ValidationError("offsite_target_invalid", target=target)
        key = None
        if target and (passphrase or not self.has_key()):
            key = derive_key(passphrase)  # refuses a short (or no) passphrase in words
        if target == "drive":
            folder = Path(drive_path)
            if not drive_path or not folder.is_absolute():
                raise ValidationError("offsite_drive_invalid", path=drive_path)
            data = os.path.realpath(self.ctx.data_dir)
            real = os.path.realpath(folder)
            if real == data or real.startswith(data.rstrip(os.sep) + os.sep):
                raise ValidationError("offsite_drive_invalid", path=drive_path)
        if target == "server" and not TerminalModel.get().enrolled:
            raise ValidationError("offsite_server_not_enrolled")
        if key is not None:
            save_key(self.ctx.data_dir, key)
        with self.ctx.db.atomic():
            old_target, old_path = self.ctx.settings.offsite_target, self.ctx.settings.offsite_drive_path
            self.ctx.set_setting("offsite.target", target)
            self.ctx.set_setting("offsite.drive_path", drive_path if target == "drive" else "")
            audit(
                self.ctx,
                "settings.offsite",
                actor,
                target=target,
                drive_path=drive_path,
                previous_target=old_target,
                previous_drive_path=old_path,
                passphrase_changed=key is not None,
            )
        if not target:
            remove_key(self.ctx.data_dir)

    def has_key(self) -> bool:
        """Whether this PC keeps the shop's key (the screen says "tersimpan", never the passphrase)."""
        return load_key(self.ctx.data_dir) is not None

    def status(self) -> OffsiteStatus:
        settings = self.ctx.settings
        raw = settings.offsite_last_copy_at
        last = from_iso(raw) if raw else None
        return OffsiteStatus(settings.offsite_target, last, self.ctx.now() - last if last else None)

    # -- copying ------------------------------------------------------------------------------
    def copy(self, backup: Path) -> str:
        """Seal the local backup `backup` and send it to the chosen place; returns the copy's name."""
        settings = self.ctx.settings
        target = settings.offsite_target
        if not target:
            raise StorageError("offsite_not_configured")
        key = require_key(self.ctx.data_dir)
        terminal = TerminalModel.get()
        name = f"kkmp-pos-{terminal.code}-{self.ctx.business_date()}{SUFFIX}"
        fd, tmp_name = tempfile.mkstemp(prefix=".offsite-", suffix=".part", dir=backup.parent)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                encrypt_file(backup, out, key)
            if target == "drive":
                self._to_drive(tmp, name)
            else:
                from kkmp_pos.sync.backup_transfer import upload

                upload(terminal.server_url, terminal.token, name, tmp)
        finally:
            tmp.unlink(missing_ok=True)
        with self.ctx.db.atomic():
            self.ctx.set_setting("offsite.last_copy_at", self.ctx.now_iso())
        log.info("off-machine copy %s sent to the %s", name, target)
        return name

    def _to_drive(self, sealed: Path, name: str) -> None:
        folder = Path(self.ctx.settings.offsite_drive_path)
        if not folder.is_dir():  # the drive is not plugged in
            raise StorageError("offsite_drive_missing", path=str(folder))
        try:
            fd, part_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
            part = Path(part_name)
            try:
                with os.fdopen(fd, "wb") as out, sealed.open("rb") as src:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(part, folder / name)
            finally:
                part.unlink(missing_ok=True)
        except OSError as exc:
            from kkmp_pos.core.reasons import os_error_reason

            reason = os_error_reason(exc)
            raise StorageError(
                "offsite_failed", where=str(folder), reason=reason[0], reason_en=reason[1]
            ) from exc
        for old in sorted(folder.glob(f"kkmp-pos-*{SUFFIX}"))[:-KEEP_ON_DRIVE]:
            old.unlink(missing_ok=True)

    def copy_if_due(self, backup: Path | None) -> str | None:
        """At start-up: send today's backup off the machine unless a copy was made today already."""
        settings = self.ctx.settings
        if not settings.offsite_target or backup is None or not backup.exists():
            return None
        last = settings.offsite_last_copy_at
        if last and self.ctx.business_date(from_iso(last)) == self.ctx.business_date():
            return None
        return self.copy(backup)

    # -- the restore drill ----------------------------------------------------------------------
    def drill(self, sealed_copy: Path | None = None, passphrase: str | None = None) -> DrillResult:
        """Take the newest off-machine copy (or `sealed_copy`), open it with the kept key (or the
        `passphrase`) into a temporary file and run the full integrity check there. The live file is
        never touched."""
        settings = self.ctx.settings
        with tempfile.TemporaryDirectory(prefix="kkmp-drill-") as work:
            sealed = Path(work) / "copy.kkmpbak"
            if sealed_copy is not None:
                source = sealed_copy.name
                sealed = sealed_copy
            elif settings.offsite_target == "drive":
                source = self._newest_on_drive(sealed)
            elif settings.offsite_target == "server":
                from kkmp_pos.sync.backup_transfer import download_latest

                terminal = TerminalModel.get()
                with sealed.open("wb") as out:
                    source = download_latest(terminal.server_url, terminal.token, out)
            else:
                raise StorageError("offsite_not_configured")
            restored = Path(work) / "restored.db"
            with sealed.open("rb") as src:
                decrypt_file(src, restored, key=load_key(self.ctx.data_dir), passphrase=passphrase)
            result = check_file(restored)
            sales = 0
            if result.ok:
                import sqlite3

                conn = sqlite3.connect(f"file:{restored}?mode=ro", uri=True)
                try:
                    sales = int(conn.execute("SELECT count(*) FROM sale").fetchone()[0])
                finally:
                    conn.close()
        log.info("restore drill of %s: %s", source, result.detail)
        return DrillResult(result.ok, source, result.detail, result.schema_version, sales)

    def _newest_on_drive(self, into: Path) -> str:
        folder = Path(self.ctx.settings.offsite_drive_path)
        if not folder.is_dir():
            raise StorageError("offsite_drive_missing", path=str(folder))
        copies = sorted(folder.glob(f"kkmp-pos-*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
        if not copies:
            raise StorageError("offsite_copy_missing")
        into.write_bytes(b"")
        with copies[-1].open("rb") as src, into.open("wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
        return copies[-1].name
