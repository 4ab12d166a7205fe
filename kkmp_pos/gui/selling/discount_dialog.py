"""Discounts and manual prices: a line or the whole cart, an amount or a percentage, or a new unit price.

Within the manager's limits (on everything the line and the cart would then have off, not on this step
alone) the cashier's own action suffices; beyond them (and for any manual price) the service refuses with
'approval_required' and a manager approves on the spot with their PIN, after which the same change is
applied again with the approver. The service audits every override.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.cart import Cart
from kkmp_pos.core.errors import KkmpError, PermissionDenied, ValidationError
from kkmp_pos.core.money import format_rp, parse_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import keypad_footer, no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till

LINE, TOTAL, PRICE = "line", "total", "price"


class DiscountDialog(QDialog):
    applied = Signal()  # the cart changed (every line may have)

    def __init__(
        self, till: Till, actor: Actor, cart: Cart, line_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Diskon / ubah harga"))
        self.till = till
        self.actor = actor
        self.cart = cart
        self.line_id = line_id
        self.approval: QDialog | None = None  # the open manager approval, if any (tests drive it)
        layout = QVBoxLayout(self)
        line = cart.line(line_id) if line_id is not None else None
        self.line_label = QLabel(
            self.tr("Baris: {name} ({total})").format(name=line.item.name, total=format_rp(line.total_rp))
            if line
            else ""
        )
        self.line_label.setWordWrap(True)
        layout.addWidget(self.line_label)
        self.total_label = QLabel(
            self.tr("Total belanja: {total}").format(total=format_rp(cart.totals().total_rp))
        )
        self.total_label.setProperty("role", "muted")
        layout.addWidget(self.total_label)

        self.mode_group = QButtonGroup(self)
        modes = QHBoxLayout()
        self.mode_buttons: dict[str, QPushButton] = {}
        for mode, text in (
            (LINE, self.tr("Diskon baris [F5]")),
            (TOTAL, self.tr("Diskon total [F6]")),
            (PRICE, self.tr("Ubah harga [F7]")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setMinimumHeight(52)
            button.setProperty("role", "user")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(button)
            modes.addWidget(button)
            self.mode_buttons[mode] = button
        layout.addLayout(modes)
        for mode in (LINE, PRICE):
            self.mode_buttons[mode].setEnabled(line is not None)

        unit_row = QHBoxLayout()
        self.rp_button = QPushButton(self.tr("Rupiah [F4]"))
        self.pct_button = QPushButton(self.tr("Persen % [F4]"))
        self.unit_group = QButtonGroup(self)
        for b in (self.rp_button, self.pct_button):
            b.setCheckable(True)
            b.setMinimumHeight(48)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.unit_group.addButton(b)
            unit_row.addWidget(b)
        self.rp_button.setChecked(True)
        self.rp_button.clicked.connect(self.value_changed)
        self.pct_button.clicked.connect(self.value_changed)
        layout.addLayout(unit_row)

        self.caption = QLabel()
        layout.addWidget(self.caption)
        self.value_field = QLineEdit()
        self.value_field.returnPressed.connect(self.submit)
        layout.addWidget(self.value_field)
        self.error_label, keypad = keypad_footer(
            self, layout, self.value_field, self.tr("Terapkan [Enter]"), self.tr("Batal [Esc]")
        )
        keypad.submitted.connect(self.submit)
        self.setMinimumWidth(560)
        no_default_buttons(self)
        self.set_mode(LINE if line is not None else TOTAL)

    @property
    def mode(self) -> str:
        for mode, button in self.mode_buttons.items():
            if button.isChecked():
                return mode
        return TOTAL

    def set_mode(self, mode: str) -> None:
        if not self.mode_buttons[mode].isEnabled():
            return
        self.mode_buttons[mode].setChecked(True)
        price = mode == PRICE
        self.rp_button.setVisible(not price)
        self.pct_button.setVisible(not price)
        self.caption.setText(
            self.tr("Harga satuan baru (Rp)") if price else self.tr("Besar diskon (Rp atau %)")
        )
        self.error_label.clear()
        self.value_field.setFocus()
        self.value_field.selectAll()

    def set_percent(self, percent: bool) -> None:
        (self.pct_button if percent else self.rp_button).setChecked(True)
        self.value_field.setFocus()

    def value_changed(self) -> None:
        self.value_field.setFocus()

    def _parse(self) -> tuple[int | None, Decimal | None]:
        text = self.value_field.text().strip()
        if self.mode != PRICE and self.pct_button.isChecked():
            try:
                return None, Decimal(text.replace(",", ".").rstrip("%"))
            except InvalidOperation:
                raise ValidationError("discount_invalid", name=text or "?") from None
        return parse_rp(text), None

    def submit(self, approver: Actor | None = None) -> None:
        """Apply the change; on 'approval_required' ask a manager and apply again with them."""
        self.error_label.clear()
        mode = self.mode
        try:
            amount, percent = self._parse()
            overrides = self.till.overrides
            if mode == PRICE:
                assert self.line_id is not None and amount is not None
                overrides.set_price(self.cart, self.line_id, amount, self.actor, approver)
            elif mode == LINE:
                assert self.line_id is not None
                overrides.discount_line(
                    self.cart, self.line_id, self.actor, amount_rp=amount, percent=percent, approver=approver
                )
            else:
                overrides.discount_total(
                    self.cart, self.actor, amount_rp=amount, percent=percent, approver=approver
                )
        except PermissionDenied as exc:
            if exc.code == "approval_required" and approver is None:
                self._ask_approval(
                    "override_price" if mode == PRICE else "discount_over_limit", error_text(exc)
                )
                return
            self._refused(exc)
            return
        except KkmpError as exc:
            self._refused(exc)
            return
        self.applied.emit()
        self.accept()

    def _refused(self, exc: KkmpError) -> None:
        self.error_label.setText(error_text(exc))
        self.value_field.selectAll()
        self.value_field.setFocus()

    def _ask_approval(self, permission: str, reason: str) -> None:
        """`reason` is the service's own words: for a discount, everything the cart would then have off."""
        from kkmp_pos.gui.approval_dialog import ApprovalDialog

        text = {
            PRICE: self.tr("Ubah harga satuan menjadi {value}"),
            LINE: self.tr("Diskon baris {value} (di atas batas kasir)"),
            TOTAL: self.tr("Diskon total {value} (di atas batas kasir)"),
        }[self.mode].format(value=self._value_text())
        dialog = ApprovalDialog(self.till, permission, f"{text}\n{reason}", self)
        self.approval = dialog
        dialog.approved.connect(self.submit)

        def closed() -> None:
            self.approval = None
            dialog.deleteLater()
            self.value_field.setFocus()

        dialog.finished.connect(closed)
        dialog.open()

    def _value_text(self) -> str:
        text = self.value_field.text().strip()
        if self._is_pct():
            return text.rstrip("%") + "%"
        try:
            return format_rp(parse_rp(text))
        except KkmpError:
            return text

    def _is_pct(self) -> bool:
        return self.mode != PRICE and self.pct_button.isChecked()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from kkmp_pos.gui.keymap import key_codes

        slots = {
            "line": lambda: self.set_mode(LINE),
            "total": lambda: self.set_mode(TOTAL),
            "price": lambda: self.set_mode(PRICE),
            "toggle_percent": lambda: self.set_percent(not self.pct_button.isChecked()),
        }
        keys = key_codes("discount_dialog", slots, self)
        action = keys.get(Qt.Key(event.key()))
        if action is not None:
            action()
            return
        super().keyPressEvent(event)
