"""The manager's stock module: one window with tabs for products, receiving, the stock card, stock
counts and the lists. Open it with `open_stock_module(till, actor, parent)`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget

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
            if StockModuleScreen.open_pdfs:
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


class StockModuleScreen(QWidget):
    """Tabs: Produk, Penerimaan, Kartu stok, Stok opname, Daftar stok, Batas pembelian. Errors go to its
    message bar."""

    open_pdfs = True  # tests switch this off: no viewer on a headless machine

    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kkmp_pos.gui.stock.stock_card_screen import StockCardScreen
        from kkmp_pos.gui.stock.stock_count_screen import StockCountScreen
        from kkmp_pos.gui.stock.stock_lists_screen import StockListsScreen
        from kkmp_pos.gui.stock.stock_products_screen import StockProductsScreen
        from kkmp_pos.gui.stock.stock_receiving_screen import StockReceivingScreen
        from kkmp_pos.services.stock.module import stock_module

        self.till, self.actor = till, actor
        self.module = stock_module(till)
        self.setWindowTitle(self.tr("Stok dan Barang — {name}").format(name=actor.name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message_bar = MessageBar()
        layout.addWidget(self.message_bar)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.products = StockProductsScreen(self.module, till, actor)
        self.receiving = StockReceivingScreen(self.module, till, actor)
        self.card = StockCardScreen(self.module, till, actor)
        self.count = StockCountScreen(self.module, till, actor)
        self.lists = StockListsScreen(self.module, till, actor)
        self.tabs.addTab(self.products, self.tr("Produk"))
        self.tabs.addTab(self.receiving, self.tr("Penerimaan barang"))
        self.tabs.addTab(self.card, self.tr("Kartu stok"))
        self.tabs.addTab(self.count, self.tr("Stok opname"))
        self.tabs.addTab(self.lists, self.tr("Daftar stok"))
        from kkmp_pos.gui.stock.limits_screen import LimitsScreen  # purchase caps

        self.limits = LimitsScreen(self.module, till, actor)
        self.tabs.addTab(self.limits, self.tr("Batas pembelian"))
        self.resize(1280, 720)

    def show_error(self, text: str) -> None:
        self.message_bar.show_message(text, "error")


def open_stock_module(till: Till, actor: Actor, parent: QWidget | None = None) -> StockModuleScreen:
    """The one call the main window needs: show the stock module for a manager (its own window).

    The services check every permission again; a cashier sees the window but is refused by name.
    """
    from PySide6.QtCore import Qt

    screen = StockModuleScreen(till, actor, parent)
    screen.setWindowFlag(Qt.WindowType.Window, True)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.show()
    return screen
