"""Taking payment: cash, QRIS, bank transfer with its reference, or any split; remaining and change live.

The arithmetic is the service's (`preview(payments) -> Settlement`, i.e. till.sales.preview_settlement):
the dialog only collects amounts and shows what the service says — the cash due after rounding, the
change, or what is still short.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError, ValidationError
from kkmp_pos.core.money import format_rp, parse_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import Keypad, no_default_buttons
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod, Settlement

_ALL_CASH = 10**12  # "tendered" when asking the service only for the cash due


def _field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    return field


class PaymentDialog(QDialog):
    """Accepts with `payments` (list[PaymentInput]) ready for till.sales.checkout."""

    def __init__(
        self,
        total_rp: int,
        quick_notes: list[int],
        preview: Callable[[list[PaymentInput]], Settlement],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pembayaran"))
        self.total_rp = total_rp
        self.payments: list[PaymentInput] = []
        self.settlement: Settlement | None = None
        self._preview = preview
        # Two columns, the amounts left and the keypad right: the whole dialog fits a 768 px screen.
        columns = QHBoxLayout(self)
        columns.setSpacing(16)
        layout = QVBoxLayout()
        columns.addLayout(layout, 3)
        side = QVBoxLayout()
        columns.addLayout(side, 2)

        due_row = QHBoxLayout()
        due_caption = QLabel(self.tr("Total belanja"))
        due_caption.setProperty("role", "big")
        self.total_label = QLabel(format_rp(total_rp))
        self.total_label.setProperty("role", "total")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        due_row.addWidget(due_caption)
        due_row.addWidget(self.total_label, 1)
        layout.addLayout(due_row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.qris_field = _field(self.tr("0"))
        self.qris_rest = self._small_button(
            self.tr("QRIS = sisa [F5]"), lambda: self.rest_to(self.qris_field)
        )
        grid.addWidget(QLabel(self.tr("QRIS")), 0, 0)
        grid.addWidget(self.qris_field, 0, 1)
        grid.addWidget(self.qris_rest, 0, 2)
        self.transfer_field = _field(self.tr("0"))
        self.transfer_rest = self._small_button(
            self.tr("Transfer = sisa [F6]"), lambda: self.rest_to(self.transfer_field)
        )
        grid.addWidget(QLabel(self.tr("Transfer bank")), 1, 0)
        grid.addWidget(self.transfer_field, 1, 1)
        grid.addWidget(self.transfer_rest, 1, 2)
        self.reference_field = _field(self.tr("nomor referensi transfer"))
        grid.addWidget(QLabel(self.tr("Referensi")), 2, 0)
        grid.addWidget(self.reference_field, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        cash_row = QHBoxLayout()
        self.cash_due_caption = QLabel(self.tr("Tunai harus dibayar"))
        self.cash_due_caption.setProperty("role", "big")
        self.due_label = QLabel()
        self.due_label.setProperty("role", "big")
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cash_row.addWidget(self.cash_due_caption)
        cash_row.addWidget(self.due_label, 1)
        layout.addLayout(cash_row)
        self.rounding_label = QLabel()
        self.rounding_label.setProperty("role", "muted")
        layout.addWidget(self.rounding_label)

        notes = QGridLayout()
        self.exact_button = QPushButton(self.tr("Uang pas [F4]"))
        self.exact_button.setProperty("role", "quick")
        self.exact_button.setMinimumHeight(56)
        self.exact_button.clicked.connect(lambda: self.set_tendered(self.cash_due_rp()))
        notes.addWidget(self.exact_button, 0, 0)
        self.note_buttons: list[QPushButton] = []
        # A note adds to what was handed over (two Rp50.000 notes = two taps); "Uang pas" sets it.
        for i, note in enumerate(sorted(int(n) for n in quick_notes), start=1):
            button = QPushButton("+" + format_rp(note))
            button.setProperty("role", "quick")
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, n=note: self.add_note(n))
            notes.addWidget(button, i // 4, i % 4)
            self.note_buttons.append(button)
        layout.addLayout(notes)

        layout.addWidget(QLabel(self.tr("Uang tunai diterima")))
        self.tendered_field = _field(self.tr("ketik jumlah uang, mis. 100000"))
        layout.addWidget(self.tendered_field)

        change_row = QHBoxLayout()
        self.change_caption = QLabel(self.tr("Kembali"))
        self.change_caption.setProperty("role", "big")
        self.change_label = QLabel("–")
        self.change_label.setProperty("role", "big")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        change_row.addWidget(self.change_caption)
        change_row.addWidget(self.change_label, 1)
        layout.addLayout(change_row)

        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)

        self.keypad = Keypad(self.tendered_field, extra_key="000", ok_text=self.tr("Bayar [Enter]"))
        self.keypad.submitted.connect(self.submit)
        side.addStretch(1)
        side.addWidget(self.keypad)
        cancel = QPushButton(self.tr("Batal [Esc]"))
        cancel.setMinimumHeight(48)
        cancel.clicked.connect(self.reject)
        side.addWidget(cancel)
        layout.addStretch(1)
        self.setMinimumWidth(900)

        for field in (self.qris_field, self.transfer_field, self.reference_field, self.tendered_field):
            field.textChanged.connect(self._update)
            field.returnPressed.connect(self.submit)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._retarget_keypad)
        no_default_buttons(self)
        self._update()
        self.tendered_field.setFocus()

    def _small_button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(48)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _retarget_keypad(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The on-screen keypad types into whichever amount field the cashier touched last."""
        if isinstance(new, QLineEdit) and new.window() is self and new is not self.reference_field:
            self.keypad.target = new

    # -- amounts --------------------------------------------------------------------------------
    @staticmethod
    def _amount(field: QLineEdit) -> int:
        text = field.text().strip()
        return parse_rp(text) if text else 0

    def build_payments(self, tendered_rp: int | None = None) -> list[PaymentInput]:
        """The payments as typed; cash is included when something is left for it or cash was handed."""
        qris = self._amount(self.qris_field)
        transfer = self._amount(self.transfer_field)
        tendered = self._amount(self.tendered_field) if tendered_rp is None else tendered_rp
        payments: list[PaymentInput] = []
        if qris:
            payments.append(PaymentInput(PaymentMethod.QRIS, qris))
        if transfer:
            payments.append(
                PaymentInput(PaymentMethod.TRANSFER, transfer, reference=self.reference_field.text().strip())
            )
        if tendered or qris + transfer < self.total_rp:
            payments.append(PaymentInput(PaymentMethod.CASH, 0, tendered))
        return payments

    def cash_due_rp(self) -> int:
        """What the cash part must be (after rounding) for the non-cash amounts typed so far."""
        try:
            return self._preview(self.build_payments(_ALL_CASH)).cash_due_rp
        except KkmpError:
            return 0

    def rest_to(self, field: QLineEdit) -> None:
        """Put whatever the other non-cash fields leave of the total into `field` (no cash)."""
        other = self.transfer_field if field is self.qris_field else self.qris_field
        try:
            rest = self.total_rp - self._amount(other)
        except KkmpError:
            rest = self.total_rp
        field.setText(str(max(0, rest)))
        self.tendered_field.clear()
        (self.reference_field if field is self.transfer_field else field).setFocus()

    def set_tendered(self, amount_rp: int) -> None:
        self.tendered_field.setText(str(amount_rp))
        self.tendered_field.setFocus()

    def add_note(self, note_rp: int) -> None:
        try:
            current = self._amount(self.tendered_field)
        except KkmpError:
            current = 0
        self.set_tendered(current + note_rp)

    # -- live display ---------------------------------------------------------------------------
    def _update(self) -> None:
        self.error_label.clear()
        try:
            payments = self.build_payments()
            due = self._preview(self.build_payments(_ALL_CASH))
        except KkmpError as exc:
            self.change_caption.setText(self.tr("Kembali"))
            self.change_label.setText("–")
            self.error_label.setText(error_text(exc))
            return
        has_cash = any(p.method is PaymentMethod.CASH for p in payments)
        self.due_label.setText(format_rp(due.cash_due_rp) if has_cash else format_rp(0))
        self.rounding_label.setText(
            self.tr("Sisa {rest}, pembulatan tunai {diff}").format(
                rest=format_rp(due.cash_due_rp - due.rounding_rp), diff=format_rp(due.rounding_rp)
            )
            if has_cash and due.rounding_rp
            else ""
        )
        if not self.tendered_field.text().strip():
            self.change_caption.setText(self.tr("Kembali"))
            self.change_label.setText("–" if has_cash else format_rp(0))
            return
        tendered = self._amount(self.tendered_field)
        if tendered < due.cash_due_rp:
            self.change_caption.setText(self.tr("Kurang"))
            self.change_label.setText(format_rp(due.cash_due_rp - tendered))
        else:
            self.change_caption.setText(self.tr("Kembali"))
            self.change_label.setText(format_rp(tendered - due.cash_due_rp))

    def submit(self) -> None:
        try:
            payments = self.build_payments()
            self.settlement = self._preview(payments)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            if isinstance(exc, ValidationError) and exc.code == "transfer_reference_missing":
                self.reference_field.setFocus()
            else:
                self.tendered_field.selectAll()
                self.tendered_field.setFocus()
            return
        self.payments = payments
        self.accept()

    @property
    def tendered_rp(self) -> int:
        return sum(p.tendered_rp for p in self.payments if p.method is PaymentMethod.CASH)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from kkmp_pos.gui.keymap import key_codes

        slots = {
            "exact": lambda: self.set_tendered(self.cash_due_rp()),
            "qris_rest": lambda: self.rest_to(self.qris_field),
            "transfer_rest": lambda: self.rest_to(self.transfer_field),
        }
        keys = key_codes("payment_dialog", slots, self)
        action = keys.get(Qt.Key(event.key()))
        if action is not None:
            action()
            return
        super().keyPressEvent(event)
