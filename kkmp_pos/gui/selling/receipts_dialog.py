"""Today's receipts: find one, preview it, print a copy (SALINAN), return goods, cancel, finish a QRIS.

Sales still awaiting their QRIS payment are listed first, so none is forgotten at the end of the day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_rp
from kkmp_pos.core.timeutil import from_iso, local
from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.selling.receipts_cancel_form import ReceiptCancelForm, action_button
from kkmp_pos.gui.shifts.shift_prompt import ShiftPrompt
from kkmp_pos.gui.widgets import no_default_buttons
from kkmp_pos.gui.window_fit import fit_to_screen

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.printing.jobs import PrintOutcome
    from kkmp_pos.services.selling.receipts import SaleHeader
    from kkmp_pos.services.till import Till


class ReceiptsDialog(QDialog):
    """`printed(PrintOutcome)` after a copy was sent; `changed()` after a return, cancel or QRIS move."""

    printed = Signal(object)
    changed = Signal()

    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Struk hari ini"))
        self.till = till
        self.actor = actor
        self.sales: list[SaleHeader] = []  # in table order
        self.child: QDialog | None = None  # the approval/return/QRIS dialog while open (tests drive it)
        # a cash refund with no shift open: the float first, then the cancel goes on as typed
        self.shift_prompt = ShiftPrompt(self, till, actor, lambda text: self.show_status(text, error=True))

        outer = QVBoxLayout(self)
        search_row = QHBoxLayout()
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("cari nomor struk, atau pindai kode struk"))
        self.search_field.textChanged.connect(self._filter)
        self.search_field.returnPressed.connect(self.find)
        search_row.addWidget(self.search_field, 1)
        self.pending_label = QLabel()
        self.pending_label.setProperty("role", "invite")
        search_row.addWidget(self.pending_label)
        outer.addLayout(search_row)

        body = QHBoxLayout()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nomor"), self.tr("Jam"), self.tr("Total"), self.tr("Status")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_selected)
        body.addWidget(self.table, 3)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(14)
        self.preview.setFont(font)
        self.preview.setMinimumWidth(360)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.addWidget(self.preview, 2)
        outer.addLayout(body, 1)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)
        self.actions = QStackedWidget()
        self.actions.addWidget(self._buttons_page())
        self.cancel_form = ReceiptCancelForm()
        self.cancel_form.confirmed.connect(self.cancel_sale)
        self.cancel_form.back.connect(self.back)
        # The form's widgets under the names the rest of the dialog (and its tests) use.
        self.reason_field = self.cancel_form.reason_field
        self.method_buttons = self.cancel_form.method_buttons
        self.confirm_cancel_button = self.cancel_form.confirm_button
        self.actions.addWidget(self.cancel_form)
        outer.addWidget(self.actions)
        self._show_actions(0)
        self.setMinimumSize(960, 600)
        fit_to_screen(self, 1100, 680)
        no_default_buttons(self)
        from kkmp_pos.gui.keymap import bind

        keys = bind(
            "receipts_dialog",
            {
                "reprint": self.reprint,
                "open_return": self.open_return,
                "ask_cancel": self.ask_cancel,
                "open_qris": self.open_qris,
            },
            self,
        )
        for key, slot in (*keys.items(), ("Up", lambda: self._move(-1)), ("Down", lambda: self._move(1))):
            QShortcut(QKeySequence(key), self, activated=slot)
        self.reload()
        self.search_field.setFocus()

    # -- building -----------------------------------------------------------------------------------
    def _buttons_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        self.reprint_button = action_button(self.tr("Cetak salinan [F11]"), self.reprint)
        self.return_button = action_button(self.tr("Retur [F6]"), self.open_return)
        self.cancel_button = action_button(self.tr("Batalkan struk [Ctrl+B]"), self.ask_cancel)
        self.qris_button = action_button(self.tr("Selesaikan QRIS [F9]"), self.open_qris)
        close = action_button(self.tr("Tutup [Esc]"), self.reject)
        for button in (self.reprint_button, self.return_button, self.cancel_button, self.qris_button, close):
            row.addWidget(button)
        return page

    def _show_actions(self, index: int) -> None:
        # The stack takes only the height of the page shown, so the list keeps the room.
        self.actions.setCurrentIndex(index)
        self.actions.setFixedHeight(self.actions.currentWidget().sizeHint().height())

    # -- the list -----------------------------------------------------------------------------------
    def _status_text(self, status: str) -> str:
        return {
            "completed": self.tr("Selesai"),
            "awaiting_payment": self.tr("Menunggu QRIS"),
            "cancelled": self.tr("Dibatalkan"),
        }.get(status, status)

    def reload(self, select_id: str | None = None) -> None:
        current = select_id or (self.selected().id if self.selected() is not None else None)
        # Awaiting QRIS first: they need the cashier's attention before anything else.
        self.sales = sales = sorted(self.till.receipts.today(), key=lambda s: s.status != "awaiting_payment")
        waiting = sum(1 for s in sales if s.status == "awaiting_payment")
        self.pending_label.setText(self.tr("{n} menunggu QRIS").format(n=waiting) if waiting else "")
        self.pending_label.setVisible(bool(waiting))
        self._fill()
        self._filter(self.search_field.text())
        rows = [i for i, s in enumerate(self.sales) if s.id == current]
        self._select_row(rows[0] if rows else self._first_visible())
        self._show_selected()  # the same row again emits no change, but its status may have moved

    def _fill(self) -> None:
        tz = self.till.shop.timezone
        self.table.setRowCount(len(self.sales))
        for row, sale in enumerate(self.sales):
            when = local(from_iso(sale.created_at), tz).strftime("%H:%M")
            cells = [sale.receipt_no, when, format_rp(sale.total_rp), self._status_text(sale.status)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if sale.status == "awaiting_payment":
                    item.setForeground(QBrush(QColor("#8a5a00")))
                    item.setBackground(QBrush(QColor("#fff8e1")))
                elif sale.status == "cancelled":
                    item.setForeground(QBrush(QColor("#9aa5b1")))
                self.table.setItem(row, col, item)

    def _filter(self, text: str) -> None:
        needle = text.strip().upper()
        for row, sale in enumerate(self.sales):
            hidden = bool(needle) and needle not in sale.receipt_no.upper() and needle != sale.receipt_code
            self.table.setRowHidden(row, hidden)
        selected = self.table.currentRow()
        if selected < 0 or self.table.isRowHidden(selected):
            self._select_row(self._first_visible())

    def _first_visible(self) -> int:
        return next((r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)), -1)

    def _select_row(self, row: int) -> None:
        if row < 0:
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
            self._show_selected()
            return
        self.table.selectRow(row)
        self.table.scrollToItem(self.table.item(row, 0))

    def _move(self, step: int) -> None:
        rows = [r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]
        if not rows:
            return
        at = rows.index(self.table.currentRow()) if self.table.currentRow() in rows else -1
        self._select_row(rows[max(0, min(len(rows) - 1, at + step))])

    def selected(self) -> SaleHeader | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.sales) and self.table.selectionModel().isRowSelected(row):
            return self.sales[row]
        return None

    def find(self) -> None:
        """Enter: a scanned code or a full number, also for a sale from another day."""
        text = self.search_field.text().strip()
        if not text:
            return
        try:
            sale = self.till.receipts.find(text)
        except KkmpError as exc:
            if self.selected() is None:
                self.show_status(error_text(exc), error=True)
            return
        if all(s.id != sale.id for s in self.sales):
            self.sales.insert(0, sale)
            self._fill()
        self.search_field.clear()
        self._filter("")
        self._select_row(next(i for i, s in enumerate(self.sales) if s.id == sale.id))

    def _show_selected(self) -> None:
        from kkmp_pos.core.receipt import render_text, width_for_paper

        sale = self.selected()
        has = sale is not None
        self.reprint_button.setEnabled(has)
        self.return_button.setEnabled(has and sale.status == "completed")
        self.cancel_button.setEnabled(has and sale.status != "cancelled")
        self.qris_button.setEnabled(has and sale.status == "awaiting_payment")
        if not has:
            self.preview.setPlainText("")
            return
        width = width_for_paper(self.till.ctx.settings.printer_paper_mm)
        self.preview.setPlainText(render_text(self.till.receipts.document(sale.id), width))

    def show_status(self, text: str, *, error: bool = False) -> None:
        if not isValid(self):
            return  # closed before the printer answered: nothing left to show it on
        self.status_label.setText(text)
        self.status_label.setProperty("role", "error" if error else "status")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    # -- actions --------------------------------------------------------------------------------------
    def reprint(self) -> None:
        sale = self.selected()
        if sale is None or self.child is not None:
            return
        try:
            job_id = self.till.printing.reprint(sale.id, self.actor)
        except KkmpError as exc:
            self.show_status(error_text(exc), error=True)
            return
        self.show_status(self.tr("Mencetak salinan {number}…").format(number=sale.receipt_no))
        run_op(
            self,
            lambda: self.till.printing.print_job(job_id),
            on_success=self._printed,
            on_failure=lambda exc: self.show_status(error_text(exc), error=True),
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        if not isValid(self):
            return  # closed before the printer answered: nothing left to show it on
        if outcome.ok:
            self.show_status(self.tr("Salinan struk tercetak."))
        else:
            reason = outcome.error.message(current_lang()) if outcome.error else ""
            self.show_status(self.tr("Salinan belum tercetak: {reason}").format(reason=reason), error=True)
        self.printed.emit(outcome)

    def open_return(self) -> None:
        from kkmp_pos.gui.selling.return_dialog import ReturnDialog

        sale = self.selected()
        if sale is None or self.child is not None or sale.status != "completed":
            return
        self._open_child(ReturnDialog(self.till, self.actor, self, sale_id=sale.id))

    def open_qris(self) -> None:
        from kkmp_pos.gui.selling.qris_dialog import QrisDialog

        sale = self.selected()
        if sale is None or self.child is not None or sale.status != "awaiting_payment":
            return
        self._open_child(QrisDialog(self.till, self.actor, sale.id, self))

    def _open_child(self, dialog: QDialog) -> None:
        """Window-modal, no nested event loop; the list refreshes when the child closes."""
        self.child = dialog
        sale = self.selected()

        def closed() -> None:
            self.child = None
            dialog.deleteLater()
            self.reload(select_id=sale.id if sale is not None else None)
            self.changed.emit()
            self.search_field.setFocus()

        dialog.finished.connect(closed)
        dialog.open()

    # -- cancelling -------------------------------------------------------------------------------------
    def ask_cancel(self) -> None:
        sale = self.selected()
        if sale is None or self.child is not None or sale.status == "cancelled":
            return
        self.cancel_form.start(p.method for p in self.till.receipts.data(sale.id).payments)
        self.show_status(
            self.tr("Batalkan {number} ({total})? Stok kembali, uang dikembalikan.").format(
                number=sale.receipt_no, total=format_rp(sale.total_rp)
            )
        )
        self._show_actions(1)
        self.reason_field.clear()
        self.reason_field.setFocus()

    @property
    def refund_method(self) -> str:
        return self.cancel_form.refund_method

    def back(self) -> None:
        self._show_actions(0)
        self.show_status("")
        self.search_field.setFocus()

    def cancel_sale(self) -> None:
        sale = self.selected()
        if sale is None or self.child is not None or self.shift_prompt.busy:
            return
        if not self.reason_field.text().strip():
            self.show_status(self.tr("Isi alasan pembatalan."), error=True)
            self.reason_field.setFocus()
            return
        self.shift_prompt.run([self.refund_method], self._approve_cancel)

    def _approve_cancel(self) -> None:
        from kkmp_pos.services.setup.auth import PERMISSIONS

        sale = self.selected()
        if sale is None:
            return
        if "void_sale" in PERMISSIONS.get(self.actor.role, set()):
            self._cancel_with(self.actor)
            return
        from kkmp_pos.gui.approval_dialog import ApprovalDialog

        dialog = ApprovalDialog(
            self.till,
            "void_sale",
            self.tr("Batalkan struk {number} ({total})").format(
                number=sale.receipt_no, total=format_rp(sale.total_rp)
            ),
            self,
        )
        dialog.approved.connect(self._cancel_with)
        self._open_child(dialog)

    def _cancel_with(self, approver: Actor) -> None:
        sale = self.selected()
        if sale is None:
            return
        # What goes back: every payment, a QRIS one only once it was confirmed (as the service counts).
        refund = sum(
            p.amount_rp
            for p in self.till.receipts.data(sale.id).payments
            if p.method != "qris" or sale.status == "completed"
        )
        try:
            self.till.reversals.cancel(
                sale.id, self.actor, approver, self.reason_field.text(), refund_method=self.refund_method
            )
        except KkmpError as exc:  # no shift open after all (closed elsewhere): offer one, then retry
            if not self.shift_prompt.refused(exc, lambda: self._cancel_with(approver)):
                self.show_status(error_text(exc), error=True)
            return
        self._show_actions(0)
        self.reload(select_id=sale.id)
        self.show_status(
            self.tr("Struk {number} dibatalkan; kembalikan {total} ({method}).").format(
                number=sale.receipt_no,
                total=format_rp(refund),
                method=self.cancel_form.method_name(self.refund_method),
            )
        )
        self.changed.emit()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.actions.currentIndex() == 1:
            self.back()
            return
        super().keyPressEvent(event)
