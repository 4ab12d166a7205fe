"""Returns: find the sale (scan the receipt code or type its number), choose what comes back, refund.

A manager approves (a manager at the till approves themselves); the service refuses more than is left
and says so; the return slip prints in the background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.selling.return_lines import ReturnLinesTable
from kkmp_pos.gui.shifts.shift_prompt import ShiftPrompt
from kkmp_pos.gui.widgets import TOUCH_PX, Keypad, no_default_buttons
from kkmp_pos.gui.window_fit import fit_to_screen

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.printing.jobs import PrintOutcome
    from kkmp_pos.services.selling.receipts import SaleHeader
    from kkmp_pos.services.selling.reversals import ReturnableLine
    from kkmp_pos.services.till import Till


class ReturnDialog(QDialog):
    """Emits `returned(return_id)` once the return is saved; `printed(PrintOutcome)` after the slip."""

    returned = Signal(str)
    printed = Signal(object)

    def __init__(
        self, till: Till, actor: Actor, parent: QWidget | None = None, sale_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retur barang"))
        self.till = till
        self.actor = actor
        self.sale: SaleHeader | None = None
        self.lines: list[ReturnableLine] = []
        self.qty_fields: list[QLineEdit] = []
        self.refund_method = "cash"
        self.return_id: str | None = None
        self.slip_outcome: PrintOutcome | None = None
        self.child: QDialog | None = None  # the approval dialog while it is open (tests drive it)
        # a cash refund with no shift open: the float first, then the return goes on as typed
        self.shift_prompt = ShiftPrompt(self, till, actor, lambda text: self.error_label.setText(text))

        outer = QVBoxLayout(self)
        find_row = QHBoxLayout()
        find_row.addWidget(QLabel(self.tr("Struk")))
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(self.tr("pindai kode struk atau ketik nomor struk"))
        self.find_field.returnPressed.connect(self.find_sale)
        find_row.addWidget(self.find_field, 1)
        find = QPushButton(self.tr("Cari [Enter]"))
        find.setMinimumHeight(TOUCH_PX)
        find.clicked.connect(self.find_sale)
        find_row.addWidget(find)
        outer.addLayout(find_row)
        self.sale_label = QLabel(self.tr("Belum ada struk dipilih."))
        self.sale_label.setProperty("role", "big")
        self.sale_label.setWordWrap(True)
        outer.addWidget(self.sale_label)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._lines_page())
        self.pages.addWidget(self._done_page())
        outer.addWidget(self.pages, 1)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        outer.addWidget(self.error_label)
        self.setMinimumSize(960, 600)
        fit_to_screen(self, 1040, 660)
        no_default_buttons(self)
        from kkmp_pos.gui.keymap import bind

        for key, slot in bind(
            "return_dialog", {"return_all": self.return_all, "submit": self.submit}, self
        ).items():
            QShortcut(QKeySequence(key), self, activated=slot)
        if sale_id is not None:
            self.load_sale(sale_id)
        else:
            self.find_field.setFocus()

    def _method_names(self) -> dict[str, str]:
        return {"cash": self.tr("Tunai"), "qris": self.tr("QRIS"), "transfer": self.tr("Transfer")}

    # -- building ---------------------------------------------------------------------------------
    def _lines_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.table = ReturnLinesTable()
        self.table.changed.connect(self._update_refund)
        self.table.field_done.connect(self._next_field)
        self.table.field_focused.connect(self._keypad_follows)
        left.addWidget(self.table, 1)
        all_button = QPushButton(self.tr("Semua barang [F4]"))
        all_button.setMinimumHeight(TOUCH_PX)
        all_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        all_button.clicked.connect(self.return_all)
        left.addWidget(all_button)
        left.addWidget(QLabel(self.tr("Uang dikembalikan dengan")))
        methods = QHBoxLayout()
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QPushButton] = {}
        for method in ("cash", "qris", "transfer"):
            button = QPushButton(self._method_names()[method])
            button.setCheckable(True)
            button.setProperty("role", "user")
            button.setStyleSheet("padding: 6px 4px; font-size: 16px; text-align: center;")
            button.setMinimumHeight(TOUCH_PX)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=method: self.set_refund_method(m))
            self.method_group.addButton(button)
            methods.addWidget(button)
            self.method_buttons[method] = button
        left.addLayout(methods)
        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(self.tr("Alasan")))
        self.reason_field = QLineEdit()
        self.reason_field.setPlaceholderText(self.tr("mis. kemasan rusak"))
        self.reason_field.returnPressed.connect(self.submit)
        reason_row.addWidget(self.reason_field, 1)
        left.addLayout(reason_row)
        row.addLayout(left, 3)

        right = QVBoxLayout()
        self.keypad_target = QLineEdit()  # stands in until a quantity field has the focus
        self.keypad = Keypad(self.keypad_target, extra_key=",", ok_text=self.tr("Lanjut [Enter]"))
        self.keypad.submitted.connect(self._next_field)
        right.addWidget(self.keypad)
        self.refund_label = QLabel("")
        self.refund_label.setProperty("role", "big")
        self.refund_label.setWordWrap(True)
        right.addWidget(self.refund_label)
        right.addStretch(1)
        self.submit_button = QPushButton(self.tr("Retur [F12]"))
        self.submit_button.setProperty("role", "primary")
        self.submit_button.setMinimumHeight(56)
        self.submit_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Batal [Esc]"))
        cancel.setMinimumHeight(TOUCH_PX)
        cancel.clicked.connect(self.reject)
        right.addWidget(self.submit_button)
        right.addWidget(cancel)
        row.addLayout(right, 2)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(24, 12, 24, 12)
        self.done_title = QLabel()
        self.done_title.setProperty("role", "title")
        self.done_refund = QLabel()
        self.done_refund.setProperty("role", "total")
        self.done_lines = QLabel()
        self.done_lines.setWordWrap(True)
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        box.addWidget(self.done_title)
        box.addWidget(self.done_refund)
        box.addWidget(self.done_lines)
        box.addWidget(self.print_status)
        self.retry_button = QPushButton(self.tr("Cetak ulang nota retur"))
        self.retry_button.setMinimumHeight(TOUCH_PX)
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self.retry_print)
        box.addWidget(self.retry_button)
        box.addStretch(1)
        self.done_button = QPushButton(self.tr("Selesai [Enter]"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setMinimumHeight(56)
        self.done_button.clicked.connect(self.accept)
        box.addWidget(self.done_button)
        return page

    # -- the sale -----------------------------------------------------------------------------------
    def find_sale(self) -> None:
        try:
            sale = self.till.receipts.find(self.find_field.text())
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.find_field.selectAll()
            self.find_field.setFocus()
            return
        self.load_sale(sale.id)

    def load_sale(self, sale_id: str) -> None:
        self.error_label.clear()
        self.pages.setCurrentIndex(0)
        data = self.till.receipts.data(sale_id)
        self.sale = self.till.receipts.find(data.receipt_no)
        self.find_field.setText(data.receipt_no)
        self.sale_label.setText(
            self.tr("{number} · {when} · total {total}").format(
                number=data.receipt_no,
                when=data.created_at_local.strftime("%d-%m-%Y %H:%M"),
                total=format_rp(data.total_rp),
            )
        )
        # Refund by the original method or cash: offer the sale's non-cash methods next to cash.
        original = {p.method for p in data.payments}
        for method, button in self.method_buttons.items():
            button.setVisible(method == "cash" or method in original)
        self.set_refund_method("cash")
        self.lines = self.till.reversals.returnable(sale_id)
        self.qty_fields = self.table.show_lines(self.lines)
        self._update_refund()
        if self.sale.status != "completed":
            self.error_label.setText(
                self.tr("Struk ini tidak bisa diretur (status: {status}).").format(status=self.sale.status)
            )
        open_fields = self.table.open_fields()
        if open_fields:
            open_fields[0].setFocus()
        elif self.lines:
            self.error_label.setText(self.tr("Semua barang di struk ini sudah diretur."))

    def _keypad_follows(self, field: QLineEdit) -> None:
        self.keypad.target = field  # the keypad types into whichever quantity field has the focus

    def _next_field(self) -> None:
        fields = self.table.open_fields()
        current = self.keypad.target
        if current in fields and fields.index(current) + 1 < len(fields):
            fields[fields.index(current) + 1].setFocus()
        else:
            self.reason_field.setFocus()

    def return_all(self) -> None:
        self.table.fill_all()
        self.reason_field.setFocus()

    def set_refund_method(self, method: str) -> None:
        self.refund_method = method
        self.method_buttons[method].setChecked(True)
        self._update_refund()

    def quantities(self) -> dict[int, int]:
        """{sale_line_id: qty_milli} typed so far; raises the parse error of a bad entry."""
        return self.table.quantities()

    def _update_refund(self) -> None:
        self.error_label.clear()
        try:
            quantities = self.quantities()
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            return
        over = self.table.over_limit(quantities)
        if over:
            self.error_label.setText(
                self.tr("{name}: paling banyak {qty}.").format(
                    name=over[0].name, qty=format_qty(over[0].returnable_milli, over[0].unit_label)
                )
            )
        total = self.table.refund_rp(quantities)
        total += self.till.reversals.refund_rounding(self.refund_method, total)  # cash: rounded
        self.refund_label.setText(
            self.tr("Uang kembali ± {amount}").format(amount=format_rp(total)) if total else ""
        )

    # -- approving and saving -------------------------------------------------------------------------
    def submit(self) -> None:
        busy = self.child is not None or self.shift_prompt.busy
        if self.sale is None or self.pages.currentIndex() != 0 or busy:
            return
        try:
            quantities = self.quantities()
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            return
        if not any(quantities.values()):
            self.error_label.setText(self.tr("Isi jumlah barang yang dikembalikan."))
            return
        self.shift_prompt.run([self.refund_method], self._approve_then_save)

    def _approve_then_save(self) -> None:
        from kkmp_pos.services.setup.auth import PERMISSIONS

        assert self.sale is not None
        quantities = self.quantities()
        if "return" in PERMISSIONS.get(self.actor.role, set()):
            self.save(self.actor)  # a manager at the till approves their own return
            return
        from kkmp_pos.gui.approval_dialog import ApprovalDialog

        count = sum(1 for q in quantities.values() if q)
        dialog = ApprovalDialog(
            self.till,
            "return",
            self.tr("Retur {count} barang dari struk {number}").format(
                count=count, number=self.sale.receipt_no
            ),
            self,
        )
        dialog.approved.connect(self.save)
        self.child = dialog

        def closed() -> None:
            self.child = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    def save(self, approver: Actor) -> None:
        assert self.sale is not None
        try:
            self.return_id = self.till.reversals.create_return(
                self.sale.id,
                self.quantities(),
                self.actor,
                approver,
                refund_method=self.refund_method,
                reason=self.reason_field.text(),
            )
        except KkmpError as exc:  # no shift open after all (closed elsewhere): offer one, then retry
            if not self.shift_prompt.refused(exc, lambda: self.save(approver)):
                self.error_label.setText(error_text(exc))
            return
        self.returned.emit(self.return_id)
        self._show_done()
        self._print_slip()

    def _show_done(self) -> None:
        from kkmp_pos.services.selling.return_slip import return_slip, return_summary

        assert self.return_id is not None
        self.error_label.clear()
        self.summary = return_summary(self.till.ctx, self.return_id)
        self.slip = return_slip(self.till.ctx, self.return_id)
        self.done_title.setText(self.tr("Retur tersimpan: {number}").format(number=self.summary.return_no))
        self.done_refund.setText(
            self.tr("Uang kembali {amount} ({method})").format(
                amount=format_rp(self.summary.refund_rp),
                method=self._method_names().get(self.summary.refund_method, self.summary.refund_method),
            )
        )
        self.done_lines.setText(
            "\n".join(
                f"{format_qty(line.qty_milli, line.unit_label)}  {line.name}  →  {format_rp(line.refund_rp)}"
                for line in self.summary.lines
            )
        )
        self.pages.setCurrentIndex(1)
        self.done_button.setFocus()

    def _print_slip(self) -> None:
        assert self.return_id is not None
        job_id = self.till.printing.queue_document("return", self.return_id, self.slip)
        self.slip_job_id = job_id
        self._send(job_id)

    def _send(self, job_id: int, *, retry: bool = False) -> None:
        printing = self.till.printing
        self.retry_button.setVisible(False)
        self.print_status.setText(self.tr("Mencetak nota retur…"))
        run_op(
            self,
            (lambda: printing.retry(job_id)) if retry else (lambda: printing.print_job(job_id)),
            on_success=self._printed,
            on_failure=lambda exc: self._print_failed(error_text(exc)),
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        if not isValid(self):
            return  # closed before the printer answered: nothing left to show it on
        self.slip_outcome = outcome
        if outcome.ok:
            self.print_status.setText(self.tr("Nota retur tercetak."))
        else:
            self._print_failed(outcome.error.message(current_lang()) if outcome.error else "")
        self.printed.emit(outcome)

    def _print_failed(self, reason: str) -> None:
        if not isValid(self):
            return  # closed before the printer answered: nothing left to show it on
        self.print_status.setText(
            self.tr("Nota retur belum tercetak: {reason} Retur tetap tersimpan.").format(reason=reason)
        )
        self.retry_button.setVisible(True)

    def retry_print(self) -> None:
        self._send(self.slip_job_id, retry=True)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.pages.currentIndex() == 1 and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Escape,
        ):
            self.accept()
            return
        super().keyPressEvent(event)
