"""The first-run setup wizard: a new shop's empty data folder opens here before the login.

Five steps (the shop, the first admin, the receipt printer, the shop's static QRIS, the central server),
each checked when "Lanjut" is pressed and saved through its service; every step but the first admin of a
shop with no user may be skipped and finished later in Settings. The end marks the wizard done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.setup.setup_wizard_pages import (
    AdminPage,
    PrinterPage,
    QrisPage,
    ServerPage,
    ShopPage,
    WizardPage,
)
from kkmp_pos.gui.widgets import TOUCH_PX
from kkmp_pos.services.setup.setup_wizard import STEPS

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


class SetupWizardScreen(QWidget):
    finished_setup = Signal()

    def __init__(
        self, till: Till, controller: Callable[[], Any] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.till = till
        self.actor: Actor | None = None
        self.skipped: list[str] = []
        self.setWindowTitle(self.tr("Penyiapan toko baru"))
        self.titles = {
            "shop": self.tr("Koperasi dan toko"),
            "admin": self.tr("Admin pertama"),
            "printer": self.tr("Printer struk"),
            "qris": self.tr("QRIS toko"),
            "server": self.tr("Server koperasi (pilihan)"),
        }
        self.pages: dict[str, WizardPage] = {
            "shop": ShopPage(till),
            "admin": AdminPage(till),
            "printer": PrinterPage(till),
            "qris": QrisPage(till),
            "server": ServerPage(till, controller or (lambda: None)),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 8)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.steps_label = QLabel()
        self.steps_label.setProperty("role", "muted")
        heading = QHBoxLayout()  # one line: the page's form gets the height of a 1024×768 screen
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.steps_label)
        layout.addLayout(heading)
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Kembali"))
        self.skip_button = QPushButton(self.tr("Lewati, isi nanti"))
        self.next_button = QPushButton(self.tr("Lanjut [Enter]"))
        self.next_button.setProperty("role", "primary")
        for button in (self.back_button, self.skip_button, self.next_button):
            button.setMinimumHeight(TOUCH_PX)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.next)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self, self._enter_pressed)
        self.go_to(0)

    # -- moving ----------------------------------------------------------------------------------
    @property
    def step(self) -> str:
        return STEPS[self.stack.currentIndex()]

    @property
    def page(self) -> WizardPage:
        return self.pages[self.step]

    def go_to(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        step = STEPS[index]
        self.title.setText(self.tr("Penyiapan toko baru — {0}").format(self.titles[step]))
        self.steps_label.setText(self.tr("Langkah {0} dari {1}").format(index + 1, len(STEPS)))
        self.error_label.clear()
        self.back_button.setEnabled(index > 0)
        self.skip_button.setEnabled(self.till.setup_wizard.may_skip(step))
        last = index == len(STEPS) - 1
        self.next_button.setText(self.tr("Selesai [Enter]") if last else self.tr("Lanjut [Enter]"))
        self.page.enter(self.actor)

    def _enter_pressed(self) -> None:
        """Enter presses the focused button, scans the range typed on the printer step, checks the
        code the scanner typed on the QRIS step, and otherwise goes on."""
        focus = self.focusWidget()
        if isinstance(focus, QPushButton) and self.stack.currentWidget().isAncestorOf(focus):
            focus.click()
            return
        printer = self.pages["printer"]
        assert isinstance(printer, PrinterPage)
        if self.step == "printer" and focus is printer.finder.range_field:
            printer.finder.scan()
            return
        if self.step == "printer" and focus is printer.uri:
            printer.test_print()
            return
        qris = self.pages["qris"]
        assert isinstance(qris, QrisPage)
        if (
            self.step == "qris"
            and qris.screen is not None
            and focus is getattr(qris.screen, "payload_field", None)
        ):
            qris.screen.check()  # type: ignore[attr-defined]
            return
        self.next()

    def next(self) -> None:
        if not self.page.commit(self.actor):
            return
        if self.step == "admin":
            admin_page = self.pages["admin"]
            assert isinstance(admin_page, AdminPage)
            self.actor = admin_page.created or self.actor
            if self.actor is None:  # users existed before: the rest is done by them in Settings
                self.skipped += [s for s in STEPS[STEPS.index("admin") + 1 :]]
                self.finish()
                return
        if self.step in self.skipped:
            self.skipped.remove(self.step)
        self._advance()

    def skip(self) -> None:
        if not self.till.setup_wizard.may_skip(self.step):
            return
        if self.step not in self.skipped:
            self.skipped.append(self.step)
        self._advance()

    def back(self) -> None:
        if self.stack.currentIndex() > 0:
            self.go_to(self.stack.currentIndex() - 1)

    def _advance(self) -> None:
        index = self.stack.currentIndex()
        if index == len(STEPS) - 1:
            self.finish()
        else:
            self.go_to(index + 1)

    def finish(self) -> None:
        try:
            self.till.setup_wizard.finish(self.actor, self.skipped)
        except Exception as exc:
            self.error_label.setText(error_text(exc))
            return
        printer_page = self.pages["printer"]
        assert isinstance(printer_page, PrinterPage)
        printer_page.stop()
        self.finished_setup.emit()
