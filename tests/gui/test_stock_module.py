"""The stock module's window with real widgets on a demo till: receive goods, count with a variance,
approve; each checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kkmp_pos.db.models import (
    BarcodeModel,
    GoodsReceiptModel,
    ProductModel,
    StockCountModel,
    StockMovementModel,
    UserModel,
)
from kkmp_pos.gui.ops import running_ops
from kkmp_pos.services.setup.auth import actor_of


@pytest.fixture
def stock_window(qtbot, till):
    from kkmp_pos.gui.stock.stock_module_screen import StockModuleScreen, open_stock_module

    StockModuleScreen.open_pdfs = False
    manager = actor_of(UserModel.get(UserModel.role == "manajer"))
    screen = open_stock_module(till, manager)
    qtbot.addWidget(screen)
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)
    yield screen
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)


def _idle(qtbot) -> None:
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=10_000)


def _scan(qtbot, field, code: str) -> None:
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_receiving_goods_by_scanning_adds_stock_in_the_database(qtbot, stock_window):
    screen = stock_window.receiving
    stock_window.tabs.setCurrentWidget(screen)
    product = ProductModel.get(ProductModel.code == "SPHP5")
    before = product.on_hand_milli
    code = BarcodeModel.get((BarcodeModel.product == product.id) & BarcodeModel.unit.is_null()).code
    screen.supplier.setCurrentText("Perum Bulog")
    qtbot.keyClicks(screen.invoice_no, "BULOG-0815")
    _scan(qtbot, screen.scan_field, code)
    _scan(qtbot, screen.scan_field, code)  # the same pack again adds to the line
    assert screen.table.rowCount() == 1
    screen.set_cell(0, 2, "25")
    screen.set_cell(0, 3, "61.000")
    assert screen.total.text().endswith("Rp1.525.000")
    qtbot.mouseClick(screen.post_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    receipt = GoodsReceiptModel.get()
    assert (receipt.invoice_no, receipt.total_rp, receipt.supplier.name) == (
        "BULOG-0815",
        1_525_000,
        "Perum Bulog",
    )
    assert ProductModel.get_by_id(product.id).on_hand_milli == before + 25_000
    assert screen.table.rowCount() == 0 and receipt.number in stock_window.message_bar.text()


def test_a_count_with_a_variance_is_reviewed_and_approved_from_the_screen(qtbot, stock_window):
    screen = stock_window.count
    stock_window.tabs.setCurrentWidget(screen)
    screen.category.setCurrentText("Beras")
    qtbot.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    count = StockCountModel.get(StockCountModel.status == "open")
    assert screen.entries.rowCount() == count.lines.count()
    headers = [screen.entries.horizontalHeaderItem(i).text() for i in range(screen.entries.columnCount())]
    assert not any("Sistem" in h or "Awal" in h for h in headers)  # blind
    product = ProductModel.get(ProductModel.code == "BRM5")
    expected = product.on_hand_milli
    qtbot.keyClicks(screen.code_field, "BRM5")
    qtbot.keyClicks(screen.qty_field, str(expected // 1000 - 3))
    qtbot.keyClick(screen.qty_field, Qt.Key.Key_Return)
    _idle(qtbot)
    code = BarcodeModel.get(BarcodeModel.product == ProductModel.get(ProductModel.code == "SPHP5").id).code
    _scan(qtbot, screen.scan_field, code)
    _idle(qtbot)
    qtbot.mouseClick(screen.review_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert screen.variance.isVisible()
    line = next(line for line in screen.report.lines if line.code == "BRM5")
    assert line.diff_milli == -3_000 and line.diff_rp == -3 * product.cost_rp
    row = [screen.variance.item(r, 0).text() for r in range(screen.variance.rowCount())].index("BRM5")
    assert screen.variance.item(row, 6).text() == "-3"
    qtbot.mouseClick(screen.approve_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert StockCountModel.get_by_id(count.id).status == "approved"
    assert ProductModel.get_by_id(product.id).on_hand_milli == expected - 3_000
    moves = StockMovementModel.select().where(
        (StockMovementModel.doc_id == count.id) & (StockMovementModel.product == product.id)
    )
    assert [m.qty_milli for m in moves] == [-3_000]
    qtbot.mouseClick(screen.report_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert screen.last_pdf.exists()


def test_the_products_tab_lists_and_finds_products(qtbot, stock_window):
    screen = stock_window.products
    assert screen.table.rowCount() == ProductModel.select().where(ProductModel.active == True).count()  # noqa: E712
    qtbot.keyClicks(screen.search, "minyak")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    _idle(qtbot)
    assert 0 < screen.table.rowCount() < 10
    assert all("minyak" in screen.table.item(r, 1).text().lower() for r in range(screen.table.rowCount()))


def test_a_new_product_is_created_from_the_edit_dialog_and_a_ceiling_breach_is_shown(qtbot, stock_window):
    screen = stock_window.products
    dialog = screen.new_product()
    qtbot.keyClicks(dialog.code, "MKT2")
    qtbot.keyClicks(dialog.name, "MinyaKita 2 L")
    qtbot.keyClicks(dialog.regular, "32000")
    qtbot.keyClicks(dialog.ceiling, "31400")
    qtbot.keyClicks(dialog.barcodes, "8990000000079")
    dialog.submit()
    _idle(qtbot)
    assert "HET" in dialog.error.text() and dialog.isVisible()
    assert not ProductModel.select().where(ProductModel.code == "MKT2").exists()
    dialog.regular.setText("31.400")
    dialog.submit()
    _idle(qtbot)
    product = ProductModel.get(ProductModel.code == "MKT2")
    assert (product.regular_price_rp, product.ceiling_rp) == (31_400, 31_400)
    assert not dialog.isVisible()


def test_suppliers_are_added_from_the_products_tab(qtbot, stock_window):
    from kkmp_pos.db.models import SupplierModel

    dialog = stock_window.products.open_suppliers()
    qtbot.keyClicks(dialog.name, "Agen LPG Sumber Gas")
    assert "lpg_agent" not in [
        dialog.kind.itemText(i) for i in range(dialog.kind.count())
    ]  # words, not codes
    dialog.kind.setCurrentIndex(dialog.kind.findData("lpg_agent"))
    qtbot.keyClicks(dialog.phone, "0542-777")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    row = SupplierModel.get(SupplierModel.name == "Agen LPG Sumber Gas")
    assert (row.kind, row.phone) == ("lpg_agent", "0542-777")
    assert "Agen LPG Sumber Gas" in [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
