"""The purchase caps tab of the stock module: list, add, change and deactivate limit rules (managers).

Each rule is data (services/limits.py): products by code with a measure each ('MK1; MK2=2; MK05=0,5'
counts litres), or a whole category; a limit in the rule's unit; per transaction, day or month; warn or
block. The service checks the permission and the rule; this tab shows and asks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from kkmp_pos.core.errors import KkmpError
from kkmp_pos.core.limits import LimitRule, format_product_codes, parse_product_codes
from kkmp_pos.core.money import format_qty, parse_qty
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.stock.stock_tab import StockTab, fill_table, make_table
from kkmp_pos.gui.widgets import TOUCH_PX


class LimitsScreen(StockTab):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rules: list[LimitRule] = []
        self.editing_id = ""
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Batas pembelian barang bersubsidi (Beras SPHP, MinyaKita, LPG 3 kg). 'Blokir' perlu PIN "
                "manajer untuk melewati; 'Peringatan' hanya dicatat."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = make_table(
            [
                self.tr("Aturan"),
                self.tr("Barang / kategori"),
                self.tr("Batas"),
                self.tr("Periode"),
                self.tr("Mode"),
                self.tr("Berlaku mulai"),
                self.tr("Aktif"),
                self.tr("Catatan"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)

        form = QFormLayout()  # the rule in two columns: the goods left, the when and how right
        more = QFormLayout()
        self.name = QLineEdit()
        self.codes = QLineEdit()
        self.codes.setPlaceholderText("MK1; MK2=2; MK05=0,5")
        self.category = QLineEdit()
        self.max_qty = QLineEdit()
        self.unit = QLineEdit()
        self.period = QComboBox()
        for key, label in (
            ("transaction", self.tr("per transaksi")),
            ("day", self.tr("per hari")),
            ("month", self.tr("per bulan")),
        ):
            self.period.addItem(label, key)
        self.per = QComboBox()
        self.per.addItem(self.tr("per pembeli (NIK atau kartu anggota)"), "buyer")
        self.per.addItem(self.tr("per NIK"), "nik")
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Peringatan"), "warn")
        self.mode.addItem(self.tr("Blokir"), "block")
        self.effective = QLineEdit()
        self.effective.setPlaceholderText(self.tr("TTTT-BB-HH"))
        self.active = QCheckBox(self.tr("Aktif"))
        self.note = QLineEdit()
        form.addRow(self.tr("Nama aturan"), self.name)
        form.addRow(self.tr("Kode barang (=takaran)"), self.codes)
        form.addRow(self.tr("atau kategori"), self.category)
        form.addRow(self.tr("Batas"), self.max_qty)
        form.addRow(self.tr("Satuan"), self.unit)
        more.addRow(self.tr("Periode"), self.period)
        more.addRow(self.tr("Dihitung"), self.per)
        more.addRow(self.tr("Mode"), self.mode)
        more.addRow(self.tr("Berlaku mulai"), self.effective)
        more.addRow("", self.active)
        more.addRow(self.tr("Catatan"), self.note)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(more, 1)
        layout.addLayout(columns)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Aturan baru"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.deactivate_button = QPushButton(self.tr("Nonaktifkan"))
        for button in (self.new_button, self.save_button, self.deactivate_button):
            button.setMinimumHeight(TOUCH_PX)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new_rule)
        self.save_button.clicked.connect(self.save)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.new_rule()
        self.reload()

    def reload(self) -> None:
        self.rules = self.till.limits.rules(include_inactive=True)
        periods = {self.period.itemData(i): self.period.itemText(i) for i in range(self.period.count())}
        modes = {self.mode.itemData(i): self.mode.itemText(i) for i in range(self.mode.count())}
        rows = [
            [
                r.name,
                format_product_codes(r.product_codes) or (r.category or ""),
                format_qty(r.max_milli, r.unit_label),
                periods.get(r.period, r.period) + (" (NIK)" if r.per == "nik" else ""),
                modes.get(r.mode, r.mode),
                r.effective_from or "-",
                self.tr("ya") if r.active else self.tr("tidak"),
                r.note,
            ]
            for r in self.rules
        ]
        fill_table(self.table, rows)

    def new_rule(self) -> None:
        self.table.clearSelection()
        self.editing_id = ""
        for field in (self.name, self.codes, self.category, self.max_qty, self.effective, self.note):
            field.clear()
        self.unit.setText("pcs")
        self.active.setChecked(True)
        self.error_label.clear()
        self.name.setFocus()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        rule = self.rules[rows[0].row()]
        self.editing_id = rule.id
        self.name.setText(rule.name)
        self.codes.setText(format_product_codes(rule.product_codes))
        self.category.setText(rule.category or "")
        self.max_qty.setText(format_qty(rule.max_milli))
        self.unit.setText(rule.unit_label)
        self.period.setCurrentIndex(max(0, self.period.findData(rule.period)))
        self.per.setCurrentIndex(max(0, self.per.findData(rule.per)))
        self.mode.setCurrentIndex(max(0, self.mode.findData(rule.mode)))
        self.effective.setText(rule.effective_from)
        self.active.setChecked(rule.active)
        self.note.setText(rule.note)
        self.error_label.clear()

    def rule_from_form(self) -> LimitRule:
        return LimitRule(
            id=self.editing_id,
            name=self.name.text().strip(),
            product_codes=parse_product_codes(self.codes.text()),
            category=self.category.text().strip() or None,
            max_milli=parse_qty(self.max_qty.text() or "0"),
            unit_label=self.unit.text().strip() or "pcs",
            period=self.period.currentData(),
            per=self.per.currentData(),
            mode=self.mode.currentData(),
            effective_from=self.effective.text().strip(),
            active=self.active.isChecked(),
            note=self.note.text().strip(),
        )

    def save(self) -> None:
        try:
            rule = self.till.limits.save(self.rule_from_form(), self.actor)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            return
        self.editing_id = rule.id
        self.error_label.clear()
        self.reload()
        self.notice(self.tr("Aturan {name} disimpan.").format(name=rule.name))

    def deactivate(self) -> None:
        if not self.editing_id:
            return
        try:
            self.till.limits.deactivate(self.editing_id, self.actor)
        except KkmpError as exc:
            self.error_label.setText(error_text(exc))
            return
        self.reload()
        self.new_rule()
