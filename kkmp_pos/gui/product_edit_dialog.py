"""Editing one product: details, prices and ceiling, units (each with barcodes), drug class, batches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import format_qty, parse_qty, parse_rp
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.ops import run_op
from kkmp_pos.services.products import ProductSpec, UnitSpec

DRUG_CLASSES = ["", "bebas", "bebas_terbatas", "keras"]
BUSINESS_UNITS = ["sembako", "lpg", "obat"]


def _rp(text: str) -> int | None:
    return parse_rp(text) if text.strip() else None


def units_text(units: list[UnitSpec]) -> str:
    """One unit a line: 'Dus 12 | 12 | 186000 | 184000 | 8990000000024' (size in base units)."""
    return "\n".join(
        " | ".join(
            [
                u.name,
                format_qty(u.factor_milli).replace(".", ""),
                str(u.regular_price_rp),
                "" if u.member_price_rp is None else str(u.member_price_rp),
                " ".join(u.barcodes),
            ]
        )
        for u in units
        if u.active
    )


def parse_units(text: str) -> list[UnitSpec]:
    units = []
    for raw in filter(None, (line.strip() for line in text.splitlines())):
        parts = [p.strip() for p in raw.split("|")] + ["", "", "", ""]
        if not parts[0] or not parts[1] or not parts[2]:
            raise ValidationError("import_units_invalid", value=raw)
        units.append(
            UnitSpec(
                parts[0], parse_qty(parts[1]), parse_rp(parts[2]), _rp(parts[3]), barcodes=parts[4].split()
            )
        )
    return units


class ProductEditDialog(QDialog):
    """`save(spec)` runs in the background; the dialog closes when it succeeds, else shows why."""

    def __init__(
        self,
        spec: ProductSpec | None,
        categories: list[str],
        suppliers: list[str],
        save: Callable[[ProductSpec], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah barang") if spec else self.tr("Barang baru"))
        self._save = save
        self.saved: Any = None
        spec = spec or ProductSpec(code="", name="", regular_price_rp=0)
        form = QFormLayout()
        self.code = QLineEdit(spec.code)
        self.name = QLineEdit(spec.name)
        self.base_unit = QLineEdit(spec.base_unit)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(["", *categories])
        self.category.setCurrentText(spec.category or "")
        self.business_unit = QComboBox()
        self.business_unit.addItems(BUSINESS_UNITS)
        self.business_unit.setCurrentText(spec.business_unit)
        self.supplier = QComboBox()
        self.supplier.setEditable(True)
        self.supplier.addItems(["", *suppliers])
        self.supplier.setCurrentText(spec.supplier or "")
        self.cost = QLineEdit(str(spec.cost_rp))
        self.regular = QLineEdit(str(spec.regular_price_rp or ""))
        self.member = QLineEdit("" if spec.member_price_rp is None else str(spec.member_price_rp))
        self.ceiling = QLineEdit("" if spec.ceiling_rp is None else str(spec.ceiling_rp))
        self.reorder = QLineEdit(format_qty(spec.reorder_level_milli).replace(".", ""))
        self.weighed = QCheckBox(self.tr("Dijual per berat (kg)"))
        self.weighed.setChecked(spec.is_weighed)
        self.batches = QCheckBox(self.tr("Lacak batch dan tanggal kedaluwarsa"))
        self.batches.setChecked(spec.track_batches)
        self.nik = QCheckBox(self.tr("Wajib NIK pembeli (LPG 3 kg)"))
        self.nik.setChecked(spec.requires_nik)
        self.drug = QComboBox()
        self.drug.addItems(DRUG_CLASSES)
        self.drug.setCurrentText(spec.drug_class or "")
        self.barcodes = QLineEdit(" ".join(spec.barcodes))
        self.units = QPlainTextEdit(units_text(spec.units))
        self.units.setPlaceholderText(self.tr("Nama | isi | harga | harga anggota | barcode"))
        self.units.setFixedHeight(90)
        self.active = spec.active
        for label, widget in [
            (self.tr("Kode (PLU)"), self.code),
            (self.tr("Nama"), self.name),
            (self.tr("Satuan dasar"), self.base_unit),
            (self.tr("Kategori"), self.category),
            (self.tr("Unit usaha"), self.business_unit),
            (self.tr("Pemasok"), self.supplier),
            (self.tr("Harga pokok (Rp)"), self.cost),
            (self.tr("Harga jual (Rp)"), self.regular),
            (self.tr("Harga anggota (Rp)"), self.member),
            (self.tr("HET / harga tertinggi (Rp)"), self.ceiling),
            (self.tr("Batas pesan ulang"), self.reorder),
            ("", self.weighed),
            ("", self.batches),
            ("", self.nik),
            (self.tr("Golongan obat"), self.drug),
            (self.tr("Barcode (pisahkan spasi)"), self.barcodes),
            (self.tr("Satuan jual lain"), self.units),
        ]:
            form.addRow(label, widget)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def spec(self) -> ProductSpec:
        """The form as a spec (raises ValidationError on a malformed number)."""
        return ProductSpec(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            regular_price_rp=parse_rp(self.regular.text() or "0"),
            member_price_rp=_rp(self.member.text()),
            ceiling_rp=_rp(self.ceiling.text()),
            base_unit=self.base_unit.text().strip() or "pcs",
            is_weighed=self.weighed.isChecked(),
            category=self.category.currentText().strip() or None,
            business_unit=self.business_unit.currentText(),
            supplier=self.supplier.currentText().strip() or None,
            cost_rp=parse_rp(self.cost.text() or "0"),
            reorder_level_milli=parse_qty(self.reorder.text()) if self.reorder.text().strip() else 0,
            track_batches=self.batches.isChecked(),
            drug_class=self.drug.currentText() or None,
            requires_nik=self.nik.isChecked(),
            barcodes=self.barcodes.text().split(),
            units=parse_units(self.units.toPlainText()),
            active=self.active,
        )

    def submit(self) -> None:
        try:
            spec = self.spec()
        except ValidationError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()

        def ok(result: Any) -> None:
            self.saved = result
            self.accept()

        run_op(
            self,
            lambda: self._save(spec),
            on_success=ok,
            on_failure=lambda e: self.error.setText(error_text(e)),
        )
