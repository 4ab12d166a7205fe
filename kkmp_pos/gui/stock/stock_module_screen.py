"""The manager's stock module: one window with tabs for products, receiving, the stock card, stock
counts and the lists. Open it with `open_stock_module(till, actor, parent)`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from kkmp_pos.gui.stock.limits_screen import LimitsScreen
from kkmp_pos.gui.stock.stock_card_screen import StockCardScreen
from kkmp_pos.gui.stock.stock_count_screen import StockCountScreen
from kkmp_pos.gui.stock.stock_lists_screen import StockListsScreen
from kkmp_pos.gui.stock.stock_products_screen import StockProductsScreen
from kkmp_pos.gui.stock.stock_receiving_screen import StockReceivingScreen
from kkmp_pos.gui.widgets import MessageBar
from kkmp_pos.gui.window_fit import close_on_escape, fit_to_screen

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


class StockModuleScreen(QWidget):
    """Tabs: Produk, Penerimaan, Kartu stok, Stok opname, Daftar stok, Batas pembelian. Errors go to its
    message bar."""

    open_pdfs = True  # tests switch this off: no viewer on a headless machine

    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.limits = LimitsScreen(self.module, till, actor)
        self.tabs.addTab(self.limits, self.tr("Batas pembelian"))
        for tab in (self.products, self.receiving, self.card, self.count, self.lists, self.limits):
            tab.open_pdfs = self.open_pdfs
        fit_to_screen(self, 1280, 720)
        close_on_escape(self)

    def show_error(self, text: str) -> None:
        self.message_bar.show_message(text, "error")


def open_stock_module(till: Till, actor: Actor, parent: QWidget | None = None) -> StockModuleScreen:
    """The one call the main window needs: show the stock module for a manager (its own window).

    The services check every permission again; a cashier sees the window but is refused by name.
    """
    screen = StockModuleScreen(till, actor, parent)
    screen.setWindowFlag(Qt.WindowType.Window, True)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.show()
    return screen
