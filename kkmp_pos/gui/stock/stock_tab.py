"""What the stock module's tabs share: the base tab (services, acting manager, background ops, PDF
opening) and the read-only table helpers. The tabs import this, never the window that holds them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.widgets import MessageBar

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.stock.module import StockModule
    from kkmp_pos.services.till import Till


class StockTab(QWidget):
    """What every tab shares: the services, the acting manager, background ops and PDF opening."""

    def __init__(self, module: StockModule, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.module, self.till, self.actor = module, till, actor
        self.open_pdfs = True  # the stock window passes its own switch down (off in tests)

    def run(self, op: Callable[[], Any], on_success: Callable[[Any], None] | None = None) -> None:
        run_op(self, op, on_success=on_success)

    def notice(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "message_bar", None)
        if isinstance(bar, MessageBar):
            bar.show_message(text, "info", timeout_ms=6000)

    def print_pdf(self, make: Callable[[], Path]) -> None:
        """Make a PDF in the background, then open it in the system viewer."""

        def done(path: Path) -> None:
            self.last_pdf = path
            self.notice(self.tr("PDF disimpan: {path}").format(path=path))
            if self.open_pdfs:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        self.run(make, done)


def fill_table(table: QTableWidget, rows: list[list[str]], right: frozenset[int] = frozenset()) -> None:
    """Replace a read-only table's rows with text; columns in `right` align right (numbers)."""
    from PySide6.QtCore import Qt

    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table
