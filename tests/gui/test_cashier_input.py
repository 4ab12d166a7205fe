"""Bad input at the cashier screen gives a clear message and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kkmp_pos.db.models import SaleModel
from kkmp_pos.gui.selling.payment_dialog import PaymentDialog
from kkmp_pos.gui.selling.qty_dialog import QtyDialog
from tests.gui.conftest import demo_user, log_in, member_priced_barcodes, scan


def _logged_in(qtbot, window):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    return window.cashier


def test_unknown_barcode_says_so_and_changes_nothing(qtbot, window):
    screen = _logged_in(qtbot, window)
    code, _product = member_priced_barcodes(1)[0]
    scan(qtbot, screen, code)
    before = [(ln.item.product_id, ln.qty_milli) for ln in screen.cart.lines]
    scan(qtbot, screen, "8990000999994")
    assert "8990000999994" in screen.status_label.text()
    assert "tidak dikenal" in screen.status_label.text()
    assert [(ln.item.product_id, ln.qty_milli) for ln in screen.cart.lines] == before
    assert screen.cart.member is None
    assert screen.scan_field.text() == "" and screen.scan_field.hasFocus()


def _qty_dialog(qtbot, screen) -> QtyDialog:
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F4)
    dialog = screen.dialog
    assert isinstance(dialog, QtyDialog)
    return dialog


def test_zero_negative_and_too_large_quantities_are_refused(qtbot, window):
    screen = _logged_in(qtbot, window)
    code, _product = member_priced_barcodes(1)[0]
    scan(qtbot, screen, code)
    dialog = _qty_dialog(qtbot, screen)
    for text, words in [
        ("0", "lebih dari nol"),
        ("-2", "lebih dari nol"),
        ("10000", "terlalu besar"),
        ("1,5", "bilangan bulat"),
        ("abc", "bukan jumlah"),
    ]:
        dialog.qty_field.clear()
        qtbot.keyClicks(dialog.qty_field, text)
        qtbot.keyClick(dialog.qty_field, Qt.Key.Key_Return)
        assert words in dialog.error_label.text(), text
        assert dialog.isVisible()
        assert screen.cart.lines[0].qty_milli == 1000
    dialog.qty_field.clear()
    qtbot.keyClicks(dialog.qty_field, "12")
    qtbot.keyClick(dialog.qty_field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert screen.cart.lines[0].qty_milli == 12_000
    assert screen.model.data(screen.model.index(0, screen.model.COL_QTY)).startswith("12 ")


def test_remove_line_and_remove_member_restore_prices(qtbot, window, till):
    screen = _logged_in(qtbot, window)
    (code1, p1), (code2, _p2) = member_priced_barcodes(2)
    scan(qtbot, screen, code1)
    scan(qtbot, screen, code2)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Delete)  # empty scan field: Del removes the line
    assert [ln.item.product_id for ln in screen.cart.lines] == [p1.id]
    from tests.gui.conftest import active_member

    scan(qtbot, screen, active_member().number)
    assert screen.cart.lines[0].unit_price_rp == p1.member_price_rp
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F7)
    assert screen.cart.member is None
    assert screen.cart.lines[0].unit_price_rp == p1.regular_price_rp
    assert "hemat" in screen.totals_panel.invite_label.text()


def test_search_by_name_lists_results_while_typing_and_enter_adds(qtbot, window):
    screen = _logged_in(qtbot, window)
    qtbot.keyClicks(screen.scan_field, "gula")
    model = screen.scan_box.model
    assert screen.results.isVisible() and model.rowCount() >= 1
    assert all("Gula" in model.index(r, 0).data() for r in range(model.rowCount()))
    while model.items[screen.results.currentIndex().row()].is_weighed:  # weighed goods ask a weight
        qtbot.keyClick(screen.scan_field, Qt.Key.Key_Down)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)
    assert len(screen.cart.lines) == 1 and "Gula" in screen.cart.lines[0].item.name
    assert not screen.results.isVisible() and screen.scan_field.text() == ""


def test_short_cash_is_refused_with_the_services_message(qtbot, window):
    screen = _logged_in(qtbot, window)
    code, _product = member_priced_barcodes(1)[0]
    scan(qtbot, screen, code)
    sales_before = SaleModel.select().count()
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F12)
    dialog = screen.dialog
    assert isinstance(dialog, PaymentDialog)
    qtbot.keyClicks(dialog.tendered_field, "1000")
    assert dialog.change_caption.text() == "Kurang"
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)
    assert "Uang kurang" in dialog.error_label.text()
    assert dialog.isVisible()
    assert SaleModel.select().count() == sales_before
    assert len(screen.cart.lines) == 1
    qtbot.mouseClick(dialog.exact_button, Qt.MouseButton.LeftButton)  # "Uang pas" then pays
    qtbot.keyClick(dialog.tendered_field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert SaleModel.select().count() == sales_before + 1
    qtbot.waitUntil(lambda: screen.last_print is not None, timeout=10_000)
