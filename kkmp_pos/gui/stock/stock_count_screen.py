"""The stock count tab (stok opname): start, count blind by scanning or typing, then the manager
reviews the variance, has lines recounted, and approves; count sheets and the report as PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_qty, format_rp, parse_qty
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.stock.stock_tab import StockTab, fill_table, make_table
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.stock.count_summary import CountSummary


class StockCountScreen(StockTab):
    COUNT_HEADERS = [
        QT_TRANSLATE_NOOP("StockCountScreen", "Kode"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Nama"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Satuan"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Dihitung"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Hitung ulang"),
    ]
    VARIANCE_HEADERS = [
        QT_TRANSLATE_NOOP("StockCountScreen", "Kode"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Nama"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Awal"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Bergerak"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Sistem"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Dihitung"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Selisih"),
        QT_TRANSLATE_NOOP("StockCountScreen", "Selisih (Rp)"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.count: CountSummary | None = self.module.counts.open_count()
        self.report: Any = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status = QLabel()
        self.category = QComboBox()
        self.category.addItem(self.tr("Semua barang"), None)
        for name in self.module.products.categories():
            self.category.addItem(name, name)
        self.start_button = QPushButton(self.tr("Mulai stok opname"))
        self.sheet_button = QPushButton(self.tr("Cetak lembar hitung"))
        for b in (self.start_button, self.sheet_button):
            b.setMinimumHeight(TOUCH_PX)
        self.start_button.clicked.connect(self.start)
        self.sheet_button.clicked.connect(self.print_sheet)
        top.addWidget(self.status, 1)
        top.addWidget(self.category)
        top.addWidget(self.start_button)
        top.addWidget(self.sheet_button)
        layout.addLayout(top)
        entry = QHBoxLayout()
        self.scan_field = QLineEdit()
        self.scan_field.setMinimumHeight(TOUCH_PX)
        self.scan_field.setPlaceholderText(self.tr("Pindai tiap barang (tambah 1)"))
        self.scan_field.returnPressed.connect(self.scan)
        self.code_field = QLineEdit()
        self.code_field.setPlaceholderText(self.tr("Kode / barcode"))
        self.qty_field = QLineEdit()
        self.qty_field.setPlaceholderText(self.tr("Jumlah"))
        self.qty_field.returnPressed.connect(self.enter_typed)
        for w in (self.code_field, self.qty_field):
            w.setMinimumHeight(TOUCH_PX)
        entry.addWidget(self.scan_field, 2)
        entry.addWidget(self.code_field, 1)
        entry.addWidget(self.qty_field, 1)
        layout.addLayout(entry)
        self.entries = make_table([self.tr(h) for h in self.COUNT_HEADERS])
        layout.addWidget(self.entries, 1)
        review = QHBoxLayout()
        self.review_button = QPushButton(self.tr("Tinjau selisih (manajer)"))
        self.recount_button = QPushButton(self.tr("Hitung ulang baris"))
        self.approve_button = QPushButton(self.tr("Setujui dan sesuaikan stok"))
        self.report_button = QPushButton(self.tr("Cetak laporan selisih"))
        self.cancel_button = QPushButton(self.tr("Batalkan stok opname"))
        for b, slot in [
            (self.review_button, self.review),
            (self.recount_button, self.recount_selected),
            (self.approve_button, self.approve),
            (self.report_button, self.print_report),
            (self.cancel_button, self.cancel),
        ]:
            b.setMinimumHeight(TOUCH_PX)
            b.clicked.connect(slot)
            review.addWidget(b)
        layout.addLayout(review)
        self.variance = make_table([self.tr(h) for h in self.VARIANCE_HEADERS])
        self.variance.hide()
        layout.addWidget(self.variance, 1)
        self.total = QLabel()
        layout.addWidget(self.total)
        self.entry_rows: list[Any] = []
        self._refresh()

    # -- state ------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        open_ = self.count is not None and self.count.status == "open"
        if self.count is None:
            self.status.setText(self.tr("Tidak ada stok opname berjalan."))
        else:
            status = {
                "open": self.tr("berjalan"),
                "approved": self.tr("disetujui"),
                "cancelled": self.tr("dibatalkan"),
            }.get(self.count.status, self.count.status)
            self.status.setText(
                self.tr("Stok opname {number}: {status}").format(number=self.count.number, status=status)
            )
        for w in (
            self.scan_field,
            self.code_field,
            self.qty_field,
            self.recount_button,
            self.approve_button,
            self.cancel_button,
        ):
            w.setEnabled(open_)
        self.start_button.setEnabled(not open_)
        self.sheet_button.setEnabled(self.count is not None)
        self.review_button.setEnabled(self.count is not None)
        self.report_button.setEnabled(self.count is not None)
        if self.count is not None:
            count_id = self.count.id
            self.run(lambda: self.module.counts.entries(count_id), self._show_entries)

    def _show_entries(self, entries: list[Any]) -> None:
        self.entry_rows = entries
        fill_table(
            self.entries,
            [
                [
                    e.code,
                    e.name,
                    e.unit,
                    "" if e.counted_milli is None else format_qty(e.counted_milli),
                    str(e.recounts) if e.recounts else "",
                ]
                for e in entries
            ],
            right=frozenset({3}),
        )

    def start(self) -> None:
        category = self.category.currentData()

        def done(count: CountSummary) -> None:
            self.count = count
            self.variance.hide()
            self._refresh()

        self.run(lambda: self.module.counts.start(self.actor, category=category), done)

    # -- counting ---------------------------------------------------------------------------------
    def scan(self) -> None:
        code = self.scan_field.text().strip()
        if not code or self.count is None:
            return
        self.scan_field.clear()
        count_id = self.count.id
        self.run(lambda: self.module.counts.scan(count_id, code, self.actor), lambda _e: self._refresh())

    def enter_typed(self) -> None:
        if self.count is None:
            return
        code, text = self.code_field.text().strip(), self.qty_field.text().strip()
        try:
            product_id = self.module.counts.product_by_code(code)
            qty = parse_qty(text)
        except KkmpError as exc:
            self.window().show_error(error_text(exc))  # type: ignore[attr-defined]
            return
        count_id = self.count.id
        self.code_field.clear()
        self.qty_field.clear()
        self.code_field.setFocus()
        self.run(
            lambda: self.module.counts.enter(count_id, product_id, qty, self.actor),
            lambda _e: self._refresh(),
        )

    # -- review -----------------------------------------------------------------------------------
    def review(self) -> None:
        if self.count is not None:
            count_id = self.count.id
            self.run(lambda: self.module.counts.variances(count_id, self.actor), self._show_variance)

    def _show_variance(self, report: Any) -> None:
        self.report = report
        rows = []
        for line in report.lines:
            v = line.variance
            if v is None:
                rows.append(
                    [line.code, line.name, format_qty(line.expected_milli), "", "", self.tr("belum"), "", ""]
                )
            else:
                rows.append(
                    [
                        line.code,
                        line.name,
                        format_qty(v.expected_milli),
                        format_qty(v.moved_milli),
                        format_qty(v.system_milli),
                        format_qty(v.counted_milli),
                        format_qty(v.diff_milli),
                        format_rp(v.diff_rp),
                    ]
                )
        fill_table(self.variance, rows, right=frozenset({2, 3, 4, 5, 6, 7}))
        self.variance.show()
        self.total.setText(
            self.tr("{n} barang berselisih, total {total}; {u} belum dihitung").format(
                n=len(report.differing), total=format_rp(report.total_diff_rp), u=len(report.uncounted)
            )
        )

    def recount_selected(self) -> None:
        if self.count is None:
            return
        product_id = None
        if (
            self.variance.isVisible()
            and self.report is not None
            and 0 <= self.variance.currentRow() < len(self.report.lines)
        ):
            product_id = self.report.lines[self.variance.currentRow()].product_id
        elif 0 <= self.entries.currentRow() < len(self.entry_rows):
            product_id = self.entry_rows[self.entries.currentRow()].product_id
        if product_id is None:
            return
        count_id = self.count.id

        def done(_entry: Any) -> None:
            self._refresh()
            if self.variance.isVisible():
                self.review()

        self.run(lambda: self.module.counts.recount(count_id, product_id, self.actor), done)

    def approve(self, approver: Any = None) -> None:
        """A manager approves; anyone else is asked for a manager's PIN first."""
        if self.count is None:
            return
        from kkmp_pos.services.setup.auth import PERMISSIONS

        approver = approver or (
            self.actor if "approve_count" in PERMISSIONS.get(self.actor.role, set()) else None
        )
        if approver is None:
            from kkmp_pos.gui.approval_dialog import ApprovalDialog

            dialog = ApprovalDialog(self.till, "approve_count", self.tr("Setujui stok opname"), self)
            dialog.approved.connect(self.approve)
            dialog.open()
            return
        count_id = self.count.id

        def done(report: Any) -> None:
            self.count = self.module.counts.get(count_id)
            self._show_variance(report)
            self._refresh()
            self.notice(self.tr("Stok opname disetujui; stok disesuaikan."))

        self.run(lambda: self.module.counts.approve(count_id, approver), done)

    def cancel(self) -> None:
        if self.count is not None:
            count_id = self.count.id

            def done(_r: Any) -> None:
                self.count = None
                self.variance.hide()
                self._refresh()

            self.run(lambda: self.module.counts.cancel(count_id, self.actor), done)

    # -- PDFs -------------------------------------------------------------------------------------
    def print_sheet(self) -> None:
        if self.count is not None:
            from kkmp_pos.services.stock.documents import StockReportService

            count_id = self.count.id
            self.print_pdf(lambda: StockReportService(self.till.ctx).count_sheet(count_id))

    def print_report(self) -> None:
        if self.count is not None:
            from kkmp_pos.services.stock.documents import StockReportService

            count_id = self.count.id
            self.print_pdf(lambda: StockReportService(self.till.ctx).variance_report(count_id, self.actor))
