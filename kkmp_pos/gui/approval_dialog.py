"""A manager approves on the spot: pick their name, type their PIN; the service decides and says why not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import TOUCH_PX, Keypad, no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.till import Till


class ApprovalDialog(QDialog):
    """Emits `approved(Actor)` with the approver from `till.auth.approve` and closes; Esc cancels.

    Only the people whose role grants `permission` are offered; the service still checks it (a wrong
    PIN, a locked user, a user without the right each show the service's own message).
    """

    approved = Signal(object)  # Actor

    def __init__(self, till: Till, permission: str, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kkmp_pos.services.setup.auth import PERMISSIONS

        self.setWindowTitle(self.tr("Persetujuan manajer"))
        self.till = till
        self.permission = permission
        self.approver = None
        self.selected_user_id: int | None = None
        self.user_buttons: dict[int, QPushButton] = {}
        self._names: dict[int, str] = {}

        outer = QVBoxLayout(self)
        title = QLabel(self.tr("Perlu persetujuan manajer"))
        title.setProperty("role", "title")
        outer.addWidget(title)
        self.action_label = QLabel(action_text)
        self.action_label.setProperty("role", "invite")
        self.action_label.setWordWrap(True)
        outer.addWidget(self.action_label)

        row = QHBoxLayout()
        row.setSpacing(16)
        left = QVBoxLayout()
        caption = QLabel(self.tr("Siapa yang menyetujui?"))
        caption.setProperty("role", "big")
        caption.setWordWrap(True)
        left.addWidget(caption)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        approvers = [u for u in till.auth.users() if permission in PERMISSIONS.get(u.role, set())]
        for user in approvers:
            button = QPushButton(f"{user.name}\n{self._role_names().get(user.role, user.role)}")
            button.setProperty("role", "user")
            button.setCheckable(True)
            button.setMinimumHeight(64)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, uid=user.id: self.select_user(uid))
            self.group.addButton(button)
            left.addWidget(button)
            self.user_buttons[user.id] = button
            self._names[user.id] = user.name
        if not approvers:
            none = QLabel(self.tr("Tidak ada manajer terdaftar di kasir ini."))
            none.setProperty("role", "error")
            left.addWidget(none)
        hint = QLabel(self.tr("↑/↓ ganti nama"))
        hint.setProperty("role", "muted")
        left.addWidget(hint)
        left.addStretch(1)
        row.addLayout(left, 1)

        panel = QFrame()
        panel.setProperty("panel", True)
        right = QVBoxLayout(panel)
        right.setContentsMargins(16, 12, 16, 12)
        self.who_label = QLabel(self.tr("Pilih nama"))
        self.who_label.setProperty("role", "big")
        right.addWidget(self.who_label)
        right.addWidget(QLabel(self.tr("PIN (4–6 angka)")))
        self.pin_field = QLineEdit()
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setMaxLength(6)
        self.pin_field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}")))
        self.pin_field.returnPressed.connect(self.submit)
        right.addWidget(self.pin_field)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setMinimumHeight(44)
        right.addWidget(self.error_label)
        keypad = Keypad(self.pin_field, ok_text=self.tr("Setujui [Enter]"))
        keypad.submitted.connect(self.submit)
        right.addWidget(keypad)
        panel.setFixedWidth(340)
        row.addWidget(panel, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(row)

        cancel = QPushButton(self.tr("Batal [Esc]"))
        cancel.setMinimumHeight(TOUCH_PX)
        cancel.clicked.connect(self.reject)
        outer.addWidget(cancel)
        self.setMinimumWidth(720)
        no_default_buttons(self)
        if approvers:
            self.select_user(approvers[0].id)
        self.pin_field.setFocus()

    def select_user(self, user_id: int) -> None:
        """Choose who approves (any user id: the service refuses one without the right)."""
        self.selected_user_id = user_id
        button = self.user_buttons.get(user_id)
        if button is not None:
            button.setChecked(True)
        self.who_label.setText(self._names.get(user_id) or self._name_of(user_id))
        self.error_label.clear()
        self.pin_field.clear()
        self.pin_field.setFocus()

    def _role_names(self) -> dict[str, str]:
        return {"kasir": self.tr("Kasir"), "manajer": self.tr("Manajer"), "admin": self.tr("Admin")}

    def _name_of(self, user_id: int) -> str:
        for user in self.till.auth.users():
            if user.id == user_id:
                return user.name
        return "?"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The keyboard picks the approver too: Up/Down walk the list of names.
        ids = list(self.user_buttons)
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and ids:
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            at = ids.index(self.selected_user_id) if self.selected_user_id in ids else -step
            self.select_user(ids[(at + step) % len(ids)])
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self.selected_user_id is None:
            self.error_label.setText(self.tr("Pilih dulu nama yang menyetujui."))
            return
        pin = self.pin_field.text()
        self.pin_field.clear()
        try:
            approver = self.till.auth.approve(self.selected_user_id, pin, self.permission)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.pin_field.setFocus()
            return
        self.approver = approver
        self.approved.emit(approver)
        self.accept()
