"""The products tab: find, create, edit, (de)activate, import with a preview, export."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkmp_pos.core.money import format_qty, format_rp
from kkmp_pos.gui.i18n import current_lang
from kkmp_pos.gui.stock.stock_tab import StockTab, fill_table, make_table
from kkmp_pos.gui.widgets import TOUCH_PX

if TYPE_CHECKING:
    from kkmp_pos.services.stock.product_import import ImportPreview
    from kkmp_pos.services.stock.product_row import ProductRow


class ImportPreviewDialog(QDialog):
    """Every problem by row and column; 'Simpan semua' only when there are none (all or nothing)."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau impor"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        summary = self.tr("{new} barang baru, {upd} diubah, {bad} baris bermasalah.").format(
            new=preview.new_count, upd=preview.update_count, bad=len(preview.bad_rows)
        )
        layout.addWidget(QLabel(summary))
        self.table = make_table([self.tr("Baris"), self.tr("Kolom"), self.tr("Masalah")])
        lang = current_lang()
        fill_table(self.table, [[str(p.row), p.column, p.message(lang)] for p in preview.problems])
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal [Esc]"))
        self.save_button = buttons.addButton(self.tr("Simpan semua"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setEnabled(preview.ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class StockProductsScreen(StockTab):
    HEADERS = [
        QT_TRANSLATE_NOOP("StockProductsScreen", "Kode"),
        QT_TRANSLATE_NOOP("StockProductsScreen", "Nama"),
        QT_TRANSLATE_NOOP("StockProductsScreen", "Kategori"),
        QT_TRANSLATE_NOOP("StockProductsScreen", "Harga"),
        QT_TRANSLATE_NOOP("StockProductsScreen", "Harga anggota"),
        QT_TRANSLATE_NOOP("StockProductsScreen", "HET"),
        QT_TRANSLATE_NOOP("StockProductsScreen", "Stok"),
        QT_TRANSLATE_NOOP("StockProductsScreen", "Aktif"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[ProductRow] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari nama, kode atau barcode"))
        self.search.setMinimumHeight(TOUCH_PX)
        self.search.returnPressed.connect(self.refresh)
        self.inactive = QCheckBox(self.tr("Tampilkan yang nonaktif"))
        self.inactive.toggled.connect(self.refresh)
        top.addWidget(self.search, 1)
        top.addWidget(self.inactive)
        layout.addLayout(top)
        self.table = make_table([self.tr(h) for h in self.HEADERS])
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Barang baru"))
        self.edit_button = QPushButton(self.tr("Ubah"))
        self.toggle_button = QPushButton(self.tr("Aktifkan / nonaktifkan"))
        self.import_button = QPushButton(self.tr("Impor CSV/XLSX…"))
        self.export_button = QPushButton(self.tr("Ekspor…"))
        self.suppliers_button = QPushButton(self.tr("Pemasok…"))
        for button, slot in [
            (self.new_button, self.new_product),
            (self.edit_button, self.edit_selected),
            (self.toggle_button, self.toggle_selected),
            (self.import_button, self.import_file),
            (self.export_button, self.export_file),
            (self.suppliers_button, self.open_suppliers),
        ]:
            button.setMinimumHeight(TOUCH_PX)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        text, inactive = self.search.text(), self.inactive.isChecked()
        self.run(lambda: self.module.products.browse(text, include_inactive=inactive), self._show)

    def _show(self, products: list[ProductRow]) -> None:
        self.rows = products
        fill_table(
            self.table,
            [
                [
                    p.code,
                    p.name,
                    p.category,
                    format_rp(p.regular_price_rp),
                    format_rp(p.member_price_rp) if p.member_price_rp else "",
                    format_rp(p.ceiling_rp) if p.ceiling_rp else "",
                    format_qty(p.on_hand_milli, p.base_unit),
                    self.tr("ya") if p.active else self.tr("tidak"),
                ]
                for p in products
            ],
            right=frozenset({3, 4, 5, 6}),
        )

    def selected(self) -> ProductRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _dialog(self, spec: Any, save: Any) -> Any:
        from kkmp_pos.gui.stock.product_edit_dialog import ProductEditDialog

        suppliers = [s.name for s in self.module.suppliers.all()]
        dialog = ProductEditDialog(spec, self.module.products.categories(), suppliers, save, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def new_product(self) -> Any:
        return self._dialog(None, lambda spec: self.module.products.create(spec, self.actor))

    def edit_selected(self) -> Any:
        product = self.selected()
        if product is None:
            return None
        spec = self.module.products.spec_of(product.id)
        return self._dialog(spec, lambda s: self.module.products.save(product.id, s, self.actor))

    def toggle_selected(self) -> None:
        product = self.selected()
        if product is not None:
            active = not product.active
            self.run(
                lambda: self.module.products.set_active(product.id, active, self.actor),
                lambda _p: self.refresh(),
            )

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Impor barang"), "", "CSV/XLSX (*.csv *.xlsx)"
            )
        if path:
            self.run(lambda: self.module.importer.preview(path), self._ask_import)

    def _ask_import(self, preview: ImportPreview) -> None:
        dialog = ImportPreviewDialog(preview, self)
        self.preview_dialog = dialog

        def accepted() -> None:
            self.run(
                lambda: self.module.importer.commit(preview, self.actor),
                lambda n: (self.notice(self.tr("{n} barang diimpor.").format(n=n)), self.refresh()),
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def export_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Ekspor barang"), "produk.xlsx", "XLSX (*.xlsx);;CSV (*.csv)"
            )
        if path:
            self.run(
                lambda: self.module.importer.export(path),
                lambda n: self.notice(self.tr("{n} barang diekspor ke {path}.").format(n=n, path=path)),
            )

    def open_suppliers(self) -> Any:
        from kkmp_pos.gui.stock.supplier_dialog import SupplierDialog

        dialog = SupplierDialog(self.module.suppliers, self.actor, self)
        self.supplier_dialog = dialog
        dialog.open()
        return dialog
