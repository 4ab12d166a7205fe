"""Housekeeping a till does by itself: integrity check after start, a daily backup, fresh search ranks,
and pruning of acknowledged sync events and printed jobs past their retention."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kkmp_pos.core.errors import KkmpError, StorageError
from kkmp_pos.db.backup import backup_to, check_file
from kkmp_pos.db.sqlite_errors import damaged
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.privacy import key_exchange, retention
from kkmp_pos.services.selling import popularity
from kkmp_pos.services.setup.clock import ClockGuard
from kkmp_pos.services.setup.offsite import OffsiteService
from kkmp_pos.services.setup.pruning import PruneReport, prune_history

log = logging.getLogger(__name__)

KEEP_DAILY_BACKUPS = 14


@dataclass(frozen=True)
class MaintenanceReport:
    integrity_ok: bool
    problem: KkmpError | None
    backup: Path | None
    ranks_refreshed: bool
    pruned: PruneReport | None = None


class MaintenanceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def backup_dir(self) -> Path:
        return self.ctx.data_dir / "backups"

    def daily_backup(self) -> Path | None:
        """One online backup per business date, the last 14 kept. None if today's exists already."""
        target = self.backup_dir / f"kkmp-pos-{self.ctx.business_date()}.db"
        if target.exists():
            return None
        try:
            backup_to(self.ctx.db, target, keep_existing=True)
        except StorageError as exc:
            if exc.code == "backup_exists":  # another start-up on this folder made today's first
                return None
            raise
        for old in sorted(self.backup_dir.glob("kkmp-pos-*.db"))[:-KEEP_DAILY_BACKUPS]:
            old.unlink(missing_ok=True)  # another process may be pruning the same one
        return target

    def _todays_backup(self) -> Path:
        return self.backup_dir / f"kkmp-pos-{self.ctx.business_date()}.db"

    def run_startup(self) -> MaintenanceReport:
        """Run after the first screen shows, in the background (never blocks the cashier)."""
        result = check_file(Path(self.ctx.db.database), quick=True)
        problem: KkmpError | None = None
        if not result.ok:
            problem = damaged(self.ctx.db.database, result.detail)
            log.error("quick_check failed: %s", result.detail)
            # A damaged file is not copied over a good backup.
            return MaintenanceReport(False, problem, None, False)
        try:  # a clock behind the newest document is said at start, before the first sale fails
            ClockGuard(self.ctx).require_trusted()
        except KkmpError as exc:
            problem = exc
            log.warning("clock behind the newest document: %s", exc)
        try:  # full buyer NIKs past the logbook's retention go before today's backup is made
            key_exchange.exchange_if_due(self.ctx)
            retention.run(self.ctx)
        except KkmpError as exc:
            problem = problem or exc
            log.warning("personal-data retention failed: %s", exc)
        backup = None
        try:
            backup = self.daily_backup()
        except KkmpError as exc:
            problem = problem or exc
            log.warning("daily backup failed: %s", exc)
        try:  # the day's copy off the machine, when the shop chose a drive or the server
            OffsiteService(self.ctx).copy_if_due(self._todays_backup())
        except KkmpError as exc:
            problem = problem or exc
            log.warning("off-machine copy failed: %s", exc)
        refreshed = False
        if popularity.is_stale(self.ctx):
            popularity.refresh(self.ctx)
            refreshed = True
        pruned = prune_history(self.ctx)  # after the backup: it still holds what goes now
        return MaintenanceReport(True, problem, backup, refreshed, pruned)
