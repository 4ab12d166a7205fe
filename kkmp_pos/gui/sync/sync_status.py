"""The always-visible sync indicator in the main window's status bar.

The indicator only reads the worker's in-memory status on a QTimer (no database or network on the GUI
thread); the worker refreshes its counts itself after every round on its own thread. The runner (which
owns the worker) is built by the composition root and handed over with the till.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from kkmp_pos.gui.sync.sync_controller import SyncController

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from kkmp_pos.services.sync.runner import SyncStatus
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


class SyncStatusWidget(QWidget):
    """'● Online · 3 menunggu (tertua 5 mnt) · terakhir 10:32'; click for the sync settings."""

    clicked = Signal()

    def __init__(
        self, status: Callable[[], SyncStatus | None] | None = None, parent: QWidget | None = None
    ) -> None:
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
        self.status = status or (lambda: None)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mouseReleaseEvent(event)

    def refresh(self) -> None:
        color, text, tip = self.describe(self.status())
        self.dot.setText(f'<span style="color:{color}">●</span>')
        self.label.setText(text)
        self.setToolTip(tip)

    def describe(self, status: SyncStatus | None) -> tuple[str, str, str]:
        """(dot colour, line, tooltip) for a status; None = the till is not enrolled."""
        if status is None:
            return "#9e9e9e", self.tr("Sinkron: belum terhubung ke server"), ""
        parts = []
        if status.stopped and status.revoked:
            color = "#c62828"
            parts.append(self.tr("Sinkron berhenti: kasir ini dicabut di server koperasi"))
        elif status.stopped:
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
    visible, under every screen), a click opens the sync settings. The worker itself is started by the
    composition root once the till is open (`kkmp_pos.app.run`), and after enrolment by the dialog."""
    controller = SyncController(till, window)
    widget = SyncStatusWidget(controller.status, window)
    window.statusBar().addPermanentWidget(widget)
    controller.worker_changed.connect(widget.refresh)

    def open_settings() -> None:
        from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog

        # whoever is logged in (nobody at the login screen): the services decide what they may do
        SyncSettingsDialog(controller, window, getattr(window, "actor", None)).open()

    widget.clicked.connect(open_settings)
    _apply_qris_after_rounds(widget, controller, till)
    window.sync_status = widget  # type: ignore[attr-defined]
    window.sync = controller  # type: ignore[attr-defined]
    return controller


def _apply_qris_after_rounds(widget: SyncStatusWidget, controller: SyncController, till: Till) -> None:
    """After each successful sync round, confirm the QRIS payments whose acquirer notification the
    pull brought (the payment dialog may be long closed), in the background."""
    from kkmp_pos.gui.ops import run_op

    seen: list[str | None] = [None]

    def after_round() -> None:
        status = controller.status()
        at = status.last_success_at if status is not None else None
        if at and at != seen[0]:
            seen[0] = at
            run_op(
                widget,
                till.qris_online.apply_notifications,
                on_failure=lambda exc: log.warning("QRIS notifications not applied: %s", exc),
            )

    widget.timer.timeout.connect(after_round)
