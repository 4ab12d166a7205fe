"""What the main window calls to open the shift, report, printer, users and audit screens.

Each function builds the screen or dialog, shows it non-modally (dialogs: modal to the window) and
returns it, so the caller may keep a reference or connect signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


def _window(widget: QWidget, parent: QWidget | None) -> QWidget:
    widget.setParent(parent, widget.windowFlags() | _window_flag())
    from kkmp_pos.gui.window_fit import close_on_escape, fit_to_screen

    fit_to_screen(widget, 1100, 680)
    close_on_escape(widget)
    widget.show()
    return widget


def _window_flag():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.WindowType.Window


def open_shift(parent: QWidget | None, till: Till, actor: Actor):  # type: ignore[no-untyped-def]
    """Ask for the counted float and open a shift (call after login when `till.shifts.current` is None)."""
    from kkmp_pos.gui.shifts.shift_dialog import OpenShiftDialog

    dialog = OpenShiftDialog(till, actor, parent)
    dialog.open()
    return dialog


def cash_move(parent: QWidget | None, till: Till, actor: Actor):  # type: ignore[no-untyped-def]
    from kkmp_pos.gui.shifts.cash_move_dialog import CashMoveDialog

    dialog = CashMoveDialog(till, actor, parent)
    dialog.open()
    return dialog


def close_shift(parent: QWidget | None, till: Till, actor: Actor, shift_id: str | None = None):  # type: ignore[no-untyped-def]
    """The blind close of `shift_id` (default: the actor's open shift); also for crash recovery."""
    from kkmp_pos.gui.shifts.shift_dialog import CloseShiftDialog

    if shift_id is None:
        current = till.shifts.current(actor)
        shift_id = current.id if current else till.shifts.unclosed()[0].id
    dialog = CloseShiftDialog(till, actor, shift_id, parent)
    dialog.open()
    return dialog


def unclosed_shifts(till: Till):  # type: ignore[no-untyped-def]
    """At start-up: shifts a crash left open (offer `close_shift(..., shift_id=...)` for each)."""
    return till.shifts.unclosed()


def reports(parent: QWidget | None, till: Till, actor: Actor, kind: str = "eod"):  # type: ignore[no-untyped-def]
    """kind: 'eod' | 'range' | 'members' | 'x'."""
    from kkmp_pos.gui.reports.report_screen import ReportScreen

    screen = ReportScreen(till, actor)
    screen.set_kind(kind)
    window = _window(screen, parent)
    screen.run_report()  # opened from the menu: show today's figures at once (in the background)
    return window


def printer_settings(parent: QWidget | None, till: Till, actor: Actor):  # type: ignore[no-untyped-def]
    from kkmp_pos.gui.printing.printer_screen import PrinterScreen

    return _window(PrinterScreen(till, actor), parent)


def users(parent: QWidget | None, till: Till, actor: Actor):  # type: ignore[no-untyped-def]
    from kkmp_pos.gui.setup.users_screen import UsersScreen

    return _window(UsersScreen(till, actor), parent)


def qris_settings(parent: QWidget | None, till: Till, actor: Actor):  # type: ignore[no-untyped-def]
    from kkmp_pos.gui.setup.qris_screen import QrisSettingsScreen

    return _window(QrisSettingsScreen(till, actor), parent)


def audit_log(parent: QWidget | None, till: Till, actor: Actor):  # type: ignore[no-untyped-def]
    from kkmp_pos.gui.reports.audit_screen import AuditScreen

    return _window(AuditScreen(till, actor), parent)
