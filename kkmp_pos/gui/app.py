"""The till's window: start-up (language, style, a clear word on a bad database file), and the main
window switching login ↔ cashier. The till it shows is opened by the composition root (`kkmp_pos.app`)."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from kkmp_pos.config import resources_dir
from kkmp_pos.core.errors import StorageError
from kkmp_pos.gui.i18n import current_lang, install_language
from kkmp_pos.gui.style import apply_style
from kkmp_pos.gui.widgets import MessageBar

if TYPE_CHECKING:
    from kkmp_pos.gui.selling.cashier_screen import CashierScreen
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till

log = logging.getLogger(__name__)

WINDOW_SIZE = (1366, 768)  # when the cashier un-maximises the window
SHIFT_REFRESH_MS = 5000  # one indexed read of the few unclosed shifts


class MainWindow(QMainWindow):
    def __init__(self, till: Till) -> None:
        super().__init__()
        from kkmp_pos.gui.setup.login_screen import LoginScreen

        self.till = till
        self.setWindowTitle(self.tr("KKMP POS — Kasir Koperasi"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.message_bar = MessageBar()
        layout.addWidget(self.message_bar)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.login = LoginScreen(till)
        self.stack.addWidget(self.login)
        self.login.logged_in.connect(self.show_cashier)
        self._cashier: CashierScreen | None = None
        self.actor: Actor | None = None
        self._open_windows: list[QWidget] = []
        self._menu: object | None = None
        self._shift_notice = ""  # the shift notice the message bar shows, if it shows one
        self._shift_timer = QTimer(self)  # shifts also open and close from `kkmp-pos shift`
        self._shift_timer.setInterval(SHIFT_REFRESH_MS)
        self._shift_timer.timeout.connect(self.check_shift)
        self._shift_timer.start()
        if till.is_demo:
            self.setWindowTitle(self.windowTitle() + " — " + self.tr("TOKO DEMO"))
        self.wizard: QWidget | None = None
        if till.setup_wizard.pending():  # a new shop's first start: the setup wizard before the login
            self.show_wizard()

    def show_wizard(self) -> None:
        from kkmp_pos.gui.setup.setup_wizard_screen import SetupWizardScreen

        # the sync controller is installed on the window after it is built (gui.sync.sync_status)
        self.wizard = SetupWizardScreen(self.till, controller=lambda: getattr(self, "sync", None))
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self.wizard.finished_setup.connect(self._wizard_done)

    def _wizard_done(self) -> None:
        self.login.reload()
        self.show_login()
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None

    @property
    def cashier(self) -> CashierScreen:
        """Built on first use: the login screen shows sooner at start-up."""
        if self._cashier is None:
            from kkmp_pos.gui.selling.cashier_screen import CashierScreen

            self._cashier = CashierScreen(self.till)
            self.stack.addWidget(self._cashier)
            self._cashier.logout_requested.connect(self.show_login)
            self._cashier.menu_requested.connect(self.show_menu)
            self._cashier.flow.shift_opened.connect(self.check_shift)
            self._cashier.flow.shift_refused.connect(self._shift_refused)
        return self._cashier

    def show_error(self, text: str) -> None:
        """Where background ops and screens report failures (non-blocking)."""
        self.message_bar.show_message(text, "error")

    def show_cashier(self, actor: Actor) -> None:
        self.message_bar.clear()
        self._shift_notice = ""
        self.stack.setCurrentWidget(self.cashier)
        self.cashier.start(actor)
        self.actor = actor
        self.check_shift(actor)
        if not self.message_bar.text() and actor.role in ("manajer", "admin"):
            from kkmp_pos.gui.setup.safety_screen import safety_warning

            warning = safety_warning(self.till)  # an old off-machine copy, a clock far off the server's
            if warning:
                self.message_bar.show_message(warning, "warning")

    def check_shift(self, actor: Actor | None = None) -> None:
        """Say (without blocking the sale) when no shift is open, or one was left open by a crash.

        Called after login, after every shift dialog and the checkout's own open-shift prompt, and every
        few seconds (a shift opened or closed by `kkmp-pos shift` in a terminal): the banner always says
        the state as it is now, and a notice that no longer holds goes away. A message about something
        else (an error) is not replaced; the shift notice follows once it is gone.
        """
        actor = actor or self.actor
        if actor is None or self.stack.currentWidget() is not self._cashier:
            return
        notice = self._shift_state(actor)
        showing = self.message_bar.text()
        if notice is None:
            if showing and showing == self._shift_notice:
                self.message_bar.clear()
            self._shift_notice = ""
            self.cashier.flow.clear_refusal()
            return
        text, kind, action_text, action = notice
        if showing == text or (showing and showing != self._shift_notice):
            return
        self._shift_notice = text
        self.message_bar.show_message(text, kind, action_text=action_text, action=action)

    def _shift_refused(self, text: str) -> None:
        """A sale refused for want of a shift: said until a shift is open again (then `check_shift`
        replaces or clears it, as any shift notice)."""
        self._shift_notice = text
        self.message_bar.show_message(text, "error")

    def _shift_state(self, actor: Actor):  # type: ignore[no-untyped-def]
        """(text, kind, action text, action) of the shift notice due now, or None when all is well."""
        from kkmp_pos.core.timeutil import from_iso, local
        from kkmp_pos.gui import shift_actions

        unclosed = shift_actions.unclosed_shifts(self.till)
        if not unclosed:
            return (
                self.tr("Belum ada shift terbuka: hitung modal awal laci sebelum menerima uang tunai."),
                "info",
                self.tr("Buka shift"),
                lambda: self._keep(shift_actions.open_shift(self, self.till, actor)),
            )
        shift = unclosed[0]
        today = self.till.ctx.business_date()
        if shift.business_date < today or shift.user_id != actor.user_id or shift.status != "open":
            opened = local(from_iso(shift.opened_at), self.till.shop.timezone)
            return (
                self.tr(
                    "Shift {name} sejak {when} belum ditutup. Tutup dengan hitung kas sebelum shift baru."
                ).format(name=shift.user_name, when=opened.strftime("%d-%m %H:%M")),
                "warning",
                self.tr("Tutup shift"),
                lambda: self._keep(shift_actions.close_shift(self, self.till, actor, shift.id)),
            )
        return None

    def show_menu(self) -> None:
        from PySide6.QtGui import QCursor

        from kkmp_pos.gui.main_menu import build_menu

        if self.actor is None:
            return
        menu = build_menu(self, self.till, self.actor, self._keep)
        button = getattr(self._cashier, "menu_button", None)
        where = button.mapToGlobal(button.rect().bottomLeft()) if button is not None else QCursor.pos()
        self._menu = menu
        menu.popup(where)

    def _keep(self, widget: QWidget | None) -> None:
        """Windows opened from the menu live until closed (a reference keeps Python from freeing them).
        When one closes (a shift opened, counted or closed there) the shift notice is said again."""
        if widget is not None:
            self._open_windows = [w for w in self._open_windows if w.isVisible()] + [widget]
            finished = getattr(widget, "finished", None)
            if finished is not None:
                finished.connect(lambda *_: self.check_shift())

    def show_login(self) -> None:
        self.actor = None
        self._shift_notice = ""
        self.message_bar.clear()
        self.stack.setCurrentWidget(self.login)
        self.login.reset()


class _ShownProbe(QObject):
    """For the start-up benchmark: report once the window has been painted, then quit."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() in (QEvent.Type.Paint, QEvent.Type.Expose):
            self._done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        sys.stdout.write(f"SHOWN {seconds_since_process_start():.3f}\n")
        sys.stdout.flush()
        QApplication.quit()


