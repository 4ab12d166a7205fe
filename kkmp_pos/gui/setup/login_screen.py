"""The login screen: pick your name, type your PIN; or, on a new shop, create the first admin."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError, ValidationError
from kkmp_pos.core.permission_names import refused_params
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import Keypad

if TYPE_CHECKING:
    from kkmp_pos.services.till import Till


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(6)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}")))
    return field


TYPE_AHEAD_S = 1.0  # letters typed within this long spell one name's start


class LoginScreen(QWidget):
    logged_in = Signal(object)  # Actor

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.user_buttons: dict[int, QPushButton] = {}
        self.selected_user_id: int | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        title = QLabel(self.till.shop.cooperative_name)
        title.setProperty("role", "title")
        subtitle = QLabel(self.till.shop.name)
        subtitle.setProperty("role", "muted")
        outer.addWidget(title)
        outer.addWidget(subtitle)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.pages.addWidget(self._login_page())
        self.pages.addWidget(self._first_admin_page())
        self.reload()

    # -- picking a user and typing the PIN ------------------------------------------------------
    def _login_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setSpacing(32)
        left = QVBoxLayout()
        caption = QLabel(self.tr("Pilih nama Anda"))
        caption.setToolTip(self.tr("Ketik huruf awal nama atau tekan ↑/↓, lalu PIN dan Enter"))
        caption.setProperty("role", "big")
        left.addWidget(caption)
        self.users_box = QVBoxLayout()
        self.users_box.setSpacing(8)
        left.addLayout(self.users_box)
        left.addStretch(1)
        self.demo_note = QLabel(self.tr("Toko demo: PIN contoh tertulis di bawah setiap nama."))
        self.demo_note.setProperty("role", "invite")
        self.demo_note.setWordWrap(True)
        left.addWidget(self.demo_note)
        row.addLayout(left, 3)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)

        panel = QFrame()
        panel.setProperty("panel", True)
        right = QVBoxLayout(panel)
        right.setContentsMargins(20, 16, 20, 16)
        self.who_label = QLabel(self.tr("Pilih nama di kiri"))
        self.who_label.setProperty("role", "big")
        right.addWidget(self.who_label)
        right.addWidget(QLabel(self.tr("PIN (4–6 angka)")))
        self.pin_field = _pin_field()
        self.pin_field.returnPressed.connect(self.submit)
        self.pin_field.installEventFilter(self)  # names by keyboard: ↑/↓ or the first letters
        self._typed, self._typed_at = "", 0.0
        right.addWidget(self.pin_field)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setMinimumHeight(36)
        right.addWidget(self.error_label)
        keypad = Keypad(self.pin_field, ok_text=self.tr("Masuk [Enter]"))
        keypad.submitted.connect(self.submit)
        right.addWidget(keypad)
        right.addStretch(1)
        panel.setFixedWidth(380)
        row.addWidget(panel, 0, Qt.AlignmentFlag.AlignTop)
        return page

    def reload(self) -> None:
        """Rebuild the user buttons (after start-up, or after the first admin was created)."""
        for button in self.user_buttons.values():
            self.group.removeButton(button)
            button.deleteLater()
        self.user_buttons.clear()
        self._names: dict[int, str] = {}
        users = self.till.auth.users()
        if not users and not self.till.is_demo:
            self.pages.setCurrentIndex(1)
            self.admin_name.setFocus()
            return
        self.pages.setCurrentIndex(0)
        demo_pins = self._demo_pins() if self.till.is_demo else {}
        self.demo_note.setVisible(bool(demo_pins))
        for user in users:
            text = f"{user.name}\n{self._role_names().get(user.role, user.role)}"
            if user.name in demo_pins:
                text += "  ·  " + self.tr("PIN demo: {pin}").format(pin=demo_pins[user.name])
            button = QPushButton(text)
            button.setProperty("role", "user")
            button.setCheckable(True)
            button.setMinimumHeight(64)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, uid=user.id, name=user.name: self.select_user(uid, name))
            self.group.addButton(button)
            self.users_box.addWidget(button)
            self.user_buttons[user.id] = button
            self._names[user.id] = user.name
        if users:
            self.select_user(users[0].id, users[0].name)

    def _role_names(self) -> dict[str, str]:
        return {"kasir": self.tr("Kasir"), "manajer": self.tr("Manajer"), "admin": self.tr("Admin")}

    @staticmethod
    def _demo_pins() -> dict[str, str]:
        from kkmp_pos.services.setup.demo import DEMO_USERS  # only the demo shop needs it

        return {name: pin for name, _role, pin in DEMO_USERS}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the PIN field: ↑/↓ pick the previous or next name, letters pick a name by its start."""
        if watched is self.pin_field and event.type() == QEvent.Type.KeyPress:
            key, text = event.key(), event.text()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step_user(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if text.isalpha():
                self._type_ahead(text)
                return True
        return super().eventFilter(watched, event)

    def _step_user(self, step: int) -> None:
        ids = list(self.user_buttons)
        if not ids:
            return
        at = ids.index(self.selected_user_id) if self.selected_user_id in ids else -1
        uid = ids[(at + step) % len(ids)]
        self.select_user(uid, self._names[uid])

    def _type_ahead(self, letter: str) -> None:
        now = time.monotonic()
        self._typed = (self._typed if now - self._typed_at < TYPE_AHEAD_S else "") + letter.casefold()
        self._typed_at = now
        for uid, name in self._names.items():
            if name.casefold().startswith(self._typed):
                self.select_user(uid, name)
                return

    def select_user(self, user_id: int, name: str) -> None:
        self.selected_user_id = user_id
        self.user_buttons[user_id].setChecked(True)
        self.who_label.setText(name)
        self.error_label.clear()
        self.pin_field.clear()
        self.pin_field.setFocus()

    def submit(self) -> None:
        if self.selected_user_id is None:
            return
        pin = self.pin_field.text()
        self.pin_field.clear()
        try:
            actor = self.till.auth.login(self.selected_user_id, pin)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.pin_field.setFocus()
            return
        self.error_label.clear()
        self.logged_in.emit(actor)

    def reset(self) -> None:
        self.pin_field.clear()
        self.error_label.clear()
        self.pin_field.setFocus()

    # -- a new shop: the first admin ------------------------------------------------------------
    def _first_admin_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        caption = QLabel(self.tr("Belum ada pengguna. Buat admin pertama toko ini."))
        caption.setProperty("role", "big")
        caption.setWordWrap(True)
        layout.addWidget(caption)
        form = QFormLayout()
        self.admin_name = QLineEdit()
        self.admin_pin = _pin_field()
        self.admin_pin2 = _pin_field()
        form.addRow(self.tr("Nama"), self.admin_name)
        form.addRow(self.tr("PIN (4–6 angka)"), self.admin_pin)
        form.addRow(self.tr("Ulangi PIN"), self.admin_pin2)
        layout.addLayout(form)
        self.admin_error = QLabel()
        self.admin_error.setProperty("role", "error")
        self.admin_error.setWordWrap(True)
        layout.addWidget(self.admin_error)
        create = QPushButton(self.tr("Buat admin"))
        create.setProperty("role", "primary")
        create.setMinimumHeight(56)
        create.clicked.connect(self.create_first_admin)
        self.admin_pin2.returnPressed.connect(self.create_first_admin)
        layout.addWidget(create)
        layout.addStretch(1)
        page.setMaximumWidth(640)
        return page

    def create_first_admin(self) -> None:
        name = self.admin_name.text().strip()
        if not name:
            self.admin_error.setText(self.tr("Isi nama admin."))
            return
        if self.admin_pin.text() != self.admin_pin2.text():
            self.admin_error.setText(self.tr("Kedua PIN tidak sama."))
            return
        try:
            if self.till.auth.users():
                raise ValidationError("permission_denied", name=name, **refused_params("first_admin"))
            self.till.auth.create_user(name, "admin", self.admin_pin.text())
        except KkmpError as exc:
            self.admin_error.setText(error_text(exc))
            return
        self.reload()
