"""Users admin (managers and admins): list, create, rename or change role, reset PIN, deactivate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.labels import ROLES, role_label
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.till import Till


class UsersScreen(QWidget):
    def __init__(self, till: Till, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.actor = till, actor
        self.setWindowTitle(self.tr("Pengguna"))
        layout = QHBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("Peran"), self.tr("Status"), "id"])
        self.table.setColumnHidden(3, True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # the name takes the room; role and status fit their words
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 2)
        side = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role)  # shown as a word, stored as the code
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Nama"), self.name)
        form.addRow(self.tr("Peran"), self.role)
        form.addRow(self.tr("PIN (4-6 angka)"), self.pin)
        side.addLayout(form)
        self.buttons = {}
        for key, label in (
            ("create", self.tr("Tambah pengguna")),
            ("edit", self.tr("Simpan nama/peran")),
            ("reset", self.tr("Atur ulang PIN")),
            ("toggle", self.tr("Nonaktifkan / aktifkan")),
        ):
            button = QPushButton(label)
            button.setMinimumHeight(TOUCH_PX)
            side.addWidget(button)
            self.buttons[key] = button
        self.status = QLabel()
        self.status.setWordWrap(True)
        side.addWidget(self.status)
        side.addStretch(1)
        layout.addLayout(side, 1)
        self.buttons["create"].clicked.connect(self.create)
        self.buttons["edit"].clicked.connect(self.edit)
        self.buttons["reset"].clicked.connect(self.reset_pin)
        self.buttons["toggle"].clicked.connect(self.toggle)
        self.table.itemSelectionChanged.connect(self._selected)
        self.refresh()

    def refresh(self) -> None:
        try:
            users = self.till.users.list(self.actor)
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        self.users = users
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            state = self.tr("aktif") if u.active else self.tr("nonaktif")
            if u.locked_until:
                state += " / " + self.tr("terkunci")
            for col, text in enumerate((u.name, role_label(u.role), state, str(u.id))):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setData(Qt.ItemDataRole.UserRole, u.role)
                self.table.setItem(row, col, item)

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return int(self.table.item(row, 3).text()) if row >= 0 else None

    def _selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.name.setText(self.table.item(row, 0).text())
            index = self.role.findData(self.table.item(row, 1).data(Qt.ItemDataRole.UserRole))
            if index >= 0:
                self.role.setCurrentIndex(index)

    def _do(self, action, done_text: str) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except Exception as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(done_text)
        self.pin.clear()
        self.refresh()

    def create(self) -> None:
        self._do(
            lambda: self.till.users.create(
                self.actor, self.name.text(), self.role.currentData(), self.pin.text()
            ),
            self.tr("Pengguna ditambahkan."),
        )

    def edit(self) -> None:
        user_id = self.selected_id()
        if user_id is not None:
            self._do(
                lambda: self.till.users.edit(
                    self.actor, user_id, name=self.name.text(), role=self.role.currentData()
                ),
                self.tr("Perubahan disimpan."),
            )

    def reset_pin(self) -> None:
        user_id = self.selected_id()
        if user_id is not None:
            self._do(
                lambda: self.till.users.reset_pin(self.actor, user_id, self.pin.text()),
                self.tr("PIN diatur ulang."),
            )

    def toggle(self) -> None:
        user_id = self.selected_id()
        if user_id is None:
            return
        active = next(u.active for u in self.users if u.id == user_id)
        self._do(
            lambda: self.till.users.set_active(self.actor, user_id, not active), self.tr("Status diubah.")
        )
