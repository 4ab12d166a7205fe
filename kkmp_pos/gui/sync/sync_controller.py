"""The Qt face of the till's sync runner: the window and the sync dialogs talk to sync through it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kkmp_pos.services.sync.runner import SyncRunner, SyncStatus
    from kkmp_pos.services.till import Till


class SyncController(QObject):
    """The till's sync runner for the window: says on the GUI thread when the worker starts or stops."""

    worker_changed = Signal()

    def __init__(self, till: Till, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.runner: SyncRunner = till.sync
        runner, listener = self.runner, self.worker_changed.emit
        runner.on_change.append(listener)
        # the runner outlives the window: it must not call into a deleted Qt object
        self.destroyed.connect(lambda *_: runner.on_change.remove(listener))

    @property
    def worker(self) -> object | None:
        """The running worker, if any (for tests and the settings dialog: is sync on?)."""
        return self.runner.worker

    def start_if_enrolled(self) -> bool:
        return self.runner.start_if_enrolled()

    def restart(self) -> None:
        """After (re-)enrolment: a fresh worker with the new server and token."""
        self.runner.restart()

    def sync_now(self) -> bool:
        return self.runner.sync_now()

    def status(self) -> SyncStatus | None:
        return self.runner.status()

    def stop(self) -> None:
        self.runner.stop()
