"""The sync worker's life in a running till: started once the till is enrolled, nudged after each
sale, restarted after (re-)enrolment and stopped at exit. The GUI sees plain status data only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kkmp_pos.db.models import TerminalModel
from kkmp_pos.sync import outbox
from kkmp_pos.sync.apply import recorded_problems
from kkmp_pos.sync.push_check import LOCAL_PREFIX
from kkmp_pos.sync.worker import SyncStatus, SyncWorker

__all__ = ["Enrolment", "SyncProblem", "SyncRunner", "SyncStatus", "sync_problems"]


@dataclass(frozen=True)
class Enrolment:
    """Whether this till is enrolled with a cooperative's server, and which one."""

    enrolled: bool
    server_url: str


@dataclass(frozen=True)
class SyncProblem:
    """Something that did not sync and never blocks the rest: an event refused (by the server, or by
    the till before sending it), or a change pulled from the server that this till could not apply."""

    seq: int  # the event's number; for a pulled change, its row in the till's problem list
    type: str  # the event type, or the pulled entity ('product', 'member', ...)
    occurred_at: str
    reason: str
    pulled: bool = False
    key: str = ""  # a pulled change's key (the product or member it is about)

    @property
    def refused_at_till(self) -> bool:
        return not self.pulled and self.reason.startswith(LOCAL_PREFIX)


def sync_problems() -> list[SyncProblem]:
    """Events refused and pulled changes set aside, newest first each; runs off the GUI thread."""
    sent = [
        SyncProblem(e.seq, e.type, e.occurred_at, e.reject_reason or "") for e in outbox.rejected_events()
    ]
    pulled = [
        SyncProblem(p.id, p.entity, p.seen_at, p.reason, pulled=True, key=p.entity_key)
        for p in recorded_problems()
    ]
    return sent + pulled


class SyncRunner:
    """Owns the till's one SyncWorker; `on_change` listeners hear when it starts or stops."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.worker: SyncWorker | None = None
        self.on_change: list[Callable[[], None]] = []

    def enrolment(self) -> Enrolment:
        terminal = TerminalModel.get()
        return Enrolment(bool(terminal.enrolled), terminal.server_url or "")

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start_if_enrolled(self) -> bool:
        if self.worker is not None:
            return True
        if not TerminalModel.get().enrolled:
            return False
        self.worker = SyncWorker(self.data_dir)
        self.worker.start()
        self._changed()
        return True

    def restart(self) -> None:
        """After (re-)enrolment: a fresh worker with the new server and token, syncing at once."""
        self.stop()
        self.start_if_enrolled()
        self.sync_now()

    def notify(self) -> None:
        """Something was queued (a sale): push soon (the worker debounces)."""
        if self.worker is not None:
            self.worker.notify()

    def sync_now(self) -> bool:
        """Start a round now, starting the worker if the till is enrolled; False if it is not."""
        if not self.start_if_enrolled() or self.worker is None:
            return False
        self.worker.sync_now()
        return True

    def status(self) -> SyncStatus | None:
        """The worker's in-memory status (no database or network); None when it is not running."""
        return self.worker.status() if self.worker is not None else None

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
            self._changed()

    def _changed(self) -> None:
        for listener in list(self.on_change):
            listener()
