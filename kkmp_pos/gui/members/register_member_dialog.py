"""Register a new member at the counter: name, NIK (checked live), phone, address, simpanan pokok paid.

Keyboard only in under a minute: Enter moves to the next field and, in the last one, registers;
F5/F6/F7 pick cash, QRIS or transfer. The receipt and the member card print in the background; a
printer fault is shown with a retry, and the member stays registered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
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
from kkmp_pos.core.money import format_rp, parse_rp
from kkmp_pos.core.nik import mask_nik
from kkmp_pos.gui.i18n import current_lang, error_text
from kkmp_pos.gui.members.register_member_payment import PokokPaymentPanel
from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.shifts.shift_prompt import ShiftPrompt
from kkmp_pos.gui.widgets import TOUCH_PX, no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.members.registration import Registration
    from kkmp_pos.services.printing.jobs import PrintOutcome
    from kkmp_pos.services.till import Till

# Which field a service error points at, so the cursor goes where the fix is typed.
_FIELD_OF_ERROR = {
    "member_name_invalid": "name",
    "nik_invalid": "nik",
    "nik_already_registered": "nik",
    "phone_invalid": "phone",
    "kk_invalid": "kk",
    "cash_short": "tendered",
    "qris_reference_missing": "reference",
}


class RegisterMemberDialog(QDialog):
    """Emits `registered(MemberRef)` as soon as the member is saved (the cart can re-price at once)."""

    registered = Signal(object)  # MemberRef
    printed = Signal(object)  # list[PrintOutcome], when both jobs came back

    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Daftar anggota baru"))
        self.till = till
        self.actor = actor
        self.pokok_rp = till.ctx.settings.member_pokok_rp
        self.method = "cash"
        self.nik_value = ""  # the accepted NIK; the field then shows it masked
        self.registration: Registration | None = None
        self.print_outcomes: list[PrintOutcome] = []
        # pokok in cash with no shift open: the float first, then the registration goes on as typed
        self.shift_prompt = ShiftPrompt(self, till, actor, lambda text: self.error_label.setText(text))

        outer = QVBoxLayout(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._done_page())
        outer.addWidget(self.pages)
        self.setMinimumSize(1000, 680)
        no_default_buttons(self)
        from kkmp_pos.gui.keymap import bind

        methods = {m: (lambda m=m: self.set_method(m)) for m in ("cash", "qris", "transfer")}
        for key, slot in bind("register_member_dialog", methods, self).items():
            QShortcut(QKeySequence(key), self, activated=slot)
        self.set_method("cash")
        self.name_field.setFocus()

    # -- building -----------------------------------------------------------------------------------
    def _form_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setSpacing(20)
        left = QVBoxLayout()
        title = QLabel(self.tr("Anggota baru"))
        title.setProperty("role", "title")
        left.addWidget(title)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText(self.tr("nama lengkap sesuai KTP"))
        self.nik_field = QLineEdit()
        self.nik_field.setPlaceholderText(self.tr("16 angka"))
        self.nik_field.setMaxLength(24)
        self.nik_field.textChanged.connect(self._check_nik_live)
        self.nik_field.installEventFilter(self)
        self.nik_status = QLabel(" ")
        self.nik_status.setWordWrap(True)
        self.phone_field = QLineEdit()
        self.phone_field.setPlaceholderText(self.tr("mis. 0812 3456 7890 (boleh kosong)"))
        self.kk_field = QLineEdit()  # the family card (issue 12): optional, stored as carefully as the NIK
        self.kk_field.setPlaceholderText(self.tr("No. Kartu Keluarga, 16 angka (boleh kosong)"))
        self.kk_field.setMaxLength(24)
        self.address_field = QLineEdit()
        self.address_field.setPlaceholderText(self.tr("RT/RW, kelurahan (boleh kosong)"))
        self.occupation_field = QLineEdit()  # for the SIMKOPDES member list
        self.occupation_field.setPlaceholderText(self.tr("mis. petani, pedagang (boleh kosong)"))
        form.addRow(self.tr("Nama"), self.name_field)
        form.addRow(self.tr("NIK"), self.nik_field)
        form.addRow("", self.nik_status)
        form.addRow(self.tr("No. HP"), self.phone_field)
        form.addRow(self.tr("No. KK"), self.kk_field)
        form.addRow(self.tr("Alamat"), self.address_field)
        form.addRow(self.tr("Pekerjaan"), self.occupation_field)
        left.addLayout(form)
        left.addStretch(1)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        left.addWidget(self.error_label)
        self.register_button = QPushButton(self.tr("Daftarkan [Enter]"))
        self.register_button.setProperty("role", "primary")
        self.register_button.setMinimumHeight(56)
        self.register_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Batal [Esc]"))
        cancel.setMinimumHeight(TOUCH_PX)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel, 1)
        buttons.addWidget(self.register_button, 2)
        left.addLayout(buttons)
        row.addLayout(left, 5)

        self.payment = PokokPaymentPanel(self.till, self.pokok_rp)
        self.payment.method_clicked.connect(self.set_method)
        self.payment.submitted.connect(self.submit)
        # The payment widgets under the names the rest of the dialog (and its tests) use.
        self.method_buttons = self.payment.method_buttons
        self.tendered_field = self.payment.tendered_field
        self.change_label = self.payment.change_label
        self.qris = self.payment.qris
        self.reference_field = self.payment.reference_field
        row.addWidget(self.payment, 4)

        # Enter walks the form; in the payment field it registers.
        self.name_field.returnPressed.connect(self.nik_field.setFocus)
        self.nik_field.returnPressed.connect(self._nik_entered)
        self.phone_field.returnPressed.connect(self.kk_field.setFocus)
        self.kk_field.returnPressed.connect(self.address_field.setFocus)
        self.address_field.returnPressed.connect(self.occupation_field.setFocus)
        self.occupation_field.returnPressed.connect(self._focus_payment)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(40, 30, 40, 30)
        title = QLabel(self.tr("Anggota terdaftar"))
        title.setProperty("role", "title")
        box.addWidget(title)
        self.done_name = QLabel()
        self.done_name.setProperty("role", "total")
        self.done_name.setWordWrap(True)
        self.done_detail = QLabel()
        self.done_detail.setProperty("role", "big")
        self.done_detail.setWordWrap(True)
        self.done_change = QLabel()
        self.done_change.setProperty("role", "big")
        self.print_status = QLabel(self.tr("Mencetak bukti setoran dan kartu anggota…"))
        self.print_status.setWordWrap(True)
        for widget in (self.done_name, self.done_detail, self.done_change, self.print_status):
            box.addWidget(widget)
        self.retry_button = QPushButton(self.tr("Cetak ulang"))
        self.retry_button.setMinimumHeight(TOUCH_PX)
        self.retry_button.clicked.connect(self.retry_printing)
        self.retry_button.setVisible(False)
        box.addWidget(self.retry_button)
        box.addStretch(1)
        self.done_button = QPushButton(self.tr("Selesai [Enter]"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setMinimumHeight(56)
        self.done_button.clicked.connect(self.accept)
        self.done_button.setAutoDefault(False)  # Enter is handled in keyPressEvent
        box.addWidget(self.done_button)
        return page

    # -- the NIK ----------------------------------------------------------------------------------
    def _check_nik_live(self, text: str) -> None:
        if self.nik_field.isReadOnly():
            return
        self.nik_value = ""
        digits = "".join(c for c in text if c.isdigit())
        if not text.strip():
            self._nik_note(" ", "")
        elif len(digits) < 16 and text.replace(" ", "").replace(".", "").replace("-", "").isdigit():
            self._nik_note(self.tr("{n}/16 angka").format(n=len(digits)), "muted")
        else:
            try:
                self.nik_value = self.till.registration.check_nik(text)
            except KkmpError as exc:
                self._nik_note(error_text(exc), "error")
            else:
                self._nik_note(self.tr("NIK sah ✓"), "saving")

    def _nik_note(self, text: str, role: str) -> None:
        self.nik_status.setText(text)
        self.nik_status.setProperty("role", role)
        self.nik_status.style().unpolish(self.nik_status)
        self.nik_status.style().polish(self.nik_status)

    def _nik_entered(self) -> None:
        if self.nik_field.isReadOnly():
            self.phone_field.setFocus()
            return
        if self.nik_value:
            self._mask_nik()
            self.phone_field.setFocus()
            return
        try:  # a NIK still short or wrong: say why, and stay here
            self.till.registration.check_nik(self.nik_field.text())
        except KkmpError as exc:
            self._nik_note(error_text(exc), "error")

    def _mask_nik(self) -> None:
        # Personal data (UU 27/2022): once accepted, the screen shows only the masked number.
        self.nik_field.setReadOnly(True)
        self.nik_field.setText(mask_nik(self.nik_value))
        self._nik_note(self.tr("NIK sah ✓ (Hapus untuk mengubah)"), "saving")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Backspace/Delete or a digit in the masked NIK starts it over (the full number is never shown).
        if watched is self.nik_field and event.type() == QEvent.Type.KeyPress and self.nik_field.isReadOnly():
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or event.text().isdigit():
                self.nik_field.setReadOnly(False)
                self.nik_field.clear()
                if event.text().isdigit():
                    self.nik_field.insert(event.text())
                return True
        if watched is self.nik_field and event.type() == QEvent.Type.FocusOut and self.nik_value:
            self._mask_nik()
        return super().eventFilter(watched, event)

    # -- paying -----------------------------------------------------------------------------------
    def set_method(self, method: str) -> None:
        self.method = method
        self.error_label.clear()
        self.payment.show_method(method)
        if self.pages.currentIndex() == 0 and self.isVisible() and not self._form_has_focus():
            self._focus_payment()

    def _form_has_focus(self) -> bool:
        fields = (
            self.name_field, self.nik_field, self.phone_field, self.kk_field, self.address_field,
            self.occupation_field,
        )  # fmt: skip
        return any(f.hasFocus() for f in fields)

    def _focus_payment(self) -> None:
        self.payment.field_for(self.method).setFocus()

    def submit(self) -> None:
        if self.pages.currentIndex() != 0 or self.shift_prompt.busy:
            return
        tendered = 0
        try:
            if self.method == "cash":
                tendered = parse_rp(self.tendered_field.text() or "0")
            registration = self.till.registration.register(
                name=self.name_field.text(),
                nik=self.nik_value or self.nik_field.text(),
                phone=self.phone_field.text(),
                address=self.address_field.text(),
                kk=self.kk_field.text(),
                occupation=self.occupation_field.text(),
                method=self.method,
                cashier=self.actor,
                tendered_rp=tendered,
                reference=self.reference_field.text() if self.method != "cash" else "",
            )
        except KkmpError as exc:  # all else checked, no shift open: offer one, then register as typed
            if not self.shift_prompt.refused(exc, self.submit):
                self._show_error(exc)
            return
        self.registration = registration
        # The Enter that registered is still on its way up to the dialog: it must not also close the
        # "done" page the cashier has not seen yet.
        self._swallow_enter = True
        QTimer.singleShot(0, self._stop_swallowing)
        self.registered.emit(registration.member)
        self._show_done(registration)
        self._print([registration.receipt_job_id, registration.card_job_id])

    def _show_error(self, exc: KkmpError) -> None:
        self.error_label.setText(error_text(exc))
        field = {
            "name": self.name_field,
            "kk": self.kk_field,
            "nik": self.nik_field,
            "phone": self.phone_field,
            "tendered": self.tendered_field,
            "reference": self.reference_field,
        }.get(_FIELD_OF_ERROR.get(exc.code, ""))
        if field is self.nik_field:
            self.nik_field.setReadOnly(False)
        if field is not None:
            field.setFocus()
            field.selectAll()

    def _show_done(self, registration: Registration) -> None:
        member = registration.member
        self.done_name.setText(member.name)
        self.done_detail.setText(
            self.tr("No. anggota {number} · NIK {nik} · aktif, harga anggota berlaku").format(
                number=member.number, nik=member.masked_nik or mask_nik(self.nik_value)
            )
        )
        self.done_change.setText(
            self.tr("Kembali {amount}").format(amount=format_rp(registration.change_rp))
            if self.method == "cash"
            else ""
        )
        self.pages.setCurrentIndex(1)
        self.done_button.setFocus()

    # -- printing ---------------------------------------------------------------------------------
    def _print(self, job_ids: list[int], *, retry: bool = False) -> None:
        printing = self.till.printing
        send = printing.retry if retry else printing.print_job
        self.retry_button.setVisible(False)
        self.print_status.setText(self.tr("Mencetak bukti setoran dan kartu anggota…"))
        run_op(
            self,
            lambda: [send(job_id) for job_id in job_ids],
            on_success=self._printed,
            on_failure=lambda exc: self._print_failed(error_text(exc)),
        )

    def _printed(self, outcomes: list[PrintOutcome]) -> None:
        if not isValid(self):
            return  # closed before the printer answered: nothing left to show it on
        self.print_outcomes = outcomes
        failed = [o for o in outcomes if not o.ok]
        if failed:
            reason = failed[0].error.message(current_lang()) if failed[0].error else ""
            self._print_failed(reason)
        else:
            self.print_status.setText(self.tr("Bukti setoran dan kartu anggota tercetak."))
        self.printed.emit(outcomes)

    def _print_failed(self, reason: str) -> None:
        if not isValid(self):
            return  # closed before the printer answered: nothing left to show it on
        self.print_status.setText(
            self.tr("Belum tercetak: {reason} Anggota tetap terdaftar.").format(reason=reason)
        )
        self.print_status.setProperty("role", "error")
        self.print_status.style().polish(self.print_status)
        self.retry_button.setVisible(True)

    def retry_printing(self) -> None:
        failed = [o.job_id for o in self.print_outcomes if not o.ok]
        if self.registration is not None and not self.print_outcomes:
            failed = [self.registration.receipt_job_id, self.registration.card_job_id]
        if failed:
            self._print(failed, retry=True)

    def _stop_swallowing(self) -> None:
        self._swallow_enter = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.pages.currentIndex() == 1 and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if getattr(self, "_swallow_enter", False):
                self._swallow_enter = False
                event.accept()
                return
            self.accept()
            return
        if self.pages.currentIndex() == 1 and event.key() == Qt.Key.Key_Escape:
            self.accept()  # registered already: closing is "done", never "cancelled"
            return
        super().keyPressEvent(event)
