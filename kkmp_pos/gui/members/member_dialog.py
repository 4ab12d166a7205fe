"""Attach a member: scan the card or type the member number, phone or NIK; names list while typing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.cart import MemberRef
from kkmp_pos.core.errors import KkmpError
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.widgets import no_default_buttons

if TYPE_CHECKING:
    from kkmp_pos.services.till import Till


class MemberDialog(QDialog):
    def __init__(
        self,
        find: Callable[[str], MemberRef],
        search: Callable[[str], list[MemberRef]],
        parent: QWidget | None = None,
        till: Till | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Anggota"))
        self.member: MemberRef | None = None
        self._find = find
        self._search = search
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Pindai kartu anggota, atau ketik nomor anggota, nomor HP, NIK atau nama:"))
        )
        self.query_field = QLineEdit()
        self.query_field.textChanged.connect(self._update_list)
        self.query_field.returnPressed.connect(self.submit)
        layout.addWidget(self.query_field)
        self.results = QListWidget()
        self.results.setMinimumHeight(200)
        self.results.itemActivated.connect(self._pick)
        self.results.itemClicked.connect(self._pick)
        layout.addWidget(self.results)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        ok = QPushButton(self.tr("Pilih [Enter]"))
        ok.setProperty("role", "primary")
        ok.setMinimumHeight(52)
        ok.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Batal [Esc]"))
        cancel.setMinimumHeight(48)
        cancel.clicked.connect(self.reject)
        layout.addWidget(ok)
        self.till = till
        self.erase_button = QPushButton(self.tr("Hapus data pribadi… (manajer)"))
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setVisible(till is not None)  # the member screen at a till
        layout.addWidget(self.erase_button)
        layout.addWidget(cancel)
        self.setMinimumWidth(520)
        no_default_buttons(self)
        self.query_field.setFocus()

    def _update_list(self, text: str) -> None:
        self.error_label.clear()
        self.results.clear()
        if not any(c.isalpha() for c in text):
            return  # digits: a card, number or phone — looked up exactly on Enter
        for ref in self._search(text):
            item = QListWidgetItem(f"{ref.name} — {ref.number}")
            item.setData(Qt.ItemDataRole.UserRole, ref)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _pick(self, item: QListWidgetItem) -> None:
        self.member = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def erase(self) -> None:
        """Erase the chosen (or typed) member's personal data, once a manager approves."""
        current = self.results.currentItem()
        try:
            member = (
                current.data(Qt.ItemDataRole.UserRole) if current else self._find(self.query_field.text())
            )
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            return
        from kkmp_pos.gui.members.erase_member import ask_erase

        def done(message: str, ok: bool) -> None:
            if ok:
                self.query_field.clear()  # clears the list and the message too
            self.error_label.setText(message)

        assert self.till is not None
        self.erase_dialog = ask_erase(self.till, member, self, done)

    def submit(self) -> None:
        current = self.results.currentItem()
        if current is not None:
            self._pick(current)
            return
        try:
            self.member = self._find(self.query_field.text())
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            self.query_field.selectAll()
            return
        self.accept()
