"""Suppliers (Bulog, the LPG agent, Kimia Farma, local producers): list, add, edit, deactivate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.gui.labels import supplier_kind_label
from kkmp_pos.gui.ops import run_op
from kkmp_pos.gui.stock.stock_tab import fill_table, make_table
from kkmp_pos.services.stock.suppliers import SUPPLIER_KINDS, SupplierSpec

if TYPE_CHECKING:
    from kkmp_pos.services.context import Actor
    from kkmp_pos.services.stock.suppliers import Supplier, SupplierService


class SupplierDialog(QDialog):
    def __init__(self, suppliers: SupplierService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.actor = suppliers, actor
        self.rows: list[Supplier] = []
        self.editing: int | None = None
        self.setWindowTitle(self.tr("Pemasok"))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        self.table = make_table([self.tr("Nama"), self.tr("Jenis"), self.tr("Kontak"), self.tr("Telepon")])
        self.table.itemSelectionChanged.connect(self._load_selected)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.name = QLineEdit()
        self.kind = QComboBox()
        for code in SUPPLIER_KINDS:  # the code is stored, its words are shown
            self.kind.addItem(supplier_kind_label(code), code)
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        for label, widget in [
            (self.tr("Nama"), self.name),
            (self.tr("Jenis"), self.kind),
            (self.tr("Kontak"), self.contact),
            (self.tr("Telepon"), self.phone),
            (self.tr("Alamat"), self.address),
        ]:
            form.addRow(label, widget)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Baru"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.deactivate_button = QPushButton(self.tr("Nonaktifkan"))
        self.new_button.clicked.connect(self.clear_form)
        self.save_button.clicked.connect(self.save)
        self.deactivate_button.clicked.connect(self.deactivate)
        for b in (self.new_button, self.deactivate_button, self.save_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.service.all()
        fill_table(self.table, [[s.name, supplier_kind_label(s.kind), s.contact, s.phone] for s in self.rows])

    def clear_form(self) -> None:
        self.editing = None
        for field in (self.name, self.contact, self.phone, self.address):
            field.clear()
        self.table.clearSelection()

    def _load_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            s = self.rows[row]
            self.editing = s.id
            self.name.setText(s.name)
            at = self.kind.findData(s.kind or "other")
            self.kind.setCurrentIndex(at if at >= 0 else self.kind.findData("other"))
            self.contact.setText(s.contact)
            self.phone.setText(s.phone)
            self.address.setText(s.address)

    def save(self) -> None:
        spec = SupplierSpec(
            self.name.text(),
            str(self.kind.currentData()),
            self.contact.text(),
            self.phone.text(),
            self.address.text(),
        )
        editing = self.editing
        run_op(
            self, lambda: self.service.save(spec, self.actor, editing), on_success=lambda _s: self.refresh()
        )

    def deactivate(self) -> None:
        if self.editing is not None:
            editing = self.editing
            run_op(
                self,
                lambda: self.service.deactivate(editing, self.actor),
                on_success=lambda _s: self.refresh(),
            )
            self.clear_form()
