"""QRIS at the counter: the dynamic code shown large; the cashier confirms (reference), abandons or waits.

With an acquirer set up (services/selling/qris_online.py) the acquirer makes the code and the dialog
asks it, with back-off, what became of it: "Menunggu pembayaran…", then "Lunas" with the RRN, and the
dialog closes by itself. Every call to the acquirer goes through `run_op`, off the GUI thread. Without
an acquirer, or when it does not answer, the cashier confirms by hand with the RRN, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.money import format_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.selling.qris_widget import QrCodeView, QrisWidget, qr_image, qr_matrix
from kkmp_pos.gui.widgets import no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.selling.qris_online import QrisCode
    from kkmp_pos.services.till import Till

__all__ = ["QrCodeView", "QrisDialog", "QrisWidget", "qr_image", "qr_matrix"]

PAID_CLOSE_MS = 1500  # "Lunas" stays this long before the dialog closes itself


class QrisDialog(QDialog):
    """Emits `finished_payment('completed' | 'cancelled' | 'pending')` once, then closes.

    "Nanti" (and Esc) leaves the sale awaiting payment; it stays in the receipts list to finish later.
    `code_shown(payload, amount, merchant)` says which code the customer should scan (customer display).
    """

    finished_payment = Signal(str)
    code_shown = Signal(str, int, str)
    poll_scale = 1.0  # tests shorten the waits between checks

    def __init__(self, till: Till, actor: Actor, sale_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pembayaran QRIS"))
        self.till = till
        self.actor = actor
        self.sale_id = sale_id
        self.outcome = ""
        self.automatic = False
        self.rrn = ""
        self._attempt = 0
        data = till.receipts.data(sale_id)
        self.amount_rp = sum(p.amount_rp for p in data.payments if p.method == "qris")
        layout = QHBoxLayout(self)
        layout.setSpacing(20)

        self.qris = QrisWidget()
        self.qris.setMinimumWidth(440)
        layout.addWidget(self.qris, 3)

        side = QVBoxLayout()
        number = QLabel(self.tr("Struk {number}").format(number=data.receipt_no))
        number.setProperty("role", "muted")
        side.addWidget(number)
        due = QLabel(self.tr("QRIS {amount}").format(amount=format_rp(self.amount_rp)))
        due.setProperty("role", "big")
        side.addWidget(due)
        self.status_label = QLabel()
        self.status_label.setProperty("role", "big")
        self.status_label.setWordWrap(True)
        side.addWidget(self.status_label)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        side.addWidget(self.error_label)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._reference_page())
        self.pages.addWidget(self._abandon_page())
        side.addWidget(self.pages, 1)
        layout.addLayout(side, 2)
        self.setMinimumSize(900, 600)
        no_default_buttons(self)
        self.poll_timer = QTimer(self)
        self.poll_timer.setSingleShot(True)
        self.poll_timer.timeout.connect(self._check)

        if till.qris_online.acquirer() is None:
            self._show_static()
        else:
            self.status_label.setText(self.tr("Menyiapkan kode QRIS…"))
            run_op(
                self,
                lambda: till.qris_online.code(sale_id),
                on_success=self._show_code,
                on_failure=self._code_failed,
            )
        self.paid_button.setFocus()

    # -- the code ---------------------------------------------------------------------------------
    def _show_static(self) -> None:
        try:
            payload = self.till.qris.payload(self.sale_id)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            return
        from kkmp_pos.core.qris import parse_qris

        self._set_code(payload, parse_qris(payload).merchant_name)

    def _set_code(self, payload: str, merchant_name: str) -> None:
        self.qris.set_payment(payload, self.amount_rp, merchant_name)
        self.code_shown.emit(payload, self.amount_rp, merchant_name)

    def _show_code(self, code: QrisCode) -> None:
        if self.outcome:
            return
        self._set_code(code.payload, code.merchant_name)
        self.automatic = code.automatic
        if code.automatic:
            self.status_label.setText(self.tr("Menunggu pembayaran…"))
            self.hint.setText(
                self.tr("Pembayaran terkonfirmasi otomatis. Konfirmasi manual tetap bisa dengan RRN.")
            )
            self._schedule()
        else:
            self.status_label.setText(
                self.tr("Acquirer tidak menjawab: cek uang masuk di aplikasi merchant, lalu konfirmasi.")
            )

    def _code_failed(self, exc: BaseException) -> None:
        self.status_label.clear()
        self.error_label.setText(error_text(exc))

    # -- asking the acquirer ----------------------------------------------------------------------
    def _schedule(self) -> None:
        from kkmp_pos.services.selling.qris_online import poll_delay

        self.poll_timer.start(int(poll_delay(self._attempt) * 1000 * self.poll_scale))
        self._attempt += 1

    def _check(self) -> None:
        if self.outcome:
            return
        run_op(
            self,
            lambda: self.till.qris_online.check(self.sale_id, self.actor),
            on_success=self._checked,
            on_failure=self._check_failed,
        )

    def _checked(self, state: Any) -> None:
        if self.outcome:
            return
        status = getattr(state.status, "value", str(state.status))
        if status == "paid":
            self.rrn = state.rrn
            self.status_label.setText(self.tr("Lunas · RRN {rrn}").format(rrn=state.rrn))
            self.status_label.setProperty("role", "saving")  # the green of good news
            self.status_label.style().unpolish(self.status_label)
            self.status_label.style().polish(self.status_label)
            self.error_label.clear()
            for button in (self.paid_button, self.cancel_button, self.later_button):
                button.setEnabled(False)
            self.outcome = "completed"
            self.finished_payment.emit("completed")
            QTimer.singleShot(int(PAID_CLOSE_MS * self.poll_scale), self.accept)
        elif status in ("expired", "failed"):
            self.status_label.setText(
                self.tr("Kode QRIS kedaluwarsa.")
                if status == "expired"
                else self.tr("Pembayaran QRIS gagal.")
            )
            self.error_label.setText(
                self.tr("Untuk kode baru: Nanti, lalu buka lagi dari daftar struk. Atau batalkan QRIS.")
            )
        else:
            self._schedule()

    def _check_failed(self, exc: BaseException) -> None:
        if self.outcome:
            return
        self.error_label.setText(error_text(exc))
        self._schedule()

    def _button(self, text: str, role: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(56)
        if role:
            button.setProperty("role", role)
        return button

    def _choice_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self.tr("Cek uang masuk di aplikasi merchant, lalu konfirmasi."))
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        self.paid_button = self._button(self.tr("Sudah dibayar [Enter]"), "primary")
        self.paid_button.clicked.connect(self.ask_reference)
        self.cancel_button = self._button(self.tr("Batalkan QRIS [F8]"))
        self.cancel_button.clicked.connect(self.ask_abandon)
        self.later_button = self._button(self.tr("Nanti [Esc]"))
        self.later_button.clicked.connect(self.later)
        box.addWidget(self.paid_button)
        box.addWidget(self.cancel_button)
        box.addWidget(self.later_button)
        box.addStretch(1)
        return page

    def _reference_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        ask = QLabel(
            self.tr("Nomor referensi (RRN) dari rincian transaksi di aplikasi merchant: 12 angka/huruf.")
        )
        ask.setWordWrap(True)
        box.addWidget(ask)
        self.reference_field = QLineEdit()
        self.reference_field.setPlaceholderText(self.tr("mis. 412345678901"))
        self.reference_field.setMaxLength(40)
        self.reference_field.returnPressed.connect(self.confirm)
        box.addWidget(self.reference_field)
        self.confirm_button = self._button(self.tr("Konfirmasi [Enter]"), "primary")
        self.confirm_button.clicked.connect(self.confirm)
        back = self._button(self.tr("Kembali [Esc]"))
        back.clicked.connect(self.back)
        box.addWidget(self.confirm_button)
        box.addWidget(back)
        box.addStretch(1)
        return page

    def _abandon_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        question = QLabel(self.tr("Batalkan pembayaran QRIS? Penjualan dibatalkan dan stok dikembalikan."))
        question.setWordWrap(True)
        question.setProperty("role", "big")
        box.addWidget(question)
        self.abandon_button = self._button(self.tr("Ya, batalkan [Enter]"), "primary")
        self.abandon_button.clicked.connect(self.abandon)
        keep = self._button(self.tr("Tidak [Esc]"))
        keep.clicked.connect(self.back)
        box.addWidget(self.abandon_button)
        box.addWidget(keep)
        box.addStretch(1)
        return page

    # -- moves ------------------------------------------------------------------------------------
    def ask_reference(self) -> None:
        self.error_label.clear()
        self.pages.setCurrentIndex(1)
        self.reference_field.setFocus()

    def ask_abandon(self) -> None:
        self.error_label.clear()
        self.pages.setCurrentIndex(2)
        self.abandon_button.setFocus()

    def back(self) -> None:
        self.error_label.clear()
        self.pages.setCurrentIndex(0)
        self.paid_button.setFocus()

    def confirm(self) -> None:
        try:
            self.till.qris.confirm(self.sale_id, self.reference_field.text(), self.actor)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.reference_field.setFocus()
            return
        self._finish("completed")

    def abandon(self) -> None:
        try:
            self.till.qris.abandon(self.sale_id, self.actor)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            return
        self._finish("cancelled")

    def later(self) -> None:
        self._finish("pending")

    def _finish(self, outcome: str) -> None:
        self.poll_timer.stop()
        if not self.outcome:
            self.outcome = outcome
            self.finished_payment.emit(outcome)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.outcome:  # paid: the dialog is closing by itself
            return
        key = event.key()
        page = self.pages.currentIndex()
        if key == Qt.Key.Key_Escape:
            if page == 0:
                self.later()
            else:
                self.back()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if page == 0:
                self.ask_reference()
            elif page == 2:
                self.abandon()
            return
        from kkmp_pos.gui.keymap import key_codes

        action = key_codes("qris_dialog", {"abandon": self.ask_abandon}, self).get(key)
        if action is not None and page == 0:
            action()  # type: ignore[operator]
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        # Closing the window any other way leaves the payment pending, never silently decided.
        self.poll_timer.stop()
        if not self.outcome:
            self.outcome = "pending"
            self.finished_payment.emit("pending")
        super().reject()
