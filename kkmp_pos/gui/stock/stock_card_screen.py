"""The stock card tab (kartu stok): a product's movements newest first with running balances."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_qty
from kkmp_pos.core.timeutil import from_iso, local
from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.stock.stock_tab import StockTab, fill_table, make_table
from kkmp_pos.gui.widgets import TOUCH_PX
from kkmp_pos.services.stock.figures import kind_label, show_date


class StockCardScreen(StockTab):
    HEADERS = [
        QT_TRANSLATE_NOOP("StockCardScreen", "Waktu"),
        QT_TRANSLATE_NOOP("StockCardScreen", "Jenis"),
        QT_TRANSLATE_NOOP("StockCardScreen", "Dokumen"),
        QT_TRANSLATE_NOOP("StockCardScreen", "Batch"),
        QT_TRANSLATE_NOOP("StockCardScreen", "Masuk"),
        QT_TRANSLATE_NOOP("StockCardScreen", "Keluar"),
        QT_TRANSLATE_NOOP("StockCardScreen", "Saldo"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.product_id: int | None = None
        self.cursor: Any = None
        self.rows: list[list[str]] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.code_field = QLineEdit()
        self.code_field.setMinimumHeight(TOUCH_PX)
        self.code_field.setPlaceholderText(self.tr("Pindai atau ketik kode barang, lalu Enter"))
        self.code_field.returnPressed.connect(lambda: self.show_product_code(self.code_field.text()))
        self.more_button = QPushButton(self.tr("Lebih lama"))
        self.pdf_button = QPushButton(self.tr("Cetak PDF"))
        for b in (self.more_button, self.pdf_button):
            b.setMinimumHeight(TOUCH_PX)
        self.more_button.clicked.connect(self.load_more)
        self.pdf_button.clicked.connect(self.print_card)
        top.addWidget(self.code_field, 1)
        top.addWidget(self.more_button)
        top.addWidget(self.pdf_button)
        layout.addLayout(top)
        self.title = QLabel()
        self.batches = QLabel()
        self.batches.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.batches)
        self.table = make_table([self.tr(h) for h in self.HEADERS])
        layout.addWidget(self.table, 1)

    def show_product_code(self, code: str) -> None:
        try:
            item = self.till.catalog.lookup_barcode(code.strip())
        except KkmpError as exc:
            self.window().show_error(error_text(exc))  # type: ignore[attr-defined]
            return
        self.show_product(item.product_id)

    def show_product(self, product_id: int) -> None:
        self.product_id, self.cursor, self.rows = product_id, None, []
        product = self.module.products.get(product_id)
        self.title.setText(f"{product.code} — {product.name} ({product.base_unit})")
        batches = self.module.stock.batches(product_id)
        self.batches.setText(
            "  ".join(
                f"{b.batch_no}: {format_qty(b.on_hand_milli)} (ED {show_date(b.expiry)})" for b in batches
            )
        )
        self.load_more()

    def load_more(self) -> None:
        if self.product_id is None:
            return
        pid, cursor = self.product_id, self.cursor
        if self.rows and cursor is None:
            return  # the whole history is shown
        self.run(lambda: self.module.stock.stock_card(pid, limit=200, cursor=cursor), self._append)

    def _append(self, page: Any) -> None:
        tz = self.till.shop.timezone
        lang = current_lang()
        for r in page.rows:
            self.rows.append(
                [
                    local(from_iso(r.created_at), tz).strftime("%d-%m-%Y %H:%M"),
                    kind_label(r.kind, lang),
                    page.refs.get(r.doc_id, r.doc_id[:13]),
                    page.batches.get(r.batch_id, "") if r.batch_id else "",
                    format_qty(r.qty_milli) if r.qty_milli > 0 else "",
                    format_qty(-r.qty_milli) if r.qty_milli < 0 else "",
                    format_qty(r.balance_milli),
                ]
            )
        self.cursor = page.next_cursor
        self.more_button.setEnabled(page.next_cursor is not None)
        fill_table(self.table, self.rows, right=frozenset({4, 5, 6}))

    def print_card(self) -> None:
        if self.product_id is not None:
            from kkmp_pos.services.stock.documents import StockReportService

            pid = self.product_id
            self.print_pdf(lambda: StockReportService(self.till.ctx).stock_card(pid))
