"""Whether the PC's clock can be trusted: never earlier than this till's newest document, close to the
server's clock when online, and business dates that never go backwards.

Cheap PCs lose time after a power cut. A sale stamped before the till's newest document would land
in a closed day, under the wrong caps and ceilings; so selling stops, with a clear message, until a
manager looks at the clock and confirms it (audited). The server's clock, read from the `Date` of
its answers (sync/server_time.py), tells the manager when the PC is more than 10 minutes off.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from kkmp_pos.core.errors import StateError
from kkmp_pos.core.timeutil import from_iso, local, to_iso
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.setup.newest_document import newest_document
from kkmp_pos.sync import server_time

log = logging.getLogger(__name__)

# A clock set back by less than this (a time-sync step of a few seconds) is not worth stopping for.
GRACE = timedelta(minutes=2)
# More than this away from the server's clock, the manager is warned.
SERVER_TOLERANCE = timedelta(minutes=10)
# A server sample older than this no longer describes the clock (the till went offline).
SERVER_SAMPLE_FRESH = timedelta(hours=1)


@dataclass(frozen=True)
class ClockStatus:
    """What the manager's screen shows about the clock."""

    now: datetime
    newest_document_at: datetime | None
    behind: bool  # earlier than the newest document (beyond GRACE)
    confirmed: bool  # a manager confirmed this clock although it is behind
    server_offset_s: float | None  # PC minus server, when a fresh sample exists

    @property
    def blocks_selling(self) -> bool:
        return self.behind and not self.confirmed

    @property
    def server_warning(self) -> bool:
        limit = SERVER_TOLERANCE.total_seconds()
        return self.server_offset_s is not None and abs(self.server_offset_s) > limit


class ClockGuard:
    """The clock check of one till process (the sale service holds one; the checks are cheap)."""

    CONFIRMED_KEY = "clock.confirmed"

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._newest: datetime | None = None
        self._loaded = False

    def _newest_at(self) -> datetime | None:
        if not self._loaded:
            newest = newest_document()
            self._newest = newest[0] if newest else None
            self._loaded = True
        return self._newest

    def reload(self) -> None:
        self._loaded = False

    def _confirmation(self) -> dict[str, str]:
        raw = self.ctx.settings.clock_confirmed
        try:
            value = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def status(self) -> ClockStatus:
        now = self.ctx.now()
        newest = self._newest_at()
        behind = newest is not None and now < newest - GRACE
        confirmed = False
        if behind and newest is not None:
            conf = self._confirmation()
            # valid for this newest document, and only while the clock has not gone back again
            confirmed = conf.get("newest") == to_iso(newest) and (
                "clock_at" in conf and now >= from_iso(conf["clock_at"]) - GRACE
            )
        sample = server_time.latest()
        offset = None
        if sample is not None and abs(now - sample.local_at) < SERVER_SAMPLE_FRESH:
            offset = sample.offset_s
        return ClockStatus(now, newest, behind, confirmed, offset)

    def require_trusted(self) -> None:
        """StateError('clock_behind') while the clock is earlier than the newest document and no
        manager has confirmed it. Called before every sale."""
        status = self.status()
        if status.blocks_selling:
            assert status.newest_document_at is not None
            tz = self.ctx.store.timezone
            raise StateError(
                "clock_behind",
                now=local(status.now, tz).strftime("%d-%m-%Y %H:%M"),
                newest=local(status.newest_document_at, tz).strftime("%d-%m-%Y %H:%M"),
            )

    def noted(self, moment_iso: str) -> None:
        """A document was just made at `moment_iso` (keeps the newest without asking the database)."""
        moment = from_iso(moment_iso)
        if self._loaded and (self._newest is None or moment > self._newest):
            self._newest = moment

    def confirm(self, manager: Actor) -> ClockStatus:
        """A manager has looked at the PC's clock and says it is right: selling resumes (audited)."""
        require(manager, "approve")
        status = self.status()
        if status.newest_document_at is None or not status.behind:
            return status
        value = {"newest": to_iso(status.newest_document_at), "clock_at": to_iso(status.now)}
        with self.ctx.db.atomic():
            self.ctx.set_setting(self.CONFIRMED_KEY, json.dumps(value))
            audit(
                self.ctx,
                "clock.confirmed",
                manager,
                clock=to_iso(status.now),
                newest_document=to_iso(status.newest_document_at),
            )
        log.warning("clock confirmed by %s at %s (newest document %s)", manager.name, status.now, value)
        return self.status()
