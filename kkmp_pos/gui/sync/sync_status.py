"""The always-visible sync indicator and the controller that owns the till's SyncWorker in the app.

The indicator only reads the worker's in-memory status on a QTimer (no database or network on the GUI
thread); the worker refreshes its counts itself after every round on its own thread.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from kkmp_pos.sync.worker import SyncStatus, SyncWorker

if TYPE_CHECKING:
    from kkmp_pos.services.till import Till

REFRESH_MS = 1000


def _age(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("SyncStatusWidget", "%1 dtk").replace("%1", str(int(seconds)))
    if seconds < 3600:
        return QCoreApplication.translate("SyncStatusWidget", "%1 mnt").replace("%1", str(int(seconds // 60)))
    if seconds < 86400:
        return QCoreApplication.translate("SyncStatusWidget", "%1 jam").replace(
            "%1", str(int(seconds // 3600))
        )
    return QCoreApplication.translate("SyncStatusWidget", "%1 hari").replace("%1", str(int(seconds // 86400)))


def _local_time(iso: str) -> str:
    when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    return when.strftime("%H:%M")


class SyncController(QObject):
    """Starts the worker when the till is enrolled (or right after enrolment) and stops it at exit."""

    worker_changed = Signal(object)  # SyncWorker | None

    def __init__(self, till: Till, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.worker: SyncWorker | None = None
        # SaleService.after_commit: push soon after each sale (the worker debounces)
        till.sales.after_commit.append(lambda result: self.notify())

    def start_if_enrolled(self) -> bool:
        from kkmp_pos.db.models import TerminalModel

        if self.worker is not None:
            return True
        if not TerminalModel.get().enrolled:
            return False
        self.worker = SyncWorker(self.till.ctx.data_dir)
        self.worker.start()
        self.worker_changed.emit(self.worker)
        return True

    def restart(self) -> None:
        """After (re-)enrolment: a fresh worker with the new server and token."""
        self.stop()
        self.start_if_enrolled()
        if self.worker is not None:
            self.worker.sync_now()

    def notify(self) -> None:
        if self.worker is not None:
            self.worker.notify()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
            self.worker_changed.emit(None)


class SyncStatusWidget(QWidget):
    """'● Online · 3 menunggu (tertua 5 mnt) · terakhir 10:32'; click for the sync settings."""

    clicked = Signal()

    def __init__(self, worker: SyncWorker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        self.dot = QLabel()
        self.label = QLabel()
        self.label.setObjectName("syncStatusText")
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        self.worker = worker
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def set_worker(self, worker: SyncWorker | None) -> None:
        self.worker = worker
        self.refresh()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mouseReleaseEvent(event)

    def refresh(self) -> None:
        status = self.worker.status() if self.worker is not None else None
        color, text, tip = self.describe(status)
        self.dot.setText(f'<span style="color:{color}">●</span>')
        self.label.setText(text)
        self.setToolTip(tip)

    def describe(self, status: SyncStatus | None) -> tuple[str, str, str]:
        """(dot colour, line, tooltip) for a status; None = the till is not enrolled."""
        if status is None:
            return "#9e9e9e", self.tr("Sinkron: belum terhubung ke server"), ""
        parts = []
        if status.stopped:
            color = "#c62828"
            parts.append(self.tr("Sinkron berhenti: server menolak kasir ini"))
        elif status.online is False or (status.online is None and status.last_error):
            color = "#ef6c00"
            parts.append(self.tr("Offline"))
        elif status.online:
            color = "#2e7d32"
            parts.append(self.tr("Online"))
        else:
            color = "#9e9e9e"
            parts.append(self.tr("Menghubungi server…"))
        if status.waiting:
            waiting = self.tr("%n menunggu", "", status.waiting)
            if status.oldest_waiting_s is not None:
                waiting += " " + self.tr("(tertua %1)").replace("%1", _age(status.oldest_waiting_s))
            parts.append(waiting)
        else:
            parts.append(self.tr("semua terkirim"))
        if status.last_success_at:
            parts.append(self.tr("terakhir %1").replace("%1", _local_time(status.last_success_at)))
        return color, " · ".join(parts), status.last_error or ""


def install_sync(window: QMainWindow, till: Till) -> SyncController:
    """Wire sync into the main window: the indicator at the right of the window's status bar (always
    visible, under every screen), a click opens the sync settings, the worker starts if enrolled."""
    controller = SyncController(till, window)
    widget = SyncStatusWidget(None, window)
    window.statusBar().addPermanentWidget(widget)
    controller.worker_changed.connect(widget.set_worker)

    def open_settings() -> None:
        from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog

        SyncSettingsDialog(controller, window).open()

    widget.clicked.connect(open_settings)
    controller.start_if_enrolled()
    window.sync_status = widget  # type: ignore[attr-defined]
    window.sync = controller  # type: ignore[attr-defined]
    return controller
