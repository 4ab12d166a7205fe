"""The till and the shift rule: with no shift open, paying asks for the float first and then goes on
(nothing in the cart lost); banners and status lines always say the state as it is now.

Each test saves a screenshot under the test's tmp folder (`shot`), which was looked at when written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kkmp_pos.db.models import SaleModel, ShiftModel
from kkmp_pos.gui.selling.payment_dialog import PaymentDialog
from kkmp_pos.gui.shifts.shift_dialog import OpenShiftDialog
from tests.conftest import close_test_shift, open_test_shift
from tests.gui.conftest import demo_user, log_in, member_priced_barcodes, scan


def shot(widget, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def fill_cart(qtbot, screen) -> list[tuple[int, int]]:
    for code, _product in member_priced_barcodes(2):
        scan(qtbot, screen, code)
    return [(line.item.product_id, line.qty_milli) for line in screen.cart.lines]


def test_paying_with_no_shift_asks_for_the_float_then_takes_the_cash_into_the_new_shift(
    qtbot, no_shift, window, till, tmp_path
):
    cashier = demo_user("kasir")
    log_in(qtbot, window, cashier, "1111")
    screen = window.cashier
    lines = fill_cart(qtbot, screen)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)  # pay
    dialog = screen.dialog
    assert isinstance(dialog, OpenShiftDialog)  # the float first, before any money
    assert "Buka shift dulu" in screen.status_label.text()
    shot(window, tmp_path, "asks-for-float")
    shot(dialog, tmp_path, "float-dialog")
    dialog.count.set_counts({100_000: 2, 50_000: 2})
    dialog.ok_button.click()

    payment = screen.dialog
    assert isinstance(payment, PaymentDialog)  # the payment goes on where it was
    assert [(line.item.product_id, line.qty_milli) for line in screen.cart.lines] == lines
    due = till.sales.cash_due(screen.cart)
    qtbot.keyClicks(payment.tendered_field, str(due + 10_000))
    qtbot.keyClick(payment.tendered_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_result is not None, timeout=10_000)

    shift = ShiftModel.get(ShiftModel.status == "open")
    assert shift.opening_float_rp == 300_000 and shift.user_id == cashier.id
    assert SaleModel.get_by_id(screen.last_result.sale_id).shift_id == shift.id
    assert "Belum ada shift" not in window.message_bar.text()  # the banner followed
    shot(window, tmp_path, "sold-in-new-shift")


def test_backing_out_of_the_float_keeps_the_cart_and_takes_no_money(qtbot, no_shift, window, till, tmp_path):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    lines = fill_cart(qtbot, screen)
    sales = SaleModel.select().count()
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)
    dialog = screen.dialog
    assert isinstance(dialog, OpenShiftDialog)
    dialog.reject()
    assert screen.dialog is None and SaleModel.select().count() == sales
    assert [(line.item.product_id, line.qty_milli) for line in screen.cart.lines] == lines
    assert "keranjang tetap utuh" in screen.status_label.text()
    shot(window, tmp_path, "backed-out")


def test_transfer_without_a_shift_when_the_shop_allows_it_then_cash_asks_for_the_float(
    qtbot, no_shift, window, till
):
    till.ctx.set_setting("shift.required_for_noncash", False)
    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    fill_cart(qtbot, screen)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)
    payment = screen.dialog
    assert isinstance(payment, PaymentDialog)  # non-cash may go without: straight to the payment
    payment.reject()
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

    screen.flow.checkout([PaymentInput(PaymentMethod.CASH, 0, 500_000)])  # cash typed in the dialog
    assert isinstance(screen.dialog, OpenShiftDialog)
    assert screen.cart.lines  # nothing committed yet


def test_the_banner_says_the_state_now_after_a_shift_is_opened_elsewhere_and_after_a_close(
    qtbot, no_shift, window, till, tmp_path
):
    log_in(qtbot, window, demo_user("kasir"), "1111")
    assert "Belum ada shift" in window.message_bar.text()
    shot(window, tmp_path, "no-shift-banner")
    open_test_shift(till)  # as `kkmp-pos shift open` in a terminal does
    window.check_shift()  # what the window's timer runs
    assert window.message_bar.text() == ""
    close_test_shift(till)  # closed from the terminal, or from the menu by a manager
    window.check_shift()
    assert "Belum ada shift" in window.message_bar.text()
    assert "belum ditutup" not in window.message_bar.text()
    shot(window, tmp_path, "closed-banner")


def test_a_shift_closed_from_the_menu_leaves_no_stale_not_closed_notice(qtbot, window, till, tmp_path):
    from kkmp_pos.db.models import UserModel

    # the fixture's shift belongs to the first cashier; the second logs in and is told to close it
    other = UserModel.select().where(UserModel.role == "kasir").order_by(UserModel.id.desc()).first()
    log_in(qtbot, window, other, "2222")
    assert "belum ditutup" in window.message_bar.text()
    close_test_shift(till)
    dialog = OpenShiftDialog(till, window.actor, window)
    window._keep(dialog)
    dialog.open()
    dialog.ok_button.click()  # a dialog from the menu finishing makes the window look again
    assert window.message_bar.text() == ""
    shot(window, tmp_path, "no-stale-notice")


def test_a_new_cashier_sees_neither_the_last_sale_nor_the_status_of_the_one_before(
    qtbot, window, till, tmp_path
):
    first, manager = demo_user("kasir"), demo_user("manajer")
    log_in(qtbot, window, first, "1111")
    screen = window.cashier
    fill_cart(qtbot, screen)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)
    payment = screen.dialog
    qtbot.keyClicks(payment.tendered_field, "500000")
    qtbot.keyClick(payment.tendered_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_result is not None, timeout=10_000)
    receipt_no = screen.last_result.receipt_no
    assert receipt_no in screen.last_panel.receipt_label.text()
    screen.set_status("Barcode 123 tidak dikenal.", error=True)  # an error left on screen
    screen.request_logout()
    log_in(qtbot, window, manager, "9999")
    assert screen.last_result is None
    assert receipt_no not in screen.last_panel.receipt_label.text()
    assert "Belum ada transaksi" in screen.last_panel.change_label.text()
    assert not screen.last_panel.reprint_button.isEnabled()
    assert screen.status_label.text() == ""
    shot(window, tmp_path, "next-cashier")


def test_a_refusal_in_a_race_keeps_the_cart_and_the_error_goes_once_resolved(qtbot, window, till, tmp_path):
    """A shift closed from a terminal between the check and the commit: the service refuses, the cart
    stays, and once a shift is open again the error is no longer shown."""
    from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod

    log_in(qtbot, window, demo_user("kasir"), "1111")
    screen = window.cashier
    lines = fill_cart(qtbot, screen)
    till.shifts.needed_for = lambda methods: False  # the check passed just before the close
    close_test_shift(till)
    screen.flow.checkout([PaymentInput(PaymentMethod.CASH, 0, 500_000)])
    assert [(line.item.product_id, line.qty_milli) for line in screen.cart.lines] == lines
    assert "Buka shift" in screen.status_label.text()
    del till.shifts.needed_for
    open_test_shift(till)
    window.check_shift()
    assert window.message_bar.text() == ""  # the refusal no longer holds: gone from the banner
    assert screen.status_label.text() == ""  # and from the status line
    shot(window, tmp_path, "race-refused-then-resolved")
