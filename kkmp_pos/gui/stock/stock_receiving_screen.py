"""The receiving tab: supplier and invoice, lines by scan (barcode or GS1 DataMatrix) or search,
quantity, cost, batch and expiry; post, or correct a posted receipt with a reversal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from kkmp_pos.core.errors import KkmpError, NotFoundError
from kkmp_pos.core.money import format_qty, format_rp, parse_qty, parse_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.stock.stock_tab import StockTab, make_table
from kkmp_pos.gui.widgets import TOUCH_PX
from kkmp_pos.services.stock.receiving import PostedReceipt, ReceiptDraft, check_date

QTY, COST, BATCH, EXPIRY = 2, 3, 4, 5  # editable columns


class StockReceivingScreen(StockTab):
    HEADERS = [
        QT_TRANSLATE_NOOP("StockReceivingScreen", "Barang"),
        QT_TRANSLATE_NOOP("StockReceivingScreen", "Satuan"),
        QT_TRANSLATE_NOOP("StockReceivingScreen", "Jumlah"),
        QT_TRANSLATE_NOOP("StockReceivingScreen", "Harga pokok/satuan"),
        QT_TRANSLATE_NOOP("StockReceivingScreen", "Batch"),
        QT_TRANSLATE_NOOP("StockReceivingScreen", "Kedaluwarsa"),
        QT_TRANSLATE_NOOP("StockReceivingScreen", "Total"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.draft = ReceiptDraft(invoice_date=self.till.ctx.business_date())
        self.posted: PostedReceipt | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.supplier = QComboBox()
        self.supplier.addItem(self.tr("(tanpa pemasok)"), None)
        for s in self.module.suppliers.all():
            self.supplier.addItem(s.name, s.id)
        self.invoice_no = QLineEdit()
        self.invoice_date = QLineEdit(self.draft.invoice_date or "")
        self.invoice_date.setPlaceholderText(self.tr("TTTT-BB-HH"))
        form.addRow(self.tr("Pemasok"), self.supplier)
        form.addRow(self.tr("Nomor faktur"), self.invoice_no)
        form.addRow(self.tr("Tanggal faktur"), self.invoice_date)
        layout.addLayout(form)
        self.scan_field = QLineEdit()
        self.scan_field.setMinimumHeight(TOUCH_PX)
        self.scan_field.setPlaceholderText(self.tr("Pindai barcode / DataMatrix, atau ketik nama lalu Enter"))
        self.scan_field.returnPressed.connect(self.scan)
        layout.addWidget(self.scan_field)
        self.table = make_table([self.tr(h) for h in self.HEADERS])
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.total = QLabel()
        self.remove_button = QPushButton(self.tr("Hapus baris"))
        self.post_button = QPushButton(self.tr("Simpan penerimaan"))
        self.reverse_button = QPushButton(self.tr("Batalkan penerimaan…"))
        for b in (self.remove_button, self.post_button, self.reverse_button):
            b.setMinimumHeight(TOUCH_PX)
        self.remove_button.clicked.connect(self.remove_line)
        self.post_button.clicked.connect(self.post)
        self.reverse_button.clicked.connect(self.ask_reverse)
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.reverse_button)
        bottom.addWidget(self.post_button)
        layout.addLayout(bottom)
        self._redraw()

    # -- lines ------------------------------------------------------------------------------------
    def scan(self) -> None:
        text = self.scan_field.text().strip()
        if not text:
            return
        try:
            try:
                line = self.module.receiving.line_for_scan(text)
            except NotFoundError:
                items = self.till.catalog.search(text, limit=20)
                if not items:
                    raise
                item = items[0]
                if len(items) > 1:
                    names = [i.name for i in items]
                    name, ok = QInputDialog.getItem(
                        self, self.tr("Pilih barang"), self.tr("Barang"), names, 0, False
                    )
                    if not ok:
                        return
                    item = items[names.index(name)]
                line = self.module.receiving.line_for_item(item)
        except KkmpError as exc:
            self.window().show_error(error_text(exc))  # type: ignore[attr-defined]
            return
        self.draft.add(line)
        self.scan_field.clear()
        self._redraw()

    def _redraw(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.draft.lines))
        for r, line in enumerate(self.draft.lines):
            cells = [
                line.name,
                line.unit_label,
                format_qty(line.qty_milli),
                str(line.unit_cost_rp),
                line.batch_no,
                line.expiry or "",
                format_rp(line.total_rp),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                editable = c in (QTY, COST) or (c in (BATCH, EXPIRY) and line.track_batches)
                if not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self.total.setText(self.tr("Total: {total}").format(total=format_rp(self.draft.total_rp)))

    def _edited(self, item: QTableWidgetItem) -> None:
        line = self.draft.lines[item.row()]
        text = item.text().strip()
        try:
            if item.column() == QTY:
                line.qty_milli = parse_qty(text)
            elif item.column() == COST:
                line.unit_cost_rp = parse_rp(text)
            elif item.column() == BATCH:
                line.batch_no = text
            elif item.column() == EXPIRY:
                line.expiry = check_date(text)
        except KkmpError as exc:
            self.window().show_error(error_text(exc))  # type: ignore[attr-defined]
        self._redraw()

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Type into a cell as the user would (tests and keyboard flows use it)."""
        self.table.item(row, column).setText(text)

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.draft.lines):
            del self.draft.lines[row]
            self._redraw()

    # -- posting ----------------------------------------------------------------------------------
    def post(self) -> None:
        self.draft.supplier_id = self.supplier.currentData()
        self.draft.invoice_no = self.invoice_no.text()
        self.draft.invoice_date = self.invoice_date.text().strip() or None
        draft = self.draft

        def done(receipt: Any) -> None:
            self.posted = receipt
            self.notice(
                self.tr("Penerimaan {number} disimpan ({total}).").format(
                    number=receipt.number, total=format_rp(receipt.total_rp)
                )
            )
            self.draft = ReceiptDraft(invoice_date=self.till.ctx.business_date())
            self.invoice_no.clear()
            self._redraw()

        self.run(lambda: self.module.receiving.post(draft, self.actor), done)

    def ask_reverse(self) -> None:
        number, ok = QInputDialog.getText(
            self, self.tr("Batalkan penerimaan"), self.tr("Nomor penerimaan (GR-…)")
        )
        if ok and number.strip():
            self.reverse(number.strip())

    def reverse(self, number: str) -> None:
        def op() -> Any:
            receipt = self.module.receiving.get(number)
            return self.module.receiving.reverse(
                receipt.id, self.actor, note="dibatalkan dari layar penerimaan"
            )

        self.run(op, lambda r: self.notice(self.tr("Dibatalkan dengan {number}.").format(number=r.number)))
