"""The till's menu (Ctrl+M): shift and cash, reports, stock, settings — one place to reach every screen.

Entries a role may not use are shown disabled with the reason in their tooltip; the services refuse them
anyway. Each entry calls the one function its module offers for opening its screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from kkmp_pos.services.setup.auth import PERMISSIONS

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


def tr(text: str) -> str:
    # lupdate files module-level tr() calls under the empty context, so look them up there.
    return QCoreApplication.translate("", text)


def build_menu(parent: QWidget, till: Till, actor: Actor, keep: Callable[[QWidget], None]) -> QMenu:
    """The menu for `actor`. `keep` receives each opened window so it is not garbage-collected."""
    from kkmp_pos.gui import shift_actions as shifts

    allowed = PERMISSIONS.get(actor.role, set())
    menu = QMenu(parent)
    menu.setObjectName("mainMenu")

    def add(target: QMenu, text: str, permission: str | None, opener: Callable[[], QWidget | None]) -> None:
        action = target.addAction(text)
        if permission is not None and permission not in allowed:
            action.setEnabled(False)
            action.setToolTip(tr("Hanya manajer"))
        action.triggered.connect(lambda: _open(opener, keep))

    shift = menu.addMenu(tr("Shift && kas"))
    add(shift, tr("Buka shift"), "open_shift", lambda: shifts.open_shift(parent, till, actor))
    add(shift, tr("Kas masuk / keluar"), "cash_move", lambda: shifts.cash_move(parent, till, actor))
    add(shift, tr("Tutup shift (hitung kas)"), "close_shift", lambda: shifts.close_shift(parent, till, actor))
    reports = menu.addMenu(tr("Laporan"))
    add(reports, tr("Laporan X (tengah shift)"), "x_report", lambda: shifts.reports(parent, till, actor, "x"))
    add(reports, tr("Laporan akhir hari"), "reports", lambda: shifts.reports(parent, till, actor, "eod"))
    add(reports, tr("Laporan periode"), "reports", lambda: shifts.reports(parent, till, actor, "range"))
    add(
        reports,
        tr("Belanja anggota (SHU)"),
        "reports",
        lambda: shifts.reports(parent, till, actor, "members"),
    )
    add(menu, tr("Stok && barang"), "manage_products", lambda: _stock(parent, till, actor))
    settings = menu.addMenu(tr("Pengaturan"))
    add(settings, tr("Pengaturan toko…"), "settings", lambda: _settings(parent, till, actor))
    add(
        settings,
        tr("Printer && antrean cetak"),
        "settings",
        lambda: shifts.printer_settings(parent, till, actor),
    )
    add(settings, tr("Pengguna"), "manage_users", lambda: shifts.users(parent, till, actor))
    add(settings, tr("Log audit"), "view_audit", lambda: shifts.audit_log(parent, till, actor))
    add(settings, tr("Jam && cadangan"), "settings", lambda: _safety(parent, till, actor))
    add(settings, tr("QRIS toko"), "settings", lambda: shifts.qris_settings(parent, till, actor))
    controller = getattr(parent, "sync", None)  # installed by gui.sync_status.install_sync
    if controller is not None:
        add(
            settings,
            tr("Sinkronisasi server"),
            "settings",
            lambda: _sync_settings(parent, controller, actor),
        )
    add(settings, tr("Masalah sinkronisasi"), None, lambda: _sync_problems(parent))
    return menu


def _open(opener: Callable[[], QWidget | None], keep: Callable[[QWidget], None]) -> None:
    widget = opener()
    if widget is not None:
        keep(widget)


def _stock(parent: QWidget, till: Till, actor: Actor) -> QWidget:
    from kkmp_pos.gui.stock.stock_module_screen import open_stock_module

    return open_stock_module(till, actor, parent)


def _settings(parent: QWidget, till: Till, actor: Actor) -> QWidget:
    from PySide6.QtCore import Qt

    from kkmp_pos.gui.setup.settings_screen import SettingsScreen
    from kkmp_pos.gui.window_fit import close_on_escape, fit_to_screen

    screen = SettingsScreen(till, actor)
    screen.setParent(parent, screen.windowFlags() | Qt.WindowType.Window)
    fit_to_screen(screen, 1000, 680)
    close_on_escape(screen)
    screen.show()
    return screen


def _safety(parent: QWidget, till: Till, actor: Actor) -> QWidget:
    from PySide6.QtCore import Qt

    from kkmp_pos.gui.setup.safety_screen import SafetyScreen
    from kkmp_pos.gui.window_fit import close_on_escape

    screen = SafetyScreen(till, actor)
    screen.setParent(parent, screen.windowFlags() | Qt.WindowType.Window)
    close_on_escape(screen)
    screen.show()
    return screen


def _sync_settings(parent: QWidget, controller: object, actor: Actor) -> QWidget:
    from kkmp_pos.gui.sync.sync_settings_dialog import SyncSettingsDialog

    dialog = SyncSettingsDialog(controller, parent, actor)  # type: ignore[arg-type]
    dialog.open()
    return dialog


def _sync_problems(parent: QWidget) -> QWidget:
    from kkmp_pos.gui.sync.sync_problems_dialog import SyncProblemsDialog

    dialog = SyncProblemsDialog(parent)
    dialog.open()
    return dialog