_IMPORTED_AT = time.time()


def seconds_since_process_start() -> float:
    """Wall time since this process started (from /proc on Linux; else since this module loaded)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 overall: starttime in clock ticks after boot
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.time() - _IMPORTED_AT


def make_app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("KKMP POS")
    icon = resources_dir() / "icons" / "kkmp-pos.png"
    if icon.exists():  # the shop mark in the title bar and task bar (packaging draws it)
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    apply_style(app)
    return app


def open_till_or_explain(open_till: Callable[[], Till]) -> Till | None:
    """Open the till; a damaged or locked database file gets a clear dialog, never a crash loop."""
    try:
        return open_till()
    except StorageError as exc:
        log.error("cannot open the till database: %s", exc)
        box = QMessageBox(QMessageBox.Icon.Critical, "KKMP POS", exc.message(current_lang()))
        advice = QCoreApplication.translate(
            "Startup",
            "Aplikasi ditutup. Perbaiki atau pulihkan database (kkmp-pos db restore), lalu buka lagi.",
        )
        if exc.code not in ("db_read_only", "disk_full", "till_already_running"):
            # Only a damaged file is restored; a read-only folder or a full disk says its own remedy.
            box.setInformativeText(advice)
        if os.environ.get("KKMP_POS_EXIT_WHEN_SHOWN") != "1":
            box.exec()
        return None


def start_housekeeping(window: MainWindow, till: Till) -> None:
    """Integrity check, daily backup and search ranks, in the background once the first screen shows."""
    from kkmp_pos.gui.ops import run_op

    def done(report: object) -> None:
        problem = getattr(report, "problem", None)
        if problem is not None:
            window.show_error(problem.message(current_lang()))

    run_op(window, till.maintenance.run_startup, on_success=done)


def show_main_window(window: MainWindow) -> None:
    """Maximised: the whole screen, status bar included, whatever its size (1024×768 to full HD)."""
    window.resize(*WINDOW_SIZE)  # the size it takes when the cashier un-maximises it
    window.showMaximized()


def run_gui(open_till: Callable[[], Till], lang: str | None = None) -> int:
    """Open the till window over the till `open_till` gives; returns the process exit code.

    The caller (the composition root) owns the till: it starts sync and closes everything afterwards.
    """
    app = make_app()
    install_language(app, lang or "id")
    till = open_till_or_explain(open_till)
    if till is None:
        return 2
    if lang is None:
        stored = till.ctx.settings.language
        if stored != "id":
            install_language(app, stored)
    window = MainWindow(till)
    from kkmp_pos.gui.sync.sync_status import install_sync

    install_sync(window, till)
    if os.environ.get("KKMP_POS_EXIT_WHEN_SHOWN") == "1":
        _ShownProbe(window)
    show_main_window(window)
    if os.environ.get("KKMP_POS_EXIT_WHEN_SHOWN") != "1":
        QTimer.singleShot(1500, lambda: start_housekeeping(window, till))
    return app.exec()
