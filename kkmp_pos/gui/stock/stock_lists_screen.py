"""The lists tab: low stock, near expiry and expired, each printable; write-offs from a selected row."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_qty, format_rp, parse_qty
from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.stock.stock_tab import StockTab, fill_table, make_table
from kkmp_pos.gui.widgets import TOUCH_PX
from kkmp_pos.services.stock.figures import show_date
from kkmp_pos.services.stock.writeoffs import REASON_LABELS, REASONS


class WriteOffDialog(QDialog):
    """Quantity, reason and note for taking stock out; the service asks for the approval."""

    def __init__(self, name: str, qty_milli: int, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hapus stok: {name}").format(name=name))
        form = QFormLayout(self)
        self.qty = QLineEdit(format_qty(qty_milli).replace(".", ""))
        self.reason = QComboBox()
        for key in REASONS:
            self.reason.addItem(REASON_LABELS[key][1 if current_lang() == "en" else 0], key)
        self.reason.setCurrentIndex(REASONS.index(reason))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Keterangan (wajib)"))
        form.addRow(self.tr("Jumlah"), self.qty)
        form.addRow(self.tr("Alasan"), self.reason)
        form.addRow(self.tr("Keterangan"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Hapus dari stok [Enter]"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal [Esc]"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class StockListsScreen(StockTab):
    KINDS = ("low", "near", "expired")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: list[Any] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox()
        for key, label in zip(
            self.KINDS,
            (self.tr("Stok menipis"), self.tr("Hampir kedaluwarsa"), self.tr("Sudah kedaluwarsa")),
            strict=True,
        ):
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pdf_button = QPushButton(self.tr("Cetak PDF"))
        self.writeoff_button = QPushButton(self.tr("Hapus stok (rusak/kedaluwarsa/hilang)…"))
        for b in (self.pdf_button, self.writeoff_button):
            b.setMinimumHeight(TOUCH_PX)
        self.pdf_button.clicked.connect(self.print_list)
        self.writeoff_button.clicked.connect(self.write_off_selected)
        top.addWidget(self.kind, 1)
        top.addWidget(self.writeoff_button)
        top.addWidget(self.pdf_button)
        layout.addLayout(top)
        self.table = make_table([])
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        kind = self.kind.currentData()
        stock = self.module.stock
        op = {"low": stock.low_stock, "near": stock.near_expiry, "expired": stock.expired}[kind]
        self.run(op, lambda lines: self._show(kind, lines))

    def _show(self, kind: str, lines: list[Any]) -> None:
        self.lines = lines
        if kind == "low":
            headers = [
                self.tr("Kode"),
                self.tr("Nama"),
                self.tr("Stok"),
                self.tr("Batas pesan"),
                self.tr("Nilai"),
            ]
            rows = [
                [
                    s.code,
                    s.name,
                    format_qty(s.on_hand_milli, s.unit),
                    format_qty(s.reorder_level_milli, s.unit),
                    format_rp(s.value_rp),
                ]
                for s in lines
            ]
        else:
            headers = [
                self.tr("Kode"),
                self.tr("Nama"),
                self.tr("Batch"),
                self.tr("Kedaluwarsa"),
                self.tr("Hari"),
                self.tr("Jumlah"),
                self.tr("Nilai"),
            ]
            rows = [
                [
                    s.code,
                    s.name,
                    s.batch_no,
                    show_date(s.expiry),
                    str(s.days_left),
                    format_qty(s.qty_milli, s.unit),
                    format_rp(s.value_rp),
                ]
                for s in lines
            ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        fill_table(self.table, rows, right=frozenset(range(2, len(headers))))

    def print_list(self) -> None:
        from kkmp_pos.services.stock.documents import StockReportService

        reports = StockReportService(self.till.ctx)
        kind = self.kind.currentData()
        make = {
            "low": reports.low_stock,
            "near": lambda: reports.expiry_list(),
            "expired": lambda: reports.expiry_list(expired=True),
        }[kind]
        self.print_pdf(make)

    def write_off_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.lines):
            return
        line = self.lines[row]
        kind = self.kind.currentData()
        qty = line.qty_milli if kind != "low" else 1000
        dialog = WriteOffDialog(line.name, qty, "expired" if kind == "expired" else "damaged", self)
        self.writeoff_dialog = dialog
        batch_id = None
        if kind != "low":
            batch_id = next(
                (
                    b.batch_id
                    for b in self.module.stock.batches(line.product_id)
                    if b.batch_no == line.batch_no
                ),
                None,
            )

        def accepted() -> None:
            try:
                qty_milli = parse_qty(dialog.qty.text())
            except KkmpError as exc:
                self.window().show_error(error_text(exc))  # type: ignore[attr-defined]
                return
            reason, note = dialog.reason.currentData(), dialog.note.text()
            self.run(
                lambda: self.module.writeoffs.write_off(
                    line.product_id, qty_milli, reason, note, self.actor, batch_id=batch_id
                ),
                lambda r: (
                    self.notice(self.tr("Stok dihapus, nilai {v}.").format(v=format_rp(r.value_rp))),
                    self.refresh(),
                ),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
