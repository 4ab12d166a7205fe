"""Editing one product: details, prices and ceiling, units (each with barcodes), drug class, batches, PPN."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.money import format_qty, parse_qty, parse_rp
from kkmp_pos.core.tax import default_ppn_exempt
from kkmp_pos.gui.i18n import error_text
from kkmp_pos.gui.labels import business_unit_label, drug_class_label
from kkmp_pos.gui.ops import run_op
from kkmp_pos.services.stock.products import ProductSpec, UnitSpec

# stored codes; the combo boxes show their labels (gui/labels.py)
DRUG_CLASSES = ["", "bebas", "bebas_terbatas", "keras"]
BUSINESS_UNITS = ["sembako", "lpg", "obat"]


def _select_code(box: QComboBox, code: str) -> None:
    index = box.findData(code)
    if index < 0:  # a code this version does not know: keep it, shown as is
        box.addItem(code, code)
        index = box.count() - 1
    box.setCurrentIndex(index)


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
        self.aliases = QLineEdit(spec.aliases or "")
        self.aliases.setPlaceholderText(self.tr("mis. minyak kita, migor"))
        self.aliases.setToolTip(self.tr("Nama lain yang diketik pembeli atau kasir, pisahkan dengan koma"))
        self.base_unit = QLineEdit(spec.base_unit)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(["", *categories])
        self.category.setCurrentText(spec.category or "")
        self.business_unit = QComboBox()
        for code in BUSINESS_UNITS:
            self.business_unit.addItem(business_unit_label(code), code)
        _select_code(self.business_unit, spec.business_unit)
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
        for code in DRUG_CLASSES:
            self.drug.addItem(drug_class_label(code), code)
        _select_code(self.drug, spec.drug_class or "")
        self.ppn_exempt = QCheckBox(self.tr("Bebas PPN (bahan pokok, LPG 3 kg)"))
        self.ppn_exempt.setToolTip(
            self.tr("Hanya berlaku bila koperasi terdaftar sebagai PKP: barang ini tidak dihitung PPN.")
        )
        # A new product follows the default for its category and unit until the box is clicked.
        self._ppn_follows_default = spec.ppn_exempt is None
        self.ppn_exempt.clicked.connect(self._ppn_clicked)
        self.category.currentTextChanged.connect(self._ppn_default)
        self.business_unit.currentIndexChanged.connect(self._ppn_default)
        self.nik.toggled.connect(self._ppn_default)
        if spec.ppn_exempt is None:
            self._ppn_default()
        else:
            self.ppn_exempt.setChecked(spec.ppn_exempt)
        self.barcodes = QLineEdit(" ".join(spec.barcodes))
        self.units = QPlainTextEdit(units_text(spec.units))
        self.units.setPlaceholderText(self.tr("Nama | isi | harga | harga anggota | barcode"))
        self.units.setFixedHeight(90)
        self.active = spec.active
        rows = [
            (self.tr("Kode (PLU)"), self.code),
            (self.tr("Nama"), self.name),
            (self.tr("Nama lain (alias)"), self.aliases),
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
            ("", self.ppn_exempt),
            (self.tr("Golongan obat"), self.drug),
            (self.tr("Barcode (pisahkan spasi)"), self.barcodes),
            (self.tr("Satuan jual lain"), self.units),
        ]
        more = QFormLayout()  # two columns: the whole form fits a 768 px screen
        for i, (label, widget) in enumerate(rows):
            (form if i < 10 else more).addRow(label, widget)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Qt's own words would be English in the Indonesian till
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal [Esc]"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(more, 1)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def spec(self) -> ProductSpec:
        """The form as a spec (raises ValidationError on a malformed number)."""
        return ProductSpec(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            aliases=self.aliases.text().strip(),
            regular_price_rp=parse_rp(self.regular.text() or "0"),
            member_price_rp=_rp(self.member.text()),
            ceiling_rp=_rp(self.ceiling.text()),
            base_unit=self.base_unit.text().strip() or "pcs",
            is_weighed=self.weighed.isChecked(),
            category=self.category.currentText().strip() or None,
            business_unit=str(self.business_unit.currentData()),
            supplier=self.supplier.currentText().strip() or None,
            cost_rp=parse_rp(self.cost.text() or "0"),
            reorder_level_milli=parse_qty(self.reorder.text()) if self.reorder.text().strip() else 0,
            track_batches=self.batches.isChecked(),
            drug_class=self.drug.currentData() or None,
            requires_nik=self.nik.isChecked(),
            ppn_exempt=self.ppn_exempt.isChecked(),
            barcodes=self.barcodes.text().split(),
            units=parse_units(self.units.toPlainText()),
            active=self.active,
        )

    def _ppn_clicked(self) -> None:
        self._ppn_follows_default = False

    def _ppn_default(self, *_args: object) -> None:
        if self._ppn_follows_default:
            self.ppn_exempt.setChecked(
                default_ppn_exempt(
                    str(self.business_unit.currentData()),
                    self.category.currentText().strip() or None,
                    self.nik.isChecked(),
                )
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
